"""`--keep latest`: of each group of duplicates, keep the copy published last (then the first in input order).

The build streams rows in `source_file` order and writes them as it goes; which copy is the latest
is known only once the whole group has been seen. So, in three passes over the valid rows:

1. every batch is spilled, as it arrives, to an anonymous Arrow IPC file in the staging folder,
   and its rows' dedup keys to a second file (a fixed number of uint64 per row); memory holds
   NumPy arrays only (publication time per row, the positions of each batch's rows, and the URL key
   and crawl time of rows that have a URL);
2. re-crawls of one canonical URL are settled first (`builder.dedup.recrawl`: the latest crawl stays);
   then the `Deduplicator` is shown the rest in preference order (published_at descending, then input
   order), reading keys back through a memory map, and a body only to confirm a near-duplicate;
3. the batches are read back in input order, duplicates rejected with the name of the kept copy,
   exactly as the streaming dedup hands them on.

`--keep first` takes the same road from the first batch holding a URL on (`keep_ranked`), in input order:
which crawl of a URL stays is known only at the end too.
"""

from __future__ import annotations

import tempfile
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa

from builder import batch as outcome
from builder.batch import BATCH_SIZE
from builder.dedup.deduplicator import Deduplicator
from builder.dedup.recrawl import NO_CRAWL_TIME, NO_URL, latest_crawls, recrawl_detail
from builder.record import Reject

KEEP_CHOICES = ("first", "latest")
# Rows shown to the Deduplicator at a time, in preference order: as many as the streaming dedup is
# shown, since copies of one article are compared pairwise within a chunk (and are adjacent here).
RANK_CHUNK = BATCH_SIZE


def keep_latest(batches: Iterable[pa.RecordBatch], folder: Path, threshold: float) -> Iterator[pa.RecordBatch]:
    """`batches` (from the engine, with dedup keys) again, in the same order and cut, duplicates rejected.

    Nothing comes out before every batch has gone in. Spill files go in `folder`.
    """
    # Given the rows themselves, the Deduplicator never spills them again.
    return keep_ranked(batches, folder, Deduplicator(threshold), latest=True)


def keep_ranked(
    batches: Iterable[pa.RecordBatch], folder: Path | None, dedup: Deduplicator, latest: bool
) -> Iterator[pa.RecordBatch]:
    """As `keep_latest`; the rows that stay after re-crawls are shown to `dedup` published last first
    (`latest`) or in input order. `dedup` may have judged earlier rows: these are compared with them."""
    store = _RowStore(folder)
    try:
        for batch in batches:
            store.add(batch)
        store.seal()
        yield from store.batches(_decide(store, dedup, latest))
    finally:
        store.close()


def _decide(store: _RowStore, dedup: Deduplicator, latest: bool) -> dict[int, Reject]:
    """The `duplicate` reject of each row that is not kept, by row number (in input order)."""
    count = store.count
    if not count:
        return {}
    recrawls = store.recrawls()
    standing = latest_crawls(*recrawls) if recrawls else np.arange(count)
    shown = np.flatnonzero(standing == np.arange(count))  # the latest crawl of each URL, and rows without one
    if latest:
        shown = shown[np.lexsort((shown, -store.published()[shown]))]  # the last key sorts first
    first = dedup.count  # articles shown before these rows are numbered below

    def article(number: int) -> tuple[str, str]:
        return dedup.article(number) if number < first else store.article(int(shown[number - first]))

    keys = store.keys()
    duplicates: dict[int, Reject] = {}
    kept_as = np.arange(first, first + len(shown))  # per shown row: the article kept in its place
    for start in range(0, len(shown), RANK_CHUNK):
        rows = shown[start : start + RANK_CHUNK]
        owner = np.repeat(np.arange(len(rows)), keys.shape[1])
        # The Deduplicator numbers articles in the order shown: article first + n is row shown[n].
        verdicts = dedup.judge(len(rows), keys[rows].ravel(), owner, article)
        for at, verdict in enumerate(verdicts):
            if verdict is not None:
                duplicates[int(rows[at])] = verdict.reject
                kept_as[start + at] = verdict.kept
    if recrawls:
        kept_of = np.empty(count, np.int64)
        kept_of[shown] = kept_as
        duplicates.update(_older_crawls(store, standing, recrawls[1], lambda row: article(int(kept_of[row]))[0], dedup))
    return duplicates


def _older_crawls(
    store: _RowStore, standing: np.ndarray, crawled: np.ndarray, kept_file: Callable[[int], str], dedup: Deduplicator
) -> Iterator[tuple[int, Reject]]:
    """The reject of each row a later crawl of its URL stands for (`standing[row]`, numbered like the rows);
    `kept_file(row)` names the copy kept in a shown row's place (itself, unless it was a duplicate too)."""
    for row in np.flatnonzero(standing != np.arange(len(standing))).tolist():
        latest = int(standing[row])
        detail = recrawl_detail(int(crawled[row]), int(crawled[latest]), store.article(latest)[0], kept_file(latest))
        yield row, dedup.reject(detail)


class _RowStore:
    """Every batch, on disk, and where its rows are: rows are numbered across batches in input order."""

    def __init__(self, folder: Path | None) -> None:
        # Anonymous files: nothing to clean up after a crash, not even in the staging folder.
        self._batches_file = tempfile.TemporaryFile(dir=folder)
        self._keys_file = tempfile.TemporaryFile(dir=folder)
        self._writer: pa.ipc.RecordBatchFileWriter | None = None
        self._reader: pa.ipc.RecordBatchFileReader | None = None
        self._cached: tuple[int, pa.RecordBatch] | None = None
        self._firsts = array("q", [0])  # number of each batch's first row, then the count
        self._width = 0  # keys per row
        self._positions: list[np.ndarray] = []  # per batch: the position of each of its rows in the batch
        self._published: list[np.ndarray] = []  # per batch: each row's published_at (µs)
        # Per batch with a URL: its number, its rows' URL keys and crawl times (µs); none in a text-dump build.
        self._recrawls: list[tuple[int, np.ndarray, np.ndarray]] = []

    def add(self, batch: pa.RecordBatch) -> None:
        keys = outcome.dedup_keys(batch)
        if len(keys):
            self._width = self._width or keys.shape[1]
            assert keys.shape[1] == self._width, "every row has as many keys (the LSH shape is the build's)"
        self._keys_file.write(keys.tobytes())
        if self._writer is None:
            self._writer = pa.ipc.new_file(self._batches_file, batch.schema)
        self._writer.write_batch(batch)
        self._firsts.append(self._firsts[-1] + len(keys))
        self._positions.append(np.flatnonzero(outcome.is_row(batch)))
        published = outcome.kept(batch, ["published_at"]).column(0).cast(pa.int64())
        self._published.append(published.to_numpy(zero_copy_only=False))
        url_keys = outcome.url_keys(batch)
        if url_keys is not None:
            self._recrawls.append((len(self._positions) - 1, url_keys, outcome.crawl_times(batch, NO_CRAWL_TIME)))

    def seal(self) -> None:
        """No more batches: from here on they are read back."""
        if self._writer is not None:
            self._writer.close()
            self._batches_file.flush()
            self._reader = pa.ipc.open_file(self._batches_file)
        self._keys_file.flush()

    def published(self) -> np.ndarray:
        """Each row's publication instant (µs since the epoch), in input order."""
        return np.concatenate(self._published) if self._published else np.empty(0, np.int64)

    @property
    def count(self) -> int:
        return self._firsts[-1]

    def recrawls(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Each row's URL key (NO_URL without one) and crawl time (µs, NO_CRAWL_TIME without one), in input
        order; None when no row has a URL."""
        if not self._recrawls:
            return None
        url_keys = np.full(self.count, NO_URL, np.uint64)
        crawled = np.full(self.count, NO_CRAWL_TIME, np.int64)
        for batch, keys, times in self._recrawls:
            url_keys[self._firsts[batch] : self._firsts[batch + 1]] = keys
            crawled[self._firsts[batch] : self._firsts[batch + 1]] = times
        return url_keys, crawled

    def keys(self) -> np.ndarray:
        """Each row's dedup keys (rows × keys), mapped from disk."""
        return np.memmap(self._keys_file, np.uint64, "r", shape=(self._firsts[-1], self._width))

    def article(self, row: int) -> tuple[str, str]:
        """(source_file, body) of a row."""
        batch = bisect_right(self._firsts, row) - 1
        table = self._batch(batch)
        index = int(self._positions[batch][row - self._firsts[batch]])
        return table.column("source_file")[index].as_py(), table.column("body")[index].as_py()

    def _batch(self, batch: int) -> pa.RecordBatch:
        if self._cached is None or self._cached[0] != batch:
            assert self._reader is not None
            self._cached = (batch, self._reader.get_batch(batch))
        return self._cached[1]

    def batches(self, duplicates: dict[int, Reject]) -> Iterator[pa.RecordBatch]:
        """Every batch as it came, in order, with `duplicates` rejected."""
        numbers = np.array(sorted(duplicates), np.int64)
        for batch, positions in enumerate(self._positions):
            first = self._firsts[batch]
            low, high = np.searchsorted(numbers, [first, self._firsts[batch + 1]])
            rows = numbers[low:high]
            rejects = [duplicates[row] for row in rows.tolist()]
            yield outcome.with_rejects(self._batch(batch), positions[rows - first], rejects)

    def close(self) -> None:
        self._cached = self._reader = self._writer = None  # an unsealed spill is not worth finishing
        self._batches_file.close()
        self._keys_file.close()
