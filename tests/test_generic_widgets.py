"""A line printed again and again between the article's paragraphs (`widgets.interleaved_lines`): a widget inside
the article weighs nothing, so the article runs on past it; a menu, a carousel's headlines and dates still weigh
as repeated lines."""

from __future__ import annotations

import pytest

from builder.extract.generic.reader import GenericReading, dump_lines, read_generic
from builder.extract.generic.region import RULE_REPEATED, score_lines
from builder.extract.generic.widgets import RULE_WIDGET

WIDGET = "• Screenshot"
HEAD = [
    "Harbour Weekly",
    "Five ways to follow the seals this spring",
    "The wardens have opened five new ways to follow the seals on the sandbank off the harbour mouth, from a camera"
    " on the harbour wall to a log of every count they make.",
]
# Each part of the article: a name, a sentence of a headline's length or more, a link; a screenshot over each
PARTS = [
    ("Harbour cam", "Watch the seals on the sandbank from the harbour wall through the day, and see the young ones"),
    ("Tide table", "See when the sandbank is dry and the seals come out to rest, a week ahead of each of your visits"),
    ("Boat rules", "Keep a hundred metres from the seals while the young are born, and keep your dogs on a lead"),
    ("Warden log", "Read what the wardens counted on each visit to the sandbank, with the weather and the tide on"),
    ("Seal names", "Meet the seals the wardens know by the marks on their coats, and the names the children gave"),
]
FOOTER = ["About us", "Contact"]


def _parts(label: str = WIDGET) -> list[str]:
    lines: list[str] = []
    for name, sentence in PARTS:
        lines += [label, name, f"{sentence} at the harbour.", f"Learn more about the {name.lower()}"]
    return lines


def _page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def _body(text: str) -> str:
    reading = read_generic(text)
    assert isinstance(reading, GenericReading), reading
    return reading.fields["body"]


def _rules(text: str, line: str) -> set[str | None]:
    scored = score_lines(*dump_lines(text))
    shown = line.removeprefix("• ")  # a list item's line is read without its bullet
    return {scored.chrome_rules.get(i) for i, read in enumerate(scored.lines) if read.text == shown}


def test_a_label_over_every_part_of_the_article_breaks_it_nowhere() -> None:
    """Without the rule the article ends at the first screenshot: each copy scores as a menu's line, more than
    the short sentence of each part."""
    text = _page(*HEAD, *_parts(), *FOOTER)
    body = _body(text)
    assert all(f"{sentence} at the harbour." in body for _, sentence in PARTS)
    assert "Screenshot" not in body
    assert _rules(text, WIDGET) == {RULE_WIDGET}


def test_a_label_also_printed_in_the_menu_is_a_menu_line() -> None:
    text = _page(HEAD[0], WIDGET, *HEAD[1:], *_parts(), *FOOTER)
    assert _rules(text, WIDGET) == {RULE_REPEATED}
    assert PARTS[-1][1] not in _body(text)  # the article still ends at the first screenshot


def test_a_carousel_headline_printed_twice_a_line_apart_is_no_widget() -> None:
    """Each teaser of a carousel prints its headline over and under its image: copies closer than MIN_SPACING."""
    teaser = "Seal pups counted on the sandbank"
    summary = "The wardens counted twelve seal pups on the sandbank this week, four more than they counted last spring."
    text = _page(*HEAD, *[line for _ in range(3) for line in (teaser, "[pup]", teaser, summary)], *FOOTER)
    assert _rules(text, teaser) == {RULE_REPEATED}


@pytest.mark.parametrize("date", ["October 5, 2016", "2 hours ago"])
def test_a_date_printed_between_paragraphs_is_no_widget(date: str) -> None:
    """A list of posts prints each post's date: the same date over several posts is a date, never a widget."""
    posts = [line for name, sentence in PARTS for line in (date, f"{sentence} at the harbour.", name)]
    text = _page(*HEAD, *posts, *FOOTER)
    assert _rules(text, date) != {RULE_WIDGET}


@pytest.mark.parametrize("stamp", ["On Thursday, November 1 at 2:57 pm", "2 days ago"])
def test_a_reply_button_under_each_comment_is_no_widget(stamp: str) -> None:
    """A comment stream: each comment's name and when (a date of no year and a time, or a relative time), its
    text, "Reply" under it."""
    names = ("Lora Lee", "Mary Jane", "Cheryl Moss", "Renae Glen")
    comments = [
        line
        for name, (_, sentence) in zip(names, PARTS, strict=False)
        for line in (f"{name} {stamp}", f"{sentence} at the harbour.", "Reply")
    ]
    last = (f"Ann Lee {stamp}", f"{PARTS[-1][1]} at the harbour.")  # its reply yet to come
    text = _page(*HEAD, "Comments", *comments, *last, *FOOTER)
    assert _rules(text, "Reply") == {RULE_REPEATED}
