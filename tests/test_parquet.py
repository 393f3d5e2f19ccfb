"""Shards and row groups depend on the row sequence only, never on the batches the rows arrived in."""

from __future__ import annotations

import errno
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
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


def test_rows_chosen_from_their_batches_make_the_file_of_those_rows_alone(tmp_path: Path) -> None:
    rows = _rows(300, body_words=200)
    chosen = [row for index, row in enumerate(rows) if index % 3]
    alone = _write(tmp_path / "alone", chosen, 64)
    (tmp_path / "chosen").mkdir()
    writer = SplitWriter(tmp_path / "chosen", "train", SCHEMA, rows_per_group=40)
    for start in range(0, len(rows), 50):  # batches of every row, with the positions of the chosen ones
        batch = pa.RecordBatch.from_pylist(rows[start : start + 50], schema=SCHEMA)
        writer.write(batch, np.array([at for at in range(len(batch)) if (start + at) % 3], np.int64))
    assert [path.read_bytes() for path in writer.close()] == alone


def test_row_groups_close_early_on_text_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", 1000)
    rows = _rows(100)
    files = _write(tmp_path / "out", rows, 9)
    assert len(files) == 1
    table = pq.ParquetFile(tmp_path / "out" / "train-00000-of-00001.parquet")
    groups = [table.metadata.row_group(i).num_rows for i in range(table.metadata.num_row_groups)]
    assert sum(groups) == 100 and max(groups) < 40  # text, not the row count, closed the groups
    assert table.read().column("id").to_pylist() == [row["id"] for row in rows]


class InLine:
    """Runs each row group's write at once on the caller's thread: the writer as it was without its thread."""

    def submit(self, write: Callable[..., None], *args: Any) -> Future[None]:
        future: Future[None] = Future()
        future.set_result(write(*args))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _slow_writes(monkeypatch: pytest.MonkeyPatch, seconds: float, started: threading.Event | None = None) -> list[str]:
    """Each row group's write starts late, so the caller's thread runs ahead of it; gives the writing threads.
    `started` is set when the first write begins."""
    write, threads = parquet._write_table, []

    def slow(*args: Any) -> None:
        if started is not None:
            started.set()
        time.sleep(seconds)
        write(*args)
        threads.append(threading.current_thread().name)

    monkeypatch.setattr(parquet, "_write_table", slow)
    return threads


def _writer_threads(before: set[threading.Thread]) -> list[str]:
    """Writer threads started since `before` and still running (one left by an earlier failed test is not)."""
    return [t.name for t in set(threading.enumerate()) - before if t.name.startswith("parquet-row-groups")]


@pytest.mark.parametrize("max_shard_bytes", [3_000, 8_000, 20_000, 1 << 30])
def test_a_write_on_the_thread_gives_the_bytes_of_a_write_in_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, max_shard_bytes: int
) -> None:
    rows = _rows(300, body_words=40)
    threads = _slow_writes(monkeypatch, 0.005)
    threaded = _write(tmp_path / "threaded", rows, 7, max_shard_bytes=max_shard_bytes)
    assert threads and threading.main_thread().name not in threads
    monkeypatch.setattr(parquet, "ThreadPoolExecutor", lambda *args: InLine())
    assert _write(tmp_path / "in-line", rows, 7, max_shard_bytes=max_shard_bytes) == threaded


def test_abort_waits_for_the_write_running_drops_those_waiting_and_ends_the_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, before = threading.Event(), set(threading.enumerate())
    threads = _slow_writes(monkeypatch, 0.3, started)
    writer = SplitWriter(tmp_path, "train", SCHEMA, rows_per_group=40)
    writer.write(pa.RecordBatch.from_pylist(_rows(50), schema=SCHEMA))  # a group of 40 being written
    assert started.wait(10)
    writer.write(pa.RecordBatch.from_pylist(_rows(50), schema=SCHEMA))  # waiting for the thread
    writer.abort()
    assert len(threads) == 1  # written, not left running into a folder about to go; the next never started
    assert not _writer_threads(before)


def test_after_a_failed_write_nothing_more_is_written_and_close_raises_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def full(*args: object) -> None:
        calls.append(args)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(parquet, "_write_table", full)
    writer = SplitWriter(tmp_path, "train", SCHEMA, rows_per_group=10)
    with pytest.raises(OSError) as caught:
        for start in range(0, 100, 20):  # a group or two a batch: the first fails
            writer.write(pa.RecordBatch.from_pylist(_rows(100)[start : start + 20], schema=SCHEMA))
        writer.close()
    assert caught.value.errno == errno.ENOSPC and len(calls) == 1
    writer.abort()
