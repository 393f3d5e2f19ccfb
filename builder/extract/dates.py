"""Fill the publication instant from the date a page prints, read with its site's format and time zone."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Final

from builder.reasons import Reason
from builder.record import Record, Reject

STAGE: Final = "date"  # the stage of every date reject, whether the date could not be read or was judged


def _wall_clock_exists(local: datetime, instant: datetime, zone: tzinfo) -> bool:
    """False for a naive `local` time skipped by a summer-time jump: its `instant` reads otherwise in `zone`."""
    return instant.astimezone(zone).replace(tzinfo=None) == local


def fill_dates(record: Record) -> Reject | None:
    """`published_at` (UTC) and `published_at_local` (the site's wall clock, naive) from the printed date.

    A printed date that is no date (31 Feb) or no time in the site's zone (a summer-time gap) is
    rejected here as `invalid_date`: only this step knows why it could not be read. A record with no
    printed date, or no site to read one with, is left as it is: the date validator judges what is filled.
    """
    printed = record.extracted.get("published_at")
    site = record.site
    if printed is None or site is None:
        return None
    zone = site.facts.timezone
    try:
        local = datetime.strptime(printed, site.date_format)
    except ValueError as err:
        return Reject(Reason.INVALID_DATE, f"{printed!r} is not a real date: {err}", STAGE)
    instant = local.replace(tzinfo=zone).astimezone(UTC)
    if not _wall_clock_exists(local, instant, zone):
        return Reject(Reason.INVALID_DATE, f"{printed!r} does not exist in {zone.key} (summer-time gap)", STAGE)
    record.fields["published_at"] = instant
    record.fields["published_at_local"] = local
    return None
