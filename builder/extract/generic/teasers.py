"""Lists of teasers: a headline over its one-sentence summary, again and again, with no blank line between
("B.C. Headlines", "Most popular"). Each summary reads as prose, so the list would join the article it sits
under; an article's own paragraphs are set apart by blank lines, and a numbered or tabled list (steps, specs)
opens its lines with digits.
"""

from __future__ import annotations

from builder.extract.generic.words import Prose
from builder.extract.textdump.lines import Line

MIN_TEASERS = 3  # this many headline-and-summary pairs in a row make a list of teasers
HEAD_WORDS = (2, 16)  # a teaser's headline is this long...
SUMMARY_WORDS = (8, 45)  # ...and its summary one sentence of this length
_HEAD_ENDS = frozenset('.!?:;,")”')  # a headline ends with none of these (a sentence, a label, a quote)
_SUMMARY_ENDS = frozenset('.!?"”…')


def _is_head(line: Line, prose: Prose) -> bool:
    text = line.text
    return (
        HEAD_WORDS[0] <= prose.words <= HEAD_WORDS[1]
        and text[-1] not in _HEAD_ENDS
        and not text[0].isdigit()
        and "[" not in text
    )


def _is_summary(line: Line, prose: Prose) -> bool:
    text = line.text
    return SUMMARY_WORDS[0] <= prose.words <= SUMMARY_WORDS[1] and text[-1] in _SUMMARY_ENDS and not text[0].isdigit()


def _pair_at(lines: list[Line], prose: list[Prose | None], i: int) -> bool:
    """Whether line i is a teaser's headline with its summary (a line of prose) right under it."""
    head, summary = prose[i], prose[i + 1]
    return head is not None and summary is not None and _is_head(lines[i], head) and _is_summary(lines[i + 1], summary)


def teaser_list_lines(lines: list[Line], prose: list[Prose | None]) -> list[int]:
    """The lines (headlines and summaries) of the page's lists of teasers; `prose` is None for blank lines."""
    low, high = SUMMARY_WORDS
    # Lines of a summary's length are few: each is checked with the line over it.
    heads = {
        i - 1
        for i, measured in enumerate(prose)
        if measured is not None and low <= measured.words <= high and i and _pair_at(lines, prose, i - 1)
    }
    if len(heads) < MIN_TEASERS:
        return []
    found: list[int] = []
    for i in sorted(heads):
        if i - 2 in heads:
            continue  # inside a run counted from its first pair
        j = i
        while j in heads:
            j += 2
        if j - i >= 2 * MIN_TEASERS:
            found.extend(range(i, j))
    return found
