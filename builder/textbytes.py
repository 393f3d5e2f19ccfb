"""Splitting text into words on its UTF-8 bytes, exactly as `str.split()` would, where that is possible.

The word counter and the shingler work on bytes (one `translate` instead of a Python object per
word); both must agree with `str.split()`, and fall back to it for text it splits elsewhere.
"""

from __future__ import annotations

import re

ASCII = bytes(range(128))
# The ASCII bytes str.split() splits at: the space, \t\n\v\f\r, and also \x1c-\x1f.
ASCII_SPACES = bytes(byte for byte in range(128) if chr(byte).isspace())
# The non-ASCII characters str.split() splits at (str.isspace()); bytes.split() does not.
NON_ASCII_SPACE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def non_ascii_chars(utf8: bytes) -> str:
    """The non-ASCII characters of a UTF-8 text, in order (a byte >= 0x80 is never part of an ASCII one)."""
    return utf8.translate(None, ASCII).decode("utf-8", "surrogatepass")
