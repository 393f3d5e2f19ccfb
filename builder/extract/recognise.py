"""Tell what an input is when no extractor reads it: a file in a format builder does not read, or an unknown site."""

from __future__ import annotations

from builder.inputs.formats import binary_format, text_format
from builder.reasons import Reason
from builder.record import Record, Reject


def recognise_format(record: Record) -> Reject | None:
    """Before decoding: a PDF, a compressed file or an image is named as such rather than `unreadable`."""
    found = binary_format(record.data, record.source_file)
    return None if found is None else Reject(Reason.UNSUPPORTED_FORMAT, found.detail(), "recognise")


def unrecognised_text(record: Record) -> Reject:
    """A text no site profile recognised: markup or JSON is named as such, anything else is an unknown site."""
    found = text_format(record.text, record.source_file)  # only here, off the path of recognised dumps
    if found is not None:
        return Reject(Reason.UNSUPPORTED_FORMAT, found.detail(), "recognise")
    first = next((line.strip() for line in record.text.split("\n", 20) if line.strip()), "")[:60]
    detail = f"no site profile recognises a page starting {first!r} (`builder sites` lists the known sites)"
    return Reject(Reason.UNKNOWN_SITE, detail, "recognise")


def unsupported_media_type(record: Record) -> Reject:
    """An input of a media type no extractor reads."""
    return Reject(Reason.UNSUPPORTED_FORMAT, f"no extractor reads {record.media_type!r} inputs", "recognise")
