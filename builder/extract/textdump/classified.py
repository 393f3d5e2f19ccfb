"""A classified dump: the lines of its article region, each with its role and the rule that gave it.

A classifier produces it (the site profile's today; one for sites with no profile later), `assemble`
turns it into schema fields, and `rows` gives every line of the page with its role and rule, to show
how a dump was read. Roles, rules and values are lists parallel to `lines` (rather than attributes of
each line) so that a block is classified with one slice assignment.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from builder.extract.textdump.lines import BLANK, Line, Role, read_line

NO_RULE: Final = "no rule reads it"  # the rule of a line no rule gave a role: chrome (or a blank line)
IN_HEADER: Final = "page header (navigation, ticker)"
AFTER_END: Final = "after the article's end"


@dataclass(slots=True)
class Classified:
    page: str  # the whole dump, as decoded
    after_header: int  # how many lines of the page follow its header: `lines`, then chrome never read
    lines: list[Line]  # the page's lines from the header's end through the article's end line
    roles: list[Role]  # the role of each of `lines`
    rules: list[str]  # why each of `lines` has its role: a profile key or a reading rule
    values: dict[int, str]  # by line index: the part of the line a meta rule picked out
    # Spans (start, stop) of `lines` that fill fields: the title, then the article's runs of non-blank
    # lines. A span whose first line is a LEAD or BODY line is one paragraph, all of that role; the
    # lines of any other span are read one by one.
    groups: list[tuple[int, int]]

    def rows(self, bullet: str) -> Iterator[tuple[Line, Role, str]]:
        """Every line of the page in order with its role and rule, the header and the chrome after the
        article included (parsing never needs those, so they are only split and read here)."""
        raws = self.page.split("\n")
        first = len(raws) - self.after_header
        for raw in raws[:first]:
            yield _chrome(read_line(raw, bullet), IN_HEADER)
        yield from zip(self.lines, self.roles, self.rules, strict=True)
        for raw in raws[first + len(self.lines) :]:
            yield _chrome(read_line(raw, bullet), AFTER_END)


def _chrome(line: Line, rule: str) -> tuple[Line, Role, str]:
    return (line, Role.BLANK, NO_RULE) if line is BLANK else (line, Role.CHROME, rule)
