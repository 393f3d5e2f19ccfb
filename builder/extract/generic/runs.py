"""Which run of lines is the article's: the run with the best total score (region.py scores the lines), or a
rival run above it that the layout names as the article's: over a comment form, or under a date where the best
run shows none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from builder.extract.generic.dates import is_date_line
from builder.extract.generic.forms import comment_form_at
from builder.extract.generic.markers import COMMENT_HEADING_WORDS, is_comment_count, is_comment_section_heading
from builder.extract.generic.region import WEIGHTS, Scored, nonblank_above
from builder.extract.generic.words import STOP_WORDS

RunTest = Callable[[Scored, int, int], bool]  # a test of the run lines[start:stop]

RIVAL_SHARE: Final = WEIGHTS["rival_share"]  # a run above a comment form wins over a better one below at this share
RIVALS: Final = 4  # how many candidate runs are weighed against the best one...
# ...or when the best one is the comments, which the site's corpus may cut into many runs (each comment's head
# recurs in its other dumps: "by Anonymous Coward writes:"), so that the article's is not among the first four
COMMENTS_RIVALS: Final = 64
FURTHER_RIVAL_TOTAL: Final = 2.0  # such a run holds a paragraph of two sentences (a short post), not a link alone
FORM_AFTER_ARTICLE: Final = 30  # how far under the article's last line its comment form (or heading) starts

# A run under a date wins over a better run with none when it has this share of its total...
DATED_SHARE: Final = 0.3
DATED_HEAD: Final = 6  # ...its date among this many non-blank lines above it (the article's head)...
DATED_GAP: Final = 20  # ...and it ends at least this many lines above the best run (closer, the two are one article
# cut by a box: an image, a gallery, a teaser between its paragraphs)...
DATED_COHESION: Final = 0.1  # ...whose key words it shares less than this share of: the best run does not go on
# with the article under the date; a sidebar, a list of teasers, an author's box tell of other things
_KEY_WORD: Final = re.compile(r"[^\W\d_]{5,}")  # a word of five letters or more (no stop word: a key word)


def best_region(scored: Scored, is_comments: RunTest | None = None) -> tuple[int, int] | None:
    """(start, stop) of the article's region: the run of lines with the highest total score, unless that run
    lies under a comment form that closes another strong run just above it (a sidebar or a footer block
    after the article and its comment form: see `_before_comment_form`) or under a dated run far above it (a
    sidebar that outweighs a short article: see `_dated_above`); None when no line scores above zero.
    When `is_comments` takes the best run for the comments themselves, a run above it wins however short and
    however far above the comments' heading (a forum lists other stories between)."""
    candidates = candidate_regions(scored, RIVALS)
    if not candidates:
        return None
    best_start, best_stop, _ = candidates[0]
    comments = is_comments is not None and is_comments(scored, best_start, best_stop)
    if comments:
        further = candidate_regions(scored, COMMENTS_RIVALS)[RIVALS:]
        candidates += [run for run in further if run[2] >= FURTHER_RIVAL_TOTAL]
    chosen = _before_comment_form(scored, candidates, 0.0 if comments else RIVAL_SHARE, comments)
    if chosen is None:
        chosen = _dated_above(scored, candidates)
    start, stop, _ = chosen if chosen is not None else candidates[0]
    return start, stop


def candidate_regions(scored: Scored, count: int) -> list[tuple[int, int, float]]:
    """Up to `count` runs of lines with the highest total score, best first, none overlapping another:
    (start, stop, total). Each is the best run of the page with the ones before it taken out."""
    # A taken run splits the page in two: no run crosses it, so the best run of each part is found once
    # (over its non-blank lines only) and only the part a run is taken from is searched again.
    at = [i for i, prose in enumerate(scored.prose) if prose is not None]
    scores = [scored.scores[i] for i in at]
    parts = [(0, len(at), _best_run(scores, 0, len(at)))]
    found: list[tuple[int, int, float]] = []
    while len(found) < count:
        # The best part's run; on a tie the first part's, as one scan of the whole page would find it.
        k = max(range(len(parts)), key=lambda k: (_total(parts[k][2]), -k))
        first, last, run = parts[k]
        if run is None:
            break
        start, stop, total = run
        found.append((at[start], at[stop - 1] + 1, total))
        parts[k : k + 1] = [
            (first, start, _best_run(scores, first, start)),
            (stop, last, _best_run(scores, stop, last)),
        ]
    return found


def _total(run: tuple[int, int, float] | None) -> float:
    return 0.0 if run is None else run[2]


def _best_run(scores: list[float], first: int, last: int) -> tuple[int, int, float] | None:
    """The maximum-sum run of scores[first:last] (start, stop, total), None when no run sums above zero."""
    best = 0.0
    best_run = None
    total = 0.0
    start = first
    for i in range(first, last):
        score = scores[i]
        if total <= 0.0:
            total, start = score, i
        else:
            total += score
        if total > best:
            best, best_run = total, (start, i + 1, total)
    return best_run


def _before_comment_form(
    scored: Scored, candidates: list[tuple[int, int, float]], share: float, anywhere: bool = False
) -> tuple[int, int, float] | None:
    """A candidate that ends shortly above a comment form or a comment section's heading, when the best run
    starts below it and the candidate has at least `share` of its score: the article is the prose the
    comments answer, what comes after is the comments, the sidebar or the footer (a party programme, a licence
    notice). The form or heading is looked for within FORM_AFTER_ARTICLE lines under the candidate, or
    `anywhere` above the best run."""
    best_start, _, best_total = candidates[0]
    for start, stop, total in candidates[1:]:
        if stop > best_start or total < share * best_total:
            continue
        end = best_start if anywhere else min(best_start, stop + FORM_AFTER_ARTICLE)
        # a comment count may be the best run's first line: it reads as prose ("11 Responses to “Title”")
        if comment_form_at(scored, stop, end) is not None or comment_heading_in(scored, stop, end + 1):
            return start, stop, total
    return None


def comment_heading_in(scored: Scored, start: int, stop: int) -> bool:
    """Whether lines[start:stop] hold a comment section's count or its heading ("11 Responses to “Title”",
    "Join the conversation: Sign up / Log in"), never an item of a list ("• Comment on the senior team's
    guide" is a link)."""
    for i in range(start, stop):
        line, prose = scored.lines[i], scored.prose[i]
        if prose is None or line.bullet:
            continue
        if is_comment_count(line.text) or (
            prose.words <= COMMENT_HEADING_WORDS and is_comment_section_heading(line.text)
        ):
            return True
    return False


def _dated_above(scored: Scored, candidates: list[tuple[int, int, float]]) -> tuple[int, int, float] | None:
    """A run far above the best one, under a date where the best run shows none, with DATED_SHARE of its total
    and few of its words: a short article that a sidebar, a list of teasers or an author's box under it outweighs
    (a blog post of two paragraphs under its headline and date, a news page's story above its teasers)."""
    best_start, best_stop, best_total = candidates[0]
    rivals = [run for run in candidates[1:] if run[1] + DATED_GAP <= best_start and run[2] >= DATED_SHARE * best_total]
    if not rivals or _dated(scored, best_start):  # most pages: no such rival, and no date is looked for
        return None
    for start, stop, total in rivals:
        if not _dated(scored, start):
            continue
        best_words = _key_words(scored, best_start, best_stop)
        if best_words and len(best_words & _key_words(scored, start, stop)) < DATED_COHESION * len(best_words):
            return start, stop, total
        return None  # the best run goes on with the article under the date
    return None


def _dated(scored: Scored, start: int) -> bool:
    """Whether a date line stands among the DATED_HEAD non-blank lines above line `start`."""
    return any(is_date_line(scored.lines[i].text) for i in nonblank_above(scored, start, DATED_HEAD))


def _key_words(scored: Scored, start: int, stop: int) -> set[str]:
    """The key words of lines[start:stop], lower-cased: five letters or more, no stop word."""
    found: set[str] = set()
    for i in range(start, stop):
        found.update(word for word in _KEY_WORD.findall(scored.lines[i].text.lower()) if word not in STOP_WORDS)
    return found
