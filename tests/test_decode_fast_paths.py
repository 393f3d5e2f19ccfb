"""Decoding's quick NFC check: a text it calls NFC is NFC, and the common pages of other scripts take it."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.extract.decode import (
    _COMMON_NON_ASCII,
    _JUNK,
    COMPOSING_ASCII,
    INERT_BLOCKS,
    _rare_chars,
    _surely_nfc,
    decode,
)
from builder.record import Record

ASCII = "".join(chr(code) for code in range(32, 127))


def test_every_character_of_the_blocks_taken_whole_is_inert() -> None:
    """No character of INERT_BLOCKS is a combining mark, or changes under NFC after or before any ASCII one."""
    for start, end in INERT_BLOCKS:
        for code in range(start, end):
            char = chr(code)
            assert unicodedata.combining(char) == 0, hex(code)
            assert unicodedata.is_normalized("NFC", char.join(ASCII) + char), hex(code)


# Characters of every range the check reads, its ends and middle, with combining marks, letters they compose
# with (Hangul jamo after a syllable, a dakuten after kana, a slash through "="), and ASCII.
_SAMPLED = sorted(
    {chr(code) for start, end in (*_COMMON_NON_ASCII, *INERT_BLOCKS) for code in (start, (start + end) // 2, end - 1)}
    | set("\u0301\u0308\u0338\u0653\u3099\u11a8\u1161\u304b\uac00\u212b\u00c5é━─│東京Москва")
    | set("ae =\n")
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_SAMPLED), max_size=24).map("".join))
def test_a_text_the_quick_check_calls_nfc_is_nfc(text: str) -> None:
    if _surely_nfc(_rare_chars(text, None)):
        assert unicodedata.is_normalized("NFC", text)
    record = Record(source_file="a.txt", data=(text + "x").encode("utf-8"))
    if decode(record) is None:
        assert record.text == unicodedata.normalize("NFC", text + "x")


def test_pages_of_rules_cyrillic_and_cjk_are_settled_by_the_quick_check() -> None:
    """A rendered page's horizontal rules, and Cyrillic, Chinese, Japanese and Korean text, need no normalising."""
    for text in ["Title\n━━━━━━━━\nЗдравствуй, мир.", "東京で「こんにちは」。\n│ 표 │ ─ ┼", "a ≤ b → □ ☰ ✕ （全角）"]:
        assert _surely_nfc(_rare_chars(text, None)), text


def test_a_file_of_whitespace_only_is_unreadable_and_one_letter_makes_it_text() -> None:
    for blank in [" ", "\n\n", " \t\r\n", "\u3000\u00a0\u2028", "\u2003 \n"]:
        reject = decode(Record(source_file="a.txt", data=blank.encode("utf-8")))
        assert reject is not None and "only whitespace" in reject.detail, repr(blank)
        assert decode(Record(source_file="a.txt", data=(blank + "x" + blank).encode("utf-8"))) is None


def test_only_the_composing_ascii_characters_open_a_canonical_decomposition() -> None:
    """A character composes with the one before it only when a canonical decomposition opens with that one:
    COMPOSING_ASCII holds every ASCII character that does, and no decomposition holds one further on."""
    opening, further = set(), set()
    for code in range(sys.maxunicode + 1):
        mapping = unicodedata.decomposition(chr(code))
        if mapping and not mapping.startswith("<"):  # canonical, not a compatibility mapping
            parts = [chr(int(part, 16)) for part in mapping.split()]
            opening |= {parts[0]} if parts[0].isascii() else set()
            further |= {part for part in parts[1:] if part.isascii()}
    assert opening <= set(COMPOSING_ASCII) and not further


def test_every_junk_character_but_the_replacement_one_is_unprintable() -> None:
    """Decoding searches a text for junk only when its rare characters are not all printable or hold U+FFFD."""
    for code in range(sys.maxunicode + 1):
        if _JUNK.match(chr(code)) and code != 0xFFFD:
            assert not chr(code).isprintable(), hex(code)
