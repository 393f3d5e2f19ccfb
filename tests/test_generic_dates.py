"""Dates printed by pages with no profile: the forms news sites use, per language, their spans, offsets and labels
(what is no date, and which lines are date lines: test_generic_date_lines.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from builder.extract.generic.clock import time_alone
from builder.extract.generic.dates import FoundDate, find_date, is_date_line, may_be_labelled_published

H = timedelta(hours=1)

# (printed line, local date-time as printed, whether a time is printed)
PRINTED: list[tuple[str, datetime, bool]] = [
    # ISO and numeric
    ("2021-07-21", datetime(2021, 7, 21), False),
    ("2021-07-21T14:49:00", datetime(2021, 7, 21, 14, 49), True),
    ("2021-07-21 14:49:05.000000", datetime(2021, 7, 21, 14, 49, 5), True),
    ("2021/07/21", datetime(2021, 7, 21), False),
    ("2021.7.1", datetime(2021, 7, 1), False),
    ("21.07.2021", datetime(2021, 7, 21), False),
    ("21/07/2021", datetime(2021, 7, 21), False),
    ("21-07-2021", datetime(2021, 7, 21), False),
    ("07/21/2021", datetime(2021, 7, 21), False),
    ("03/04/2021", datetime(2021, 4, 3), False),
    ("03/04/2021 14:30", datetime(2021, 4, 3, 14, 30), True),
    ("03/04/2021 9:30 AM", datetime(2021, 3, 4, 9, 30), True),  # a 12-hour clock: the US order, month first
    ("10/11/2022 08:00 EDT", datetime(2022, 10, 11, 8, 0), True),  # a US zone: month first
    ("Last Updated: 12:01am GMT 08/01/2008", datetime(2008, 1, 8, 0, 1), True),  # a British 12-hour clock: day first
    ("21.07.2021 14:49", datetime(2021, 7, 21, 14, 49), True),
    ("21.07.2021, 14:49:05", datetime(2021, 7, 21, 14, 49, 5), True),
    ("14:49 21.07.2021", datetime(2021, 7, 21, 14, 49), True),
    ("21/07/2021 2:49 PM", datetime(2021, 7, 21, 14, 49), True),
    ("21/07/2021 12:05 am", datetime(2021, 7, 21, 0, 5), True),
    ("21/07/2021 12:05 p.m.", datetime(2021, 7, 21, 12, 5), True),
    # English
    ("July 21, 2021", datetime(2021, 7, 21), False),
    ("July 21, 2021 2:49 PM", datetime(2021, 7, 21, 14, 49), True),
    ("July 21st, 2021", datetime(2021, 7, 21), False),
    ("Jul. 21, 2021", datetime(2021, 7, 21), False),
    ("Sept 3 2021", datetime(2021, 9, 3), False),
    ("21 July 2021", datetime(2021, 7, 21), False),
    ("Wed, July 21, 2021", datetime(2021, 7, 21), False),
    ("Wednesday 21 July 2021 14.49 BST", datetime(2021, 7, 21, 14, 49), True),
    ("22 Dec, 2016", datetime(2016, 12, 22), False),
    ("21st of September, 2021", datetime(2021, 9, 21), False),
    ("April 28, 2019 at 6:01 am", datetime(2019, 4, 28, 6, 1), True),
    ("posted on April 21, 2015, at 11:29 a.m.", datetime(2015, 4, 21, 11, 29), True),
    ("Jun 7, 2023, 8:54 PM UTC|", datetime(2023, 6, 7, 20, 54), True),
    ("April 5, 2018 | 6:00 PM", datetime(2018, 4, 5, 18, 0), True),
    ("Published 3:49 AM EDT, Wed July 21, 2021", datetime(2021, 7, 21, 3, 49), True),
    ("Updated: 21 Jul 2021 14:49 GMT", datetime(2021, 7, 21, 14, 49), True),
    ("21 July 2021 3 pm", datetime(2021, 7, 21, 15, 0), True),
    ("21 July 2021 2.49pm", datetime(2021, 7, 21, 14, 49), True),
    # German
    ("21. Juli 2021", datetime(2021, 7, 21), False),
    ("21. Juli 2021, 14:49 Uhr", datetime(2021, 7, 21, 14, 49), True),
    ("Mittwoch, 21. Juli 2021 um 14:49 Uhr", datetime(2021, 7, 21, 14, 49), True),
    ("3. März 2021", datetime(2021, 3, 3), False),
    ("21. Okt. 2021", datetime(2021, 10, 21), False),
    ("Mittwoch, 21. Juli 2021, um 9 Uhr", datetime(2021, 7, 21, 9, 0), True),
    ("Veröffentlicht am 21.07.2021 um 14:49 Uhr", datetime(2021, 7, 21, 14, 49), True),
    # French
    ("le 21 juillet 2021 à 14h49", datetime(2021, 7, 21, 14, 49), True),
    ("1er mars 2021", datetime(2021, 3, 1), False),
    ("21 févr. 2021", datetime(2021, 2, 21), False),
    ("mercredi 21 juillet 2021 à 14 h 49", datetime(2021, 7, 21, 14, 49), True),
    ("Publié le 30 avril 2015 à 07:19", datetime(2015, 4, 30, 7, 19), True),
    ("21 août 2021", datetime(2021, 8, 21), False),
    ("le 21 juillet 2021 à 14h", datetime(2021, 7, 21, 14, 0), True),
    # Spanish
    ("21 de julio de 2021", datetime(2021, 7, 21), False),
    ("21 de julio de 2021 a las 14:49", datetime(2021, 7, 21, 14, 49), True),
    ("miércoles, 21 de septiembre de 2022", datetime(2022, 9, 21), False),
    ("21 dic 2021", datetime(2021, 12, 21), False),
    # Portuguese
    ("21 de julho de 2021", datetime(2021, 7, 21), False),
    ("21.dez.2018 às 12h55", datetime(2018, 12, 21, 12, 55), True),
    ("3 de março de 2020", datetime(2020, 3, 3), False),
    ("21 out 2021", datetime(2021, 10, 21), False),
    # Italian
    ("21 luglio 2021", datetime(2021, 7, 21), False),
    ("21 luglio 2021 alle 14:49", datetime(2021, 7, 21, 14, 49), True),
    ("1º gennaio 2020", datetime(2020, 1, 1), False),
    ("21 ott 2021", datetime(2021, 10, 21), False),
    # Dutch
    ("21 juli 2021", datetime(2021, 7, 21), False),
    ("21 mrt 2021", datetime(2021, 3, 21), False),
    ("woensdag 21 juli 2021 om 14:49", datetime(2021, 7, 21, 14, 49), True),
    ("3 mei 2021", datetime(2021, 5, 3), False),
    # Russian
    ("21 июля 2021", datetime(2021, 7, 21), False),
    ("21 июля 2021 г.", datetime(2021, 7, 21), False),
    ("21 июля 2021, 14:49", datetime(2021, 7, 21, 14, 49), True),
    ("1 сентября 2021 в 09:05", datetime(2021, 9, 1, 9, 5), True),
    ("3 марта 2022", datetime(2022, 3, 3), False),
    # Arabic: Egyptian and Levantine month names, Arabic-Indic digits
    ("21 يوليو 2021", datetime(2021, 7, 21), False),
    ("٢١ يوليو ٢٠٢١", datetime(2021, 7, 21), False),
    ("21 تموز 2021", datetime(2021, 7, 21), False),
    ("21 كانون الثاني 2021", datetime(2021, 1, 21), False),
    ("5 تشرين الأول 2021", datetime(2021, 10, 5), False),
    ("الأربعاء 21 يوليو 2021 - 14:49", datetime(2021, 7, 21, 14, 49), True),
    ("٢١ أغسطس ٢٠٢١ ٠٢:٤٩ م", datetime(2021, 8, 21, 14, 49), True),
    # Japanese, Chinese, Korean
    ("2021年7月21日", datetime(2021, 7, 21), False),
    ("2021年7月21日 14時49分", datetime(2021, 7, 21, 14, 49), True),
    ("2021年7月21日（水）14:49", datetime(2021, 7, 21, 14, 49), True),
    ("２０２１年７月２１日", datetime(2021, 7, 21), False),
    ("2021年07月21日 下午2时49分", datetime(2021, 7, 21, 14, 49), True),
    ("2021년 7월 21일", datetime(2021, 7, 21), False),
    ("2021年7月21日 午後2時", datetime(2021, 7, 21, 14, 0), True),
    # Czech and Polish
    ("1. listopadu 2021", datetime(2021, 11, 1), False),
    ("Zveřejněno 21. 7. 2021 14:49", datetime(2021, 7, 21, 14, 49), True),
    ("21. července 2021 14:49", datetime(2021, 7, 21, 14, 49), True),
    ("21 lipca 2021", datetime(2021, 7, 21), False),
    ("3 października 2021, 09:15", datetime(2021, 10, 3, 9, 15), True),
    # a comma after the month or after an ordinal day; a label glued to its date by its colon
    ("Jan, 15, 2008", datetime(2008, 1, 15), False),
    ("15:43 - 13th, Jan 2008", datetime(2008, 1, 13, 15, 43), True),
    ("Last Updated:29/03/2006", datetime(2006, 3, 29), False),
    # the C library's form: the time between the day and the year
    ("Jan 04 09:34 2021", datetime(2021, 1, 4, 9, 34), True),
    ("Updated: Thu Dec 14 15:21:17 2006", datetime(2006, 12, 14, 15, 21, 17), True),
    # a date badge's boxes glued on one line: month, day, year
    ("Oct252012", datetime(2012, 10, 25), False),
    ("Mai062018", datetime(2018, 5, 6), False),
    ("NOV42008", datetime(2008, 11, 4), False),
    # a blog's dates of publishing and of updating, glued by w3m: the first is read
    ("22. Dezember 201922. Dezember 2019", datetime(2019, 12, 22), False),
    ("3. April 20223. April 2022", datetime(2022, 4, 3), False),
    ("29. Dezember 202230. Dezember 2022", datetime(2022, 12, 29), False),
    ("17/11/201917/11/2019", datetime(2019, 11, 17), False),
    ("15/01/201614/01/2016", datetime(2016, 1, 15), False),
    ("19.11.202119.11.2021", datetime(2021, 11, 19), False),
]


@pytest.mark.parametrize(("line", "local", "has_time"), PRINTED, ids=[case[0] for case in PRINTED])
def test_printed_forms_are_read(line: str, local: datetime, has_time: bool) -> None:
    found = find_date(line)
    assert found is not None
    assert (found.local, found.has_time) == (local, has_time)
    assert is_date_line(line)


def test_a_number_after_a_year_is_no_second_date_unless_it_is_one() -> None:
    """A year glued to the digits after it is part of a number, unless those digits are a whole date of its
    form (a blog's dates of publishing and of updating)."""
    assert find_date("Order number 12/03/20191234") is None
    assert find_date("12/03/201912/3") is None
    assert find_date("Order 201912:30") is None  # a number and a time: no day, no month


@pytest.mark.parametrize(
    ("line", "day"),
    [("miércoles, 4 de mayo de 202207:59 hs", datetime(2022, 5, 4)), ("Mar 18 20199:29 AM EDT", datetime(2019, 3, 18))],
)
def test_a_year_glued_to_its_time_is_read(line: str, day: datetime) -> None:
    """w3m glues a date's time to its year when the page sets them in two elements: the date is read (the time,
    glued, is not)."""
    found = find_date(line)
    assert found is not None and found.local == day


def test_a_month_glued_to_the_word_before_it_is_read() -> None:
    """A byline and its date with no space between, as a page's markup left them."""
    found = find_date("Associated PressDecember 2, 2016")
    assert found is not None and found.local == datetime(2016, 12, 2)
    assert find_date("Associated PressDecimal 2, 2016") is None  # a glued word that names no month


@pytest.mark.parametrize(
    ("line", "span"),
    [
        ("By Jane Doe | July 21, 2021", "July 21, 2021"),
        ("Wednesday 21 July 2021 14.49 BST", "Wednesday 21 July 2021 14.49 BST"),
        ("Published 3:49 AM EDT, Wed July 21, 2021", "3:49 AM EDT, Wed July 21, 2021"),
        ("Posted on 2021-07-21T14:49:00+02:00 by admin", "2021-07-21T14:49:00+02:00"),
        ("le 21 juillet 2021 à 14h49", "21 juillet 2021 à 14h49"),
        ("٢١ يوليو ٢٠٢١ لندن", "٢١ يوليو ٢٠٢١"),
    ],
)
def test_the_span_covers_weekday_time_and_zone(line: str, span: str) -> None:
    found = find_date(line)
    assert found is not None
    assert line[found.start : found.end] == span


@pytest.mark.parametrize(
    ("line", "offset"),
    [
        ("2021-07-21T14:49:00Z", timedelta(0)),
        ("2021-07-21T14:49:00+02:00", 2 * H),
        ("2021-07-21T14:49:00-0400", -4 * H),
        ("2020-08-01 18:00:00+00", timedelta(0)),
        ("21 July 2021 14:49 -05 degrees", None),
        ("21 July 2021 14:49 GMT+2", 2 * H),
        ("21 July 2021 14:49 (UTC+05:30)", timedelta(hours=5, minutes=30)),
        ("21 July 2021 14:49 UTC−3", -3 * H),
        ("21 July 2021 14:49 UTC", timedelta(0)),
        ("July 21, 2021 2:49 PM EDT", -4 * H),
        ("July 21, 2021 2:49 PM EST", -5 * H),
        ("21 July 2021 14:49 CET", H),
        ("21 July 2021 14:49 CEST", 2 * H),
        ("21 July 2021 14:49 IST", timedelta(hours=5, minutes=30)),
        ("21 июля 2021, 14:49 МСК", 3 * H),
        ("21 July 2021 14:49", None),
        ("21 July 2021 14:49 AFP", None),
        ("21 July 2021", None),
    ],
)
def test_the_offset_is_the_one_the_page_states(line: str, offset: timedelta | None) -> None:
    found = find_date(line)
    assert found is not None
    assert found.offset == offset


def test_instant_uses_the_stated_offset_else_the_default_zone() -> None:
    stated = find_date("2021-07-21T14:49:00+02:00")
    unstated = find_date("21 July 2021 14:49")
    assert stated is not None and unstated is not None
    assert stated.instant(ZoneInfo("America/New_York")) == datetime(2021, 7, 21, 12, 49, tzinfo=UTC)
    assert unstated.instant(ZoneInfo("Europe/Berlin")) == datetime(2021, 7, 21, 12, 49, tzinfo=UTC)
    assert unstated.instant(timezone(timedelta(hours=-7))) == datetime(2021, 7, 21, 21, 49, tzinfo=UTC)
    assert unstated.instant(UTC).tzinfo is UTC


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Published: July 21, 2021", "published"),
        ("Posted on July 21, 2021", "published"),
        ("Updated 21 Jul 2021 14:49 GMT", "updated"),
        ("Last updated: 21/07/2021", "updated"),
        ("Veröffentlicht: 21.07.2021", "published"),
        ("Erstellt am 21.07.2021", "published"),
        ("Aktualisiert am 21.07.2021, 14:49 Uhr", "updated"),
        ("Publié le 21 juillet 2021", "published"),
        ("Mis à jour le 21 juillet 2021 à 14h49", "updated"),
        ("Publicado el 21 de julio de 2021", "published"),
        ("Actualizado: 21/07/2021 14:49", "updated"),
        ("Atualizado em 21/07/2021", "updated"),
        ("Pubblicato il 21 luglio 2021", "published"),
        ("Aggiornato il 21 luglio 2021", "updated"),
        ("Gepubliceerd op 21 juli 2021", "published"),
        ("Bijgewerkt op 21 juli 2021", "updated"),
        ("Опубликовано: 21 июля 2021", "published"),
        ("Обновлено 21.07.2021", "updated"),
        ("نشر في 21 يوليو 2021", "published"),
        ("آخر تحديث: 21 يوليو 2021", "updated"),
        ("公開日：2021年7月21日", "published"),
        ("更新 2021年7月21日 14:49", "updated"),
        ("Autor johnVeröffentlicht am 20. März 2014Kategorien Allgemein", "published"),  # w3m glued the label
        ("Veröffentlichung: 04.02.2022", "published"),
        ("Erstveröffentlichung: 25. März 2020", "published"),
        ("Erscheinungsdatum 21. Januar 2022", "published"),
        ("Pressemitteilung vom 20.01.2022", "published"),  # a press release's date is its publication's
        ("Press release 21 July 2021", "published"),
        ("Date of Publication: 08.22.16", "published"),
        ("Publication Date: Wednesday, August 11, 2004", "published"),
        ("[ Back to EurekAlert! ] Public release date: 15-Jun-2005", "published"),
        ("Release date: 15-Jun-2005", None),  # a film's or a game's, not the article's
        ("July 21, 2021", None),
        ("By Jane Doe, July 21, 2021", None),
    ],
)
def test_the_label_before_the_date_gives_its_kind(line: str, kind: str | None) -> None:
    found = find_date(line)
    assert found is not None
    assert found.kind == kind


@pytest.mark.parametrize(
    "line", ["Date of Publication: 08.22.16", "Public release date: 15-Jun-2005", "Publication date: 21.07.2021"]
)
def test_a_published_label_of_several_words_passes_the_cheap_test(line: str) -> None:
    assert may_be_labelled_published(line)


def test_the_first_date_of_a_line_is_returned_with_its_own_label() -> None:
    line = "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm"
    found = find_date(line)
    assert found is not None
    assert (found.local, found.kind) == (datetime(2019, 4, 28, 6, 1), None)
    assert is_date_line(line)


@pytest.mark.parametrize(
    ("line", "day_first", "local"),
    [
        ("03/04/2021", True, datetime(2021, 4, 3)),
        ("03/04/2021", False, datetime(2021, 3, 4)),
        ("13/04/2021", False, datetime(2021, 4, 13)),
        ("04/13/2021", True, datetime(2021, 4, 13)),
        ("03.04.2021", False, datetime(2021, 4, 3)),
    ],
)
def test_ambiguous_numeric_dates_follow_the_documented_rule(line: str, day_first: bool, local: datetime) -> None:
    found = find_date(line, day_first=day_first)
    assert found is not None
    assert found.local == local


def test_found_dates_are_frozen_values() -> None:
    found = find_date("21 July 2021")
    assert found == FoundDate(datetime(2021, 7, 21), None, False, None, 0, 12)
    with pytest.raises(AttributeError):
        found.kind = "updated"  # type: ignore[misc]


def test_an_impossible_first_date_does_not_hide_a_later_one() -> None:
    found = find_date("31 Feb 2021, corrected to 28 Feb 2021")
    assert found is not None
    assert found.local == datetime(2021, 2, 28)


@pytest.mark.parametrize(
    ("line", "local", "offset"),
    [
        ("Wed, 21 Jul 2021 14:49:00 +0200", datetime(2021, 7, 21, 14, 49), 2 * H),
        ("21-Jul-2021 14:49 -0500", datetime(2021, 7, 21, 14, 49), -5 * H),
        ("7/21/2021 2:49 PM ET", datetime(2021, 7, 21, 14, 49), -5 * H),
    ],
)
def test_mail_and_us_forms_keep_their_offsets(line: str, local: datetime, offset: timedelta) -> None:
    found = find_date(line)
    assert found is not None
    assert (found.local, found.offset, found.start, found.end) == (local, offset, 0, len(line))


@pytest.mark.parametrize(
    ("line", "alone"),
    [
        ("01:29 PM EDT", True),
        ("10:48 a.m. (GMT+10)", True),
        ("18:30 Uhr", True),
        ("14.30 Uhr", True),
        ("5 PM", True),
        ("06:51", True),
        ("1:15", False),  # a video's length as often
        ("3.20", False),  # a section's number, a price
        ("25:00", False),  # no time of day
        ("2021", False),
        ("Updated 01:29 PM EDT", False),  # a label: a date line's business, not a time alone
    ],
)
def test_a_time_alone_on_its_line(line: str, alone: bool) -> None:
    assert (time_alone(line) is not None) is alone
