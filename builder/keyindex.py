"""A compact multimap from 64-bit keys to article numbers, for the dedup index.

Sorted NumPy runs (12 bytes an entry) plus a small dict of recent keys; runs merge like a
log-structured tree, so inserting N keys costs O(N log N) in bulk sorts and a lookup costs one
binary search per run. A general-purpose LSH index keeps a hash-map entry per band key (~85
bytes measured with rensa's RMinHashLSH), which made memory grow with the corpus.
"""

from __future__ import annotations

import numpy as np

RECENT_LIMIT = 1 << 16  # keys held in the dict before they become a sorted run


class KeyIndex:
    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, values), largest first
        self._recent: dict[int, list[int]] = {}
        self._recent_count = 0

    def add(self, keys: list[int], value: int) -> None:
        for key in keys:
            self._recent.setdefault(key, []).append(value)
        self._recent_count += len(keys)
        if self._recent_count >= RECENT_LIMIT:
            self._flush()

    def lookup(self, keys: list[int]) -> list[tuple[int, int]]:
        """(position in `keys`, value) for every stored entry under one of the keys."""
        found: list[tuple[int, int]] = []
        for position, key in enumerate(keys):
            found.extend((position, value) for value in self._recent.get(key, ()))
        if self._runs:
            wanted = np.array(keys, dtype=np.uint64)
            for run_keys, run_values in self._runs:
                lo = np.searchsorted(run_keys, wanted, "left")
                hi = np.searchsorted(run_keys, wanted, "right")
                for position in np.flatnonzero(hi > lo).tolist():
                    found.extend((position, int(v)) for v in run_values[lo[position] : hi[position]])
        return found

    def _flush(self) -> None:
        keys = np.fromiter((k for k, vs in self._recent.items() for _ in vs), np.uint64, self._recent_count)
        values = np.fromiter((v for vs in self._recent.values() for v in vs), np.uint32, self._recent_count)
        self._recent.clear()
        self._recent_count = 0
        self._runs.append(_sorted(keys, values))
        # Merge while the newest run is at least half the size of the one before: O(log N) runs.
        while len(self._runs) > 1 and len(self._runs[-1][0]) * 2 >= len(self._runs[-2][0]):
            (k2, v2), (k1, v1) = self._runs.pop(), self._runs.pop()
            self._runs.append(_sorted(np.concatenate((k1, k2)), np.concatenate((v1, v2))))


def _sorted(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(keys, kind="stable")
    return keys[order], values[order]
