"""A line the page prints again and again between the article's paragraphs: a widget inside the article (an
image's toolbar, "• Screenshot" over each picture, "Mouseover photo to load notes"). Each copy scores as a
repeated line (a menu's), and a few of them between short paragraphs (a gallery's captions) weigh more than the
prose they part: the article breaks in two at the first copy. Such a line is chrome that weighs nothing.

A menu, a share bar or a footer line repeats too, but not each copy between two paragraphs. A carousel of
teasers prints each headline twice, a line or two apart, and its dates; a comment stream prints "Reply" under
each comment, with the next one's name and time: none of them is taken.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from typing import Final

from builder.extract.generic.dates import find_date
from builder.extract.generic.digits import holds_date_digit
from builder.extract.generic.relative import relative_time
from builder.extract.textdump.lines import BLANK, Line

RULE_WIDGET: Final = "printed again and again between the article's paragraphs (an image's label): weighs nothing"
_CLOCK: Final = re.compile(r"\b\d{1,2}:\d\d\b")  # a time of day ("2:57 pm"): a comment's, with a date of no year
MIN_COPIES: Final = 3  # a widget is printed this many times at least...
PROSE_REACH: Final = 5  # ...each copy with a line of prose within this many non-blank lines above and below it...
MIN_SPACING: Final = 3  # ...and this many non-blank lines from the next copy (a carousel prints its headline twice)


def interleaved_lines(lines: list[Line], scores: list[float], repeated: Iterable[int], seen: Counter[str]) -> list[int]:
    """The lines among `repeated` (lines the page prints more than once) that are a widget between the article's
    paragraphs: every copy of the line has a line scoring above zero (`scores`) within PROSE_REACH non-blank lines
    above it and below it, the copies are MIN_SPACING non-blank lines apart or more, and no line from the first copy
    to the last holds a date or a time (the line itself, a comment's stamp)."""
    copies: dict[str, list[int]] = {}
    for i in repeated:
        text = lines[i].text
        if seen[text] >= MIN_COPIES:
            copies.setdefault(text, []).append(i)
    found: list[int] = []
    dated: dict[int, bool] = {}  # whether a line holds a date: read once, however many groups' copies it lies between
    for text, at in copies.items():  # most pages: a menu's items, whose first copy has no prose around it
        if len(at) < seen[text]:  # a copy that is no repeated line (a form field, a teaser's summary)
            continue
        at.sort()
        if _is_widget(lines, scores, at, dated):
            found.extend(at)
    return found


def _is_widget(lines: list[Line], scores: list[float], at: list[int], dated: dict[int, bool]) -> bool:
    """Whether the copies at `at` (all of a line's, in order) are a widget between the article's paragraphs
    (`dated`: the lines read for a date so far, `_dated_between`)."""
    return (
        all(_between_prose(lines, scores, i) for i in at)  # most groups fail at once: a menu's first copy
        and _spaced(lines, at)
        and not _dated_between(lines, at, dated)  # the middle copies are read too: a date printed again is no widget
    )


def _dated_between(lines: list[Line], at: list[int], dated: dict[int, bool]) -> bool:
    """Whether a line between two copies holds a date, a time of day or a relative time: a stream of comments (each
    its name and date, its text, its "Reply" under it) or of posts, whose reply button or signature repeats as a
    widget would. Each line is read once for all the groups of copies (`dated`): a page's groups span much of it."""
    for k in range(at[0] + 1, at[-1]):
        if lines[k] is BLANK:
            continue
        holds = dated.get(k)
        if holds is None:
            holds = dated[k] = _holds_date(lines[k].text)
        if holds:
            return True
    return False


def _holds_date(text: str) -> bool:
    # A time of day needs its colon: the lines between copies are often long paragraphs, and the clock's
    # search (a word boundary first) is tried at every character of a line
    return holds_date_digit(text) and (
        (":" in text and _CLOCK.search(text) is not None) or find_date(text) is not None or bool(relative_time(text))
    )


def _spaced(lines: list[Line], at: list[int]) -> bool:
    """Whether each copy is MIN_SPACING non-blank lines or more under the one before it."""
    return all(
        len(nonblank_lines(lines, upper, 1, MIN_SPACING, lower + 1)) == MIN_SPACING
        for upper, lower in itertools.pairwise(at)
    )


def _between_prose(lines: list[Line], scores: list[float], i: int) -> bool:
    """Whether line i has a line scoring above zero within PROSE_REACH non-blank lines on each side."""
    return any(scores[k] > 0.0 for k in nonblank_lines(lines, i, -1, PROSE_REACH, -1)) and any(
        scores[k] > 0.0 for k in nonblank_lines(lines, i, 1, PROSE_REACH, len(lines))
    )


def nonblank_lines(lines: list[Line], i: int, step: int, count: int, end: int) -> list[int]:
    """Up to `count` non-blank lines from line i (not included) in the direction of `step`, short of `end`
    (a copy's neighbours, read a few at a time: a page may run a thousand lines)."""
    found: list[int] = []
    k = i + step
    while k != end and len(found) < count:
        if lines[k] is not BLANK:
            found.append(k)
        k += step
    return found
