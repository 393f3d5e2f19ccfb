"""Where the article's prose run really starts and ends: an image just above its first paragraph, an end
heading ("Related", "Comments") or a box inside it, the head of the next article (a teaser, an endless page)."""

from __future__ import annotations

import re
from itertools import islice
from typing import Final

from builder.extract.generic.byline import byline_names
from builder.extract.generic.comments import (
    COUNTED_FOOTER_OPENINGS,
    PERMALINK,
    POST_FOOTER_OPENINGS,
    comments_start,
    count_in_head,
    is_comment_bar,
    is_commenter,
    is_counted_post_footer,
    is_post_footer,
    opens_comments,
)
from builder.extract.generic.dates import find_date, is_date_line
from builder.extract.generic.digits import holds_date_digit
from builder.extract.generic.letters import opens_letter
from builder.extract.generic.lists import announced
from builder.extract.generic.markers import (
    COMMENT_HEADING_WORDS,
    MAX_END_WORDS,
    META_CHARS,
    META_WORDS,
    is_comment_section_heading,
    is_comments_on,
    is_credited_caption,
    is_end_heading,
    is_image_file,
    points_elsewhere,
)
from builder.extract.generic.region import WEIGHTS, Scored, following
from builder.extract.generic.tags import tag_label

# An end heading followed by this much of the prose before it opens a box, not the end (weights.json).
BOX_SHARE: Final = WEIGHTS["box_share"]
NEXT_ARTICLE_AFTER: Final = 10.0  # after this much prose, a date line under a headline opens the next article
NEXT_HEADLINE_WORDS: Final = 20
IMAGE_ABOVE: Final = 6  # how far above the region an image file name is looked for
CAPTION_WORDS: Final = 25  # a caption is shorter than this
TAG_LINE_WORDS: Final = 40  # a line of tags ("Schlagwörter: a, b, …") is no longer than this
TEASER_GAP: Final = 8  # a box's next teaser head is within this many lines of the last one's date
HEAD_ABOVE: Final = 12  # a region's head (its date) is looked for this many lines above its start...
HEAD_INSIDE: Final = 3  # ...and in this many of its first lines (not counting blank ones)
HEAD_UNDER_LINES: Final = 2  # an article's head right under a notice: its date and headline, the next two lines
_COPYRIGHT_NOTICE: Final = re.compile(r"\(?(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d\d\b", re.IGNORECASE)
PAGE_NUMBER_CHARS: Final = 4  # a page's number in a list of pages ("2", "12") is no longer
# Where the article appeared in print, under it ("A version of this article appeared in print on July 24, 2012, on
# page C1 of the New York edition", "This article appeared on page D - 7 of the San Francisco Chronicle", "A version
# of this article appeared July 24, 2012, on page A2 in the U.S. edition")
_PRINT_NOTICE: Final = re.compile(
    r"(?:[Aa] version of t|T)his (?:article|story) (?:appeared|appears|was published) "
    r"(?:(?:on )?[A-Z][a-z]+\.? \d{1,2}, \d{4},? )?(?:in print|on page|on p\.? ?\d|in the [^.]{0,60}print edition)"
    r"|[Pp]ublished in the print edition"
)
COPYRIGHT_OPENINGS: Final = "©(cC"  # what such a line opens with: most lines are settled on their first character
PRINT_OPENINGS: Final = ("A ve", "a ve", "This", "Publ", "publ")  # and a print notice
PRINT_FIRST: Final = "AaTPp"  # its first character, tested before a slice of four is made


RULE_BOX: Final = "a box inside the article, under a heading like 'Related'"
RULE_TEASERS: Final = "a box of teasers inside the article (headlines with their dates)"


COMMENTS_ON_OPENINGS: Final = frozenset("0123456789OoNnEeUu")  # the first characters `is_comments_on` may match


def cut_at_end(scored: Scored, start: int, stop: int, follow: bool = True) -> tuple[int, int]:
    """The region up to its first end heading after some prose. A heading with more prose after it than
    BOX_SHARE of the prose before it opens a box inside the article ("Related Coverage" between two
    paragraphs): the box, up to the next paragraph, is chrome and the article goes on.

    The head of another article (a headline over its date) after enough prose ends the region there, but
    for one case (with `follow`): a region with no head of its own whose prose the article under that head
    outweighs was a box above the article (a glossary in the menu), and that article is the region."""
    scores, prose = scored.scores, scored.prose
    before = 0.0
    i = start
    while i < stop:
        measured = prose[i]
        if measured is None:
            i += 1
            continue
        # end headings are short (most lines are settled here), but for a closed-comments notice
        short = measured.words <= MAX_END_WORDS or (
            measured.words <= COMMENT_HEADING_WORDS and is_end_heading(scored.lines[i].text, measured.words)
        )
        if before > 0.0 and _is_notice(scored.lines[i].text):
            head = _head_under(scored, i, stop) if follow and _headless(scored, start) else None
            followed = _followed(scored, head, stop, before) if head is not None else None
            return followed if followed is not None else (start, _trimmed(scored, start, i))
        if (
            before > 0.0
            and (scores[i] <= 0.0 or is_commenter(scored.lines[i].text))  # "by X (543817) writes:" reads as prose
            and opens_comments(scored, i, stop, before >= NEXT_ARTICLE_AFTER)
            and not (before < NEXT_ARTICLE_AFTER and count_in_head(scored, i))
        ):
            return start, _trimmed(scored, start, i)
        if (
            before > 0.0
            and scores[i] > 0.0  # a line scored no higher was asked just above (`opens_comments`)
            and scored.lines[i].text[:1] in COMMENTS_ON_OPENINGS
            and is_comments_on(scored.lines[i].text)
        ):
            return start, _trimmed(scored, start, i)  # it reads as prose ("9 comments to the article's title")
        if (
            measured.words <= TAG_LINE_WORDS  # a tag line may list many tags
            and before > 0.0
            and scores[i] <= 0.0
            and _opens_tags(scored, i, stop)
            and _ends_article(scored, _prose_resumes(scored, i, stop), stop, before)
        ):
            return start, _trimmed(scored, start, i)  # the tags under the article (tags inside it: read on)
        if (
            before > 0.0
            and scored.lines[i].text[:1] in POST_FOOTER_OPENINGS
            and (before >= NEXT_ARTICLE_AFTER or PERMALINK in scored.lines[i].text)
            and is_post_footer(scored.lines[i].text)
        ):
            # the post's footer: its byline, date and categories; after less prose, only one with its permalink (a
            # byline of the head may sit under the standfirst: "Posted by Ann Lee on May 3, 2012 in Town")
            return start, _trimmed(scored, start, i)
        if (
            before > 0.0
            and scored.lines[i].text[:1] in COUNTED_FOOTER_OPENINGS
            and is_counted_post_footer(scored.lines[i].text)
        ):
            return start, _trimmed(scored, start, i)  # a footer with the comment count: the comments follow
        if before >= NEXT_ARTICLE_AFTER and is_comment_bar(scored.lines[i].text):
            return start, _trimmed(scored, start, i)  # the same in a bar of links (in the head: its byline's)
        if short and before > 0.0 and points_elsewhere(scored.lines[i].text, before >= NEXT_ARTICLE_AFTER):
            return start, _trimmed(scored, start, i)  # never a box, whatever follows (a gallery, teasers)
        if short and before > 0.0 and is_end_heading(scored.lines[i].text, measured.words):
            resume = _prose_resumes(scored, i, stop)
            # A heading that a paragraph announces ("… the following list should get you started:" over
            # "Comment") is the article's, and at most a box ("Scroll down to read more:" over "Read more...");
            # a label ("Share this:") opens what follows it, whatever was announced (an image the dump lost).
            if (not announced(scored, i) or scored.lines[i].text.endswith(":")) and (
                _ends_article(scored, resume, stop, before)
                or (
                    is_comment_section_heading(scored.lines[i].text)
                    # after so little prose, "Comments" is a link under the headline (a short post's comments
                    # still end it when they are shorter than it: `_ends_article`)
                    and before >= NEXT_ARTICLE_AFTER
                )
                or _end_heading_between(scored, i + 1, resume, scored.lines[i].text)
                or comments_start(scored, i + 1, resume) < resume  # the box runs into the comments
            ):
                return start, _page_numbers_above(scored, start, i)
            i = _box(scored, i, resume, RULE_BOX)
            continue
        if before >= NEXT_ARTICLE_AFTER and measured.words <= META_WORDS and _opens_article(scored, i):
            after = _after_teasers(scored, i, stop)
            if after is None and follow and _headless(scored, start):
                followed = _followed(scored, i, stop, before)
                if followed is not None:
                    return followed
            if after is None or _ends_article(scored, after, stop, before):
                return start, _heading_start(scored, i)
            i = _box(scored, _heading_start(scored, i), after, RULE_TEASERS)
            continue
        if scores[i] > 0.0:
            before += scores[i]
        i += 1
    return start, stop


def _ends_article(scored: Scored, resume: int, stop: int, before: float) -> bool:
    """Whether the prose from `resume` on is too little, against the prose `before` a heading, for the heading
    to open a box inside the article: the article ends at the heading."""
    return _prose_in(scored, resume, stop) < BOX_SHARE * before


def _opens_tags(scored: Scored, i: int, stop: int) -> bool:
    """A tag label after the article's prose ("Tags:", "Filed under: a, b"), or a label alone over a list: the
    article ends there (its tags are read under it). A label word alone with no colon and no list under it
    ("Themen", "Topics") may be a subheading."""
    text = scored.lines[i].text
    tags = tag_label(text)
    if tags is None:
        return False
    if tags or ":" in text or "：" in text:  # tags on the line ("Filed under pools, council" needs no colon)
        return True
    below = next((j for j in range(i + 1, min(stop, i + 3)) if scored.prose[j] is not None), None)
    return below is not None and scored.lines[below].bullet


def _headless(scored: Scored, start: int) -> bool:
    """Whether no date line sits just above the region's start or among its first lines: prose with no head."""
    above = range(max(0, start - HEAD_ABOVE), start)
    first = islice((j for j in range(start, len(scored.prose)) if scored.prose[j] is not None), HEAD_INSIDE)
    return not any(scored.prose[j] is not None and is_date_line(scored.lines[j].text) for j in (*above, *first))


def _followed(scored: Scored, start: int, stop: int, before: float) -> tuple[int, int] | None:
    """The article that starts at line `start` under a run of prose with no head of its own, cut at its own
    end, when it holds more prose than that run (`before`): the run was a box above it (a glossary in the
    menu, a teaser). None otherwise, and the lines are left as they were."""
    rules = scored.chrome_rules.copy()
    article = cut_at_end(scored, start, stop, follow=False)
    if _prose_in(scored, *article) > before:
        return article
    scored.chrome_rules = rules
    return None


def _head_under(scored: Scored, notice: int, stop: int) -> int | None:
    """The first line of an article's head right under a notice: a date line over a headline-like line (a blog's
    post, its date first) or a headline-like line over its date; None when the notice closes the page."""
    under = [j for j in following(scored, notice, HEAD_UNDER_LINES) if j < stop]
    if len(under) < HEAD_UNDER_LINES:
        return None
    first, second = under
    if is_date_line(scored.lines[first].text) and _is_headline_like(scored, second):
        return first
    return first if _opens_article(scored, second) else None


def _is_notice(text: str) -> bool:
    """A copyright or print-edition notice, under the article (most lines are settled at their first characters,
    before a search)."""
    if text[:1] in COPYRIGHT_OPENINGS:
        return is_copyright_notice(text)
    return text[:1] in PRINT_FIRST and text[:4] in PRINT_OPENINGS and _PRINT_NOTICE.match(text) is not None


def is_copyright_notice(text: str) -> bool:
    """A line that opens with a copyright sign or word and a year ("Copyright 2011 World Publishing Co. All
    rights reserved.", "© 2021 The Daily Planet"): the page's footer, or an agency's notice under the
    article, never its prose."""
    return _COPYRIGHT_NOTICE.match(text) is not None


def _after_teasers(scored: Scored, i: int, stop: int) -> int | None:
    """Where the prose resumes after a box of teasers (the head at line i, then at least another head right
    under it: "More about ...", two headlines with their dates, inside the article), or None when no other
    head follows line i's (the next article of the page starts there)."""
    heads = 0
    while (head := _next_head(scored, i, stop)) is not None:
        heads, i = heads + 1, head
    return _prose_resumes(scored, i, stop) if heads else None


def _prose_resumes(scored: Scored, i: int, stop: int) -> int:
    """The first paragraph of prose under line i (stop if none): where the article goes on after a box."""
    return next((j for j in range(i + 1, stop) if scored.scores[j] >= 1.0 and not scored.lines[j].bullet), stop)


def _next_head(scored: Scored, i: int, stop: int) -> int | None:
    """The date line of a teaser's head right under line i (its headline, then its date), or None."""
    under = [j for j in range(i + 1, min(stop, i + TEASER_GAP)) if scored.prose[j] is not None][:2]
    return next((j for j in under if _opens_article(scored, j)), None)


def _box(scored: Scored, start: int, resume: int, rule: str) -> int:
    """Marks lines[start:resume] a box inside the article (chrome, by `rule`); where the article resumes."""
    for j in range(start, resume):
        if scored.prose[j] is not None:
            scored.chrome_rules[j] = rule
    return resume


def _prose_in(scored: Scored, start: int, stop: int) -> float:
    """The score of the prose in lines[start:stop], up to a comment section."""
    return sum(score for score in scored.scores[start : comments_start(scored, start, stop)] if score > 0.0)


def _end_heading_between(scored: Scored, start: int, stop: int, heading: str) -> bool:
    """Whether another end heading follows before the prose resumes ("Related", then "Up next", "You may
    like"): a run of the page's end blocks, not a box inside the article. The same heading again, or it with
    one word more, is not one: two boxes of one kind, back to back, inside the article ("Related", teasers,
    "Related", teasers), or a box's label over its title ("Related", then "Related Stories")."""
    for j in range(start, stop):
        measured = scored.prose[j]
        if (
            measured is not None
            and measured.words <= COMMENT_HEADING_WORDS  # `is_end_heading` reads no longer line
            and is_end_heading(scored.lines[j].text, measured.words)
            and not _same_box(scored.lines[j].text, heading)
        ):
            return True
    return False


def _same_box(text: str, heading: str) -> bool:
    """The heading again, or it with one word more ("Related Stories" under "Related"; not "TrackBack URL for
    this entry:" under "TrackBack", a footer's next block)."""
    opening, _, more = text.casefold().partition(heading.casefold())
    return not opening and len(more.split()) <= 1 and (not more or more[0] == " ")


def _page_numbers_above(scored: Scored, start: int, stop: int) -> int:
    """The region's stop moved up over the blank lines above an end heading, and over page numbers (the lines
    over "Next page": "• 1", "• 2")."""
    while stop > start + 1 and (scored.prose[stop - 1] is None or _is_page_number(scored.lines[stop - 1].text)):
        stop -= 1
    return stop


def _is_page_number(text: str) -> bool:
    return len(text) <= PAGE_NUMBER_CHARS and text.isdigit()


def _trimmed(scored: Scored, start: int, stop: int) -> int:
    """The region's stop moved up over the short lines above a cut (a "Comments" label, a numbering "15.")."""
    while stop > start + 1 and (scored.prose[stop - 1] is None or scored.scores[stop - 1] <= 0.0):
        stop -= 1
    return stop


def teaser_heads(scored: Scored, start: int, stop: int) -> int:
    """How many heads of articles (a headline-like line over a date line) lines[start - 2:stop] holds: three
    or more make it a list of teasers, a section front, not an article. A box of teasers `cut_at_end` found
    between the article's paragraphs does not count."""
    return sum(
        1
        for i in range(max(0, start - 2), stop)
        if (measured := scored.prose[i]) is not None
        and measured.words <= META_WORDS
        and scored.chrome_rules.get(i) != RULE_TEASERS
        and _opens_article(scored, i)
    )


def _opens_article(scored: Scored, i: int) -> bool:
    """A date line (or a byline with its date) right under a headline-like line: the head of another
    article (a teaser, the next story of an endless page)."""
    line = scored.lines[i]
    if line.bullet or len(line.text) > META_CHARS or not holds_date_digit(line.text):
        return False
    above = next((j for j in range(i - 1, max(-1, i - 4), -1) if scored.prose[j] is not None), -1)
    if above < 0 or not _is_headline_like(scored, above):  # checked first: reading a date costs more
        return False
    text = line.text
    dated = is_date_line(text) or (byline_names(text) is not None and find_date(text) is not None)
    return dated and not opens_letter(scored, i)  # a letter's head, its sender over its date, quoted in the article


def _is_headline_like(scored: Scored, i: int) -> bool:
    prose, text = scored.prose[i], scored.lines[i].text
    return (
        prose is not None
        and 2 <= prose.words <= NEXT_HEADLINE_WORDS
        and not prose.sentence_end
        and (text[0].isalpha() or text[0] in "\"'“„«")
        and not scored.lines[i].bullet
    )


def _heading_start(scored: Scored, i: int) -> int:
    """Where the head above line i starts: the headline-like lines (headline, kicker) right above it."""
    first = i
    for j in range(i - 1, max(-1, i - 6), -1):
        if scored.prose[j] is None:
            continue
        if not _is_headline_like(scored, j):
            break
        first = j
    while first > 0 and scored.prose[first - 1] is None:
        first -= 1
    return first


def with_image_above(scored: Scored, start: int) -> int:
    """The region's start moved up to an image printed just above its first paragraph (an image file
    name, then its caption): the caption may read as prose and open the region by itself."""
    for i in range(start - 1, max(-1, start - IMAGE_ABOVE), -1):
        prose = scored.prose[i]
        if prose is None:
            continue
        if is_image_file(scored.lines[i].text):
            return i
        if scored.lines[i].bullet or prose.words > CAPTION_WORDS:
            break
    return start


def leads_with_photo(scored: Scored, i: int, stop: int) -> bool:
    """Whether line i, above the article's first paragraph, is the caption of its lead photo: a news photo's
    (`is_credited_caption`) with a paragraph of the article under it in lines[i:stop] (a gallery's captions,
    or a photo's caption that is all there is, are the article's text)."""
    if not is_credited_caption(scored.lines[i].text):
        return False
    return any(is_paragraph(scored, j) and not is_credited_caption(scored.lines[j].text) for j in range(i + 1, stop))


def is_paragraph(scored: Scored, i: int) -> bool:
    """Whether line i is a paragraph of prose, no caption: CAPTION_WORDS long or longer, a sentence's end."""
    prose = scored.prose[i]
    return prose is not None and prose.words >= CAPTION_WORDS and prose.sentence_end
