"""Times relative to the moment a page was saved ("8h", "1 day ago", "vor 2 Stunden", "hace una hora"): a
byline's age beside its author's name, a date line with no date the reader can keep, the marks of an author's
profile card."""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.clock import TIME, time_alone
from builder.extract.generic.date_words import KIND_LABELS
from builder.extract.generic.digits import holds_digit

# A time relative to the moment the page was saved, ending a line: the page's age beside its author's name. In
# English; in German, Spanish, Portuguese and French a word opens it ("vor 2 Stunden", "hace una hora", "há 3
# dias", "il y a 2 jours"), in Italian and Dutch one ends it ("3 ore fa", "2 uur geleden").
_UNITS_AFTER: Final = (  # noqa: SIM905 - a list of words reads best as one string
    "minuten minute stunden stunde tagen tag wochen woche monaten monat minutos minuto horas hora días día dias dia "
    "semanas semana meses mes minutes minute heures heure jours jour semaines semaine mois"
).split()
_UNITS_BEFORE: Final = "minuti minuto ore ora giorni giorno settimane minuten uur dagen dag weken week".split()  # noqa: SIM905
_OPENINGS: Final = ("vor", "hace", "há", "il y a")
_ENGLISH: Final = r"\d{1,2}\s?(?:h|hrs?|min|d)|(?:\d{1,2}|an?)\s+(?:minutes?|hours?|days?|weeks?)(?:\s+ago)?"
_OTHER: Final = (
    rf"(?i:(?<!\w)(?:{'|'.join(_OPENINGS)})\s+(?:\d{{1,2}}|einer?|einem|una?|un|une|uma?)\s+(?:{'|'.join(_UNITS_AFTER)})|"
    rf"\d{{1,2}}\s+(?:{'|'.join(_UNITS_BEFORE)})\s+(?:fa|geleden))"
)
_RELATIVE: Final = f"(?:{_ENGLISH}|{_OTHER})"
# The spaces and the separator before a relative time: taken whole (possessive), and never from inside a run of
# spaces (the leftmost match starts where the run does), so a long run of spaces (a table's gap) costs one pass,
# not a try of every split of it at every position.
_SEPARATOR: Final = r"(?<!\s)\s*+[•·|—–-]?\s*+"
_RELATIVE_TIME: Final = re.compile(_SEPARATOR + _RELATIVE + r"\s*$")  # what `relative_time` finds, found faster
_ENGLISH_TIME: Final = re.compile(_SEPARATOR + f"(?:{_ENGLISH})" + r"\s*$")
_OTHER_TIME: Final = re.compile(_SEPARATOR + _OTHER + r"\s*$")
RELATIVE_END: Final = 5  # a relative time's last digit is at most this far from its end ("5 hrs")
_ENGLISH_ENDS: Final = ("ago", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks")
# The characters of an English relative time but its spaces and digits: its separators, and its words' letters
_ENGLISH_CHARS: Final = frozenset("•·|—–-adeghikmnorstuwy")
_OTHER_ENDS: Final = frozenset((*_UNITS_AFTER, "fa", "geleden"))  # the last word of the other languages' times
_LAST_CHARS: Final = max(map(len, _OTHER_ENDS)) + 1  # the longest with the space before it
_OTHER_LAST: Final = frozenset(end for word in _OTHER_ENDS for end in (word[-1], word[-1].upper()))  # last letters
_PROFILE_MARK: Final = re.compile(r"Follow|Folgen|Suivre|Seguir|" + _RELATIVE, re.IGNORECASE)


def relative_time(text: str) -> re.Match[str] | None:
    """The relative time ending the line ("• 8h", "1 day ago"), if any.

    Most lines end otherwise, and the search tries the pattern at every position of the line: the line's
    end is looked at first. A match ends with "ago", a unit's word ("6 days", "vor 2 Stunden"), Italian's
    "fa" or Dutch "geleden", or a unit right after a digit ("8h", "12 min"), so the line, trailing spaces
    removed, ends with one of those words or holds a digit in its last five characters."""
    stripped = text.rstrip()
    found = None
    if stripped.endswith(_ENGLISH_ENDS) or holds_digit(stripped[-RELATIVE_END:]):
        # The match holds only spaces, digits, a separator and its words' letters: it starts after the line's
        # last other character, and is searched for from there, not from each position of the line
        start = len(text)
        while start and (text[start - 1] in _ENGLISH_CHARS or text[start - 1].isspace() or text[start - 1].isdecimal()):
            start -= 1
        found = _ENGLISH_TIME.search(text, start)
    if _ends_with_other_unit(stripped):  # few lines: searched whole
        other = _OTHER_TIME.search(text)
        if other is not None and (found is None or other.start() < found.start()):  # "il y a 5 minutes"
            return other
    return found


def _ends_with_other_unit(stripped: str) -> bool:
    """Whether the line's last word, a whole word after a space (not "Media", "Wikipedia"), ends an other
    language's relative time ("Stunden", "horas", "fa")."""
    if stripped[-1:] not in _OTHER_LAST:  # most lines end with a full stop, a digit, another letter
        return False
    last = stripped[-_LAST_CHARS:]
    words = last.rsplit(None, 1)
    return bool(words) and (len(words) == 2 or last[0].isspace()) and words[-1].lower() in _OTHER_ENDS


# A day named relative to the page's saving and a time, alone on a line between separators ("Yesterday 1:55PM",
# "· Gestern um 02:12 ·", "Heute, 14:30 Uhr", "Hier à 14h30"): a date line too, with no date the reader can keep.
_DAY_WORDS: Final = (
    "today|yesterday|heute|gestern|vorgestern|aujourd'hui|hier|hoy|ayer|hoje|ontem|oggi|ieri|vandaag|gisteren"
)
_DAY_AND_TIME: Final = re.compile(
    rf"[\s·•|-]*(?:{_DAY_WORDS}),?\s*(?:(?:at|um|à|a\s+las|às|alle|om)\s+)?" + TIME + r"[\s·•|-]*",
    re.IGNORECASE,
)
DAY_AND_TIME_CHARS: Final = 40  # no such line is longer
# An age in English opening a line, then what follows it: "8 hours ago 8:00 AM", "3 hours ago BY PakistanToday".
_AGE_OPENING: Final = re.compile(r"\d{1,2}\s+(?:minutes?|hours?|days?|weeks?)\s+ago\b[\s•·|,-]*")


def is_relative_date_line(text: str) -> bool:
    """A relative time alone or under its date's label ("2 hours ago", "Published 1 hours ago"), a relative
    day and its time ("Yesterday 1:55PM"), or an age before the clock time or the byline ("8 hours ago 8:00 AM",
    "3 hours ago BY PakistanToday"): a date line that tells the time since the page was fetched (no date the
    reader can keep), never a headline."""
    if len(text) <= DAY_AND_TIME_CHARS and _DAY_AND_TIME.fullmatch(text) is not None:
        return True
    age = _AGE_OPENING.match(text) if text[:1].isdigit() else None
    if age is not None:
        after = text[age.end() :]
        if after[:3].lower() == "by " or time_alone(after) is not None:
            return True
    relative = relative_time(text)
    if relative is None:
        return False
    label = text[: relative.start()].strip(" :").lower()
    return not label or label in KIND_LABELS


# How long the article takes to read, labelled before or after its minutes ("Lesezeit: ca. 3 Minuten", "Tempo di
# lettura: 3 minuti", "8 minutos de lectura", "4 min read"): no headline, no prose.
_READING_LABEL: Final = (
    r"(?:reading|read)\s+time|lesezeit|lesedauer|tempo\s+di\s+lettura|temps\s+de\s+lecture|tiempo\s+de\s+lectura|"
    r"tempo\s+de\s+leitura|leestijd|время\s+чтения"
)
_MINUTES: Final = r"\d{1,3}\s*(?:min(?:ute)?s?|minuten|minuti|minutos|minutes)\.?"
_READING_TIME: Final = re.compile(
    rf"(?:{_READING_LABEL})\s*[:：]?\s*(?:ca\.|approx\.|about|etwa|circa)?\s*{_MINUTES}(?:\s+read)?|"
    rf"{_MINUTES}\s+(?:read|reading\s+time|{_READING_LABEL}|de\s+lectura|de\s+lecture|di\s+lettura|de\s+leitura)",
    re.IGNORECASE,
)
READING_TIME_CHARS: Final = 48  # no reading time's line is longer


def is_reading_time(text: str) -> bool:
    """A line that only says how long the article takes to read."""
    # Every unit ("min", "Min.", "MIN", "minutos") holds "in" or "IN": most lines hold neither, and are settled
    # without the pattern.
    if len(text) > READING_TIME_CHARS or ("in" not in text and "IN" not in text):
        return False
    return _READING_TIME.fullmatch(text.strip(" •·|—–-")) is not None


def is_profile_mark(text: str) -> bool:
    """A line that follows an author's name on a profile card: "Follow", "8h", "1 day ago", or a reading time
    ("11 min read")."""
    return _PROFILE_MARK.fullmatch(text.strip()) is not None or is_reading_time(text)
