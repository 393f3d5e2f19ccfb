"""A byline's names without the words printed with them that name no one (a writer's job title and employer, a
desk's category, a section's name), and a desk that signs in place of a person."""

from __future__ import annotations

import pytest

from builder.extract.generic.byline import byline_names, desk_alone
from builder.extract.generic.names import bare_name
from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import seal_page


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # the employer after a job title is no name; the next writer after "and" is
        (
            "Posted by Ada Moss, Group Product Manager, Harbour Maps and Jo Bell, Product Manager, Harbour Shopping",
            ["Ada Moss", "Jo Bell"],
        ),
        ("By Ada Moss, Software Engineer, Harbour Crisis Response", ["Ada Moss"]),
        ("By Jane Doe, John Roe and Ada Moss", ["Jane Doe", "John Roe", "Ada Moss"]),
        ("By Attorney Ada Moss and Professor Jo Bell", ["Ada Moss", "Jo Bell"]),  # a title before the name
        ("by Ada Moss Writer RSS on Nov 1st 2012 8:30PM", ["Ada Moss"]),  # a role after it, no comma between
        ("By ADA MOSS AP Sports Writer", ["ADA MOSS"]),
        ("By Ada Moss, AP Business Writer 47 minutes ago", ["Ada Moss"]),
        ("by Ada Moss, Harbour Writer", ["Ada Moss"]),  # one word and a role: an outlet's writer, no name
        # the writer's picture's alt text before the byline; "by:" after the date
        ("Ada Moss by Ada Moss Published Nov. 7, 2012 2:25 pm", ["Ada Moss"]),
        ("November 6th, 2012 by: Ada Moss", ["Ada Moss"]),
        ("by Harbour.com Staff , Filed under: Seals, Tides", ["Harbour.com Staff"]),  # a desk, then its category
    ],
)
def test_a_bylines_names_without_titles_and_employers(line: str, names: list[str]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize("line", ["Product Manager", "Software Engineer", "Marketing Coordinator", "Travel Stories"])
def test_a_job_title_or_a_section_alone_names_no_one(line: str) -> None:
    assert bare_name(line) is None


@pytest.mark.parametrize("desk", ["Redaktion", "Redacción", "Harbour Weekly News Desk", "Associated Press"])
def test_a_desk_alone_over_the_date_signs(desk: str) -> None:
    """A desk's or an agency's name alone on its line beside the date line signs the article as a person's name
    would."""
    reading = read_generic(seal_page("Seals return to the sandbank", f"{desk}\n04.06.2019"))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == [desk]


_DESKS = ("Washington Post editors", "NFL.com Staff", "World's Editorial Writers", "Staff Writer", "Kulu News Desk")
_DESKS_IN_OTHER_LANGUAGES = ("Greentech.LIVE Redaktion", "Die Redaktion", "La rédaction")


@pytest.mark.parametrize("desk", [*_DESKS, *_DESKS_IN_OTHER_LANGUAGES])
def test_a_desk_signs_where_no_person_is_named(desk: str) -> None:
    assert byline_names(f"By {desk}") == [desk]


@pytest.mark.parametrize("byline", ["By Harbour Weekly editors", "By\n\nHarbour Weekly News Desk"])
def test_a_desk_is_the_articles_author(byline: str) -> None:
    """On the byline's line, or on the line under a byline's word alone."""
    reading = read_generic(seal_page("Seals return to the sandbank", byline))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == [byline.split("\n")[-1].removeprefix("By ")]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By the Associated Press", ["the Associated Press"]),  # an agency signs as a desk does
        ("By THE CANADIAN PRESS", ["THE CANADIAN PRESS"]),
        ("By Press Trust of India", ["Press Trust of India"]),  # the agencies of other countries
        ("By Yonhap", ["Yonhap"]),
    ],
)
def test_an_agency_s_credit_names_it_as_the_author(line: str, authors: list[str] | None) -> None:
    assert byline_names(line) == authors


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("From our own correspondent in Kiel, Germany", "our own correspondent"),  # where it writes from left out
        ("Special to The Harbour Weekly", None),  # the outlet the writer writes for: no author
        ("JIJI", "JIJI"),
        ("CBC News", "CBC News"),  # a broadcaster's newsroom, named by its acronym...
        ("Local News", None),  # ...not a section
    ],
)
def test_a_credit_alone_names_its_desk(line: str, author: str | None) -> None:
    assert desk_alone(line) == author
