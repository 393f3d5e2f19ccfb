"""The article's head inside its region: a region that swallowed chrome above the head (a cookie notice, a
sign-in box, a teaser) starts again under a byline or dateline found among its first lines, under a headline-like
line, with most of the region's prose under it.
"""

from __future__ import annotations

from typing import Final

from builder.extract.generic.byline import byline_names
from builder.extract.generic.dates import FoundDate, find_date, is_date_line, may_be_labelled_published
from builder.extract.generic.digits import holds_date_digit, holds_digit
from builder.extract.generic.forms import is_form_field
from builder.extract.generic.markers import META_WORDS
from builder.extract.generic.region import Scored, following, neighbours

META_IN_PROSE: Final = 4  # a byline or date may sit among the first lines of the prose
DATE_LINE_CHARS: Final = 80  # a date line found outside the head is shorter than this
LABELLED_DATE_LINE: Final = 200  # longer lines in the head are never read for a date
HEAD_INSIDE_LINES: Final = 30  # a byline or date this many non-blank lines into the region may open the article...
HEAD_INSIDE_SHARE: Final = 0.75  # ...when this share of the region's prose is under it
HEADLINE_WORDS: Final = 25  # a headline above such a byline or date is no longer than this...
SHARE_LINES: Final = 2  # ...with at most this many buttons or form fields between them


def head_inside(scored: Scored, start: int, stop: int) -> int:
    """Where the article starts in a region that swallowed chrome above its head (a cookie notice, a sign-in
    box, a teaser): a byline or dateline further in than META_IN_PROSE, under a headline-like line (or a
    date right over one, as blogs print it), with at least HEAD_INSIDE_SHARE of the region's prose after it.
    The region then starts under that head (the headline, byline and date are read above it, as for any
    region); else `start` stays."""
    scores, prose = scored.scores, scored.prose
    seen, before = 0, 0.0
    for i in range(start, min(stop, start + 3 * HEAD_INSIDE_LINES)):
        measured = prose[i]
        if measured is None:
            continue
        seen += 1
        if seen > HEAD_INSIDE_LINES:
            break
        if (
            seen > META_IN_PROSE
            and measured.words <= META_WORDS  # most lines are prose: settled here, before any search
            and is_meta_line(scored.lines[i].text)
        ):
            opens = _after_meta(scored, i, stop) if _headline_above(scored, i) else _under_headline(scored, i, stop)
            after = sum(score for score in scores[i:stop] if score > 0.0)
            if opens is not None and after >= HEAD_INSIDE_SHARE * (before + after):
                return opens
        before += max(scores[i], 0.0)
    return start


def is_meta_line(text: str) -> bool:
    """A byline, or a line that is a date or a labelled one ("Published Thursday 27 July 2017")."""
    if len(text) >= LABELLED_DATE_LINE:
        return False
    return byline_names(text) is not None or dateline_date(text) is not None


def dateline_date(text: str) -> FoundDate | None:
    """The date of a line that is only a date, or of a date labelled "Published"/"Posted on" among other
    words (a blog's footer); None for any other line. The cheap tests come before a date is parsed."""
    if not holds_date_digit(text):  # most lines: no date, whatever their words
        return None
    if len(text) < DATE_LINE_CHARS and is_date_line(text):
        return find_date(text)
    if may_be_labelled_published(text):
        found = find_date(text)
        return found if found is not None and found.kind == "published" else None
    return None


def _headline_above(scored: Scored, i: int) -> bool:
    """Whether the nearest line above i that is no byline or date could be a headline: short, no sentence. A
    share button or a form field between them ("Link copied", "[ ]") is passed over."""
    above, passed = neighbours(scored, i)[0], 0
    while above >= 0:
        if not is_meta_line(scored.lines[above].text):
            if passed == SHARE_LINES or not _is_button(scored, above):
                break
            passed += 1
        above = neighbours(scored, above)[0]
    measured = scored.prose[above] if above >= 0 else None
    return measured is not None and 3 <= measured.words <= HEADLINE_WORDS and not scored.lines[above].text.endswith(".")


def _is_button(scored: Scored, i: int) -> bool:
    """A form field, or a line of one or two words with no digit (a share button's label, not a video's
    length) that the site does not repeat (a menu's link, a section's name)."""
    text, measured = scored.lines[i].text, scored.prose[i]
    if is_form_field(text):
        return True
    return measured is not None and measured.words <= 2 and i not in scored.chrome_rules and not holds_digit(text)


def _under_headline(scored: Scored, i: int, stop: int) -> int | None:
    """The line under a headline printed right under the date line i (a blog's date over its post's title),
    or None when the line under i is no headline."""
    under = following(scored, i, 2)
    if len(under) < 2 or under[1] >= stop:
        return None
    measured, text = scored.prose[under[0]], scored.lines[under[0]].text
    if measured is None or not 3 <= measured.words <= HEADLINE_WORDS or text.endswith(".") or is_meta_line(text):
        return None
    return under[1] if scored.scores[under[1]] > 0.0 else None


def _after_meta(scored: Scored, i: int, stop: int) -> int:
    """The first line under the byline and date lines from i on."""
    j = i
    while j < stop and (scored.prose[j] is None or is_meta_line(scored.lines[j].text)):
        j += 1
    return j
