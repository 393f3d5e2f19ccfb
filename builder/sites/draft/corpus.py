"""The dumps of one site read as lines, and how many of them hold each line: what every guess is made from.

A line that nearly every dump holds is the site's (header, footer, fixed headings); a line that one dump
holds is its article's (or a varying ticker or sidebar). Lines are read as the profile reader reads them
(`read_line` with the site's bullet), so a drafted marker is the very text the reader compares.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from builder.extract.textdump.lines import BLANK, Line, read_line
from builder.sites.draft.guesses import Guess

# Share of the dumps a line must be in to count as the site's own ("nearly all").
NEARLY_ALL = 0.9
# Words that end a sentence: a block ending with one of these reads as prose, not as a headline or a label.
_SENTENCE_END = tuple('.!?…"”’»)')
# A bullet is a short first word of no letters or digits ("•", "-", "*", "·").
_BULLET_WORD = re.compile(r"[^\w\s]{1,2}")

Key = tuple[str, bool]  # a line as the reader compares it: its collapsed text and whether it is a bullet


def key(line: Line) -> Key:
    return (line.text, line.bullet)


def is_prose(lines: Sequence[Line]) -> bool:
    """Whether a block reads as a paragraph of prose: no bullets, and a sentence end or many words."""
    if any(line.bullet for line in lines):
        return False
    text = " ".join(line.text for line in lines)
    return text.endswith(_SENTENCE_END) or len(text.split()) >= 25


def is_label(line: Line) -> bool:
    """A short line that is no sentence: a heading, a button, a marker."""
    return not line.bullet and len(line.text.split()) <= 8 and not line.text.endswith(_SENTENCE_END)


def _bullet_guess(texts: Sequence[str]) -> Guess[str]:
    """The list bullet: the first word of indented lines that is no word, the most frequent one."""
    lines: Counter[str] = Counter()
    dumps: Counter[str] = Counter()
    for text in texts:
        seen: set[str] = set()
        for raw in text.split("\n"):
            words = raw.split(None, 1)
            if raw[:1].isspace() and len(words) == 2 and _BULLET_WORD.fullmatch(words[0]):
                lines[words[0]] += 1
                seen.add(words[0])
        dumps.update(seen)
    if not lines:
        return Guess("•", "no indented list item in any dump; a placeholder, check how lists are rendered")
    bullet, count = most_common(lines) or ("•", 0)
    return Guess(bullet, f"opens {count} indented lines in {dumps[bullet]} of {len(texts)} dumps")


@dataclass(frozen=True)
class Corpus:
    """The dumps as lines (blank lines are `BLANK`), and in how many dumps each line appears."""

    bullet: Guess[str]
    pages: tuple[tuple[Line, ...], ...]
    in_page: tuple[Counter[Key], ...]  # per page: how many times it holds each line
    holding: Counter[Key] = field(default_factory=Counter)  # line -> number of dumps holding it

    @classmethod
    def read(cls, texts: Sequence[str]) -> Corpus:
        bullet = _bullet_guess(texts)
        pages = tuple(tuple(read_line(raw, bullet.value) for raw in text.split("\n")) for text in texts)
        in_page = tuple(Counter(key(line) for line in page if line is not BLANK) for page in pages)
        holding: Counter[Key] = Counter()
        for counts in in_page:
            holding.update(counts.keys())
        return cls(bullet, pages, in_page, holding)

    @property
    def size(self) -> int:
        return len(self.pages)

    @property
    def nearly_all(self) -> int:
        """How many dumps a line must be in to be the site's own."""
        return max(2, math.ceil(NEARLY_ALL * self.size)) if self.size > 1 else 1

    def count(self, line: Line) -> int:
        return self.holding[key(line)]

    def is_site_line(self, line: Line) -> bool:
        return line is not BLANK and self.holding[key(line)] >= self.nearly_all

    def is_varying(self, line: Line) -> bool:
        """A line of one dump only: its article's text, or a ticker or sidebar entry."""
        return line is not BLANK and self.holding[key(line)] <= 1

    def of(self, count: int) -> str:
        """`count` as a share of the dumps, for a reason: "17 of 20 dumps"."""
        return f"{count} of {self.size} dumps"


def block_at(page: Sequence[Line], index: int) -> tuple[int, int]:
    """The run of non-blank lines that holds line `index`."""
    start = index
    while start > 0 and page[start - 1] is not BLANK:
        start -= 1
    stop = index + 1
    while stop < len(page) and page[stop] is not BLANK:
        stop += 1
    return start, stop


def most_common(counts: Counter[str]) -> tuple[str, int] | None:
    """The most frequent value, ties broken by the value itself so a draft never depends on dump order."""
    if not counts:
        return None
    return min(counts.items(), key=lambda item: (-item[1], item[0]))
