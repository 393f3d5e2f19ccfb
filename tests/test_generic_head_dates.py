"""Where the article's date is found outside its headline's lines: under the article (a footer's dateline, a blog's
footer sentence) but never in its comments, a dateline opening a paragraph, and a calendar's badge printed in
pieces, its day, month and year on lines of their own."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import DATE_ONLY_IN_THE_FOOTER, SEAL_PARAGRAPHS, seal_page

COMMENT_DATE = "March 3, 2020 at 4:11 am"
FAR = "\n\n".join(f"Related story number {k}" for k in range(15))  # related links under the article


@pytest.mark.parametrize(
    ("badge", "expected"),
    [
        ("11\nJuly\n2012", datetime(2012, 7, 11)),
        ("July\n11\n2012", datetime(2012, 7, 11)),
        ("11\nJuli\n2012", datetime(2012, 7, 11)),
        ("11\nComments\n2012", None),  # no month: no date
    ],
)
def test_a_date_printed_as_a_badge_over_the_headline_is_the_article_s(badge: str, expected: datetime | None) -> None:
    reading = read_generic(seal_page("Harbour Weekly", badge, "Seals return to the sandbank"))
    assert isinstance(reading, GenericReading), reading
    assert (reading.date.local if reading.date is not None else None) == expected
    if expected is not None:  # explain shows each of its lines as the date's
        dated = [
            line.text
            for line, role in zip(reading.classified.lines, reading.classified.roles, strict=True)
            if role.value == "date"
        ]
        assert dated == badge.split("\n")


@pytest.mark.parametrize(
    ("footer", "comment_meta", "expected"),
    [
        # a labelled date among other words, under the article, wins over a comment's date line further down
        ("Posted on March 2, 2020March 2, 2020Author Jane DoeCategories Ferries", COMMENT_DATE, datetime(2020, 3, 2)),
        # no dateline under the article, only a comment's under "Comments": a reader's date is not the article's
        ("Share this article with a friend", COMMENT_DATE, None),
        # the same date line above the comments is the article's
        (f"Share this article with a friend\n\n{COMMENT_DATE}", "Jane wrote:", datetime(2020, 3, 3, 4, 11)),
        # no line is only a date: a date with its time among other fields, not the prose's year
        ("Gespeichert von rasos am 24. Juli 2017 - 18:55", "Jane wrote:", datetime(2017, 7, 24, 18, 55)),
        # a short line ending with its date after a place or a section
        ("Hofheim am Taunus | Wiesbaden, 11. November 2021", "Jane wrote:", datetime(2021, 11, 11)),
        ("Thema des Tages // 02.11.2021", "Jane wrote:", datetime(2021, 11, 2)),
        ("The ferry timetable, 11. November 2021, as printed", "Jane wrote:", None),  # a date in the middle
        # far under the article (past related links), a byline with its date or a date labelled the publication's
        (FAR + "\n\nerstellt von Ada Moss — veröffentlicht 28.01.2022 06:00", "Jane wrote:", datetime(2022, 1, 28, 6)),
        (FAR + "\n\nPublished: 28.01.2022", "Jane wrote:", datetime(2022, 1, 28)),
        (FAR + "\n\n  • Date of Publication: 08.22.16. 08.22.16", "Jane wrote:", datetime(2016, 8, 22)),
        (FAR + "\n\n[ Back to Harbour News ] Public release date: 15-Jun-2005", "Jane wrote:", datetime(2005, 6, 15)),
        (FAR + "\n\nLast modified: 28.01.2022", "Jane wrote:", None),  # the page's, not the article's
        # a blog's footer sentence, too long for a dateline, labelling the date as the post's
        (
            "This was written by Ada Moss. Posted on Sunday, September 16, 2012, at 7:05 pm. Filed under Harbour,"
            " Seals. Bookmark the permalink. Follow comments here with the RSS feed. Post a comment.",
            "Jane wrote:",
            datetime(2012, 9, 16, 19, 5),
        ),
        # a blog engine's German footer, its verb after the date
        (
            "Dieser Beitrag wurde am 04.02.2020 von Ada Moss in Hafen, Robben veröffentlicht. Setze ein Lesezeichen"
            " auf den Permalink.",
            "Jane wrote:",
            datetime(2020, 2, 4),
        ),
        # a labelled date under the article's list of sections and links
        (
            "\n\n".join(f"Section {k} of the guide" for k in range(8))
            + "\n\n(Harbour Weekly) Erstellt am 09.08.2013, 06:00",
            "Jane wrote:",
            datetime(2013, 8, 9, 6, 0),
        ),
    ],
)
def test_a_date_printed_only_outside_the_head(footer: str, comment_meta: str, expected: datetime | None) -> None:
    """With no date in the head, a dateline elsewhere above the comments: a labelled one or a line that is
    only a date first, then a date among other fields; a sentence of the prose that mentions a year is never
    the date."""
    reading = read_generic(DATE_ONLY_IN_THE_FOOTER.format(footer=footer, comment_meta=comment_meta))
    assert isinstance(reading, GenericReading), reading
    assert (reading.date.local if reading.date is not None else None) == expected


@pytest.mark.parametrize(
    ("line", "title", "expected"),
    [
        # a blog's title and its date, printed as one line: the date is the post's, and no part of its title
        ("Seals return to the sandbank 29 August, 2011", "Seals return to the sandbank", datetime(2011, 8, 29)),
        ("Seals return. Goodbye for now. 9 December, 2011", "Seals return. Goodbye for now.", datetime(2011, 12, 9)),
        ("Seals return to the sandbank - November 8, 2012", "Seals return to the sandbank", datetime(2012, 11, 8)),
        # after a colon or a short word, the date is the headline's own
        ("Seals counted on the sandbank: 6 November 2012", "Seals counted on the sandbank: 6 November 2012", None),
        ("Seals counted on the sandbank : 6 novembre 2012", "Seals counted on the sandbank : 6 novembre 2012", None),
        (
            "Seals Counted On The Sandbank For October 19, 2012",
            "Seals Counted On The Sandbank For October 19, 2012",
            None,
        ),
    ],
)
def test_a_date_ending_the_headline_s_line_is_the_article_s(line: str, title: str, expected: datetime | None) -> None:
    reading = read_generic(seal_page("Harbour Weekly", line))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == title
    assert (reading.date.local if reading.date is not None else None) == expected


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # a press release's or an agency's dateline opens a paragraph: the article's date, the paragraph its prose
        ("29.11.2022 – Seals", datetime(2022, 11, 29)),
        ("HARBOUR MOUTH, March 3, 2021 - Seals", datetime(2021, 3, 3)),
        ("Harbour mouth, (12.11.2021). Seals", datetime(2021, 11, 12)),
        # a date in a sentence, or after a long opening, is no dateline
        ("On March 3, 2021 seals", None),
        ("In the wardens' count of the harbour mouth on March 3, 2021 - seals", None),
    ],
)
def test_a_date_opening_the_article_s_paragraph_is_its_dateline(opening: str, expected: datetime | None) -> None:
    first = SEAL_PARAGRAPHS[0].replace("Seals", opening, 1)
    reading = read_generic(seal_page("Harbour Weekly", "Seals return", paragraphs=[first, *SEAL_PARAGRAPHS[1:]]))
    assert isinstance(reading, GenericReading), reading
    assert (reading.date.local if reading.date is not None else None) == expected
    assert reading.fields["body"].startswith(first)  # the paragraph stays the article's


@pytest.mark.parametrize(
    ("time", "expected", "offset_hours"),
    [
        ("01:29 PM EDT", datetime(2012, 7, 19, 13, 29), -4),
        ("18:30 Uhr", datetime(2012, 7, 19, 18, 30), None),
        ("5 PM", datetime(2012, 7, 19, 17), None),
        ("1:15", datetime(2012, 7, 19), None),  # a video's length as often as a time: the date keeps no time
        ("3.20", datetime(2012, 7, 19), None),  # a number
    ],
)
def test_a_time_alone_under_the_date_line_is_the_date_s(
    time: str, expected: datetime, offset_hours: int | None
) -> None:
    page = "Harbour Weekly\n\nSeals return to the sandbank\n\nAda Moss\nJuly 19, 2012\n" + time + "\nShare This Post"
    reading = read_generic(seal_page(page))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank"
    assert reading.date is not None
    assert reading.date.local == expected
    assert reading.date.offset == (None if offset_hours is None else timedelta(hours=offset_hours))
    roles = dict(zip((line.text for line in reading.classified.lines), reading.classified.roles, strict=True))
    assert (roles[time].value == "date") == (expected.hour > 0)


@pytest.mark.parametrize("time", ["01:29 PM EDT", "18:30 Uhr", "08:38 PM ET"])
def test_a_time_alone_is_never_the_headline(time: str) -> None:
    # a page whose headline the reader cannot see (a sidebar the site repeats): the time must not stand in for it
    reading = read_generic(seal_page("Harbour Weekly", time))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] != time


MENU = "\n".join(["Home", "News", "Business", "Sports", "Technology", "Lifestyle", "About us"])


@pytest.mark.parametrize(
    ("above", "expected"),
    [
        # the masthead's "today" over the site's menu gives way to the date line under the headline
        (f"Tue 15 Jan 2008 | 10:24 EST\n\n{MENU}", datetime(2008, 1, 1, 11, 46)),
        # a date line close above the headline stays the article's (the line picked may be a subheading)
        (f"{MENU}\n\nTue 15 Jan 2008 | 10:24 EST", datetime(2008, 1, 15, 10, 24)),
    ],
)
def test_a_masthead_s_date_far_above_the_headline_gives_way_to_the_date_under_it(
    above: str, expected: datetime
) -> None:
    reading = read_generic(
        seal_page("Harbour Weekly", above, "Seals return to the sandbank", "Tue Jan 1, 2008 11:46am EST")
    )
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank"
    assert reading.date is not None and reading.date.local == expected


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        # a blog engine's dates of publication and update, glued: the post's meta line, whatever else it holds
        (
            "Ada Moss Harbour news 20 janvier 202020 janvier 2020phoques, bancs de sable 0 Comment",
            datetime(2020, 1, 20),
        ),
        ("Ada Moss Harbour news 20 janvier 2020 phoques, bancs de sable et marées 0 Comment", None),  # printed once
    ],
)
def test_a_date_printed_twice_dates_the_post_from_a_long_meta_line(meta: str, expected: datetime | None) -> None:
    reading = read_generic(seal_page("Harbour Weekly", "Seals return to the sandbank", meta))
    assert isinstance(reading, GenericReading), reading
    assert (reading.date.local if reading.date is not None else None) == expected
