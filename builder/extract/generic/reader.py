"""Read a dump of a site with no profile: find the article region, its head, its end, and fill the fields.

Steps: score every line (region.py), take the best-scoring run as the article, cut it at an end heading
("Related", "Comments"), read the headline, byline, date and lead above it (head.py), mark images, tags
and chrome inside it, and assemble the fields (assemble.py). With a `SiteChrome`, lines that recur in
many dumps of the site are chrome before anything else; when that leaves no article although the page
alone shows one (two dumps of one article make its prose "recur"), the page is trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from builder.extract.generic.assemble import assemble
from builder.extract.generic.boilerplate import boilerplate_rule
from builder.extract.generic.chrome import SiteChrome
from builder.extract.generic.columns import unfold_columns
from builder.extract.generic.comments import run_is_comments
from builder.extract.generic.copies import alt_over_caption, copied_lines, is_sentence_printed_again, twin_lines
from builder.extract.generic.dates import FoundDate
from builder.extract.generic.ends import cut_at_end, is_paragraph, leads_with_photo, teaser_heads, with_image_above
from builder.extract.generic.head import (
    RULE_BARE_NAME,
    RULE_BYLINE,
    RULE_DATE,
    RULE_LEAD,
    Head,
    read_head,
)
from builder.extract.generic.head_inside import head_inside
from builder.extract.generic.lists import menu_lines, with_lists
from builder.extract.generic.markers import (
    RULE_ALT,
    RULE_CAPTION,
    RULE_IMAGE,
    is_caption_label,
    is_credit_closed,
    is_doubled,
    is_end_heading,
    is_image_file,
    is_rule_line,
    is_signup_prompt,
    undoubled,
)
from builder.extract.generic.region import (
    PROSE_WORDS,
    RULE_OUTSIDE,
    Scored,
    following,
    is_bracketed,
    prose_lines,
    score_lines,
)
from builder.extract.generic.runs import best_region, comment_heading_in
from builder.extract.generic.site_lines import uses_corpus, with_corpus
from builder.extract.generic.tags import tag_label
from builder.extract.textdump.classified import Classified
from builder.extract.textdump.lines import (
    BLANK,
    BLANK_ROLE,
    BODY,
    BYLINE,
    CHROME,
    DATE,
    END,
    IMAGE,
    LEAD,
    TAGS,
    TITLE,
    Line,
    read_line,
)
from builder.reasons import Reason
from builder.record import RENDERED_BULLET, Reject

MIN_PROSE_LINES: Final = 2  # an article shows at least this many lines of prose...
MIN_PROSE_WORDS: Final = 40  # ...or this many words of prose in one or two long paragraphs
TWIN_PAGE_WORDS: Final = 60  # a page with less prose than this besides its lines printed twice keeps them
SHORT_POST_WORDS: Final = 4  # a shorter run is an article only under an article's head (`_post_head`), and this long
TEASER_HEADS: Final = 3  # a region with this many headline-and-date heads is a list of teasers
TAIL_LINES: Final = 12  # how far after the article a tag list is looked for
ORPHAN_WORDS: Final = 20  # a paragraph between the head and the region, apart from the region, is this long...
ORPHAN_GAP: Final = 20  # ...and among the first this many lines under the head
HEADLINE_AGAIN_WORDS: Final = 4  # a headline this long, printed again inside a longer line, makes it no prose...
HEADLINE_AGAIN_REST: Final = 8  # ...when the line's other words are this few
COMMENTS_UNDER_LINES: Final = 3  # a short post's comment section opens within this many lines under it

RULE_BODY: Final = "a paragraph of the article's prose"
RULE_END: Final = "an end heading: the chrome after the article starts here"
RULE_AFTER: Final = "the first line after the article's region"
RULE_MENU: Final = "a run of short bullets (menu, share bar)"
RULE_RULE_LINE: Final = "a rule between parts of the page (one sign repeated)"
RULE_SIGNUP: Final = "an invitation to a newsletter or a subscription"
RULE_TAGS: Final = "a tag list"
RULE_CREDIT: Final = "an image's credit (a copyright sign and its holder)"
RULE_DOUBLED: Final = "an image's caption or alt text printed twice on one line (a copy for another screen)"
RULE_TWIN: Final = "an image's alt text or caption: the same words printed again a line or two away"
RULE_PRINTED_AGAIN: Final = "a paragraph of the article printed again (a copy of the article on the same page)"
RULE_ORPHAN: Final = "a paragraph of the article's prose between its head and its region, apart from it by chrome"
RULE_HEADLINE_AGAIN: Final = "the headline with more words (an image's name and alt text, a window's title)"
RULE_PAGE_TRUSTED: Final = "; the site's corpus left no article (or no headline), so the page alone was read"


@dataclass(slots=True)
class GenericReading:
    classified: Classified  # every line of the page with its role and the rule that gave it
    fields: dict[str, Any]  # title, authors, summary, body, tags, images, source, reading_time_minutes
    date: FoundDate | None  # the publication date the page prints, a "published" one before an "updated" one


def dump_lines(text: str, printable: bool = False, raws: list[str] | None = None) -> tuple[list[str], list[Line]]:
    """The dump's raw lines, and each read as a `Line`: what `read_generic` reads, for a caller that needs
    the lines first (to find the site's chrome) to read them once. `printable`: every line of `text` is
    (`Record.printable`: unfolding adds only spaces and line breaks). `raws`: `text.split("\\n")`, if known."""
    raws = text.split("\n") if raws is None else raws
    # A third of a dump's lines are empty: they are BLANK without a call.
    return raws, [read_line(raw, RENDERED_BULLET, printable) if raw else BLANK for raw in raws]


def read_generic(
    text: str, chrome: SiteChrome | None = None, read: tuple[list[str], list[Line]] | None = None
) -> GenericReading | Reject:
    """The article a dump of a site with no profile shows, or a Reject (no_article) when it shows none. An
    article whose headline was not found has no title (the title check judges it). `read`: the text's
    `dump_lines`, when the caller has them (the text then has its columns unfolded: `unfold_columns`)."""
    if read is None:
        text = unfold_columns(text)
        read = dump_lines(text)
    raws, lines = read
    page = score_lines(raws, lines)
    if chrome is None or not uses_corpus(chrome):
        return _read(text, page)
    found = _read(text, with_corpus(page, chrome))
    if _titled(found):
        return found
    # The corpus may call the headline chrome: a site whose pages all print one title, or unrelated dumps
    # grouped as one site because both open with the same words. The page alone then decides.
    alone = _read(text, page)
    if isinstance(alone, GenericReading) and (_titled(alone) or isinstance(found, Reject)):
        alone.classified.rules = [
            rule + RULE_PAGE_TRUSTED if role is BODY else rule
            for rule, role in zip(alone.classified.rules, alone.classified.roles, strict=True)
        ]
        return alone
    return found


def _titled(reading: GenericReading | Reject) -> bool:
    """Whether the reading found an article with its headline (one with none becomes a row only with
    `--untitled keep`: the title check judges it)."""
    return not isinstance(reading, Reject) and bool(reading.fields.get("title"))


def _read(text: str, scored: Scored) -> GenericReading | Reject:
    """The reading of the page as `scored` (alone or with its site's corpus); `scored`'s rules gain the boxes found."""
    span = best_region(scored, run_is_comments)
    if span is None:
        return Reject(Reason.NO_ARTICLE, "no line of prose", "parse")
    start, stop = cut_at_end(scored, *with_lists(scored, *span))
    start = with_image_above(scored, head_inside(scored, start, stop))
    count, words = prose_lines(scored, start, stop)
    short = (count < MIN_PROSE_LINES and words < MIN_PROSE_WORDS) or words < PROSE_WORDS * 2
    if short and words < SHORT_POST_WORDS:
        return _no_prose(count, words)
    heads = teaser_heads(scored, start, stop)
    if heads >= TEASER_HEADS:
        return Reject(
            Reason.NO_ARTICLE, f"a list of {heads} teasers (headline, date, summary): a section front", "parse"
        )
    head = read_head(scored, text, start, stop, short)
    if short and not _post_head(head, start, scored, stop):
        return _no_prose(count, words)
    page = _outside(text, scored)
    _mark_region(page, scored, head, start, stop)
    orphans = _orphans(scored, head, start)
    for i in orphans:
        page.roles[i], page.rules[i] = BODY, RULE_ORPHAN
    _mark_head(page, head)
    _mark_tail(page, scored, stop)
    page.groups = _groups(page, head, start, stop, orphans)
    fields = assemble(page, head)
    if not fields.get("body"):  # the headline took the only prose there was
        return Reject(Reason.NO_ARTICLE, "no prose left under the headline", "parse")
    return GenericReading(page, fields, head.date)


def _no_prose(count: int, words: int) -> Reject:
    lines_of = f"{count} line{'' if count == 1 else 's'} of prose"
    return Reject(Reason.NO_ARTICLE, f"no run of prose: {lines_of} ({words} words)", "parse")


def _post_head(head: Head, start: int, scored: Scored, stop: int) -> bool:
    """Whether a short run of prose (lines[start:stop]) is a short post's: a headline over it with a date or a
    byline opened by its word ("By ...") beside the headline, or with the post's comment section right under the
    run: the head of one article (a blog's one-paragraph post, a picture's few words). A stub page or a shop's
    shows a title but no date and no comments; a name alone may be a pair of buttons ("Cancel Delete")."""
    if head.title_at is None or head.title_at >= start:
        return False
    return head.explicit or head.date_at is not None or _comments_under(scored, stop)


def _comments_under(scored: Scored, stop: int) -> bool:
    """Whether a comment section opens right under the run: its heading or its count ("Comments (0)", "13
    comments:"), within COMMENTS_UNDER_LINES non-blank lines (an image, a share bar between)."""
    under = following(scored, stop - 1, COMMENTS_UNDER_LINES)
    return bool(under) and comment_heading_in(scored, under[0], under[-1] + 1)


def _outside(text: str, scored: Scored) -> Classified:
    """The page with every line chrome (blank lines blank), with the reason the scoring gave where it gave one."""
    lines = scored.lines
    roles = [BLANK_ROLE if line is BLANK else CHROME for line in lines]
    rules = ["" if line is BLANK else RULE_OUTSIDE for line in lines]
    for i, rule in scored.chrome_rules.items():
        rules[i] = rule
    return Classified(text, len(lines), lines, roles, rules, {}, [])


def _orphans(scored: Scored, head: Head, start: int) -> list[int]:
    """Paragraphs of the article between its head and its region, cut off from the region by chrome (a
    reading time and a share bar under the lead, then the first paragraph, then the authors' cards): long
    sentences, none of the page's chrome, a short way under the head."""
    if head.title_at is None or head.title_at >= start:
        return []
    above = [i for i in (*head.bylines, *head.dates) if i < start]
    top = max(head.title_at, *above, head.lead[1] - 1 if head.lead is not None else -1)
    between = [i for i in range(top + 1, start) if scored.prose[i] is not None]
    if len(between) > ORPHAN_GAP:
        return []
    return [i for i in between if _is_orphan(scored, i)]


def _is_orphan(scored: Scored, i: int) -> bool:
    prose, line = scored.prose[i], scored.lines[i]
    return (
        prose is not None
        and prose.words >= ORPHAN_WORDS
        and prose.sentence_end
        and not line.bullet
        and i not in scored.chrome_rules
        and not line.text.endswith(":")  # it opens what follows, which is chrome here (a list of links)
    )


def _mark_region(page: Classified, scored: Scored, head: Head, start: int, stop: int) -> None:
    roles, rules = page.roles, page.rules
    menus = menu_lines(scored, start, stop)
    twins = twin_lines(scored, start, stop, TWIN_PAGE_WORDS)
    copies = copied_lines(scored, start, stop)
    headline = _headline_text(scored, head)
    after_image = bodied = False
    for i in range(start, stop):
        line = page.lines[i]
        if line is BLANK:
            continue
        text = line.text
        if i in scored.chrome_rules and not is_sentence_printed_again(scored, i):
            after_image = False
        elif i in menus:
            rules[i] = RULE_MENU
        elif is_rule_line(text):
            rules[i] = RULE_RULE_LINE
        elif (prose := scored.prose[i]) is not None and is_signup_prompt(text, prose.words, prose.sentence_end):
            rules[i] = RULE_SIGNUP
        elif (boilerplate := boilerplate_rule(text, prose)) is not None:
            rules[i] = boilerplate
        elif is_image_file(text):
            roles[i], rules[i], page.values[i] = IMAGE, RULE_IMAGE, ""
            after_image = True
            continue
        elif is_bracketed(text):
            roles[i], rules[i], page.values[i] = IMAGE, RULE_ALT, text[1:-1]
            after_image = True
            continue
        elif alt_over_caption(page.lines, i, stop):
            roles[i], rules[i], page.values[i] = IMAGE, RULE_ALT, undoubled(text)
            after_image = True
            continue
        elif is_doubled(text):
            roles[i], rules[i], page.values[i] = IMAGE, RULE_DOUBLED, undoubled(text)
        elif i in twins:
            roles[i], rules[i], page.values[i] = IMAGE, RULE_TWIN, text
        elif text[:1] == "©":  # a notice with its year ended the region above (`cut_at_end`)
            roles[i], rules[i], page.values[i] = IMAGE, RULE_CREDIT, text
        elif (
            is_caption_label(text)
            or is_credit_closed(text)
            or (after_image and not is_paragraph(scored, i))
            or (not bodied and leads_with_photo(scored, i, stop))
        ):
            roles[i], rules[i], page.values[i] = IMAGE, RULE_CAPTION, text
        elif i in copies:
            rules[i] = RULE_PRINTED_AGAIN
        elif headline and i != head.title_at and _is_headline_again(text, headline):
            rules[i] = RULE_HEADLINE_AGAIN
        else:
            roles[i], rules[i] = BODY, RULE_BODY
            # the head's lines inside the region, which `_mark_head` marks afterwards, are no paragraph of the body
            bodied = bodied or not (i == head.title_at or i in head.dates or i in head.bylines)
        after_image = False


def _headline_text(scored: Scored, head: Head) -> str:
    """The headline's words when they are enough to tell a line that holds them (HEADLINE_AGAIN_WORDS), else ""."""
    if head.title_at is None:
        return ""
    text = scored.lines[head.title_at].text
    return text if text.count(" ") + 1 >= HEADLINE_AGAIN_WORDS else ""


def _is_headline_again(text: str, headline: str) -> bool:
    """The headline with a few words before or after it, apart by a space: an image's file name and its alt text
    (a blog engine's default alt is the post's title: "aa modern apartment 3 Incredible Home Revival …"), a
    window's title ("… | Site"). A paragraph that an image's alt text is glued to, or that quotes the headline,
    holds more words."""
    if text.startswith(headline):
        rest = text[len(headline) :]
        touching = rest[:1]
    elif text.endswith(headline):
        rest = text[: -len(headline)]
        touching = rest[-1:]
    else:
        return False
    return touching == " " and rest.count(" ") <= HEADLINE_AGAIN_REST


def _mark_head(page: Classified, head: Head) -> None:
    roles, rules, values = page.roles, page.rules, page.values
    if head.title_at is not None:
        roles[head.title_at], rules[head.title_at] = TITLE, head.title_rule
    for i, names in head.bylines.items():
        roles[i], rules[i], values[i] = BYLINE, RULE_BARE_NAME if head.bare_name else RULE_BYLINE, names
    for i, found in head.dates.items():
        if i not in head.bylines:
            roles[i], rules[i] = DATE, RULE_DATE
        if i == head.date_at and i not in head.bylines:
            values[i] = page.lines[i].text[found.start : found.end]
    if head.lead is not None:
        for i in range(*head.lead):
            roles[i], rules[i] = LEAD, RULE_LEAD


def _mark_tail(page: Classified, scored: Scored, stop: int) -> None:
    """The end line, and a tag list shortly after the article."""
    lines, roles, rules = page.lines, page.roles, page.rules
    after = [i for i in range(stop, min(len(lines), stop + 4 * TAIL_LINES)) if lines[i] is not BLANK][:TAIL_LINES]
    heading = next((i for i in after if _is_end(scored, i)), None)
    if heading is not None:
        roles[heading], rules[heading] = END, RULE_END
    elif after:
        first = after[0]
        corpus = scored.chrome_rules.get(first)  # the reason it is chrome stays in view
        roles[first], rules[first] = END, f"{corpus}; {RULE_AFTER}" if corpus else RULE_AFTER
    for n, i in enumerate(after):
        tags = tag_label(lines[i].text)
        if tags is None or (lines[i].bullet and not tags):  # "• Categories" alone: a menu's link
            continue
        roles[i], rules[i], page.values[i] = TAGS, RULE_TAGS, ", ".join(tags)
        if not tags:  # the label alone: the bullets under it are the tags
            for j in after[n + 1 :]:
                if not lines[j].bullet:
                    break
                roles[j], rules[j], page.values[j] = TAGS, RULE_TAGS, lines[j].text
        break


def _is_end(scored: Scored, i: int) -> bool:
    prose = scored.prose[i]
    return prose is not None and is_end_heading(scored.lines[i].text, prose.words)


def _groups(page: Classified, head: Head, start: int, stop: int, orphans: list[int]) -> list[tuple[int, int]]:
    """The title, the lead, the paragraphs above the region (`_orphans`), then runs of same-role lines of the
    region (a run of BODY lines is one paragraph); lines of other roles are one group each."""
    groups: list[tuple[int, int]] = []
    if head.title_at is not None:
        groups.append((head.title_at, head.title_at + 1))
    meta = [*head.bylines, *head.dates, *(i for i in page.values if page.roles[i] is TAGS)]
    others = sorted(i for i in set(meta) if not start <= i < stop)
    groups.extend((i, i + 1) for i in others)
    if head.lead is not None:
        groups.append(head.lead)
    groups.extend((i, i + 1) for i in orphans)
    roles, lines = page.roles, page.lines
    i = start
    while i < stop:
        role = roles[i]
        if lines[i] is BLANK or role is CHROME:
            i += 1
            continue
        j = i + 1
        if role is BODY or role is LEAD:
            while j < stop and roles[j] is role and lines[j] is not BLANK:
                j += 1
        groups.append((i, j))
        i = j
    return groups
