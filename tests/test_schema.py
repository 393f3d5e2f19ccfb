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


# Every shape `arrow_type` makes: each scalar, timestamps with and without a zone, lists of each kind, structs
# inside structs and lists.
EVERY_SHAPE = {
    "name": "shapes",
    "version": 1,
    "fields": [
        {"name": "text", "type": "string", "description": "d"},
        {"name": "small", "type": "int32", "description": "d"},
        {"name": "big", "type": "int64", "description": "d"},
        {"name": "flag", "type": "bool", "description": "d"},
        {"name": "instant", "type": "timestamp", "unit": "us", "tz": "UTC", "description": "d"},
        {"name": "wall", "type": "timestamp", "unit": "ms", "description": "d"},
        {"name": "words", "type": "list", "items": {"type": "string"}, "description": "d"},
        {"name": "grid", "type": "list", "items": {"type": "list", "items": {"type": "int64"}}, "description": "d"},
        {
            "name": "place",
            "type": "struct",
            "description": "d",
            "fields": [
                {"name": "city", "type": "string"},
                {"name": "where", "type": "struct", "fields": [{"name": "lat", "type": "int32"}]},
                {"name": "names", "type": "list", "items": {"type": "string"}},
            ],
        },
        {
            "name": "people",
            "type": "list",
            "description": "d",
            "items": {
                "type": "struct",
                "fields": [
                    {"name": "name", "type": "string"},
                    {
                        "name": "roles",
                        "type": "list",
                        "items": {"type": "struct", "fields": [{"name": "r", "type": "bool"}]},
                    },
                ],
            },
        },
        {
            "name": "blocks",
            "type": "list",
            "description": "d",
            "items": {"type": "list", "items": {"type": "struct", "fields": [{"name": "k", "type": "string"}]}},
        },
    ],
}


@pytest.mark.parametrize("schema", [load_schema(), parse_schema(EVERY_SHAPE)], ids=["article", "every shape"])
def test_the_card_s_features_are_what_datasets_writes(schema) -> None:  # type: ignore[no-untyped-def]
    """The card lists the fields without importing `datasets`: the same YAML `datasets` makes of them."""
    from datasets import DatasetInfo

    assert schema.features_yaml() == DatasetInfo(features=schema.features())._to_yaml_dict()["features"]
