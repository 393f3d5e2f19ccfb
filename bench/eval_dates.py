"""Dates in the generic reader's evaluation: the truth's instant, the forms a dump may print a day in, and
whether a prediction meets the truth. Written apart from the reader's own date tables, so that the eval
does not grade the reader by the reader's rules."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from typing import Any

DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def truth_date(text: str | None) -> datetime | None:
    if not text:
        return None
    text = re.sub(r"(\.\d{1,6})\d*", r"\1", text.strip().replace(" ", "T", 1))
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# Month names for telling whether a dump prints a date at all, written apart from the reader's own tables
# (en, de, fr, es, it, nl, pt; the first three letters match abbreviations too).
_MONTHS = (
    "january janvier enero gennaio januari janeiro januar jänner",
    "february février febrero febbraio februari fevereiro februar",
    "march mars marzo maart março märz",
    "april avril abril aprile",
    "may mai mayo maggio mei maio",
    "june juin junio giugno juni junho",
    "july juillet julio luglio juli julho",
    "august août agosto augustus",
    "september septembre septiembre settembre setembro",
    "october octobre octubre ottobre oktober outubro",
    "november novembre noviembre novembro",
    "december décembre diciembre dicembre dezember dezembro",
)


def printed_forms(day: datetime) -> list[re.Pattern[str]]:
    """Patterns a line printing `day` matches: ISO and numeric forms (a two-digit year too), or the day, a month name
    and the year."""
    y, m, d = day.year, day.month, day.day
    numeric = [f"{y}-{m:02}-{d:02}", f"{y}/{m:02}/{d:02}", f"{y}年{m}月{d}日"]
    numeric += [f"{dd}{sep}{mm}{sep}{y}" for sep in "./-" for dd in {f"{d}", f"{d:02}"} for mm in {f"{m}", f"{m:02}"}]
    numeric += [f"{mm}/{dd}/{y}" for dd in {f"{d}", f"{d:02}"} for mm in {f"{m}", f"{m:02}"}]
    # the year's last two digits, as the reader reads them (dots or slashes, the day or the month first)
    numeric += [f"{a}{sep}{b}{sep}{y % 100:02}" for sep in "./" for a, b in _days_and_months(d, m)]
    forms = [re.compile(r"(?<!\d)" + re.escape(text) + r"(?!\d)") for text in numeric]
    names = "|".join(name[:3] for name in _MONTHS[m - 1].split())
    month = rf"\b(?:{names})\w*\.?"
    forms.append(re.compile(rf"(?=.*(?<!\d){d}(?!\d))(?=.*{month})(?=.*(?<!\d){y}(?!\d))", re.IGNORECASE))
    return forms


def _days_and_months(d: int, m: int) -> list[tuple[str, str]]:
    """A numeric date's first two numbers, with and without a leading zero, in both orders."""
    days, months = {f"{d}", f"{d:02}"}, {f"{m}", f"{m:02}"}
    return [(dd, mm) for dd in days for mm in months] + [(mm, dd) for dd in days for mm in months]


def near_date(truth: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Within 24 h of the truth; a truth with no time of day (a date alone) is also met by the same date as
    the page prints it (9 p.m. EDT on that day is the next day in UTC), and so is a truth with a time by a
    date the page prints alone (its wall clock at midnight) on the truth's day where the truth was written
    ("October 29, 2012" for 2012-10-29T21:12-04:00, 25 h after midnight UTC)."""
    want = truth_date(truth["published"])
    if want is None or pred.get("date") is None:
        return False
    local = pred.get("published_at_local")
    if abs(pred["date"] - want) <= timedelta(hours=24):
        return True
    day_only = DATE_ONLY.fullmatch(truth["published"].strip()) is not None or (
        local is not None and local.time() == time()
    )
    return day_only and local is not None and local.date() == want.date()
