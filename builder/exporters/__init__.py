"""Exporters: one module per format, each turning a built site or the Course into a package."""
