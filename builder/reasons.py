"""Reject reason codes: every input that does not become a row gets exactly one of these."""

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
    MISSING_DATE = "missing_date"
    INVALID_DATE = "invalid_date"
    FUTURE_DATE = "future_date"
    DATE_BEFORE_MIN = "date_before_min"
    WRONG_LANGUAGE = "wrong_language"
    SHORT_BODY = "short_body"
    DUPLICATE = "duplicate"
    PARSE_ERROR = "parse_error"
