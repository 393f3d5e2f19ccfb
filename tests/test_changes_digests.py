"""Row digests of the changelog: a row is changed exactly when one of its compared values differs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from builder.export.changes import compare, row_digests

_SCHEMA = pa.schema(
    [
        pa.field("source_file", pa.string()),
        pa.field("id", pa.string()),
        pa.field("authors", pa.list_(pa.string())),
        pa.field("summary", pa.string()),
        pa.field("images", pa.list_(pa.struct([("alt", pa.string()), ("caption", pa.string())]))),
        pa.field("published_at", pa.timestamp("us", tz="UTC")),
    ]
)
_FIELDS = ["authors", "summary", "images", "published_at"]
_BASE: dict[str, Any] = {
    "id": "i",
    "authors": ["Ann", "Bo"],
    "summary": "",
    "images": [{"alt": "a", "caption": None}],
    "published_at": 1_600_000_000_000_000,
}
# Each edit changes one value in a way a careless digest would miss.
_EDITS: dict[str, dict[str, Any]] = {
    "joined names": {"authors": ["AnnBo"]},
    "empty list": {"authors": []},
    "null list": {"authors": None},
    "empty item": {"authors": ["Ann", "Bo", ""]},
    "null text": {"summary": None},
    "member moved": {"images": [{"alt": None, "caption": "a"}]},
    "null member": {"images": [{"alt": "a", "caption": ""}]},
    "one microsecond": {"published_at": 1_600_000_000_000_001},
    "id only": {"id": "j"},
}


def _folder(root: Path, rows: list[dict[str, Any]], shards: int = 1) -> Path:
    data = root / "data"
    data.mkdir(parents=True)
    step = -(-len(rows) // shards)
    for index in range(shards):
        table = pa.Table.from_pylist(rows[index * step : (index + 1) * step], _SCHEMA)
        pq.write_table(table, data / f"train-{index:05d}-of-{shards:05d}.parquet")
    return root


def test_each_edited_value_is_a_changed_row_and_the_others_are_not(tmp_path: Path) -> None:
    before = [{**_BASE, "source_file": name} for name in ["same", *_EDITS]]
    after = [{**_BASE, "source_file": "same"}, *({**_BASE, **edit, "source_file": n} for n, edit in _EDITS.items())]
    old, new = _folder(tmp_path / "old", before), _folder(tmp_path / "new", after[::-1], shards=3)
    changes = compare(row_digests(old, _FIELDS), row_digests(new, _FIELDS)).to_pylist()
    assert sorted(row["source_file"] for row in changes) == sorted(_EDITS)
    assert {row["change"] for row in changes} == {"changed"}


def test_digests_do_not_depend_on_shards_or_row_order(tmp_path: Path) -> None:
    rows = [{**_BASE, **edit, "source_file": name} for name, edit in _EDITS.items()]
    one, three = _folder(tmp_path / "one", rows), _folder(tmp_path / "three", rows[::-1], shards=3)
    digests = [
        dict(zip(*row_digests(f, _FIELDS).select(["source_file", "digest"]).to_pydict().values(), strict=True))
        for f in (one, three)
    ]
    assert digests[0] == digests[1]
    assert len(set(digests[0].values())) == len(rows)  # every row differs from the others in one value
