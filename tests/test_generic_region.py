"""The choice of the article's region in the generic reader: which run of prose is the article when several
compete, where a comment section ends it, and which lists inside it belong to it."""

from __future__ import annotations

from itertools import pairwise

import pytest

from builder.extract.generic.chrome import SiteChrome, line_key
from builder.extract.generic.ends import cut_at_end
from builder.extract.generic.lists import with_lists
from builder.extract.generic.markers import is_comment_count, is_comment_heading, is_end_heading
from builder.extract.generic.reader import GenericReading, dump_lines, read_generic
from builder.extract.generic.region import Scored, best_region, candidate_regions, score_lines, with_corpus
from builder.extract.textdump.lines import BLANK

ARTICLE = [
    "The town council voted on Tuesday to reopen the old swimming pool by the river next summer.",
    "The pool had been closed for six years after a storm damaged its roof and the changing rooms.",
    "Neighbours who had collected signatures for two years were in the hall when the vote was read out.",
    "The work on the roof will start in the autumn and should be finished before the end of the spring.",
]
# A sidebar block longer than the article: it wins the plain best-run search.
SIDEBAR = [
    "Our programme for the coming elections sets out what the party wants to change in the region.",
    "We want every village to have a bus that runs at least once an hour from early in the morning.",
    "We want the schools to stay open in the small towns even when the number of pupils goes down.",
    "We want the hospitals of the region to keep their maternity wards and their emergency rooms open.",
    "We want the farmers who grow food for the region to be paid a fair price for what they grow.",
    "We want the energy of the region to come from the wind and the sun and to be owned by its people.",
    "We want the internet to reach every house of the region with a fast and affordable connection.",
]
MENU = [f"  • {name}" for name in ("Sport", "Weather", "Jobs", "Travel", "Money", "Culture", "Science", "Health")]
COMMENT_FORM = ["Leave a reply", "", "[ ] Name *", "", "[ ] Email *", "", "[ ] Website", "", "[Post comment]"]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n\n".join(block) for block in blocks) + "\n"


def _scored(text: str, chrome: SiteChrome | None = None) -> Scored:
    page = score_lines(*dump_lines(text))
    return with_corpus(page, chrome) if chrome is not None else page


def _region_text(text: str, chrome: SiteChrome | None = None) -> list[str]:
    """The lines of the region the reader keeps (best run, widened over lists, cut at its end)."""
    scored = _scored(text, chrome)
    span = best_region(scored)
    assert span is not None
    start, stop = cut_at_end(scored, *with_lists(scored, *span))
    return [line.text for line in scored.lines[start:stop] if line is not BLANK]


def test_candidates_are_disjoint_and_best_first() -> None:
    text = _page(["Home", "  • News"], ARTICLE, MENU, SIDEBAR)
    candidates = candidate_regions(_scored(text), 4)
    assert len(candidates) >= 2
    totals = [total for _, _, total in candidates]
    assert totals == sorted(totals, reverse=True)
    spans = sorted((start, stop) for start, stop, _ in candidates)
    assert all(stop <= next_start for (_, stop), (next_start, _) in pairwise(spans))


def test_the_run_above_a_comment_form_wins_over_a_longer_block_under_it() -> None:
    text = _page(
        ["Home", "  • News"], ["Pool to reopen next summer"], ARTICLE, ["12 March 2024"], COMMENT_FORM, SIDEBAR
    )
    scored = _scored(text)
    best_start = candidate_regions(scored, 1)[0][0]
    assert scored.lines[best_start].text == SIDEBAR[0]  # the plain best run is the sidebar...
    reading = read_generic(text)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["body"].split("\n\n") == ARTICLE  # ...the article above the form is read


def test_a_longer_block_wins_when_no_comment_form_sits_between() -> None:
    text = _page(["Home", "  • News"], ARTICLE, MENU, SIDEBAR)
    assert _region_text(text) == SIDEBAR


COMMENTS = [
    "Red Bastard (22 June 2018 @11h13)",
    "I do not think that the pool will ever open again, the roof was the least of its problems.",
    "Anna Berg (22 June 2018 @12h40)",
    "We have waited for this for years and my children will be the first ones in the water.",
    "Tom Hale (23 June 2018 @09h02)",
    "The council should have spent the money on the roads first, they are in a terrible state.",
]


def test_the_region_ends_where_dated_comments_begin() -> None:
    article = ARTICLE + SIDEBAR  # name-and-date lines end only an article of some length
    assert _region_text(_page(article, ["Share"], COMMENTS)) == article


def test_the_region_ends_at_a_comment_count() -> None:
    assert _region_text(_page(ARTICLE, ["27 comments"], COMMENTS[1::2], ARTICLE[:1])) == ARTICLE


@pytest.mark.parametrize(
    "heading",
    [
        "9 comments to The town council reopens the old swimming pool by the river",  # reads as prose
        "One thought on “The town council reopens the old swimming pool”",
        "3 Kommentare zu „Das alte Schwimmbad am Fluss öffnet wieder“",
    ],
)
def test_the_region_ends_at_a_comment_count_naming_the_article(heading: str) -> None:
    assert _region_text(_page(ARTICLE, [heading], COMMENTS[1::2], ARTICLE[:1])) == ARTICLE


def test_a_sentence_opening_like_a_comment_count_goes_on_with_the_article() -> None:
    sentence = ["One response to the vote was a petition to open the pool on Sundays too, which the council will read."]
    assert _region_text(_page(ARTICLE, sentence, ARTICLE)) == ARTICLE + sentence + ARTICLE


def test_the_region_ends_at_a_comment_form() -> None:
    after = ["[ ] Name", "[ ] Email", "[ ] Website", *SIDEBAR]  # comments longer than the article
    assert _region_text(_page(ARTICLE, after)) == ARTICLE


def test_a_comment_form_the_site_corpus_made_chrome_still_ends_the_article() -> None:
    """Every dump of the site shows the form: its lines carry the corpus's rule, and still open the comments."""
    form = ["[ ] Name", "[ ] Email", "[ ] Website"]
    chrome = SiteChrome("site 1", 5, {line_key(text): 5 for text in form})
    scored = _scored(_page(ARTICLE, form, SIDEBAR), chrome)
    assert any(rule.startswith("repeated in 5 of 5") for rule in scored.chrome_rules.values())
    assert _region_text(_page(ARTICLE, form, SIDEBAR), chrome) == ARTICLE


REFERENCES = [
    "1. Miller, Anna (2017). Swimming pools of the north. Retrieved 27 January 2020.",
    ". 24 August 2021.",
    "2. Hale, Tom (3 September 1998). A history of the river baths and of the people who built them.",
    ". The Town Gazette. Retrieved 15 May 2017.",
    "3. Berg, Anna (9 August 2017). The roof that fell in: what the storm did to the old pool.",
    ". The Town Gazette. Retrieved 1 May 2015.",
]


def test_dated_references_are_no_comment_section() -> None:
    """Short dated lines each followed by a dated line (a list of references): no comment heads."""
    region = _region_text(_page(ARTICLE, REFERENCES))
    assert region[-1] == REFERENCES[-1]


def test_a_related_heading_followed_by_another_end_heading_ends_the_article() -> None:
    """'Related' then 'Up next' before any prose: the page's end blocks, not a box inside the article; the
    next story's paragraphs after them stay out however long they are."""
    next_story = [sentence.replace("pool", "library") for sentence in ARTICLE + SIDEBAR]
    text = _page(ARTICLE, ["Related Topics: pools", "Up next", "Library to open on Sundays"], next_story)
    assert _region_text(text) == ARTICLE


def test_two_boxes_under_the_same_heading_are_inside_the_article() -> None:
    """'Related' over a teaser, then 'Related' again over another, then the article goes on: two boxes of one
    kind inside it, not the page's run of end blocks (whose headings differ, above)."""
    head = ["Pool to reopen next summer", "By Ann Lee", "July 31, 2018"]
    boxes = ["Related", "Ten films to see this winter", "Related", "How the pool was built"]
    reading = read_generic(_page(head, ARTICLE, boxes, SIDEBAR))
    assert isinstance(reading, GenericReading)
    assert reading.fields["body"] == "\n\n".join(ARTICLE + SIDEBAR)


TEASERS = ["More about the town and its pool", "Council names a new head of sport", "July 30, 2018"]
TEASERS += ["How the old pool was built in 1932", "July 25, 2018"]
LONG_ARTICLE = ARTICLE + SIDEBAR  # enough prose for a head under it to open another article
SEQUEL = [sentence.replace("pool", "library") for sentence in LONG_ARTICLE]


def test_a_box_of_teasers_inside_the_article_is_left_out_and_the_article_goes_on() -> None:
    """Two headlines with their dates between paragraphs: a box ("More about ..."), not the next article."""
    head = ["Pool to reopen next summer", "By Ann Lee", "July 31, 2018"]
    reading = read_generic(_page(head, LONG_ARTICLE, TEASERS, SEQUEL))
    assert isinstance(reading, GenericReading)
    assert reading.fields["body"] == "\n\n".join(LONG_ARTICLE + SEQUEL)


def test_one_head_after_the_article_opens_the_next_article() -> None:
    """A single headline over its date, then prose: the page's next story (an endless page), cut off."""
    text = _page(LONG_ARTICLE, ["Library to open on Sundays", "July 30, 2018"], SEQUEL)
    assert _region_text(text) == LONG_ARTICLE


def test_a_headless_run_of_prose_above_a_dated_article_is_a_box_not_the_article() -> None:
    """Long paragraphs with no date above or at their start (a glossary in the menu), then a headline over
    its date and an article with more prose: the article is the one under the head."""
    glossary = [
        "Council: the body of elected members that decides how the town spends its money and runs its services.",
        "Motion: a proposal put to the council for a vote, which any member may table at least a week before.",
        "Quorum: the number of members who must be in the hall for a vote of the council to count at all.",
        "Budget: the plan of what the town will spend in the coming year, voted each winter by the council.",
        "Ward: one of the twelve parts of the town, each of which elects two members to the council.",
        "Mayor: the member chosen by the council each spring to chair its meetings and speak for the town.",
        "Clerk: the officer who keeps the minutes of every meeting and publishes them within a fortnight.",
        "Levy: the part of the council tax that goes to the county rather than to the town for its roads.",
    ]
    head = ["Pool to reopen next summer", "July 31, 2018"]
    reading = read_generic(_page(MENU, glossary, head, LONG_ARTICLE))
    assert isinstance(reading, GenericReading)
    assert reading.fields["title"] == "Pool to reopen next summer"
    assert reading.fields["body"] == "\n\n".join(LONG_ARTICLE)


def test_a_dated_article_keeps_its_place_above_a_longer_next_story() -> None:
    """The same cut with a date above the first article: it has a head, so a longer story under it is the
    next one (an endless page), however long; and a headless run above a shorter story stays the article."""
    first = ["Pool to reopen next summer", "July 31, 2018"]
    sequel = ["Library to open on Sundays", "July 30, 2018"]
    assert _region_text(_page(first, LONG_ARTICLE, sequel, SEQUEL + ARTICLE)) == LONG_ARTICLE
    assert _region_text(_page(LONG_ARTICLE, sequel, SEQUEL[:6])) == LONG_ARTICLE


def test_a_date_under_a_long_headline_and_a_byline_is_the_region_s_head() -> None:
    """A headline long enough to read as prose opens the region, its date three lines under it past a byline
    and blank lines: the first article has a head, and the longer story under it is the next one."""
    headline = "Six singers and two bands say they will not sing or play at the opening of the pool next summer"
    first = [headline + ", whatever the council pays them", "By Ann Lee", "July 31, 2018"]
    sequel = ["Library to open on Sundays", "July 30, 2018"]
    region = _region_text(_page(first, LONG_ARTICLE, sequel, SEQUEL + ARTICLE))
    assert region[0] == first[0] and region[-1] == LONG_ARTICLE[-1]


def test_a_paragraph_cut_off_from_the_region_by_author_cards_is_the_article_s() -> None:
    """Lead, share bar, the first paragraph, then the authors' cards, then the rest: the first paragraph is
    body; the cards and a paragraph that opens a list of links (": ") are not."""
    head = ["Pool to reopen next summer", "By Ann Lee", "July 31, 2018"]
    lead = ["The council wants the old pool by the river open again before the summer holidays begin."]
    share = ["4 min", "  • Share", "  • Print"]
    first = [
        "The council said on Monday that the roof, the changing rooms and the old diving board would all be"
        " repaired before the pool opens again next summer."
    ]
    cards = ["Ann Lee", "Ann Lee", "Editor for the town and its region.", "  • Twitter"]
    links = ["This story comes from our weekly paper, on sale from Friday in every shop of the town. More of it here:"]
    reading = read_generic(_page(head, lead, share, first, cards, links, ["  • Sport", "  • Weather"], ARTICLE))
    assert isinstance(reading, GenericReading)
    assert reading.fields["body"] == "\n\n".join(first + ARTICLE)


def test_a_copyright_notice_ends_the_article() -> None:
    """An agency's notice under the article, then readers' comments long enough to win as prose."""
    notice = ["Copyright 2011 Harbour Press. All rights reserved. This material may not be published or rewritten."]
    assert _region_text(_page(ARTICLE, notice, SIDEBAR)) == ARTICLE
    mention = ["Copyright law was changed in 2011, and the council says it will not change it again for the pool."]
    assert _region_text(_page(ARTICLE, mention, ARTICLE)) == ARTICLE + mention + ARTICLE  # prose about copyright


RECIPE = [
    ["Almond biscuits"],
    ["\n".join(["Ingredients:", "300 g flour", "100 g ground almonds", "200 g sugar", "1 egg", "Flaked almonds"])],
    ["Method:"],
    [
        "1. Put all the ingredients in a bowl and knead them into a smooth dough with the hook of the mixer.",
        "2. Roll the dough out on a floured board and cut out the biscuits with the shapes you like best.",
        "3. Bake them in the middle of the oven for fifteen minutes until they are golden brown.",
    ],
]


def test_a_recipe_keeps_its_labelled_ingredients_above_the_steps() -> None:
    region = _region_text(_page(["Home", "  • Recipes"], *RECIPE, COMMENT_FORM))
    assert region[0] == "Ingredients:" and "1 egg" in region and "Method:" in region
    assert region[-1] == RECIPE[-1][-1]


def test_labels_each_over_one_value_stay_out() -> None:
    """A table of facts ("Words:" over "67379") above a label that opens the article is no list."""
    facts = ["Words:", "67379", "Chapters:", "14/14", "Hits:", "152759", "Summary:"]
    region = _region_text(_page(["Home", "  • Stories"], facts, ARTICLE))
    assert region == ["Summary:", *ARTICLE]


def test_unlabelled_short_lines_above_the_article_stay_out() -> None:
    region = _region_text(_page(["Home", "News", "Sport", "Weather"], ARTICLE))
    assert region == ARTICLE


def test_a_list_between_paragraphs_joins_the_article_and_a_menu_after_it_does_not() -> None:
    points = ["  • a new roof over the pool", "  • a ramp at the entrance", "  • showers that work"]
    menu = ["  • Apps", "  • Newsletters", "  • Cookies", "  • Terms of Use"]
    footer = ["All quotes are delayed by at least fifteen minutes, see the list of exchanges for the delays."]
    text = _page(ARTICLE[:2], ["The plan has two parts:"], points, ARTICLE[2:], menu, footer)
    region = _region_text(text)
    assert region[0] == ARTICLE[0] and region[-1] == ARTICLE[-1]
    assert points[0].strip(" •") in region


def test_end_heading_and_comment_count_markers() -> None:
    assert is_end_heading("【関連記事】", 1)
    assert is_end_heading("■ Related articles", 3)
    assert is_end_heading("Partager cet article /", 3) and is_end_heading("Article précédent", 2)
    assert is_end_heading("Explore further", 2)
    assert is_end_heading("More in Health & Fitness", 4) and is_end_heading("More on Ukraine", 3)
    assert not is_end_heading("Moreover, the wardens said", 4)  # whole words
    assert is_comment_heading("Écrire un commentaire")
    # whole words: a subheading that opens with "Comment..." or "Related..." goes on with the article
    assert is_end_heading("Comments (12)", 2) and is_comment_heading("Comments")
    assert not is_end_heading("Commentary on Python 3", 4) and not is_comment_heading("Commentary on Python 3")
    assert not is_end_heading("Relatedness and kinship", 3)
    assert is_end_heading("関連記事一覧", 1)  # a script with no spaces needs no word end
    assert is_comment_count("27 commentaires") and is_comment_count("(3 Comments)")
    assert is_comment_heading("Réagir") and is_end_heading("Réagir", 1) and is_comment_count("10 réactions")
    assert not is_comment_count("27 people came") and not is_comment_count("Comments")


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


# A Japanese article (sentences end with "。") and, under it, a list of other stories' headlines: unspaced
# lines as long as sentences, but with no full stop.
JA_ARTICLE = [
    "文化庁は１日、アート、エンターテインメント、アニメーション、マンガの４部門で優れた作品を顕彰する今年度のメディア芸術祭賞を発表した。",
    "アート部門はサウンドインスタレーション、アニメーション部門は短編作品、マンガ部門は長編作品が大賞に選ばれた。",
    "贈呈式は６月に東京都内で開かれ、受賞作品は同じ月に都内の会場で展示される予定だという。",
]
JA_TEASERS = [
    "安倍氏の実弟・岸氏は首相補佐官 内閣改造、派閥への配慮も忘れない",
    "北九州市の旦過市場付近で再び火災 4月の大規模火災から復興途上",
    "藤井聡太竜王、名人戦A級順位戦で初黒星 菅井竜也八段に敗れる",
    "「基本給6万円は不当」 引っ越しのサカイ社員らが改善訴え",
]


def test_unspaced_headlines_under_the_article_are_not_its_prose() -> None:
    """A line of Chinese or Japanese is prose when it holds a full stop or is long; a list of headlines of the
    same length under the article is not read into it."""
    assert _region_text(_page(["メディア芸術祭賞が決まる"], JA_ARTICLE, ["トップニュース"], JA_TEASERS)) == JA_ARTICLE


def test_embedded_posts_inside_the_article_are_no_comment_section() -> None:
    """Three embedded posts between paragraphs, each signed "— Name (@handle) date": short dated lines close
    together, as comments' name-and-date lines are, but the article goes on under them."""
    posts = []
    for k, (name, handle) in enumerate((("Ann Lee", "annlee"), ("Bo Chan", "bochan"), ("Cy Diaz", "cydiaz"))):
        posts += [
            [f"The old pool was the best place in town to spend a summer afternoon, said {name} {k}."],
            [f"— {name} (@{handle}) July {k + 10}, 2018"],
        ]
    region = _region_text(_page(LONG_ARTICLE, *posts, SEQUEL[:4]))
    assert region[0] == LONG_ARTICLE[0] and region[-1] == SEQUEL[3]


def test_a_comments_link_in_lower_case_is_no_heading_and_the_article_goes_on() -> None:
    """A button "comments" in lower case under the first paragraph, the article's rest under it: a link to
    the comments, not their heading; "Comments" as a heading still ends the article there."""
    assert _region_text(_page(ARTICLE[:2], ["comments"], ARTICLE[2:] + SIDEBAR))[-1] == SIDEBAR[-1]
    assert _region_text(_page(ARTICLE + SIDEBAR, ["Comments"], SEQUEL))[-1] == SIDEBAR[-1]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["Tags: pools, town council"], ["pools", "town council"]),
        (["Filed under:", "  • pools\n  • town council"], ["pools", "town council"]),  # the label over a list
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
