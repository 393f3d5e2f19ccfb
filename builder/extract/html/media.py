"""The media-type step: an input whose bytes are an HTML page is read as one."""

from __future__ import annotations

from builder.inputs.formats import looks_like_html
from builder.record import HTML_PAGE, TEXT_DUMP, Record, Reject


def recognise_html(record: Record) -> Reject | None:
    """Mark a page of tags `text/html`, by its first bytes (the name breaks a tie).

    Only a record no container gave a media type to is looked at (a WARC record says what it holds).
    A text dump costs one look at its first non-blank byte.
    """
    if record.media_type == TEXT_DUMP and looks_like_html(record.data, record.source_file):
        record.media_type = HTML_PAGE
    return None
