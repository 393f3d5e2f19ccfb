"""The generic reader's head on small pages of one layout: the headline against a standfirst, a photo credit,
a linked image, a name, chrome words; a head inside the region, a head far above the prose, labelled dates.
The headline against its neighbours (a standfirst, a kicker, credits, captions, datelines):
test_generic_head_neighbours.py. Bylines: test_generic_head_bylines.py; dates outside the head and in pieces:
test_generic_head_dates.py."""

from __future__ import annotations

from datetime import datetime

import pytest

from builder.extract.generic.head_inside import head_inside
from builder.extract.generic.reader import GenericReading, read_generic
from tests.region_pages import ARTICLE
from tests.region_pages import page as _page
from tests.region_pages import scored as _scored
from tests.seal_pages import DATE_ONLY_IN_THE_FOOTER, LONG_HEADLINE, read_page, seal_page

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


# A headline that is one quote, over its standfirst and byline; a list of related stories under the article prints
# both again.
QUOTED_HEADLINE = seal_page(
    "Harbour Weekly",
    "»Die Robben sind zurück auf der Sandbank«",
    "Die Wärter glauben, dass die Ruhe der gesperrten Sandbank die Robben in die Hafeneinfahrt zurückgebracht hat",
    "Von Ada Moss",
) + "\n".join(
    [
        "Ähnliche Artikel",
        "",
        "»Die Robben sind zurück auf der Sandbank«",
        "",
        "Die Wärter glauben, dass die Ruhe der gesperrten Sandbank die Robben in die Hafeneinfahrt zurückgebracht hat",
        "",
    ]
)


def test_a_headline_that_is_one_quote() -> None:
    reading = read_generic(QUOTED_HEADLINE)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "»Die Robben sind zurück auf der Sandbank«"


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


@pytest.mark.parametrize(
    ("between", "passed"),
    [
        (["Link copied", "[ ]"], True),  # a share button's label and a form field
        (["01:46"], False),  # a video's length: the video's title is over it, not the article's headline
    ],
)
def test_a_head_inside_the_region_past_a_share_button(between: list[str], passed: bool) -> None:
    """A region that starts at the standfirst runs over a photo's caption, a share button and a form field to
    the date and byline: the article starts under them, the button and field passed over on the way up to the
    headline. A line with a digit is no button."""
    head = ["It has been a good spring for the seals of the harbour mouth, the wardens say.", "Seals on the sandbank"]
    text = _page(["Seals return to the sandbank"], head, between, ["Dec. 13, 2016, 12:31 PM UTC\nBy Ada Moss"], ARTICLE)
    found = _scored(text)
    start = next(i for i, line in enumerate(found.lines) if line.text == head[0])
    first = next(i for i, line in enumerate(found.lines) if line.text == ARTICLE[0])
    assert (head_inside(found, start, len(found.lines)) == first) is passed


def test_a_headline_under_its_date_far_above_the_prose() -> None:
    """The same playlist under a head that prints its date over its headline: the lines right under that date are
    looked in for the headline too."""
    page = HEAD_OVER_A_PLAYLIST.replace(
        "Night ferries return to the northern islands\n\nBy Jane Doe and John Roe\nUpdated 4:48 PM EST, Mon March 2, 2020",
        "Updated 4:48 PM EST, Mon March 2, 2020\n\nNight ferries return to the northern islands",
    )
    assert page != HEAD_OVER_A_PLAYLIST
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Night ferries return to the northern islands"
    assert reading.date is not None and reading.date.local == datetime(2020, 3, 2, 16, 48)


# A comment form printed between the head and the prose: thirty fields, more lines than the head's window.
COMMENT_FORM_FIELDS = ["Name(required) [          ]", "Email(required) [          ]"] + ["  [          ]"] * 28


def test_a_comment_form_between_the_head_and_the_prose_takes_no_room_of_the_head() -> None:
    """The form's fields are passed over on the way up from the prose: the headline and byline over them are
    the head's."""
    page = seal_page(
        "Harbour Weekly",
        "Seals return to the sandbank",
        "By Ada Moss",
        "\n".join(COMMENT_FORM_FIELDS),
        "Submit",
        "Published 3 May 2021",
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank"
    assert reading.fields["authors"] == ["Ada Moss"]


SENTENCE = "The wardens counted more seals on the sandbank than ever before."
# A headline right under a menu (no blank line over it), then a sentence set apart: the sentence scores higher.
SENTENCE_UNDER_A_HEADLINE = "Harbour Weekly\n  • Islands\n{over}\n\n{under}\n\n" + "\n\n".join(
    DATE_ONLY_IN_THE_FOOTER.split("\n\n")[2:7]
)


@pytest.mark.parametrize(
    ("over", "under", "title"),
    [
        ("Ferries return", SENTENCE, "Ferries return"),  # a sentence under a headline is its standfirst
        ("Ferries return", SENTENCE.rstrip("."), SENTENCE.rstrip(".")),  # no full stop: a headline over a label
        ("Ferries return", SENTENCE.title(), SENTENCE.title()),  # in title case: a headline, full stop or not
        ("Ferries return:", SENTENCE, SENTENCE),  # a label over it
        ("Ferries", SENTENCE, SENTENCE),  # a word over it: a section's name
    ],
)
def test_a_sentence_under_a_headline_is_its_standfirst(over: str, under: str, title: str) -> None:
    """A sentence of a standfirst's length with no byline or date under it, right under a headline-like line
    that is no sentence or label: that line is the headline."""
    reading = read_generic(SENTENCE_UNDER_A_HEADLINE.format(over=over, under=under))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == title


@pytest.mark.parametrize(
    ("count", "title"),
    [
        ("New, 119 comments", "Seals return"),  # the headline, its comment count, a short standfirst, the byline
        ("Harbour news", "A quiet spring"),  # no comment count between them: the standfirst is read as before
    ],
)
def test_a_headline_over_its_comment_count_wins_over_the_standfirst_under_it(count: str, title: str) -> None:
    page = seal_page("Harbour Weekly", "Seals return", count, "A quiet spring", "by Ann Lee Jul 11, 2017, 10:28am EDT")
    assert read_page(page).fields["title"] == title


DECK = "Wardens say a closed year brought the seals back to the harbour"
# A headline right under a menu (no blank line over it), then a longer standfirst over the byline: the standfirst
# scores higher.
DECK_UNDER_A_HEADLINE = "Harbour Weekly\n  • Islands\n{over}\n\n" + seal_page(DECK, "By Ann Lee | July 11, 2017")


@pytest.mark.parametrize(
    ("over", "title"),
    [
        ("Seals return to the sandbank", "Seals return to the sandbank"),  # the headline over a longer standfirst
        ("Harbour news", DECK),  # a section's label over the standfirst
        ("Ferry fares rise for island passengers", DECK),  # a teaser of another story: its words are not the article's
    ],
)
def test_a_headline_over_a_longer_standfirst_wins_where_the_article_takes_up_its_words(over: str, title: str) -> None:
    assert read_page(DECK_UNDER_A_HEADLINE.format(over=over)).fields["title"] == title


def test_a_short_sentence_over_the_date_is_the_standfirst_of_the_headline_over_it() -> None:
    """A sentence of six words or more with the date under it, right under a headline-like line that is no
    sentence: the line over it is the headline (a standfirst under it: "Second storm now threatens ...")."""
    head = "Harbour Weekly\n  • Islands\nSeals return to the sandbank\n\n"
    page = head + seal_page("A second colony now nears the harbour.", "23 Oct 2017 09:58 GMT")
    assert read_page(page).fields["title"] == "Seals return to the sandbank"
