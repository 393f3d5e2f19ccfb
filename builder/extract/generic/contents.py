"""A table of contents at the top of an article: a list of links to its own sections ("Inhalt", "In this
article"), whose items the page prints again further down as the subheadings they link to.

Its items are short lines, which weigh against the article, and the page prints each twice, which makes both
copies chrome: the article's run of prose started under the list, losing the lead paragraph above it, and its
subheadings were dropped. The list weighs nothing and stays chrome; its items' second copies are subheadings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from builder.extract.generic.widgets import nonblank_lines
from builder.extract.textdump.lines import Line

RULE_CONTENTS: Final = "a table of contents: its items are the article's subheadings, printed again below"
MIN_ITEMS: Final = 3  # a table of contents links to at least this many sections...
SHARE_AGAIN: Final = 0.6  # ...and the page prints this share of its items again below it, each a subheading:
PROSE_UNDER: Final = 3  # a line of their own with prose among the next this many non-blank lines (a photo's alt
# text and caption may stand between; a footer's menu printing a header's links again has none)


def contents_lines(lines: list[Line], scores: list[float], repeated: Iterable[int]) -> tuple[list[int], list[int]]:
    """(items, subheadings): the items of every table of contents among the lines, and the lines below each
    that print its items again. `scores`: the lines' scores (prose scores above zero); `repeated`: the lines
    the page prints more than once (a subheading the contents list is one; only lists holding some are read)."""
    listed: list[int] = []
    plain: dict[str, list[int]] = {}  # the repeated lines that are no list item, by their text, top to bottom
    for i in sorted(repeated):
        if lines[i].bullet:
            listed.append(i)
        else:
            plain.setdefault(lines[i].text, []).append(i)
    items: list[int] = []
    subheadings: list[int] = []
    if len(listed) < MIN_ITEMS or len(plain) < MIN_ITEMS:  # most pages: a menu's items, printed again in a menu
        return items, subheadings
    done = -1  # the last line of the lists read so far
    for i in listed:
        if i <= done:
            continue
        start, stop = _list_around(lines, i)
        done = stop - 1
        count = stop - start
        if count < MIN_ITEMS:
            continue
        again = _printed_again(lines, scores, plain, start, stop)
        if len(again) >= max(MIN_ITEMS, SHARE_AGAIN * count):
            items.extend(range(start, stop))
            subheadings.extend(again)
    return items, subheadings


def _list_around(lines: list[Line], i: int) -> tuple[int, int]:
    """(start, stop) of the list item i belongs to: the list items next to it, with no other line between."""
    start, stop = i, i + 1
    while start > 0 and lines[start - 1].bullet:
        start -= 1
    while stop < len(lines) and lines[stop].bullet:
        stop += 1
    return start, stop


def _printed_again(
    lines: list[Line], scores: list[float], plain: dict[str, list[int]], start: int, stop: int
) -> list[int]:
    """For each item of the list that has one, the first line below the list that prints its words as a
    subheading (`plain`: where the page prints each repeated text as no list item)."""
    found: dict[str, int] = {}
    for i in range(start, stop):
        text = lines[i].text
        if text in found:
            continue
        at = next((j for j in plain.get(text, ()) if j >= stop and _prose_under(lines, scores, j)), None)
        if at is not None:
            found[text] = at
    return sorted(found.values())


def _prose_under(lines: list[Line], scores: list[float], j: int) -> bool:
    """Whether one of the PROSE_UNDER non-blank lines under line j scores as prose."""
    return any(scores[k] > 0.0 for k in nonblank_lines(lines, j, 1, PROSE_UNDER, len(lines)))
