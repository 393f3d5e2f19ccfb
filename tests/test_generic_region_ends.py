"""Where the generic reader's region ends: the markers of an end (headings, comment counts), an end heading over
a box of teasers or running into the comments, a blog post's footer, the next page's link; and what goes on with
the article though it looks like an end (embedded posts, a lower-case "comments" link). Comment sections:
test_generic_region_comments.py; tags: test_generic_region_tags.py."""

from __future__ import annotations

import pytest

from builder.extract.generic.markers import is_comment_count, is_comment_heading, is_end_heading
from builder.extract.generic.reader import GenericReading, read_generic
from tests.region_pages import ARTICLE, COMMENTS, JA_ARTICLE, LONG_ARTICLE, MENU, SEQUEL, SIDEBAR
from tests.region_pages import page as _page
from tests.region_pages import region_text as _region_text


def test_end_heading_and_comment_count_markers() -> None:
    assert is_end_heading("【関連記事】", 1)
    assert is_end_heading("■ Related articles", 3)
    assert is_end_heading("Partager cet article /", 3) and is_end_heading("Article précédent", 2)
    assert is_end_heading("Explore further", 2)
    assert is_end_heading("Other Recent Articles...", 3) and is_end_heading("More headline news...", 3)
    assert is_end_heading("Also In The News", 4) and not is_end_heading("Recent developments", 2)
    assert is_end_heading("Next: LOOKING AT IOWA FROM AFAR", 6) and not is_end_heading("Next week the vote", 4)
    assert is_end_heading("Nach oben", 2) and is_end_heading("Más sobre Conflicto mapuche", 4)
    assert is_end_heading("Next Up In MLB", 4) and not is_end_heading("Next, upload the file", 4)
    assert is_end_heading("More in Health & Fitness", 4) and is_end_heading("More on Ukraine", 3)
    assert not is_end_heading("Moreover, the wardens said", 4)  # whole words
    assert is_comment_heading("Écrire un commentaire")
    # whole words: a subheading that opens with "Comment..." or "Related..." goes on with the article
    assert is_end_heading("Comments (12)", 2) and is_comment_heading("Comments")
    assert not is_end_heading("Commentary on Python 3", 4) and not is_comment_heading("Commentary on Python 3")
    assert not is_end_heading("Relatedness and kinship", 3)
    assert not is_end_heading("Comments from the minister were closed to the press", 9)  # a notice, not a sentence
    assert is_end_heading("Post a Comment 106 Comments and 18 Replies", 8)  # a long heading with the count
    assert not is_end_heading("Comments by the mayor drew 106 replies from readers", 9)
    assert is_end_heading("Also on HuffPost:", 3)
    assert is_end_heading("TrackBack", 1) and is_end_heading("Trackbacks/Pingbacks", 1)  # links from other blogs
    assert is_end_heading("関連記事一覧", 1)  # a script with no spaces needs no word end
    assert is_end_heading("Teilen Sie dies mit:", 4) and is_end_heading(
        "Die meistgelesenen Artikel", 3
    )  # WordPress, SWR
    assert (
        is_end_heading("Meist gelesen", 2) and is_end_heading("Mehr Themen:", 2) and is_end_heading("Otras Noticias", 2)
    )
    assert is_end_heading("Gefällt mir:", 2)  # WordPress's German "Like this:", over its like button
    assert is_end_heading("Like this:", 2) and is_end_heading("Me gusta esto:", 3)  # and its English and Spanish
    assert is_comment_count("27 commentaires") and is_comment_count("(3 Comments)")
    assert is_comment_heading("Réagir") and is_end_heading("Réagir", 1) and is_comment_count("10 réactions")
    assert not is_comment_count("27 people came") and not is_comment_count("Comments")
    assert is_comment_count("New, 119 comments") and not is_comment_count("News 3 comments")
    # a count opening an invitation to read them (a blog theme's default), not a sentence that opens with one
    assert is_comment_count("{ 18 comments… read them below or add one }") and is_comment_count("{ 0 comments... }")
    assert is_comment_count("4 Comments Leave a comment") and is_comment_count("12 comments | Add your reply")
    assert not is_comment_count("4 comments leave the council unmoved")
    assert not is_comment_count("12 comments about the new law were read out.")
    assert is_comment_count("See all 104 Comments") and not is_comment_count("See all 104 photos")


def test_a_related_box_running_into_the_comments_ends_the_article() -> None:
    """ "Related posts:" over two teasers, then the comment count and the comments, longer than the article:
    the box is no box inside the article (the comments under it are not the article going on)."""
    related = ["Related posts:", "The library opens on Sundays", "A new bridge over the river"]
    count = ["{ 3 comments… read them below or add one }"]
    assert _region_text(_page(ARTICLE, related, count, COMMENTS[1::2] + SIDEBAR)) == ARTICLE


ENTRY_FOOTER = (
    "This entry was posted on Monday, November 5th, 2012 at 11:18 am and is filed under Town, Pools. You can "
    "follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback."
)


@pytest.mark.parametrize(
    ("footer", "ends"),
    [
        ("Posted by Anna Berg on November 05, 2012 at 01:14 PM in Town, Pools | Permalink | Comments (3)", True),
        ("Posted by Anna Berg at 12:32 PM", True),  # Blogger's: the date is printed over the post
        ("Posted by Anna Berg on November 07, 2012 at 08:33 AM | Permalink", True),
        ("[6a0] Posted by Anna Berg on November 07, 2012 in Town, Pools | Permalink", True),  # her picture first
        ("Posted by Anna Berg on November 07, 2012 | Permalink | Comments (3)", True),
        ("[Pool roof] Posted by the council in 2012, the plan was read by the whole town.", False),
        ("Posted by Anna Berg at 12:32 PM, when the pool was still closed, and read by the whole town.", False),
        ("Posted at 08:18 AM in Town, Pools | Permalink", True),  # TypePad's: the date is printed over the post
        ("Posted at 8:18 in the morning, the notice was read by the whole town before noon.", False),
        (ENTRY_FOOTER, True),
        ("This entry was posted in Town, Pools. Bookmark the permalink.", True),
        ("Dieser Beitrag wurde am 05.11.2012 von Anna Berg in Stadt, Bäder veröffentlicht.", True),
        ("Dieser Eintrag wurde veröffentlicht in Stadt, Bäder und verschlagwortet mit Hallenbad.", True),
        ("Dieser Beitrag wurde unter Stadt abgelegt und mit Hallenbad verschlagwortet.", True),
        # a print view's footer is none: the page's address, over no comments
        ("Dieser Artikel wurde ausgedruckt unter der Adresse: www.example.org/stadt/hallenbad", False),
    ],
)
def test_a_blog_post_s_footer_ends_the_article(footer: str, ends: bool) -> None:
    """ "Posted by … on <date> in <categories>", "Posted by … at <time>" or "This entry was posted …" under
    the post (a blog engine's footer): the trackbacks and comments under it are not the article. The same
    line over a short post's first paragraph opens it; a sentence that opens so goes on with the article."""
    region = _region_text(_page(LONG_ARTICLE, [footer], SEQUEL))
    assert region == (LONG_ARTICLE if ends else [*LONG_ARTICLE, footer, *SEQUEL])
    assert _region_text(_page([footer], ARTICLE))[-1] == ARTICLE[-1]


@pytest.mark.parametrize(
    "footer",
    [
        "Posted at 08:18 AM in Town, Pools | Permalink",
        "Posted by Anna Berg on November 05, 2012 at 01:14 PM in Town, Pools | Permalink",
    ],
)
def test_a_blog_post_s_footer_ends_a_one_paragraph_post(footer: str) -> None:
    """A one-paragraph post over its footer, then the post quoted again among its share links: so little prose
    above the footer that a heading there might be a link in the head, but a footer with its permalink never is."""
    shares = ["Reblog (0) | | | | Pin It! | | Digg This | Save to del.icio.us"]
    region = _region_text(_page(ARTICLE[:1], [footer], shares, ["Comments"], ARTICLE[:1], MENU))
    assert region == ARTICLE[:1]


def test_a_byline_like_a_footer_under_the_standfirst_goes_on_with_the_article() -> None:
    """A standfirst, then the byline with the post's date and categories ("Posted by … on <date> in …", as a
    footer reads, but with no permalink), then the article: after one paragraph only a footer's permalink ends
    the post."""
    byline = "Posted by Anna Berg on November 05, 2012 in Town, Pools"
    region = _region_text(_page(ARTICLE[:1], [byline], ARTICLE[1:], SIDEBAR[:2]))
    assert ARTICLE[0] in region and ARTICLE[-1] in region


def test_a_blog_engine_s_long_footer_is_no_prose_of_its_own() -> None:
    """WordPress's footer under a one-paragraph post reads as a long sentence, longer than the post: it is
    chrome, so the post is the article, not the footer."""
    assert _region_text(_page(ARTICLE[:1], [ENTRY_FOOTER], ["Leave a Reply"], MENU)) == ARTICLE[:1]


@pytest.mark.parametrize(
    "heading",
    [
        "Themen in diesem Artikel",
        "Lire aussi",
        "Leggi anche",
        "Lees ook",
        "По теме",
        "Top stories",
        "Veja também",
        "Sponsored Links",
        "From our partners",
        "Zum Weiterlesen:",
        "Markiert mit",
        "Noch mehr Infos für dich",
        "Vorschau auf den nächsten Artikel",
        "Informate más",
        "Contexto de la Noticia",
        "Teile diesen Beitrag",
        "Teile diesen Artikel",
        "Zusatzinformationen",
        "Mehr Nachrichten",
        "Weitere Nachrichten",
        "Weitere News",
        "Verwandte Artikel",
        "Passend zum Thema",
        "Aktuelle Beiträge",
        "Czytaj także",
        "Najczęściej czytane",
        "Sur le même thème",
    ],
)
def test_a_box_of_teasers_under_an_end_heading_of_many_languages_ends_the_article(heading: str) -> None:
    """Teasers printed as one block, each an image's caption over its headline (as a German magazine prints
    them): part of the article's run, were the heading over them not an end heading."""
    teasers = [
        "\n".join(
            f"  • The harbour master on the old quay number {n} in the spring\n"
            f"Harbour: the old quay number {n} reopens after the first inspection"
            for n in range(1, 5)
        )
    ]
    assert _region_text(_page(ARTICLE, [heading], teasers, MENU)) == ARTICLE


@pytest.mark.parametrize(
    "heading", ["【注目の記事】", "関連ニュース", "アクセスランキング", "最新ニュース", "あわせて読みたい", "相关阅读"]
)
def test_a_box_under_an_end_heading_of_a_script_without_spaces_ends_the_article(heading: str) -> None:
    """Japanese and Chinese sites head their boxes of other stories so ("関連ニュース": related news): a story's
    summary reads as a sentence, which would go on with the article's run were the heading none."""
    teasers = [f"湖畔の町で{n}番目の図書館が来年の春に開館することが決まった。" for n in range(1, 3)]
    assert _region_text(_page(JA_ARTICLE, [heading], teasers, MENU)) == JA_ARTICLE


@pytest.mark.parametrize("dash_alone", [False, True])
def test_embedded_posts_inside_the_article_are_no_comment_section(dash_alone: bool) -> None:
    """Three embedded posts between paragraphs, each signed "— Name (@handle) date" (or the dash on a line of
    its own, the signature under it): short dated lines close together, as comments' name-and-date lines are,
    but the article goes on under them."""
    posts = []
    for k, (name, handle) in enumerate((("Ann Lee", "annlee"), ("Bo Chan", "bochan"), ("Cy Diaz", "cydiaz"))):
        signature = f"{name} (@{handle}) July {k + 10}, 2018"
        posts += [
            [f"The old pool was the best place in town to spend a summer afternoon, said {name} {k}."],
            ["—", signature] if dash_alone else [f"— {signature}"],
        ]
    region = _region_text(_page(LONG_ARTICLE, *posts, SEQUEL[:4]))
    assert region[0] == LONG_ARTICLE[0] and region[-1] == SEQUEL[3]


def test_a_comments_link_under_the_first_line_is_no_heading_and_the_article_goes_on() -> None:
    """ "Comments: 18" right under the article's first line (a link to them, in the head's bar), the rest of the
    article under it: too little prose above it for the comments to start there."""
    region = _region_text(_page(ARTICLE[:1], ["Comments: 18"], ARTICLE[1:] + SIDEBAR))
    assert region[-1] == SIDEBAR[-1]


@pytest.mark.parametrize(
    ("meta", "goes_on"),
    [("November 13, 2012 by Heather", True), ("By Heather Lynne", True), ("Celebrate the seasons", False)],
)
def test_a_comment_count_under_the_article_s_date_or_byline_is_a_link_in_its_head(meta: str, goes_on: bool) -> None:
    """A breadcrumb that reads as prose opens the region, then the headline, its date and "13 Comments" (a
    link in the head), then the article: the article goes on. Under a line with neither date nor byline, the
    count still ends the region."""
    crumbs = ["You are here: Home / Celebrate the Seasons / Babies / Baby Showers / How to make a ribbon ball"]
    head = ["How to Make a Ribbon Balloon!", meta, "13 Comments"]
    region = _region_text(_page(crumbs, head, LONG_ARTICLE))
    assert (region[-1] == LONG_ARTICLE[-1]) is goes_on


@pytest.mark.parametrize(
    ("heading", "ends"),
    [
        ("Also on Harbour Weekly:", True),
        ("Related on Harbour Weekly:", True),
        ("Elsewhere on Harbour Weekly", True),
        ("More from Harbour Weekly", True),
        ("More Harbour Weekly headlines »", True),
        ("Next page ›", True),
        ("Nächste Seite", True),
        ("Related", False),
    ],
)
def test_a_heading_of_the_site_s_other_pages_ends_the_article_over_a_longer_gallery(heading: str, ends: bool) -> None:
    """ "Also on HuffPost:", "Related on HuffPost:", "More from WIRED", "More Manitoba headlines »" or "Next page ›"
    over a gallery whose captions (or teasers) run longer than the article: the site's other pages (or the article's
    next), never a box inside the article. "Related" over as much prose opens a box, and the article goes on."""
    gallery = [f"{sentence.replace('.', '')}, in a photograph of the {n}th day." for n, sentence in enumerate(SEQUEL)]
    region = _region_text(_page(LONG_ARTICLE, [heading], gallery))
    assert (region[-1] == LONG_ARTICLE[-1]) is ends


def test_a_comments_link_in_lower_case_is_no_heading_and_the_article_goes_on() -> None:
    """A button "comments" in lower case under the first paragraph, the article's rest under it: a link to
    the comments, not their heading; "Comments" as a heading still ends the article there."""
    assert _region_text(_page(ARTICLE[:2], ["comments"], ARTICLE[2:] + SIDEBAR))[-1] == SIDEBAR[-1]
    assert _region_text(_page(ARTICLE + SIDEBAR, ["Comments"], SEQUEL))[-1] == SIDEBAR[-1]


ONE_LINE_COMMENTS = [
    "Does it come with the wig?",
    "That is one of the worst things I have ever seen in a shop window, hands down.",
    "So basically this is like a music player that I get to flick into working?",
    "I thought that it was really the guitarist of the band when I saw the video first.",
    "Why would anyone want to wear a belt that plays the same five songs every day?",
    "I would buy one for my brother, he has been playing the air guitar since he was six.",
    "Shouldn't the headline say that it shreds rather than that it rocks along with you?",
    "The speaker in the belt pack is too small to be heard over the noise of a party.",
]


def test_one_sentence_comments_under_rules_are_the_comments_not_the_article() -> None:
    # Each comment is its name-and-time line, one sentence, and a rule: the comments outweigh a short
    # article, and no line of theirs scores as a paragraph of prose.
    comments = [
        line
        for k, text in enumerate(ONE_LINE_COMMENTS)
        for line in (f"Image of reader{k} BY READER{k} AT 01/08/08 05:{30 + k} PM", text, "", "━" * 40)
    ]
    text = "\n\n".join(["Otter sightings rise on the river", "\n\n".join(ARTICLE), "Comments", "\n".join(comments)])
    reading = read_generic(text + "\n")
    assert isinstance(reading, GenericReading)
    assert reading.fields["body"] == "\n\n".join(ARTICLE)


@pytest.mark.parametrize("link", ["Next Page »", "Nächste Seite", "Page suivante →"])
def test_a_link_to_the_article_s_next_page_ends_it(link: str) -> None:
    """The article's first page, its page numbers and a link to the next one, then a correction notice and a
    footer's prose: the dump holds the first page only, and what follows the link is chrome."""
    pages = ["\n".join(["  • 1", "  • 2"]), link]
    footer = [
        "This article has been revised to reflect the following correction made on the day after it appeared.",
        "A version of this article appeared in print on Tuesday, on page three of the weekly edition of the paper.",
    ]
    assert _region_text(_page(LONG_ARTICLE, pages, footer)) == LONG_ARTICLE


def test_signs_over_an_end_heading_stay_with_the_article() -> None:
    """Only page numbers over an end heading are cut with it: a section mark ("###") is the article's last line,
    so that a date under the article is looked for as far down as before."""
    region = _region_text(_page(LONG_ARTICLE, ["###"], ["Related and Suggested:"], SIDEBAR[:2]))
    assert region == [*LONG_ARTICLE, "###"]


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("One Comment", True),  # a blog's count over its only comment, in words
        ("Ein Kommentar", True),
        ("Keine Kommentare", True),
        ("No Comments", True),
        ("Un commentaire", True),
        ("One comment, the mayor said, was enough.", False),
        ("Bone comments", False),  # the word, not a part of one
    ],
)
def test_a_count_of_comments_in_words(line: str, count: bool) -> None:
    assert is_comment_count(line) is count


@pytest.mark.parametrize(
    "heading", ["Article Comments", "Comments on this story", "Post Your Comments", "Comment Policy"]
)
def test_a_comment_section_s_heading_ends_the_article_over_its_policy(heading: str) -> None:
    """The comment section's heading, then its policy written as prose: the article ends at the heading."""
    policy = [
        "The Harbour Weekly is pleased to let readers post comments about an article at the end of the article. "
        "Please keep your comments civil and on the topic of the story, or they will be removed."
    ]
    assert _region_text(_page(ARTICLE, [heading], policy, MENU)) == ARTICLE


@pytest.mark.parametrize(("button", "ends"), [("Show full PR text", True), ("Show full gallery", False)])
def test_a_button_over_a_press_release_ends_a_short_article(button: str, ends: bool) -> None:
    """A news item of one paragraph over "Show full PR text" and the release it quotes, which runs longer: the
    page hides the release under the button, and the article ends over it however little prose is above it."""
    release = [f"{sentence.replace('.', '')}, the company said in its release." for sentence in SEQUEL]
    region = _region_text(_page(ARTICLE[:1], [button], release))
    assert (region[-1] == ARTICLE[0]) is ends
