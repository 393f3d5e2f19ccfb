"""Where the generic reader's region ends at a comment section: its heading, count or form, dated comments or
comment heads naming their writers, a post's footer or a bar of links with the comment count; and the lines that
look like a comment's head but are none (a version number, a gallery's timestamps, a sentence opening like a
count). Other ends: test_generic_region_ends.py."""

from __future__ import annotations

import pytest

from builder.extract.generic.chrome import SiteChrome, line_key
from builder.extract.generic.comments import is_comment_bar, is_commenter
from tests.region_pages import ARTICLE, COMMENTS, LONG_ARTICLE, SEQUEL, SIDEBAR
from tests.region_pages import page as _page
from tests.region_pages import region_text as _region_text
from tests.region_pages import scored as _scored
from tests.seal_pages import read_page, seal_page

SHORT_STAMPS = ["Red Bastard 07.09.12 at 08:11", "Anna Berg 07.09.12 at 12:40", "Tom Hale 07.10.12 at 09:02"]
MONTH_STAMPS = ["Red Bastard 07 Nov 12", "Anna Berg 07 Nov 12", "Tom Hale 08 Nov 12"]  # a month's name, no time


@pytest.mark.parametrize(
    "stamps",
    [COMMENTS[0::2], SHORT_STAMPS, MONTH_STAMPS],
    ids=["dated", "two-digit years", "two-digit years under a month's name"],
)
def test_the_region_ends_where_dated_comments_begin(stamps: list[str]) -> None:
    article = ARTICLE + SIDEBAR  # name-and-date lines end only an article of some length
    comments = [line for stamp, text in zip(stamps, COMMENTS[1::2], strict=True) for line in (stamp, text)]
    assert _region_text(_page(article, ["Share"], comments)) == article


def test_a_version_number_is_no_comment_s_time() -> None:
    notes = ["Version 1.2.12 build 10:30", "Version 1.2.13 build 11:45", "Version 1.2.14 build 09:15"]
    lines = [line for note, text in zip(notes, COMMENTS[1::2], strict=True) for line in (note, text)]
    article = ARTICLE + SIDEBAR
    assert _region_text(_page(article, lines)) != article


def test_a_gallery_s_photos_named_by_the_camera_s_clock_are_no_comments() -> None:
    """Rows of photo names ("2012-11-12 12.44.17 2012-11-12 12.43.56") between the article's paragraphs, a row
    over each: the article goes on (a comment's head holds one date, not two or more with nothing else)."""
    rows = [
        "2012-11-12 12.44.17 2012-11-12 12.43.56",
        "2012-11-12 12.43.08 2012-11-12 12.47.15",
        "2012-11-12 12.47.57 2012-11-12 12.48.02",
    ]
    paragraphs = [line for row, text in zip(rows, COMMENTS[1::2], strict=True) for line in (row, text)]
    article = ARTICLE + SIDEBAR
    kept = _region_text(_page(article, paragraphs))
    assert kept[: len(article)] == article
    assert kept[-1] == COMMENTS[-1]


@pytest.mark.parametrize(
    "bar",
    [
        "Tweet Comment 52 comments  |  Add comment  |  6 recs  |",
        "Posted by Karen Eng | Permalink | 6 Comments | Trackback",
        "AuthorBlue Lily Photography | Comment4 Comments | Share ArticleShare Article",  # words glued by w3m
    ],
)
def test_the_region_ends_at_a_bar_of_links_holding_the_comment_count(bar: str) -> None:
    """The comments under the bar read as prose; more teasers' prose follows them."""
    assert _region_text(_page(LONG_ARTICLE, [bar], COMMENTS[1::2], SEQUEL[:3])) == LONG_ARTICLE


def test_a_bar_with_the_comment_count_in_the_head_is_its_byline() -> None:
    """Over the article's first paragraphs it ends nothing ("by ARLnow.com | 80 views | August 9, 2012 | 0 Comments")."""
    head = [
        "Town council votes to reopen the old swimming pool by the river",
        "by Town News | 80 views | August 9, 2012 at 4:35 pm | 0 Comments",
    ]
    assert _region_text(_page(head, LONG_ARTICLE))[-len(LONG_ARTICLE) :] == LONG_ARTICLE


@pytest.mark.parametrize(
    ("line", "bar"),
    [
        ("16 comments | 1 recs", True),
        ("Home | News | Sports", False),  # no count
        ("The party said 5 comments | were made by members of the public at the meeting today", False),  # prose
        ("27 comments", False),  # a count alone (`is_comment_count`)
    ],
)
def test_a_bar_of_links_holds_the_count_as_one_of_its_short_parts(line: str, bar: bool) -> None:
    assert is_comment_bar(line) is bar


@pytest.mark.parametrize(
    "heads",
    [
        ["Red Bastard said,", "Anna Berg says:", "Tom Hale said,"],
        # a forum's heads: the writer's number, and the time with no year
        [
            "by redbastard (543817) writes:",
            "by Anonymous Coward writes:",
            "by tomhale (1814588) writes: on Tuesday July 24, @01:06PM (#40751967)",
        ],
        [  # linked to each writer's site or profile, the link printed before the name
            "  • http://twitter.com/danamac Dana McMahan",
            "  • http://mccooltravel.wordpress.com McCool Travel",
            "  • http://rickyleepotts.com/ rickyleepotts",
        ],
    ],
)
def test_the_region_ends_where_comment_heads_naming_their_writers_begin(heads: list[str]) -> None:
    """ "Anna said," over each comment, three times: a comment section with no dates."""
    comments = [line for head, text in zip(heads, COMMENTS[1::2], strict=True) for line in (head, text)]
    assert _region_text(_page(LONG_ARTICLE, comments, SEQUEL)) == LONG_ARTICLE


@pytest.mark.parametrize(
    ("line", "head"),
    [
        ("Anna Berg says:", True),
        ("by tomhale (1814588) writes: on Tuesday July 24, @01:06PM (#40751967)", True),
        ("As you may recall, Colon writes:", False),  # the article quoting someone
        ("The mayor of the town by the river writes:", False),  # too long for a name
        ("by tomhale writes: the pool was never safe", False),  # the comment's text, not its time
        ("http://twitter.com/danamac Dana McMahan", True),
        ("http://example.com/report is the full report of the harbour board", False),  # a sentence with a link
    ],
)
def test_a_comment_head_names_its_writer_alone_or_over_its_time(line: str, head: bool) -> None:
    assert is_commenter(line) is head


def test_the_region_ends_at_a_comment_count() -> None:
    assert _region_text(_page(ARTICLE, ["27 comments"], COMMENTS[1::2], ARTICLE[:1])) == ARTICLE


@pytest.mark.parametrize(
    "heading",
    [
        "9 comments to The town council reopens the old swimming pool by the river",  # reads as prose
        "One thought on “The town council reopens the old swimming pool”",
        "3 Kommentare zu „Das alte Schwimmbad am Fluss öffnet wieder“",
        "8 appreciated comments on “The town council reopens the old swimming pool”",  # a word before "comments"
    ],
)
def test_the_region_ends_at_a_comment_count_naming_the_article(heading: str) -> None:
    assert _region_text(_page(ARTICLE, [heading], COMMENTS[1::2], ARTICLE[:1])) == ARTICLE


@pytest.mark.parametrize(
    ("footer", "ends"),
    [
        ("Posted on November 8, 2012 at 6:57 AM • 25 Comments", True),
        ("Posted by Ann Lee | November 8, 2012 | 3 comments", True),
        ("Posted on November 8, 2012 at 6:57 AM", False),  # no count: a dateline, the article goes on
        ("Posted in Pools, Council | No Comments »", True),  # a blog theme's default footer, with no date
        ("Posted in Pools, Council | 1 Comment »", True),
        ("Posted in Pools, Council", False),
    ],
)
def test_a_post_footer_ending_with_its_comment_count_ends_even_a_short_article(footer: str, ends: bool) -> None:
    """A blog's footer under each post, its comment count last: the comments follow, each signed under it."""
    after = [ARTICLE[2], "Posted by: Anna Berg at November 8, 2012 7:12 AM", ARTICLE[3]]
    region = _region_text(_page(ARTICLE[:2], [footer], after))
    assert region == (ARTICLE[:2] if ends else [*ARTICLE[:2], footer, *after])


def test_a_sentence_opening_like_a_comment_count_goes_on_with_the_article() -> None:
    sentence = ["One response to the vote was a petition to open the pool on Sundays too, which the council will read."]
    assert _region_text(_page(ARTICLE, sentence, ARTICLE)) == ARTICLE + sentence + ARTICLE


@pytest.mark.parametrize(
    "heading",
    [
        "Reader views (5)",
        "Post a comment",
        "Add your comment",
        "User Comments",
        "Comments are now closed for this story",
    ],
)
def test_the_region_ends_at_a_comment_heading_however_long_the_comments(heading: str) -> None:
    """Readers' comments longer than the article under a comment section's heading: the article ends there."""
    assert _region_text(_page(LONG_ARTICLE, [heading], SEQUEL + SIDEBAR)) == LONG_ARTICLE


def test_a_comment_heading_with_its_count_under_a_share_box_ends_the_article() -> None:
    """A share box under the article ("Share this", its links), then a long comment heading with the count:
    the box is no box inside the article, however long the comments under it."""
    share = ["Share this Post", "  • Twitter\n  • Facebook\n  • Email This"]
    heading = ["Post a Comment 106 Comments and 18 Replies"]
    assert _region_text(_page(ARTICLE + SIDEBAR[:2], share, heading, SIDEBAR[2:] + SEQUEL)) == ARTICLE + SIDEBAR[:2]


def test_the_region_ends_at_a_comment_form() -> None:
    after = ["[ ] Name", "[ ] Email", "[ ] Website", *SIDEBAR]  # comments longer than the article
    assert _region_text(_page(ARTICLE, after)) == ARTICLE


@pytest.mark.parametrize(
    "form",
    [
        [
            "[ ]",
            "Essential news, delivered daily",
            "[ ]Email",
            "Sign upSign up",
            "[ ] We would like to email you offers",
        ],
        ["[ ] Vorname", "[ ] E-Mail-Adresse", "[ ] Ich stimme der Datenschutzerklärung zu", "[Abonnieren]"],
    ],
)
def test_a_newsletter_form_between_the_paragraphs_is_no_comment_form(form: list[str]) -> None:
    """A newsletter's form among the article's paragraphs (an e-mail address, a box to tick, a button) asks
    nothing a comment form asks besides the address: the article goes on under it."""
    region = _region_text(_page(LONG_ARTICLE, form, SEQUEL))
    assert region[: len(LONG_ARTICLE)] == LONG_ARTICLE and region[-len(SEQUEL) :] == SEQUEL


def test_a_comment_form_the_site_corpus_made_chrome_still_ends_the_article() -> None:
    """Every dump of the site shows the form: its lines carry the corpus's rule, and still open the comments."""
    form = ["[ ] Name", "[ ] Email", "[ ] Website"]
    chrome = SiteChrome("site 1", 5, {line_key(text): 5 for text in form})
    scored = _scored(_page(ARTICLE, form, SIDEBAR), chrome)
    assert any(rule.startswith("repeated in 5 of 5") for rule in scored.chrome_rules.values())
    assert _region_text(_page(ARTICLE, form, SIDEBAR), chrome) == ARTICLE


HOUSE_RULES = [
    " 1. We welcome reader comments on the top stories of the day; some may be printed in the newspaper too.",
    " 2. Please understand that comments are moderated and that we cannot always publish all that we receive.",
    " 3. We ask that comments are civil and free of hateful material, and that they stick to the topic.",
]


@pytest.mark.parametrize("heading", ["HOUSE RULES", "Comment policy", "Community Guidelines", "Netiquette"])
def test_the_article_ends_at_the_rules_of_the_comments(heading: str) -> None:
    page = _page(["Pool to reopen next summer"], LONG_ARTICLE, [heading], ["\n".join(HOUSE_RULES)])
    assert read_page(page).fields["body"] == "\n\n".join(LONG_ARTICLE)


@pytest.mark.parametrize("date", ["Oct. 23 07:45 pm JST", "October 23, 2017 07:45 pm JST"])
def test_a_comment_count_under_the_head_s_date_of_no_year_opens_no_comments(date: str) -> None:
    """The headline, its date (with or without its year), the comment count's link, a dateline: the article
    follows, not its comments."""
    page = seal_page(
        "Harbour Weekly", "Seals return to the sandbank off the harbour mouth", f"{date}\n8 Comments\nHARBOUR"
    )
    assert read_page(page).fields["body"].startswith("Seals have come back")
