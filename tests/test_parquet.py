"""Shards and row groups depend on the row sequence only, never on the batches the rows arrived in."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from builder.export import parquet
from builder.export.parquet import SplitWriter
from builder.schema import load_schema

SCHEMA = load_schema().arrow()


def _rows(count: int, body_words: int = 10) -> list[dict]:
    when = datetime(2024, 1, 1, tzinfo=UTC)
    return [
        {
            "id": f"{i:032x}",
            "source_file": f"{i}.txt",
            "extractor": "profile:p",
            "publisher": "P",
            "title": f"title {i}",
            "body": f"word{i} " * (body_words + i % 50),
            "published_at": when,
            "published_at_local": when.replace(tzinfo=None),
            "language": "en",
            "authors": [],
            "images": [],
            "tags": [],
        }
        for i in range(count)
    ]


def _write(folder: Path, rows: list[dict], batch_size: int, **options: int) -> list[bytes]:
    folder.mkdir()
    writer = SplitWriter(folder, "train", SCHEMA, rows_per_group=40, **options)
    for start in range(0, len(rows), batch_size):
        writer.write(pa.RecordBatch.from_pylist(rows[start : start + batch_size], schema=SCHEMA))
    return [path.read_bytes() for path in writer.close()]


@pytest.mark.parametrize("batch_size", [1, 7, 128])
def test_batches_do_not_change_the_files(tmp_path: Path, batch_size: int) -> None:
    rows = _rows(300, body_words=5000)  # several data pages per row group: pages must not follow batches
    whole = _write(tmp_path / "whole", rows, len(rows))
    assert _write(tmp_path / "cut", rows, batch_size) == whole
    metadata = pq.ParquetFile(tmp_path / "whole" / "train-00000-of-00001.parquet").metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [40] * 7 + [20]


def test_row_groups_close_early_on_text_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", 1000)
    rows = _rows(100)
    files = _write(tmp_path / "out", rows, 9)
    assert len(files) == 1
    table = pq.ParquetFile(tmp_path / "out" / "train-00000-of-00001.parquet")
    groups = [table.metadata.row_group(i).num_rows for i in range(table.metadata.num_row_groups)]
    assert sum(groups) == 100 and max(groups) < 40  # text, not the row count, closed the groups
    assert table.read().column("id").to_pylist() == [row["id"] for row in rows]
