"""Deduplication after validation: exact copies, re-crawls of the same article, near-duplicates.

The first copy in input order is kept. The parallel half (`Fingerprinter`, run in the workers)
turns each article into 64-bit keys: a digest of its bytes, its id, and the LSH band keys of its
body's MinHash. The sequential half (`Deduplicator`, in the parent) keeps only those keys per kept
article (12 bytes each, in `KeyIndex`) plus the offset of its body and path in a spill file on
disk, read back only to confirm an LSH candidate with the exact Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import tempfile
from array import array

from builder.keyindex import KeyIndex
from builder.reasons import Reason
from builder.record import Record, Reject

DEFAULT_THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 5
MINHASH_SEED = 20120611
MIN_RECALL = 0.99  # chance that a pair exactly at the threshold becomes a candidate
_MASK = (1 << 62) - 1
_EXACT, _SAME_ID, _BAND = 0, 1, 2  # the key's kind, in its two low bits


def lsh_shape(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest false candidates) that still reach MIN_RECALL."""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1 - (1 - threshold**rows) ** bands >= MIN_RECALL:
            return bands, rows
    return num_perm, 1


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of the lower-cased text; a text shorter than n words is one shingle."""
    return set(shingle_list(text, size))


def shingle_list(text: str, size: int = SHINGLE_WORDS) -> list[str]:
    """The same n-grams as `shingles`, with repeats, in text order."""
    words = text.lower().split()
    if len(words) <= size:
        return [" ".join(words)]
    return list(map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _tagged(value: int, kind: int) -> int:
    return ((value & _MASK) << 2) | kind


class Fingerprinter:
    """The parallel half of dedup: an article's keys, computed where it is parsed."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.bands, self.rows = lsh_shape(threshold)

    def __call__(self, record: Record, data: bytes) -> None:
        from rensa import RMinHash

        minhash = RMinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
        # A MinHash is a minimum over the set, so repeated shingles and their order change nothing:
        # hashing the n-gram list as it comes is 3x cheaper than building and sorting the set.
        minhash.update(shingle_list(record.fields["body"]))
        digest = minhash.digest()
        rows = self.rows
        # Tuples of ints hash the same in every process (only str and bytes hashing is salted).
        bands = [_tagged(hash((b, *digest[b * rows : (b + 1) * rows])), _BAND) for b in range(self.bands)]
        exact = int.from_bytes(hashlib.sha256(data).digest()[:8], "big")
        record.dedup_keys = (_tagged(exact, _EXACT), _tagged(int(record.fields["id"][:16], 16), _SAME_ID), *bands)


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
            (_EXACT, "exact copy: byte-identical file"),
            (_SAME_ID, "re-crawl: same article, different page chrome"),
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
