"""Which pages the generic reader takes for an article: a section front, a list of teasers and a page with no
prose are no_article; a short post is an article under a head with its date or byline, or with its comments."""

from __future__ import annotations

import pytest

from builder.extract.generic.reader import GenericReading, read_generic
from builder.reasons import Reason
from builder.record import Reject
from tests.generic.regenerate import fixture_dumps
from tests.site_pages import site_dump
from tests.source_modules import source_module

FIXTURES = {dump.stem: dump for dump in fixture_dumps()}


def test_section_front_is_no_article() -> None:
    reading = read_generic(FIXTURES["section_front"].read_text(encoding="utf-8"))
    assert isinstance(reading, Reject)
    assert reading.reason is Reason.NO_ARTICLE and reading.stage == "parse"
    assert reading.detail == "no run of prose: 1 line of prose (11 words)"


def test_a_list_of_teasers_is_no_article() -> None:
    """A section front whose teasers each have a summary sentence: prose, but the heads of four articles."""
    reading = read_generic(FIXTURES["section_front_teasers"].read_text(encoding="utf-8"))
    assert isinstance(reading, Reject) and reading.reason is Reason.NO_ARTICLE
    assert reading.detail == "a list of 4 teasers (headline, date, summary): a section front"


SHORT_POST = """\
Pixel Notebook

  • Home
  • Archive
  • About

Harbour lights at dawn

By Ana Costa, 3 March 2019

A few photographs of the harbour lights, taken from the old pier before sunrise.

Comments (0)

Leave a comment

[ ] Name (required)
[ ] Mail (will not be published) (required)
[Submit Comment]

© 2019 Pixel Notebook
"""


def test_a_short_post_under_its_headline_and_byline_is_an_article() -> None:
    """One paragraph of 14 words, under a headline and a byline with its date: a blog's short post, read (the
    validator's --min-words decides whether so short a body is kept)."""
    reading = read_generic(SHORT_POST)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Harbour lights at dawn"
    assert reading.fields["authors"] == ["Ana Costa"]
    assert reading.fields["body"] == "A few photographs of the harbour lights, taken from the old pier before sunrise."


UNCOMMENTED_POST = SHORT_POST.replace("Comments (0)\n\nLeave a comment\n\n", "Share this page\n\n")


@pytest.mark.parametrize("head", ["", "Ana Costa\n\n"])
def test_a_short_text_under_a_title_alone_is_no_article(head: str) -> None:
    """The same page with no byline or date (or a name alone, which may be two buttons: "Cancel Delete") and no
    comment section under the text: a title over a line of text is a stub or a shop's page."""
    reading = read_generic(UNCOMMENTED_POST.replace("By Ana Costa, 3 March 2019\n\n", head))
    assert isinstance(reading, Reject) and reading.reason is Reason.NO_ARTICLE
    assert reading.detail == "no run of prose: 1 line of prose (14 words)"


@pytest.mark.parametrize("comments", ["Comments (0)\n\nLeave a comment", "[photo]\n\n13 comments:"])
def test_a_short_text_under_a_title_with_its_comments_under_it_is_a_post(comments: str) -> None:
    """With no byline or date, a comment section opening right under the text (its heading or its count, maybe
    under an image) says it is a post: a blog's picture and its few words."""
    page = UNCOMMENTED_POST.replace("By Ana Costa, 3 March 2019\n\n", "").replace("Share this page", comments)
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Harbour lights at dawn"
    assert reading.fields["body"] == "A few photographs of the harbour lights, taken from the old pier before sunrise."


CAPTION_POST = SHORT_POST.replace("By Ana Costa, 3 March 2019", "photos, harbours — anacosta @ 15:34").replace(
    "A few photographs of the harbour lights, taken from the old pier before sunrise.",
    "Shot from the old pier before sunrise! Via harbourblog More here",
)


def test_a_short_post_s_caption_is_its_text_under_the_headline_above_it() -> None:
    """A photo's caption of ten words, the post's whole run: the headline is looked for above it, not in it (the
    caption leads the window, and would be the title of a post with no text)."""
    reading = read_generic(CAPTION_POST)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["body"] == "Shot from the old pier before sunrise! Via harbourblog More here"
    assert reading.fields["title"] in ("Harbour lights at dawn", "photos, harbours — anacosta @ 15:34")


def test_a_short_run_in_title_case_stays_a_headline() -> None:
    """A run whose line is in title case is the post's headline, its text elsewhere: no article is read from it."""
    page = CAPTION_POST.replace(
        "Shot from the old pier before sunrise! Via harbourblog More here",
        "A Collection Of Vibrant & Fantastic Harbour Lights At Dawn",
    )
    reading = read_generic(page)
    assert isinstance(reading, Reject) and reading.reason is Reason.NO_ARTICLE


@pytest.mark.parametrize("text", ["", "\n\n", "Home\n\n  • News\n  • Sport\n", "Page not found\n\nSearch [   ]"])
def test_pages_with_no_prose_are_no_article(text: str) -> None:
    reading = read_generic(text)
    assert isinstance(reading, Reject) and reading.reason is Reason.NO_ARTICLE


def test_a_reading_whose_headline_took_the_only_prose_is_no_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever picked the headline, a row needs a body too: the reader's last check says no_article."""
    reader = source_module("builder.extract.generic.reader")
    assemble = reader.assemble
    monkeypatch.setattr(reader, "assemble", lambda page, head: {**assemble(page, head), "body": ""})
    assert isinstance(read_generic(site_dump(1)), GenericReading)  # as read without the patch
    verdict = reader.read_generic(site_dump(1))
    assert isinstance(verdict, Reject) and verdict.reason is Reason.NO_ARTICLE and "no prose" in verdict.detail


LONG_SENTENCE = (
    "The photographs were taken from the old pier before sunrise, when the fishing boats come back into the harbour"
    " and the lights of the quay are still lit, and they show the boats, the cranes and the gulls over the water"
    " while the town behind them is still asleep"
)


@pytest.mark.parametrize(("words", "article"), [(45, True), (40, True), (30, False)])
def test_one_paragraph_under_a_title_alone_is_an_article_from_forty_words(words: int, article: bool) -> None:
    """With no byline, date or comments, one paragraph under the title is an article from 40 words (a short
    post of a few sentences), and a stub's or a shop's line below that."""
    paragraph = " ".join(LONG_SENTENCE.split()[:words]) + "."
    reading = read_generic(
        UNCOMMENTED_POST.replace("By Ana Costa, 3 March 2019\n\n", "").replace(
            "A few photographs of the harbour lights, taken from the old pier before sunrise.", paragraph
        )
    )
    assert isinstance(reading, GenericReading) is article, reading
    if article:
        assert reading.fields["body"] == paragraph  # type: ignore[union-attr]


def test_a_page_that_only_says_the_browser_is_too_old_is_no_article() -> None:
    """A page whose script never ran: its notice that the browser is outdated, over the site's menus."""
    text = (
        "Dein Browser ist leider veraltet.\n\nLade für ein besseres Erlebnis einen neueren Browser kostenfrei "
        "herunter. Klicke dafür einfach auf das Symbol!\n\n[chrome-491] [firefox-64]\n\n\nRäume\nExperten\nMagazin\n"
        "\n\nHilfe und Support Firma kostenlos eintragen Premium AGB Datenschutzerklärung Impressum Jobs\n"
    )
    reading = read_generic(text)
    assert isinstance(reading, Reject) and reading.reason is Reason.NO_ARTICLE
