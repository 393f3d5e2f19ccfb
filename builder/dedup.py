"""Deduplication after validation: exact copies, re-crawls of the same article, near-duplicates.

The first copy in input order is kept. State per kept article is compact: a digest of its bytes,
its id, its MinHash band keys (inside the LSH index) and the offset of its body in a spill file
on disk, read back only to confirm an LSH candidate with the exact Jaccard similarity.
"""

from __future__ import annotations

import tempfile
from array import array
from typing import Any

from builder.reasons import Reason
from builder.record import Record, Reject

DEFAULT_THRESHOLD = 0.8
NUM_PERM = 128
# 32 bands of 4 rows: a pair at Jaccard 0.8 becomes a candidate with probability > 0.999999;
# false candidates are cheap because each one is confirmed exactly.
NUM_BANDS = 32
SHINGLE_WORDS = 5
MINHASH_SEED = 20120611


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of the lower-cased text; a text shorter than n words is one shingle."""
    words = text.lower().split()
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def body_minhash(body: str) -> Any:
    from rensa import RMinHash

    minhash = RMinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
    minhash.update(sorted(shingles(body)))
    return minhash


def fingerprint(record: Record) -> None:
    """The parallel half of dedup: the body's MinHash, computed where the record is parsed."""
    record.minhash = body_minhash(record.fields["body"])


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


class BodySpill:
    """Kept bodies, appended to an anonymous temporary file; memory holds only their offsets."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._offsets = array("q", [0])

    def append(self, body: str) -> int:
        data = body.encode("utf-8")
        self._file.seek(0, 2)
        self._file.write(data)
        self._offsets.append(self._offsets[-1] + len(data))
        return len(self._offsets) - 2

    def get(self, index: int) -> str:
        start, end = self._offsets[index], self._offsets[index + 1]
        self._file.seek(start)
        return self._file.read(end - start).decode("utf-8")

    def close(self) -> None:
        self._file.close()


class Deduplicator:
    """Answers ok (None) or a `duplicate` reject naming the kept copy and the kind of match."""

    stage = "dedup"

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        from rensa import RMinHashLSH

        self.threshold = threshold
        self._by_bytes: dict[bytes, int] = {}
        self._by_id: dict[str, int] = {}
        self._kept_files: list[str] = []
        self._lsh: Any = RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=NUM_BANDS)
        self._bodies = BodySpill()

    def __call__(self, record: Record) -> Reject | None:
        digest = bytes.fromhex(record.content_hash)[:16]
        if (kept := self._by_bytes.get(digest)) is not None:
            return self._reject(kept, "exact copy: byte-identical file")
        if (kept := self._by_id.get(record.fields["id"])) is not None:
            return self._reject(kept, "re-crawl: same article, different page chrome")
        body = record.fields["body"]
        minhash = record.minhash if record.minhash is not None else body_minhash(body)
        candidates = sorted(self._lsh.query(minhash))
        if candidates:  # rare: shingle the body only to confirm a candidate exactly
            body_shingles = shingles(body)
            for candidate in candidates:
                similarity = jaccard(body_shingles, shingles(self._bodies.get(candidate)))
                if similarity >= self.threshold:
                    return self._reject(candidate, f"near-duplicate: body Jaccard {similarity:.3f} >= {self.threshold}")
        index = self._bodies.append(body)
        self._kept_files.append(record.source_file)
        self._by_bytes[digest] = index
        self._by_id[record.fields["id"]] = index
        self._lsh.insert(index, minhash)
        return None

    def _reject(self, kept: int, kind: str) -> Reject:
        return Reject(Reason.DUPLICATE, f"{kind}; kept {self._kept_files[kept]}", self.stage)

    def close(self) -> None:
        self._bodies.close()
