"""The generic reader with its site's corpus: lines that recur across the dumps of a site are its chrome; the page
alone decides when the corpus would leave no article or no headline; a headline that other dumps list (their
"Recent posts") stays this dump's headline."""

from __future__ import annotations

import pytest

from builder.extract.generic.reader import RULE_PAGE_TRUSTED, GenericReading, read_generic
from builder.extract.generic.region import score_lines
from builder.extract.generic.site_lines import with_corpus
from builder.extract.textdump.lines import BLANK, Line, Role, read_line
from tests.site_pages import SITE_FOOTER, role_of, site_chrome, site_dump


def test_a_line_every_dump_of_the_site_shows_is_chrome() -> None:
    dumps = [site_dump(n) for n in range(1, 6)]
    alone = read_generic(dumps[0])
    with_site = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(alone, GenericReading) and isinstance(with_site, GenericReading)
    assert "independent newspaper" in alone.fields["body"]  # the page alone cannot tell the footer from prose
    assert "independent newspaper" not in with_site.fields["body"]
    role, rule = role_of(with_site, "The Harbour Gazette is")
    assert role in (Role.CHROME, Role.END) and rule.startswith("repeated in 5 of 5 dumps of this site")
    assert with_site.fields["body"].count("The harbour master said") == 4


def test_too_few_dumps_say_nothing() -> None:
    dumps = [site_dump(1), site_dump(2)]
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(reading, GenericReading)
    assert "independent newspaper" in reading.fields["body"]


def test_the_page_is_trusted_when_the_corpus_leaves_no_article() -> None:
    """Three saved copies of one article: every line recurs, yet the page alone shows a solid article."""
    dumps = [site_dump(7)] * 3
    alone = read_generic(dumps[0])
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(alone, GenericReading) and isinstance(reading, GenericReading)
    assert reading.fields == alone.fields
    role, rule = role_of(reading, "The harbour master said")
    assert role is Role.BODY and rule.endswith(RULE_PAGE_TRUSTED)


def test_the_page_is_trusted_when_the_corpus_calls_the_headline_chrome() -> None:
    """Every dump of the site prints the same headline over its own text: the corpus alone would leave none."""
    dumps = [site_dump(n).replace(f"Berth {n} closes for the winter", "Notice to mariners") for n in range(1, 6)]
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(reading, GenericReading)
    assert reading.fields["title"] == "Notice to mariners"
    assert role_of(reading, "The harbour master said")[1].endswith(RULE_PAGE_TRUSTED)


def test_the_corpus_marks_a_copy_of_the_page_scores_and_no_blank_line() -> None:
    """The page's own scores stay as they were (the page alone may be read next); an empty list item that
    every dump shows is chrome like any recurring line, though its text is a blank line's."""
    dumps = [site_dump(n) + "\n•\n" for n in range(1, 6)]
    raws = dumps[0].split("\n")
    page = score_lines(raws, [read_line(raw, "•") if raw else BLANK for raw in raws])
    scores, rules = list(page.scores), dict(page.chrome_rules)
    marked = with_corpus(page, site_chrome(dumps))
    assert page.scores == scores and page.chrome_rules == rules
    lone = len(raws) - 2
    assert page.lines[lone] == Line("", True)
    assert marked.chrome_rules[lone] == "repeated in 5 of 5 dumps of this site" and marked.scores[lone] < 0
    assert not any(marked.lines[i] is BLANK for i in marked.chrome_rules)


def test_a_headline_other_dumps_list_is_still_the_headline() -> None:
    """Dumps crawled together list each other's headlines under "Recent posts": as list items they recur in
    every dump, but the same words standing alone over the byline are this dump's headline."""
    headlines = [f"Berth {n} closes for the winter" for n in range(1, 6)]
    recent = "\n\nRecent posts\n\n" + "".join(f"  • {headline}\n" for headline in headlines)
    dumps = [site_dump(n).replace(SITE_FOOTER, recent + SITE_FOOTER) for n in range(1, 6)]
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(reading, GenericReading)
    assert reading.fields["title"] == headlines[0]
    assert role_of(reading, headlines[0])[1].startswith("the headline")
    # read with the corpus (which the page alone overrides only when the corpus leaves no headline)
    assert not role_of(reading, "The harbour master said")[1].endswith(RULE_PAGE_TRUSTED)
    listed = site_chrome(dumps).count("• " + headlines[0])
    assert listed == 5 and site_chrome(dumps).count(headlines[0]) == 0  # a list item is keyed apart


def test_a_headline_other_dumps_print_alone_is_still_the_headline_over_its_byline() -> None:
    """Other dumps print the headline as a plain line (a sidebar of popular posts, "Next post"): it recurs as
    the same words alone, but right over a byline that only this dump prints, it is this dump's headline."""
    headlines = [f"Berth {n} closes for the winter" for n in range(1, 6)]
    authors = ["Ann Lee", "Tom Berg", "Eva Holm", "Ida Sand", "Max Lund"]
    popular = "\n\nMost popular\n\n" + "\n\n".join(headlines) + "\n"
    dumps = [
        site_dump(n).replace("By Ann Lee", f"By {authors[n - 1]}").replace(SITE_FOOTER, popular + SITE_FOOTER)
        for n in range(1, 6)
    ]
    chrome = site_chrome(dumps)
    assert chrome.count(headlines[0]) == 5  # the same words alone in every dump
    reading = read_generic(dumps[0], chrome)
    assert isinstance(reading, GenericReading)
    assert reading.fields["title"] == headlines[0] and reading.fields["authors"] == ["Ann Lee"]
    assert not role_of(reading, "The harbour master said")[1].endswith(RULE_PAGE_TRUSTED)
    assert headlines[1] not in reading.fields["body"]


@pytest.mark.parametrize(
    "twice", [False, True]
)  # the name once, or twice (a link of the author's photo, then the name)
def test_a_headline_another_dump_prints_alone_is_still_the_headline_over_its_name_and_date(twice: bool) -> None:
    """Another dump prints this one's headline alone (a sidebar of top stories): it recurs, but over the author's
    name alone and a date that only this dump prints, it is this dump's headline."""
    headlines = [f"Berth {n} closes for the winter" for n in range(1, 6)]
    authors = ["Ann Lee", "Tom Berg", "Eva Holm", "Ida Sand", "Max Lund"]
    top = "\n\nTop stories\n\n" + headlines[0] + "\n"
    dumps = []
    for n in range(1, 6):
        name = f"{authors[n - 1]}\n" * (2 if twice else 1)
        dump = site_dump(n).replace("By Ann Lee\n", f"{name}July {n + 10}, 2012\n")
        dumps.append(dump.replace(SITE_FOOTER, top + SITE_FOOTER) if n == 2 else dump)
    chrome = site_chrome(dumps)
    assert chrome.count(headlines[0]) == 2
    reading = read_generic(dumps[0], chrome)
    assert isinstance(reading, GenericReading)
    assert reading.fields["title"] == headlines[0]
    assert reading.fields["authors"] == ["Ann Lee"]


def test_a_dash_between_paragraphs_that_every_dump_prints_does_not_cut_the_article() -> None:
    """A line of dashes or a rule recurs on any site (a separator between paragraphs): it says nothing of the
    site's chrome, and the article goes on under it."""
    dumps = [
        site_dump(n).replace(".\n\nThe harbour master said", ".\n\n-\n\nThe harbour master said", 2)
        for n in range(1, 6)
    ]
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(reading, GenericReading)
    assert reading.fields["body"].count("The harbour master said") == 4
    assert "independent newspaper" not in reading.fields["body"]  # the site's footer is still its chrome


SERIES = (
    "Each week the Gazette visits one of the harbour's berths and the crews who work there, and asks them what the "
    "winter will bring."
)


def test_a_series_paragraph_fewer_than_half_the_dumps_print_stays_the_article_s() -> None:
    """Two of five dumps open their text with the paragraph of the series they belong to: the article's own, not
    the site's chrome; the footer every dump prints still is."""
    dumps = [
        site_dump(n).replace("By Ann Lee\n\n", f"By Ann Lee\n\n{SERIES}\n\n" if n <= 2 else "By Ann Lee\n\n")
        for n in range(1, 6)
    ]
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(reading, GenericReading)
    assert reading.fields["body"].startswith(SERIES)
    assert role_of(reading, "Each week the Gazette")[0] is Role.BODY
    assert "independent newspaper" not in reading.fields["body"]
    # in three of five dumps, it is the site's
    dumps = [
        site_dump(n).replace("By Ann Lee\n\n", f"By Ann Lee\n\n{SERIES}\n\n" if n <= 3 else "By Ann Lee\n\n")
        for n in range(1, 6)
    ]
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(reading, GenericReading)
    assert SERIES not in reading.fields["body"]


WRAPPED_TAIL = (  # the article's end, its paragraphs wrapped to a narrow column: short lines, each weak prose alone
    "The leaders of berth {number} spoke as a new poll\nshowed the trade of berth {number} recovering,\nthough berth "
    "{number} still trailed last year.\n\nThe master of berth {number}, who named no rival,\nsaid the next year at "
    "berth {number} would bring\nchanges to berth {number} and to the north quay."
)


@pytest.mark.parametrize(
    ("marks", "runs_on"),
    [
        (("Story continues Continue story", "ADVERTISEMENT"), True),  # a site's marks inside its articles
        (("Anzeige", "Werbung"), True),
        (("More from the Gazette", "Most read"), False),  # a box of the site's links: the article ends over it
    ],
)
def test_an_advertisement_s_mark_every_dump_prints_between_paragraphs_does_not_cut_the_article(
    marks: tuple[str, str], runs_on: bool
) -> None:
    """ "Story continues" and "ADVERTISEMENT" recur in every dump of the site, between two paragraphs: a site's marks
    inside its articles, not a menu. They stay out of the body, and the article runs on under them, though its
    last paragraphs are weak prose (short lines of a narrow column)."""
    insert = f"\n\n{marks[0]}\n\n{marks[1]}\n\n" + WRAPPED_TAIL
    dumps = [site_dump(n).replace(SITE_FOOTER, insert.format(number=n) + SITE_FOOTER) for n in range(1, 6)]
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(reading, GenericReading)
    assert ("the north quay." in reading.fields["body"]) is runs_on
    assert marks[0] not in reading.fields["body"]
    assert marks[1] not in reading.fields["body"]


WRAPPED_ABOVE = (  # a paragraph wrapped to the column over the marks: it ends on its last words, a weak line alone
    "The harbour board of berth {number} met on Monday evening to discuss the long winter closure\nand the cost of "
    "the repairs to the quay wall at berth {number}, which the storms of last year broke\nin {number} places."
)
LAST_PARAGRAPHS = (
    "The harbour master of berth {number} said that the repairs would be finished before the spring tides return."
    "\n\nUntil then the ships of berth {number} will anchor in the bay, off the old lighthouse on the point."
)


def test_an_advertisement_s_mark_under_a_wrapped_paragraph_does_not_cut_the_article() -> None:
    """The paragraph over the marks is wrapped, so the line right over them is its last words alone ("in 1 places."),
    which scores as no prose: its paragraph above still does, and the article runs on under the marks."""
    insert = f"\n\n{WRAPPED_ABOVE}\n\nStory continues Continue story\n\nADVERTISEMENT\n\n{LAST_PARAGRAPHS}\n\n"
    dumps = [site_dump(n).replace(SITE_FOOTER, insert.format(number=n) + SITE_FOOTER) for n in range(1, 6)]
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(reading, GenericReading)
    assert "off the old lighthouse on the point." in reading.fields["body"]
    assert "ADVERTISEMENT" not in reading.fields["body"]


def _dated(number: int, headline: int) -> str:
    """Dump `number` of the site with a date line, not a byline, under the headline of article `headline`."""
    return site_dump(number).replace(
        f"Berth {number} closes for the winter\n\nBy Ann Lee",
        f"Berth {headline} closes for the winter\n\nMonday, January {number + 10}, 2024 10:{number}5",
    )


def test_a_headline_another_dump_prints_over_its_own_date_line_is_still_the_headline() -> None:
    """The crawl holds the article twice (crawled again, under another date): its headline recurs in two of four
    dumps, but right over a date line only this dump prints, it is this dump's headline, and the corpus still
    reads the page (its footer stays chrome). A line most dumps print over their dates (a blog's motto) is the
    site's chrome."""
    dumps = [_dated(n, 1 if n == 4 else n) for n in range(1, 5)]
    chrome = site_chrome(dumps)
    assert chrome.count("Berth 1 closes for the winter") == 2
    reading = read_generic(dumps[0], chrome)
    assert isinstance(reading, GenericReading)
    assert reading.fields["title"] == "Berth 1 closes for the winter"
    assert not role_of(reading, "The harbour master said")[1].endswith(RULE_PAGE_TRUSTED)
    assert "independent newspaper" not in reading.fields["body"]
    motto = "Notes from the harbour, every winter day"  # over each post's date, the post's headline under it
    dumps = [
        site_dump(n).replace(
            f"Berth {n} closes for the winter\n\nBy Ann Lee",
            f"{motto}\n\nMonday, January {n + 10}, 2024\n\nBerth {n} closes for the winter",
        )
        for n in range(1, 5)
    ]
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(reading, GenericReading)
    assert role_of(reading, motto)[1] == "repeated in 4 of 4 dumps of this site"
    assert reading.fields["title"] == "Berth 1 closes for the winter"


def _opening_with_headline(number: int) -> str:
    """A blog's dump that opens with its post's headline, its category and time in a line under it."""
    paragraph = (
        f"You know me, I love pixels and I love the old arcade heroes, so this set of {number} drawings made my day "
        "and I spent the whole evening looking at every one of them in turn."
    )
    return (
        f"Pixel heroes and villains, part {number}\n\nall other stuff, images — thebrainbehind @ 15:{number}8\n\n\n\n"
        f"{paragraph}\n\n{paragraph}\n\nComments (0)\n\n  • Home\n  • Archive\n  • About this blog\n"
    )


def test_a_first_line_no_other_dump_prints_is_set_apart_by_the_page_edge() -> None:
    """The dumps of a blog open with their post's headline: no other dump of the site prints it, so the page's
    edge sets it apart as a blank line above would, and it wins over the post's meta line under it. Alone, a
    page's first line is as often the site's name, and the meta line (a blank line each side) wins."""
    dumps = [_opening_with_headline(n) for n in range(1, 6)]
    reading = read_generic(dumps[0], site_chrome(dumps))
    assert isinstance(reading, GenericReading)
    assert reading.fields["title"] == "Pixel heroes and villains, part 1"
    alone = read_generic(dumps[0])
    assert isinstance(alone, GenericReading)
    assert alone.fields["title"] == "all other stuff, images — thebrainbehind @ 15:18"


@pytest.mark.parametrize(
    ("teaser", "expected"),
    [
        # a teaser every dump prints over its head, with its own date: each dump's date is the one under its headline
        ("  • Bay Ferries: July 30, 2012 Gallery Bay Ferries: July 30, 2012 9 of 9", "2012-07-0{n}"),
        # the same date labelled the post's ("Posted ... on"): posts of one day, in one section, share the line
        ("Posted in Port | Ferries on July 30, 2012", "2012-07-30"),
    ],
)
def test_a_date_line_the_site_s_dumps_share_is_not_the_article_s(teaser: str, expected: str) -> None:
    dumps = [site_dump(n).replace("Berth", f"{teaser}\n\nJuly {n}, 2012 12:11 AM\n\nBerth", 1) for n in range(1, 6)]
    for n, dump in enumerate(dumps, start=1):
        alone = read_generic(dump)
        reading = read_generic(dump, site_chrome(dumps))
        assert isinstance(alone, GenericReading) and isinstance(reading, GenericReading)
        assert alone.date is not None and reading.date is not None
        assert alone.date.local.date().isoformat() == "2012-07-30"  # the page alone cannot tell
        assert reading.date.local.date().isoformat() == expected.format(n=n)
