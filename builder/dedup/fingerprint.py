"""The parallel half of dedup: an article's 64-bit keys, computed in the worker that parsed it.

Keys are tagged with their kind in the two low bits: a digest of the file's bytes (exact copy),
the article id (re-crawl), and the LSH band keys of the body's MinHash (near-duplicate candidates).
A record crawled from a URL has one more key, of its canonical URL (`builder.dedup.recrawl`): only some
records have one, so it is kept apart from the others, which every row has as many of.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator

import numpy as np

from builder.dedup.recrawl import url_hash
from builder.record import Record
from builder.textbytes import ASCII_SPACES, NON_ASCII_SPACE, non_ascii_chars

DEFAULT_THRESHOLD = 0.8
NUM_PERM = 128  # at most; the MinHash has as many permutations as the LSH bands use
SHINGLE_WORDS = 5
# Any fixed value works: the permutations only have to be the same in every build and every worker. Changing it
# changes which near-duplicate candidates the LSH proposes (and so, rarely, a verdict near the threshold).
MINHASH_SEED = 20120611
MIN_RECALL = 0.99  # chance that a pair exactly at the threshold becomes a candidate
_MASK = (1 << 62) - 1
EXACT, SAME_ID, BAND, URL = 0, 1, 2, 3  # the key's kind, in its two low bits

# The fast shingler works on UTF-8 bytes: rensa hashes a str token as its UTF-8 bytes, so a bytes
# shingle gives the very same MinHash as the str one. It must split words exactly as str.split().
_OTHER_SPACES = ASCII_SPACES.replace(b" ", b"")
# ASCII lower case, and every ASCII byte str.split() counts as whitespace made a space.
_LOWER_SPACED = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ" + _OTHER_SPACES, b"abcdefghijklmnopqrstuvwxyz" + b" " * len(_OTHER_SPACES)
)
# Word gaps are marked by their index modulo 5 with bytes no word can hold (whitespace, gone after
# the translation above); cutting at one mark and making the other four spaces gives every fifth shingle.
_GAP_MARKS = np.frombuffer(b"\t\n\x0b\x0c\r", np.uint8)
_GAP_CYCLE = np.tile(_GAP_MARKS, 20_000)  # the marks of 100,000 gaps in order (np.resize is slow)
_SPACE = 0x20


def _cuts(size: int) -> list[tuple[bytes, bytes, int]]:
    """Per offset k: the table that turns all but one mark into spaces, that mark, the pieces to skip."""
    marks = bytes(_GAP_MARKS)
    cuts = []
    for k in range(size):
        cut = marks[(k + size - 1) % size]
        table = bytes.maketrans(bytes(m for m in marks if m != cut), b" " * (size - 1))
        cuts.append((table, bytes([cut]), 1 if k else 0))  # offset k > 0: the first piece is words 0..k-1
    return cuts


_CUTS = _cuts(SHINGLE_WORDS)


def lsh_shape(threshold: float, max_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows) of the LSH: the most rows per band (fewest false candidates), then the fewest bands
    (fewest keys to store and permutations to compute) that still reach MIN_RECALL at the threshold."""
    for rows in range(max_perm, 0, -1):
        miss = 1 - threshold**rows  # chance that one band of a pair exactly at the threshold differs
        if miss >= 1:
            continue
        bands = math.ceil(math.log(1 - MIN_RECALL) / math.log(miss)) if miss > 0 else 1
        if bands * rows <= max_perm:
            return bands, rows
    return max_perm, 1


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of the lower-cased text; a text shorter than n words is one shingle."""
    return set(shingle_list(text, size))


def shingle_list(text: str, size: int = SHINGLE_WORDS) -> list[str]:
    """The same n-grams as `shingles`, with repeats, in text order."""
    words = text.lower().split()
    if len(words) <= size:
        return [" ".join(words)]
    return list(map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)))


def _lowered_utf8(text: str) -> bytes | None:
    """`text.lower()` as UTF-8 with its whitespace made spaces; None if str.split() would split elsewhere."""
    try:
        data = text.encode()
    except UnicodeEncodeError:  # a lone surrogate: let the str path fail as it always did
        return None
    if not text.isascii():
        others = non_ascii_chars(data)
        if NON_ASCII_SPACE.search(others):  # the str path splits there
            return None
        if others.lower() != others:  # cased letters beyond ASCII: bytes.lower() would miss them
            data = text.lower().encode()
    return data.translate(_LOWER_SPACED)


def _mark_gaps(spaced: bytes) -> tuple[bytes, int]:
    """The words joined by single gap marks (gap j marked _GAP_MARKS[j % 5]), and the word count."""
    chars = np.frombuffer(spaced, np.uint8)
    keep = chars != _SPACE
    keep[1:] |= keep[:-1]  # of each run of spaces only the first, and none leading the text
    chars = chars[keep]
    if len(chars) and chars[-1] == _SPACE:  # a trailing run
        chars = chars[:-1]
    gaps = np.flatnonzero(chars == _SPACE)
    chars[gaps] = _GAP_CYCLE[: len(gaps)] if len(gaps) <= len(_GAP_CYCLE) else np.resize(_GAP_MARKS, len(gaps))
    return chars.tobytes(), len(gaps) + 1 if len(chars) else 0


def shingle_batches(text: str, size: int = SHINGLE_WORDS) -> Iterator[list[bytes]] | None:
    """The UTF-8 of `shingle_list(text)`'s shingles, in another order; None when only the str path is exact.

    They come in five lists (shingles starting at word 0, 5, 10...; at word 1, 6, 11...; and so on),
    made one at a time: a fifth of the memory, so it stays in cache.
    """
    spaced = _lowered_utf8(text)
    if spaced is None or size != SHINGLE_WORDS:
        return None
    marked, words = _mark_gaps(spaced)
    if words <= size:
        return iter([[b" ".join(spaced.split())]])
    return (
        marked.translate(table).split(cut)[skip : skip + (words - k) // size]
        for k, (table, cut, skip) in enumerate(_CUTS)
    )


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

        body = record.fields["body"]
        minhash = RMinHash(num_perm=self.bands * self.rows, seed=MINHASH_SEED)
        # A MinHash is a minimum over the set: repeats, order and batching of the shingles change nothing.
        for batch in shingle_batches(body) or [shingle_list(body)]:
            minhash.update(batch)
        digest = minhash.digest()
        # Tuples of ints hash the same in every process (only str and bytes hashing is salted):
        # band b hashes (b, *digest[b * rows : (b + 1) * rows]), built here by zip.
        band_hashes = map(hash, zip(range(self.bands), *[iter(digest)] * self.rows, strict=False))
        bands = [((value & _MASK) << 2) | BAND for value in band_hashes]  # tagged(), inlined
        exact = int.from_bytes(hashlib.sha256(data).digest()[:8], "big")
        record.dedup_keys = (tagged(exact, EXACT), tagged(int(record.fields["id"][:16], 16), SAME_ID), *bands)
        if record.url is not None:
            canonical = url_hash(record.url)
            record.url_key = None if canonical is None else tagged(canonical, URL)
