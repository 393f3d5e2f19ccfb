"""What a page with no profile prints that is no date (a year inside a number, an impossible day, words that
look like dates), and which lines are date lines: mostly a date, a reading time beside it, not a row of timestamps."""

from __future__ import annotations

from datetime import datetime

import pytest

from builder.extract.generic.dates import find_date, is_date_line, is_timestamp_row


@pytest.mark.parametrize("line", ["Order 2019123 shipped", "ISBN 978201912 May", "Ref. 20191 2 of 3"])
def test_a_year_inside_a_number_is_none(line: str) -> None:
    assert find_date(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "31 Feb 2021",
        "30.02.2021",
        "2021-13-01",
        "2021-02-29",
        "13/13/2021",
        "21 July 2021 25:00",
        "July 21, 2021 13:30 PM",
        "21.07.2021 14:61",
        "Jan 04 25:34 2021",
        "21 July 1989",
        "21 July 2101",
        "Jully 21, 2021",
    ],
)
def test_impossible_dates_are_no_dates(line: str) -> None:
    assert find_date(line) is None
    assert not is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Price: 21.07 EUR",
        "Version 2.49 released",
        "Call +49 30 1234 5678 or 555-12-2021-7",
        "2021 results",
        "The final score was 3-1",
        "July 2021",
        "Mar 17",
        "v21.07.21",  # a two-digit year is read only apart from any word (test_generic_dates_two_digit_years.py)
        "Updated 3 hours ago",
        "In 2021, 12 people",
        "Chapter 21 of 2021",
        "Over 2021 people came",
        "21.07",
        "20210721",
        "ID252012",  # a digit before a year: a number, unless a month's name and its day stand glued before it
        "Oct 252012",
        "Room 21, floor 7, 2021 Main Street",
        "Chapter 3, May 2008",  # a comma after the day only after an ordinal ("13th, Jan 2008")
        "Issue 12, March 2008",
        "10:29/03/2006",  # a clock's minutes are no day
        "Room 12 10:30 2021",  # a time between a day and a year, with no month
        "The Breaking News of the day",
        "",
    ],
)
def test_non_dates_are_not_read(line: str) -> None:
    assert find_date(line) is None
    assert not is_date_line(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("July 21, 2021", True),
        ("  • 24 July 2015", True),
        ("Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST", True),
        ("AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)", True),
        ("Datum: 21.07.2021", True),
        ("Fecha: 21/07/2021 - 14:49", True),
        ("By X | July 21, 2021", False),
        ("By John Smith | July 21, 2021", False),
        ("Von Anna Schmidt, 21.07.2021", False),
        ("Sarah Gooding March 9, 2017 13", False),
        ("On July 21, 2021 the council met to discuss the budget for the coming year.", False),
        ("Copyright © 2017 Breitbart", False),
        ("400 │ 2020-08-01 18:00:00+00 │ 24 │ 6.823777", False),
        ("22 Dec, 2016 651", True),
        ("Pressemitteilung vom 25. Januar 2022", True),  # "vom": "of the", beside a date
    ],
)
def test_a_date_line_is_mostly_a_date(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


def test_a_reading_time_beside_the_date_keeps_it_a_date_line() -> None:
    assert is_date_line("Oct 18, 2019 · 8 min read")
    assert not is_date_line("Oct 18, 2019 · 8 comments so far")


@pytest.mark.parametrize(
    "line",
    [
        "Score 31.12 July 21, 2021",
        "21 July 2021, 12 people",
        "21.07.2021 3-1",
        "July 21, 2021 2.5 million",
        "21 July 2021 5 min read",
    ],
)
def test_a_number_after_a_date_is_not_its_time(line: str) -> None:
    found = find_date(line)
    assert found is not None
    assert (found.local, found.has_time) == (datetime(2021, 7, 21), False)


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("2012-11-12 12.44.17 2012-11-12 12.43.56", True),  # a gallery's photo names, seconds after the minutes
        ("2012-11-12 12:43 2012-11-13 10:00", True),
        ("2012-11-12 12.47.07", False),  # one alone may be a date line
        ("updated 7/23/2012 8:26:15 PM ET 2012-07-24T00:26:15", False),  # a label
        ("Nov 1, 2012 10:00 - Nov 3, 2012 12:00", False),  # a range's dash
        ("12.11.2012 10:00 | 13.11.2012 11:00", False),
        ("2012-11-12 2012-11-13", False),  # no times
    ],
)
def test_a_row_of_timestamps_alone_is_told_from_a_date_line(line: str, row: bool) -> None:
    assert is_timestamp_row(line) is row
