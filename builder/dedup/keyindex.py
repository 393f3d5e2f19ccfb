"""A compact multimap from 64-bit keys to article numbers, for the dedup index, queried in batches.

Sorted NumPy runs (12 bytes an entry) that merge like a log-structured tree: inserting N keys
costs O(N log N) in bulk merges, and looking up a whole batch of keys costs one vectorised binary
search per run, so the per-key Python work is nil. A general-purpose LSH index keeps a hash-map
entry per band key (~85 bytes measured with rensa's RMinHashLSH), which made memory grow with the
corpus; a lookup per key in Python made time grow faster than the corpus.
"""

from __future__ import annotations

import numpy as np

FILTER_BITS = 27  # a one-hash Bloom filter of 2**27 bits (16 MB): 2.4 % full at 200k articles
PENDING_LIMIT = 1 << 16  # keys added since the last run before they are sorted into one
# Runs stop merging at this size (24 MB): a merge briefly needs both inputs and the output, so
# unbounded merges would double the index's memory at the end of a big build.
MAX_RUN_KEYS = 1 << 21


class KeyIndex:
    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, values), largest first
        self._pending: list[tuple[np.ndarray, np.ndarray]] = []
        self._pending_count = 0
        # Most keys were never stored: the filter answers them, and only the rest are searched in the runs.
        self._filter = np.zeros(1 << (FILTER_BITS - 3), np.uint8)

    def _filter_slots(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        bit = keys >> np.uint64(64 - FILTER_BITS)  # keys are hashes: their top bits are uniform
        return (bit >> np.uint64(3)).astype(np.intp), (np.uint8(1) << (bit & np.uint64(7)).astype(np.uint8))

    def add(self, keys: np.ndarray, values: np.ndarray) -> None:
        """Store `values[i]` under `keys[i]` (uint64 keys, uint32 values)."""
        if not len(keys):
            return
        byte, mask = self._filter_slots(keys)
        np.bitwise_or.at(self._filter, byte, mask)
        self._pending.append((keys, values))
        self._pending_count += len(keys)
        if self._pending_count >= PENDING_LIMIT:
            self._flush()

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions in `keys`, values) of every stored entry under one of the keys."""
        self._flush()
        positions: list[np.ndarray] = []
        values: list[np.ndarray] = []
        byte, mask = self._filter_slots(keys)
        maybe = np.flatnonzero(self._filter[byte] & mask)
        order = maybe[np.argsort(keys[maybe])]  # sorted needles: each binary search starts where the last ended
        wanted = keys[order]
        for run_keys, run_values in self._runs:
            lo = np.searchsorted(run_keys, wanted, "left")
            hit = np.flatnonzero(run_keys[np.minimum(lo, len(run_keys) - 1)] == wanted)
            if not len(hit):
                continue
            hi = np.searchsorted(run_keys, wanted[hit], "right")
            for needle, start, end in zip(hit.tolist(), lo[hit].tolist(), hi.tolist(), strict=True):
                positions.append(np.full(end - start, order[needle]))  # hits are rare: a loop over them is cheap
                values.append(run_values[start:end])
        if not positions:
            return np.empty(0, np.int64), np.empty(0, np.uint32)
        return np.concatenate(positions), np.concatenate(values)

    def _flush(self) -> None:
        if not self._pending:
            return
        keys = np.concatenate([k for k, _ in self._pending])
        values = np.concatenate([v for _, v in self._pending])
        self._pending.clear()
        self._pending_count = 0
        order = np.argsort(keys, kind="stable")
        self._runs.append((keys[order], values[order]))
        # Merge while the newest run is at least half the size of the one before: O(log N) runs
        # up to MAX_RUN_KEYS, then one more run per MAX_RUN_KEYS keys.
        while (
            len(self._runs) > 1
            and len(self._runs[-1][0]) * 2 >= len(self._runs[-2][0])
            and len(self._runs[-1][0]) + len(self._runs[-2][0]) <= MAX_RUN_KEYS
        ):
            newer, older = self._runs.pop(), self._runs.pop()
            self._runs.append(_merged(older, newer))


def _merged(
    older: tuple[np.ndarray, np.ndarray], newer: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Two sorted runs as one, without the index arrays of a full sort (memory: the output plus a mask)."""
    (old_keys, old_values), (new_keys, new_values) = older, newer
    at = np.searchsorted(old_keys, new_keys, "right") + np.arange(len(new_keys))
    keys = np.empty(len(old_keys) + len(new_keys), np.uint64)
    values = np.empty(len(keys), np.uint32)
    from_old = np.ones(len(keys), bool)
    from_old[at] = False
    keys[at], values[at] = new_keys, new_values
    keys[from_old], values[from_old] = old_keys, old_values
    return keys, values
