"""The article's region in the generic reader: boxes and teasers inside it, where a copyright notice or the next
article ends it, lines that are no prose (unspaced or title-case headlines, programs, tables). Which of the best
runs is the article: test_generic_runs.py; where a comment section, an end heading or a tag list ends it:
test_generic_region_ends.py; which lists belong to it: test_generic_region_lists.py."""

from __future__ import annotations

import pytest

from builder.extract.generic.programs import is_statement_or_row, program_lines
from builder.extract.generic.reader import GenericReading, dump_lines, read_generic
from tests.region_pages import ARTICLE, JA_ARTICLE, LONG_ARTICLE, MENU, SEQUEL, SIDEBAR
from tests.region_pages import page as _page
from tests.region_pages import region_text as _region_text

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


@pytest.mark.parametrize(
    "boxes",
    [
        ["Related", "Ten films to see this winter", "Related", "How the pool was built"],
        ["Related", "Related Stories", "Ten films to see this winter", "How the pool was built"],
    ],
)
def test_two_boxes_under_the_same_heading_are_inside_the_article(boxes: list[str]) -> None:
    """'Related' over a teaser, then 'Related' again over another, then the article goes on: two boxes of one
    kind inside it, not the page's run of end blocks (whose headings differ, above); so is a box's label over
    its title ("Related", then "Related Stories")."""
    head = ["Pool to reopen next summer", "By Ann Lee", "July 31, 2018"]
    reading = read_generic(_page(head, ARTICLE, boxes, SIDEBAR))
    assert isinstance(reading, GenericReading)
    assert reading.fields["body"] == "\n\n".join(ARTICLE + SIDEBAR)


TEASERS = ["More about the town and its pool", "Council names a new head of sport", "July 30, 2018"]
TEASERS += ["How the old pool was built in 1932", "July 25, 2018"]


def test_a_box_of_teasers_inside_the_article_is_left_out_and_the_article_goes_on() -> None:
    """Two headlines with their dates between paragraphs: a box ("More about ..."), not the next article."""
    head = ["Pool to reopen next summer", "By Ann Lee", "July 31, 2018"]
    rest = [f"{sentence[:-1]}, the mayor said." for sentence in SEQUEL]  # none printed twice (a copy's sign)
    reading = read_generic(_page(head, LONG_ARTICLE, TEASERS, rest))
    assert isinstance(reading, GenericReading)
    assert reading.fields["body"] == "\n\n".join(LONG_ARTICLE + rest)


def test_one_head_after_the_article_opens_the_next_article() -> None:
    """A single headline over its date, then prose: the page's next story (an endless page), cut off."""
    text = _page(LONG_ARTICLE, ["Library to open on Sundays", "July 30, 2018"], SEQUEL)
    assert _region_text(text) == LONG_ARTICLE


@pytest.mark.parametrize(("salutation", "goes_on"), [("Dear Ann,", True), ("Liebe Grüße,", False), ("", False)])
def test_a_letter_s_head_under_the_article_is_no_next_article(salutation: str, goes_on: bool) -> None:
    """A letter the article quotes: its sender over its date reads as a headline over its date, but the letter's
    salutation follows ("Dear Ann,"), and the article goes on; a closing ("Liebe Grüße,") is no salutation."""
    letter = ["The Office of the Harbour Master", "July 30, 2018", *([salutation] if salutation else [])]
    region = _region_text(_page(LONG_ARTICLE, letter, SEQUEL))
    assert (len(region) > len(LONG_ARTICLE)) is goes_on  # the article went on past the letter's head
    assert region[: len(LONG_ARTICLE)] == LONG_ARTICLE


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
    body (and so is the lead, under the byline and date); the cards and a paragraph that opens a list of links
    (": ") are not."""
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
    assert reading.fields["body"] == "\n\n".join(lead + first + ARTICLE)


def test_a_copyright_notice_ends_the_article() -> None:
    """An agency's notice under the article, then readers' comments long enough to win as prose."""
    notice = ["Copyright 2011 Harbour Press. All rights reserved. This material may not be published or rewritten."]
    assert _region_text(_page(ARTICLE, notice, SIDEBAR)) == ARTICLE
    mention = ["Copyright law was changed in 2011, and the council says it will not change it again for the pool."]
    assert _region_text(_page(ARTICLE, mention, ARTICLE)) == ARTICLE + mention + ARTICLE  # prose about copyright


# Under the article, a list of other stories' headlines: unspaced lines as long as sentences, but with no full stop.
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


TITLED_TEASERS = [
    "Startup Psychology: Why Awareness Is Awesome for Your Team (6 days ago)",
    "Startups: The Elevator To Success Is Out Of Order (1 month ago)",
    "The Seven Deadly Sins of Startups and How To Avoid Them (1 month ago)",
    "Four Pieces Of Practical Advice for Women Entrepreneurs in Boston (2 months ago)",
]


def test_a_block_of_headlines_in_title_case_is_not_prose() -> None:
    """Teasers in title case one under another ("Most recent" posts): however many stop words they hold, they
    are headlines, not the article's prose, and the region starts at the article."""
    assert _region_text(_page(["\n".join(TITLED_TEASERS)], ["Subscribe"], ARTICLE)) == ARTICLE


def test_a_line_in_title_case_with_blank_lines_around_it_is_still_prose() -> None:
    """The same line alone between paragraphs (a subheading, a quoted title) stays part of the article."""
    text = _page(ARTICLE[:2], TITLED_TEASERS[2:3], ARTICLE[2:])
    assert _region_text(text) == ARTICLE[:2] + TITLED_TEASERS[2:3] + ARTICLE[2:]


# A program in the article, its keywords printed twice ("SELECT name"), and two tables with the same header row:
# lines a page repeats, as a menu's links are, but in a block of program lines or table rows.
PROGRAM = ["WITH open AS (\nSELECT name\nFROM pools\nWHERE open = 1\n)\nSELECT name\nFROM open;"]
# A helper printed in two listings: each block's only statement opens it, and a closing brace ends it.
HELPER = "fn cstr(s: &str) -> i32{\n    std::ffi::CString::new(s).unwrap().into_raw() as i32\n}"
LISTINGS = [HELPER, HELPER]
TABLES = [
    "┌────────┬─────┐\n│Response│Votes│\n├────────┼─────┤\n│Yes     │164  │\n└────────┴─────┘",
    "┌────────┬─────┐\n│Response│Votes│\n├────────┼─────┤\n│No      │17   │\n└────────┴─────┘",
]
# a query's output, each row with its time: no comments' name-and-date lines
DATED_ROWS = [
    "period                 │ status │ entries\n───────────────────────┼────────┼────────\n"
    + "\n".join(f"2020-08-01 18:0{k}:00+00 │ 200    │ 40{k}" for k in range(6))
]


@pytest.mark.parametrize("block", [PROGRAM, LISTINGS, TABLES])
def test_a_program_or_a_table_between_paragraphs_does_not_cut_the_article(block: list[str]) -> None:
    """Scored as a menu (repeated lines) they outweighed the paragraphs on either side, and the article lost its
    first or its second half."""
    region = _region_text(_page(ARTICLE[:2], block, ARTICLE[2:]))
    assert region[0] == ARTICLE[0] and region[-1] == ARTICLE[-1]


def test_a_table_of_dated_rows_after_the_article_s_paragraphs_opens_no_comments() -> None:
    """A table whose rows each print a time, after enough of the article, read as the name-and-date lines of its
    comments and ended the article there: a table's row is no comment's head."""
    region = _region_text(_page(LONG_ARTICLE[:-1], DATED_ROWS, LONG_ARTICLE[-1:]))
    assert region[0] == LONG_ARTICLE[0] and region[-1] == LONG_ARTICLE[-1]


def test_a_box_drawn_around_a_line_is_no_table() -> None:
    """w3m draws a box around a text ("│ No comments yet │"): its lines, printed twice, still weigh as a menu's."""
    box = ["┌───────────────────┐\n│ No comments yet   │\n│ Be the first one  │\n└───────────────────┘"]
    region = _region_text(_page(ARTICLE[:2], box, box, box, ARTICLE[2:]))
    assert ARTICLE[0] not in region or ARTICLE[-1] not in region


def test_the_blocks_with_two_statements_or_rows_are_a_program_s_each_whole() -> None:
    """A block (lines with no blank line between) with two lines or more ending as statements do is a program,
    all its lines; a block with one is not, nor is one with a list item, nor one longer than a program is."""
    blocks = ["intro", "x = f(\ny = 1\nz = g(", "x = f(\ny = 1", "a = f(\n  • b = g(", "\n".join(["p = q("] * 61)]
    lines = dump_lines("\n\n".join(blocks))[1]
    sign_lines = [i for i, line in enumerate(lines) if line.text and is_statement_or_row(line.text)]
    assert program_lines(lines, sign_lines) == [2, 3, 4]
