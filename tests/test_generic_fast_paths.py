"""The generic reader's fast paths give what the plain computations they replace give, on any input."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.extract.decode import decode
from builder.extract.generic.boilerplate import _FORM_MESSAGE, is_form_message
from builder.extract.generic.chrome import LISTED
from builder.extract.generic.columns import _WIDE, _WIDE_GAP, _Occupied, wide_gaps
from builder.extract.generic.corpus import page_lines
from builder.extract.generic.credits import PHOTO_CREDIT, holds_photo_credit
from builder.extract.generic.digits import DIGIT, holds_date_digit, holds_digit
from builder.extract.generic.ends import _PRINT_NOTICE, _is_notice, is_copyright_notice
from builder.extract.generic.markers import (
    _COMMENT_OPENING,
    _END_OPENING,
    _SIGNUP,
    COMMENT_HEADINGS,
    END_HEADINGS,
    is_signup_prompt,
)
from builder.extract.generic.reader import dump_lines
from builder.extract.generic.region import _LETTER, Scored, holds_letter
from builder.extract.generic.relative import _RELATIVE_TIME, relative_time
from builder.extract.generic.runs import candidate_regions
from builder.extract.generic.site_lines import _AD_MARK, _WORDED, _holds_ad_mark, _is_worded
from builder.extract.generic.words import Prose, holds_word
from builder.extract.textdump.lines import BLANK, Line
from builder.record import Record
from tests.test_inputs import deadline

# Bytes of valid and broken UTF-8: ASCII, a BOM's bytes, lead and continuation bytes, NUL, the encoded U+FFFD.
_BYTES = st.lists(
    st.sampled_from(
        [
            b"a",
            b" ",
            b"\n",
            b"\r",
            b"\x00",
            b"\xef\xbb\xbf",
            b"\xef\xbf\xbd",
            b"\xc3",
            b"\xa9",
            b"\xe2\x80",
            b"\x99",
            b"\xff",
        ]
    )
).map(b"".join)


@settings(max_examples=2000, deadline=None)
@given(_BYTES)
def test_the_survey_s_lenient_decoding_decodes_as_the_full_one(data: bytes) -> None:
    plain, reused = Record(source_file="a.txt", data=data), Record(source_file="a.txt", data=data)
    rejected = decode(plain)
    assert decode(reused, data.decode("utf-8", "replace")) == rejected
    assert rejected is not None or reused.text == plain.text


# Lines of a dump: words, runs of spaces, a bullet, a tab, a no-break space, a zero-width space, a carriage
# return, a combining accent (which NFC composes), a control character.
_DUMP_PARTS = st.sampled_from(["word", " ", "   ", "• ", "\t", "\u00a0", "\u200b", "\r", "e\u0301", "\x0b", "é", "\n"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_DUMP_PARTS, max_size=16).map("".join))
def test_lines_are_read_alike_whether_decoding_found_them_printable(text: str) -> None:
    """A record decoding calls printable has every line printable, and its lines read as when each is asked."""
    record = Record(source_file="a.txt", data=text.encode("utf-8"))
    if decode(record) is not None or not record.printable:
        return
    assert all(raw.isprintable() for raw in record.text.split("\n"))
    assert dump_lines(record.text, True) == dump_lines(record.text)
    assert page_lines(record.text, True) == page_lines(record.text)


def test_nfc_keeps_a_printable_text_printable() -> None:
    """No printable character decomposes into one that is not, and none that is not composes from printable
    ones: decoding tells a text's lines printable before it normalises the text."""
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        if char.isprintable():
            assert decomposed.isprintable() and unicodedata.normalize("NFC", char).isprintable(), hex(code)
        elif decomposed != char:
            assert not decomposed.isprintable(), hex(code)


def test_decoding_tells_a_page_of_printable_lines_from_one_with_a_tab_or_a_no_break_space() -> None:
    pages = [
        ("Title\n\nA café’s first line.\n", True),
        ("Cafe\u0301 → 東京\n", True),
        ("a\tb\n", False),
        ("a\u00a0b", False),
    ]
    for text, printable in pages:
        record = Record(source_file="a.txt", data=text.encode("utf-8"))
        assert decode(record) is None and record.printable is printable


# The words of print notices and copyright lines, in either case, and what breaks them.
_NOTICE_PARTS = st.sampled_from(
    ["A version of ", "a version of ", "A VERSION of ", "This ", "THIS ", "this ", "article ", "story ", "appeared ",
     "appears ", "was published ", "in print", "on page ", "on p. 4", "in the weekly print edition", "Published in the",
     "published in the", " print edition", "© ", "(c) ", "Copyright ", "2012", "x", " ", "."]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(_NOTICE_PARTS, min_size=1, max_size=8).map("".join))
def test_the_notice_pre_check_never_misses_one(text: str) -> None:
    assert _is_notice(text) == (is_copyright_notice(text) or _PRINT_NOTICE.match(text) is not None)


# The words of a newsletter form's messages, in either case, and what breaks them.
_FORM_MESSAGE_PARTS = st.sampled_from(
    ["Please ", "check ", "Check ", "your ", "inbox", "email", "e-mail", " for ", "confirm", "ation", "Thanks ",
     "thank ", "Thank you ", "for signing up", "for subscribing", "s", "!", ".", " ", "x"]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(_FORM_MESSAGE_PARTS, min_size=1, max_size=8).map("".join))
def test_the_form_message_pre_check_never_misses_one(text: str) -> None:
    assert is_form_message(text, 0) == (_FORM_MESSAGE.search(text) is not None)


# Characters that make and break relative times: digits (one not ASCII), units, "ago", separators, spaces.
_TIME_CHARS = st.sampled_from(list("0123456789٣ hrsmindagoweku•·|-—\t\n\xa0xyz"))


@settings(max_examples=2000, deadline=None)
@given(st.text(_TIME_CHARS, max_size=24))
def test_the_relative_time_pre_check_never_misses_one(text: str) -> None:
    expected = _RELATIVE_TIME.search(text)
    found = relative_time(text)
    assert (found and found.span()) == (expected and expected.span())


# Words that make and break the other languages' relative times ("vor 2 Stunden", "hace una hora", "3 ore fa"),
# an English one's ("5 minutes"), and the spaces between them
_WORDS = "vor hace há il y a zuvor 2 12 una einem Stunden horas MINUTOS minutes jours fa ore geleden uur Ana | ago"
_TIME_WORDS = st.sampled_from([*_WORDS.split(), " ", "  ", "\xa0", "\t", "x"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_TIME_WORDS, max_size=10).map(" ".join))
def test_the_relative_time_pre_check_never_misses_one_in_words(text: str) -> None:
    expected = _RELATIVE_TIME.search(text)
    found = relative_time(text)
    assert (found and found.span()) == (expected and expected.span())


def test_a_long_run_of_spaces_before_a_line_s_end_is_read_in_one_pass() -> None:
    """A table's gap of many spaces before a line's last words: the relative time's pattern tries no split of the
    run at every position of it (which took seconds for 800 spaces, and hours for 20,000)."""
    with deadline(10):
        for gap in (" " * 20_000, " \t" * 10_000):
            assert relative_time(f"x{gap}d 5") is None
            assert relative_time(f"Ana{gap}Guten Tag") is None
            assert relative_time(f"Ana{gap}vor 2 Stunden") is not None


# Recurring lines: a list item's mark, letters (an advertisement's words among them), digits, signs, no ASCII
_LINE_PARTS = st.sampled_from(
    [
        LISTED,
        "ADVERTISEMENT",
        "Anzeige",
        "publicité",
        "Реклама",
        "story",
        " continues",
        "a",
        "7",
        "_",
        "-",
        " ",
        "—",
        "é",
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(_LINE_PARTS, max_size=6).map("".join), max_size=6))
def test_the_corpus_step_s_quick_tests_answer_as_their_patterns(texts: list[str]) -> None:
    for text in texts:
        assert _is_worded(text) == (_WORDED.search(text) is not None)
    assert _holds_ad_mark(texts, {}) == any(_AD_MARK.search(text) for text in texts)
    asked: dict[str, bool] = {}  # a site's answers, kept across its pages
    for page in (texts, texts[::2], [*texts, "Advertisement"]):
        assert _holds_ad_mark(page, asked) == any(_AD_MARK.search(text) for text in page)
    assert asked == {text: _AD_MARK.search(text) is not None for text in [*texts, "Advertisement"]}


def test_relative_times_are_found_at_a_line_end() -> None:
    assert relative_time("Alex Perry 1 day ago") is not None
    assert relative_time("James Akinaka • 8h ") is not None
    assert relative_time("Read 12 min") is not None
    assert relative_time("8h of reading, then more") is None
    for age in ("vor 2 Stunden", "Vor einem Tag", "hace una hora", "há 3 dias", "il y a 2 jours", "2 uur geleden"):
        assert relative_time(f"Ana Costa {age}") is not None, age
    for line in ("Wikipedia", "Neue Medien für die Schule", "Vor dem Tag", "vor zwei Stunden geschrieben"):
        assert relative_time(line) is None, line


def _naive_regions(scores: list[float | None], count: int) -> list[tuple[int, int, float]]:
    """The best run of the page, `count` times, each with the runs before it taken out: one scan a run."""
    taken = [False] * len(scores)
    found: list[tuple[int, int, float]] = []
    for _ in range(count):
        best, best_span, total, start = 0.0, None, 0.0, 0
        for i, score in enumerate(scores):
            if score is None:
                continue
            if taken[i]:
                total = 0.0
                continue
            if total <= 0.0:
                total, start = score, i
            else:
                total += score
            if total > best:
                best, best_span = total, (start, i + 1, total)
        if best_span is None:
            break
        found.append(best_span)
        for i in range(best_span[0], best_span[1]):
            taken[i] = True
    return found


_SCORES = st.lists(st.one_of(st.none(), st.sampled_from([-4.0, -1.5, -0.6, -0.1, 0.0, 0.3, 0.5, 1.0, 2.25])))


@settings(max_examples=1000, deadline=None)
@given(_SCORES, st.integers(1, 5))
def test_the_split_region_search_finds_the_runs_one_scan_a_run_finds(scores: list[float | None], count: int) -> None:
    lines = [BLANK if score is None else Line("x", False) for score in scores]
    prose = [None if score is None else Prose(1, 0.0, False) for score in scores]
    scored = Scored(lines, prose, [score or 0.0 for score in scores], {}, Counter())
    assert candidate_regions(scored, count) == _naive_regions(scores, count)


# Word characters of several scripts, "_", digits, separators and punctuation: where a boundary falls.
_WORD_TEXT_CHARS = "ab_1é٣ -.'\n"


@settings(max_examples=3000, deadline=None)
@given(st.text(_WORD_TEXT_CHARS, max_size=30), st.text(_WORD_TEXT_CHARS, min_size=1, max_size=4))
def test_a_word_is_found_between_boundaries_as_the_pattern_finds_it(text: str, word: str) -> None:
    assert holds_word(text, word) is (re.search(rf"\b{re.escape(word)}\b", text) is not None)


def test_a_word_inside_a_longer_word_is_not_held() -> None:
    assert holds_word("a smithy and smith_ville", "smith") is False
    assert holds_word("a smithy, then smith.", "smith") is True


@settings(max_examples=3000, deadline=None)
@given(st.text("a  \t\u00a0\u3000\x1c│", max_size=24))
def test_wide_gaps_are_the_pattern_s_gaps(line: str) -> None:
    """Only lines holding three spaces once stripped are searched: no line left out holds a gap."""
    assert wide_gaps(line) == [(gap.start(), gap.end()) for gap in _WIDE_GAP.finditer(line)]


@settings(max_examples=2000, deadline=None)
@given(st.text("a é\u1100\uac00\uff01東", max_size=12))
def test_a_line_s_offsets_are_unknown_where_the_pattern_finds_a_wide_character(line: str) -> None:
    """An ASCII line is passed by without a search: it holds no character printed two cells wide."""
    assert (_Occupied([line])[0] is None) is (_WIDE.search(line) is not None)


@settings(max_examples=2000, deadline=None)
@given(st.text("━━━─1_ -a東é", max_size=12))
def test_a_line_s_letter_is_found_as_the_pattern_finds_it(text: str) -> None:
    """A line of one sign (a rule) is told by that sign; any other is searched."""
    assert holds_letter(text) is (_LETTER.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(st.text("comentsrlaédк関 :(3", max_size=14))
def test_a_heading_s_opening_is_found_as_its_pattern_finds_it(text: str) -> None:
    """A line whose first characters open no heading is told without the pattern."""
    for openings in (_END_OPENING, _COMMENT_OPENING):
        found, expected = openings.match(text), openings.pattern.match(text)
        assert (found and found.group()) == (expected and expected.group())


def test_the_headings_are_read_without_the_pattern_only_where_it_finds_none() -> None:
    for heading in END_HEADINGS + COMMENT_HEADINGS:
        for line in (heading, heading + " (3)", heading + ":"):
            assert (_END_OPENING.match(line) or _COMMENT_OPENING.match(line)) is not None, line


@settings(max_examples=3000, deadline=None)
@given(st.text("NewsleterSIGN UPsubcrbAonvzíéİ ", max_size=24))
def test_a_signup_prompt_is_found_as_its_pattern_finds_it(text: str) -> None:
    assert is_signup_prompt(text, 1, False) is (_SIGNUP.search(text) is not None)


def test_each_signup_prompt_s_kind_is_found() -> None:
    for line in ("NEWSLETTERS", "Sign up", "SUBSCRIBE", "Newsletter abonnieren", "Inscrivez-vous", "Suscríbete"):
        assert is_signup_prompt(line, 2, False), line
    assert not is_signup_prompt("Subscriber numbers", 2, False)


@settings(max_examples=3000, deadline=None)
@given(st.text("Photo :Courtesyof AFPdpaGetyImagsReuters\u00a0é", max_size=20))
def test_a_photo_credit_is_found_as_its_pattern_finds_it(text: str) -> None:
    assert holds_photo_credit(text) is (PHOTO_CREDIT.search(text) is not None)


def test_each_photo_credit_s_kind_is_found() -> None:
    for line in ("Foto: Jan Woitas", "Courtesy of NASA", "A crowd in Paris. Getty Images ", "Picture alliance/dpa"):
        assert holds_photo_credit(line), line
    assert not holds_photo_credit("A crowd gathered in Paris on Sunday")


@settings(max_examples=2000, deadline=None)
@given(st.text("09 a5:é٣۵७５\u00a0", max_size=12))
def test_a_line_s_date_digit_is_found_as_the_class_finds_it(text: str) -> None:
    """An ASCII line is looked through digit by digit; any other is searched with the class."""
    assert holds_date_digit(text) is (DIGIT.search(text) is not None)


def test_every_ascii_digit_is_a_date_digit() -> None:
    for digit in "0123456789":
        assert holds_date_digit(f"page {digit} of") and not holds_date_digit("page of")


def test_a_digit_of_any_script_is_found_as_backslash_d_finds_it() -> None:
    """Every code point, alone and after ASCII text, as `\\d` answers."""
    digit = re.compile(r"\d")
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        assert holds_digit(char) is (digit.search(char) is not None), hex(code)
        assert holds_digit("page " + char) is (digit.search("page " + char) is not None), hex(code)


@settings(max_examples=1000, deadline=None)
@given(st.text("0 9a٣۵७５é", max_size=12))
def test_a_line_s_digit_is_found_as_backslash_d_finds_it(text: str) -> None:
    assert holds_digit(text) is (re.search(r"\d", text) is not None)
