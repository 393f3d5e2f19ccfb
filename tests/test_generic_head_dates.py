"""Dates the head prints in pieces: a calendar's badge, its day, month and year on lines of their own."""

from __future__ import annotations

from datetime import datetime

import pytest

from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import seal_page


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
