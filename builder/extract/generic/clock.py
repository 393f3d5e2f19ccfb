"""A time of day and its zone as pages print them: read beside a date (`dates`) or alone on a line of its own.

`zone_offset` is what the page states: Z, +02:00, GMT+2, UTC, a zone abbreviation from `date_words.ZONES`.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Final, NamedTuple

from builder.extract.generic.date_words import ZONES

NO_LETTER_AFTER: Final = r"(?![^\W\d_])"

# A time of day: 14:49, 14:49:05.000, 2:49 PM, 2.49pm, 14h49, 14 h 49, 14時49分, 午後2時49分.
# An hour alone counts with am/pm or an hour word: "3 pm", "à 14h", "um 14 Uhr", "14時".
TIME: Final = (
    r"(?:(?P<cjk_ap>午前|午後|上午|下午)\s*)?(?<!\d)"
    r"(?:(?P<h>\d{1,2})(?:[:.]|\s?h\s?|\s*[時时시]\s*)(?P<mi>\d{2}|(?<=[時时시])\d(?=[分분]))"
    r"(?::(?P<s>\d{2})(?:[.,]\d+)?)?(?!\d)(?:\s*[分분])?"
    r"|(?P<h_only>\d{1,2})(?:(?=\s?[ap]\.?\s?m\b)|\s?h" + NO_LETTER_AFTER + r"|\s?[時时시](?!\s*\d)|(?=\s?uhr\b)))"
    r"(?:\s?(?P<ap>[ap])\.?\s?m\b\.?|\s?(?P<ar_ap>ص|م)" + NO_LETTER_AFTER + r")?(?:\s*uhr\b)?"
)
ZONE_TEXT: Final = (
    # +02:00, +0200, +02 against the time; " +0200" after a space only with its minutes
    r"(?:(?:\s(?=[+\-−]\d\d:?\d\d))?(?P<sign>[+\-−])(?P<oh>\d{2})(?::?(?P<om>\d{2}))?(?!\d)"
    r"|(?P<z>Z)" + NO_LETTER_AFTER + r"|\s*\(?\s*(?:(?P<gmt>GMT|UTC|UT)(?:\s*(?P<gsign>[+\-−])\s*(?P<gh>\d{1,2})"
    r"(?::?(?P<gm>\d{2}))?)?|(?-i:(?P<abbr>[A-ZА-Я]{2,5})))" + NO_LETTER_AFTER + r"\)?)"
)
ZONE: Final = re.compile(ZONE_TEXT, re.IGNORECASE)


def clock(match: re.Match[str], prefix: str) -> tuple[int, int, int] | None:
    """(hour, minute, second) of a time match, 12-hour forms turned to 24; None for a time that cannot be."""
    group = match.group
    only = group(prefix + "h_only")
    hour = int(only or group(prefix + "h"))
    minute = 0 if only else int(group(prefix + "mi"))
    second = 0 if only else int(group(prefix + "s") or 0)
    ap, ar_ap, cjk_ap = group(prefix + "ap"), group(prefix + "ar_ap"), group(prefix + "cjk_ap")
    if ap or ar_ap or cjk_ap:
        if not 1 <= hour <= 12:
            return None
        pm = (ap or "").lower() == "p" or ar_ap == "م" or cjk_ap in ("午後", "下午")
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def zone_offset(zone: re.Match[str]) -> timedelta | None:
    """The UTC offset a zone match states, or None when it names no known zone or an impossible offset."""
    group = zone.group
    if group("z"):
        return timedelta(0)
    if group("abbr"):
        return ZONES.get(group("abbr"))
    sign, hours, minutes = group("sign", "oh", "om") if group("sign") else group("gsign", "gh", "gm")
    if not sign:
        return timedelta(0) if group("gmt") else None
    if int(hours) > 14 or int(minutes or 0) > 59:
        return None
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    return -offset if sign in "-−" else offset


# A time of day alone on its line, with its zone: "01:29 PM EDT", "18:30 Uhr", "5 PM" (a page prints its date's time on
# a line of its own, under the date). Alone, a number is as often no time: "3.20" is a section's, "1:15" a video's
# length; a time alone says am/pm, its zone or "Uhr", or prints two digits of hour, a colon and its minutes.
_TIME_ALONE: Final = re.compile(r"\s*(?:" + TIME + r")(?:" + ZONE_TEXT + r")?\s*\Z", re.IGNORECASE)
_CLOCK_ALONE: Final = re.compile(r"\s*\d\d:\d\d")
TIME_ALONE_CHARS: Final = 24  # no line of a time alone is longer ("11:23 a.m. (GMT+10:00)")


class TimeAlone(NamedTuple):
    hour: int
    minute: int
    second: int
    offset: timedelta | None  # the zone the line states, None when it states none


def time_alone(line: str) -> TimeAlone | None:
    """The time of day a line prints alone, with its zone ("01:29 PM EDT"), else None."""
    if len(line) > TIME_ALONE_CHARS or not line[:1].isdigit():
        return None
    match = _TIME_ALONE.match(line)
    if match is None:
        return None
    moment, offset = clock(match, ""), zone_offset(match)
    said = match.group("ap") or offset is not None or line.rstrip().lower().endswith("uhr")
    if moment is None or not (said or _CLOCK_ALONE.match(line)):
        return None
    return TimeAlone(*moment, offset)
