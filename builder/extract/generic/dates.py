"""Find and read the date a line of a text dump prints, for pages no site profile describes.

Absolute dates only: ISO and numeric forms, month names in English, German, French, Spanish, Portuguese,
Italian, Dutch, Russian, Arabic, Czech and Polish, and Japanese/Chinese/Korean 年月日. Relative dates
("3 hours ago") are not read: they need the time the page was saved, which a dump does not carry.

Rules a reader of the results should know:
- A year is 1990..2100 and printed with four digits; "2021" alone, "July 2021" or "Mar 17" is no date (a month
  and year alone would need a day made up; the other, a year guessed).
- A numeric date of dots or slashes may print its year with two digits ("06.11.23", "19/10/12", "1.11.23 20:19"),
  on a line that prints no date with four, within its first 160 characters (a date line's length; a dateline
  opens its paragraph): "90".."99" are the 1990s, "00".."68" the 2000s (POSIX's pivot), "69".."89" no year.
  Nothing may touch it but spaces and punctuation ("v1.11.23", "10.1.12.5" are none).
- Numeric `a/b/yyyy`: month first when `b` > 12 (US 07/21/2021), day first when `a` > 12; when both are 12
  or less, slashes follow `day_first` (default True), unless the line prints a 12-hour clock or a US time
  zone ("10/11/2022 08:00 AM EDT": month first) and no zone of a country that writes the day first ("12:01am
  GMT 08/01/2008": 8 January), and dots or dashes are always day first.
- A date, or its time, that cannot exist (31 Feb, 25:00) is no date; the search goes on along the line.
- `offset` is what the page states (`clock.zone_offset`); `instant` applies the caller's default zone when it states none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Final

from builder.extract.generic.clock import NO_LETTER_AFTER, TIME, ZONE, ZONE_TEXT, clock, zone_offset
from builder.extract.generic.date_words import BYLINE_MARKERS, FILLERS, KIND_LABELS, MONTHS, WEEKDAYS, ZONES
from builder.extract.generic.digits import ASCII_DIGITS, DIGIT, OTHER_DIGIT, holds_date_digit


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date printed on a line: its wall-clock value, the zone the page states, and where it stands."""

    local: datetime  # naive: the date and time as printed (00:00 when no time is printed)
    offset: timedelta | None  # the UTC offset the page states, None when it states none
    has_time: bool  # whether a time of day was printed
    kind: str | None  # "published" / "updated" when the line's label says so
    start: int  # span of the date (with its weekday, time and zone) in the line
    end: int

    def instant(self, default: tzinfo) -> datetime:
        """The aware UTC instant: the stated offset when there is one, else the wall clock read in `default`."""
        zone = default if self.offset is None else timezone(self.offset)
        return self.local.replace(tzinfo=zone).astimezone(UTC)


_NO_LETTER_BEFORE: Final = r"(?<![^\W\d_])"

# A four-digit year, 1990..2109 (the day's check stops at 2100); a digit before it is checked apart, since a
# lookbehind first would cost the regex its fast scan for the leading digit. A digit after it makes it part of a
# number, unless a day and a month's name follow, or a date of digits: a blog's dates of publishing and of
# updating, which w3m glues together ("22. Dezember 201922. Dezember 2019", "17/11/201917/11/2019"), or the
# date's own time ("4 de mayo de 202207:59 hs", "Mar 18 20199:29 AM EDT").
_YEAR: Final = re.compile(
    r"(?:199|20\d|210)\d(?:(?!\d)|(?=\d{1,2}\.?\s?[^\W\d_]{3}|\d{1,2}([./])\d{1,2}\1(?:199|20\d|210)\d(?!\d)"
    r"|\d{1,2}:\d\d(?!\d)))"
)

# The dates that start with their year, matched forwards from it: 2021-07-21, 2021/07/21, 2021年7月21日.
_YEAR_FIRST: Final = re.compile(
    r"(?<![\d.])(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?!\d)"
    r"|(?P<cy>\d{4})\s*[年년]\s*(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日일]"
)
# The dates that end with their year, matched backwards over the reversed text before it (searching forwards
# would try every position of the window), so their digits and words come reversed:
#   numeric     21.07.2021, 21/07/2021, 07/21/2021, 21-07-2021, 21. 7. 2021 (Czech)
#   day month   21 July 2021, 21. Juli 2021, 21 de julio de 2021, 21.dez.2018, 22 Dec, 2016, 1er mars 2021,
#               21st of September, 2021, 13th, Jan 2008
#   month day   July 21, 2021, Jul. 21 2021, July 21st, 2021, Jan, 15, 2008
#   C library   Jan 04 09:34 2021, Thu Dec 14 15:21:17 2006 (the time between the day and the year)
# A month is any word here, looked up afterwards; Arabic's Levantine names take two words (كانون الثاني).
_MONTH_REVERSED: Final = r"(?P<{name}>(?:[\u0621-\u064A]{{2,}}\s+)?[^\W\d_]{{2,}})" + NO_LETTER_AFTER
_YEAR_LAST_REVERSED: Final = re.compile(
    r"(?P<nsep>[-/.]|\s\.)(?P<nb>\d{1,2})(?P=nsep)(?P<na>\d{1,2})(?![\d.,/-]|:\d)"
    r"|(?:\s*[,،]\s*|\s+(?:l?ed\s+)?|\s*[-/.]\s*)\.?(?!(?:ts|dn|dr|ht)\d)"  # "21st, 2021" has no month
    + _MONTH_REVERSED.format(name="dm")
    + r"(?:\s*,\s*(?=(?:ts|dn|dr|ht)\d)|\s*[-/]\s*|\s+(?:ed\s+|fo\s+)?|)(?:ts|dn|dr|ht|re|º|°|\.)?(?P<dd>\d{1,2})(?![\d.,:])"
    r"|\s*[,،]?\s*(?:ts|dn|dr|ht)?(?P<md>\d{1,2})(?!\d)(?:\s*,)?\s*\.?"
    + _MONTH_REVERSED.format(name="mm")
    # the C library's form, its time between the day and the year: "Jan 04 09:34 2021", "Mon Jan  4 09:34:05 2021"
    + r"|\s+(?:(?P<csec>\d\d):)?(?P<cmin>\d\d):(?P<chour>\d\d?)\s+(?P<cday>\d{1,2})\s+"
    + _MONTH_REVERSED.format(name="cmonth"),
    re.IGNORECASE,
)

# What joins a date to the time after it: "T", ", ", " | ", " at ", " à ", " a las ", " um ", " в ", "（水）".
_AFTER: Final = re.compile(
    r"(?:\s*[（(][^)）\d]{1,3}[)）])?(?:T|\s*[,،|·•–—-]?\s*(?:(?:at|à|a\s+las?|às|alle(?:\s+ore)?|ore|om|um|o|в|kl\.?"
    r"|klo|في|الساعة)\s+)?)" + TIME,
    re.IGNORECASE,
)
# A time (and zone) before a date on its line, then maybe a weekday: "3:49 AM EDT, Wed ".
_BEFORE: Final = re.compile(
    TIME.replace("?P<", "?P<b_") + r"(?P<b_zone>" + ZONE_TEXT.replace("?P<", "?P<b_") + r")?"
    r"\s*[,|·•–—-]?\s*(?:" + _NO_LETTER_BEFORE + r"(?P<b_weekday>[^\W\d_]+)\.?\s*,?\s*)?\Z",
    re.IGNORECASE,
)
# A numeric date with a two-digit year, its parts apart from any other word, number or part of one.
_SHORT_YEAR: Final = re.compile(r"(?<![\w.,/:-])(\d{1,2})([./])(\d{1,2})\2(\d\d)(?![^\W_]|[./:-]\d)")
# What any such date holds, searched first: a class of two characters opens it, which the search skips to fast.
_SHORT_YEAR_HINT: Final = re.compile(r"[./]\d{1,2}[./]\d\d")
SHORT_YEAR_PIVOT: Final = 69  # a two-digit year under this is the 2000s' (POSIX's rule)...
SHORT_YEAR_NINETIES: Final = 90  # ...and from this on, the 1990s'
_TOKEN: Final = re.compile(r"[^\W_]+")  # a word or a number
_LABEL_WORDS: Final = max(len(label.split()) for label in KIND_LABELS)  # the longest label, in words ("mis à jour")
_LABEL_LAST_WORDS: Final = frozenset(label.split()[-1] for label in KIND_LABELS)
_LABEL_PUNCTUATION: Final = ":：,.;|()[]-–—•·*"
ACCOMPANYING: Final = frozenset(  # words that may stand beside a date: its label, fillers, weekday, zone
    {word.lower() for word in (*FILLERS, *WEEKDAYS, *ZONES)} | {word for label in KIND_LABELS for word in label.split()}
)


def is_accompanying(word: str) -> bool:
    """Whether the word may stand beside a date (a label's, a filler, a weekday, a zone), the punctuation around a
    label aside ("Updated:", "(Aktualisiert")."""
    return word.lower().strip(_LABEL_PUNCTUATION) in ACCOMPANYING


_YEAR_LAST_REACH: Final = 28  # how far before its year a date can start ("21st of September, 2021": 22)
_BEFORE_REACH: Final = 36  # how far before a date its time, zone and weekday may start ("3:49 AM EDT, Wed ")
# Each "published" label's longest word, searched in the lower-cased line (faster than a case-blind search): any
# word of a label would do, and the longest is the rarest ("publication", not "date", of "date of publication").
_PUBLISHED_WORD: Final = re.compile(
    "|".join(
        sorted({re.escape(max(label.split(), key=len)) for label, kind in KIND_LABELS.items() if kind == "published"})
    )
)
# A one-word label of six letters or more at the end of a word ("johnVeröffentlicht"), one search a date.
_GLUED_LABEL: Final = re.compile(
    "(" + "|".join(re.escape(label) for label in KIND_LABELS if len(label) >= 6 and " " not in label) + r")(?:\s|$)"
)
_LABEL_REACH: Final = 48  # how far before a date its "Published"/"Updated" label may stand
_DATE_LINE_MAX: Final = 160  # a longer line is a sentence or a byline, not a date line
FOUND_DATES: Final = 4096  # lines whose first date `find_date` remembers (the least recently asked are dropped)


@functools.lru_cache(maxsize=FOUND_DATES)
def find_date(line: str, *, day_first: bool = True, two_digit_years: bool = True) -> FoundDate | None:
    """The first date printed in one line of text, or None; `two_digit_years=False` leaves out the numeric dates
    that print their year with two digits (a list of dated sources is no stream of comments' heads).

    Remembered: the reader asks it of one line in several steps (the head, the headline's features, the
    article's end, a byline), and a site's dumps print the same dated lines; a FoundDate is frozen."""
    if not DIGIT.search(line):  # most lines: no digit, no date (checked here, before a generator is made)
        return None
    return next(_dates(line, day_first, two_digit_years), None)


TIMESTAMPS: Final = 2  # a line of this many dates with their times and nothing else is a row of file names
_SECONDS_CHARS: Final = " .:0123456789"


def is_timestamp_row(line: str, *, day_first: bool = True) -> bool:
    """Whether the line is only dates with their times, two or more: the names a camera gave a gallery's photos
    ("2012-11-12 12.44.17 2012-11-12 12.43.56"), not the date of an article or of a comment. Nothing else is on
    the line but spaces and the times' seconds, which a date's span leaves out ("12.44.17"): no label, no dash of
    a range."""
    if not holds_date_digit(line):
        return False
    found = list(_dates(line, day_first))
    if len(found) < TIMESTAMPS or not all(date.has_time for date in found):
        return False
    bounds = [0, *(date.end for date in found)]
    gaps = "".join(line[end : date.start] for end, date in zip(bounds, found, strict=False)) + line[found[-1].end :]
    return not gaps.strip(_SECONDS_CHARS)


def is_date_line(line: str, *, day_first: bool = True) -> bool:
    """True when the line is mostly a date: dates plus labels, weekdays, times, zones and at most one short word
    or number.

    The short word lets "AFP 30 avril 2015 à 07:19" through; a byline word ("By", "Von", "Par") does not, nor
    do the other cells of a table row that holds a date.
    """
    if len(line) > _DATE_LINE_MAX or not DIGIT.search(line):
        return False
    rest, cut = [], 0
    for found in _dates(line, day_first):
        rest.append(line[cut : found.start])
        cut = found.end
    if not rest:
        return False
    rest.append(line[cut:])
    left = [token for token in _TOKEN.findall(" ".join(rest)) if token.lower() not in ACCOMPANYING]
    return not left or (len(left) == 1 and len(left[0]) <= 4 and left[0].lower() not in BYLINE_MARKERS)


def _dates(line: str, day_first: bool, two_digit_years: bool = True) -> Iterator[FoundDate]:
    """Every date on the line (which holds a digit), left to right, with the time, zone and label around it."""
    if not line.isascii() and OTHER_DIGIT.search(line):
        line = line.translate(ASCII_DIGITS)  # one character for one: the spans stay those of the line as given
    done = 0  # where the last date found ended: the next starts after it
    for year in _YEAR.finditer(line):
        at = year.start()
        if at < done or (at and line[at - 1].isdigit() and not _glued_to_its_day(line, at)):
            continue
        found = _date_at_year(line, at, done, day_first)
        if found is not None:
            yield found
            done = found.end
    if not done and two_digit_years and _SHORT_YEAR_HINT.search(line, 0, _DATE_LINE_MAX) is not None:
        yield from _short_year_dates(line, day_first)  # no date with a four-digit year: one with two may stand here


@functools.lru_cache(maxsize=FOUND_DATES)
def _short_year_dates(line: str, day_first: bool) -> tuple[FoundDate, ...]:
    """The numeric dates with a two-digit year on the line ("06.11.23", "11/08/23 5:19pm"), left to right.
    Remembered: the steps ask `is_date_line` of one line many times, and most lines with a digit have none."""
    found: list[FoundDate] = []
    for match in _SHORT_YEAR.finditer(line, 0, _DATE_LINE_MAX):  # a date line's length: a dateline opens its line
        year = _century(int(match[4]))
        day = _numeric_day(int(match[1]), int(match[3]), match[2], year, day_first, line) if year else None
        date = _complete(line, day, match.start(), match.end()) if day is not None else None
        if date is not None and (not found or date.start >= found[-1].end):
            found.append(date)
    return tuple(found)


def _century(short: int) -> int | None:
    """The year a two-digit year names: the 2000s under SHORT_YEAR_PIVOT, the 1990s from SHORT_YEAR_NINETIES, else
    none (1969..1989 is outside the years a date may have)."""
    if short < SHORT_YEAR_PIVOT:
        return 2000 + short
    return 1900 + short if short >= SHORT_YEAR_NINETIES else None


def _glued_to_its_day(line: str, at: int) -> bool:
    """ "Oct252012", "Mai062018": a month's name, its day and its year glued together (a blog's date badge, its
    three boxes on one line), the one form where a digit right before a year leaves it a year; whether the
    word names a month is asked after, as for any date."""
    day = at - 2 if at >= 2 and line[at - 2].isdigit() else at - 1
    return day > 0 and line[day - 1].isalpha()


def _date_at_year(line: str, at: int, done: int, day_first: bool) -> FoundDate | None:
    """The date whose year starts at `at` (ending with it, else starting with it), or None."""
    back = _YEAR_LAST_REVERSED.match(line[max(done, at - _YEAR_LAST_REACH) : at][::-1])
    if back is not None and back.group("cday"):
        return _clock_inside(line, back, at, done)
    if back is not None:
        day = _day_ending_with(back, int(line[at : at + 4]), day_first, line)
        found = _complete(line, day, at - back.end(), at + 4) if day is not None else None
        if found is not None:
            return found
    ahead = _YEAR_FIRST.match(line, at)
    if ahead is None:
        return None
    numbers = ahead.group("iy", "im", "id") if ahead.group("iy") else ahead.group("cy", "cm", "cd")
    day = _calendar_day(*(int(number) for number in numbers))
    return _complete(line, day, at, ahead.end()) if day is not None else None


def _clock_inside(line: str, back: re.Match[str], at: int, done: int) -> FoundDate | None:
    """The date of the C library's form, read backwards from its year, with the time printed before the year."""
    day = _calendar_day(int(line[at : at + 4]), _month(back.group("cmonth")[::-1]), int(back.group("cday")[::-1]))
    hour, minute = int(back.group("chour")[::-1]), int(back.group("cmin")[::-1])
    second = int(back.group("csec")[::-1]) if back.group("csec") else 0
    if day is None or hour > 23 or minute > 59 or second > 59:
        return None
    start = at - back.end()
    begin = _weekday_start(line, max(done, start - _BEFORE_REACH), start)
    local = day.replace(hour=hour, minute=minute, second=second)
    return FoundDate(local, None, True, _kind(line, begin), begin, at + 4)


def _day_ending_with(back: re.Match[str], year: int, day_first: bool, line: str) -> datetime | None:
    """The day a date read backwards from its year names (its digits and month word come reversed)."""
    group = back.group
    if group("nsep"):
        return _numeric_day(int(group("na")[::-1]), int(group("nb")[::-1]), group("nsep"), year, day_first, line)
    if group("dm"):
        month, day = _month(group("dm")[::-1]), int(group("dd")[::-1])
    else:
        month, day = _month(group("mm")[::-1]), int(group("md")[::-1])
    return _calendar_day(year, month, day)


def _numeric_day(first: int, second: int, separator: str, year: int, day_first: bool, line: str) -> datetime | None:
    """The day a numeric date `first<separator>second<separator>year` names, in the order of the rules above."""
    month_first = second > 12 or (first <= 12 and separator == "/" and (not day_first or _us_line(line)))
    month, day = (first, second) if month_first else (second, first)
    return _calendar_day(year, month, day)


# A 12-hour clock or a US time zone: a slashed date on the line is the US one, month first.
_US_CLOCK: Final = re.compile(r"\d\s?(?:[AaPp]\.?[Mm]\b\.?)|\b(?:E|C|M|P)[SD]?T\b")
# ...unless the line names a zone of a country that writes the day first: a British page prints a 12-hour clock
# too ("Last Updated: 12:01am GMT 08/01/2008" is 8 January)
_DAY_FIRST_ZONE: Final = re.compile(r"\b(?:GMT|BST|IST|CET|CEST|AEST|AEDT)\b")


def _us_line(line: str) -> bool:
    return _US_CLOCK.search(line) is not None and _DAY_FIRST_ZONE.search(line) is None


# A month's name glued to the word before it, as a page's markup left it ("Associated PressDecember 2, 2016").
_GLUED_MONTH: Final = re.compile(r"(?<=[a-z])[A-Z][a-z]+$")


def _month(word: str) -> int:
    """The month a word names, or the word's capitalised end names; 0 for a word that names none."""
    month = MONTHS.get(" ".join(word.lower().split()), 0)
    glued = _GLUED_MONTH.search(word) if month == 0 else None
    return month if glued is None else MONTHS.get(glued[0].lower(), 0)


def _calendar_day(year: int, month: int, day: int) -> datetime | None:
    """The day at midnight, or None when it does not exist or its year is out of range."""
    if not 1990 <= year <= 2100:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _complete(line: str, day: datetime, start: int, end: int) -> FoundDate | None:
    """The date on `line[start:end]` with the weekday, time and zone beside it; None when the time after it
    cannot be (21 July 2021 25:00)."""
    lead = max(0, start - _BEFORE_REACH)
    before = _BEFORE.search(line, lead, start) if DIGIT.search(line, lead, start) else None
    weekday = before.group("b_weekday") if before is not None else None
    if weekday is not None and weekday.lower() not in WEEKDAYS:
        before = None  # another word stands between: the time is not this date's
    after = _AFTER.match(line, end)
    if after is not None:
        begin = _weekday_start(line, lead, start)
        return _with_time(line, day, after, "", begin, after.end())
    timed = _with_time(line, day, before, "b_", before.start(), end) if before is not None else None
    if timed is not None:
        return timed  # a number before the date that is no time ("Score 31.12 July 21") leaves the date alone
    begin = _weekday_start(line, lead, start)
    return FoundDate(day, None, False, _kind(line, begin), begin, end)


def _weekday_start(line: str, lead: int, start: int) -> int:
    """Where a weekday written just before the date starts ("Wednesday 21 July", "Wed, July 21"), else `start`."""
    kept = line[lead:start].rstrip(" ,.\t")
    word = kept.rsplit(None, 1)[-1] if kept else ""
    return lead + len(kept) - len(word) if word.lower() in WEEKDAYS else start


def _with_time(line: str, day: datetime, match: re.Match[str], prefix: str, start: int, end: int) -> FoundDate | None:
    """The date at the time `match` reads (its groups named with `prefix`), and the zone written after it."""
    moment = clock(match, prefix)
    if moment is None:
        return None
    if prefix:  # the zone was matched with the time, before the date
        zone = ZONE.match(match.group("b_zone")) if match.group("b_zone") else None
        offset = zone_offset(zone) if zone is not None else None
    else:
        zone = ZONE.match(line, end)
        offset = zone_offset(zone) if zone is not None else None
        end = zone.end() if zone is not None and offset is not None else end
    local = day.replace(hour=moment[0], minute=moment[1], second=moment[2])
    return FoundDate(local, offset, True, _kind(line, start), start, end)


def may_be_labelled_published(line: str) -> bool:
    """Whether the line holds a word of a "Published" label (a cheap test before `find_date` says more)."""
    return _PUBLISHED_WORD.search(line.lower()) is not None


def _kind(line: str, start: int) -> str | None:
    """ "published" or "updated" when the nearest label before the date says which, else None."""
    words = [word.strip(_LABEL_PUNCTUATION) for word in line[max(0, start - _LABEL_REACH) : start].lower().split()]
    for end in range(len(words), 0, -1):
        if words[end - 1] not in _LABEL_LAST_WORDS:
            continue
        for size in range(1, min(end, _LABEL_WORDS) + 1):
            kind = KIND_LABELS.get(" ".join(words[end - size : end]))
            if kind is not None:
                return kind
    # w3m glues inline elements: "Autor johnVeröffentlicht am 20. März 2014"
    glued = _GLUED_LABEL.search(" ".join(words[-3:]))
    return KIND_LABELS[glued[1]] if glued is not None else None
