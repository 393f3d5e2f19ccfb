"""Where the head finds the article's date when none of its lines holds one: a date line of the page down to the
article's end, a dateline among other words, a short line ending with its date after a place, a dateline that
opens one of the article's first paragraphs, a blog's footer sentence, a byline's date far under the article;
and which lines holding a date date the article (`is_dateline`, asked in the head too)."""

from __future__ import annotations

from typing import Final, NamedTuple

from builder.extract.generic.byline import byline_names, is_explicit_byline
from builder.extract.generic.dates import FoundDate, find_date, is_date_line
from builder.extract.generic.digits import holds_date_digit
from builder.extract.generic.head_inside import LABELLED_DATE_LINE, META_IN_PROSE, dateline_date
from builder.extract.generic.markers import is_comment_count, is_comment_heading, is_entry_footer
from builder.extract.generic.region import PROSE_WORDS, Scored, nonblank_above

DATE_AFTER_LINES: Final = 25  # a date line this close under the article is still its date...
SIGNED_UNDER_LINES: Final = 50  # ...and a byline's date or one labelled the publication's, this close
SHORT_DATE_LINE: Final = 60  # a line this short opening with a date (after a label this long), in the head,
DATE_LABEL: Final = 16  # is a date line
_PLACED: Final = (",", "//", "|")  # a place or a section, then the date that ends its line
# A dateline among other fields runs longer than a byline or date line (META_WORDS): "NDR Info - Das Update ... -
# 18.03.2020 13:15 Uhr".
DATELINE_WORDS: Final = 20
FOOTER_SENTENCE_LINES: Final = 3  # a blog's footer sentence with the date is among the article's last lines...
FOOTER_SENTENCE_CHARS: Final = 400  # ...and shorter than this
OPENING_CHARS: Final = 80  # a date that opens a paragraph ends this early in it...
OPENING_PLACE: Final = 40  # ...after a place this long at most ("Hofheim am Taunus | Wiesbaden, ")...
OPENING_GAP: Final = 3  # ...and a dash, colon or full stop follows it this close
OPENING_MARKS: Final = frozenset("–—-:.|")


class DateElsewhere(NamedTuple):
    found: FoundDate
    at: int | None  # its line, a date line; None for a dateline opening a paragraph, which stays the article's


def date_elsewhere(scored: Scored, start: int, stop: int) -> DateElsewhere | None:
    """With no date in the head over the article in lines[start:stop]: the first date line of the page down to
    the article's end ("Posted on ..." above the navigation, under the last paragraph), else a dateline among
    other words (`_dateline_among_words`), else a dateline that opens one of the article's first paragraphs
    ("29.11.2022 – Mehrfach ...": `_opening_date`), else a blog's footer sentence, else a byline's date further
    under the article (`_signed_far_under`)."""
    lines = scored.lines
    near = min(stop + DATE_AFTER_LINES, len(lines))
    end = _before_comments(scored, stop, near)  # never in the comments
    dated = [  # lines that may hold a dateline: most lines hold no digit, and a dateline is short
        i
        for i in range(end)
        if (measured := scored.prose[i]) is not None
        and measured.words <= DATELINE_WORDS
        and len(lines[i].text) < LABELLED_DATE_LINE
        and holds_date_digit(lines[i].text)
    ]
    for i in dated:
        found = dateline_date(lines[i].text)
        if found is not None:
            return DateElsewhere(found, i)
    among_words = _dateline_among_words(scored, dated, start, stop)
    if among_words is not None:
        return among_words
    first = [i for i in range(start, min(stop, start + 2 * META_IN_PROSE)) if scored.prose[i] is not None]
    found = next(filter(None, (_opening_date(lines[i].text) for i in first[:META_IN_PROSE])), None)
    if found is not None:
        return DateElsewhere(found, None)
    if (footer := _footer_sentence_date(scored, stop, end)) is not None or end < near:  # the comments start near
        return footer
    return _signed_far_under(scored, end, _before_comments(scored, end, min(stop + SIGNED_UNDER_LINES, len(lines))))


def _opening_date(text: str) -> FoundDate | None:
    """The date that opens a paragraph, a press release's or an agency's dateline: after a place at most
    (OPENING_PLACE characters), and set off from the prose by a dash, a colon or a full stop ("29.11.2022 –
    Mehrfach und vehement ...", "Karlsruhe, (12.11.2021). Traditionell ...", "BERLIN, 3 March 2021 - The ...").
    None for a paragraph that opens otherwise: a date in a sentence is no dateline."""
    opening = text[:OPENING_CHARS]
    if not holds_date_digit(opening):
        return None
    found = find_date(opening)
    if found is None or found.start > OPENING_PLACE:
        return None
    after = text[found.end : found.end + OPENING_GAP].lstrip(" )")
    return found if after[:1] in OPENING_MARKS and found.end < len(opening) else None


def _dateline_among_words(scored: Scored, dated: list[int], start: int, stop: int) -> DateElsewhere | None:
    """With no line only a date, the first dateline among other words ("Gespeichert von X am 24. Juli 2017 -
    18:55", "20. Juni 2019 Ann-Marie Galazka über Stars"), read as in the head, but never a sentence of the
    prose; else the first short line that ends with its date after a place or a section (`_placed_date`)."""
    placed = None
    for i in dated:
        text = scored.lines[i].text
        if start <= i < stop and text.endswith(".") and scored.prose[i].words >= PROSE_WORDS:  # type: ignore[union-attr]
            continue
        found = find_date(text)
        if found is None:
            continue
        if is_dateline(text, found, byline_names(text)):
            return DateElsewhere(found, i)
        if placed is None and _placed_date(text, found):
            placed = DateElsewhere(found, i)
    return placed


def _footer_sentence_date(scored: Scored, stop: int, end: int) -> DateElsewhere | None:
    """A date labelled as the publication's in a blog's footer sentence, among the article's last lines or
    right under it ("This was written by K.G. Schneider. Posted on Sunday, September 16, 2012, at 7:05 pm.
    Filed under ..."): too long a line for a dateline, which no other line of the page gave."""
    last = nonblank_above(scored, stop, FOOTER_SENTENCE_LINES)
    for i in [*reversed(last), *range(stop, end)]:
        text = scored.lines[i].text
        if scored.prose[i] is None or len(text) >= FOOTER_SENTENCE_CHARS or not holds_date_digit(text):
            continue
        found = find_date(text)
        # a blog engine's footer dates its post, its verb after the date ("Dieser Beitrag wurde am … veröffentlicht")
        if found is not None and (found.kind == "published" or (found.kind is None and is_entry_footer(text))):
            return DateElsewhere(found, i)
    return None


def _signed_far_under(scored: Scored, end: int, far: int) -> DateElsewhere | None:
    """A byline opened by its word with its date, or a date labelled the publication's, further under the article
    (past a share bar, a newsletter box, related links: "erstellt von Dominique — veröffentlicht 28.01.2022
    06:00"), in lines[end:far]: up to SIGNED_UNDER_LINES lines under it, and never in its comments."""
    for i in range(end, far):
        text = scored.lines[i].text
        measured = scored.prose[i]
        if measured is None or measured.words > DATELINE_WORDS or not holds_date_digit(text):
            continue
        found = find_date(text)
        if found is not None and (found.kind == "published" or is_explicit_byline(text)):
            return DateElsewhere(found, i)
    return None


def _before_comments(scored: Scored, stop: int, end: int) -> int:
    """`end`, or the first line of a comment section under the article before it: a comment's date is
    not the article's."""
    for i in range(stop, end):
        text = scored.lines[i].text
        if text and (is_comment_heading(text) or is_comment_count(text)):
            return i
    return end


def is_dateline(text: str, found: FoundDate, names: list[str] | None) -> bool:
    """Whether a line holding a date dates the article. "Oct 18, 2019 · 8 min read" is no pure date line, but a
    short line opening with a date; a date labelled "Published"/"Veröffentlicht am", or printed twice, is one in a
    longer line too."""
    return (
        names is not None
        or found.kind is not None
        or found.has_time  # a date with its time of day is a dateline, whatever else the line holds
        or (found.start <= DATE_LABEL and (len(text) < SHORT_DATE_LINE or not text.endswith(".")))
        or is_date_line(text)
        or _glued_to_its_copy(text, found)
    )


def _glued_to_its_copy(text: str, found: FoundDate) -> bool:
    """Whether the date is glued to a copy of itself, as a blog engine prints a post's dates of publication and
    update, each in its own element ("20 janvier 202020 janvier 2020"): the post's meta line, whatever its
    length (its author, categories and tags beside the dates)."""
    return text.startswith(text[found.start : found.end], found.end)


def _placed_date(text: str, found: FoundDate) -> bool:
    """A short line ending with its date after a place's or a section's comma or slashes ("Hofheim am Taunus |
    Wiesbaden, 11. November 2021", "Thema des Tages // 02.11.2021")."""
    return len(text) < SHORT_DATE_LINE and found.end == len(text) and text[: found.start].rstrip().endswith(_PLACED)
