"""Where a notice ends the generic reader's region: a print edition's or a copyright notice under the article;
and the blog post under a sidebar's copyright notice, which the notice does not end. Other ends:
test_generic_region_ends.py."""

from __future__ import annotations

import pytest

from builder.extract.generic.reader import GenericReading, read_generic
from tests.region_pages import ARTICLE, LONG_ARTICLE, SIDEBAR
from tests.region_pages import page as _page
from tests.region_pages import region_text as _region_text


@pytest.mark.parametrize(
    ("notice", "ends"),
    [
        ("A version of this article appeared in print on July 24, 2012, on page C1 of the New York edition.", True),
        ("This article appeared on page D - 7 of the Harbour Chronicle", True),
        (
            "A version of this article appeared July 24, 2012, on page A2 in the U.S. edition of the Harbour Weekly.",
            True,
        ),
        ("This story appeared in the July 24 print edition of the Harbour Weekly.", True),
        ("Published in the print edition of the March 2, 2020, issue, with the headline “The Pool.”", True),
        # a sentence of the article that tells where the story was told first
        ("This story appeared in the town's paper first, and the council read it out at its meeting.", False),
    ],
)
def test_a_print_edition_notice_ends_the_article(notice: str, ends: bool) -> None:
    """Where the article appeared in print, under it, then a footer's prose: the article ends at the notice."""
    region = _region_text(_page(LONG_ARTICLE, [notice], SIDEBAR[:3]))
    assert region == (LONG_ARTICLE if ends else [*LONG_ARTICLE, notice, *SIDEBAR[:3]])


BLOG_POST_HEAD = ["October 26, 2012", "Pool to reopen by the river next summer"]


@pytest.mark.parametrize("head", [BLOG_POST_HEAD, BLOG_POST_HEAD[::-1]], ids=["date first", "headline first"])
def test_a_post_under_the_sidebar_s_copyright_notice_is_the_article(head: list[str]) -> None:
    """A blog that prints its sidebar first: the sidebar's prose, its copyright notice, then the post's date and
    headline and the post. The notice closes the sidebar, a box above the article, and the post is read."""
    text = _page(SIDEBAR[:2], ["© 2006–2012 Jessica Jones."], head, ARTICLE, ["4 comments:"])
    assert _region_text(text)[-len(ARTICLE) :] == ARTICLE
    reading = read_generic(text)
    assert isinstance(reading, GenericReading)
    assert reading.fields["title"] == BLOG_POST_HEAD[1]


@pytest.mark.parametrize(
    "under",
    [ARTICLE[:1], ["Pool to reopen by the river next summer", "Posted by Jessica in Sewing"]],
    ids=["prose", "a headline over no date"],
)
def test_a_copyright_notice_with_no_article_s_head_under_it_ends_the_region(under: list[str]) -> None:
    """Under the notice, prose with no head, or a headline-like line over no date: the page's footer; the notice ends
    the article above it."""
    assert _region_text(_page(LONG_ARTICLE, ["© 2006–2012 Jessica Jones."], under, SIDEBAR[:1])) == LONG_ARTICLE


def test_an_article_with_its_own_date_ends_at_its_notice_whatever_follows() -> None:
    """An agency's article with its date over it, its copyright notice, then another post's head and more prose:
    the article is the dated one above the notice (only a run with no head of its own is a box above the post)."""
    text = _page(["Posted October 20, 2012"], ARTICLE, ["© 2012 The Harbour Press. All rights reserved."])
    assert _region_text(text + _page(BLOG_POST_HEAD, LONG_ARTICLE)) == ARTICLE


@pytest.mark.parametrize(
    "notice",
    [
        "(Copyright 2007 by The Associated Press. All Rights Reserved.)",
        "(© 2008 The Associated Press. All Rights Reserved. This material may not be published.)",
        "Copyright 2011 World Publishing Co. All rights reserved.",
    ],
)
def test_an_agency_s_copyright_notice_under_the_article_ends_it(notice: str) -> None:
    """An agency's notice under its story, in brackets or not, then a sidebar's prose: the article ends there."""
    assert _region_text(_page(LONG_ARTICLE, [notice], SIDEBAR[:3])) == LONG_ARTICLE
