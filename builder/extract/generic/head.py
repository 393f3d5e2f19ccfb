"""The head of an article: its title, byline, date and lead, read from the lines above its prose.

The title is the headline-like line closest above the byline or date (or, with neither, above the
article's first paragraph); a line the page repeats near its top (the headline and the breadcrumb, the
window title) counts for it. The byline and date are looked for between the title and the prose, and
in the first lines of the prose (some sites print "By X" under the lead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from builder.extract.generic.byline import bare_name, byline_names, is_profile_mark
from builder.extract.generic.dates import FoundDate, find_date, is_date_line
from builder.extract.generic.markers import is_caption_label, is_end_heading, is_image_file, tag_label
from builder.extract.generic.region import PROSE_WORDS, RULE_REPEATED, Scored
from builder.extract.generic.words import share_of

HEAD_LINES = 30  # how many non-blank lines above the prose the title is looked for in
META_IN_PROSE = 4  # a byline or date may sit among the first lines of the prose
TITLE_MAX_WORDS = 30
PRINTED_TWICE = 2.0  # the headline's bonus for being printed twice in the page
RANKED = 2  # a candidate of more words than this counts in the rank of those above it
TITLE_META_LINES = 3  # a date line this close under the headline is the article's
TEASER_DATES = 2  # this many date lines above the headline are a list of teasers
DATE_AFTER_LINES = 10  # a date line this close under the article is still its date
DATE_LINE_CHARS = 80  # a date line found outside the head is shorter than this
_DIGIT = re.compile(r"\d")
# A copyright sign or word, then only years and dashes, right before a text: the text is the rights holder.
_COPYRIGHT = re.compile(r"(?:©|\([cC]\)|[cC]opyright)[\s\d,–-]*$")
COPYRIGHT_CHARS = 30  # how far before a text its copyright sign is looked for
SHORT_DATE_LINE = 60  # a line this short opening with a date (after a label this long), in the head,
DATE_LABEL = 16  # is a date line
LABELLED_DATE_LINE = 200  # longer lines in the head are never read for a date

RULE_TITLE = "the headline: the line closest above the byline/date"
RULE_TITLE_NO_META = "the headline: the line closest above the article's first paragraph"
RULE_BYLINE = "a byline ('By ...')"
RULE_BARE_NAME = "a byline: a name alone under the headline or beside the date"
RULE_DATE = "a date line"
RULE_LEAD = "the lead: a paragraph between the headline and the body"


@dataclass(slots=True)
class Head:
    title_at: int | None = None
    title_rule: str = RULE_TITLE
    authors: list[str] = field(default_factory=list)
    bylines: dict[int, str] = field(default_factory=dict)  # line -> the names it gives, as printed
    dates: dict[int, FoundDate] = field(default_factory=dict)  # date lines of the head
    date: FoundDate | None = None
    date_at: int | None = None
    lead: tuple[int, int] | None = None  # (start, stop) of the lead paragraph
    bare_name: bool = False  # the byline is a name alone on its line


def _nonblank_above(scored: Scored, start: int, count: int) -> list[int]:
    found: list[int] = []
    i = start - 1
    while i >= 0 and len(found) < count:
        if scored.prose[i] is not None:
            found.append(i)
        i -= 1
    return found


def read_head(scored: Scored, page: str, start: int, stop: int) -> Head:
    head = Head()
    above = _nonblank_above(scored, start, HEAD_LINES)
    first_prose = [i for i in range(start, min(stop, start + 2 * META_IN_PROSE)) if scored.prose[i] is not None]
    checked = [*reversed(above), *first_prose[:META_IN_PROSE]]
    _find_meta(scored, head, checked)
    if head.date is None:
        _find_date_elsewhere(scored, head, stop)
    # Candidates nearest first: the region's first line (a headline the prose run swallowed), then upwards.
    candidates = [i for i in first_prose[:1] if not _is_sentence(scored, i)] + above
    meta = {*head.bylines, *head.dates}
    head.title_at = _pick_title(scored, page, candidates, set(checked), meta)
    _prefer_date_under_title(scored, head)
    if not meta:
        head.title_rule = RULE_TITLE_NO_META
    if not head.authors:
        _find_bare_name(scored, head)
    if not head.authors:
        _find_profile_card(scored, head, checked)
    head.lead = _find_lead(scored, head, start)
    return head


def _prefer_date_under_title(scored: Scored, head: Head) -> None:
    """A date line right under the headline is the article's, not the first one of a list of teasers with their
    dates above it (one date above the headline stays the article's: the headline may be a subhead)."""
    if head.title_at is None or head.date_at is None or head.date_at > head.title_at:
        return
    if sum(i < head.title_at for i in head.dates) < TEASER_DATES:
        return
    under = [i for i in _following(scored, head.title_at, TITLE_META_LINES) if i in head.dates]
    published = [i for i in under if head.dates[i].kind != "updated"]
    chosen = min(published or under, default=None)
    if chosen is not None:
        head.date, head.date_at = head.dates[chosen], chosen


def _find_date_elsewhere(scored: Scored, head: Head, stop: int) -> None:
    """With no date in the head, the first date line of the page down to the article's end ("Posted on ..."
    above the navigation, under the last paragraph)."""
    lines = scored.lines
    for i in range(min(stop + DATE_AFTER_LINES, len(lines))):
        text = lines[i].text
        if scored.prose[i] is not None and len(text) < DATE_LINE_CHARS and _DIGIT.search(text) and is_date_line(text):
            found = find_date(text)
            if found is not None:
                head.date, head.date_at, head.dates[i] = found, i, found
                return


def _find_bare_name(scored: Scored, head: Head) -> None:
    """A byline ("By X") or a line that is only a name, right under the headline or beside the date line, is
    the byline (a date found far under the head brings its byline with it)."""
    near: list[int] = []
    if head.title_at is not None:
        near.extend(_following(scored, head.title_at, 2))
    if head.date_at is not None:
        near.extend(_neighbours(scored, head.date_at))
    for i in near:
        if i < 0 or i in scored.chrome_rules or scored.lines[i].bullet or i == head.title_at:
            continue
        names = byline_names(scored.lines[i].text)
        if names is not None:
            head.authors, head.bylines[i] = names, ", ".join(names)
            return
        name = bare_name(scored.lines[i].text)
        if name is not None:
            head.authors, head.bylines[i] = [name], name
            head.bare_name = True
            return


def _find_profile_card(scored: Scored, head: Head, checked: list[int]) -> None:
    """A name alone (printed once or twice) over "Follow" or "11 min read", in the head: the author's card. The
    page may print the name again (a bio, a card at the end): a line repeated in the page may be the name."""
    for i in checked:
        rule = scored.chrome_rules.get(i)
        if (rule is not None and rule != RULE_REPEATED) or scored.lines[i].bullet or i == head.title_at:
            continue
        text = scored.lines[i].text
        name = bare_name(text)
        if name is None:
            continue
        after = _following(scored, i, 2)
        if after and scored.lines[after[0]].text == text:  # the avatar's alt text, then the name
            after = after[1:]
        if after and is_profile_mark(scored.lines[after[0]].text):
            head.authors, head.bylines[i] = [name], name
            head.bare_name = True
            return


def _following(scored: Scored, i: int, count: int) -> list[int]:
    found: list[int] = []
    for j in range(i + 1, min(len(scored.prose), i + 3 * count + 1)):
        if scored.prose[j] is not None:
            found.append(j)
            if len(found) == count:
                break
    return found


def _find_meta(scored: Scored, head: Head, indexes: list[int]) -> None:
    for i in indexes:
        line = scored.lines[i]
        text = line.text
        if is_image_file(text) or tag_label(text) is not None:
            continue
        names = byline_names(text)
        if names is not None:
            head.bylines[i] = ", ".join(names)
            if not head.authors:
                head.authors = names
        if len(text) < LABELLED_DATE_LINE and _DIGIT.search(text):
            found = find_date(text)
            # "Oct 18, 2019 · 8 min read" is no pure date line, but a short line opening with a date; a date
            # labelled "Published"/"Veröffentlicht am" is one in a longer line too
            if found is not None and (
                names is not None
                or found.kind is not None
                or found.has_time  # a date with its time of day is a dateline, whatever else the line holds
                or (found.start <= DATE_LABEL and (len(text) < SHORT_DATE_LINE or not text.endswith(".")))
                or is_date_line(text)
            ):
                head.dates[i] = found
    published = [i for i, found in head.dates.items() if found.kind != "updated"]
    chosen = min(published or head.dates, default=None)
    if chosen is not None:
        head.date, head.date_at = head.dates[chosen], chosen


def _is_headline(scored: Scored, i: int, checked: set[int], meta: set[int]) -> bool:
    line, prose = scored.lines[i], scored.prose[i]
    if (
        prose is None
        or line.bullet
        or (i in scored.chrome_rules and not scored.chrome_rules[i].startswith("repeated in the"))
    ):
        return False
    text = line.text
    if not 1 <= prose.words <= TITLE_MAX_WORDS or is_image_file(text) or text.startswith("["):
        return False
    if is_caption_label(text) or tag_label(text) is not None or _is_breadcrumb(text):
        return False
    if is_end_heading(text, prose.words):
        return False
    if i in checked:  # _find_meta has read the line: a byline or a date line is in `meta`
        return i not in meta
    return not (byline_names(text) or is_date_line(text))


def _is_sentence(scored: Scored, i: int) -> bool:
    prose = scored.prose[i]
    return prose is not None and prose.sentence_end and prose.words > TITLE_MAX_WORDS // 2


def _title_score(scored: Scored, page: str, i: int, rank: int, meta: set[int]) -> float:
    """How much a line looks like the headline: its length, how many headline-like lines lie between it
    and the prose (`rank`), a byline or date beside it, the page printing it twice (the headline and a
    breadcrumb, a "Section|Headline" line, a sticky header)."""
    prose = scored.prose[i]
    assert prose is not None
    text = scored.lines[i].text
    score = -0.3 * rank
    if 4 <= prose.words <= 20:
        score += 2.0
    elif prose.words <= 2:
        score -= 1.5
    if text.endswith("."):
        score -= 2.0
    above, below = _neighbours(scored, i)
    if below in meta:
        score += 1.5
    elif above in meta:
        score += 0.5
    if "|" in text or "/" in text:
        score -= 1.5  # navigation ("Previous | Next") or a photo credit ("AFP/Getty")
    if not text[0].isupper() and text[0].isalpha():
        score -= 1.0  # a headline starts with a capital (scripts with no case never get here)
    if _DIGIT.search(text) and find_date(text) is not None:
        score -= 1.5  # "Published on 6 July 2015 by ...": a meta line no rule above read
    return score


def _printed_twice(scored: Scored, page: str, i: int) -> bool:
    """The page prints the line again, alone or inside a longer line (a breadcrumb, "Section|Headline"); the
    site's name in its copyright line ("© 2021 Le Courrier du Lac") is no headline printed twice."""
    text = scored.lines[i].text
    if scored.seen[text] > 1:
        return True
    printed = 0
    at = page.find(text)
    while at >= 0:
        if _COPYRIGHT.search(page, max(0, at - COPYRIGHT_CHARS), at) is None:
            printed += 1
            if printed > 1:
                return True
        at = page.find(text, at + len(text))
    return False


def _pick_title(scored: Scored, page: str, candidates: list[int], checked: set[int], meta: set[int]) -> int | None:
    best = None
    best_score = -1e9
    rank = 0
    for i in candidates:
        if not _is_headline(scored, i, checked, meta) or _under_end_heading(scored, i):
            continue
        score = _title_score(scored, page, i, rank, meta)
        if scored.prose[i].words > RANKED:  # a one-word label ("Follow") or a name pushes no headline down
            rank += 1
        # Searching the page costs most: only for a line the bonus could make the best.
        if score + PRINTED_TWICE > best_score and scored.prose[i].words >= 4 and _printed_twice(scored, page, i):
            score += PRINTED_TWICE
        if score > best_score:
            best, best_score = i, score
    return best if best_score > -3.0 else None


def _is_breadcrumb(text: str) -> bool:
    """ "Home > News > Headline", "« Previous", "Travel » Asia", "← previous post": the path to the page, or paging
    links."""
    return " > " in text or "»" in text or "«" in text or " › " in text or "←" in text or "→" in text


def _under_end_heading(scored: Scored, i: int) -> bool:
    """A line under "Comments", "Related": a link or a count, not the headline."""
    above = _neighbours(scored, i)[0]
    prose = scored.prose[above] if above >= 0 else None
    return prose is not None and is_end_heading(scored.lines[above].text, prose.words)


def _neighbours(scored: Scored, i: int) -> tuple[int, int]:
    """The nearest non-blank lines above and below line i (-1 where there is none)."""
    prose = scored.prose
    before = next((j for j in range(i - 1, max(-1, i - 4), -1) if prose[j] is not None), -1)
    after = next((j for j in range(i + 1, min(len(prose), i + 4)) if prose[j] is not None), -1)
    return before, after


def _find_lead(scored: Scored, head: Head, start: int) -> tuple[int, int] | None:
    """A paragraph of prose between the headline and the first paragraph, not a byline or date."""
    if head.title_at is None or head.title_at >= start:
        return None
    for i in range(head.title_at + 1, start):
        prose = scored.prose[i]
        if prose is None or i in head.bylines or i in head.dates or i in scored.chrome_rules:
            continue
        line = scored.lines[i]
        if not line.bullet and prose.words >= PROSE_WORDS and prose.sentence_end and share_of(prose, line.text) >= 0.12:
            return (i, i + 1)
    return None
