"""Stream rows into Parquet shards named the way the Hub expects: `data/{split}-00000-of-0000N.parquet`."""

from __future__ import annotations

import os
import zlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from builder.export.layout import shard_name

DEFAULT_MAX_SHARD_BYTES = 256 * 1024 * 1024
# Small row groups let the Hub's dataset viewer and random access read a few rows without the whole shard.
ROW_GROUP_ROWS = 1000
ROW_GROUP_BYTES = 64 * 1024 * 1024  # of text, before compression
# Past half its size, a shard ends before a row whose id hashes low: a boundary that moves with the
# rows, not their positions, so an insert or a removal re-writes the shard it falls in, not every later
# one. Boundaries are drawn about every max_shard_bytes / 8 of shard, assuming rows of this size on disk.
ROW_BYTES_ESTIMATE = 2048

PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "write_page_index": True,
    # Content-defined chunking keeps page boundaries stable across edits, so a re-upload of an
    # edited dataset moves only the changed chunks (Xet deduplicates them).
    "use_content_defined_chunking": True,
    "write_statistics": True,
}


BATCHES_AHEAD = 8  # batches handed to a shard writer's thread and not yet written, at most (memory)


@dataclass
class SplitWriter:
    """Rolls to a new shard when the current one reaches `max_shard_bytes`; shard names are fixed at close.

    Row groups hold `rows_per_group` rows, or fewer when their text reaches ROW_GROUP_BYTES: they are
    cut from the row sequence alone, so the batches rows arrive in never change the file.

    The writing is done on a thread of the writer's own: `write` hands it the batch and which of its rows
    to write, and returns. The thread takes the batches in turn and does what a writer in line would (cut
    the row groups, copy them out, compress and write them, end a shard where its size says), so the bytes
    are those of a write done in line; copies, zstd and the page index free the GIL, and the caller's
    thread, the build's busiest, goes on with the next batches meanwhile. At most BATCHES_AHEAD batches
    wait for it. A write's error is raised by a later `write` or by `close`; after one, the thread writes
    nothing more. `close` or `abort` ends the thread.
    """

    folder: Path
    split: str
    schema: pa.Schema
    max_shard_bytes: int = DEFAULT_MAX_SHARD_BYTES
    rows_per_group: int = ROW_GROUP_ROWS
    num_rows: int = 0
    _pending: list[_Rows] = field(default_factory=list)
    _text_bytes: list[np.ndarray] = field(default_factory=list)  # per pending row: bytes of its long texts
    _boundaries: list[np.ndarray] = field(default_factory=list)  # per pending row: may a shard start there
    _shards: list[Path] = field(default_factory=list)
    _sink: pa.NativeFile | None = None
    _writer: pq.ParquetWriter | None = None
    _thread: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "parquet-row-groups"))
    _handed: deque[Future[None]] = field(default_factory=deque)  # batches handed to the thread, in order
    _failed: bool = False  # a write failed on the thread: nothing more is written

    def write(self, batch: pa.RecordBatch, at: np.ndarray | None = None) -> None:
        """The batch's rows at `at` (ascending), or all of them; the batch is not to change after."""
        rows = _Rows(batch, at)
        if not len(rows):
            return
        self.num_rows += len(rows)
        while self._handed and (self._handed[0].done() or len(self._handed) >= BATCHES_AHEAD):
            self._handed.popleft().result()  # raises the thread's error, unchanged
        self._handed.append(self._thread.submit(self._written, self._append, rows))

    def _written(self, step: Callable[..., None], *args: Any) -> None:
        """A step of the writing, on the thread; none after one failed."""
        if self._failed:
            return
        try:
            step(*args)
        except BaseException:
            self._failed = True
            raise

    def _append(self, rows: _Rows) -> None:
        self._pending.append(rows)
        self._text_bytes.append(rows.chosen(_text_sizes(rows.batch)))
        self._boundaries.append(_boundary_rows(rows.ids(), self.max_shard_bytes))
        while (size := self._full_group()) is not None:
            self._write_group(size)

    def _full_group(self) -> int | None:
        """Rows in the next row group, if the pending rows fill one."""
        if not self._text_bytes:
            return None
        sizes = np.concatenate(self._text_bytes)
        over = np.flatnonzero(np.cumsum(sizes) >= min(ROW_GROUP_BYTES, self.max_shard_bytes))
        if len(over) and over[0] < self.rows_per_group:
            return self._before_boundary(int(over[0]) + 1)
        return self._before_boundary(self.rows_per_group) if len(sizes) >= self.rows_per_group else None

    def _past_half(self) -> bool:
        return self._sink is not None and self._sink.tell() >= self.max_shard_bytes // 2

    def _before_boundary(self, size: int) -> int:
        """Past half a shard, the next row group stops before the first boundary row: the shard ends there."""
        if not self._past_half():
            return size
        hits = np.flatnonzero(np.concatenate(self._boundaries)[1:size])
        return int(hits[0]) + 1 if len(hits) else size

    def _write_group(self, size: int) -> None:
        """Write the next `size` rows as a row group; then end the shard if it is full, or past half with a
        boundary at the next row."""
        group, rest = _cut(self._pending, size)
        sizes = np.concatenate(self._text_bytes)
        if self._writer is None:
            path = self.folder / f".{self.split}-{len(self._shards):05d}.parquet.partial"
            self._shards.append(path)
            self._sink = pa.OSFile(str(path), "wb")
            self._writer = pq.ParquetWriter(self._sink, self.schema, **PARQUET_OPTIONS)
        _write_table(self._writer, self.schema, group)
        boundaries = np.concatenate(self._boundaries)
        self._pending = rest
        self._text_bytes = [sizes[size:]] if rest else []
        self._boundaries = [boundaries[size:]] if rest else []
        full = self._sink is not None and self._sink.tell() >= self.max_shard_bytes
        if full or (self._past_half() and bool(rest and boundaries[size])):
            self._close_shard()

    def _finish(self) -> None:
        while self._pending:
            self._write_group(self._before_boundary(sum(len(sizes) for sizes in self._text_bytes)))
        self._close_shard()

    def _close_shard(self) -> None:
        if self._writer is not None and self._sink is not None:
            self._writer.close()
            self._sink.close()
        self._writer = self._sink = None

    def abort(self) -> None:
        """After an error (a full disk) or an interrupt: let go of the open shard without raising, once the
        write running on the thread is done or failed (its error is dropped; the batches waiting for it are
        dropped too); the staging folder goes."""
        self._thread.shutdown(wait=True, cancel_futures=True)
        self._handed.clear()
        for resource in (self._writer, self._sink):
            if resource is not None:
                with suppress(Exception):
                    resource.close()
        self._writer = self._sink = None

    def close(self) -> list[Path]:
        """Finish the last shard and give every shard its final `{split}-i-of-n` name."""
        self._handed.append(self._thread.submit(self._written, self._finish))
        while self._handed:
            self._handed.popleft().result()
        self._thread.shutdown()
        final = []
        for index, partial in enumerate(self._shards):
            path = self.folder / shard_name(self.split, index, len(self._shards))
            os.replace(partial, path)
            final.append(path)
        return final


@dataclass(frozen=True)
class _Rows:
    """Rows of a batch, not yet copied out of it: those at `at` (ascending), or all (None)."""

    batch: pa.RecordBatch
    at: np.ndarray | None = None

    def __len__(self) -> int:
        return self.batch.num_rows if self.at is None else len(self.at)

    def chosen(self, values: np.ndarray) -> np.ndarray:
        """Per row of the batch -> per chosen row."""
        return values if self.at is None else values[self.at]

    def ids(self) -> pa.Array:
        ids = self.batch.column("id")
        return ids if self.at is None else ids.take(pa.array(self.at))

    def split(self, count: int) -> tuple[_Rows, _Rows]:
        """The first `count` rows, and the others."""
        if self.at is None:
            return _Rows(self.batch.slice(0, count)), _Rows(self.batch.slice(count))
        return _Rows(self.batch, self.at[:count]), _Rows(self.batch, self.at[count:])

    def copied(self) -> pa.RecordBatch:
        return self.batch if self.at is None else self.batch.take(pa.array(self.at))


def _cut(pending: list[_Rows], size: int) -> tuple[list[_Rows], list[_Rows]]:
    """The first `size` pending rows, and the others."""
    group: list[_Rows] = []
    for index, rows in enumerate(pending):
        if size <= len(rows):
            first, others = rows.split(size) if size < len(rows) else (rows, None)
            rest = [others] if others is not None else []
            return [*group, first], rest + pending[index + 1 :]
        group.append(rows)
        size -= len(rows)
    return group, []


def _write_table(writer: pq.ParquetWriter, schema: pa.Schema, group: list[_Rows]) -> None:
    # One chunk per column: the writer cuts pages at chunk boundaries, and the batches rows
    # arrived in must not show in the file.
    table = pa.Table.from_batches([rows.copied() for rows in group], schema=schema).combine_chunks()
    writer.write_table(table, row_group_size=table.num_rows)


def _text_sizes(rows: pa.RecordBatch) -> np.ndarray:
    """UTF-8 bytes of each row's body, title and summary (what makes a row group big), from the offsets."""
    total = np.zeros(rows.num_rows, np.int64)
    for name in ("body", "title", "summary"):
        column = rows.column(name)
        offsets = np.frombuffer(column.buffers()[1], np.int32)[column.offset : column.offset + len(column) + 1]
        total += np.diff(offsets)  # a null's offsets are equal: 0 bytes
    return total


def _boundary_rows(ids: pa.Array, max_shard_bytes: int) -> np.ndarray:
    """Which rows a shard may start at: those whose id hashes below a share of the hash range, so that a
    boundary comes about every max_shard_bytes / 8 bytes of rows (every row for small shards)."""
    share = min(1.0, ROW_BYTES_ESTIMATE * 8 / max_shard_bytes)
    limit = int(share * 2**32)
    return np.array([zlib.crc32(row_id.encode()) < limit for row_id in ids.to_pylist()], bool)
