"""Text shown on a terminal: file names, details and titles come from the inputs, so they are escaped first."""

from __future__ import annotations

import re

# C0 and C1 controls (ANSI escape sequences start with ESC or CSI), DEL, the bidirectional overrides that
# reorder what a line appears to say, and lone surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` with every control character written as a visible escape (`\\x1b`, `\\u202e`), nothing else changed."""
    return _UNSAFE.sub(_escape, str(text))
