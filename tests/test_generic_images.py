"""The generic reader's images inside the article: a caption or alt text the page prints twice on one line or
a line or two apart, alt text over its caption and credit, a photo credit."""

from __future__ import annotations

import pytest

from builder.extract.generic.markers import is_caption_label, is_doubled, undoubled
from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import SEAL_PARAGRAPHS, read_page, seal_page

GALLERY = """\
Harbour Weekly

Night ferries return to the northern islands

The night ferries to the northern islands are back after a winter in which the islanders had only one boat a day.

{caption} {caption}

The ferry company says the boats will run every night until the end of October, and twice a night in the summer.
"""
MORE = (
    "Islanders had asked for the night boats for years, and the council says the new timetable costs it less than "
    "the winter's extra buses did, because the ferries now share their crews with the day boats."
)
CAPTION = "Passengers wait on the quay for the first night ferry on Saturday, November 28, in the rain."


def test_a_caption_printed_twice_on_one_line_is_an_image() -> None:
    """A gallery prints each caption twice on one line, with a space between (the copy for another screen):
    a sentence-like line, but an image's caption, not a paragraph of the body."""
    reading = read_generic(GALLERY.format(caption=CAPTION))
    assert isinstance(reading, GenericReading), reading
    assert "quay" not in reading.fields["body"]
    assert reading.fields["images"] == [{"alt": None, "caption": CAPTION}]


@pytest.mark.parametrize(
    ("between", "image"),
    [
        ("", True),  # alt text, blank line, caption
        ("Jane Lee/Harbour Photos\n\n", True),  # a credit between them
        ("A first paragraph between them, long enough to be one on its own page.\n\nAnd a second one.\n\n", False),
    ],
)
def test_a_caption_printed_twice_a_line_or_two_apart_is_an_image(between: str, image: bool) -> None:
    """An image's alt text over its caption prints the same sentence twice, a line or two apart; an article does
    not repeat itself so close (a pull quote comes paragraphs later)."""
    page = GALLERY.replace("{caption} {caption}", f"{CAPTION}\n\n{between}{CAPTION}") + f"\n{MORE}\n"
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert ("quay" not in reading.fields["body"]) is image
    if image:
        assert reading.fields["images"] == [{"alt": None, "caption": CAPTION}, {"alt": None, "caption": CAPTION}]


def test_a_page_of_one_paragraph_printed_twice_keeps_it() -> None:
    """Pairs are images only when the region has prose of its own beside them: a test page of one paragraph
    copied has nothing else."""
    page = f"Harbour Weekly\n\nNight ferries return\n\n{CAPTION * 3}\n\n{CAPTION * 3}\n"
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert "quay" in reading.fields["body"]


@pytest.mark.parametrize(
    ("line", "once"),
    [
        ("Firefox Developer EditionFirefox Developer Edition", "Firefox Developer Edition"),  # glued
        ("The ferry at dawn. The ferry at dawn.", "The ferry at dawn."),  # a space between
        ("The ferry at dawn. The ferry at noon.", None),
        ("abc abc", None),  # too short to tell
    ],
)
def test_a_text_printed_twice(line: str, once: str | None) -> None:
    assert is_doubled(line) is (once is not None)
    assert undoubled(line) == (once or line)


def test_a_photo_credit_inside_the_article_is_no_body() -> None:
    """A line that opens with a copyright sign and names no year is an image's credit ("© Jane Lee / Harbour
    Photos"), not a paragraph; it goes to the image it credits."""
    page = GALLERY.format(caption=CAPTION).replace(f"{CAPTION} {CAPTION}", "© Jane Lee / Harbour Photos (detail)")
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert "Jane Lee" not in reading.fields["body"]
    assert reading.fields["images"] == [{"alt": None, "caption": "© Jane Lee / Harbour Photos (detail)"}]


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Figure 3: The ferry's route to the northern islands", True),
        ("図1 SYN パケットに占めるスキャナーの割合", True),
        ("Abb. 2 Der Hafen bei Nacht", True),
        ("Figures for the winter show fewer passengers than ever", False),
        ("Photograph by Tom Reed, Harbour Weekly", True),  # a photo's credit
        ("Photographs of the ferry show a crack in its hull", False),
        ("Photo: Tom Reed", True),
        ("Photo credit: Tom Reed on Flickr", True),
        ("Bild 1: Der Hafen bei Nacht", True),
        ("Photo Gallery: Behind the Scenes in June 2012", False),  # a headline
        ("Photo gallery: 2009 Hyundai Genesis", False),
        ("Photo Call: Halloween Makeup FX", False),
    ],
)
def test_a_numbered_figure_or_a_photo_credit_is_a_caption(line: str, caption: bool) -> None:
    assert is_caption_label(line) is caption


@pytest.mark.parametrize(
    ("alt", "caption", "image"),
    [
        (CAPTION, f"{CAPTION}Credit...Jane Lee/Harbour Photos", True),  # the caption with its credit glued on
        ("Jane Lee", "Jane Lee of Harbour Photos", False),  # a short line: a heading over its subheading
        (CAPTION[:-1], CAPTION, False),  # the same sentence with its full stop: a paragraph printed twice
    ],
)
def test_alt_text_a_blank_line_over_its_caption_and_credit_is_an_image(alt: str, caption: str, image: bool) -> None:
    """An image's alt text, a blank line, then its caption: the same words with the photo's credit after
    them. Both are the image's, not the article's first paragraph."""
    page = GALLERY.replace("{caption} {caption}", f"{alt}\n\n{caption}") + f"\n{MORE}\n"
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert (alt not in reading.fields["body"]) is image


@pytest.mark.parametrize(
    ("alt", "image"),
    [
        ('Dorsett in his home, from "Tony Dorsett Is Losing His Mind," February 2014.', True),
        ("Dorsett in his home, from (Tony Dorsett Is Losing His Mind,) February 2014.", False),  # same length
    ],
)
def test_alt_text_over_its_caption_with_other_quotation_marks_is_an_image(alt: str, image: bool) -> None:
    """The alt text quotes with straight marks, the caption right under it with curly ones: the same sentence,
    the image's. Another sentence of the same length over the caption is no copy."""
    caption = "Dorsett in his home, from \u201cTony Dorsett Is Losing His Mind,\u201d February 2014."
    page = GALLERY.replace("{caption} {caption}", f"{alt}\n{caption}") + f"\n{MORE}\n"
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert ("Dorsett" not in reading.fields["body"]) is image


LEAD_PHOTO = """\
Harbour Weekly

Night ferries return to the northern islands

{caption}

The night ferries to the northern islands are back after a winter in which the islanders had only one boat a day.

{more}
"""


@pytest.mark.parametrize(
    ("caption", "is_caption"),
    [
        (f"{CAPTION} (Jane Lee/AP Photo)", True),  # the photographer's credit closes it
        (f"{CAPTION} (Photo by Jane Lee/Getty Images)", True),
        (f"{CAPTION} (Jane M. Lee / The Harbour Times)", True),  # a name, a slash, the paper
        (f"{CAPTION} (Windows/Mac)", False),
        (f"FILE - In this November 28, 2015 file photo, {CAPTION[0].lower()}{CAPTION[1:]}", True),
        (f"{CAPTION[:-1]}, the ferry company said (AP)", False),  # an agency alone: a dateline's, or a source's
        (f"{CAPTION} (The council's figures)", False),
    ],
)
def test_a_news_photo_s_caption_over_the_first_paragraph_is_the_lead_image(caption: str, is_caption: bool) -> None:
    """A caption that an agency's credit closes, or an archive photo's ("FILE - …"), above the article's first
    paragraph: the lead photo's, an image and not the body's first paragraph."""
    reading = read_generic(LEAD_PHOTO.format(caption=caption, more=MORE))
    assert isinstance(reading, GenericReading), reading
    assert ("quay" not in reading.fields["body"]) is is_caption
    assert (reading.fields["images"] == [{"alt": None, "caption": caption}]) is is_caption


def test_a_credited_caption_under_the_first_paragraph_or_alone_is_the_article_s_text() -> None:
    """Among the article's paragraphs, or in a gallery of credited captions with no paragraph under them, a
    credited caption is the article's text."""
    caption = f"{CAPTION} (Jane Lee/AP Photo)"
    within = LEAD_PHOTO.format(caption="", more=f"{caption}\n\n{MORE}")
    second = "The first boat left the quay at ten past eleven with forty passengers on board. (Jane Lee/AP Photo)"
    gallery = f"Harbour Weekly\n\nNight ferries return to the northern islands\n\n{caption}\n\n{second}\n\nHome\n"
    for page in (within, gallery):
        reading = read_generic(page)
        assert isinstance(reading, GenericReading), reading
        assert "quay" in reading.fields["body"]


def test_a_news_photo_s_caption_above_the_byline_is_no_lead() -> None:
    """A credited caption between the headline and the byline, a share bar between the date and the body: the
    caption reads as a lead (a paragraph between the headline and the body), but it is no summary."""
    caption = f"{CAPTION} (Photo by Jane Lee/Getty Images)"
    head = f"{caption}\n\nBy Tom Hill\n\nNovember 28, 2015\n\n  • Facebook\n  • Twitter\n  • Email"
    reading = read_generic(LEAD_PHOTO.replace("{caption}", head).format(more=MORE))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["summary"] is None and "quay" not in reading.fields["body"]


def test_a_news_photo_s_caption_under_the_headline_and_date_inside_the_region_is_the_lead_image() -> None:
    """The region opens at the headline, its date under it, then the lead photo's caption: the head's lines
    do not make the caption the body's."""
    caption = f"{CAPTION} (Jane M. Lee / The Harbour Times)"
    page = LEAD_PHOTO.replace("{caption}", f"April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm\n\n{caption}")
    reading = read_generic(page.format(more=MORE))
    assert isinstance(reading, GenericReading), reading
    assert "quay" not in reading.fields["body"] and reading.fields["images"] == [{"alt": None, "caption": caption}]


def test_a_gallery_s_empty_items_and_rules_are_no_paragraphs() -> None:
    """A gallery's items with no caption print a bullet alone, an image with no text "[]", a dialog's close
    button "×", a rule a line of dashes: none is a paragraph of the body."""
    gallery = "  •\n  •\n  •"
    paragraphs = [
        SEAL_PARAGRAPHS[0],
        gallery,
        "[]",
        "×",
        "————————————",
        SEAL_PARAGRAPHS[1],
        "* * *",
        SEAL_PARAGRAPHS[2],
    ]
    reading = read_page(seal_page("Seals return to the sandbank", paragraphs=paragraphs))
    assert reading.fields["body"].split("\n\n") == [SEAL_PARAGRAPHS[0], SEAL_PARAGRAPHS[1], SEAL_PARAGRAPHS[2]]
