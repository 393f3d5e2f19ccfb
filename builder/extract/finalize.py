"""Give the article its content-derived id and put its fields in schema order."""

from __future__ import annotations

import hashlib

from builder.record import Record
from builder.schema import load_schema


def article_id(fields: dict) -> str:
    """Same publisher, title, local time and body: same id, whatever the page chrome or the crawl.

    A missing publisher, title or date counts as an empty string (a profiled row has all: its id is as in v1).
    """
    local = fields.get("published_at_local")
    parts = (
        fields.get("publisher") or "",
        fields.get("title") or "",
        local.isoformat() if local else "",
        fields["body"],
    )
    key = "\x1f".join(parts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def finalize(record: Record) -> None:
    fields = record.fields
    fields["id"] = article_id(fields)
    fields["source_file"] = record.source_file
    fields["url"] = record.url
    record.fields = {name: fields.get(name) for name in load_schema().names}
