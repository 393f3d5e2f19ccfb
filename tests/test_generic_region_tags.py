"""The article's tags and where they end it: a tag label under the article (on one line, however many tags,
or over a list) ends the region and is read; one near its start is read past."""

from __future__ import annotations

import pytest

from builder.extract.generic.reader import GenericReading, read_generic
from builder.extract.generic.tags import tag_label
from tests.region_pages import ARTICLE, MENU, SIDEBAR
from tests.region_pages import page as _page
from tests.region_pages import region_text as _region_text

MANY_TAGS = ["pools", "town council", "river", "roof", "storm", "summer", "swimming", "children", "budget", "vote"]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["Tags: pools, town council"], ["pools", "town council"]),
        (["Filed under:", "  • pools\n  • town council"], ["pools", "town council"]),  # the label over a list
        (["Labels: pools, town council"], ["pools", "town council"]),  # Blogger's label
        (["Categories: pools, town council"], ["pools", "town council"]),
        (["Kategorien: pools, town council"], ["pools", "town council"]),
        (["  • Schlagwörter: " + ", ".join(MANY_TAGS)], MANY_TAGS),  # longer than any end heading
        (["Filed under pools ,  town council"], ["pools", "town council"]),  # "Filed under" needs no colon
        (["Tagged as: pools, town council"], ["pools", "town council"]),
        (["Tagged pools, town council"], ["pools", "town council"]),
        (["Abgelegt unter: pools, town council"], ["pools", "town council"]),  # WordPress's German "Filed under"
        (["Veröffentlicht unter pools, town council"], ["pools", "town council"]),  # ...and "Posted in"
        # a label noun needs no colon over three tags or more, each of a few words
        (["  • Schlagwörter pools, town council, river"], ["pools", "town council", "river"]),
        (["Tags  pools,  roof,  storm"], ["pools", "roof", "storm"]),
        (["Schlagworte: pools, town council"], ["pools", "town council"]),
        (["Stichworte: pools, town council"], ["pools", "town council"]),
    ],
)
def test_a_tag_label_after_the_article_ends_it(tags: list[str], expected: list[str]) -> None:
    """The article's tags under it, then teasers of the site's other stories that read as prose: the article
    ends at the tags, which are read under it."""
    article = ARTICLE + SIDEBAR[:4]
    teasers = [
        f"The river pool, part {n}: the swimmers say it is cold and muddy, but it is the best place in town."
        for n in (1, 2)
    ]
    text = _page(article, tags, teasers)
    assert _region_text(text) == article
    reading = read_generic(text)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["tags"] == expected


def test_a_topics_line_inside_the_article_does_not_end_it() -> None:
    """A tag line near the article's start, with most of its prose under it, is read past."""
    text = _page(ARTICLE[:1], ["Topics: pools, council"], ARTICLE[1:], MENU)
    assert _region_text(text) == [ARTICLE[0], "Topics: pools, council", *ARTICLE[1:]]


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("Filed under: Travel | 48 Comments »", ["Travel"]),  # the comment link a blog prints after its tags
        ("Veröffentlicht unter Allgemein, Film | Hinterlasse einen Kommentar", ["Allgemein", "Film"]),
        ("Filed under Architecture | 1 Comment", ["Architecture"]),
        ("Tags: comments, replies", ["comments", "replies"]),  # tags that only name comments stay
    ],
)
def test_a_comment_link_after_the_tags_is_no_tag(line: str, tags: list[str]) -> None:
    assert tag_label(line) == tags


@pytest.mark.parametrize(
    "line",
    [
        "Topics like mapping, security, command line tools, and open source are concepts every journalist needs",
        "Tags darauf spazierten wir am Ufer entlang, sahen die Villen, die Brücke.",  # "des Tags darauf", wrapped
        "Categories pools, council",  # two items: a label noun with no colon needs three
    ],
)
def test_a_label_noun_with_no_colon_opens_no_sentence_s_tags(line: str) -> None:
    assert tag_label(line) is None
