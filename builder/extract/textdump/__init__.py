"""Loader for plain-text renderings of article pages, driven by a declarative site profile.

Two steps: `classify` gives each line of the dump a role (title, byline, body, chrome...) and the
rule behind it; `assemble` turns the roles into the schema fields.
"""

from __future__ import annotations

from builder.extract.textdump.assembler import Assembled, assemble
from builder.extract.textdump.classified import Classified
from builder.extract.textdump.classifier import classify
from builder.extract.textdump.lines import Line, Role
from builder.record import Record, Reject

__all__ = ["Assembled", "Classified", "Line", "Role", "assemble", "classify", "parse_article"]


def parse_article(record: Record) -> Reject | None:
    """Fill the article's schema fields from `record.text` using `record.site`; the date as printed goes
    to `record.extracted`, to be read by the date validator."""
    profile = record.site
    assert profile is not None, "recognise runs before parse"
    classified = classify(record.text, profile)
    if isinstance(classified, Reject):
        return classified
    fields, extracted = assemble(classified, profile)
    record.fields.update(fields)
    record.extracted.update(extracted)
    return None
