"""The parallel half of dedup: an article's 64-bit keys, computed in the worker that parsed it.

Keys are tagged with their kind in the two low bits: a digest of the file's bytes (exact copy),
the article id (re-crawl), and the LSH band keys of the body's MinHash (near-duplicate candidates).
"""

from __future__ import annotations

import hashlib

from builder.record import Record

DEFAULT_THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 5
MINHASH_SEED = 20120611
MIN_RECALL = 0.99  # chance that a pair exactly at the threshold becomes a candidate
_MASK = (1 << 62) - 1
EXACT, SAME_ID, BAND = 0, 1, 2  # the key's kind, in its two low bits


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


def tagged(value: int, kind: int) -> int:
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
        bands = [tagged(hash((b, *digest[b * rows : (b + 1) * rows])), BAND) for b in range(self.bands)]
        exact = int.from_bytes(hashlib.sha256(data).digest()[:8], "big")
        record.dedup_keys = (tagged(exact, EXACT), tagged(int(record.fields["id"][:16], 16), SAME_ID), *bands)
