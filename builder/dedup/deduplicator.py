"""Deduplication after validation: exact copies, re-crawls of the same article, near-duplicates.

The first copy shown is kept: in input order, or in the order `builder.dedup.keep` decides. The parallel
half (`builder.dedup.fingerprint`, run in the workers) turns each article into 64-bit keys: a digest of
its bytes, its id, and the LSH band keys of its body's MinHash. The sequential half here, in the
parent, takes a batch of rows at a time:
it keeps only those keys per kept article (12 bytes each, in `KeyIndex`), and the kept bodies and
paths in a spill file on disk, read back only to confirm an LSH candidate with the exact Jaccard
similarity.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np
import pyarrow as pa

from builder.dedup.fingerprint import DEFAULT_THRESHOLD, EXACT, SAME_ID, jaccard, shingles
from builder.dedup.keyindex import KeyIndex
from builder.reasons import Reason
from builder.record import Reject


class Spill:
    """Kept articles' paths and bodies, in an anonymous temporary file a batch at a time, as raw UTF-8.

    Memory holds where each row's text starts (8 bytes a row); a candidate's body is read back alone,
    with one positioned read, only to confirm it.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._end = 0
        self._firsts = array("q", [0])  # number of each batch's first article, then the count
        self._texts: list[tuple[_Texts, _Texts]] = []  # per batch: its paths, its bodies

    @property
    def count(self) -> int:
        return self._firsts[-1]

    def append(self, rows: pa.RecordBatch, at: np.ndarray | None = None) -> None:
        """Add rows with `source_file` and `body` (those `at`, if given: the others are not copied out);
        they are numbered from `count` on."""
        count = rows.num_rows if at is None else len(at)
        if not count:
            return
        names, bodies = (self._write(rows.column(name), at) for name in ("source_file", "body"))
        self._texts.append((names, bodies))
        self._firsts.append(self._firsts[-1] + count)

    def _write(self, column: pa.Array, at: np.ndarray | None) -> _Texts:
        """A string column's bytes, as they are, at the file's end; where each value (of those `at`) starts
        and ends there. A null's offsets are equal: it reads back as ""."""
        offsets = np.frombuffer(column.buffers()[1], np.int32)[column.offset : column.offset + len(column) + 1]
        data = column.buffers()[2]
        if data is not None:
            view, where = memoryview(data)[offsets[0] : offsets[-1]], self._end
            while view:  # a write may take less than it is given
                written = os.pwrite(self._file.fileno(), view, where)
                view, where = view[written:], where + written
        relative = offsets.astype(np.int64) - offsets[0]
        texts = _Texts(
            self._end, relative[:-1] if at is None else relative[at], relative[1:] if at is None else relative[at + 1]
        )
        self._end += int(relative[-1])
        return texts

    def get(self, article: int) -> tuple[str, str]:
        """(source_file, body) of an article."""
        batch = bisect_right(self._firsts, article) - 1
        row = article - self._firsts[batch]
        names, bodies = self._texts[batch]
        return self._read(names, row), self._read(bodies, row)

    def _read(self, texts: _Texts, row: int) -> str:
        start, end = int(texts.starts[row]), int(texts.ends[row])
        return os.pread(self._file.fileno(), end - start, texts.start + start).decode("utf-8")

    def close(self) -> None:
        self._file.close()


class _Texts(NamedTuple):
    """A batch's values of one column in the spill file: where they start, and each value's start and end
    offsets from there."""

    start: int
    starts: np.ndarray
    ends: np.ndarray


def _row(rows: pa.RecordBatch, index: int) -> tuple[str, str]:
    return rows.column("source_file")[index].as_py(), rows.column("body")[index].as_py()


# The key kinds a match of which decides alone, in the order they are checked, before any near-duplicate.
KEY_MATCHES = {EXACT: "exact copy: byte-identical file", SAME_ID: "re-crawl: same article, different page chrome"}


def key_detail(kind: int, kept_file: str) -> str:
    """The detail of a duplicate that shares a key of `kind` (one of KEY_MATCHES) with the kept copy."""
    return f"{KEY_MATCHES[kind]}; kept {kept_file}"


def near_detail(similarity: float, threshold: float, kept_file: str) -> str:
    """The detail of a near-duplicate of the kept copy."""
    return f"near-duplicate: body Jaccard {similarity:.3f} >= {threshold}; kept {kept_file}"


Match = tuple[int, int]  # (position of the key in the batch's key array, number of the kept article)
ArticleLookup = Callable[[int], tuple[str, str]]  # article number -> (source_file, body)


class Duplicate(NamedTuple):
    """A row's verdict when it is a duplicate: its reject, and the number of the article kept in its place."""

    reject: Reject
    kept: int


class Deduplicator:
    """Answers, for each row of a batch, ok (None) or a `duplicate` reject naming the kept copy and the kind of match.

    Articles are numbered in the order they are shown, and a row is compared with every article
    kept before it, earlier rows of its own batch included: the first copy shown is the one kept.
    """

    stage = "dedup"

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self.count = 0  # articles shown so far
        self._index = KeyIndex()
        self._kept: Spill | None = None  # made by the first call that needs it

    def __call__(
        self, keys: np.ndarray | Sequence[tuple[int, ...]], rows: pa.RecordBatch, at: np.ndarray | None = None
    ) -> list[Reject | None]:
        """`keys[i]`: the `Fingerprinter` keys of row i (rows × keys, uint64); `rows` needs `source_file` and
        `body`; `at`: which of them are the rows (positions, rising; None: all), so they need not be copied out.

        The rows are kept in a spill file, so later batches can name and compare with them.
        """
        if self._kept is None:
            self._kept = Spill()
        spill, first = self._kept, self.count
        count = rows.num_rows if at is None else len(at)
        grid = _key_grid(keys, count)

        def article(number: int) -> tuple[str, str]:
            if number < first:
                return spill.get(number)
            return _row(rows, number - first if at is None else int(at[number - first]))

        owner = np.repeat(np.arange(count), grid.shape[1])
        verdicts = self.judge(count, grid.ravel(), owner, article)
        # The whole batch is spilled (cheaper than picking the kept rows), so row i stays article first + i.
        spill.append(rows, at)
        return [verdict and verdict.reject for verdict in verdicts]

    def article(self, number: int) -> tuple[str, str]:
        """(source_file, body) of an article shown through `__call__`."""
        assert self._kept is not None, "only articles shown through __call__ are spilled"
        return self._kept.get(number)

    def judge(self, rows: int, keys: np.ndarray, owner: np.ndarray, article: ArticleLookup) -> list[Duplicate | None]:
        """The verdicts of the next `rows` rows, numbered from `count` on: `keys[k]` (uint64) is a key of row
        `owner[k]` (in row order); `article(n)` gives any article shown so far, these rows included."""
        stored = self._stored_matches(keys, owner)
        in_batch = _shared_in_batch(keys, owner)
        kinds = keys & np.uint64(3)
        first = self.count
        verdicts: list[Duplicate | None] = []
        kept: list[int] = []
        for i in range(rows):
            matches = stored.get(i, []) + [(at, first + j) for at, j in in_batch.get(i, ()) if verdicts[j] is None]
            verdict = self._verdict(first + i, matches, kinds, article) if matches else None
            if verdict is None:
                kept.append(i)
            verdicts.append(verdict)
        self.count += rows
        is_kept = np.isin(owner, kept)
        self._index.add(keys[is_kept], (first + owner[is_kept]).astype(np.uint32))  # only kept rows are indexed
        return verdicts

    def _stored_matches(self, keys: np.ndarray, owner: np.ndarray) -> dict[int, list[Match]]:
        matches: dict[int, list[Match]] = defaultdict(list)
        positions, values = self._index.lookup(keys)
        for at, value in zip(positions.tolist(), values.tolist(), strict=True):
            matches[int(owner[at])].append((at, value))
        return matches

    def _verdict(
        self, number: int, matches: list[Match], kinds: np.ndarray, article: ArticleLookup
    ) -> Duplicate | None:
        for kind in KEY_MATCHES:
            same = [value for at, value in matches if kinds[at] == kind]
            if same:
                return Duplicate(self.reject(key_detail(kind, article(min(same))[0])), min(same))
        # Rare: shingle the body only to confirm a band candidate exactly.
        body_shingles = shingles(article(number)[1])
        for candidate in sorted({value for _, value in matches}):
            kept_file, kept_body = article(candidate)
            similarity = jaccard(body_shingles, shingles(kept_body))
            if similarity >= self.threshold:
                return Duplicate(self.reject(near_detail(similarity, self.threshold, kept_file)), candidate)
        return None

    def reject(self, detail: str) -> Reject:
        """A `duplicate` reject from this stage."""
        return Reject(Reason.DUPLICATE, detail, self.stage)

    def close(self) -> None:
        if self._kept is not None:
            self._kept.close()


def _key_grid(keys: np.ndarray | Sequence[tuple[int, ...]], rows: int) -> np.ndarray:
    """The keys as rows × keys uint64 (every row has as many: the LSH shape is the build's)."""
    grid = np.asarray(keys, np.uint64)
    return grid.reshape(rows, -1) if grid.size else np.empty((rows, 0), np.uint64)


def _shared_in_batch(keys: np.ndarray, owner: np.ndarray) -> dict[int, list[tuple[int, int]]]:
    """record -> (position of its key, earlier record of the batch with the same key); empty for most batches."""
    order = np.argsort(keys, kind="stable")  # stable: equal keys stay in batch order
    sorted_keys = keys[order]
    repeats = np.flatnonzero(sorted_keys[1:] == sorted_keys[:-1]) + 1
    shared: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for end in repeats.tolist():
        later = int(order[end])
        start = end
        while start > 0 and sorted_keys[start - 1] == sorted_keys[end]:
            start -= 1
            earlier = int(owner[order[start]])
            if earlier != owner[later]:
                shared[int(owner[later])].append((later, earlier))
    return shared
