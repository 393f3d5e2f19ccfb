"""A page that prints its article twice (a copy for another screen): the generic reader keeps one copy; a
paragraph that only repeats itself stays wherever it stands."""

from __future__ import annotations

from builder.extract.generic.reader import GenericReading, read_generic
from tests.region_pages import ARTICLE
from tests.region_pages import page as _page

HEAD = ["Town to reopen its river pool", "By Anna Berg", "July 24, 2012"]


def _body(text: str) -> list[str]:
    reading = read_generic(text)
    assert isinstance(reading, GenericReading)
    return reading.fields["body"].split("\n\n")


def test_a_copy_of_the_article_on_the_same_page_is_left_out() -> None:
    assert _body(_page(HEAD, ARTICLE, ["By Anna Berg"], ARTICLE, ["Advertisement"])) == ARTICLE


def test_a_paragraph_printed_again_between_other_paragraphs_stays() -> None:
    """A refrain: the same paragraph twice, its neighbours different each time."""
    text = _page(HEAD, ARTICLE[:2], ARTICLE[:1], ARTICLE[2:], ["Advertisement"])
    assert _body(text) == ARTICLE[:2] + ARTICLE[:1] + ARTICLE[2:]


# A pull quote the page prints again under the article, in its "Most read" box: a sentence of the article.
QUOTE = "Neighbours say that the pool is the heart of the town in the summer."


def test_a_sentence_the_page_prints_again_elsewhere_stays_in_the_article() -> None:
    text = _page(HEAD, ARTICLE[:2], [QUOTE], ARTICLE[2:], ["Most read", QUOTE, "Advertisement"])
    assert _body(text) == [*ARTICLE[:2], QUOTE, *ARTICLE[2:]]


def test_a_line_printed_again_that_is_no_sentence_stays_out() -> None:
    """A link the page prints twice (a newsletter's invitation, a teaser's headline) is no sentence."""
    link = "Read the council's plans for the river pool"
    text = _page(HEAD, ARTICLE[:2], [link], ARTICLE[2:], ["Most read", link, "Advertisement"])
    assert _body(text) == ARTICLE
