"""The one record type that flows through the pipeline steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from builder.reasons import Reason

if TYPE_CHECKING:
    from builder.cache.stats import StatSeen
    from builder.sites.profile import SiteProfile

TEXT_DUMP = "text/plain"  # a page rendered as plain text
HTML_PAGE = "text/html"  # an HTML page, recognised by its bytes or set by its container (WARC, JSONL)
RENDERED_BULLET = "•"  # how the renderer marks a list item ("  • item"): a profile's default, the generic reader's


@dataclass(frozen=True, slots=True)
class Reject:
    """Why an input did not become a row: a reason code, a human-readable detail, the step that said so."""

    reason: Reason
    detail: str
    stage: str = ""


@dataclass(slots=True)
class Record:
    """One input on its way to becoming a row (or a reject).

    What the input is: `source_file` (where it came from, down to an archive member), its bytes, its
    `media_type` (guessed while reading; an extractor is chosen by it), and what the container knew of
    it: the `url` it was crawled from, the `crawled_at` instant and free `metadata` (a WARC record's or
    an export row's other fields). None of these is required: a loose text file has only its name.

    What becomes of it: `fields` holds schema fields by name as they are filled in; `extracted` holds
    raw strings the extractor found for later steps (the date as printed, for instance).
    """

    source_file: str
    data: bytes = b""
    media_type: str = TEXT_DUMP
    url: str | None = None
    crawled_at: datetime | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    text: str = ""
    # Every line of `text` printable (no tab, no no-break space, no control): decoding tells it nearly for
    # free, and the line readers then skip `str.isprintable` on each line. False when not known.
    printable: bool = False
    site: SiteProfile | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    extracted: dict[str, str] = field(default_factory=dict)
    dedup_keys: tuple[int, ...] = ()  # computed in a worker by fingerprint.Fingerprinter
    url_key: int | None = None  # the canonical url's dedup key, by the same; None without a url
    body_words: int = 0  # counted once, for the card's statistics
    reject: Reject | None = None
    cache_stat: StatSeen | None = None  # a loose file's stat as the build cache saw it (builder.cache.stats)
