"""The body's word count agrees with `str.split()` on any text, spaces of every kind included; a text of a
script that does not space its words counts half a word a character."""

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


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("港口海豹重返沙洲。看守员说今年数量最多。", 9),  # 18 ideographs; the full stops are no words
        ("個人的にWebAssemblyには強く期待しています。", 8),  # 15 unspaced characters and one Latin word
        ("Seals in 東京 and 大阪 again", 6),  # a few names in a Latin sentence: split as any text
    ],
)
def test_a_text_of_unspaced_script_counts_half_a_word_a_character(text: str, words: int) -> None:
    assert count_words(text) == words


def test_a_japanese_article_is_long_enough_for_the_body_check() -> None:
    """Three sentences of Japanese (120 characters, no space): more than the 30 words a body needs."""
    body = "港の入り口の砂州にアザラシが十年ぶりに戻ってきたと、毎年春に数を数える監視員が火曜日の朝に話した。" * 3
    assert " " not in body and count_words(body) >= 30
