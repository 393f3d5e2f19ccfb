"""The generic reader's head on small pages of one layout: the headline against a standfirst, a photo credit,
an image's title, a kicker, a head inside the region, labelled dates. Bylines: test_generic_head_bylines.py;
dates outside the head and in pieces: test_generic_head_dates.py."""

from __future__ import annotations

from datetime import datetime

import pytest

from builder.extract.generic.head import HEAD_LINES
from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import DATE_ONLY_IN_THE_FOOTER, SEAL_PARAGRAPHS, seal_page

# A photo's caption with its credit, the headline, then a standfirst of a sentence's length and the byline.
STANDFIRST_UNDER_THE_HEADLINE = seal_page(
    "Harbour Weekly",
    "Seal warden Ada Moss on the sandbank. Photograph: Tom Reed for Harbour Weekly",
    "Seals return to the sandbank",
    "The wardens believe the quiet of a closed sandbank brought the seals home to the harbour mouth",
    "By Ada Moss",
)
# The headline, then a photo's caption and credit over the byline.
PHOTO_CREDIT_OVER_THE_BYLINE = seal_page(
    "Harbour Weekly",
    "Seals return to the sandbank",
    "Seals on the sandbank at low tide. Photograph: Tom Reed",
    "By Ada Moss",
)


# A linked image under the headline: its alt text and its link's text, glued, as the renderer prints them.
LINKED_IMAGE_UNDER_THE_HEADLINE = seal_page(
    "Harbour Weekly",
    "Seals return to the sandbank",
    "Seal Watching ToursSeal Watching Tours",
    "By Ada Moss",
)

# An image's alt text over its caption, which repeats it with the photo's credit, under the head.
ALT_TEXT_OVER_A_CREDITED_CAPTION = seal_page(
    "Harbour Weekly",
    "Seals return to the sandbank",
    "By Ada Moss",
    "Published 3 May 2021",
    "Warden Ada Moss, head of the seal count",
    "Warden Ada Moss, head of the seal count Crédits photo : Tom Reed",
)

# The author's name alone over the byline (an author card's caption): the byline's name is no headline.
AUTHOR_NAME_OVER_THE_BYLINE = seal_page("Seals return to the sandbank", "Ada Moss", "By Ada Moss")


@pytest.mark.parametrize(
    "page",
    [
        STANDFIRST_UNDER_THE_HEADLINE,
        PHOTO_CREDIT_OVER_THE_BYLINE,
        LINKED_IMAGE_UNDER_THE_HEADLINE,
        AUTHOR_NAME_OVER_THE_BYLINE,
        ALT_TEXT_OVER_A_CREDITED_CAPTION,
    ],
)
def test_the_headline_wins_over_a_standfirst_a_photo_credit_a_linked_image_a_name_and_an_alt_text(page: str) -> None:
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank"


# A Chinese page: the headline, its date and a share bar, then a photo's caption ending in a full stop (。)
# above the prose: a sentence, no headline.
CJK_CAPTION_UNDER_THE_HEADLINE = "\n\n".join(
    [
        "海港周报",
        "港口海豹重返沙洲",
        "更新时间 2012年12月10日",
        "  • 分享\n  • 打印",
        "沙洲管理员（6/12/2012）",
        "管理员在退潮时数到了四十只海豹。",
        "十年来海豹第一次回到港口外的沙洲，每年春天清点海豹数量的管理员星期二上午表示，这是一个好消息，"
        "他们希望游客和船主在未来几周内保持距离。",
        "去年沙洲对游客关闭，管理员认为正是这份安静让海豹回到了港口，他们计划在明年继续关闭沙洲，"
        "并在岸边设立观察点供游客远距离观看。",
        "船主们表示愿意配合管理员的要求，在幼崽出生的几周内绕道航行，并希望沙洲周围的水域能够在夏天重新开放。",
    ]
)


def test_a_chinese_sentence_ending_in_a_full_stop_is_no_headline() -> None:
    reading = read_generic(CJK_CAPTION_UNDER_THE_HEADLINE + "\n")
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "港口海豹重返沙洲"


# Eight paragraphs of an article, for pages whose head sits inside the prose run.
SEAL_BODY = "\n\n".join(
    f"Paragraph {n}: seals have come back to the sandbank off the harbour mouth for the first time in a decade,"
    " the wardens who count them every spring said on Tuesday morning after their count."
    for n in range(8)
)


# A cookie notice and a sign-in box that read as prose, then the article's head and its prose.
CHROME_PROSE_ABOVE_THE_HEAD = """\
We use cookies and similar technologies to improve your browsing experience and to show you relevant offers.

ACCEPT AND CONTINUE TO SITE

Log in with your Harbour Weekly account to create or edit your profile and to save the articles you like.

Register for a free account

Sign up for a free Harbour Weekly account to customize your newsletters and to comment on our articles.

Register

take the tour

Thank you for supporting Harbour Weekly

Seals return to the sandbank off the harbour mouth

Published Thursday 27 July 2017
By Ada Moss

{body}
"""


def test_a_head_inside_the_region_starts_the_article() -> None:
    """The prose run swallowed the chrome above the headline; a byline and date further in than the first
    lines, under a headline-like line, with most of the prose under them, start the article there."""
    reading = read_generic(CHROME_PROSE_ABOVE_THE_HEAD.format(body=SEAL_BODY))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank off the harbour mouth"
    assert reading.fields["authors"] == ["Ada Moss"]
    assert reading.date is not None and reading.date.local == datetime(2017, 7, 27)
    assert "cookies" not in reading.fields["body"] and reading.fields["body"].startswith("Paragraph 0")


# A blog's sidebar blurb that reads as prose, then the post's date over its title, then the post.
BLURB_ABOVE_A_DATED_POST = """\
Harbour Notes

  • Home
  • About us

Welcome to Harbour Notes, where we bring you the second and third level of analysis of what happens on the coast.

Be it seals, ferries or the new lighthouse, we try to explain the science behind the news of the harbour for you.

Consider a donation if you like what you read here!

Did you know?
We published The Harbour Book in May 2009. With an average of 4.4 stars from our readers, it is still on sale.

[q]

Thursday, July 27, 2017

Seals return to the sandbank off the harbour mouth

{body}
"""


def test_a_date_over_a_headline_inside_the_region_starts_the_article() -> None:
    """A blog prints the post's date over its title: the blurb above them that the prose run swallowed is
    left out, the title and date are the post's."""
    reading = read_generic(BLURB_ABOVE_A_DATED_POST.format(body=SEAL_BODY))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank off the harbour mouth"
    assert reading.date is not None and reading.date.local == datetime(2017, 7, 27)
    assert reading.fields["body"].startswith("Paragraph 0")


# A page's clock above the headline, the article's labelled date under it.
CLOCK_ABOVE_THE_HEADLINE = seal_page(
    "Harbour Weekly",
    "Current DateTime: 08:51:09 23 Sep 2011",
    "Seals return to the sandbank",
    "Published: Wednesday, 21 Sep 2011 | 4:35 PM ET",
)


def test_a_date_labelled_published_wins_over_an_unlabelled_one_above() -> None:
    reading = read_generic(CLOCK_ABOVE_THE_HEADLINE)
    assert isinstance(reading, GenericReading), reading
    assert reading.date is not None and reading.date.local == datetime(2011, 9, 21, 16, 35)


LONG_HEADLINE = "Wardens count forty seals on the sandbank as the harbour mouth stays closed to visitors"


@pytest.mark.parametrize(
    "page",
    [
        # a social handle alone over the date (an author's link)
        seal_page("Harbour Weekly", LONG_HEADLINE, "@adamoss", "3 May 2021"),
        # a hashtag alone, the same
        seal_page("Harbour Weekly", LONG_HEADLINE, "#SealWatch", "3 May 2021"),
        # a menu in capitals under the headline
        seal_page(
            "Harbour Weekly", LONG_HEADLINE, "NEWS PORT WEATHER SPORT OPINION CULTURE PODCASTS VIDEO", "3 May 2021"
        ),
        # a link and a box heading of chrome words (chrome_phrases.json)
        seal_page("Harbour Weekly", LONG_HEADLINE, "Click here for the wardens' seal photographs"),
        seal_page("Harbour Weekly", LONG_HEADLINE, "Connect with us", "3 May 2021"),
    ],
)
def test_a_handle_a_hashtag_a_menu_in_capitals_and_chrome_words_are_no_headline(page: str) -> None:
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == LONG_HEADLINE


PLAYLIST_ITEM = "Video Ad Feedback\n{title}\n0{minute}:29\nNow playing\n- Source: Harbour TV\n"
PLAYLIST_TITLES = [
    "Ferry captain speaks after the first crossing",
    "How the new ships were built in the south",
    "Islanders react to the return of the night ferry",
    "Harbour master explains the winter timetable",
    "Watch the second ship leave the yard",
    "What the inspection found on the old ships",
    "Why the crossings stopped two winters ago",
    "A night on the ferry with the crew",
]
HEAD_OVER_A_PLAYLIST = (
    "Harbour Weekly\n\nNight ferries return to the northern islands\n\nBy Jane Doe and John Roe\n"
    "Updated 4:48 PM EST, Mon March 2, 2020\n\nLink Copied!\n"
    + "".join(PLAYLIST_ITEM.format(title=title, minute=k) for k, title in enumerate(PLAYLIST_TITLES))
    + "\n"
    + "\n\n".join(DATE_ONLY_IN_THE_FOOTER.split("\n\n")[2:7])
)


def test_a_head_far_above_the_prose() -> None:
    """A video playlist between the head and the prose pushes the head out of reach of the lines above the
    prose: the page's first date line above them brings the headline and byline over it."""
    reading = read_generic(HEAD_OVER_A_PLAYLIST)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Night ferries return to the northern islands"
    assert reading.fields["authors"] == ["Jane Doe", "John Roe"]
    assert reading.date is not None and reading.date.local == datetime(2020, 3, 2, 16, 48)


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


def test_a_headline_over_its_agency_over_a_date() -> None:
    """An agency alone under a line ("AP") marks an image's title over its credit, but not over a date line: there
    it is the agency's byline under the headline."""
    page = seal_page(
        "Harbour Weekly", "Search the site", "Wardens count the seals", "AP", "Published: Monday, May 3, 2021"
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Wardens count the seals"


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


@pytest.mark.parametrize(
    ("credit", "title"), [("AP", LONG_HEADLINE), ("Getty Images", LONG_HEADLINE), ("Wardens", None)]
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
    [("World news", ISLAND_HEADLINE), ("Travel", ISLAND_HEADLINE), ("Ferry Timetables Today", None)],
)
def test_a_kicker_over_its_headline_is_no_headline(kicker: str, title: str | None) -> None:
    """A word or two over the date and a long headline are the kicker (the section's label), not the headline,
    and `explain` says so; three words are a headline of their own."""
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
