"""Splitting text into words on its UTF-8 bytes, exactly as `str.split()` would, where that is possible.

The word counter and the shingler work on bytes (one `translate` instead of a Python object per
word); both must agree with `str.split()`, and fall back to it for text it splits elsewhere.
"""

from __future__ import annotations

import re
from typing import Final

ASCII: Final = bytes(range(128))
# The ASCII bytes str.split() splits at: the space, \t\n\v\f\r, and also \x1c-\x1f.
ASCII_SPACES: Final = bytes(byte for byte in range(128) if chr(byte).isspace())
# The non-ASCII characters str.split() splits at (str.isspace()); bytes.split() does not.
NON_ASCII_SPACE: Final = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def non_ascii_chars(utf8: bytes) -> str:
    """The non-ASCII characters of a UTF-8 text, in order (a byte >= 0x80 is never part of an ASCII one)."""
    return utf8.translate(None, ASCII).decode("utf-8", "surrogatepass")


# Scripts (or uses) with no spaces between words: Thai, Lao, Burmese and Khmer (which space phrases, not
# words), CJK ideographs, kana, Hangul and full-width forms. Their words are counted as half their characters.
UNSPACED: Final = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u9fff\uac00-\ud7af\uff00-\uffef]")


def mostly_unspaced(text: str, utf8_length: int) -> int:
    """The count of unspaced characters when they are a third or more of the text (Chinese, Japanese, Thai
    with Latin names in it), else 0. Each takes three bytes in UTF-8: a text of at most 5/3 bytes a
    character cannot be a third unspaced, and is not searched."""
    if 3 * utf8_length <= 5 * len(text):
        return 0
    unspaced = len(UNSPACED.findall(text))
    return unspaced if unspaced * 3 > len(text) else 0
