"""Re-crawls: the same canonical URL fetched more than once. The latest crawl stands for the page.

A page's URL is made canonical in the worker (`canonical_url`, with courlan's normalisation and
tracking-parameter list) and travels as one 64-bit key of kind URL. In the parent, rows with the same
key are one group whatever their bodies: the copy crawled last stays (ties, and copies with no crawl
time, go to the first in input order; a known crawl time is later than an unknown one), and only that
copy goes on to the body dedup (`--keep first|latest`). The others are `duplicate` rejects naming the
copy finally kept.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import numpy as np

if TYPE_CHECKING:
    from types import ModuleType

NO_URL = 0  # a row's URL key when it has no URL (a tagged key is never 0: its kind bits are 3)
# A row's crawl time (µs since the epoch) when it has none: before any real time, and safe to negate.
NO_CRAWL_TIME = -(1 << 62)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@cache
def _courlan_clean() -> ModuleType:
    # Imported where first needed (in a worker): `builder --help` does not pay for it.
    from courlan import clean

    return clean


def canonical_url(url: str) -> str | None:
    """The URL as re-crawls of one page share it; None when it names no host.

    Scheme and `www.` dropped, host lower-cased, the scheme's default port, the fragment, tracking
    parameters (courlan's list) and a trailing slash dropped, the other query parameters sorted.
    """
    clean = _courlan_clean()
    try:
        normal = urlsplit(clean.normalize_url(clean.scrub_url(url)))
        host = normal.hostname or ""
        port = f":{normal.port}" if normal.port else ""
    except ValueError:  # a malformed host or port: no key rather than a failed record
        return None
    if not host:
        return None
    host = host.removeprefix("www.")
    path = normal.path.rstrip("/") or "/"
    query = f"?{normal.query}" if normal.query else ""
    return f"{host}{port}{path}{query}"


def url_hash(url: str) -> int | None:
    """A 64-bit hash of the canonical URL (the same in every process), or None without one."""
    canonical = canonical_url(url)
    if canonical is None:
        return None
    return int.from_bytes(hashlib.blake2b(canonical.encode(), digest_size=8).digest(), "big")


def latest_crawls(url_keys: np.ndarray, crawled: np.ndarray) -> np.ndarray:
    """Per row (in input order), the row that stands for its canonical URL: the one crawled last, the first
    of them on a tie; a row without a URL (key NO_URL) stands for itself.

    `crawled`: each row's crawl time in µs, NO_CRAWL_TIME when unknown.
    """
    standing = np.arange(len(url_keys))
    with_url = np.flatnonzero(url_keys != NO_URL)
    if not len(with_url):
        return standing
    # By URL, then latest crawl first, then input order: each group's first row is the one that stays.
    order = with_url[np.lexsort((with_url, -crawled[with_url], url_keys[with_url]))]
    keys = url_keys[order]
    starts = np.concatenate(([True], keys[1:] != keys[:-1]))
    standing[order] = order[np.flatnonzero(starts)][np.cumsum(starts) - 1]
    return standing


def crawl_text(microseconds: int) -> str:
    """A crawl time as a reject detail prints it (ISO 8601, UTC)."""
    if microseconds == NO_CRAWL_TIME:
        return "at an unknown time"
    return (_EPOCH + timedelta(microseconds=microseconds)).isoformat().replace("+00:00", "Z")


def recrawl_detail(crawled: int, latest: int, latest_file: str, kept_file: str) -> str:
    """The detail of an older crawl's reject: when it and the latest crawl were made, and the copy kept, which
    is the latest crawl itself or, when that one was a body duplicate of another row, that row."""
    times = f"crawled {crawl_text(crawled)}, latest crawl {crawl_text(latest)}"
    if latest_file == kept_file:
        return f"re-crawl: same canonical URL, {times}; kept {kept_file}"
    return f"re-crawl: same canonical URL as {latest_file}, {times}, itself a duplicate; kept {kept_file}"
