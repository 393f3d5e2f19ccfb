"""Recognition by whole lines anywhere in a dump, or within its first or last non-blank lines.

It runs on every dump for every profile that asks for it, so no line is split that need not be:
`anywhere` finds each wanted line with str.find and confirms the hit on its own line, and a window
walks in from the dump's start or end only as far as its `within` non-blank lines.
"""

from __future__ import annotations

from collections.abc import Iterator


def has_lines(text: str, wanted: frozenset[str], where: str, within: int | None) -> bool:
    """Whether every line of `wanted` is a whole line of `text` (surrounding spaces ignored), in its window."""
    if where == "anywhere" or within is None:
        return all(_has_line(text, line) for line in wanted)
    lines = _from_start(text) if where == "first" else _from_end(text)
    missing = set(wanted)
    for count, line in enumerate(lines, 1):
        missing.discard(line)
        if not missing or count >= within:
            break
    return not missing


def _has_line(text: str, line: str) -> bool:
    pos = text.find(line)
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[start:end].strip() == line:
            return True
        pos = text.find(line, end)
    return False


def _from_start(text: str) -> Iterator[str]:
    """The non-blank lines of `text`, stripped, first to last."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if line:
            yield line
        start = end + 1


def _from_end(text: str) -> Iterator[str]:
    """The non-blank lines of `text`, stripped, last to first."""
    end = len(text)
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line:
            yield line
        end = start - 1
