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
        """A string column's values (those `at`) at the file's end; where each starts and ends there. Most
        of a batch is written as its buffer is, a few of its values one by one. A null reads back as ""."""
        offsets = np.frombuffer(column.buffers()[1], np.int32)[column.offset : column.offset + len(column) + 1]
        data = memoryview(column.buffers()[2] or b"")
        if at is not None and 4 * len(at) < len(column):  # a few rows (dedup focused on a change): their values
            starts, ends = offsets[at].astype(np.int64), offsets[at + 1].astype(np.int64)
            placed = np.concatenate(([0], np.cumsum(ends - starts)))
            self._put(b"".join(data[start:end] for start, end in zip(starts.tolist(), ends.tolist(), strict=True)))
            texts = _Texts(self._end, placed[:-1], placed[1:])
            self._end += int(placed[-1])
            return texts
        self._put(data[offsets[0] : offsets[-1]])
        relative = offsets.astype(np.int64) - offsets[0]
        starts, ends = (relative[:-1], relative[1:]) if at is None else (relative[at], relative[at + 1])
        texts = _Texts(self._end, starts, ends)
        self._end += int(relative[-1])
        return texts

    def _put(self, data: bytes | memoryview) -> None:
        """Write at the file's end (`_end`, moved by the caller)."""
        view, where = memoryview(data), self._end
        while view:  # a write may take less than it is given
            written = os.pwrite(self._file.fileno(), view, where)
            view, where = view[written:], where + written

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
    Articles may also be shown only to be held (`judged` False: an input the date check rejected): they
    are never judged nor kept, but the keys they share are found. `shared_keys` gives every key held by
    two articles shown or more, which a later build needs to judge only the rows a change reaches
    (`builder.dedup.focus`).
    """

    stage = "dedup"

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self.count = 0  # articles shown so far
        self._index = KeyIndex()  # every article's keys; only kept ones are matched (`_is_kept`)
        self._is_kept = np.zeros(1024, bool)
        self._shared: list[np.ndarray] = []
        self._kept: Spill | None = None  # made by the first call that needs it

    def __call__(
        self,
        keys: np.ndarray | Sequence[tuple[int, ...]],
        rows: pa.RecordBatch,
        at: np.ndarray | None = None,
        judged: np.ndarray | None = None,
    ) -> list[Reject | None]:
        """`keys[i]`: the `Fingerprinter` keys of row i (rows × keys, uint64); `rows` needs `source_file` and
        `body`; `at`: which of them are the rows (positions, rising; None: all), so they need not be copied
        out; `judged[i]` (default: all): whether row i is judged, or only held.

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
        verdicts = self.judge(count, grid.ravel(), owner, article, judged)
        # The whole batch is spilled (cheaper than picking the kept rows), so row i stays article first + i.
        spill.append(rows, at)
        return [verdict and verdict.reject for verdict in verdicts]

    def shared_keys(self) -> np.ndarray:
        """Every key held by two articles shown or more, sorted, once each (uint64)."""
        return np.unique(np.concatenate([np.empty(0, np.uint64), *self._shared]))

    def article(self, number: int) -> tuple[str, str]:
        """(source_file, body) of an article shown through `__call__`."""
        assert self._kept is not None, "only articles shown through __call__ are spilled"
        return self._kept.get(number)

    def judge(
        self,
        rows: int,
        keys: np.ndarray,
        owner: np.ndarray,
        article: ArticleLookup,
        judged: np.ndarray | None = None,
    ) -> list[Duplicate | None]:
        """The verdicts of the next `rows` rows, numbered from `count` on: `keys[k]` (uint64) is a key of row
        `owner[k]` (in row order); `article(n)` gives any article shown so far, these rows included;
        `judged[i]` False: row i is only held (its verdict is None, and it is not kept)."""
        stored = self._stored_matches(keys, owner)
        in_batch = _shared_in_batch(keys, owner)
        if in_batch:  # a key two rows of the batch hold is shared too
            self._shared.append(keys[[later for pairs in in_batch.values() for later, _ in pairs]])
        kinds = keys & np.uint64(3)
        first = self.count
        held = np.zeros(rows, bool) if judged is None else ~judged
        kept = np.zeros(rows, bool)
        verdicts: list[Duplicate | None] = []
        for i in range(rows):
            matches = stored.get(i, []) + [(at, first + j) for at, j in in_batch.get(i, ()) if kept[j]]
            verdict = self._verdict(first + i, matches, kinds, article) if matches and not held[i] else None
            kept[i] = verdict is None and not held[i]
            verdicts.append(verdict)
        self.count += rows
        self._mark_kept(first, kept)
        self._index.add(keys, (first + owner).astype(np.uint32))
        return verdicts

    def _mark_kept(self, first: int, kept: np.ndarray) -> None:
        if first + len(kept) > len(self._is_kept):
            grown = np.zeros(max(2 * len(self._is_kept), first + len(kept)), bool)
            grown[: len(self._is_kept)] = self._is_kept
            self._is_kept = grown
        self._is_kept[first : first + len(kept)] = kept

    def _stored_matches(self, keys: np.ndarray, owner: np.ndarray) -> dict[int, list[Match]]:
        """Per row, its keys' matches with earlier kept articles; every key an earlier article holds is shared."""
        matches: dict[int, list[Match]] = defaultdict(list)
        positions, values = self._index.lookup(keys)
        self._shared.append(keys[positions])
        good = self._is_kept[values]
        for at, value in zip(positions[good].tolist(), values[good].tolist(), strict=True):
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
