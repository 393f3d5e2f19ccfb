"""Lists of teasers: a headline over its one-sentence summary, again and again, with no blank line between
("B.C. Headlines", "Most popular"), or a blank line between a bulleted headline and its summary, or a feed's
items (a bulleted headline, its excerpt indented under it as the item's second block). Each summary reads as
prose, so the list would join the article it sits under; an article's own paragraphs are set apart from their
subheadings by blank lines, and a numbered or tabled list (steps, specs) opens its lines with digits. Also a
carousel's teasers cut short, one a line, a river of stories (headlines each after the time it was posted), and
headlines with no summary, a paragraph each.
"""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.dates import find_date
from builder.extract.generic.words import Prose
from builder.extract.textdump.lines import BLANK, Line

RULE_TEASER_LIST: Final = "a list of teasers (a headline over its summary, again and again)"
RULE_CUT_TEASERS: Final = "a run of teasers cut short ('...'), one a line (a carousel, a gallery)"
MIN_TEASERS: Final = 3  # this many headline-and-summary pairs in a row make a list of teasers
HEAD_WORDS: Final = (2, 16)  # a teaser's headline is this long...
SUMMARY_WORDS: Final = (8, 45)  # ...and its summary one sentence of this length
_HEAD_ENDS: Final = frozenset('.!?:;,")”')  # a headline ends with none of these (a sentence, a label, a quote)
_SUMMARY_ENDS: Final = frozenset('.!?"”…')
# A feed's item ("RSS Indy News UK", "Community News"): its headline may end with its date, and its excerpt is cut
# after so many words ("…funded a champagne lifestyle [...]"), so it has any length and no sentence's end. An
# article's list of headed paragraphs ("• New process", then its paragraph) ends its paragraphs as sentences.
ITEM_HEAD_WORDS: Final = 30
_CUT_MARKS: Final = ("[…]", "[...]", "…", "...")
_FULL_STOPS: Final = frozenset('.!?"”)')
_BRACKETED_CUTS: Final = (" […]", " [...]", " [ … ]", " [ ... ]")  # a blog engine's excerpt ends so
# A carousel or gallery prints its teasers one a line, no blank line between, most cut short with an ellipsis
# ("New York Yankees v Detroit Tigers New York Yankees Photos Of..."): a run of this many lines at least, half
# of them cut (of CUT_WORDS words or more; an article's lines are set apart by blank lines)
MIN_CUT_RUN: Final = 4
CUT_WORDS: Final = 3
RULE_STAMPED: Final = "a river of stories, each a headline after its time of day ('12:22AM British PM visits India')"
# A river of the latest stories ("Latest", a live ticker) prints each headline after the time it was posted, a
# line each, maybe a topic's label in lower case before the time and a count of comments after it ("squee 11:30
# PM 0 This Cat's Halloween Costume…"). A headline is a short line with no full stop at its end (a live blog's
# entry, "14:32 The minister has arrived.", is a sentence); the time opens it, and no date is on it (a dateline,
# "updated 4:36 p.m. ET July 23, 2012", is the article's head, and a comment's stamp has a date).
_STAMPED: Final = re.compile(
    r"(?:[a-z][\w'-]*\s){0,3}\d{1,2}:\d\d(?:\s?[AaPp]\.?[Mm]\.?)?\s+(?:\d+\s+)?[A-Z\"“‘']\S*(?:\s+\S+){2,}"
)
STAMP_REACH: Final = 30  # the time sits within this many characters of a stamped line's start
STAMPED_WORDS: Final = 24  # a stamped headline with its label, time and count is no longer
MIN_STAMPED: Final = 3  # this many stamped headlines make a river...
STAMPED_GAP: Final = 6  # ...each at most this many lines under the one before (a summary or an image between)


def is_cut_excerpt(text: str) -> bool:
    """A paragraph cut with a bracketed ellipsis ("…the inner circulation, organisation of the [...]"): a blog
    engine's excerpt of another post (a listing, a feed, "Editor's picks"), a teaser however long it runs."""
    return text.endswith(_BRACKETED_CUTS)


def _is_head(line: Line, prose: Prose) -> bool:
    text = line.text
    return (
        HEAD_WORDS[0] <= prose.words <= HEAD_WORDS[1]
        and text[-1] not in _HEAD_ENDS
        and (line.bullet or not text[0].isdigit())  # "• 2012 Honda CR-V vs 2013 Ford Escape" is a teaser's
        and "[" not in text
    )


def _is_summary(line: Line, prose: Prose) -> bool:
    """A teaser's summary: a sentence of SUMMARY_WORDS words, opening neither with a digit nor in lower case (a
    paragraph wrapped to a table's column goes on in lower case under its line)."""
    text = line.text
    return (
        SUMMARY_WORDS[0] <= prose.words <= SUMMARY_WORDS[1]
        and text[-1] in _SUMMARY_ENDS
        and not text[0].isdigit()
        and not text[0].islower()
    )


def _head_of(lines: list[Line], prose: list[Prose | None], i: int) -> int | None:
    """The teaser's headline over the summary at line i: the line right over it, or a bullet a blank line
    over a summary that is no bullet (a subheading a blank line over its paragraph is the article's, and so
    are two items of its bulleted list)."""
    for j in (i - 1, i - 2):
        head = prose[j] if j >= 0 else None
        if head is not None:
            apart = j == i - 2
            return j if _is_head(lines[j], head) and (not apart or (lines[j].bullet and not lines[i].bullet)) else None
    return None


def _next_head(lines: list[Line], prose: list[Prose | None], i: int) -> int:
    """Where the next teaser's headline would be under the summary at line i: the line under it, or a bullet
    a blank line under it (a roundup post's paragraphs, each a title over a sentence, are set apart so)."""
    if i + 2 < len(prose) and prose[i + 1] is None and lines[i + 2].bullet:
        return i + 2
    return i + 1


def _feed_item_head(raws: list[str], lines: list[Line], prose: list[Prose | None], i: int) -> int | None:
    """The headline of a feed's item whose excerpt is line i: a bullet right over it, the excerpt indented
    deeper than the bullet (the item's second block). An excerpt opening in lower case is a long item's
    line wrapped by the page, no excerpt."""
    head, measured = prose[i - 1], prose[i]
    if head is None or measured is None or not lines[i - 1].bullet or lines[i].bullet:
        return None
    text, raw, over = lines[i].text, raws[i], raws[i - 1]
    indented = len(raw) - len(raw.lstrip()) > len(over) - len(over.lstrip())
    head_text = lines[i - 1].text
    if (
        indented
        and SUMMARY_WORDS[0] <= measured.words
        and not text[0].islower()
        and (text.endswith(_CUT_MARKS) or text[-1] not in _FULL_STOPS)
        and HEAD_WORDS[0] <= head.words <= ITEM_HEAD_WORDS
        and head_text[-1] not in _HEAD_ENDS
        and "[" not in head_text
    ):
        return i - 1
    return None


def teaser_lines(raws: list[str], lines: list[Line], prose: list[Prose | None]) -> dict[int, str]:
    """The lines of the page's teasers, each with the rule that found it (`prose`: None for blank lines)."""
    found = dict.fromkeys(teaser_list_lines(raws, lines, prose), RULE_TEASER_LIST)
    found.update(dict.fromkeys(cut_teaser_lines(lines, prose), RULE_CUT_TEASERS))
    found.update(dict.fromkeys(stamped_lines(lines, prose), RULE_STAMPED))
    return found


def teaser_list_lines(raws: list[str], lines: list[Line], prose: list[Prose | None]) -> list[int]:
    """The lines (headlines and summaries) of the page's lists of teasers; `prose` is None for blank lines.
    The pairs of a list are alike: each headline right over its summary, or each a blank line over it."""
    low, high = SUMMARY_WORDS
    # Lines of a summary's length are few: each is checked with the line over it.
    pairs: dict[int, int] = {}  # a teaser's headline: its summary
    for i, measured in enumerate(prose):
        if measured is None:
            continue
        head = None
        if low <= measured.words <= high and _is_summary(lines[i], measured):
            head = _head_of(lines, prose, i)
        if head is None and i and lines[i - 1].bullet and raws[i][:1] == " ":
            head = _feed_item_head(raws, lines, prose, i)
        if head is not None:
            pairs[head] = i
    if len(pairs) < MIN_TEASERS:
        return []
    following = {_next_head(lines, prose, summary): head for head, summary in pairs.items()}
    found: list[int] = []
    for head in sorted(pairs):
        if following.get(head) is not None and _alike(pairs, following[head], head):
            continue  # inside a run counted from its first pair
        run, j = [head], _next_head(lines, prose, pairs[head])
        while j in pairs and _alike(pairs, head, j):
            run.append(j)
            j = _next_head(lines, prose, pairs[j])
        if len(run) >= MIN_TEASERS:
            found.extend(k for first in run for k in range(first, pairs[first] + 1) if prose[k] is not None)
    return found


def cut_teaser_lines(lines: list[Line], prose: list[Prose | None]) -> list[int]:
    """The lines of runs of MIN_CUT_RUN lines or more with no blank line between, half of them or more cut
    short with an ellipsis: a carousel's or a gallery's teasers."""
    found: list[int] = []
    start = cut = 0
    for i in range(len(prose) + 1):
        measured = prose[i] if i < len(prose) else None
        if measured is None:
            if i - start >= MIN_CUT_RUN and cut * 2 >= i - start:
                found.extend(range(start, i))
            start, cut = i + 1, 0
        elif measured.words >= CUT_WORDS and lines[i].text.endswith(_CUT_MARKS):
            cut += 1
    return found


def _alike(pairs: dict[int, int], head: int, other: int) -> bool:
    """Whether two teasers are laid out alike: both headlines right over their summaries, or both apart."""
    return pairs[head] - head == pairs[other] - other


def stamped_lines(lines: list[Line], prose: list[Prose | None]) -> list[int]:
    """The headlines of the page's rivers of stories: MIN_STAMPED lines or more, each opening with its time of
    day, each at most STAMPED_GAP lines under the one before."""
    stamped = [
        i
        for i, measured in enumerate(prose)
        if measured is not None and measured.words <= STAMPED_WORDS and _is_stamped(lines[i].text)
    ]
    found: list[int] = []
    run: list[int] = []
    for i in (*stamped, len(prose) + STAMPED_GAP + 1):  # the last one closes the last run
        if run and i - run[-1] > STAMPED_GAP:
            if len(run) >= MIN_STAMPED:
                found.extend(run)
            run = []
        run.append(i)
    return found


def headline_run_lines(lines: list[Line], heads: list[int], scores: list[float]) -> list[int]:
    """The lines of runs of MIN_TEASERS paragraphs or more in a row, each one line of a headline's length that
    scores as prose but ends as no sentence does: a list of the site's stories, one a paragraph, with no summary
    ("Zobacz więcej", then headlines such as "Program Mój Prąd. Nie będzie już dopłat do paneli"). An article's
    paragraphs end as sentences, and a subheading is followed by one. `heads`: the lines that may be such
    headlines (no list item, words.HEADLINE_WORDS words at most, a blank line over each), top to bottom."""
    found: list[int] = []
    run: list[int] = []
    for i in heads:
        apart = i + 1 == len(lines) or lines[i + 1] is BLANK
        if run and (not apart or scores[i] <= 0.0 or _between(lines, run[-1], i)):
            found.extend(run if len(run) >= MIN_TEASERS else ())
            run = []
        if apart and scores[i] > 0.0:
            run.append(i)
    return found + run if len(run) >= MIN_TEASERS else found


def _between(lines: list[Line], above: int, below: int) -> bool:
    """Whether a line that is not blank stands between lines `above` and `below`."""
    return any(lines[k] is not BLANK for k in range(above + 1, below))


def _is_stamped(text: str) -> bool:
    return (
        text.find(":", 0, STAMP_REACH) >= 0  # no slice made
        and text[-1] != "."
        and _STAMPED.match(text) is not None
        and find_date(text) is None
    )
