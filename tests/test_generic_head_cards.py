"""An author's card and a byline's age in the generic reader's head: a name beside the page's age ("Alex Perry 1
day ago", "Ana Costa | Publicado hace 3 horas"), and a name over "Follow", a reading time or the page's age in any
language the reader knows."""

from __future__ import annotations

import pytest

from builder.extract.generic.byline import byline_names
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
