"""The generic reader's authors where the head prints no byline: the names on a date line found away from the
head, a byline alone among the article's paragraphs, a signature under the article's share bar; and a byline's
names printed inside parentheses."""

from __future__ import annotations

from datetime import datetime

import pytest

from builder.extract.generic.byline import byline_names
from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import DATE_ONLY_IN_THE_FOOTER, SEAL_PARAGRAPHS, seal_page


@pytest.mark.parametrize(
    ("footer", "authors"),
    [
        ("December 26, 2019 by Ada Moss in Harbour News | Leave a comment", ["Ada Moss"]),
        ("Dezember 26, 2019 von Ada Moss Kategorien: Allgemein | Hinterlasse einen Kommentar", ["Ada Moss"]),
        ("December 26, 2019 | Harbour News", []),  # a date and a section: no name
    ],
)
def test_the_names_on_a_date_line_under_the_post(footer: str, authors: list[str]) -> None:
    """A blog theme's meta line under the post gives the article its date, and its writer with it."""
    reading = read_generic(DATE_ONLY_IN_THE_FOOTER.format(footer=footer, comment_meta="Jo Bell, March 3, 2020"))
    assert isinstance(reading, GenericReading), reading
    assert reading.date is not None and reading.date.local == datetime(2019, 12, 26)
    assert reading.fields["authors"] == authors


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("BeginnersGuide/Download (last edited 2019-11-10 13:28:18 by MatsWichmann)", ["MatsWichmann"]),
        ("Reporting by Ada Moss)", ["Ada Moss"]),  # the parenthesis opened on the line above
        ("By Ada Moss (AP)", ["Ada Moss"]),
    ],
)
def test_a_byline_inside_parentheses_leaves_out_the_closing_bracket(line: str, names: list[str]) -> None:
    assert byline_names(line) == names


MORE_SEAL_PARAGRAPHS = [
    "The wardens will count the seals again in the autumn, when the young have left the sandbank for the open"
    " sea and the boats are back in the harbour.",
    "Boat owners who come too close to the sandbank before then may be fined, the harbour master said, though"
    " no one has been fined so far this year.",
    "The town council will decide in the winter whether the sandbank stays closed to visitors for another year,"
    " after the wardens have shown it their count.",
    "Fishermen have asked the council to keep the channel beside the sandbank open, as the seals have never"
    " minded the boats that pass there slowly.",
]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Autor: Ada Moss", ["Ada Moss"]),
        ("Par Ada Moss", ["Ada Moss"]),
        ("By the end of the day forty more seals had come to the bank.", []),  # a sentence of the prose
    ],
)
def test_a_byline_alone_among_the_paragraphs(line: str, authors: list[str]) -> None:
    """With no byline in the head, one opened by its word alone on its line among the paragraphs (past the first
    four, where the head's are looked for, and over the last two, where a signature is) signs the article: over
    its last section, or between the text and a box the region kept."""
    paragraphs = [*SEAL_PARAGRAPHS, MORE_SEAL_PARAGRAPHS[0], line, *MORE_SEAL_PARAGRAPHS[1:]]
    reading = read_generic(seal_page("Seals return to the sandbank", paragraphs=paragraphs))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors


@pytest.mark.parametrize(("bar_lines", "authors"), [(6, ["Ada Moss"]), (12, [])])
def test_a_signature_under_the_share_bar(bar_lines: int, authors: list[str]) -> None:
    """A byline opened by its word a few lines under the article (a share bar, tags between) signs it; one
    far under it belongs to whatever the page prints there."""
    bar = "\n".join(["Share", "Facebook", "Twitter", "Email", "Print", "Copy link"] * 2)
    bar = "\n".join(bar.split("\n")[:bar_lines])
    reading = read_generic(
        seal_page("Seals return to the sandbank", paragraphs=[*SEAL_PARAGRAPHS, bar, "Text von Ada Moss"])
    )
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors


@pytest.mark.parametrize(
    ("label", "name", "authors"),
    [
        ("Autor", "Ada Moss", ["Ada Moss"]),
        ("Autoren", "Ada Moss", ["Ada Moss"]),
        ("AUTOR/IN", "Ada Moss", ["Ada Moss"]),
        ("Von:", "Ada Moss", ["Ada Moss"]),
        ("Autor", "Weitere Artikel zum Thema", []),  # no name under the label
    ],
)
def test_an_authors_card_under_the_article(label: str, name: str, authors: list[str]) -> None:
    """A byline's word alone on its line, the name on the line under it, right under the article (an author's
    card: "Autor" over "Ada Moss") signs it, as "Von Ada Moss" on one line would."""
    card = f"{label}\n\n{name}"
    reading = read_generic(seal_page("Seals return to the sandbank", paragraphs=[*SEAL_PARAGRAPHS, "Share", card]))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors
