"""Validation: raw loaded data -> typed model, adding diagnostics. Cross-file checks run last."""
