"""The choice among the page's best runs of prose (`runs.py`): a run over a comment form or a comment heading wins
over longer comments or a sidebar under it, and a short article under its date over a longer block far under it;
a comment count in the article's head makes no run the comments."""

from __future__ import annotations

from itertools import pairwise

import pytest

from builder.extract.generic.chrome import SiteChrome, line_key
from builder.extract.generic.comments import count_in_head
from builder.extract.generic.reader import GenericReading, read_generic
from builder.extract.generic.runs import candidate_regions
from tests.region_pages import ARTICLE, COMMENT_FORM, LONG_ARTICLE, MENU, SIDEBAR
from tests.region_pages import page as _page
from tests.region_pages import region_text as _region_text
from tests.region_pages import scored as _scored


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


@pytest.mark.parametrize(
    ("heading", "article"),
    [
        ("11 Responses to “Pool to reopen next summer”", True),
        ("Join The Conversation: Sign Up / Log In", True),
        ("  • Comment on the pool's new roof", False),  # a link in a list, not the comments' heading
    ],
)
def test_the_run_above_a_comment_heading_wins_over_longer_comments_under_it(heading: str, article: bool) -> None:
    """Readers' comments longer than the article, under a share bar and a comment section's count or heading:
    the article is the prose above them."""
    text = _page(["Home", "  • News"], ["Pool to reopen next summer"], ARTICLE, MENU, [heading], SIDEBAR)
    assert _region_text(text) == (ARTICLE if article else SIDEBAR)


ARCHIVE = [f"  • {month} 2024" for month in ("January", "February", "March", "April", "May", "June")]


def test_a_short_article_under_its_date_wins_over_a_longer_block_far_under_it() -> None:
    """A blog's post of a few paragraphs under its headline and date, then menus, then the blogger's box, longer
    than the post and under no date: the post is the article."""
    text = _page(
        ["Home", "  • News"], ["Pool to reopen next summer"], ["12 March 2024"], ARTICLE, MENU, ARCHIVE, SIDEBAR
    )
    scored = _scored(text)
    assert scored.lines[candidate_regions(scored, 1)[0][0]].text == SIDEBAR[0]  # the plain best run is the box...
    assert _region_text(text) == ARTICLE  # ...the dated article far above it is read


def test_the_best_run_stays_when_a_dated_run_is_near_it_or_shares_its_words() -> None:
    """The same article cut by a box (a gallery, an advertisement): the run under the date is its start, the
    longer run under the box goes on with it. Close under the start, or sharing its words, the best run stays."""
    near = _page(["Pool to reopen next summer"], ["12 March 2024"], ARTICLE, MENU, SIDEBAR)
    assert _region_text(near)[-len(SIDEBAR) :] == SIDEBAR
    same_story = [
        "The council said that the swimming pool by the river would open again in the summer after the works.",
        "The roof of the swimming pool will be built again in the autumn with the money the council set aside.",
        "The changing rooms will be rebuilt in the spring, when the roof is finished and the river is low.",
        "The neighbours who collected signatures said the council had listened to them in the end.",
        "The council will keep the swimming pool open in the evenings during the summer for the neighbours.",
        "The river path that leads to the swimming pool will be repaired before the summer as well.",
        "The council voted to keep the prices of the swimming pool as they were before the storm.",
    ]
    cut = _page(["Pool to reopen next summer"], ["12 March 2024"], ARTICLE, MENU, ARCHIVE, same_story)
    assert _region_text(cut) == same_story


NOTICE = [" ".join(ARTICLE)]  # a one-paragraph article: a notice, a photo's caption


@pytest.mark.parametrize(
    ("count", "article"),
    [
        ("4 Comments Leave a comment", True),  # a count with its invitation: the comments open here
        ("4 Comments", True),
        ("4 comments left the council unmoved", False),  # a sentence, not a count: the longer run wins
    ],
)
def test_a_short_article_wins_over_longer_comments_that_open_with_their_count(count: str, article: bool) -> None:
    """One paragraph of article under its byline, a share bar, then the comment count and the comments, four
    times its score (the rival share a comment heading asks for): the comments' run is no article, the
    paragraph above it is."""
    texts = [
        sentence.replace("region", place) for place in ("region", "county", "valley", "city") for sentence in SIDEBAR
    ]
    comments = [line for n, text in enumerate(texts, 1) for line in (f"{n}. Anna Berg {n + 2} days ago", text)]
    head = ["Pool to reopen next summer", "By Ann Lee"]
    text = _page(["Home", "  • News"], head, NOTICE, MENU, [count], comments)
    reading = read_generic(text)
    assert isinstance(reading, GenericReading), reading
    body = reading.fields["body"]
    assert (body == NOTICE[0]) is article and (SIDEBAR[0] in body) is not article


def test_a_short_article_wins_over_a_forum_s_comments_however_far_below_their_heading() -> None:
    """A forum's page: the story's one paragraph, forty links to other stories, then the comments' heading
    and each comment in its box (a bare bullet, "by X (123) writes:", two paragraphs), longer than the
    story: the story is the article, however far the comments' heading is from it."""
    texts = [
        sentence.replace("region", place) for place in ("region", "county", "valley", "city") for sentence in SIDEBAR
    ]
    heads = ["by redbastard (543817) writes:", "by Anonymous Coward writes:", "by tomhale (1814588) writes:"]
    boxes = [["  •", heads[n % 3], text, texts[-n]] for n, text in enumerate(texts)]
    teasers = [f"  • {sentence[:40]}" for sentence in SIDEBAR * 6]
    heading = ["Comments Filter:", "The Fine Print: The following comments are owned by whoever posted them."]
    head = ["Pool to reopen next summer", "Posted by Ann Lee"]
    text = _page(["Home", "  • News"], head, NOTICE, ["100 of 313 comments"], teasers, heading, *boxes)
    reading = read_generic(text)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["body"] == NOTICE[0]


def test_the_story_wins_over_a_forum_s_comments_that_the_site_s_corpus_cut_into_many_runs() -> None:
    """Every dump of the forum prints the same comment heads and links ("by Anonymous Coward writes:", "Reply
    to This"): the corpus makes them chrome, which cuts the comments into runs of their own, each longer than
    the story, which is not among the best four. The best run still opens with a comment head whose stream
    goes on under it, so the story above the comments' heading is the article."""
    texts = [s.replace("region", p) for p in ("region", "county", "valley", "city", "town", "coast") for s in SIDEBAR]
    head, links = "by Anonymous Coward writes:", ["Reply to This Parent Share", "Flag as Inappropriate"]
    heading = ["Comments Filter:", "The Fine Print: The following comments are owned by whoever posted them."]
    paragraphs = [" ".join(texts[n : n + 3]) for n in range(0, len(texts) - 3, 3)]
    boxes = [[head, paragraphs[n], paragraphs[n + 1], *links] for n in range(len(paragraphs) - 1)]
    story = ["Pool to reopen next summer", "Posted by Ann Lee on Tuesday July 24, @12:06PM", *ARTICLE]
    text = _page(["Home", "  • News"], story, heading, *boxes)
    chrome = SiteChrome("site 1", 5, {line_key(line): 5 for line in [head, *links, *heading]})
    assert len([run for run in candidate_regions(_scored(text, chrome), 5) if run[2] > 8.0]) >= 4
    reading = read_generic(text, chrome)
    assert isinstance(reading, GenericReading), reading
    assert ARTICLE[0] in reading.fields["body"] and "We want" not in reading.fields["body"]


def test_a_story_of_one_paragraph_wins_over_comments_that_the_site_s_corpus_cut_into_many_runs() -> None:
    """As above, but the story is one paragraph of two sentences (a short post under its head, its run scoring
    about 3): a paragraph's worth of prose is enough for a run above the comments to win."""
    texts = [s.replace("region", p) for p in ("region", "county", "valley", "city", "town", "coast") for s in SIDEBAR]
    head, links = "by Anonymous Coward writes:", ["Reply to This Parent Share", "Flag as Inappropriate"]
    heading = ["Comments Filter:", "The Fine Print: The following comments are owned by whoever posted them."]
    paragraphs = [" ".join(texts[n : n + 3]) for n in range(0, len(texts) - 3, 3)]
    boxes = [[head, paragraphs[n], paragraphs[n + 1], *links] for n in range(len(paragraphs) - 1)]
    post = f"{ARTICLE[1]} {ARTICLE[2]}"
    story = ["Pool to reopen next summer", "Posted by Ann Lee on Tuesday July 24, @12:06PM", post]
    text = _page(["Home", "  • News"], story, heading, *boxes)
    chrome = SiteChrome("site 1", 5, {line_key(line): 5 for line in [head, *links, *heading]})
    reading = read_generic(text, chrome)
    assert isinstance(reading, GenericReading), reading
    assert post in reading.fields["body"] and "We want" not in reading.fields["body"]


@pytest.mark.parametrize(
    ("lines", "in_head"),
    [
        (["Pool to reopen next summer", "5 Comments", "By Ann Lee // November 6th, 2012 // 9:41 am"], True),
        (["July 31, 2018 by Ann Lee", "13 Comments"], True),
        (["━━━━━━━━━━", "{ 1 comment… read it below or add one }", "Anna Berg November 12, 2012 at 3:04 pm"], False),
        ([ARTICLE[-1], "5 Comments", "Anna Berg November 12, 2012 at 3:04 pm"], False),
    ],
)
def test_a_comment_count_beside_the_article_s_byline_or_date_is_a_link_in_its_head(
    lines: list[str], in_head: bool
) -> None:
    """A count under the byline or date, or between the headline and them; not the comments' count under
    the article's last paragraph or a rule, over the first comment's name and date."""
    scored = _scored(_page(lines, LONG_ARTICLE))
    at = next(i for i, line in enumerate(scored.lines) if "omment" in line.text)
    assert count_in_head(scored, at) is in_head


def test_a_comment_count_in_the_head_does_not_make_the_article_under_it_the_comments() -> None:
    """ "13 Comments" under the article's date and byline is a link in its head: a paragraph above the head
    (another article's teaser) does not win over the article under it."""
    teaser = [ARTICLE[0].replace("pool", "market")]
    head = ["Pool to reopen next summer", "July 31, 2018 by Ann Lee", "13 Comments"]
    reading = read_generic(_page(["Home", "  • News"], teaser, MENU, head, LONG_ARTICLE))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["body"] == "\n\n".join(LONG_ARTICLE)


@pytest.mark.parametrize(
    ("form", "article"),
    [
        (COMMENT_FORM, True),
        (["[ ] Your name", "[ ] Your e-mail", "[ ] Your comment", "[Send]"], True),
        (["[ ]", "Story continues [ ]", "ADVERTISEMENT [ ]"], False),  # bare boxes: a search beside a table
    ],
)
def test_only_a_form_that_names_what_it_asks_is_a_comment_form(form: list[str], article: bool) -> None:
    """Three boxes under a run of prose make it the article over a longer run below only when some line of
    the form asks for a name, an e-mail or a comment; w3m prints a sidebar's search boxes between an
    article's lines when the page is laid out in a table."""
    text = _page(["Home", "  • News"], ARTICLE, MENU, form, SIDEBAR)
    assert _region_text(text) == (ARTICLE if article else SIDEBAR)


def test_a_longer_block_wins_when_no_comment_form_sits_between() -> None:
    text = _page(["Home", "  • News"], ARTICLE, MENU, SIDEBAR)
    assert _region_text(text) == SIDEBAR
