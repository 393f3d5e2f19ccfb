"""Where the comments under an article start: a comment form, a count ("27 commentaires", "{ 18 comments…
read them below or add one }"), or a stream of comment heads (a name and a date, or "Anna says:") close
together, each over its text, or a post's footer ending with the count. A count in the article's head (a link
under its date) is none."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from builder.extract.generic.byline import byline_names
from builder.extract.generic.date_words import MONTHS
from builder.extract.generic.dates import find_date, is_timestamp_row
from builder.extract.generic.digits import holds_digit
from builder.extract.generic.forms import comment_form_at, is_form_field
from builder.extract.generic.markers import (
    META_CHARS,
    META_WORDS,
    POST_DASHES,
    ends_with_comment_count,
    is_comment_count,
    is_comments_on,
    is_entry_footer,
    is_post_signature,
    is_rule_line,
)
from builder.extract.generic.programs import is_table_row
from builder.extract.generic.region import Scored, following, nonblank_above

HEADLINE_WORDS: Final = (3, 20)  # a headline over a comment count in the article's head is this long
OPENING_LINES: Final = 3  # a run whose comments open within this many lines of its top (or just above it) is them
STREAM_WINDOW: Final = 40  # a comment's name-and-date line has the next one within this many lines...
COMMENT_HEAD_LINES: Final = 4  # a comment's text starts within this many lines under its name-and-date line
STREAM_LINES: Final = 3  # ...and a comment section shows at least this many of them
# A comment's head naming its writer ("Monevator said,")...
_SAID: Final = re.compile(r" (?:said[,:]|says:?|writes:)(?= |$)")
COMMENTER_WORDS: Final = 6  # ...is shorter than this
# ...or a link to the writer's site or profile, then the name it shows ("• http://twitter.com/danamac Dana McMahan")
_LINKED_NAME: Final = re.compile(r"https?://\S+(?: \S+){1,4}")
SENTENCE_WORDS: Final = 3  # a comment's text that is one sentence has at least this many words
# A comment's time with a two-digit year, which no date is read from ("Peter Flom 07.09.12 at 08:11")
_SHORT_STAMP: Final = re.compile(
    r"(?<!\d)\d{1,2}([./-])\d{1,2}\1\d{2}(?![\d./-])\s*(?:at|@|um|à|,|-|–)?\s*\d{1,2}:\d{2}"
)
# ...or a day, a month's name and a two-digit year closing the line ("Jermaine 07 Nov 12")
_DAY_MONTH_YY: Final = re.compile(r"(?<!\d)\d{1,2}\s+(?P<month>[^\W\d_]{3,9})\.?\s+\d{2}$")


# A month's name, its day and a time opening a line of no year ("Oct. 23 07:45 pm JST"): the head's date line
_MONTH_DAY_CLOCK: Final = re.compile(r"(?P<month>[^\W\d_]{3,9})\.?\s+\d{1,2},?\s+\d{1,2}:\d\d")


def opens_comments(scored: Scored, i: int, stop: int, dated: bool = True) -> bool:
    """Whether line i opens a comment section: a comment form, a count ("27 commentaires"), or (with `dated`,
    after enough of the article) the first of several short lines with a date close together (each
    comment's name-and-date line)."""
    text = scored.lines[i].text
    if is_form_field(text):
        return comment_form_at(scored, i, min(stop, i + STREAM_WINDOW)) == i
    if dated and is_commenter(text):  # "Jpsilver said," over the comment, three times: no date needed
        return _commenters(scored, i, stop) >= STREAM_LINES
    if not holds_digit(text):
        return is_comments_on(text)  # "One thought on “Roomba”"
    if is_comment_count(text):
        return True
    return dated and _is_comment_meta(scored, i) and _comment_metas(scored, i, stop) >= STREAM_LINES


def count_in_head(scored: Scored, i: int) -> bool:
    """A comment count right under the article's date or byline ("November 13, 2012 by Heather", then
    "13 Comments"), or right over them ("5 Comments", then "By Ed Silverman // November 6th, 2012"): a link
    in its head, over the article."""
    if not is_comment_count(scored.lines[i].text):
        return False
    above = nonblank_above(scored, i, 1)
    if above and _is_meta(scored, above[0]):
        return True
    under = following(scored, i, 1)
    return bool(above) and _is_headline_like(scored, above[0]) and bool(under) and _is_meta(scored, under[0])


def _is_headline_like(scored: Scored, i: int) -> bool:
    """A line of a headline's length that is no sentence: the comments' count under an article's last
    paragraph, or under a rule, is theirs."""
    measured = scored.prose[i]
    return (
        measured is not None and HEADLINE_WORDS[0] <= measured.words <= HEADLINE_WORDS[1] and not measured.sentence_end
    )


def _is_meta(scored: Scored, i: int) -> bool:
    """A short line with a date or a byline."""
    measured, text = scored.prose[i], scored.lines[i].text
    if measured is None or measured.words > META_WORDS:
        return False
    return find_date(text) is not None or byline_names(text) is not None or _is_month_day_clock(text)


def is_commenter(text: str) -> bool:
    """A comment's head that names its writer, alone or over its time: "Monevator said,", "Anna says:", "by
    Sir_Sri (199544) writes: on Monday July 23, @09:46PM", or linked to the writer's site ("http://x.com/ Ann")."""
    if text.startswith("http") and _LINKED_NAME.fullmatch(text) is not None:  # most lines: no regex
        return True
    if " sa" not in text and " writes:" not in text:  # what `_SAID` needs: most lines, with no regex
        return False
    said = _SAID.search(text)
    if said is None or text.count(" ", 0, said.start()) >= COMMENTER_WORDS or "," in text[: said.start()]:
        return False  # a sentence quoting someone ("As you may recall, Colon writes:") is the article's
    when = text[said.end() :]  # the time, often with no year ("on Monday July 23, @09:46PM (#40745177)")
    return not when or (holds_digit(when) and when.count(" ") <= META_WORDS)


def _commenters(scored: Scored, i: int, stop: int) -> int:
    """How many comment heads ("X said,") follow one another from line i on."""
    return _stream(scored, i, stop, lambda j: scored.prose[j] is not None and is_commenter(scored.lines[j].text))


def _stream(scored: Scored, i: int, stop: int, is_head: Callable[[int], bool]) -> int:
    """How many lines that `is_head` takes follow one another from line i (one) on, each within
    STREAM_WINDOW of the last; counted up to STREAM_LINES."""
    count, last, j = 1, i, i + 1
    while j < stop and j - last <= STREAM_WINDOW and count < STREAM_LINES:
        if is_head(j):
            count, last = count + 1, j
        j += 1
    return count


def _is_comment_meta(scored: Scored, i: int) -> bool:
    """A short line with a date: a comment's author and time ("Red Bastard (22 juin 2018 @11h29)"), but
    not an embedded post's signature ("— Jane Doe (@janedoe) December 11, 2016"), which quotes inside the
    article as often as it likes."""
    measured, text = scored.prose[i], scored.lines[i].text
    return (
        measured is not None
        and not is_post_signature(text)
        and not _signed_under_dash(scored, i)
        and measured.words <= META_WORDS
        and len(text) <= META_CHARS
        and (scored.scores[i] <= 0.0 or not measured.sentence_end)
        and (
            find_date(text, two_digit_years=False) is not None
            or _SHORT_STAMP.search(text) is not None
            or _is_day_month_yy(text)
        )
        and not is_timestamp_row(text)  # a gallery's photos named by the camera's clock
        and not is_table_row(text)  # a table's rows, each with its date ("2020-08-01 18:00:00+00 │ 200 │ 4084")
        and _prose_follows(scored, i)
    )


def _is_month_day_clock(text: str) -> bool:
    """A month's name, its day and a time, with no year ("Oct. 23 07:45 pm JST"): the article's date line in its
    head, which no date is read from."""
    match = _MONTH_DAY_CLOCK.match(text)
    return match is not None and match["month"].lower() in MONTHS


def _is_day_month_yy(text: str) -> bool:
    match = _DAY_MONTH_YY.search(text)
    return match is not None and match["month"].lower() in MONTHS


def _signed_under_dash(scored: Scored, i: int) -> bool:
    """An embedded post's signature printed under its dash ("—", then "Jane Doe (@janedoe) December 11, 2016")."""
    above = nonblank_above(scored, i, 1)
    return "(@" in scored.lines[i].text and bool(above) and scored.lines[above[0]].text in POST_DASHES


def _prose_follows(scored: Scored, i: int) -> bool:
    """Whether a paragraph of prose with no date (the comment's text) follows line i within a few lines: a
    list of dated references ("Retrieved 27 January 2020") has none."""
    seen = 0
    for j in range(i + 1, len(scored.prose)):
        measured, text = scored.prose[j], scored.lines[j].text
        if measured is None or is_rule_line(text):  # a rule between two comments is no line of theirs
            continue
        # a short comment is one sentence ("Does it come with the wig?"), a paragraph scores as prose; a dated
        # line under a dated line is the next reference, not a comment
        if scored.scores[j] >= 1.0 or (measured.sentence_end and measured.words >= SENTENCE_WORDS):
            return find_date(text) is None
        seen += 1
        if seen > COMMENT_HEAD_LINES:
            return False
    return False


def _comment_metas(scored: Scored, i: int, stop: int) -> int:
    """How many comment meta lines follow one another from line i on."""
    return _stream(scored, i, stop, lambda j: holds_digit(scored.lines[j].text) and _is_comment_meta(scored, j))


def comments_start(scored: Scored, start: int, stop: int) -> int:
    """The first line of lines[start:stop] that opens a comment section, or stop."""
    return next(
        (i for i in range(start, stop) if scored.prose[i] is not None and opens_comments(scored, i, stop)), stop
    )


def run_is_comments(scored: Scored, start: int, stop: int) -> bool:
    """Whether the run lines[start:stop] is the comments: their section opens (a count not in the article's
    head, a stream of comment heads) in its first lines or in the lines just above it, before any prose of
    its own ("4 Comments Leave a comment", then "1. Miles Taylor 12 days ago" over the first comment)."""
    above = nonblank_above(scored, start, OPENING_LINES)
    first = above[-1] if above else start
    seen = 0
    for i in range(first, stop):
        if scored.prose[i] is None or not scored.lines[i].text:  # a bare bullet opens each comment's box
            continue
        # the stream of comment heads may go on under the run (the corpus cuts the comments into many runs)
        if opens_comments(scored, i, len(scored.lines)) and not count_in_head(scored, i):
            return True
        seen += i >= start
        if seen >= OPENING_LINES:
            return False
    return False


# A blog post's footer: who posted it and when, then its categories ("Posted by Zoe Tillman on November 05,
# 2012 at 01:14 PM in Current Affairs | Permalink", "Published on March 17, 2010 in Firmware Updates.").
_POST_FOOTER: Final = re.compile(r"(?:Posted|Filed|Published)\s+(?:at|on|by)\s.{3,80}?\sin\s+\S")
POST_FOOTER_OPENINGS: Final = "PFTD["  # the first signs a post's footer may open with (`is_post_footer`)...
COUNTED_FOOTER_OPENINGS: Final = "PF"  # ...and one with its comment count (`is_counted_post_footer`)
PICTURE_ALT_CHARS: Final = 40  # the alt text of a writer's picture opening the footer ("[6a0] ") is no longer
# A blog post's footer with its time only, the date printed over the post ("Posted by Alina Chau at 9:22 AM",
# Blogger's), or with its date and a permalink ("Posted by Jenna Greene on November 07, 2012 at 08:33 AM | Permalink").
# TypePad's, its date printed over the post, its categories before a bar: "Posted at 08:18 AM in Motorcycling,
# Sidestand Up | Permalink" (a sentence may open "Posted at 8:18 in the morning").
_CLOCK_FOOTER: Final = re.compile(r"(?:Posted|Published) at \d{1,2}:\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s+in\s.{1,200}?\|")
PERMALINK: Final = "Permalink"  # a link a post's footer holds, never a byline in its head
# One with its date and a permalink, no categories: "Posted by David Scott on October 24, 2012 | Permalink".
_PERMALINK_FOOTER: Final = re.compile(rf"(?:Posted|Published) by \S.{{0,120}}?\|\s*{PERMALINK}\b")
_TIMED_POST_FOOTER: Final = re.compile(
    rf"(?:Posted|Published) by \S.{{0,80}}? at \d{{1,2}}:\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:\|\s*{PERMALINK})?\s*"
)


def is_post_footer(text: str) -> bool:
    """A blog post's footer: who posted it, when, and in which categories (a date is asked, since a sentence may
    open so: "Published by Penguin in 2010"), or who posted it at what time (Blogger's, its date over the post),
    or a blog engine's footer ("This entry was posted in …": `is_entry_footer`). The writer's picture may open
    it, its alt text in brackets ("[6a0] Posted by …")."""
    if text[:1] == "[":
        text = _after_picture(text)
    if text[:1] in "TD":  # the other footers open with "P", "F" or the picture
        return is_entry_footer(text)
    if _POST_FOOTER.match(text) is not None:
        return find_date(text) is not None or _CLOCK_FOOTER.match(text) is not None
    if _PERMALINK_FOOTER.match(text) is not None:
        return find_date(text) is not None
    return _TIMED_POST_FOOTER.fullmatch(text) is not None


def _after_picture(text: str) -> str:
    """The line after the image that opens it ("[6a0] Posted by …": w3m prints the alt text in brackets)."""
    close = text.find("] ", 0, PICTURE_ALT_CHARS)
    return text[close + 2 :] if close > 0 else text


BAR_SIGNS: Final = "•|·"  # the signs between the parts of a post's footer or of a bar of links
_FOOTER_PARTS: Final = re.compile(rf"\s+[{BAR_SIGNS}]\s+")
BAR_PARTS: Final = 2  # a bar of links has this many or more...
BAR_PART_WORDS: Final = 6  # ...each shorter than this


def is_comment_bar(text: str) -> bool:
    """A bar of short links under a post, one of them its comment count ("Tweet Comment 52 comments | Add comment |
    6 recs |", "Posted by Karen Eng | Permalink | 6 Comments | Trackback"): the comments follow it, the post is
    above."""
    if len(text) > META_CHARS or not any(sign in text for sign in BAR_SIGNS):
        return False
    parts = [part for part in _FOOTER_PARTS.split(text.strip(" " + BAR_SIGNS)) if part]
    return (
        len(parts) >= BAR_PARTS
        and all(part.count(" ") < BAR_PART_WORDS for part in parts)
        and any(ends_with_comment_count(part) for part in parts)
    )


_POSTED: Final = re.compile(r"(?:Posted|Filed|Published)\b")
_FILED_IN: Final = re.compile(r"(?:Posted|Filed)\s+(?:in|under)\s")  # "Posted in Current Events | No Comments »"
_NO_COUNT: Final = re.compile(r"(?:No|One)(?=\s)")


def is_counted_post_footer(text: str) -> bool:
    """A post's footer that ends with its comment count, dated ("Posted on November 8, 2012 at 6:57 AM • 25
    Comments") or naming where it is filed ("Posted in Current Events | No Comments »"): the comments follow it,
    the post is above."""
    if _POSTED.match(text) is None:
        return False
    parts = _FOOTER_PARTS.split(text)
    if len(parts) < 2:
        return False
    count = _NO_COUNT.sub(lambda word: "0" if word[0] == "No" else "1", parts[-1].removesuffix(" »"))
    # the date last: most lines opening so are the article's ("Posted ...", "Published ...") and have no count
    return is_comment_count(count) and (_FILED_IN.match(text) is not None or find_date(text) is not None)
