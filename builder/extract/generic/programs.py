"""Programs and tables printed in an article: a block of lines (no blank line between) whose lines end as a
program's statements do, or are a table's rows. Their keywords and cells recur in the page ("SELECT", "FROM",
"│Response│Votes│"), as a menu's links do, and they are short lines: scored as a menu's, a query between two
paragraphs cut the article in two. A line of such a block weighs almost nothing either way.
"""

from __future__ import annotations

from typing import Final

from builder.extract.textdump.lines import BLANK, Line

PROGRAM_LINES: Final = 60  # a block of a program or a table is read this far
PROGRAM_SIGNS: Final = 2  # ...and is one when this many of its lines end as a statement does or are a table's rows
PROGRAM_LINE: Final = -0.05  # the score of a line of a program or a table: it breaks no article in two
_STATEMENT_ENDS: Final = frozenset(";{(")
_BOX_SIDES: Final = "│ "  # a table's row has a border between two cells, inside its outer ones (a box has none)


def is_program(lines: list[Line], first: int, programs: dict[int, bool]) -> bool:
    """Whether the block of lines that starts at line `first` (no blank line between, no list item) is a program
    or a table printed in the article: PROGRAM_SIGNS of its lines or more end as a statement or its part does
    (";", "{", "("), or are a table's rows ("3 │ f", "│Yes │164 │"; a box around a text is none). `programs`
    remembers each block's answer."""
    known = programs.get(first)
    if known is not None:
        return known
    signs = 0
    j = first
    while j < len(lines) and j < first + PROGRAM_LINES and lines[j] is not BLANK and not lines[j].bullet:
        text = lines[j].text
        if text[-1] in _STATEMENT_ENDS or "│" in text.strip(_BOX_SIDES):
            signs += 1
        j += 1
    found = signs >= PROGRAM_SIGNS and (j == len(lines) or lines[j] is BLANK)
    programs[first] = found
    return found
