"""A byline's words: a desk signing in place of a person ("By Washington Post editors", "By Staff Writer") and what
stays a person's name beside a desk's word; the words a content system opens its bylines with ("Submitted by")."""

from __future__ import annotations

import pytest

from builder.extract.generic.byline import byline_names
from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import seal_page


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Washington Post editors", ["Washington Post editors"]),
        ("By Harbour Weekly Staff", ["Harbour Weekly Staff"]),
        ("By NFL.com Staff", ["NFL.com Staff"]),
        ("By World's Editorial Writers", ["World's Editorial Writers"]),
        ("By Staff Writer", ["Staff Writer"]),
        ("By Kulu Media News Desk", ["Kulu Media News Desk"]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),  # a person's byline keeps the person only
        ("Von Jörg Staff", None),  # one name before a capitalised desk word: a person's surname, not a desk
        ("By the harbour, staff gathered", None),  # no byline: words before the desk's are not an outlet's name
    ],
)
def test_a_desk_signs_a_byline_with_no_name(line: str, names: list[str] | None) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize("byline", ["By Harbour Weekly editors", "By\n\nHarbour Weekly News Desk"])
def test_the_desk_is_the_articles_author(byline: str) -> None:
    """On the byline's line, or on the line under a byline's word alone."""
    reading = read_generic(seal_page("Seals return to the sandbank", byline))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == [byline.split("\n")[-1].removeprefix("By ")]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Submitted by Ada Moss on Wednesday, December 17, 2003", ["Ada Moss"]),
        ("Gespeichert von adamoss am 24. Juli 2017 - 18:55", ["adamoss"]),
        ("Submitted by", None),  # the word alone: the name is on the line under it
    ],
)
def test_a_content_systems_byline(line: str, names: list[str] | None) -> None:
    """Drupal's byline in English and German: "Submitted by" and "Gespeichert von" open it as "By" does."""
    assert byline_names(line) == names
