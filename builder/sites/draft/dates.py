"""Dates as sites print them: which lines are dates, the strptime format that reads them, a pattern for it.

strptime reads English month and day names whatever the locale builder runs in (the reader parses in the
C locale), so only formats with English names or none are tried; the first one that reads every date line
wins, which is why the list runs from the most specific (a time, a full month name) to the least.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

# Tried in order; a format with a time comes before the same without, so a time is never left unread.
FORMATS: tuple[str, ...] = (
    "%d %b %Y %H:%M",
    "%d %B %Y %H:%M",
    "%d %b %Y, %H:%M",
    "%d %B %Y, %H:%M",
    "%B %d, %Y %I:%M %p",
    "%b %d, %Y %I:%M %p",
    "%B %d, %Y, %I:%M %p",
    "%b %d, %Y, %I:%M %p",
    "%B %d, %Y at %I:%M %p",
    "%B %d, %Y %H:%M",
    "%b %d, %Y %H:%M",
    "%A, %B %d, %Y %I:%M %p",
    "%A, %d %B %Y %H:%M",
    "%I:%M %p, %B %d, %Y",
    "%H:%M, %d %B %Y",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y, %H:%M",
    "%d %b %Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%A, %B %d, %Y",
    "%A, %d %B %Y",
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
)
# What each directive matches, as loosely as strptime reads it (one-digit days and hours, any case).
_DIRECTIVES = {
    "d": r"\d{1,2}",
    "m": r"\d{1,2}",
    "Y": r"\d{4}",
    "y": r"\d{2}",
    "H": r"\d{1,2}",
    "I": r"\d{1,2}",
    "M": r"\d{2}",
    "S": r"\d{2}",
    "b": r"[A-Za-z]{3}",
    "a": r"[A-Za-z]{3}",
    "B": r"[A-Za-z]+",
    "A": r"[A-Za-z]+",
    "p": r"[AaPp][Mm]",
    "%": "%",
}
_LONGEST_DATE = 60  # characters: a longer line is prose that happens to hold a date
_PREFIX_WORDS = 3  # a date line may open with a few words: "Published on", "Updated:"
_SUFFIX_WORDS = 2  # and end with a zone or a word: "EDT", "GMT+3"


def escape(text: str) -> str:
    """A regex matching `text` literally, spaces left readable (re.escape writes them as `\\ `)."""
    return re.escape(text).replace("\\ ", " ")


def pattern_of(format: str) -> str:
    """A regex that matches what `format` prints (and, loosely, a little more: strptime decides)."""
    parts = re.split(r"(%.)", format)
    return "".join(_DIRECTIVES[part[1]] if part.startswith("%") else escape(part) for part in parts if part)


def reads(format: str, text: str) -> datetime | None:
    try:
        return datetime.strptime(text, format)
    except ValueError:
        return None


def looks_like_date(text: str) -> bool:
    """Cheap test before trying formats: short, with a digit."""
    return len(text) <= _LONGEST_DATE and any(char.isdigit() for char in text)


def first_format(text: str) -> str | None:
    """The first format in FORMATS that reads the whole of `text`."""
    if not looks_like_date(text):
        return None
    return next((format for format in FORMATS if reads(format, text)), None)


class DateText(NamedTuple):
    """A line holding a date: the words before it, the date, the words after it (" EDT")."""

    prefix: str
    date: str
    suffix: str


def date_in(text: str) -> DateText | None:
    """The date in `text`: the whole line, or all but a few words before it or after it."""
    if not looks_like_date(text):
        return None
    words = text.split(" ")
    cuts = sorted(
        ((front, back) for front in range(_PREFIX_WORDS + 1) for back in range(_SUFFIX_WORDS + 1)),
        key=lambda cut: (sum(cut), cut),
    )
    for front, back in cuts:
        if front + back < len(words):
            date = " ".join(words[front : len(words) - back])
            if first_format(date):
                prefix = " ".join(words[:front]) + " " if front else ""
                return DateText(prefix, date, text[len(prefix) + len(date) :])
    return None


def line_pattern(prefix: str, format: str, suffixes: Sequence[str]) -> str:
    """A pattern for date lines: the date as group 1 when words stand around it, any of `suffixes` optional."""
    pattern = pattern_of(format)
    if not prefix and not suffixes:
        return pattern
    after = f"(?:{'|'.join(escape(suffix) for suffix in sorted(suffixes))})?" if suffixes else ""
    return f"{escape(prefix)}({pattern}){after}"


def best_format(texts: Sequence[str]) -> tuple[str, int]:
    """The first format that reads every text, else the one reading most: (format, how many it reads)."""
    best, most = FORMATS[0], -1
    for format in FORMATS:
        count = sum(1 for text in texts if reads(format, text))
        if count == len(texts):
            return format, count
        if count > most:
            best, most = format, count
    return best, most


def rivals(format: str, texts: Sequence[str]) -> list[str]:
    """Other formats that read every text too, as other dates (day and month swapped): the user must choose."""
    mine = [reads(format, text) for text in texts]
    found = []
    for other in FORMATS:
        theirs = [reads(other, text) for text in texts]
        if other != format and None not in theirs and theirs != mine:
            found.append(other)
    return found
