"""The head of an article: its title, byline, date and lead, read from the lines above its prose.

The byline and date are looked for in the lines above the prose and in the first lines of the prose (some
sites print "By X" under the lead); the title is the best-scoring headline-like line of a window above the
prose and at its top (headline.py), a byline or date line under it being one of its signs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Final

from builder.extract.generic.authors import (
    common_words,
    name_beside,
    name_under_word,
    on_date_line,
    profile_card,
    signature,
    signed_inside,
)
from builder.extract.generic.boilerplate import is_form_message
from builder.extract.generic.byline import (
    byline_names,
    is_byline_word,
    is_explicit_byline,
    named_after_date,
    opened_handle,
)
from builder.extract.generic.clock import time_alone
from builder.extract.generic.dates import FoundDate, find_date
from builder.extract.generic.digits import holds_date_digit
from builder.extract.generic.head_dates import date_elsewhere, is_dateline
from builder.extract.generic.head_inside import DATE_LINE_CHARS, LABELLED_DATE_LINE, META_IN_PROSE
from builder.extract.generic.headline import Window
from builder.extract.generic.markers import (
    is_credited_caption,
    is_image_file,
)
from builder.extract.generic.names import name_and_outlet, name_with_handle
from builder.extract.generic.region import (
    Scored,
    following,
    is_bracketed,
    is_site_line,
    neighbours,
    nonblank_above,
)
from builder.extract.generic.tags import tag_label
from builder.extract.generic.title_pick import pick_title
from builder.extract.generic.words import is_headline_case, share_of
from builder.extract.generic.wrappers import RULE_ARCHIVE_BANNER

HEAD_LINES: Final = 30  # how many non-blank lines above the prose the title, byline and date are looked for in
REGION_LINES: Final = 10  # the title also in this many of the region's first lines (a headline the prose run swallowed)
# A date this many lines under a byline is the byline's ("Author:" / name / "Publish date:")
META_UNDER_BYLINE: Final = 2
DISTANT_HEAD_LINES: Final = 4  # a date far above the prose: the headline and byline in this many lines above it
TITLE_META_LINES: Final = 3  # a date line this close under the headline is the article's
TEASER_DATES: Final = 2  # this many date lines above the headline are a list of teasers

STACKED_PARTS, STACKED_PART_CHARS = 3, 9  # a date's badge: day, month and year on lines of their own, each short
TITLE_BEFORE_DATE: Final = 8  # a headline before its date on one line is this long at least...
FUNCTION_WORD_CHARS: Final = 3  # ...and ends with no word this short ("of", "For", "vom")
_BEFORE_DATE, _AFTER_DATE = " -|·,–—:", " .)]|"  # what stands between the headline and its date, and after the date
LEAD_WORDS: Final = 12  # a lead (a standfirst) is a sentence this long at least; a shorter one is a site's line

RULE_BYLINE: Final = "a byline ('By ...')"
RULE_BARE_NAME: Final = "a byline: a name alone under the headline or beside the date"
RULE_DATE: Final = "a date line"
RULE_LEAD: Final = "the lead: a paragraph between the headline and the body"


@dataclass(slots=True)
class Head:
    title_at: int | None = None
    title_rule: str = ""  # why the title line is the headline (headline.title_rule)
    title_end: int | None = None  # where the headline ends on its line, when the line goes on with its date
    authors: list[str] = field(default_factory=list)
    bylines: dict[int, str] = field(default_factory=dict)  # line -> the names it gives, as printed
    dates: dict[int, FoundDate] = field(default_factory=dict)  # date lines of the head
    date: FoundDate | None = None
    date_at: int | None = None
    lead: tuple[int, int] | None = None  # (start, stop) of the lead paragraph
    bare_name: bool = False  # the byline is a name alone on its line
    explicit: bool = False  # the authors come from a byline opened by its word ("By ...")


def read_head(scored: Scored, page: str, start: int, stop: int, short: bool = False) -> Head:
    """The article's head over lines[start:stop]. `short`: the region is a short post's run; unless a line of it
    is in title case (the post's headline, its text under the run), its lines are the post's text (a photo's
    caption, a line of thanks), and its headline is looked for above it only."""
    head = Head()
    above = nonblank_above(scored, start, HEAD_LINES, forms=False)  # a comment form takes no room of the window
    first_prose = [i for i in range(start, min(stop, start + 2 * META_IN_PROSE)) if scored.prose[i] is not None]
    checked = [*reversed(above), *first_prose[:META_IN_PROSE]]
    _find_meta(scored, head, checked, page)
    if head.bylines and max(head.bylines) >= start:  # a byline among the prose's first lines: its date under it
        under = [i for i in following(scored, max(head.bylines), META_UNDER_BYLINE) if i not in checked]
        checked.extend(under)
        _find_meta(scored, head, under, page)
    if head.date is None and (elsewhere := date_elsewhere(scored, start, stop)) is not None:
        head.date = elsewhere.found
        if elsewhere.at is not None:  # a date line; a dateline opening a paragraph stays the article's
            head.date_at, head.dates[elsewhere.at] = elsewhere.at, elsewhere.found
    above.extend(_distant_head(scored, head, above[-1] if above else start, page))
    meta = {*head.bylines, *head.dates}
    above.extend(_over_top_meta(scored, meta, above))
    region = [i for i in range(start, min(stop, start + 3 * REGION_LINES)) if scored.prose[i] is not None]
    above_only = short and not any(is_headline_case(scored.lines[i].text) for i in region)
    title_window = Window(above, region[:REGION_LINES], frozenset(head.bylines.values()), above_only=above_only)
    head.title_at, head.title_rule = pick_title(scored, page, title_window, set(checked), meta, start)
    _prefer_date_under_title(scored, head)
    _prefer_its_time(scored, head)
    _date_after_title(scored, head)
    if not head.authors:  # no byline among the head's lines
        found = (
            on_date_line(scored, page, head.date_at)
            or name_beside(scored, page, head.title_at, head.date_at)
            or profile_card(scored, checked, head.title_at)
            or signature(scored, stop)
            or signed_inside(scored, start, stop)
        )
        if found is not None:
            head.authors, head.bylines[found.at], head.bare_name = found.names, ", ".join(found.names), found.bare
    head.lead = _find_lead(scored, head, start)
    return head


def _distant_head(scored: Scored, head: Head, top: int, page: str) -> list[int]:
    """With no byline in the head and the page's first date line above it (a video playlist, a gallery between
    the head and the prose), the lines right above that date are the head: their bylines are read, and they
    are looked in for the headline, as are the lines right under the date (a headline printed under its date).
    Returns those lines, nearest the date first, the lines under it last."""
    if head.date_at is None or head.date_at >= top or head.bylines:
        return []
    distant = nonblank_above(scored, head.date_at, DISTANT_HEAD_LINES)
    _find_meta(scored, head, [*reversed(distant), head.date_at], page)
    return distant + [i for i in following(scored, head.date_at, DISTANT_HEAD_LINES) if i < top]


def _over_top_meta(scored: Scored, meta: set[int], above: list[int]) -> list[int]:
    """The lines right over the head's topmost byline or date line, where the window ends at it (a caption in a
    narrow column, a line a word, between the head and the prose): the headline is printed over them."""
    top = min(meta, default=-1)
    if not above or top < above[-1]:  # no byline or date (-1), or one above the window's top
        return []
    return [i for i in nonblank_above(scored, top, DISTANT_HEAD_LINES) if i < above[-1]]


def _prefer_date_under_title(scored: Scored, head: Head) -> None:
    """A date line right under the headline is the article's, not the first one of a list of teasers with their
    dates above it, nor a masthead's "today" over the site's menu (one date close above the headline stays the
    article's: the headline may be a subhead). With none under it, the date line between the headline and its copy
    right above is (a page that prints the headline, the date, the headline again)."""
    if head.title_at is None or head.date_at is None or head.date_at > head.title_at:
        return
    above_title = [i for i in head.dates if i < head.title_at]
    if len(above_title) < TEASER_DATES and not _far_above(scored, above_title, head.title_at):
        return
    under = [i for i in following(scored, head.title_at, TITLE_META_LINES) if i in head.dates]
    published = [i for i in under if head.dates[i].kind != "updated"]
    chosen = min(published or under, default=None)
    above = neighbours(scored, head.title_at)[0]
    if chosen is None and above in head.dates and _is_copy(scored, neighbours(scored, above)[0], head.title_at):
        chosen = above
    if chosen is not None:
        head.date, head.date_at = head.dates[chosen], chosen


def _far_above(scored: Scored, dates: list[int], title_at: int) -> bool:
    """Whether the date lines above the headline are all farther than DISTANT_HEAD_LINES lines of text above it:
    a masthead's "today", over the site's menu, not the article's date."""
    near = nonblank_above(scored, title_at, DISTANT_HEAD_LINES)
    return not any(i in near for i in dates)


def _prefer_its_time(scored: Scored, head: Head) -> None:
    """A date with no time of day gives way to a line of the head's dates, or one right under the headline,
    printing the same day with its time ("Oct252012", a blog's date badge, over "DateThursday, October 25, 2012
    at 9:15AM"): the same date, told more precisely. An update's time is not the publication's."""
    chosen = head.date
    if chosen is None or chosen.has_time:
        return
    under = following(scored, head.title_at, TITLE_META_LINES) if head.title_at is not None else []
    for i in sorted({*head.dates, *under}):
        found = head.dates.get(i) or _line_date(scored.lines[i].text)
        if found is None or not found.has_time or found.local.date() != chosen.local.date():
            continue
        if found.kind != "updated" or chosen.kind == "updated":
            head.date, head.date_at = found, i
            return


def _date_after_title(scored: Scored, head: Head) -> None:
    """A date that ends the headline's line ("I have not gone into hiding 29 August, 2011": a blog's title and
    its date, which a text browser printed as one line) is no part of the headline, and is the article's date
    when the head found none. A colon or a short word before it ("of", "For", "vom") makes the date the
    headline's own ("Four short links: 6 November 2012", "Results of 5 May 2021")."""
    if head.title_at is None:
        return
    text = scored.lines[head.title_at].text
    found = _line_date(text)
    if found is None or found.start < TITLE_BEFORE_DATE or text[found.end :].strip(_AFTER_DATE):
        return
    headline = text[: found.start].rstrip(_BEFORE_DATE)
    last = headline.rsplit(None, 1)[-1] if headline else ""
    between = text[len(headline) : found.start]  # a colon anywhere there: "sandbank : 6 November" as French spaces it
    if headline.count(" ") < 1 or ":" in between or (last.isalpha() and len(last) <= FUNCTION_WORD_CHARS):
        return
    head.title_end = len(headline)
    if head.date is None:
        head.date, head.date_at = found, head.title_at


def _line_date(text: str) -> FoundDate | None:
    """The first date of a line the head reads for one; None for a line too long to be read, or with no digit."""
    if len(text) >= LABELLED_DATE_LINE or not holds_date_digit(text):
        return None
    return find_date(text)


def _is_copy(scored: Scored, i: int, of: int) -> bool:
    return i >= 0 and scored.lines[i].text == scored.lines[of].text


def _stacked_date(scored: Scored, i: int) -> tuple[FoundDate, list[int]] | None:
    """A date printed as a calendar's badge, a part on each line from line i on ("11", "July", "2012"), and
    those lines."""
    parts = [i, *following(scored, i, STACKED_PARTS - 1)]
    texts = [scored.lines[j].text for j in parts]
    if len(texts) < STACKED_PARTS or any(len(text) > STACKED_PART_CHARS or " " in text for text in texts):
        return None
    joined = " ".join(texts)
    found = find_date(joined)
    return (found, parts) if found is not None and found.start == 0 and found.end == len(joined) else None


def _find_meta(scored: Scored, head: Head, indexes: list[int], page: str) -> None:
    """The bylines and date lines among `indexes`, and the head's authors and date from them and those found
    before."""
    for i in indexes:
        line = scored.lines[i]
        text = line.text
        if is_image_file(text) or (text[:1] == "[" and is_bracketed(text)) or tag_label(text) is not None:
            continue  # an image's file name or alt text may hold a date ("[2016-12-20T03-00-09-933Z--1280x720]")
        if scored.chrome_rules.get(i) == RULE_ARCHIVE_BANNER:
            continue  # the dates of an archive's captures ("09 Jan 2014 - 01 Jan 2017"), not the page's
        names = byline_names(text)
        opened = names is not None and (is_explicit_byline(text) or named_after_date(text))
        if names is None and is_byline_word(text):
            names = _name_under(scored, head, i)
            opened = names is not None
        if names is None and "," in text and _beside_date_line(scored, i):
            names = name_and_outlet(text)  # "Erin Hitchcock, Burnaby Now" over "Published: Friday, January 11, 2008"
        if names is None and (handle := opened_handle(text)) is not None and _beside_date_line(scored, i):
            names, opened = handle, True  # "By oradmin" under "2. August 2012"
        if names is None and "@" in text and (handled := name_with_handle(text)) is not None:
            names, opened = handled, True
        if names is not None and not opened and common_words(names, page):
            names = None  # "Case Study August 12, 2010": common words before a date, no name
        if names is not None:
            head.bylines[i] = ", ".join(names)
            if not head.authors or (opened and not head.explicit):  # "By X" wins over a name before a date
                head.authors, head.explicit = names, opened
        found = _line_date(text)
        if found is not None and is_dateline(text, found, names):
            head.dates[i] = found
            _with_time_under(scored, head, i, found)
        elif found is None and len(text) <= STACKED_PART_CHARS and (stacked := _stacked_date(scored, i)) is not None:
            head.dates.update(dict.fromkeys(stacked[1], stacked[0]))
    # A date labelled "Published" first, then the first one not labelled "Updated" (a page's clock, a teaser's
    # date may stand above the headline unlabelled)
    dates = _own_dates(scored, head.dates)
    labelled = [i for i, found in dates.items() if found.kind == "published"]
    published = [i for i, found in dates.items() if found.kind != "updated"]
    chosen = min(labelled or _beside_byline(scored, head, published) or published or dates, default=None)
    if chosen is not None:
        head.date, head.date_at = head.dates[chosen], chosen


def _own_dates(scored: Scored, dates: dict[int, FoundDate]) -> dict[int, FoundDate]:
    """The date lines the site's other dumps do not print, where there are some: a line many of them print with
    its date (a teaser's "London Olympics: July 30, 2012 Gallery", a masthead's day) is not this article's,
    unless its label says it is ("Posted in music on November 12, 2012": posts of one day, in one section).
    Where every date line recurs (dumps of articles of one day), all stay."""
    own = {i: found for i, found in dates.items() if found.kind == "published" or not is_site_line(scored, i)}
    return own or dates


def _with_time_under(scored: Scored, head: Head, i: int, found: FoundDate) -> None:
    """A time of day alone right under a date line that has none ("July 19, 2012" over "01:29 PM EDT") is the
    date's: both lines are date lines of the head, the date at that time."""
    under = neighbours(scored, i)[1]
    if found.has_time or under < 0 or (time := time_alone(scored.lines[under].text)) is None:
        return
    local = found.local.replace(hour=time.hour, minute=time.minute, second=time.second)
    head.dates[i] = head.dates[under] = replace(found, local=local, offset=time.offset, has_time=True)


def _beside_date_line(scored: Scored, i: int) -> bool:
    """Whether the line right above or under line `i` is a short line holding a date."""
    for k in neighbours(scored, i):
        text = scored.lines[k].text if k >= 0 else ""
        if len(text) < DATE_LINE_CHARS and _line_date(text) is not None:
            return True
    return False


def _beside_byline(scored: Scored, head: Head, dated: list[int]) -> list[int]:
    """The date lines right beside a byline (a teaser's date above the head is not)."""
    if not head.bylines or not dated:
        return []
    near = {j for i in head.bylines for j in (*neighbours(scored, i), *following(scored, i, META_UNDER_BYLINE))}
    return [i for i in dated if i in near or i in head.bylines]


def _name_under(scored: Scored, head: Head, i: int) -> list[str] | None:
    """The name on the line under a byline's word alone on its line ("By" then "David Fear"), marked as the byline."""
    found = name_under_word(scored, i)
    if found is None:
        return None
    head.bylines[found.at] = found.names[0]
    return found.names


def _find_lead(scored: Scored, head: Head, start: int) -> tuple[int, int] | None:
    """A paragraph of prose between the headline and the first paragraph, not a byline or date."""
    if head.title_at is None or head.title_at >= start:
        return None
    for i in range(head.title_at + 1, start):
        prose = scored.prose[i]
        if prose is None or i in head.bylines or i in head.dates or i in scored.chrome_rules:
            continue
        line = scored.lines[i]
        text = line.text
        if not line.bullet and prose.words >= LEAD_WORDS and prose.sentence_end and share_of(prose, text) >= 0.12:
            # a lead photo's caption is no lead (the lead may be under it), nor a form's message over the article
            if is_credited_caption(text) or is_form_message(text, prose.words):
                continue
            return (i, i + 1)
    return None
