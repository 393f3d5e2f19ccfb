"""Recognition by whole lines anywhere in a dump, or within its first or last non-blank lines.

It runs on every dump for every profile that asks for it, so no line is split that need not be:
`anywhere` finds each wanted line with str.find and confirms the hit on its own line, and a window
walks in from the dump's start or end only as far as its `within` non-blank lines.
"""

from __future__ import annotations


def has_lines(text: str, wanted: frozenset[str], where: str, within: int | None) -> bool:
    """Whether every line of `wanted` is a whole line of `text` (spaces collapsed, as `wanted` is), in its window."""
    if where == "anywhere" or within is None:
        return all(_has_line(text, line) for line in wanted)
    return wanted.issubset(_window(text, where == "first", within))


def _has_line(text: str, line: str) -> bool:
    """Found by its longest word (the page may print the line with runs of spaces), confirmed on its line."""
    probe = max(line.split(), key=len)
    pos = text.find(probe)
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if _collapsed(text[start:end]) == line:
            return True
        pos = text.find(probe, end)
    return False


def _collapsed(raw: str) -> str:
    """`raw` stripped, runs of spaces collapsed to one; most lines have none, and skip the split and join."""
    line = raw.strip()
    return " ".join(line.split()) if "  " in line or not line.isprintable() else line


def _window(text: str, from_start: bool, within: int) -> list[str]:
    """The first (or last) `within` non-blank lines of `text`, spaces collapsed.

    Walked with str.find or str.rfind from that end, slicing one line at a time: str.split with a
    maximum would copy the rest of the page, which costs more than the lines (a wide page is scanned
    for its widest character when it is copied).
    """
    found: list[str] = []
    size = len(text)
    if from_start:
        start = 0
        while start <= size and len(found) < within:
            end = text.find("\n", start)
            end = size if end < 0 else end
            if line := _collapsed(text[start:end]):
                found.append(line)
            start = end + 1
    else:
        end = size
        while end >= 0 and len(found) < within:
            start = text.rfind("\n", 0, end) + 1
            if line := _collapsed(text[start:end]):
                found.append(line)
            end = start - 1
    return found
