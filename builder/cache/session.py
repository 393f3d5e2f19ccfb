"""The cache in the parent: opened before the build, fed each batch's manifest rows, committed after it.

The parent checks the folder, reads and checks the committed manifest (an unsound one is ignored with a
warning: the build then parses everything and rewrites the cache), hands the workers a `CachedPipeline`,
and collects what they report. Only a build that succeeded commits: the entries it used, each once,
become the manifest; the others are dropped, so the cache follows the inputs and does not grow without
bound. Segments mostly emptied and the many small ones an incremental build leaves are merged first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from builder.batch import BATCH_SIZE, ProcessedBatch, has_urls, keyed
from builder.cache.job import CachedPipeline, FirstPass, Looked
from builder.cache.stats import StatIndex
from builder.cache.store import (
    SEGMENTS,
    CacheProblem,
    Manifest,
    by_key,
    entry_schema,
    manifest_schema,
    mark,
    prepare,
    read_manifest,
    read_shared,
    remove_unlisted,
    write_manifest,
    write_segment,
    write_shared,
)
from builder.pipeline import PipelineOptions

SMALL_SEGMENT = 64  # entries: segments smaller than this are merged at commit (an incremental build's)
LEAST_LIVE = 0.5  # share of a segment's entries still used, below which its live ones are moved


@dataclass
class BuildCache:
    folder: Path
    context: bytes
    manifest: Manifest
    trusted: bool
    warnings: list[str] = field(default_factory=list)
    reused: int = 0
    unread: int = 0  # of the reused, the files not even read: their stat stood for their digest
    parsed: int = 0
    focus: np.ndarray | None = None  # set by `first_pass`: the keys dedup is focused on (`builder.cache.focus`)
    _entries: list[pa.RecordBatch] = field(default_factory=list)
    _new_segments: dict[str, int] = field(default_factory=dict)
    _first: FirstPass | None = None

    @classmethod
    def open(cls, folder: Path, context: bytes) -> BuildCache:
        """The cache at `folder` (checked by `check_folder` already), created if missing."""
        prepare(folder)
        try:
            return cls(folder, context, read_manifest(folder), trusted=True)
        except CacheProblem as problem:
            warning = f"the build cache {folder} is ignored and will be rewritten: {problem}"
            return cls(folder, context, Manifest.empty(), trusted=False, warnings=[warning])

    def job(self, options: PipelineOptions, max_bytes: int) -> CachedPipeline:
        trusted = self.trusted and bool(len(self.manifest.table) or self._first)
        return CachedPipeline(options, self.folder, self.context, trusted, max_bytes, self._first)

    @property
    def keeps_shared(self) -> bool:
        """Whether the build that committed this cache kept the dedup keys it found shared."""
        return self._shared_digest is not None

    @property
    def _shared_digest(self) -> str | None:
        return self.manifest.shared if self.trusted else None

    def previous_shared(self) -> np.ndarray | None:
        """The dedup keys the build that committed this cache found shared, if it kept them, under this context."""
        digest = self._shared_digest
        return read_shared(self.folder, digest, self.context) if digest is not None else None

    def first_pass(self, results: Iterable[Looked], previous: np.ndarray) -> None:
        """Take the outcomes of the loose files the cache did not vouch for, run before the others: the build
        process hands them out in their turn (`builder.cache.here`), and dedup is focused on `previous` and
        their keys, since every key two inputs of the build hold is then among them. No focus when one of
        them has a URL (its copies are ranked, not judged in turn)."""
        found, urls = [previous], False
        manifests: list[pa.RecordBatch] = []
        batches: list[ProcessedBatch] = []
        rows: dict[str, tuple[int, int]] = {}
        for looked in results:
            self._note(looked)
            manifests.append(looked.entries)
            names = looked.batch.column("source_file").to_pylist()
            rows.update((name, (len(batches), row)) for row, name in enumerate(names))
            batches.append(looked.batch)
            found.append(keyed(looked.batch)[2].ravel())
            urls = urls or has_urls(looked.batch)
        self._first = FirstPass(pa.Table.from_batches(manifests, schema=manifest_schema()), tuple(batches), rows)
        self.focus = None if urls else np.unique(np.concatenate(found).astype(np.uint64))

    def stats(self) -> StatIndex:
        """The loose files the cache vouches for by their stat (none when it is not trusted)."""
        return StatIndex(self.context, self.manifest.table if self.trusted else Manifest.empty().table)

    def batches(self, results: Iterable[Looked]) -> Iterator[ProcessedBatch]:
        """The processed batches; what each result says of the cache is kept for the commit and the report."""
        for looked in results:
            self._note(looked)
            self._entries.append(looked.entries)
            yield looked.batch

    def _note(self, looked: Looked) -> None:
        """What a result says of the cache: its counts, its new segment, its problem."""
        self.reused += looked.reused
        self.unread += looked.unread
        self.parsed += looked.parsed
        if looked.segment is not None:
            self._new_segments[looked.segment[0]] = looked.segment[1]
        if looked.problem and not self.warnings:  # one line, for the first problem
            self.warnings.append(
                f"the build cache {self.folder} could not be used in part ({looked.problem}); those inputs are parsed"
            )

    def commit(self, shared: np.ndarray | None = None) -> None:
        """Make the entries this build used the cache's manifest, with the dedup keys it found `shared` (None:
        not known; the next build judges every row); remove every segment it no longer names."""
        first = [] if self._first is None else self._first.manifest.to_batches()
        table = pa.Table.from_batches([*self._entries, *first], schema=manifest_schema())
        rows = {**self.manifest.segment_rows, **self._new_segments}
        table, rows = _compacted(self.folder, table, rows)
        table = by_key(table)
        named = set(table.column("segment").unique().to_pylist())
        if not self.trusted:
            mark(self.folder)  # before the manifest: a marker of another format must not vouch for it
        keys = write_shared(self.folder, shared, self.context) if shared is not None else None
        write_manifest(self.folder, table, {name: rows[name] for name in sorted(named)}, keys)
        remove_unlisted(self.folder, named)


def _compacted(folder: Path, table: pa.Table, rows: dict[str, int]) -> tuple[pa.Table, dict[str, int]]:
    """Move the entries of small or mostly unused segments into one new segment, in the order they were used."""
    counts = pc.value_counts(table.column("segment").combine_chunks())
    live = dict(zip(counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True))
    moved = sorted(name for name, used in live.items() if rows[name] < SMALL_SEGMENT or used < LEAST_LIVE * rows[name])
    if len(moved) < 2 and not any(live[name] < LEAST_LIVE * rows[name] for name in moved):
        return table, rows
    chosen = pc.is_in(table.column("segment"), pa.array(moved))
    where = np.flatnonzero(chosen.to_numpy(zero_copy_only=False))
    old = table.take(pa.array(where)).to_pylist()
    entries = _read_entries(folder, old)
    parts = [entries.slice(start, BATCH_SIZE) for start in range(0, len(entries), BATCH_SIZE)]
    name = write_segment(folder, [part.combine_chunks().to_batches()[0] for part in parts if len(part)])
    new = [
        {**row, "segment": name, "part": index // BATCH_SIZE, "row": index % BATCH_SIZE}
        for index, row in enumerate(old)
    ]
    kept = table.filter(pc.invert(chosen))
    return pa.concat_tables([kept, pa.Table.from_pylist(new, schema=manifest_schema())]), {**rows, name: len(new)}


def _read_entries(folder: Path, rows: list[dict]) -> pa.Table:
    """The entries the manifest rows point at, in their order."""
    import pyarrow.ipc as ipc

    tables: dict[str, list[pa.RecordBatch]] = {}
    for name in {row["segment"] for row in rows}:
        with pa.OSFile(str(folder / SEGMENTS / name)) as source:
            reader = ipc.open_file(source.read_buffer())
            tables[name] = [reader.get_batch(index) for index in range(reader.num_record_batches)]
    taken = [tables[row["segment"]][row["part"]].slice(row["row"], 1) for row in rows]
    return pa.Table.from_batches(taken, schema=entry_schema())
