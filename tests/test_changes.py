"""The changelog of a build: what was added, removed and changed since the previous build, by source_file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from builder.errors import ChangesError
from builder.export.changes import CHANGES_SCHEMA, shards_digest
from tests.changes_helpers import article, build_into, changes_rows, name, write_articles
from tests.dumps import write_dump


def _summary(out: Path) -> dict:
    return json.loads((out.with_name(f"{out.name}-report") / "summary.json").read_text(encoding="utf-8"))


def _ids(out: Path) -> dict[str, str]:
    table = pq.read_table(out / "data", columns=["source_file", "id"]).to_pylist()
    return {row["source_file"]: row["id"] for row in table}


def _edit(inputs: Path) -> None:
    """Two inputs added, one removed, one body edited, one tag edited, one turned into a reject (too short)."""
    write_articles(inputs, [20, 21])
    (inputs / name(3)).unlink()
    write_dump(inputs, name(5), article(5, version=1))
    write_dump(inputs, name(7), article(7, tags=("Lebanon", "Fishing")))
    write_dump(inputs, name(9), "Too short to be an article.")


def test_a_first_build_has_no_changes_and_says_nothing(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    result = build_into(write_articles(tmp_path / "in", range(6)), out)
    assert "changes" not in result.summary and "changes" not in _summary(out)
    assert changes_rows(out) == []
    assert pq.read_schema(out.with_name("dataset-report") / "changes.parquet").equals(CHANGES_SCHEMA)
    assert "## Changes" not in (out / "README.md").read_text(encoding="utf-8")


def test_a_rebuild_counts_added_removed_and_changed_rows(tmp_path: Path) -> None:
    inputs, out = write_articles(tmp_path / "in", range(12)), tmp_path / "dataset"
    build_into(inputs, out)
    before, digest = _ids(out), shards_digest(out)
    _edit(inputs)
    result = build_into(inputs, out)
    after = _ids(out)

    rows = changes_rows(out)
    assert [row["source_file"] for row in rows] == sorted(row["source_file"] for row in rows)
    by_file = {row["source_file"]: row for row in rows}
    expected = {name(20): "added", name(21): "added", name(3): "removed", name(9): "removed"}
    expected |= {name(5): "changed", name(7): "changed"}
    assert {file: row["change"] for file, row in by_file.items()} == expected
    for file, row in by_file.items():
        assert (row["id_before"], row["id_after"]) == (before.get(file), after.get(file))
    assert by_file[name(7)]["id_before"] == by_file[name(7)]["id_after"]  # only a tag differs: not the id
    changes = result.summary["changes"]
    assert changes == {
        "since": digest,
        "added": 2,
        "removed": 2,
        "changed": 2,
        "line": "+2 added, −2 removed, 2 changed",
    }
    assert _summary(out)["changes"] == changes
    card = (out / "README.md").read_text(encoding="utf-8")
    assert f"`{digest}`" in card and "2 articles added, 2 removed and\n2 changed" in card


def test_an_unchanged_rebuild_reports_zero_changes(tmp_path: Path) -> None:
    inputs, out = write_articles(tmp_path / "in", range(5)), tmp_path / "dataset"
    build_into(inputs, out)
    digest = shards_digest(out)
    result = build_into(inputs, out)
    assert result.summary["changes"] == {
        "since": digest, "added": 0, "removed": 0, "changed": 0, "line": "+0 added, −0 removed, 0 changed"
    }  # fmt: skip
    assert changes_rows(out) == []
    assert "## Changes" not in (out / "README.md").read_text(encoding="utf-8")  # the card is the previous one's


def test_since_compares_with_another_folder(tmp_path: Path) -> None:
    inputs = write_articles(tmp_path / "in", range(8))
    build_into(inputs, tmp_path / "old")
    write_articles(inputs, [30])
    result = build_into(inputs, tmp_path / "new", since=tmp_path / "old")
    assert result.summary["changes"]["since"] == shards_digest(tmp_path / "old")
    assert [(row["source_file"], row["change"]) for row in changes_rows(tmp_path / "new")] == [(name(30), "added")]


def test_a_since_that_is_not_a_dataset_fails_before_building(tmp_path: Path) -> None:
    inputs = write_articles(tmp_path / "in", range(2))
    (tmp_path / "empty").mkdir()
    for since in (tmp_path / "missing", tmp_path / "empty"):
        with pytest.raises(ChangesError, match=str(since.name)):
            build_into(inputs, tmp_path / "dataset", since=since)
    assert not (tmp_path / "dataset").exists()


def test_a_damaged_previous_out_makes_a_first_build(tmp_path: Path) -> None:
    inputs, out = write_articles(tmp_path / "in", range(4)), tmp_path / "dataset"
    build_into(inputs, out)
    shard = next((out / "data").iterdir())
    shard.write_bytes(shard.read_bytes()[:100])  # the rebuild is how this is repaired: it must not be blocked
    result = build_into(inputs, out)
    assert "changes" not in result.summary and changes_rows(out) == []


def test_the_card_is_the_same_for_the_same_inputs_and_previous_build(tmp_path: Path) -> None:
    inputs = write_articles(tmp_path / "in", range(10))
    build_into(inputs, tmp_path / "previous" / "dataset")
    _edit(inputs)
    cards = []
    for copy in ("a", "b"):  # same folder name: the card names it
        out = tmp_path / copy / "dataset"
        shutil.copytree(tmp_path / "previous" / "dataset", out)
        build_into(inputs, out)
        cards.append((out / "README.md").read_bytes())
    assert cards[0] == cards[1] and b"## Changes" in cards[0]
    assert str(tmp_path).encode() not in cards[0]
