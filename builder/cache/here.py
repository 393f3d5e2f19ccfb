"""The build cache's answers in the build process: outcomes taken, not computed, and not handed through a pipe.

A task of files the cache vouched for by their stat, or that the first pass ran (`builder.cache.focus`),
is answered where the build runs (`builder.engines.AnswersHere`): the vouched files' entries are taken
from their segments a run at a time, by the manifest rows the stat index found, with no record made;
the first pass's rows are taken from its batches. A worker would read the same entries and then hand
every row back through a pipe, which costs more than reading them.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import pyarrow as pa

from builder.batch import ProcessedBatch
from builder.cache.job import CachedWorker, Looked, joined
from builder.cache.keys import KEY_BYTES
from builder.cache.stats import StatedFile
from builder.cache.store import CacheProblem, PartsAhead, empty_batch, key_array, manifest_schema
from builder.engines import Task
from builder.record import Record


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
        """Start decoding the segment parts of a task queued for later (`builder.engines.ReadsAhead`)."""
        rows = np.array([file.seen.entry for file in cast(list[StatedFile], task)], np.int64)
        rows = rows[rows >= 0]
        if not len(rows):
            return
        segments, parts = self._segment_of[rows], self._part_of[rows]
        starts = np.flatnonzero(np.r_[True, (segments[1:] != segments[:-1]) | (parts[1:] != parts[:-1])])
        names = self._segment_names
        self.parts.want((names[segments[k]], int(parts[k])) for k in starts)

    def __call__(self, task: Task) -> Looked:
        files = cast(list[StatedFile], task)
        try:
            return self._answered(files)
        except (OSError, pa.ArrowException, CacheProblem):
            return self.worker([Record(file.source_file, cache_stat=file.seen) for file in files])

    def _answered(self, files: list[StatedFile]) -> Looked:
        """The files' outcomes in their order: runs of vouched files from their segments, the others from the
        first pass. Only the vouched files' manifest rows come back: the first pass gave its own."""
        first = self.worker.job.first
        pieces: list[ProcessedBatch] = []
        manifests: list[pa.RecordBatch] = []
        vouched: list[StatedFile] = []
        for file in [*files, None]:
            if file is not None and file.seen.entry >= 0:
                vouched.append(file)
                continue
            if vouched:
                batch, manifest = self._from_segments(vouched)
                pieces.append(batch)
                manifests.append(manifest)
                vouched = []
            if file is not None:
                assert first is not None, "a file the cache did not vouch for is answered here only after a first pass"
                number, row = first.rows[file.source_file]
                pieces.append(first.batches[number].slice(row, 1))
        reused = sum(len(manifest) for manifest in manifests)
        manifest = pa.concat_batches(manifests) if manifests else empty_batch(manifest_schema())
        return Looked(joined(pieces), manifest, reused, 0, None, unread=reused)

    def _from_segments(self, files: list[StatedFile]) -> tuple[ProcessedBatch, pa.RecordBatch]:
        """Vouched files' outcomes, dated under this build's `--now`, and their manifest rows with their stats."""
        at = pa.array([file.seen.entry for file in files], pa.int64())
        manifest = pa.concat_batches(self.worker.committed.take(at).to_batches())  # a take gives a table
        wanted = key_array(manifest.column("key"))
        if wanted.tobytes() != b"".join(file.seen.key or bytes(KEY_BYTES) for file in files):
            raise CacheProblem("the manifest changed under the build")
        within = manifest.column("row").to_numpy()
        where = list(zip(manifest.column("segment").to_pylist(), manifest.column("part").to_pylist(), strict=True))
        entries, start = [], 0
        for end in range(1, len(where) + 1):  # runs of entries from one segment part, in the files' order
            if end == len(where) or where[end] != where[start]:
                entries.append(self.worker.entries(*where[start], within[start:end], wanted[start:end]))
                start = end
        signatures = pa.array([file.seen.signature for file in files], pa.binary(KEY_BYTES))
        index = manifest.schema.get_field_index("stat")
        return self.worker.dated(joined(entries)), manifest.set_column(index, manifest.schema.field(index), signatures)
