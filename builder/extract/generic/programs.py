"""Programs and tables printed in an article: a block of lines (no blank line between, no list item) of which two
or more end as a program's statements do or are a table's rows. Their keywords and cells recur in the page
("SELECT", "FROM", "│Response│Votes│") as a menu's links do, and they are short lines: scored as a menu's, a
query between two paragraphs cut the article in two. A line of such a block weighs almost nothing either way.
"""

from __future__ import annotations

from typing import Final

from builder.extract.textdump.lines import Line, blocks

PROGRAM_SIGNS: Final = 2  # a block is a program or a table when this many of its lines end as a statement does...
PROGRAM_LINES: Final = 60  # ...and it is no longer than this (a page laid out in a table prints as one long block)
PROGRAM_LINE: Final = -0.05  # ...and each of its lines scores this: it breaks no article in two
_STATEMENT_ENDS: Final = ";{(}"
_BOX_SIDES: Final = "│ "  # a table's row has a border between two cells, inside its outer ones (a box has none)


def is_statement_or_row(text: str) -> bool:
    """Whether a line (not empty) ends as a program's statement or its part does (";", "{", "(", "}"), or is a table's
    row ("3 │ f", "│Yes │164 │"; a box drawn around a text is none). Asked of every line scoring below zero:
    looking for the border costs nothing in a line of Latin letters only, which cannot hold it (CPython compares
    the kinds of the two strings first)."""
    return text[-1] in _STATEMENT_ENDS or is_table_row(text)


def is_table_row(text: str) -> bool:
    """Whether a line is a table's row, drawn with a border between its cells ("2020-08-01 18:00:00+00 │ 200 │ 4084")."""
    return "│" in text and "│" in text.strip(_BOX_SIDES)


def program_lines(lines: list[Line], sign_lines: list[int]) -> list[int]:
    """The lines of the blocks (runs of non-blank lines) that are programs or tables. `sign_lines`: in order, the
    lines that end as a statement does or are a table's rows (`is_statement_or_row`, asked as the page's lines
    are scored). A block with a list item is a list, not a program."""
    found: list[int] = []
    k = 0
    for first, stop in blocks(lines, 0, len(lines)):
        signs = 0
        while k < len(sign_lines) and sign_lines[k] < stop:
            signs += 1
            k += 1
        if (
            signs >= PROGRAM_SIGNS
            and stop - first <= PROGRAM_LINES
            and not any(lines[j].bullet for j in range(first, stop))
        ):
            found.extend(range(first, stop))
        if k == len(sign_lines):
            break
    return found
