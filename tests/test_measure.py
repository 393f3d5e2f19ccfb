"""The body's word count agrees with `str.split()` on any text, spaces of every kind included."""

from __future__ import annotations

import pytest

from builder.extract.measure import count_words

TEXTS = [
    "",
    " ",
    "one",
    "  two words  ",
    "tab\tand\nnewline\r\nand\x0bvertical\x0cfeed",
    "file\x1cgroup\x1drecord\x1eunit\x1fseparators",
    "no-break\xa0space and\u2003em space and\u3000ideographic",
    "next\x85line and line\u2028separator",
    "accents café naïve and عربي كلمات",
    "\u200bzero-width space is no space",
]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_count_words_is_the_length_of_split(text: str) -> None:
    assert count_words(text) == len(text.split())
