"""An author's card and a byline's age in the generic reader's head: a name beside the page's age ("Alex Perry 1
day ago", "Ana Costa | Publicado hace 3 horas"), a name over "Follow", a reading time or the page's age in any
language the reader knows, a name among the article's facts listed with its date ("• 25. Juli 2019"), a name with
its handle ("Tom DiChristopher@tdichristopher"), an outlet's logo after the name, and the writer's picture."""

from __future__ import annotations

import pytest

from builder.extract.generic.byline import byline_names
from builder.extract.generic.names import is_writers_picture
from builder.extract.generic.reader import GenericReading, read_generic


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Alex Perry 1 day ago", ["Alex Perry"]),
        ("[6eef5bc5-c] James Akinaka • 8h", ["James Akinaka"]),
        ("Updated 3 hours ago", None),
        ("Ana Costa | Publicado hace 3 horas", ["Ana Costa"]),  # the age's label in a field of its own
        ("Ana Costa | Updated 3 hours ago", ["Ana Costa"]),
    ],
)
def test_a_name_beside_the_page_age(line: str, names: list[str] | None) -> None:
    assert byline_names(line) == names


AUTHOR_CARD = """\
Harbour Weekly
{card}
Sign in

Night ferries return to the northern islands

The first night ferry in two winters left the harbour on Saturday with more than two hundred passengers on board, most of them islanders going home for the weekend.

The company had stopped the crossings when the old ships failed their inspection, and the new ones were delivered only last month after a long delay at the yard in the south.

Islanders had waited for the crossings to return for a long time, and many of them said on the quay that the ferry was the only way for their families to visit them in the winter.

Ana Costa
"""


@pytest.mark.parametrize(
    ("card", "authors"),
    [
        ("Ana Costa\n11 min read", ["Ana Costa"]),
        ("Ana Costa\nLesezeit: 4 Min.", ["Ana Costa"]),
        ("Ana Costa\nAna Costa\nFollow", ["Ana Costa"]),
        ("Ana Costa\nvor 2 Stunden", ["Ana Costa"]),  # the article's age, in German, Spanish, Italian
        ("Ana Costa\nhace una hora", ["Ana Costa"]),
        ("Ana Costa\n3 ore fa", ["Ana Costa"]),
        ("Ana Costa\nNews desk", []),
    ],
)
def test_an_author_card_in_the_head(card: str, authors: list[str]) -> None:
    """A name over "Follow", a reading time or the article's age is the author, though the page prints the name
    again."""
    reading = read_generic(AUTHOR_CARD.format(card=card))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors


@pytest.mark.parametrize(
    ("facts", "authors"),
    [
        ("  • 25. Juli 2019\n  • Ana Costa\n  • Blogartikel, Hafen", ["Ana Costa"]),
        ("  • November 1, 2023\n  • 12:30\n  • von: Ana Costa", ["Ana Costa"]),
        ("25. Juli 2019\n\n  • Ana Costa\n  • Rui Lopes", []),  # a list under a date that is no item of it
    ],
)
def test_a_name_among_the_facts_listed_with_the_date(facts: str, authors: list[str]) -> None:
    """The date and the byline printed as items of one list under the headline: the listed name is the author."""
    paragraphs = "\n\n".join(AUTHOR_CARD.split("\n\n")[2:-1])
    page = f"Harbour Weekly\n\nNight ferries return to the northern islands\n\n{facts}\n\n{paragraphs}\n"
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Ana Costa@acosta", ["Ana Costa"]),  # the writer's handle spells the name
        ("Ana Costa @AnaCosta", ["Ana Costa"]),
        ("Ana Costa@harbourweekly", []),  # the site's handle beside a name
    ],
)
def test_a_name_with_its_handle_is_the_byline_away_from_the_headline_and_date(byline: str, authors: list[str]) -> None:
    """A name glued to its handle on a social network, under the date line with an image's label between: a
    name alone there is no byline, one with its handle is."""
    paragraphs = "\n\n".join(AUTHOR_CARD.split("\n\n")[2:-1])
    head = f"Night ferries return to the northern islands\n\nPublished Tue, Dec 20 2016\nthumbnail\n{byline}"
    reading = read_generic(f"Harbour Weekly\n\n{head}\n\n{paragraphs}\n")
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("ByJ.R. Stone KGO logo", ["J.R. Stone"]),  # the station's logo, its alt text, after the name
        ("By Ana Costa CNN logo", ["Ana Costa"]),
        ("By Ana Costa", ["Ana Costa"]),
    ],
)
def test_an_outlet_s_logo_after_the_byline_s_name(line: str, names: list[str]) -> None:
    assert byline_names(line) == names


def test_the_writer_s_picture_over_the_byline_is_no_headline() -> None:
    paragraphs = "\n\n".join(AUTHOR_CARD.split("\n\n")[2:-1])
    head = (
        "Seals return to the sandbank\n\nJ.R. Stone Image\n"
        "ByJ.R. Stone KGO logo\nThursday, November 9, 2023 7:35AM\nThe night ferry is back\nEMBED <>More Videos\n"
        '[<iframe width="476" ]'
    )
    reading = read_generic(f"Harbour Weekly\n\n• NEWS\n\n{head}\n\n{paragraphs}\n")
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank"
    assert reading.fields["authors"] == ["J.R. Stone"]


@pytest.mark.parametrize(
    ("line", "picture"),
    [
        ("J.R. Stone Image", True),  # the alt text of the writer's picture: never a headline
        ("Avatar Ana Costa", True),
        ("J.R. Stone", False),  # the name alone: the byline's own test
        ("Harbour Image", False),
    ],
)
def test_the_alt_text_of_the_writer_s_picture(line: str, picture: bool) -> None:
    assert is_writers_picture(line, frozenset(["J.R. Stone", "Ana Costa"])) is picture
