"""`--keep latest`: of each group of duplicates, keep the copy published last (then the first in input order).

The build streams rows in `source_file` order and writes them as it goes; which copy is the latest
is known only once the whole group has been seen. So, in three passes over the valid rows:

1. every row is spilled, as its batch arrives, to an anonymous Arrow IPC file in the staging
   folder, and its dedup keys to a second file (a fixed number of uint64 per row); memory holds
   NumPy arrays only (publication time and body word count per row, the shape of each batch) and
   the inputs rejected before dedup, which the report holds anyway;
2. the `Deduplicator` is shown the rows in preference order (published_at descending, then input
   order), reading keys back through a memory map, and a body only to confirm a near-duplicate;
3. the batches are given back in input order, duplicates rejected with the name of the kept copy,
   exactly as the streaming dedup would hand them to the writers.
"""

from __future__ import annotations

import tempfile
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa

from builder.dedup.deduplicator import Deduplicator
from builder.engines.batch import ProcessedBatch
from builder.engines.local import BATCH_SIZE, Progress
from builder.record import Record, Reject

KEEP_CHOICES = ("first", "latest")
# Rows shown to the Deduplicator at a time, in preference order: as many as the streaming dedup is
# shown, since copies of one article are compared pairwise within a chunk (and are adjacent here).
RANK_CHUNK = BATCH_SIZE


def keep_latest(
    batches: Iterable[ProcessedBatch], folder: Path, threshold: float, progress: Progress | None = None
) -> Iterator[ProcessedBatch]:
    """`batches` (from the pipeline, with dedup keys) again, in the same order and cut, duplicates rejected.

    Spill files go in `folder`. `progress` hears of each input as it is read, and of each duplicate
    as its batch is given back.
    """
    store = _RowStore(folder)
    try:
        for batch in batches:
            store.add(batch)
            if progress:
                progress(len(batch.records), len(batch.records) - batch.rows.num_rows)
        store.seal()
        for batch in store.batches(_decide(store, threshold)):
            yield batch
            if progress:
                dropped = [
                    record for record in batch.records if record.reject and record.reject.stage == Deduplicator.stage
                ]
                progress(0, len(dropped))
    finally:
        store.close()


def _decide(store: _RowStore, threshold: float) -> dict[int, Reject]:
    """The `duplicate` reject of each row that is not kept, by row number (in input order)."""
    published = store.published()
    if not len(published):
        return {}
    order = np.lexsort((np.arange(len(published)), -published))  # the last key sorts first
    keys = store.keys()
    dedup = Deduplicator(threshold)  # given the rows themselves, never spills them again
    duplicates: dict[int, Reject] = {}
    for start in range(0, len(order), RANK_CHUNK):
        rows = order[start : start + RANK_CHUNK]
        owner = np.repeat(np.arange(len(rows)), keys.shape[1])
        # The Deduplicator numbers articles in the order shown: article n is row order[n].
        verdicts = dedup.judge(len(rows), keys[rows].ravel(), owner, lambda n: store.article(int(order[n])))
        duplicates.update((row, verdict) for row, verdict in zip(rows.tolist(), verdicts, strict=True) if verdict)
    return duplicates


class _RowStore:
    """The valid rows of every batch, on disk, and what is needed to give the batches back."""

    def __init__(self, folder: Path) -> None:
        # Anonymous files: nothing to clean up after a crash, not even in the staging folder.
        self._rows_file = tempfile.TemporaryFile(dir=folder)
        self._keys_file = tempfile.TemporaryFile(dir=folder)
        self._writer: pa.ipc.RecordBatchFileWriter | None = None
        self._reader: pa.ipc.RecordBatchFileReader | None = None
        self._cached: tuple[int, pa.RecordBatch] | None = None
        self._firsts = array("q", [0])  # number of each batch's first row, then the count
        self._width = 0  # keys per row
        self._valid: list[np.ndarray] = []  # per batch: which inputs are rows (the others were rejected)
        self._rejected: list[list[Record]] = []  # per batch: the inputs rejected before dedup
        self._published: list[np.ndarray] = []  # per batch: each row's published_at (µs)
        self._body_words: list[np.ndarray] = []  # per batch: each row's body length in words

    def add(self, batch: ProcessedBatch) -> None:
        valid = batch.valid
        keys = np.array([record.dedup_keys for record in valid], np.uint64).reshape(len(valid), -1)
        if len(valid):
            self._width = self._width or keys.shape[1]
            assert keys.shape[1] == self._width, "every row has as many keys (the LSH shape is the build's)"
        self._keys_file.write(keys.tobytes())
        if self._writer is None:
            self._writer = pa.ipc.new_file(self._rows_file, batch.rows.schema)
        self._writer.write_batch(batch.rows)
        self._firsts.append(self._firsts[-1] + len(valid))
        self._valid.append(np.array([record.reject is None for record in batch.records], bool))
        self._rejected.append([record for record in batch.records if record.reject is not None])
        self._published.append(np.asarray(batch.rows.column("published_at").cast(pa.int64())))
        self._body_words.append(np.array([record.body_words for record in valid], np.uint32))

    def seal(self) -> None:
        """No more rows: from here on they are read back."""
        if self._writer is not None:
            self._writer.close()
            self._rows_file.flush()
            self._reader = pa.ipc.open_file(self._rows_file)
        self._keys_file.flush()

    def published(self) -> np.ndarray:
        """Each row's publication instant (µs since the epoch), in input order."""
        return np.concatenate(self._published) if self._published else np.empty(0, np.int64)

    def keys(self) -> np.ndarray:
        """Each row's dedup keys (rows × keys), mapped from disk."""
        return np.memmap(self._keys_file, np.uint64, "r", shape=(self._firsts[-1], self._width))

    def article(self, row: int) -> tuple[str, str]:
        """(source_file, body) of a row."""
        batch = bisect_right(self._firsts, row) - 1
        rows = self._batch(batch)
        index = row - self._firsts[batch]
        return rows.column("source_file")[index].as_py(), rows.column("body")[index].as_py()

    def _batch(self, batch: int) -> pa.RecordBatch:
        if self._cached is None or self._cached[0] != batch:
            assert self._reader is not None
            self._cached = (batch, self._reader.get_batch(batch))
        return self._cached[1]

    def batches(self, duplicates: dict[int, Reject]) -> Iterator[ProcessedBatch]:
        """Every batch as it came, in order, with `duplicates` rejected and their rows left out."""
        for batch, valid in enumerate(self._valid):
            rows = self._batch(batch)
            files = iter(rows.column("source_file").to_pylist())
            words = iter(self._body_words[batch].tolist())
            rejected = iter(self._rejected[batch])
            row = self._firsts[batch]
            records: list[Record] = []
            kept: list[bool] = []
            for is_row in valid.tolist():
                if not is_row:
                    records.append(next(rejected))
                    continue
                reject = duplicates.get(row)
                records.append(Record(source_file=next(files), body_words=next(words), reject=reject))
                kept.append(reject is None)
                row += 1
            yield ProcessedBatch(records, rows if all(kept) else rows.filter(kept))

    def close(self) -> None:
        self._cached = self._reader = self._writer = None  # an unsealed spill is not worth finishing
        self._rows_file.close()
        self._keys_file.close()
