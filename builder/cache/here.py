"""The build cache's answers in the build process: outcomes taken, not computed, and not handed through a pipe.

A task of files the cache vouched for by their stat, or that the first pass ran (`builder.cache.focus`),
is answered where the build runs (`builder.engines.AnswersHere`): the vouched files' entries are taken
from their segments a run at a time (`VouchedRun`), by the manifest rows the stat index found, with no
record made;
the first pass's rows are taken from its batches. A worker would read the same entries and then hand
every row back through a pipe, which costs more than reading them.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import pyarrow as pa

from builder.cache.job import CachedWorker, Looked, joined
from builder.cache.keys import KEY_BYTES
from builder.cache.stats import StatedFile, VouchedRun
from builder.cache.store import CacheProblem, PartsAhead, empty_batch, key_array, manifest_schema
from builder.engines import Task


class Answers:
    """A task's outcome, in the build process; where a segment cannot be used, as a worker makes it."""

    def __init__(self, worker: CachedWorker) -> None:
        self.worker = worker
        self.parts = worker.segments = PartsAhead(worker.job.folder)
        # each committed manifest row's segment part, for `ahead`
        where = worker.committed.select(["segment", "part"]).combine_chunks()
        segments = where.column("segment").dictionary_encode().combine_chunks()
        self._segment_names: list[str] = segments.dictionary.to_pylist()
        self._segment_of = segments.indices.to_numpy(zero_copy_only=False)
        self._part_of = where.column("part").to_numpy()

    def ahead(self, task: Task) -> None:
        """Start decoding the segment parts of a task queued for later (`builder.engines.ReadsAhead`); the files
        the first pass ran have no entry to decode."""
        runs = [item.entries for item in task if isinstance(item, VouchedRun)]
        if runs:
            self.parts.want(where for where, _, _ in self._by_part(np.concatenate(runs)))

    def _by_part(self, entries: np.ndarray) -> list[tuple[tuple[str, int], int, int]]:
        """The committed manifest rows `entries`, in stretches of one segment part: (segment, part), start, end."""
        segments, parts = self._segment_of[entries], self._part_of[entries]
        starts = np.flatnonzero(np.r_[True, (segments[1:] != segments[:-1]) | (parts[1:] != parts[:-1])]).tolist()
        ends = [*starts[1:], len(entries)]
        return [
            ((self._segment_names[segments[start]], int(parts[start])), start, end)
            for start, end in zip(starts, ends, strict=True)
        ]

    def __call__(self, task: Task) -> Looked:
        items = cast(list[Answered], task)
        try:
            return self._answered(items)
        except (OSError, pa.ArrowException, CacheProblem):
            return self.worker([record for item in items for record in item.open(self.worker.job.max_bytes)])

    def _answered(self, items: list[Answered]) -> Looked:
        """The task's outcomes in its order: runs of vouched files from their segments, the files the first
        pass ran from its batches. Only the runs' manifest rows come back: the first pass gave its own."""
        first = self.worker.job.first
        pieces: list[pa.RecordBatch] = []  # joined once: every copy of the long texts costs the build's thread
        manifests: list[pa.RecordBatch] = []
        for item in items:
            if isinstance(item, VouchedRun):
                batch, manifest = self._from_segments(item)
                pieces += batch
                manifests.append(manifest)
                continue
            assert first is not None, "a file the cache did not vouch for is answered here only after a first pass"
            number, row = first.rows[item.source_file]
            pieces.append(first.batches[number].slice(row, 1))
        reused = sum(len(manifest) for manifest in manifests)
        manifest = pa.concat_batches(manifests) if manifests else empty_batch(manifest_schema())
        return Looked(joined(pieces), manifest, reused, 0, None, unread=reused)

    def _from_segments(self, run: VouchedRun) -> tuple[list[pa.RecordBatch], pa.RecordBatch]:
        """Vouched files' outcomes, dated under this build's `--now` (pieces of the task's batch), and their
        manifest rows with their stats."""
        manifest = pa.concat_batches(self.worker.committed.take(pa.array(run.entries)).to_batches())  # a take: a table
        wanted = key_array(manifest.column("key"))
        if wanted.tobytes() != run.keys:
            raise CacheProblem("the manifest changed under the build")
        within = manifest.column("row").to_numpy()
        pieces = []
        for (segment, part), start, end in self._by_part(run.entries):
            for entries in self.worker.entries(segment, part, within[start:end], wanted[start:end]):
                pieces += self.worker.dated_pieces(entries)
        signatures = pa.FixedSizeBinaryArray.from_buffers(
            pa.binary(KEY_BYTES), len(run.entries), [None, pa.py_buffer(run.signatures)]
        )
        index = manifest.schema.get_field_index("stat")
        return pieces, manifest.set_column(index, manifest.schema.field(index), signatures)


Answered = VouchedRun | StatedFile  # what a task answered here holds: vouched runs, files the first pass ran
