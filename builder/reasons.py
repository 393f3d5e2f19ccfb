"""Reject reason codes: every input that does not become a row gets exactly one of these (a skip is one too)."""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    UNSAFE_MEMBER = "unsafe_member"
    CORRUPT_ARCHIVE = "corrupt_archive"
    COMPRESSION_BOMB = "compression_bomb"
    OUTSIDE_LINK = "outside_link"
    UNSUPPORTED_FORMAT = "unsupported_format"
    UNKNOWN_SITE = "unknown_site"
    NO_ARTICLE = "no_article"
    TRUNCATED = "truncated"
    MISSING_TITLE = "missing_title"  # an article's prose with no headline found above it
    MISSING_DATE = "missing_date"
    INVALID_DATE = "invalid_date"
    FUTURE_DATE = "future_date"
    DATE_BEFORE_MIN = "date_before_min"
    WRONG_LANGUAGE = "wrong_language"
    SHORT_BODY = "short_body"
    DUPLICATE = "duplicate"
    PARSE_ERROR = "parse_error"
    TRUNCATED_RECORD = "truncated_record"  # a WARC record cut short, or not the length its headers declare
    INVALID_JSON = "invalid_json"  # a JSON Lines line that does not parse as one JSON object
    MISSING_COLUMN = "missing_column"  # an export's row with neither an html nor a text column
    SKIPPED_RECORD = "skipped_record"  # not a reject: a WARC record that is no page (request, revisit...)


# Reasons that count an input read and set aside on purpose, not a failure: the report and the card
# show them apart from the rejects, and --fail-on-reject ignores them.
SKIPS = frozenset({Reason.SKIPPED_RECORD})
