"""The generic reader's headline against the lines beside it, on small pages of one layout: a standfirst under
it (longer or shorter), a kicker over it, a caption's column under the head, a search box's credit, an image's
alt text over its caption (an agency's name or a photo's credit under it: `test_generic_head_credits.py`), an
abbreviation at its end, a count, a label, a video's title, an author's
name under it, a photo's credit or a menu over it, a teaser's copy beside it, a sign or an image's file name over,
before or after it."""

from __future__ import annotations

import pytest

from builder.extract.generic.head import HEAD_LINES
from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import DATE_ONLY_IN_THE_FOOTER, SEAL_PARAGRAPHS, read_page, seal_page

HEADLINE = "Night ferries return to the northern islands after two winters of silence on the quay"
STANDFIRST = "The captain explained why the crossings took so long to come back"
TITLED = "Night Ferries Return to the Northern Islands After Two Winters"  # title case: a headline, no standfirst
TAGLINE = "Harbour Weekly: news and stories from the quay, the ferries and the islands around them"
HEAD_WITH_A_STANDFIRST = "Harbour Weekly\n\n{above}\n\n{headline}\n\nBy Jane Doe\nMarch 2, 2020\n\n" + "\n\n".join(
    DATE_ONLY_IN_THE_FOOTER.split("\n\n")[2:7]
)


@pytest.mark.parametrize(
    ("above", "headline", "title"),
    [
        # a long headline over a standfirst over the byline: the byline's sign is the standfirst's, the headline
        # is the line above it
        ("Islands", f"{HEADLINE}\n\n{STANDFIRST}", HEADLINE),
        # a breadcrumb (a numbered list) that ends in the headline, right above it, is no headline over a
        # standfirst
        (f" 1. Home\n 2. Islands\n 3. {HEADLINE}", HEADLINE, HEADLINE),
        # a headline in title case is no standfirst: the longer line over it (a blog's tagline, another
        # article's teaser) is not taken for its headline
        ("Islands", f"{TAGLINE}\n\n{TITLED}", TITLED),
    ],
)
def test_a_headline_over_its_standfirst(above: str, headline: str, title: str) -> None:
    reading = read_generic(HEAD_WITH_A_STANDFIRST.format(above=above, headline=headline))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == title
    assert reading.fields["authors"] == ["Jane Doe"]
    page = reading.classified
    title_rule = next(rule for line, rule in zip(page.lines, page.rules, strict=True) if line.text == title)
    assert ("standfirst" in title_rule) is (STANDFIRST in headline)  # `explain` says why


SHORT_HEADLINE = "Night ferries return to the islands"  # its words are the lead's
DECK = "Captain explains the long wait"  # a standfirst of other words, shorter than a sentence


@pytest.mark.parametrize(
    ("over", "title"),
    [
        (SHORT_HEADLINE, SHORT_HEADLINE),  # a headline's length, the lead's words: the headline over its standfirst
        ("Sports desk notes and weekly results", DECK),  # no word of the lead: another block's line
        ("Ferries return", DECK),  # too short for a headline over a standfirst (a label, a caption)
        ("Night ferries return to the islands:", DECK),  # a label
        ("Night ferries return to the islands,", DECK),  # a clause, no headline ("Sport news from The Standard,")
    ],
)
def test_a_shorter_headline_over_its_standfirst(over: str, title: str) -> None:
    """A standfirst with the byline under it, under a line no longer than it: that line is the headline when it
    is a headline's length and the lead takes up its words as much as the standfirst's."""
    reading = read_generic(HEAD_WITH_A_STANDFIRST.format(above="Islands", headline=f"{over}\n\n{DECK}"))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == title
    page = reading.classified
    title_rule = next(rule for line, rule in zip(page.lines, page.rules, strict=True) if line.text == title)
    assert ("standfirst" in title_rule) is (title == SHORT_HEADLINE)


CAPTION_COLUMN = (  # a photo's caption in a narrow column: a line of two or three words each
    "The night ferry leaves the quay of the northern harbour on Saturday evening with its first "
    "passengers in two winters, most of them islanders going home for the weekend after the long wait "
    "for the new ships that the yard in the south delivered late last month to the company of the islands "
    "after a delay of more than a year"
)
CAPTIONED_HEAD = (
    "Harbour Weekly\n\nNight ferries return to the islands\nBy Jane Doe\nMarch 2, 2020\n"
    # as many lines as, with the byline and date, fill the lines the head is read in
    + "\n".join(" ".join(CAPTION_COLUMN.split()[k : k + 2]) for k in range(0, 2 * (HEAD_LINES - 2), 2))
    + "\n\n"
    + "\n\n".join(DATE_ONLY_IN_THE_FOOTER.split("\n\n")[2:7])
)


def test_a_headline_over_a_head_at_the_window_s_top() -> None:
    """A caption in a narrow column between the head and the prose fills the lines the headline is looked for
    in, up to the byline: the lines right over the head's topmost byline or date are looked in as well."""
    reading = read_generic(CAPTIONED_HEAD)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Night ferries return to the islands"
    assert reading.fields["authors"] == ["Jane Doe"]


POWERED_BY_HEAD = (
    "Harbour Weekly\n\n[ ] search\n\n{credit}\n\n[header_rule]\nHome > Topics > Islands\n\n"
    "Night ferries return to the islands\n\nReuters\n\nPublished: Sunday, March 1, 2020\n\n"
    + "\n\n".join(DATE_ONLY_IN_THE_FOOTER.split("\n\n")[2:7])
)


@pytest.mark.parametrize("credit", ["Powered by Google", "Powered by WordPress"])
def test_a_search_box_s_or_blog_engine_s_credit_is_no_headline(credit: str) -> None:
    """ "Powered by Google" between a search box and the breadcrumb, over a headline that has an agency, not a
    byline, under it: a credit, not the headline."""
    reading = read_generic(POWERED_BY_HEAD.format(credit=credit))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Night ferries return to the islands"


def test_an_image_alt_text_over_its_caption_is_no_headline() -> None:
    """An image's alt text right over its caption, which starts with it and goes on ("Two ferries" then
    "Two ferries at the quay on ..."), is no headline, even short against a long headline."""
    alt = "The two night ferries"
    page = HEAD_WITH_A_STANDFIRST.format(above="Islands", headline=HEADLINE).replace(
        "March 2, 2020\n\n", f"March 2, 2020\n\n{alt}\n{alt} at the quay of the northern islands on Saturday night\n\n"
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == HEADLINE


@pytest.mark.parametrize(("end", "wins"), [("the U.S.", True), ("the harbour.", False)])
def test_a_headline_ending_in_an_abbreviation_is_no_sentence(end: str, wins: bool) -> None:
    """ "U.S." ends the headline with a dot that ends no sentence; a sentence's full stop costs a line its
    chance (a short line above wins)."""
    headline = f"Seals Return to the Sandbank as Wardens Count Them on the Coast of {end}"
    page = seal_page("Harbour Weekly", "Weekdays 4p et", headline, "Published 3 May 2021")
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == (headline if wins else "Weekdays 4p et")


ISLAND_HEADLINE = "From ferries to footpaths, this is what the islanders think of their new timetable"


@pytest.mark.parametrize(
    ("kicker", "title"),
    [
        ("World news", ISLAND_HEADLINE),
        ("Travel", ISLAND_HEADLINE),
        ("Health & Medicine", ISLAND_HEADLINE),  # two words joined: a kicker still
        ("Arts and Entertainment", ISLAND_HEADLINE),
        ("Ferry Timetables Today", None),
    ],
)
def test_a_kicker_over_its_headline_is_no_headline(kicker: str, title: str | None) -> None:
    """A word or two over the date and a long headline are the kicker (the section's label), not the headline,
    and `explain` says so (two words joined by "&" or "and" too); three words are a headline of their own."""
    reading = read_generic(seal_page("Harbour Weekly", kicker, "3 May 2021", ISLAND_HEADLINE))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == (title or kicker)
    page = reading.classified
    rule = next(rule for line, rule in zip(page.lines, page.rules, strict=True) if line.text == reading.fields["title"])
    assert ("kicker" in rule) is (title is not None)


QUESTION_HEADLINE = (
    "Night Ferries Return to the Northern Islands? The Captain Explains Why the Crossings Took So Long: "
    "‘We Waited for the Ships’"
)


def test_a_long_headline_in_title_case_that_opens_the_region_is_no_sentence() -> None:
    """A headline of 21 words that ends as a sentence would ("?", a quote) and opens the article's region is
    still a headline when its words are capitalised: not a newsletter's pitch above it."""
    page = DATE_ONLY_IN_THE_FOOTER.replace(
        "Harbour Weekly\n\nNight ferries return to the northern islands\n\n",
        f"Harbour Weekly\n\nNever miss a story: the harbour news in your inbox\n\nSubscribe\n\n{QUESTION_HEADLINE}\n\n"
        "By Jane Doe\n\n",
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == QUESTION_HEADLINE
    assert reading.fields["authors"] == ["Jane Doe"]


@pytest.mark.parametrize("again", [True, False])
def test_a_count_after_the_headline_is_left_out_when_the_page_prints_it_without(again: bool) -> None:
    """A forum prints its comment count on the headline's line ("Steve Jobs' Yacht Revealed 40"), and the
    headline alone further down; a page that never prints it without the number keeps it (a model's number)."""
    footer = ["  • Home\n  • News", "Seals return to the sandbank"] if again else ["  • Home\n  • News"]
    page = seal_page(
        "Harbour Weekly",
        "Seals return to the sandbank 40",
        "Posted by Ada Moss on Tuesday July 24, @12:06PM",
        paragraphs=[*SEAL_PARAGRAPHS, *footer],
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == ("Seals return to the sandbank" if again else "Seals return to the sandbank 40")


@pytest.mark.parametrize(
    "head",
    [
        ("Harbour Weekly", "Seals return to the sandbank", "Key points of the report:", "By Ada Moss"),
        ("Seals return to the sandbank", "Summary of the wardens' count:", "July 21, 2021"),
    ],
)
def test_a_line_ending_with_a_colon_is_no_headline(head: tuple[str, ...]) -> None:
    """A label over what follows ("Key points:", "Leitsätze des Gerichts:") opens a list or a quote; none of
    the development sets' headlines ends so."""
    reading = read_generic(seal_page(*head))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank"


@pytest.mark.parametrize("length", ["VIDEO3:4903:49", "Video: 2:15", "Watch 1:02"])
def test_a_video_s_title_under_its_length_is_no_headline(length: str) -> None:
    """A video player between the head and the article: its title, under its label and length, names what the lead
    tells as a headline does; it is not the article's headline."""
    video = "Wardens count the seals back on the sandbank"
    page = seal_page(
        "Harbour Weekly",
        "Seals come back to the harbour mouth after a decade away",
        "Published Tue, May 4 2021 10:32 AM",
        length,
        video,
        "Morning Report",
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals come back to the harbour mouth after a decade away"


def test_a_headline_over_its_author_s_name_over_the_date() -> None:
    """The headline, the author's name alone (an avatar's alt text, then the name), a "Follow" button and the date
    line: the name is the author's, which the head reads only once the headline is known, and it marks the line
    over it as the headline, rather than a subheading that opens the article."""
    page = seal_page(
        "Harbour Notes",
        "Counting seals on the sandbank at dawn, with the wardens",
        "Jane Doe\nJane Doe\nFollow\nMay 4, 2021 · 8 min read",
        "Why do the seals come back?",
    )
    reading = read_page(page)
    assert reading.fields["title"] == "Counting seals on the sandbank at dawn, with the wardens"
    assert reading.fields["authors"] == ["Jane Doe"]


def test_a_blog_s_name_over_its_tagline_does_not_mark_the_line_over_it_as_the_headline() -> None:
    """A blog's name ("Real Time Brussels", capitalised words, as a name is) over its tagline, a sentence of prose,
    over its search box and the date: not an author's name over the date, so the blog's motto over it is not taken
    for a headline over its byline. The headline is the one under the date."""
    page = seal_page(
        "Harbour Blogs",
        "Daily notes and analysis from the Harbour Weekly",
        "Real Time Brussels",
        "Insight and analysis from the Harbour Weekly team in the islands",
        "Search Real Time Brussels [Search Real Time Brussels ] [SEARCH]",
        "May 4, 2021, 10:58 AM",
        "Seal’s Return Counted by Wardens at Dawn",
    )
    assert read_page(page).fields["title"] == "Seal’s Return Counted by Wardens at Dawn"


def test_a_name_with_its_handle_under_the_headline_is_the_byline() -> None:
    """A name and its handle ("Jane Doe, @janedoe") over the date: the author's, not a headline over the date,
    though the lead names her."""
    lead = (
        "Jane Doe counts the seals that came back to the sandbank off the harbour mouth this spring, with the wardens."
    )
    page = seal_page(
        "Harbour Notes",
        "Counting seals on the sandbank at dawn, with the wardens",
        "Jane Doe, @janedoe",
        "12:40 PM on 05/04/2021",
        paragraphs=[lead, *SEAL_PARAGRAPHS],
    )
    assert read_page(page).fields["title"] == "Counting seals on the sandbank at dawn, with the wardens"


@pytest.mark.parametrize(
    "over",
    [
        "The wardens on the sandbank at low tide on Tuesday © Harbour Press Foto: Jane Roe",  # a photo's caption
        "Home | News | Sport | Islands | Weather | Travel | Jobs | Homes | Cars",  # a menu a pipe parts
    ],
)
def test_a_longer_credit_or_menu_over_the_headline_is_not_taken_for_a_headline_over_a_standfirst(over: str) -> None:
    """An image's caption with its credit ("© …", "Foto: …") or a section menu, longer than the headline under it,
    over the byline: the headline is no standfirst, and the line over it is not taken for the headline."""
    headline = "Forty seals are back on the sandbank off the harbour mouth"
    reading = read_generic(seal_page("Harbour Weekly", over, headline, "By Ann Lee"))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == headline


@pytest.mark.parametrize(("bullet", "title"), [("", "headline"), ("  • ", "teaser")])
def test_a_line_whose_only_copy_is_its_neighbour_is_not_printed_twice(bullet: str, title: str) -> None:
    """A teaser printed twice, one copy right under the other (a carousel's item for two screens), is not a line
    the page prints twice as it does a headline; the last item of a breadcrumb right over a line is that line's
    copy, and counts."""
    teaser = "Ferries: will the new ships keep the crossings running all winter"
    headline = "A breath of fresh air: the seals the harbour thought it had lost for good are back"
    page = seal_page("Harbour Weekly", f"{bullet}{teaser}\n{teaser}", headline)
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == {"headline": headline, "teaser": teaser}[title]


# A narrow column: the lead's lines wrap every few words, each too short to read as prose.
COLUMN_HEAD = """Harbour Weekly

  * Home         *    Nature
          Regional news     Harbour Weekly * Nature Article
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
{over}
    Seals return to the sandbank
    16:10, Jan 8 2008

"""
COLUMN_LEAD = """    Forty seals have come back at last to the
    sandbank off the harbour mouth, years after
    the storm closed it.

    A count of the young was made by the wardens with
    Harbour Trust volunteers, and the boat owners have also been asked to keep well away from the sandbank.

    The sandbank was closed to visitors last year, and
    the wardens believe the quiet brought the seals back
    to the harbour mouth, where they were common until the storm moved the sand further out to sea.
"""


@pytest.mark.parametrize(
    "over",
    [
        "  *",  # a list's empty item: a blank line's sign, not a line the headline runs on from
        # ...and a breadcrumb over it whose links a star parts, which the page prints twice: no headline
        "  *    Nature\n    *\n    Harbour Weekly * Nature Article\n\n",
    ],
)
def test_a_sign_alone_over_the_headline_sets_it_apart_as_a_blank_line(over: str) -> None:
    """The headline under a sign alone, its date right under it, over a lead that a narrow column wraps: the
    headline, not the lead's first line (the region's first line, under a date)."""
    reading = read_generic(COLUMN_HEAD.format(over=over) + COLUMN_LEAD)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Shutterstock_111999368 Seals return to the sandbank", "Seals return to the sandbank"),
        ("New%20design%206 Seals return to the sandbank", "Seals return to the sandbank"),
        ("Python_3 Seals", "Python_3 Seals"),  # a headline keeps two words at least
        ("Seals_and_terns return to the sandbank", "Seals_and_terns return to the sandbank"),  # no digit: a word
        # after it, each in brackets
        ("Seals return to the sandbank [brands5c9b]", "Seals return to the sandbank"),
        ("Seals return to the sandbank [20080114_1][20080114_0]", "Seals return to the sandbank"),
        ("Seals return to the sandbank ━━━━━━━━  [imgtop-bm]   *", "Seals return to the sandbank"),  # a rule, a mark
        ("Seals return to the sandbank [Video]", "Seals return to the sandbank [Video]"),  # the site's label
        ("Seals return to the sandbank [guest post]", "Seals return to the sandbank [guest post]"),
    ],
)
def test_an_image_s_file_name_on_the_headline_s_line_is_no_part_of_it(line: str, title: str) -> None:
    """A linked image with no alt text, which a text browser prints as its file name on the headline's line: before
    it, or after it in brackets."""
    reading = read_generic(seal_page("Harbour Weekly", line, "By Jane Doe\nMarch 2, 2020"))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("* Seals return to the sandbank", "Seals return to the sandbank"),  # a nested list's bullet
        ("_ Seals return to the sandbank _", "Seals return to the sandbank"),  # a linked image with no alt text
        ("Seals return to the sandbank *", "Seals return to the sandbank"),
        ("Seals return to the *sandbank*", "Seals return to the *sandbank*"),  # a sign against a word is the text's
    ],
)
def test_a_mark_alone_before_or_after_the_headline_is_no_part_of_it(line: str, title: str) -> None:
    """w3m prints a nested list's bullet as "*" and a linked image with no alt text as "_", apart from the text."""
    reading = read_generic(seal_page("Harbour Weekly", line, "By Jane Doe\nMarch 2, 2020"))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == title
