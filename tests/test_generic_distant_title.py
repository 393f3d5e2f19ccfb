"""The headline far above the article's head (`title_pick.pick_title`, `Window.distant`): taken where the head's
window shows no headline, and only when the page prints it twice."""

from __future__ import annotations

from builder.extract.generic.head import HEAD_LINES
from builder.extract.generic.headline_neighbours import path_slash
from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import seal_page

HEADLINE = "Forty seals return to the sandbank"
# A sidebar of link labels between the headline and the prose, longer than the head's window
SIDEBAR = tuple(f"Tool {number}" for number in range(HEAD_LINES + 5))


def _title(*head: str) -> str | None:
    reading = read_generic(seal_page(*head))
    assert isinstance(reading, GenericReading), reading
    return reading.fields["title"]


def test_a_headline_printed_twice_far_above_a_sidebar_is_taken_where_the_head_shows_none() -> None:
    title = _title("Harbour Weekly", f"• {HEADLINE}", HEADLINE, *SIDEBAR, "CLOSE")
    assert title == HEADLINE


def test_a_far_line_printed_once_is_not_taken() -> None:
    assert _title("Harbour Weekly", HEADLINE, *SIDEBAR, "CLOSE") != HEADLINE


def test_a_headline_in_the_head_with_its_byline_wins_over_a_far_line_printed_twice() -> None:
    """The far line is not looked at: weighed beside the head's headline, its words in the article's first lines
    and printed twice, it would win."""
    head = ("Harbour Weekly", f"• {HEADLINE}", HEADLINE, *SIDEBAR, "Out on the dunes at dawn", "By Ann Lee")
    assert _title(*head) == "Out on the dunes at dawn"


def test_a_section_s_name_closed_by_a_bar_over_the_headline_sets_it_apart_as_a_blank_line_would() -> None:
    """The kicker's link and the bar after it ("Local News |") sit right over the headline, and the deck under the
    headline had the blank lines a heading has: it was taken."""
    head = ("Harbour Weekly", f"Local News |\n{HEADLINE}", "Pups are expected within weeks, wardens warn")
    assert _title(*head) == HEADLINE
    # a line of more words closed by a bar is a menu's, and sets nothing apart
    menu = "Home | News | Sport | Local News |"
    assert _title("Harbour Weekly", f"{menu}\n{HEADLINE}", "Pups are expected within weeks, wardens warn") != HEADLINE


def test_a_headline_with_a_count_or_a_date_in_slashes_is_no_path() -> None:
    """A slash between digits counts a series or writes a date ("(3/12)", "8/5/2012"): the headline keeps its chance;
    a slash with a word on one side is a path's or a credit's, and costs it."""
    assert (
        _title("Harbour Weekly", "Seals return to the sandbank (3/12)", "By Ann Lee")
        == "Seals return to the sandbank (3/12)"
    )
    assert not any(map(path_slash, ["Seals return (3/12)", "Sunday notes 8/5/2012", "Open 24/7"]))
    assert all(map(path_slash, ["Home / News", "AFP/Getty", "News/", "/ Sport"]))
