"""The schema file is the single source of truth, and a malformed one is refused when read."""

from __future__ import annotations

import pytest

from builder.errors import ConfigError
from builder.schema import load_schema, parse_schema


def test_arrow_schema_is_derived_from_the_file() -> None:
    schema = load_schema()
    arrow = schema.arrow()
    assert arrow.names == schema.names
    assert str(arrow.field("published_at").type) == "timestamp[us, tz=UTC]"
    assert str(arrow.field("images").type) == "list<item: struct<alt: string, caption: string>>"
    assert not arrow.field("id").nullable and arrow.field("source").nullable
    assert all(arrow.field(f.name).metadata[b"description"] == f.description.encode() for f in schema.fields)


@pytest.mark.parametrize(
    "field",
    [
        {"name": "x", "type": "float9", "description": "d"},
        {"name": "x", "type": "list", "items": {"type": "float9"}, "description": "d"},
        {"name": "x", "type": "string"},
    ],
)
def test_a_malformed_field_is_refused(field: dict) -> None:
    with pytest.raises(ConfigError):
        parse_schema({"name": "article", "version": 1, "fields": [field]})
