"""The generic reader's headline beside a credit: an agency alone under it, the byline's over a date line, the
image's over anything else; an image's title over its photo credit ("AP", "© Getty Images"); and an image's alt text
over its credit, then its caption printing the alt text again."""

from __future__ import annotations

import pytest

from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import LONG_HEADLINE, seal_page


def test_a_headline_over_its_agency_over_a_date() -> None:
    """An agency alone under a line ("AP") marks an image's title over its credit, but not over a date line: there
    it is the agency's byline under the headline."""
    page = seal_page(
        "Harbour Weekly", "Search the site", "Wardens count the seals", "AP", "Published: Monday, May 3, 2021"
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Wardens count the seals"


@pytest.mark.parametrize(
    ("credit", "title"),
    [("AP", LONG_HEADLINE), ("Getty Images", LONG_HEADLINE), ("© Getty Images", LONG_HEADLINE), ("Wardens", None)],
)
def test_an_image_s_title_over_its_credit_is_no_headline(credit: str, title: str | None) -> None:
    """A long headline loses to a shorter line near the prose, unless that line is an image's title over its
    credit ("AP" alone on its line)."""
    page = seal_page(
        "Harbour Weekly", LONG_HEADLINE, "Published 3 May 2021", "Wardens count the seals on the sandbank", credit
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == (title or "Wardens count the seals on the sandbank")


@pytest.mark.parametrize(("credit", "title"), [("© dpa", LONG_HEADLINE), ("© Wardens of the sandbank", None)])
def test_an_image_s_caption_under_its_alt_text_and_credit_is_no_headline(credit: str, title: str | None) -> None:
    """An image's alt text over its credit, then its caption printing the alt text again: neither is the headline.
    (A longer line under the copy is a caption with its credit, which a headline's copy may stand under.)"""
    alt = "Wardens count the seals on the sandbank"
    page = seal_page("Harbour Weekly", LONG_HEADLINE, "Published 3 May 2021", f"{alt}\n{credit}", alt)
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == (title or alt)
