"""Measure the article for its validators and the card: the body's length in words, its detected language."""

from __future__ import annotations

import re
from typing import Final

import numpy as np

from builder.extract.langid import LanguageDetector
from builder.record import Record, Reject
from builder.textbytes import ASCII_SPACES, NON_ASCII_SPACE, UNSPACED, mostly_unspaced, non_ascii_chars

# Where the detector's confidence is kept (as `repr(float)`, which reads back exactly) for the language validator.
LANGUAGE_CONFIDENCE: Final = "language_confidence"

# What is left of an unspaced text's words once its characters are counted: its Latin words, not its
# CJK punctuation ("。", "「").
_UNSPACED_OR_MARK: Final = re.compile(f"{UNSPACED.pattern}|[\u3000-\u303f]")

# UTF-8 byte -> 1 for the ASCII whitespace of str.split(), else 0: a numpy bool.
_IS_SPACE: Final = bytes(int(byte in ASCII_SPACES) for byte in range(256))


def count_words(text: str) -> int:
    """The words of a text: `len(text.split())`, but a text of scripts that do not space their words
    (Chinese, Japanese, Thai) counts half a word for each of their characters, as the generic reader does."""
    data = text.encode("utf-8", "surrogatepass")
    unspaced = 0 if text.isascii() else mostly_unspaced(text, len(data))
    if unspaced:
        return unspaced // 2 + _split_words(_UNSPACED_OR_MARK.sub(" ", text))
    return _split_words(text, data)


def _split_words(text: str, data: bytes | None = None) -> int:
    """`len(text.split())` without building the words: 40% of the cost on an article body; `data`, the
    text in UTF-8 when the caller has it."""
    if data is None:
        data = text.encode("utf-8", "surrogatepass")
    if not text.isascii() and NON_ASCII_SPACE.search(non_ascii_chars(data)):
        return len(text.split())  # bytes would not split at those
    if not data:
        return 0
    space = np.frombuffer(data.translate(_IS_SPACE), np.bool_)
    # A word starts at the text's first byte if not a space, and after every space followed by a non-space.
    return int(not space[0]) + int(np.count_nonzero(space[:-1] > space[1:]))


def count_body_words(record: Record) -> Reject | None:
    """`record.body_words`: judged by the body validator, kept for the card's statistics."""
    record.body_words = count_words(record.fields.get("body", ""))
    return None


class LanguageDetection:
    """`language` from the body (the title when there is none), and the detector's confidence beside it."""

    stage = "detect_language"

    def __init__(self, detector: LanguageDetector) -> None:
        self.detector = detector

    def __call__(self, record: Record) -> Reject | None:
        language, confidence = self.detector.detect(record.fields.get("body") or record.fields.get("title", ""))
        record.fields["language"] = language
        record.extracted[LANGUAGE_CONFIDENCE] = repr(confidence)
        return None
