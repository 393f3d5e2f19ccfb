"""The site's facts: its name, who publishes it, its language, time zone and a launch date before its dates."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from builder.extract.langid import FastTextDetector
from builder.sites.draft.corpus import Corpus, most_common
from builder.sites.draft.guesses import DraftError, Guess

_COPYRIGHT = re.compile(r"(?i)^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(.+?)[\s.,]*$")
_RIGHTS = re.compile(r"(?i)[\s.,]*all rights reserved[\s.]*$")
_NAME_WORDS = 8  # a line of more words is a sentence, not a site's name


def site_name(given: str | None, file_name: str) -> str:
    """The profile's `site` key: the name given, or the output file's, in lower case with `_` between words."""
    name = given if given is not None else file_name
    made = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if not made:
        raise DraftError(f"{name!r} gives no site name of letters and digits", "pass --site my_site")
    return made


def publisher(corpus: Corpus, recognise: dict[str, Guess[Any]]) -> Guess[str]:
    """The recognition line when it reads as a name, else the name in a copyright line, else a placeholder."""
    first = recognise.get("recognise.first_line")
    if first is not None and len(first.value.split()) <= _NAME_WORDS and not any(c.isdigit() for c in first.value):
        return Guess(first.value, "the line every dump starts with")
    names: Counter[str] = Counter()
    for page in corpus.pages:
        for line in page:
            match = _COPYRIGHT.match(_RIGHTS.sub("", line.text))
            if match and corpus.is_site_line(line):
                names[match.group(1)] += 1
    found = most_common(names)
    if found is not None:
        return Guess(found[0], f"the copyright line of {corpus.of(found[1])}")
    fallback = first.value if first is not None else recognise["recognise.lines"].value[0]
    return Guess(fallback, "a line every dump holds; no copyright line found: write the site's name")


def language(prose: Sequence[str]) -> Guess[str]:
    """The language fastText reads in most dumps' article prose."""
    detector = FastTextDetector()
    votes = Counter(code for text in prose if text and (code := detector.detect(text)[0]) != "und")
    found = most_common(votes)
    if found is None or not re.fullmatch(r"[a-z]{2}", found[0]):
        return Guess("en", "no language detected in the article prose: a placeholder, set the site's language")
    return Guess(found[0], f"fastText reads it in the article prose of {found[1]} of {len(prose)} dumps")


# Zone abbreviations that name one set of rules, and a zone that keeps them (EET, IST and others are
# shared by zones whose summer times differ, so they are not guessed from).
_ABBREVIATIONS = {
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "GMT": "Europe/London",
    "BST": "Europe/London",
    "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin",
    "MSK": "Europe/Moscow",
    "JST": "Asia/Tokyo",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "UTC": "UTC",
}


def timezone(given: str | None, printed: Sequence[str] = ()) -> Guess[str]:
    """The zone given; else the one the abbreviations printed after the dates name; else UTC."""
    if given is not None:
        try:
            ZoneInfo(given)
        except (ZoneInfoNotFoundError, ValueError):
            raise DraftError(f"unknown time zone {given!r}", "use an IANA name such as Asia/Beirut") from None
        return Guess(given, "given with --timezone", given=True)
    words = sorted({suffix.strip() for suffix in printed})
    zones = {_ABBREVIATIONS.get(word) for word in words}
    zone = zones.pop() if len(zones) == 1 else None
    if words and zone is not None:
        return Guess(zone, f"confirm: the dates are printed with {', '.join(words)}")
    return Guess("UTC", "confirm: the dumps print no zone; set the zone the site prints its times in")


def launched(earliest: datetime) -> Guess[date]:
    """1 January of the year before the earliest date seen: early enough to reject none of the site's own."""
    day = date(earliest.year - 1, 1, 1)
    return Guess(day, f"before the earliest date seen ({earliest:%Y-%m-%d}); set the site's launch date")
