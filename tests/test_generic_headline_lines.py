"""Which lines may be a headline: breadcrumbs, handles, menus in capitals or glued together or
parted by dots, an agency's or a desk's credit, a ranked list's items, a wiki's section headings and formulas, and
the headline model's weights."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.extract.generic import headline, headline_lines
from builder.extract.generic.byline import is_capitalised_byline
from builder.extract.generic.credits import is_credit_line
from builder.extract.generic.headline_lines import is_breadcrumb, is_category_list
from builder.extract.generic.markers import is_glued_menu, is_handle_or_menu
from builder.extract.generic.reader import GenericReading, dump_lines, read_generic
from builder.extract.generic.region import score_lines
from tests.seal_pages import SEAL_PARAGRAPHS, seal_page

PROSE = " ".join(["The harbour reopened on Monday after a winter of repairs to its two old piers."] * 3)


def _title(page: str) -> str | None:
    """The headline the reader finds in the page (it must read an article there)."""
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    title: str | None = reading.fields["title"]
    return title


def test_every_feature_of_the_headline_model_has_a_weight() -> None:
    weights = json.loads(Path(headline.__file__).with_name("headline_weights.json").read_text(encoding="utf-8"))
    assert set(weights) == {*headline.FEATURES, "threshold"}


@pytest.mark.parametrize(
    ("line", "breadcrumb"),
    [
        ("Accueil » Politique » Région", True),
        ("« Article précédent", True),
        ("« Précédent | Suivant »", True),
        ("Le maire «assume» et «revendique» le quai", False),
        ("Die Kanzlerin: »Wir schaffen das«", False),
        ("»Einfach kein Geld mehr, um die Miete zu zahlen«", False),  # a quote for a headline, German...
        ("«Wir waren fast 40 Tage in Quarantäne»", False),  # ...and French or Swiss
        ("« Previous Next »", True),  # paging links around two words
        ("« Older post | Main | Newer post »", True),
        ("«Vape Wave», «6 Days» et «Braguino»", True),
        ("Home > News > Harbour", True),
        ("ITmedia PC USER >", True),  # the path's last step over the page's own name
        ("Technik ›", True),
        ("The harbour at dawn", False),
        ("You are here: About>Autos>Cars", True),
        ("Sie sind hier: Startseite", True),
        ("Here you are: the harbour at dawn", False),
    ],
)
def test_breadcrumbs_and_quotes(line: str, breadcrumb: bool) -> None:
    assert is_breadcrumb(line) is breadcrumb


@pytest.mark.parametrize(
    ("line", "categories"),
    [
        ("Forschung, Projekte, Sprachpunkt", True),
        ("Corona & die Folgen, Debatte, Deutschland, Politik", True),
        ("Brothel catering to politicians, doctors, lawyers busted in Boston", False),  # longer items
        ("The Briefing, Friday, November 9, 2012", False),  # a date
        ("Seals, Terns, Gulls: Who Rules the Sandbank?", False),
        ("Seals and Terns", False),
        ("Neue Energiezähler mit M-Bus, Mod-Bus, Ethernet und MID", False),  # an item of four words
    ],
)
def test_an_unlabelled_list_of_categories_is_no_headline(line: str, categories: bool) -> None:
    assert is_category_list(line) is categories


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("@emmabrockes", True),
        ("#GameTechie", True),
        ("BUSINESS SMALL BUSINESS DAILYFINANCE REAL ESTATE THE WATCHDOG HUFFPOST TECH", True),
        ("FALL IN LOVE WITH BLACK", False),  # a short headline in capitals
        (
            "THE ROLLING STONES - STONES 'QUIT EMI' FOR UNIVERSAL",
            False,
        ),  # a long one: its stop words read as a sentence
        ("ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท อ.สุรชัย ตำรวจ เร่ง สอบ ผล", False),  # Thai letters have no case
        ("Brexit", False),
        ("Email @adamoss with your seal photographs", False),  # a handle inside a line
        ("— ITmedia NEWS (@itmedia_news) February 28, 2019", True),  # an embedded post's signature
        ("— a dash, then a sentence that names no one (at all)", False),
    ],
)
def test_a_handle_or_a_menu_in_capitals(line: str, expected: bool) -> None:
    assert is_handle_or_menu(line, len(line.split())) is expected


@pytest.mark.parametrize(
    ("line", "glued"),
    [
        ("HomeLatestBaseballFootballBasketballHockey", True),  # menu links glued together
        ("Funded by readers like you HomeNewsOpinionCulture", True),
        ("McDonald's sells the new iPhone on YouTube", False),  # names glue a capital once or twice
        ("Findings from our Global DevSecOps Survey", False),
        ("San FranciscoEast BaySouth BayPeninsulaNorth Bay", True),  # links of two words each, glued four times
        ("CES: iSleep to iDream with iPod-ready bed", False),  # three names in one headline
    ],
)
def test_menu_links_glued_together(line: str, glued: bool) -> None:
    assert is_glued_menu(line) is glued


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("The Associated Press", True),
        ("By the Associated Press", True),
        ("CanWest News Service", True),
        ("By staff writers", True),
        ("Washington Post Staff Writer", True),
        ("AP Golf Writer", True),
        ("AP White House Correspondent", True),  # under "[] By TERENCE HUNT", a byline behind its avatar
        ("Special to The Star", True),
        ("From correspondents in Karachi, Pakistan", True),  # a desk, where it writes from
        ("By our correspondent in New Delhi", True),
        ("From wire reports", True),
        ("THE CANADIAN PRESS", True),  # wire copy prints its agency in capitals
        ("By REUTERS", True),
        ("From our ANI Correspondent", True),  # the desk of an agency or an outlet, between "our" and its role
        ("From our own correspondent", True),
        ("Our Correspondent", True),
        ("By Staff and news service reports", True),  # the staff's and the wires' reports together
        ("By staff and wire reports", True),
        ("Staff and readers report record crowds", False),
        ("Government Agencies", False),  # a capitalised word before any other desk word is a heading's
        ("From our archives", False),
        ("Our Town Correspondents Dinner recalls old days", False),
        ("Correspondents in Gaza face danger", False),
        ("From Russia with love", False),
        ("Associated Press sues over headline use", False),
        ("The Ghost Writer", False),
        ("By the Numbers", False),
    ],
)
def test_an_agency_or_desk_credit(line: str, credit: bool) -> None:
    assert is_credit_line(line) is credit


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Smart Shopping Team", True),
        ("By the numbers: a summer at sea", False),
        ("Written By: Jason Shafrin - Nov 02 2012", True),  # a date after the name
        ("Written by Tim Ferriss Topics: Filling the Void", True),  # a section after it
        ("Di Montezemolo: Driver lineup is crucial", False),  # "Di" opens Italian bylines, and this headline
    ],
)
def test_a_byline_opened_by_its_word_over_capitalised_words(line: str, byline: bool) -> None:
    """Such a line is never the headline. After an opening of two words ("Written by"), the first two words
    decide; after "By" alone, every word must be capitalised."""
    assert is_capitalised_byline(line) is byline


def test_an_agency_credit_between_headline_and_date_is_not_the_headline() -> None:
    """A credit line right over the date gets the headline's best sign (a date under it); it is no headline."""
    page = f"Harbour Weekly\n\nPiers reopen\n\nThe Associated Press\nJan. 10, 2008 12:00 AM\n\n{PROSE}\n\n{PROSE}\n"
    assert _title(page) == "Piers reopen"


def test_an_agency_in_capitals_between_headline_and_prose_is_not_the_headline() -> None:
    """ "THE CANADIAN PRESS" alone under the headline and its date, where a byline stands: an image's label over
    the headline leaves the credit the best signs (a blank line each side, a date above it)."""
    head = "Harbour Weekly\n\n[tt_sports]\nPiers reopen after winter repairs\nat 12:19 on January 7, 2008, EST.\n\n\n"
    page = f"{head}THE CANADIAN PRESS\n\nMONTREAL - {PROSE}\n\n{PROSE}\n"
    assert _title(page) == "Piers reopen after winter repairs"


def test_an_agency_credit_under_a_line_is_a_headline_s_sign() -> None:
    """A credit under a line ("The Associated Press") is that headline's byline, a sign as strong as the date
    line under the section's label above it; the headline has no blank line above it."""
    head = (
        "Wires > Coast - Wire\n\nCoast - Wire\n\nPosted on Fri, Jan. 18, 2008\n\nprint email\nDigg it del.icio.us AIM"
    )
    page = f"Harbour Weekly\n\n{head}\nPiers reopen after repairs\n\nThe Associated Press\n\n{PROSE}\n\n{PROSE}\n"
    assert _title(page) == "Piers reopen after repairs"


def test_a_ranked_list_s_item_or_a_line_of_signs_is_not_the_headline() -> None:
    """ "1. ..." over "2. ..." over a date: a most-read list, not the headline; nor is a line of signs ("*")."""
    ranked = "1. Couple stalls the inquiry into the harbour\n2. Ferry fares rise again in spring"
    page = f"Harbour Weekly\n\nPiers reopen\n\n{ranked}\n\n*\nJan. 10, 2008 12:00 AM\n\n{PROSE}\n\n{PROSE}\n"
    assert _title(page) == "Piers reopen"


@pytest.mark.parametrize(
    ("page", "line", "expected"),
    [
        ("*\n\nPiers reopen", 0, False),  # signs only
        ("* *          [pxl_trans]\n\nPiers reopen", 0, False),  # signs and an image's name in brackets
        ("Piers reopen\n\n*", 0, True),
        ("1. Piers reopen\n2. Fares rise", 0, False),  # a ranked list's item
        ("1. Piers reopen\n\nThe harbour reopened.", 0, True),  # a number alone is no list
        ("LAS VEGAS--(BUSINESS WIRE)--\n\nThe harbour reopened.", 0, False),  # a dateline alone on its line
        ("WASHINGTON —\n\nThe harbour reopened.", 0, False),
        # a paragraph's line wrapping on the next one, in small letters: none...
        (
            "The striker has not played since October because of injuries to\nboth his leg and his knee, and he",
            0,
            False,
        ),
        # ...but a headline over its byline or its time in small letters is one
        ("Feds Grant Challenger Appeal In Google Toolbar Patent Case\nby Tameka Kee, Friday", 0, True),
        ("Ferries return to the northern islands after two long winters\nposted 8:58 am Tue January 15", 0, True),
        ("Ferries return to the northern islands after two long winters\nprintable versionbigger text", 0, True),
        # a byline with its date whose names the byline's reading cannot tell: still no headline
        ("By Ann Lee Google+ Profile for Ann Lee • Nov 6, 2012 • New York City", 0, False),
        ("by White on Rice Couple on October 28, 2012", 0, False),
        ("By the numbers: the harbour in 2012", 0, True),  # no date
    ],
)
def test_headline_like_lines(page: str, line: int, expected: bool) -> None:
    assert headline_lines.is_headline(score_lines(*dump_lines(page)), line, set(), set()) is expected


@pytest.mark.parametrize(
    ("heading", "under", "title"),
    [
        ("Comments", "Posted by Max Fisher on October 29, 2012", True),
        ("Comments", "", False),
        ("comments", "", True),  # in lower case: a link to them, as a head prints one, heading nothing
        ("  • World\n  • Comment is free", "", True),  # a menu's item: it heads no line under it
    ],
)
def test_a_line_under_a_comment_link_is_the_headline_only_over_a_byline(heading: str, under: str, title: bool) -> None:
    """ "Comments" (a comment count's link in the head) over a line: a teaser under an end heading, unless a
    byline or date lies right under it, as under a headline."""
    page = f"Harbour Weekly\n\n{heading}\n\nPiers reopen after a winter of repairs\n\n{under}\n\n{PROSE}\n\n{PROSE}\n"
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert (reading.fields["title"] == "Piers reopen after a winter of repairs") is title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "Piers reopen after a winter of repairs" + " " * 20 + "┌" + "─" * 30,
            "Piers reopen after a winter of repairs",
        ),
        ("──── Piers reopen after a winter of repairs ────", "Piers reopen after a winter of repairs"),
        ("Piers reopen after a winter of repairs", "Piers reopen after a winter of repairs"),
    ],
)
def test_a_table_border_w3m_printed_on_the_headline_s_line_is_not_in_the_title(line: str, title: str) -> None:
    page = f"Harbour Weekly\n\n{line}\n\nBy Ann Lee\n\n{PROSE}\n\n{PROSE}\n"
    assert _title(page) == title


@pytest.mark.parametrize(
    "head",
    [
        # a station's name alone over the date, under an image: the byline's place, not a headline
        ("Harbour Weekly", "Seals return to the sandbank", "[photo]", "Coast Radio Harbour", "3 May 2021"),
        # the start of a byline the renderer cut at its comma, over the date
        ("Harbour Weekly", "Seals return to the sandbank", "From Harbour Weekly correspondents,", "3 May 2021"),
        # the writers' names, listed, over the date
        ("Harbour Weekly", "Seals return to the sandbank", "Clara Löw, Ada Moss & Tom Roe", "3 May 2021"),
    ],
)
def test_a_name_alone_or_a_line_ending_in_a_comma_loses_to_the_headline(head: tuple[str, ...]) -> None:
    """name_line and ends_with_comma: a line that is only a name, or ends with a comma, over the date weighs
    less than the headline over it (both had no weight before, and won over it)."""
    assert _title(seal_page(*head)) == "Seals return to the sandbank"


@pytest.mark.parametrize(
    ("short", "candidate"), [("The wardens counted them twice.", False), ("Wardens count twice", True)]
)
def test_a_short_last_paragraph_is_no_headline(short: str, candidate: bool) -> None:
    """A line ending in a full stop right under a paragraph of prose is the run's last, short paragraph (the
    region may start under it, past a caption and a share bar): never weighed as the headline. A line that ends
    as no sentence, there, still is."""
    page = seal_page("Harbour Weekly", "Forty seals return to the sandbank", SEAL_PARAGRAPHS[0], short)
    scored = score_lines(*dump_lines(page))
    at = scored.lines.index(next(line for line in scored.lines if line.text == short))
    window = headline.Window(above=[at, at - 2, at - 4], in_region=[])
    found = [c.at for c in headline.headline_candidates(scored, window, set(), set())]
    assert (at in found) is candidate
    assert at - 4 in found  # the headline


@pytest.mark.parametrize(
    "line",
    [
        "Counts by year[edit]",  # a wiki's section heading with its edit link
        "Zählungen[Bearbeiten | Quelltext bearbeiten]",
        "The count  N = N 0 e r t {\\displaystyle N=N_{0}e^{rt}}",  # a formula's TeX source (its alt text)
    ],
)
def test_a_wiki_s_section_heading_or_formula_is_no_headline(line: str) -> None:
    """A wiki's headline is short ("Harbour seal"), and lines far down the page look more like one: a section
    heading (its edit link printed after it) and a formula's source. Neither is ever the headline."""
    page = seal_page(
        "Harbour seal",
        "Jump to navigation",
        "Jump to search",
        line,
        paragraphs=[*SEAL_PARAGRAPHS, line, *SEAL_PARAGRAPHS],
    )
    assert _title(page) == "Harbour seal"


def test_a_menu_of_links_parted_by_middle_dots_is_no_headline() -> None:
    """A site's menu whose links a middle dot parts ("Latest News · Archive · Print version"), over the date, weighs
    as one a pipe parts: the headline under the date wins."""
    headline = "Forty Seals Are Back on the Sandbank off the Harbour Mouth After a Decade Away From It"
    page = seal_page(
        "Harbour Weekly", "Harbour Weekly · Latest News · Archive · Print version", f"Monday, May 3, 2021\n{headline}"
    )
    assert _title(page) == headline


NARROW_COLUMN = """Seals return to the sandbank
Forty seals have come back at last to the
sandbank off the harbour mouth, years after
the storm closed it.

Seals come back to the harbour
printable versionbigger textsmaller text

Wardens count the seals
counted on 12 March 2020
"""


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Seals return to the sandbank", True),
        ("Forty seals have come back at last to the", False),  # its paragraph goes on in small letters
        ("sandbank off the harbour mouth, years after", False),
        ("the storm closed it.", False),  # the paragraph's last line, a headline's length
        ("Seals come back to the harbour", True),  # a glued menu under it opens small, but holds no stop word
        ("Wardens count the seals", True),  # a date line under it opens small
    ],
)
def test_the_lines_of_a_paragraph_a_narrow_column_wraps_are_no_headline(line: str, headline: bool) -> None:
    scored = score_lines(*dump_lines(NARROW_COLUMN))
    at = next(i for i, read in enumerate(scored.lines) if read.text == line)
    assert headline_lines.is_headline(scored, at, set(), set()) is headline


def test_a_bar_of_buttons_in_capitals_is_not_the_headline() -> None:
    """ "Print Email Comment Bookmark Text" under the date has a headline's capitals and a blank line above it; it
    is a bar of buttons, never the headline."""
    menu = "".join(f"    • {word}\n" for word in ["Grandeur", "Health Line", "High Spirit", "Odd News", "Salon"])
    head = (
        f"{menu}\n    After Hrs\nHome | After Hrs | Report\nFor the latest After Hrs news on mobile sms ENT to 54567\n"
        "Piers reopen after winter repairs\nUNI\nWednesday, January 09, 2008  19:17 IST\n\n"
    )
    bar = " Print   Email   Comment   Bookmark   Text\n           size\n\n[favicon]Digg it\n[favicon]Add to Reddit\n\n"
    assert _title(f"{head}{bar}MUMBAI: {PROSE}\n\n{PROSE}\n") == "Piers reopen after winter repairs"
