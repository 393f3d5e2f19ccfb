"""Pick the site profile that recognises the dump."""

from __future__ import annotations

from builder.reasons import Reason
from builder.record import Record, Reject
from builder.sites import recognise


def recognise_site(record: Record) -> Reject | None:
    record.site = recognise(record.text)
    if record.site is None:
        first = next((line.strip() for line in record.text.split("\n", 20) if line.strip()), "")[:60]
        return Reject(Reason.UNKNOWN_SITE, f"no site profile recognises a page starting {first!r}", "recognise")
    return None
