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


REASON_HELP: dict[Reason, str] = {
    Reason.UNREADABLE: "empty file, binary content, or bytes no supported encoding decodes",
    Reason.TOO_LARGE: "larger than --max-bytes (checked before reading, and while an archive member streams)",
    Reason.UNSAFE_MEMBER: "archive member with an absolute or `..` path, a link, or a device; never followed",
    Reason.CORRUPT_ARCHIVE: "an archive (or one of its members) that cannot be read to the end",
    Reason.COMPRESSION_BOMB: "an archive that inflates past 100 times its size (and past 4 x --max-bytes); "
    "the members after that point are not read",
    Reason.OUTSIDE_LINK: "a symbolic link in an input folder that leads outside it; never opened",
    Reason.UNSUPPORTED_FORMAT: "a file in a format builder does not read yet (HTML, XML, JSON, PDF, WARC, Parquet, a compressed single file, an image, ...); the detail names it",
    Reason.UNKNOWN_SITE: "no site profile recognises the dump",
    Reason.NO_ARTICLE: "a page of a known site with no article on it (home or section page)",
    Reason.TRUNCATED: "the dump stops before the article's end (no end-of-article chrome)",
    Reason.MISSING_DATE: "the article has no publication date line",
    Reason.INVALID_DATE: "a date line that is not a real date or time (31 Feb, 25:70, a summer-time gap)",
    Reason.FUTURE_DATE: "published after 'now' (the clock, or --now)",
    Reason.DATE_BEFORE_MIN: "published before the site's launch date in its profile",
    Reason.WRONG_LANGUAGE: "the detected language differs from the site's language",
    Reason.SHORT_BODY: "body shorter than --min-words",
    Reason.DUPLICATE: "a copy of an article already kept (exact, re-crawl or near-duplicate)",
    Reason.PARSE_ERROR: "an unexpected error while processing this one input (the message says which)",
}
