"""Validate: judge each row (dates, body length, language); a validator answers ok or a reject."""
