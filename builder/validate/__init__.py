"""Validate: judge each row (dates, body length, language) from what the extract steps filled; answer ok or a reject."""
