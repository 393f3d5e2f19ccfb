"""How much a line reads like prose: its length in words and the share of them that are stop words.

Stop words are the strongest sign of running text in any language that spaces its words: a headline
or a menu has few, a sentence many. The lists (stopwords.json, ~40 words a language) are small on
purpose: the most frequent function words carry the signal. Lines in scripts that do not space their
words (Chinese, Japanese) are measured in characters instead: two characters count as one word.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

_STOP_WORDS_FILE = Path(__file__).with_name("stopwords.json")


def _load_stop_words() -> frozenset[str]:
    """One set for every language: a line is scored before its language is known, and the lists hardly
    overlap in a way that would make a menu look like prose."""
    by_language: dict[str, list[str]] = json.loads(_STOP_WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(word for words in by_language.values() for word in words)


STOP_WORDS = _load_stop_words()
_STRIP = ".,;:!?\"'“”‘’«»()[]—–-…"  # punctuation glued to a word ("the," "(and")
SENTENCE_ENDS = frozenset(".!?。！？…\"”»)'’:")


class Prose(NamedTuple):
    words: int  # words, or for unspaced scripts half the characters
    stop_share: float  # share of the words that are stop words (1.0 for unspaced scripts: they have none)
    sentence_end: bool  # ends as a sentence or quotation does


def _is_unspaced(char: str) -> bool:
    """CJK ideographs, kana and Hangul: scripts (or uses) with no spaces between words."""
    return "\u3040" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" or "\uff00" <= char <= "\uffef"


def measure(text: str) -> Prose:
    """The prose measures of one collapsed line."""
    tokens = text.split(" ")
    sentence_end = text[-1:] in SENTENCE_ENDS
    # Most lines are ASCII: no unspaced script to look for.
    unspaced = 0 if text.isascii() else sum(1 for char in text if _is_unspaced(char))
    if unspaced * 2 > len(text):  # mostly Chinese or Japanese
        return Prose(unspaced // 2 + len(tokens) - 1, 1.0, sentence_end)
    if len(tokens) < 4:  # too short to be prose whatever its words: skip the lookups
        return Prose(len(tokens), 0.0, sentence_end)
    stops = STOP_WORDS
    hits = sum(1 for token in tokens if token.lower().strip(_STRIP) in stops)
    return Prose(len(tokens), hits / len(tokens), sentence_end)
