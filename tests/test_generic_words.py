"""How much a line of a script that does not space its words reads like prose (`words.measure`)."""

from __future__ import annotations

import pytest

from builder.extract.generic.words import measure


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("文化庁は１日、今年度のメディア芸術祭賞を発表した。", True),  # a sentence with its full stop
        ("同样，它还可以理解和回答某个大家族中的成员之间的关系这样的复杂问题，比如“张三的大舅是谁？”", True),
        ("安倍氏の実弟・岸氏は首相補佐官 内閣改造、派閥への配慮も忘れない", False),  # a headline: no full stop
        ("「基本給6万円は不当」 引っ越しのサカイ社員らが改善訴え", False),
        # Latin names inside a Japanese sentence: still a sentence of Japanese.
        (
            "Visual Studio Codeは、Microsoftが開発したオープンソースコードエディタ。「Stack Overflow2018開発者調査」で最も人気",
            True,
        ),
    ],
)
def test_an_unspaced_line_is_prose_with_a_full_stop_or_a_sentence_end(line: str, prose: bool) -> None:
    measured = measure(line)
    assert measured.words >= 8
    assert (measured.stop_share == 1.0) is prose


def test_a_long_unspaced_line_is_prose_without_a_full_stop() -> None:
    """Thai spaces its sentences, not its words, and prints no full stop: a long line is prose."""
    line = "ผลการตรวจดีเอ็นเอยืนยันว่าศพที่ลอยมาตามแม่น้ำโขงเป็นคนสนิทของนักเคลื่อนไหวที่หายตัวไปเมื่อปลายปีที่แล้วตามที่ตำรวจแถลง"
    assert measure(line).stop_share == 1.0
    assert measure(line[:40]).stop_share == 0.0


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("Repurposing food as art is creative. @TweetRightBrain", True),  # a caption signed with its writer's handle
        ("Not your mom's origami! @sobadsogood", True),
        ("Follow us on Twitter @MattDemers", False),  # a handle after no sentence
        ("Mail us at news @ example", False),  # no handle: an "@" apart
        ("Repurposing food as art is creative. @TweetRightBrain more", False),
    ],
)
def test_a_sentence_signed_with_a_handle_ends_as_its_sentence_does(line: str, sentence: bool) -> None:
    assert measure(line).sentence_end is sentence


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("প্রকৌশলীরা জানিয়েছেন, নতুন সেতু নির্মাণে প্রায় তিন বছর সময় লাগবে।", True),  # Bengali: the danda
        ("इंजीनियरों ने कहा कि नए पुल को बनने में लगभग तीन साल लगेंगे।", True),  # Hindi: the danda
        ("هل سيعاد بناء الجسر القديم قبل نهاية العام المقبل؟", True),  # Arabic: its question mark
        ("انجینئروں نے کہا کہ نیا پل بنانے میں تقریباً تین سال لگیں گے۔", True),  # Urdu: its full stop
        ("প্রকৌশলীরা জানিয়েছেন নতুন সেতু নির্মাণে প্রায় তিন বছর সময় লাগবে", False),
    ],
    ids=["bengali", "hindi", "arabic-question", "urdu", "bengali-no-end"],
)
def test_a_sentence_ends_with_the_full_stop_of_its_script(line: str, sentence: bool) -> None:
    """Indian scripts end a sentence with the danda (।), Arabic asks with ؟ and Urdu stops with ۔: a line
    that ends so is a sentence, as one ending with "." is (a Bengali page's paragraphs were no prose)."""
    assert measure(line).sentence_end is sentence
