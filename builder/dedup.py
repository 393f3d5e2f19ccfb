"""Deduplication after validation: exact copies, re-crawls of the same article, near-duplicates.

The first copy in input order is kept. The parallel half (`Fingerprinter`, run in the workers)
turns each article into 64-bit keys: a digest of its bytes, its id, and the LSH band keys of its
body's MinHash. The sequential half (`Deduplicator`, in the parent) keeps only those keys per kept
article (12 bytes each, in `KeyIndex`) plus the offset of its body and path in a spill file on
disk, read back only to confirm an LSH candidate with the exact Jaccard similarity.
"""

from __future__ import annotations

import tempfile
from array import array

from builder.fingerprint import DEFAULT_THRESHOLD, EXACT, SAME_ID, jaccard, shingles
from builder.keyindex import KeyIndex
from builder.reasons import Reason
from builder.record import Record, Reject


class Spill:
    """Kept bodies and paths, appended to an anonymous temporary file; memory holds only offsets."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._offsets = array("q", [0])

    def append(self, source_file: str, body: str) -> int:
        data = f"{source_file}\0{body}".encode()
        self._file.seek(self._offsets[-1])  # the end; a seek relative to the end would flush every time
        self._file.write(data)
        self._offsets.append(self._offsets[-1] + len(data))
        return len(self._offsets) - 2

    def get(self, index: int) -> tuple[str, str]:
        start, end = self._offsets[index], self._offsets[index + 1]
        self._file.seek(start)
        source_file, body = self._file.read(end - start).decode().split("\0", 1)
        return source_file, body

    def close(self) -> None:
        self._file.close()


class Deduplicator:
    """Answers ok (None) or a `duplicate` reject naming the kept copy and the kind of match."""

    stage = "dedup"

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._index = KeyIndex()
        self._kept = Spill()

    def __call__(self, record: Record) -> Reject | None:
        keys = list(record.dedup_keys)
        matches = self._index.lookup(keys)
        for kind, label in (
            (EXACT, "exact copy: byte-identical file"),
            (SAME_ID, "re-crawl: same article, different page chrome"),
        ):
            kept = [value for position, value in matches if keys[position] & 3 == kind]
            if kept:
                return self._reject(min(kept), label)
        candidates = sorted({value for _, value in matches})
        if candidates:  # rare: shingle the body only to confirm a candidate exactly
            body_shingles = shingles(record.fields["body"])
            for candidate in candidates:
                similarity = jaccard(body_shingles, shingles(self._kept.get(candidate)[1]))
                if similarity >= self.threshold:
                    return self._reject(candidate, f"near-duplicate: body Jaccard {similarity:.3f} >= {self.threshold}")
        self._index.add(keys, self._kept.append(record.source_file, record.fields["body"]))
        return None

    def _reject(self, kept: int, kind: str) -> Reject:
        return Reject(Reason.DUPLICATE, f"{kind}; kept {self._kept.get(kept)[0]}", self.stage)

    def close(self) -> None:
        self._kept.close()
