"""The lines of a dump: each raw line read once into a `Line`, which a classifier then gives a role."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final


class Role(Enum):
    """What a line of the dump is to the article."""

    CHROME = "chrome"  # navigation, ticker, buttons: read into no field
    TITLE = "title"
    BYLINE = "byline"
    DATE = "date"
    SOURCE = "source"
    READING_TIME = "reading_time"
    LEAD = "lead"  # the summary paragraph
    IMAGE = "image"  # an image's alt text (a bullet) or its caption
    BODY = "body"
    INSERT = "insert"  # crawl-time content dropped from the body
    TAGS = "tags"
    END = "end"  # the first line of the chrome after the article
    BLANK = "blank"


# The members as module globals for the per-line loops: `Role.BODY` is a descriptor lookup (~150 ns on
# Python 3.11), a global ~10 ns.
CHROME, TITLE, BYLINE, DATE, SOURCE = Role.CHROME, Role.TITLE, Role.BYLINE, Role.DATE, Role.SOURCE
READING_TIME, LEAD, IMAGE, BODY, INSERT = Role.READING_TIME, Role.LEAD, Role.IMAGE, Role.BODY, Role.INSERT
TAGS, END, BLANK_ROLE = Role.TAGS, Role.END, Role.BLANK


@dataclass(slots=True)  # not frozen: a frozen dataclass is slower to build, and there are ~50 a page
class Line:
    text: str  # whitespace collapsed; for a bullet, the item without its bullet
    bullet: bool

    # Written out, though the dataclass would write the same: compiled, a dataclass's own __init__ is
    # interpreted code called with an argument tuple and dict (~1,300 instructions a line), this one a
    # C function (the dataclass keeps an __init__ the class defines, and still writes __eq__ and __repr__).
    def __init__(self, text: str, bullet: bool) -> None:
        self.text = text
        self.bullet = bullet


# Every blank line is this one object.
BLANK: Final = Line("", False)


def read_line(raw: str, bullet: str, printable: bool = False) -> Line:
    """One raw line read as a `Line` (`BLANK` when blank). Tabs and runs of spaces collapse to one space.
    `printable`: the caller knows the line printable (`Record.printable`)."""
    if _is_prose(raw, bullet, printable):  # most lines: kept as they are
        return Line(raw, False)
    words = raw.split()
    if not words:
        return BLANK
    if words[0] == bullet:
        return Line(" ".join(words[1:]), True)
    return Line(" ".join(words), False)


def line_texts(
    text: str, bullet: str, listed: str = "", printable: bool = False, raws: list[str] | None = None
) -> list[str]:
    """`read_line(raw, bullet).text` of each non-blank line of `text`, with no `Line` built: told apart by str
    methods rather than read line by line (the generic survey keys every line of every dump). Only a line
    with a run of spaces, a tab or a no-break space is split and joined; a lone bullet gives "", as there.
    `listed`: put before the text of a list item (a lone bullet's gives `listed` alone), to tell it from the
    same words alone, as `listed_texts` does for lines already read. `printable`: as for `read_line`. `raws`:
    `text.split("\\n")`, when the caller has it."""
    texts = []
    for raw in text.split("\n") if raws is None else raws:
        if raw and (line := raw.strip()):
            item = line[0] == bullet and (len(line) == 1 or line[1].isspace())
            if item:
                line = line[1:].lstrip()
            if "  " in line or not (printable or line.isprintable()):
                line = " ".join(line.split())
            texts.append(listed + line if item else line)
    return texts


def listed_texts(lines: Iterable[Line], listed: str) -> list[str]:
    """Each line's text, after `listed` when it is a list item: `line_texts(..., listed)` of their raw lines
    (blank lines give "")."""
    return [listed + line.text if line.bullet else line.text for line in lines]


def _is_prose(raw: str, bullet: str, printable: bool) -> bool:
    """Whether `raw` is non-blank, no bullet, and equals `" ".join(raw.split())`, told without splitting it.

    Every whitespace character but the space is non-printable, so a printable line with no leading,
    trailing or doubled space has nothing to collapse. (An indented line fails at its first character
    and is split: str.split and str.join cost less than any test of it in Python.)
    """
    return (
        bool(raw)
        and raw[0] != " "
        and raw[-1] != " "
        and "  " not in raw
        and (printable or raw.isprintable())
        and not raw.startswith(bullet)
    )


def blocks(lines: Sequence[Line], start: int, stop: int) -> list[tuple[int, int]]:
    """The runs of non-blank lines in lines[start:stop], as (start, stop) pairs."""
    found: list[tuple[int, int]] = []
    first = None
    for i in range(start, stop):
        if lines[i] is BLANK:
            if first is not None:
                found.append((first, i))
                first = None
        elif first is None:
            first = i
    if first is not None:
        found.append((first, stop))
    return found


def paragraph_text(lines: Sequence[Line], bullet: str, as_list: bool) -> str:
    """A paragraph's lines as one field value: a list keeps one item per line, bullets written back;
    prose joins its lines with spaces."""
    if as_list:
        return "\n".join([f"{bullet} {line.text}" if line.bullet else line.text for line in lines])
    return " ".join([line.text for line in lines])


def line_end(text: str, marker: str, bullet: str) -> int | None:
    """Offset of the end of the first line that reads `marker` (not as a bullet), or None.

    str.find looks for the marker's first word, so the navigation before it is never split into
    lines; each hit is confirmed on its whole line, so the word inside a longer line does not count.
    """
    words = marker.split()
    pos = text.find(words[0]) if words else -1
    while pos >= 0:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = read_line(text[text.rfind("\n", 0, pos) + 1 : end], bullet)
        if not line.bullet and line.text == marker:
            return end
        pos = text.find(words[0], end + 1)
    return None
