"""Whether a text holds a digit, told before any search for a date or a count: most lines hold none."""

from __future__ import annotations

import re
from typing import Final

# The digits other than ASCII a date is printed with: Arabic-Indic, Persian, Devanagari and full-width ones.
# A line holding one is read with them turned to ASCII, one character for one (`ASCII_DIGITS`).
_OTHER_ZEROS: Final = (0x660, 0x6F0, 0x966, 0xFF10)
_OTHER_DIGITS: Final = "".join(f"{chr(zero)}-{chr(zero + 9)}" for zero in _OTHER_ZEROS)
ASCII_DIGITS: Final = {zero + value: ord("0") + value for zero in _OTHER_ZEROS for value in range(10)}
OTHER_DIGIT: Final = re.compile(f"[{_OTHER_DIGITS}]")
DIGIT: Final = re.compile(f"[0-9{_OTHER_DIGITS}]")  # a line without one holds no date
_ASCII_DIGIT_CHARS: Final = tuple("0123456789")
_ANY_DIGIT: Final = re.compile(r"\d")


def holds_date_digit(line: str) -> bool:
    """Whether the line holds a digit dates are printed with (ASCII, Arabic-Indic, Persian, Devanagari or
    full-width): a line with none holds no date (`find_date` finds none, `is_date_line` says no). Searched in
    about half the time `\\d` takes (a class of ranges is read inline; `\\d` asks Unicode's table of each
    character), so it is the test to put before either. An ASCII line is looked through for each ASCII digit in
    turn instead (`memchr`): several times faster than the search, and faster than remembering the answer (an
    `lru_cache` cost more time than it saved, though fewer instructions)."""
    if line.isascii():
        return _holds_ascii_digit(line)
    return DIGIT.search(line) is not None


def holds_digit(text: str) -> bool:
    """Whether the text holds a decimal digit of any script, as a search for `\\d` answers. An ASCII text is
    looked through for each ASCII digit in turn (`memchr`), several times faster than the search, which asks
    Unicode's table of each character: a step asks it of every line it passes."""
    if text.isascii():
        return _holds_ascii_digit(text)
    return _ANY_DIGIT.search(text) is not None


def _holds_ascii_digit(text: str) -> bool:
    return any(digit in text for digit in _ASCII_DIGIT_CHARS)
