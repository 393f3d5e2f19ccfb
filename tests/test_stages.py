"""The parent's stages: named, composable, and a failure in one says which."""

from __future__ import annotations

import errno
import threading
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import builder.build
from builder.errors import OutputWriteError, StageError
from builder.export import parquet
from builder.stages import Split, WriteShards, run_stages
from tests.conftest import DATA, run_build
from tests.test_batch import processed
from tests.test_dedup import ORIGINAL, build_rows
from tests.test_parquet import _slow_writes, _writer_threads


def test_a_bug_in_a_stage_names_the_stage_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Split, batch: pa.RecordBatch) -> pa.Array:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(Split, "_splits", broken)
    with pytest.raises(StageError, match="in the parent stage 'split': ZeroDivisionError: division by zero") as caught:
        run_build([DATA], tmp_path)
    assert caught.value.stage == "split" and isinstance(caught.value.__cause__, ZeroDivisionError)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("where", ["SplitWriter.write", "_write_table"])  # the caller's thread, the writer's
def test_a_full_disk_in_a_stage_stays_a_write_error_and_names_the_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(f"builder.export.parquet.{where}", full)
    with pytest.raises(OutputWriteError) as caught:
        run_build([DATA], tmp_path)
    assert "raised in the parent stage 'write shards'" in caught.value.__cause__.__notes__
    assert not (tmp_path / "out").exists()


class Watch:
    """A stage that records each batch's reject stages and passes the batch on."""

    name = "watch"

    def __init__(self) -> None:
        self.seen: list[list[str | None]] = []

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            self.seen.append(batch.column("reject_stage").to_pylist())
            yield batch


@pytest.mark.parametrize("keep", ["first", "latest"])
def test_a_stage_added_to_the_composition_sees_every_batch_after_dedup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep: str
) -> None:
    watch, compose = Watch(), builder.build._parent_stages
    monkeypatch.setattr(
        builder.build,
        "_parent_stages",
        lambda progress, dedup, output: compose(progress, dedup, [watch, *output]),
    )
    rows, rejects = build_rows(tmp_path, {"a.txt": ORIGINAL, "b.txt": ORIGINAL, "c.txt": ""}, keep=keep)
    assert watch.seen == [[None, "dedup", "decode"]]
    assert [r["source_file"] for r in rows] == ["a.txt"] and [r["source_file"] for r in rejects] == ["b.txt", "c.txt"]


def test_every_stage_is_closed_when_a_later_one_fails() -> None:
    closed: list[str] = []

    class Holding:
        name = "holding"

        def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
            try:
                yield from batches
            finally:
                closed.append(self.name)

    class Failing:
        name = "failing"

        def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
            for _ in batches:
                raise RuntimeError("boom")
            yield from ()

    _, batch = processed()
    with pytest.raises(StageError, match="'failing': RuntimeError: boom"):
        run_stages([batch, batch], [Holding(), Failing()])
    assert closed == ["holding"]  # not left for the garbage collector, which the traceback would hold off


def test_the_writer_stage_gives_its_shards_once_every_batch_is_through(tmp_path: Path) -> None:
    _, batch = processed()
    write = WriteShards(tmp_path, 1 << 20)
    run_stages([batch, batch], [Split(0.5), write])
    written = {
        split: pq.read_table(paths[0]).column("source_file").to_pylist() for split, paths in write.shards.items()
    }
    assert sorted(name for names in written.values() for name in names) == ["a.txt", "a.txt", "b.txt", "b.txt"]


@pytest.mark.parametrize("group_bytes", [1, parquet.ROW_GROUP_BYTES])  # raised by the next batch, or at close
def test_an_error_on_the_writer_thread_reaches_the_caller_with_its_type_and_the_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group_bytes: int
) -> None:
    threads = []

    def full(*args: object) -> None:
        threads.append(threading.current_thread())
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", group_bytes)  # 1: a row group per row, each batch writes
    monkeypatch.setattr(parquet, "_write_table", full)
    _, batch = processed()
    before = set(threading.enumerate())
    with pytest.raises(OSError) as caught:
        run_stages([batch, batch], [Split(0.5), WriteShards(tmp_path, 1 << 20)])
    assert caught.type is OSError and caught.value.errno == errno.ENOSPC
    assert "raised in the parent stage 'write shards'" in caught.value.__notes__
    assert threads and threading.main_thread() not in threads and not _writer_threads(before)


def test_a_later_stage_interrupted_leaves_no_write_running(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Interrupted:
        name = "interrupted"

        def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
            for _ in batches:
                raise KeyboardInterrupt
            yield from ()

    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", 1)  # each row a group: the first batch's are in flight
    written = _slow_writes(monkeypatch, 0.3)
    _, batch = processed()
    before = set(threading.enumerate())
    with pytest.raises(KeyboardInterrupt):
        run_stages([batch, batch], [Split(0.5), WriteShards(tmp_path, 1 << 20), Interrupted()])
    assert written and not _writer_threads(before)  # waited for, not left writing into a folder about to go
