"""The generic reader of dumps of sites with no profile: golden readings of fixture pages of several layouts
and languages, the publisher's name (pages that are no article: test_generic_no_article.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.extract.generic.chrome import SiteChrome
from builder.extract.generic.markers import is_rule_line
from builder.extract.generic.publisher import publisher_from_lines
from builder.extract.generic.reader import GenericReading, read_generic
from builder.extract.textdump.lines import BLANK, Role, read_line
from builder.reasons import Reason
from builder.record import Reject
from tests.generic.regenerate import expected_path, fixture_dumps, render
from tests.region_pages import ARTICLE, page
from tests.site_pages import role_of, site_dump

FIXTURES = {dump.stem: dump for dump in fixture_dumps()}


def _read(name: str, chrome: SiteChrome | None = None) -> GenericReading:
    reading = read_generic(FIXTURES[name].read_text(encoding="utf-8"), chrome)
    assert isinstance(reading, GenericReading), reading
    return reading


@pytest.mark.parametrize("dump", fixture_dumps(), ids=lambda dump: dump.stem)
def test_golden_reading(dump: Path) -> None:
    """The whole reading (fields, date, every line's role) is the one reviewed in NAME.json."""
    assert render(dump) == expected_path(dump).read_text(encoding="utf-8")


def test_fixtures_cover_layouts_and_languages() -> None:
    assert {"en_blog", "de_news", "fr_news", "es_news", "ja_news", "pt_blog", "section_front"} <= set(FIXTURES)


# What a reader of each page would write down by hand, independent of the golden files.
EXPECTED = {
    "en_blog": (
        "Why the river otters came back to the old mill town",
        ["Jane Doe", "Martin Cole"],
        (2021, 7, 21, 14, 49),
    ),
    "de_news": ("Bäckerei im Hafenviertel feiert hundert Jahre", ["Hans Müller"], (2021, 7, 21, 14, 49)),
    "fr_news": ("Le festival de jazz du lac retrouve son public", ["Sébastien Martin"], (2021, 7, 21, 14, 49)),
    "es_news": ("Los vecinos del barrio alto recuperan la huerta comunitaria", ["María García"], (2021, 7, 21, 0, 0)),
    "ja_news": ("湖畔の古い駅舎が図書館として生まれ変わる", [], (2021, 7, 21, 14, 49)),
    "pt_blog": ("O mercado do peixe volta a abrir ao amanhecer", ["Ana Ribeiro"], (2021, 7, 21, 0, 0)),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_authors_date(name: str) -> None:
    title, authors, date = EXPECTED[name]
    reading = _read(name)
    assert reading.fields["title"] == title
    assert reading.fields["authors"] == authors
    assert reading.date is not None and reading.date.local == datetime(*date)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_body_is_the_article_only(name: str) -> None:
    """The first and last paragraphs are in the body; navigation, related links and the footer are not."""
    text = FIXTURES[name].read_text(encoding="utf-8")
    body = _read(name).fields["body"]
    assert "©" not in body and "[" not in body
    assert body.split("\n\n")[0][:20] in text
    for line in text.split("\n"):
        if line.startswith("  • ") and len(line.split()) <= 4:  # menu items and related links
            assert line[4:] not in body.split("\n"), line


def test_fields_the_lead_fills_are_absent() -> None:
    """Publisher, dates and language are filled by the build, not by the reader."""
    fields = _read("en_blog").fields
    assert set(fields) == {"title", "authors", "summary", "body", "tags", "images", "source", "reading_time_minutes"}
    assert fields["source"] is None and fields["reading_time_minutes"] is None


def test_tags_list_and_image_caption() -> None:
    assert _read("en_blog").fields["tags"] == ["otters", "rivers", "wildlife"]
    assert _read("de_news").fields["images"] == [{"alt": None, "caption": "Die Backstube am Hafen im Jahr 1925."}]
    assert "• Planting willows" in _read("en_blog").fields["body"]  # a list keeps one item per line


def test_a_box_inside_the_article_is_cut_out_and_the_article_goes_on() -> None:
    """ "Leia também" with two links between paragraphs: the links are chrome, the paragraphs after them body."""
    reading = _read("pt_blog")
    body = reading.fields["body"]
    assert "ciclovia" not in body and "Leia também" not in body
    assert body.endswith("antes do fim do verão.")
    assert role_of(reading, "O cais ganha") == (
        Role.CHROME,
        "a box inside the article, under a heading like 'Related'",
    )


def test_bracketed_alt_text_and_a_name_alone() -> None:
    reading = _read("pt_blog")
    assert reading.fields["images"] == [
        {
            "alt": "Vista do mercado ao amanhecer",
            "caption": "As bancas foram pintadas de novo pelos próprios vendedores.",
        }
    ]
    assert role_of(reading, "Ana Ribeiro") == (
        Role.BYLINE,
        "a byline: a name alone under the headline or beside the date",
    )


LABELS_UNDER_HEADLINE = """\
Harbour Weekly | Night ferries return to the northern islands

Harbour Weekly

  • News
  • Sport

Night ferries return to the northern islands

Ana Costa
Follow
Share
Tweet
Email
Save
Print
Ships and crews of the line

The first night ferry in two winters left the harbour on Saturday with more than two hundred passengers on board, most of them islanders going home for the weekend.

The company had stopped the crossings when the old ships failed their inspection, and the new ones were delivered only last month after a long delay at the yard in the south.

Islanders had waited for the crossings to return for a long time, and many of them said on the quay that the ferry was the only way for their families to visit them in the winter.

© 2019 Harbour Weekly
"""


def test_one_word_labels_under_the_headline_push_it_down_no_further() -> None:
    """A share bar of one-word lines and a name between the headline and a subhead: the headline, printed
    twice (the window title), still wins over the subhead closest to the prose."""
    reading = read_generic(LABELS_UNDER_HEADLINE)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Night ferries return to the northern islands"


def test_every_line_has_a_role_and_a_rule() -> None:
    reading = _read("en_blog")
    page = reading.classified
    raws = FIXTURES["en_blog"].read_text(encoding="utf-8").split("\n")
    rows = list(page.rows("•"))
    assert len(rows) == len(raws) == page.after_header
    for (line, role, rule), raw in zip(rows, raws, strict=True):
        assert (role is Role.BLANK) == (line is BLANK), raw
        assert rule or role is Role.BLANK, raw
    roles = {line.text: (role, rule) for line, role, rule in rows}
    assert roles["Related stories"] == (Role.END, "an end heading: the chrome after the article starts here")
    assert roles["By Jane Doe and Martin Cole"][0] is Role.BYLINE
    assert roles["Home"][0] is Role.CHROME


THAI_PARAGRAPHS = [
    "สภาเมืองลงมติเมื่อวันอังคารให้สร้างสะพานท่าเรือเก่าขึ้นใหม่ หลังจากที่สะพานปิดการจราจรมาตั้งแต่พายุเมื่อฤดูหนาวที่แล้ว",
    "วิศวกรกล่าวว่าสะพานใหม่จะใช้เวลาสร้างประมาณสามปี และจะมีค่าใช้จ่ายราวสี่สิบล้านยูโร ส่วนใหญ่มาจากเงินอุดหนุนของภูมิภาค",
    "ชาวบ้านในย่านท่าเรือต้องขับรถอ้อมอ่าวมานานกว่าหนึ่งปี และกล่าวว่าพวกเขาโล่งใจที่ในที่สุดก็มีการตัดสินใจแล้ว",
]


def test_a_thai_page_is_read_as_prose() -> None:
    """Thai spaces its phrases, not its words: its lines are measured in characters, as Chinese ones are."""
    page = "\n\n".join(["ข่าวท่าเรือ", "  • หน้าแรก\n  • ข่าว", "สภาเมืองจะสร้างสะพานท่าเรือใหม่", *THAI_PARAGRAPHS])
    reading = read_generic(page + "\n")
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "สภาเมืองจะสร้างสะพานท่าเรือใหม่"
    assert reading.fields["body"] == "\n\n".join(THAI_PARAGRAPHS)


BENGALI_PARAGRAPHS = [
    "নগর পরিষদ মঙ্গলবার পুরনো বন্দরের সেতুটি নতুন করে নির্মাণের সিদ্ধান্ত নিয়েছে। গত শীতের ঝড়ের পর থেকে সেতুটি বন্ধ রয়েছে।",
    "প্রকৌশলীরা জানিয়েছেন, নতুন সেতু নির্মাণে প্রায় তিন বছর সময় লাগবে এবং খরচ হবে প্রায় চল্লিশ মিলিয়ন ইউরো।",
    "বন্দর এলাকার বাসিন্দারা এক বছরেরও বেশি সময় ধরে উপসাগর ঘুরে গাড়ি চালাচ্ছেন। তারা বলছেন, অবশেষে সিদ্ধান্ত হওয়ায় তারা স্বস্তি পেয়েছেন।",
]


def test_a_bengali_page_is_read_as_prose() -> None:
    """Bengali ends its sentences with the danda (।), and the reader has no Bengali stop words: its
    paragraphs are prose by their sentence ends."""
    page = "\n\n".join(["বন্দর সংবাদ", "  • প্রচ্ছদ\n  • বাংলাদেশ", "পুরনো বন্দরের সেতু নতুন করে নির্মাণ হবে", *BENGALI_PARAGRAPHS])
    reading = read_generic(page + "\n")
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "পুরনো বন্দরের সেতু নতুন করে নির্মাণ হবে"
    assert reading.fields["body"] == "\n\n".join(BENGALI_PARAGRAPHS)


def test_prose_without_a_headline_is_an_untitled_reading() -> None:
    """The body is read; the missing title is left to the title check (missing_title, or --untitled keep)."""
    paragraphs = "\n\n".join(site_dump(1).split("\n\n")[3:7])
    reading = read_generic(paragraphs)
    assert isinstance(reading, GenericReading) and reading.fields["title"] is None
    assert reading.fields["body"] and reading.fields["body"] in paragraphs


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Some article", "© 2021 The Daily Planet. All rights reserved."], "The Daily Planet"),
        (["Copyright © 2017 Mozilla Corporation"], "Mozilla"),
        (["© Haki Benita 2016-2020"], "Haki Benita"),
        (["© 2021 Stadtbote Verlag GmbH"], "Stadtbote Verlag"),
        (["Home", "About The Daily Planet", "Contact"], "The Daily Planet"),
        (["About us", "Contact"], None),
        (["Just an article line with nothing credible in it."], None),
        (["© 2021 https://example.com/"], None),
    ],
)
def test_publisher_from_lines(lines: list[str], expected: str | None) -> None:
    assert publisher_from_lines(lines) == expected


def test_publisher_of_the_fixtures() -> None:
    names = {}
    for name in ("en_blog", "de_news", "es_news"):
        text = FIXTURES[name].read_text(encoding="utf-8")
        names[name] = publisher_from_lines([read_line(raw, "•").text for raw in text.split("\n")])
    assert names == {"en_blog": "The Daily Planet", "de_news": "Stadtbote Verlag", "es_news": "Diario del Valle"}


_LINE = st.one_of(
    st.sampled_from(["", "  • Home", "• ", "[ ]", "[Search]", "By Jane Doe", "July 21, 2021", "Related", "photo.jpg"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80),
    st.sampled_from(["The river rose again this week, and the town said it would build a wall along the bank."]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, max_size=60))
def test_any_text_gives_a_reading_or_a_reject(raws: list[str]) -> None:
    """Whatever the dump, the reader answers: a reading whose roles cover every line, or no_article."""
    text = "\n".join(raws)
    reading = read_generic(text)
    if isinstance(reading, Reject):
        assert reading.reason is Reason.NO_ARTICLE
        return
    assert len(reading.classified.roles) == len(reading.classified.lines) == len(text.split("\n"))
    assert reading.fields["body"]


ALT_OVER_CAPTION = """\
Harbour Weekly

Night ferries return to the northern islands

The night ferries to the northern islands are back after a winter in which the islanders had only one boat a day.

The harbour at dawn, with the ferry at its quay.The harbour at dawn, with the ferry at its quay.
The harbour at dawn, with the ferry at its quay. Photo: Ann Lee / HW

The ferry company says the boats will run every night until the end of October, and twice a night in the summer.
"""


def test_an_alt_text_over_the_caption_that_repeats_it_with_a_credit_is_an_image() -> None:
    """An image's alt text (here printed twice, glued) over its caption, the same words and a credit: an image,
    not two paragraphs of the body."""
    reading = read_generic(ALT_OVER_CAPTION)
    assert isinstance(reading, GenericReading), reading
    assert "dawn" not in reading.fields["body"]
    assert reading.fields["images"] == [
        {
            "alt": "The harbour at dawn, with the ferry at its quay.",
            "caption": "The harbour at dawn, with the ferry at its quay. Photo: Ann Lee / HW",
        }
    ]


def test_a_rule_drawn_in_text_inside_the_article_is_not_its_body() -> None:
    """A line of one sign repeated ("━━━━", "* * *") parts the article: kept out of the body, so the language
    is read from the prose around it, not from a line a detector takes for English."""
    rule = "━" * 120
    text = ALT_OVER_CAPTION.replace("The ferry company says", rule + "\n\nThe ferry company says")
    reading = read_generic(text)
    assert isinstance(reading, GenericReading), reading
    assert "━" not in reading.fields["body"]
    assert reading.fields["body"].endswith("twice a night in the summer.")


@pytest.mark.parametrize(
    ("line", "rule"), [("━━━━━━", True), ("-----", True), ("* * *", True), ("}", False), ("2000", False), ("--", False)]
)
def test_rule_lines(line: str, rule: bool) -> None:
    assert is_rule_line(line) is rule


LEAD = "The council wants the old pool by the river open again before the summer holidays begin."


@pytest.mark.parametrize(
    "head",
    [
        ["Pool to reopen next summer", LEAD, "By Ann Lee", "July 31, 2018"],  # a standfirst
        ["Pool to reopen next summer", "By Ann Lee", "July 31, 2018", LEAD],  # the first paragraph
    ],
)
def test_the_lead_is_the_summary_and_the_body_s_first_paragraph_wherever_it_stands(head: list[str]) -> None:
    """The lead is the summary, and the body's first paragraph too, under the article's byline and date (set
    apart from the body by a share bar) or over them (a standfirst): hand-made bodies hold it."""
    reading = read_generic(page(head, ["4 min", "  • Share", "  • Print"], ARTICLE))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["summary"] == LEAD
    assert reading.fields["body"] == "\n\n".join([LEAD, *ARTICLE])


@pytest.mark.parametrize(
    ("line", "lead"),
    [
        ("Visit our directory for more information about all of our blogs.", False),  # a site's line
        ("Like us and you'll find top breaking news in your newsfeed.", False),
        (LEAD, True),  # sixteen words: the article's standfirst
    ],
)
def test_a_lead_is_a_sentence_of_twelve_words_at_least(line: str, lead: bool) -> None:
    """A short sentence between the headline and the article (a site's invitation, its tagline) is no lead: it is
    neither the summary nor part of the body."""
    reading = read_generic(page(["Pool to reopen next summer", line, "By Ann Lee", "July 31, 2018"], ARTICLE))
    assert isinstance(reading, GenericReading), reading
    assert (reading.fields["summary"] == line) is lead
    assert lead or line not in reading.fields["body"]


def test_the_headline_printed_again_with_an_image_s_name_is_no_prose() -> None:
    """A blog engine gives each image the post's title as its alt text, printed after the image's file name
    ("pool roof 3 Pool to reopen next summer"); a window's title adds the site's name. A paragraph that quotes
    the headline holds more words than those and stays prose."""
    headline = "Pool to reopen next summer"
    quoting = f"{headline} was the notice the council pinned on the door of the town hall on Monday."
    lines = [f"pool roof 3 {headline}", f"{headline} | Harbour Weekly", quoting]
    head = [headline, "By Ann Lee", "July 31, 2018"]
    reading = read_generic(page(head, ARTICLE[:2], lines, ARTICLE[2:]))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["body"] == "\n\n".join([*ARTICLE[:2], quoting, *ARTICLE[2:]])
