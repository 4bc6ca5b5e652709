"""Loaders: the only code that reads input files. They return raw data with line information."""
