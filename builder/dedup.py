"""Deduplication after validation: exact copies, re-crawls of the same article, near-duplicates.

The first copy in input order is kept. The parallel half (`builder.fingerprint`, run in the
workers) turns each article into 64-bit keys: a digest of its bytes, its id, and the LSH band keys
of its body's MinHash. The sequential half here, in the parent, takes a batch of rows at a time:
it keeps only those keys per kept article (12 bytes each, in `KeyIndex`), and the kept bodies and
paths in a spill file on disk, read back only to confirm an LSH candidate with the exact Jaccard
similarity.
"""

from __future__ import annotations

import tempfile
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from itertools import chain

import numpy as np
import pyarrow as pa

from builder.fingerprint import DEFAULT_THRESHOLD, EXACT, SAME_ID, jaccard, shingles
from builder.keyindex import KeyIndex
from builder.reasons import Reason
from builder.record import Reject


class Spill:
    """Kept articles' paths and bodies, in an anonymous temporary file a batch at a time (Arrow IPC).

    Memory holds only where each batch starts; a body is read back only to confirm a candidate.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._starts = array("q", [0])  # file offset of each batch, then the end
        self._firsts = array("q", [0])  # number of each batch's first article, then the count
        self._cached: tuple[int, pa.RecordBatch] | None = None

    @property
    def count(self) -> int:
        return self._firsts[-1]

    def append(self, rows: pa.RecordBatch) -> None:
        """Add rows with `source_file` and `body`; they are numbered from `count` on."""
        if not rows.num_rows:
            return
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, rows.schema) as writer:
            writer.write_batch(rows)
        data = sink.getvalue()
        self._file.seek(self._starts[-1])  # the end; a seek relative to the end would flush every time
        self._file.write(data)
        self._starts.append(self._starts[-1] + data.size)
        self._firsts.append(self._firsts[-1] + rows.num_rows)

    def get(self, article: int) -> tuple[str, str]:
        """(source_file, body) of an article."""
        batch = bisect_right(self._firsts, article) - 1
        if self._cached is None or self._cached[0] != batch:
            self._file.seek(self._starts[batch])
            data = self._file.read(self._starts[batch + 1] - self._starts[batch])
            self._cached = (batch, pa.ipc.open_stream(data).read_next_batch())
        return _row(self._cached[1], article - self._firsts[batch])

    def close(self) -> None:
        self._file.close()


def _row(rows: pa.RecordBatch, index: int) -> tuple[str, str]:
    return rows.column("source_file")[index].as_py(), rows.column("body")[index].as_py()


Match = tuple[int, int]  # (position of the key in the batch's key array, number of the kept article)


class Deduplicator:
    """Answers, for each row of a batch, ok (None) or a `duplicate` reject naming the kept copy and the kind of match.

    A row is compared with every article kept before it, earlier rows of its own batch included.
    """

    stage = "dedup"

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._index = KeyIndex()
        self._kept = Spill()
        self._rows: pa.RecordBatch | None = None  # the batch being answered, spilled once answered

    def __call__(self, keys: Sequence[tuple[int, ...]], rows: pa.RecordBatch) -> list[Reject | None]:
        """`keys[i]`: the `Fingerprinter` keys of row i; `rows` needs `source_file` and `body`."""
        counts = [len(row_keys) for row_keys in keys]
        flat = np.fromiter(chain.from_iterable(keys), np.uint64, sum(counts))
        owner = np.repeat(np.arange(len(keys)), counts)
        stored = self._stored_matches(flat, owner)
        in_batch = _shared_in_batch(flat, owner)
        kinds = flat & np.uint64(3)
        # The whole batch is spilled after it is answered (cheaper than picking the kept rows), so
        # row i is article `first + i`; only kept rows are indexed.
        first, self._rows = self._kept.count, rows
        verdicts: list[Reject | None] = []
        kept: list[int] = []
        for i in range(len(keys)):
            matches = stored.get(i, []) + [(at, first + j) for at, j in in_batch.get(i, ()) if verdicts[j] is None]
            verdict = self._verdict(i, matches, kinds) if matches else None
            if verdict is None:
                kept.append(i)
            verdicts.append(verdict)
        self._kept.append(rows.select(["source_file", "body"]))
        is_kept = np.isin(owner, kept)
        self._index.add(flat[is_kept], (first + owner[is_kept]).astype(np.uint32))
        return verdicts

    def _stored_matches(self, keys: np.ndarray, owner: np.ndarray) -> dict[int, list[Match]]:
        matches: dict[int, list[Match]] = defaultdict(list)
        positions, values = self._index.lookup(keys)
        for at, value in zip(positions.tolist(), values.tolist(), strict=True):
            matches[int(owner[at])].append((at, value))
        return matches

    def _article(self, article: int) -> tuple[str, str]:
        first = self._kept.count  # articles from here on are rows of the batch being answered
        if article >= first and self._rows is not None:
            return _row(self._rows, article - first)
        return self._kept.get(article)

    def _verdict(self, row: int, matches: list[Match], kinds: np.ndarray) -> Reject | None:
        for kind, label in (
            (EXACT, "exact copy: byte-identical file"),
            (SAME_ID, "re-crawl: same article, different page chrome"),
        ):
            same = [value for at, value in matches if kinds[at] == kind]
            if same:
                return self._reject(min(same), label)
        # Rare: shingle the body only to confirm a band candidate exactly.
        assert self._rows is not None
        body_shingles = shingles(_row(self._rows, row)[1])
        for candidate in sorted({value for _, value in matches}):
            similarity = jaccard(body_shingles, shingles(self._article(candidate)[1]))
            if similarity >= self.threshold:
                return self._reject(candidate, f"near-duplicate: body Jaccard {similarity:.3f} >= {self.threshold}")
        return None

    def _reject(self, kept: int, kind: str) -> Reject:
        return Reject(Reason.DUPLICATE, f"{kind}; kept {self._article(kept)[0]}", self.stage)

    def close(self) -> None:
        self._kept.close()


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
