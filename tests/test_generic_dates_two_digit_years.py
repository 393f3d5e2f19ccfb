"""Numeric dates that print their year with two digits ("06.11.23", "19/10/12"): read where a line prints no date
with a four-digit year, in the century POSIX's pivot gives; not read inside a number or a version; and no
comment's head when a list of sources is dated so."""

from __future__ import annotations

from datetime import datetime

import pytest

from builder.extract.generic.dates import find_date, is_date_line
from builder.extract.generic.reader import GenericReading, read_generic
from tests.region_pages import ARTICLE, SIDEBAR
from tests.region_pages import page as _page
from tests.region_pages import region_text as _region_text
from tests.seal_pages import seal_page


@pytest.mark.parametrize(
    ("line", "local", "has_time"),
    [
        ("06.11.23", datetime(2023, 11, 6), False),
        ("1.11.23 20:19 von Lars Sobiraj", datetime(2023, 11, 1, 20, 19), True),
        ("Swantje Schemmerling | 06.11.23", datetime(2023, 11, 6), False),
        ("Written by Philip Proefrock on 19/10/12", datetime(2012, 10, 19), False),  # the day > 12: day first
        ("NFL Fantasy LIVE podcast (10/30/12)", datetime(2012, 10, 30), False),  # the second > 12: month first
        ("By Alexandra Tremayne-Pengelly • 11/08/23 5:19pm", datetime(2023, 11, 8, 17, 19), True),  # US clock
        ("Erstellt am 01.01.23 um 08:35", datetime(2023, 1, 1, 8, 35), True),
        ("Last updated 21.07.98", datetime(1998, 7, 21), False),  # 90..99: the 1990s
        ("05/06/00", datetime(2000, 6, 5), False),  # 00..68: the 2000s; slashes day first by default
        ("am 06.11.23.", datetime(2023, 11, 6), False),  # a full stop after the year ends the sentence
    ],
)
def test_a_numeric_date_with_a_two_digit_year_is_read(line: str, local: datetime, has_time: bool) -> None:
    found = find_date(line)
    assert found is not None
    assert (found.local, found.has_time) == (local, has_time)


@pytest.mark.parametrize(
    "line",
    [
        "v1.11.23",  # a version: a letter touches it
        "10.1.12.5",  # an address: a fourth number
        "Build 4.12.21.3",
        "1.2.3",  # a one-digit year is none
        "21.07.75",  # 69..89: no year (a year is 1990..2100)
        "31.02.21",  # no such day
        "12:05.11.21",  # a clock's minutes are no day
        "21-07-21",  # dashes: a phone number's or a code's as often
    ],
)
def test_numbers_that_look_like_short_dates_are_none(line: str) -> None:
    assert find_date(line) is None


def test_a_four_digit_year_on_the_line_wins_over_a_two_digit_one() -> None:
    found = find_date("Kommentar vom 01.02.21 zu: 21. Juli 2021")
    assert found is not None and found.local == datetime(2021, 7, 21)


def test_a_caller_may_leave_two_digit_years_out() -> None:
    assert find_date("(The Sunday Times, 10/09/06)") is not None
    assert find_date("(The Sunday Times, 10/09/06)", two_digit_years=False) is None


def test_a_short_date_alone_is_a_date_line() -> None:
    assert is_date_line("mardi 10.12.19")
    assert not is_date_line("Version 2.10.12 released today for everyone")


def test_an_article_dated_only_with_a_two_digit_year_gets_that_date() -> None:
    reading = read_generic(seal_page("Harbour Weekly", "Seals return to the sandbank", "Von Jana Holm | 06.11.23"))
    assert isinstance(reading, GenericReading), reading
    assert reading.date is not None and reading.date.local == datetime(2023, 11, 6)


def test_sources_dated_with_two_digit_years_are_no_comment_section() -> None:
    """A news digest: each item's paragraph, then its sources and their dates in brackets. Read as the name-and-date
    lines of comments, the sources would end the article at the first of them."""
    items = [
        "Health officials said the number of new cases fell for the third month in a row across the region.",
        "(The Sunday Times, 10/09/06)",
        "A new clinic opened in the north of the city to offer free tests to anyone who asks for one.",
        "(Channel 4 News, 02/11/06)",
        "Campaigners asked the government to fund the programme for another five years at least.",
        "(BBC News, 27/07/06)",
        "The next report on the region's health is due in the spring, once the new clinics have sent their figures.",
    ]
    article = ARTICLE + SIDEBAR + items
    assert _region_text(_page(article)) == article


def test_a_two_digit_year_is_looked_for_in_a_line_s_first_characters_only() -> None:
    """A dateline opens its paragraph; a short date deep in a long sentence is a number's or a reference's."""
    sentence = "The council met again to talk about the harbour, the ferries and the new quay for the fishing boats"
    assert find_date(f"06.11.23 - {sentence} {sentence}") is not None
    assert find_date(f"{sentence} {sentence} (report of 06.11.23)") is None
