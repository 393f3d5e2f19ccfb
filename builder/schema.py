"""The article schema, read from `schemas/article.yaml`; Arrow and `datasets` schemas derive from it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from builder.errors import ConfigError
from builder.resources import resource_path

if TYPE_CHECKING:
    import pyarrow as pa

_SCALARS = ("string", "int32", "int64", "bool")


@dataclass(frozen=True)
class FieldSpec:
    """One documented field of the schema."""

    name: str
    spec: dict[str, Any]  # the declarative type, as written in the schema file
    nullable: bool
    description: str

    @property
    def arrow_type(self) -> pa.DataType:
        return arrow_type(self.spec, self.name)

    @property
    def type_name(self) -> str:
        return type_label(self.arrow_type)


@dataclass(frozen=True)
class ArticleSchema:
    name: str
    version: int
    fields: tuple[FieldSpec, ...]

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def arrow(self) -> pa.Schema:
        """Arrow schema with each field's description as field metadata."""
        import pyarrow as pa

        return pa.schema(
            [
                pa.field(f.name, f.arrow_type, nullable=f.nullable, metadata={"description": f.description})
                for f in self.fields
            ],
            metadata={"schema": f"{self.name}/v{self.version}"},
        )

    def features(self) -> Any:
        """`datasets.Features` for the same fields (imported lazily: `datasets` is slow to import)."""
        from datasets import Features

        return Features.from_arrow_schema(self.arrow())

    def features_yaml(self) -> list[dict[str, Any]]:
        """The fields as a dataset card's `dataset_info.features` lists them, the same as `datasets` (4 and
        later) writes for `features()`, without importing it (0.4 s of every build's end)."""
        return _fields_yaml(self.arrow())


def arrow_type(spec: dict[str, Any], where: str) -> pa.DataType:
    """Translate one declarative type into an Arrow type, recursively."""
    import pyarrow as pa

    kind = spec.get("type")
    if kind in _SCALARS:
        return {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(), "bool": pa.bool_()}[kind]
    if kind == "timestamp":
        return pa.timestamp(spec.get("unit", "us"), tz=spec.get("tz"))
    if kind == "list":
        return pa.list_(arrow_type(spec.get("items", {}), f"{where}.items"))
    if kind == "struct":
        return pa.struct(
            [
                pa.field(sub["name"], arrow_type(sub, f"{where}.{sub['name']}"), nullable=sub.get("nullable", True))
                for sub in spec.get("fields", [])
            ]
        )
    raise ConfigError(f"schema field {where}: unknown type {kind!r}")


def type_label(arrow: pa.DataType) -> str:
    """Short human-readable type for docs and cards."""
    import pyarrow as pa

    if pa.types.is_list(arrow):
        return f"list<{type_label(arrow.value_type)}>"
    if pa.types.is_struct(arrow):
        inner = ", ".join(f"{f.name}: {type_label(f.type)}" for f in arrow)
        return f"struct<{inner}>"
    return str(arrow)


def _fields_yaml(fields: Iterable[pa.Field]) -> list[dict[str, Any]]:
    """A schema's or a struct's fields in the card's YAML, in order."""
    return [_feature_yaml(field.name, field.type) for field in fields]


def _feature_yaml(name: str, arrow: pa.DataType) -> dict[str, Any]:
    """One field in the card's YAML: a scalar's `dtype`, a struct's fields, or a list's items."""
    import pyarrow as pa

    if pa.types.is_struct(arrow):
        return {"name": name, "struct": _fields_yaml(arrow)}
    if pa.types.is_list(arrow):
        return {"name": name, "list": _items_yaml(arrow.value_type)}
    return {"name": name, "dtype": str(arrow)}  # the types `arrow_type` makes print as `datasets` names them


def _items_yaml(arrow: pa.DataType) -> Any:
    """A list's items: a scalar's dtype alone, a struct's fields, or an inner list."""
    import pyarrow as pa

    if pa.types.is_struct(arrow):
        return _fields_yaml(arrow)
    if pa.types.is_list(arrow):
        return {"list": _items_yaml(arrow.value_type)}
    return str(arrow)


def _check_type(spec: dict[str, Any], where: str) -> None:
    """Reject an unknown type when the schema is read, without needing pyarrow."""
    kind = spec.get("type")
    if kind == "list":
        _check_type(spec.get("items", {}), f"{where}.items")
    elif kind == "struct":
        for sub in spec.get("fields", []):
            _check_type(sub, f"{where}.{sub.get('name')}")
    elif kind not in (*_SCALARS, "timestamp"):
        raise ConfigError(f"schema field {where}: unknown type {kind!r}")


def parse_schema(doc: dict[str, Any]) -> ArticleSchema:
    fields = []
    for raw in doc.get("fields", []):
        name = raw.get("name")
        if not name or not raw.get("description"):
            raise ConfigError(f"schema field {raw!r}: every field needs a name and a description")
        _check_type(raw, name)
        fields.append(
            FieldSpec(
                name=name,
                spec=raw,
                nullable=bool(raw.get("nullable", True)),
                description=" ".join(str(raw["description"]).split()),
            )
        )
    return ArticleSchema(name=doc["name"], version=int(doc["version"]), fields=tuple(fields))


@cache
def load_schema(path: Path | None = None) -> ArticleSchema:
    """The article schema (cached: it never changes during a run). Read with libyaml where PyYAML has it:
    every worker process reads it, in 0.6 ms rather than 5."""
    path = path or resource_path("schemas") / "article.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return parse_schema(yaml.load(path.read_text(encoding="utf-8"), Loader=loader))
