"""The cached pipeline, in the workers: reuse each input's cached outcome, run the steps on the others.

Whatever engine runs it, a worker keys each input (`builder.cache.keys`), looks the keys up in the
committed manifest, reads the hits' outcomes from their segments and runs the pipeline (all but the date
check) on the misses, whose outcomes it writes to a new segment. Then the date check is made on every
input that reached it, cached or not, under this build's `--now`: an input it rejects gets the date
reject, as in a build without cache (the check comes before the later steps). The batch handed back is
the one the pipeline would have made; beside it go the manifest rows of its inputs, for the parent.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, cached_property
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from builder.batch import DEDUP_KEYS, ProcessedBatch, batch_schema, pack
from builder.cache.keys import chrome_digest, input_key
from builder.cache.stats import StatedFile, VouchedRun
from builder.cache.store import (
    CHECK_DATE,
    DATE_AT,
    DATE_REPLAY,
    KEY,
    PUBLISHED_AT,
    PUBLISHED_AT_LOCAL,
    CacheProblem,
    PartsAhead,
    SegmentReader,
    by_key,
    empty_batch,
    entry_schema,
    key_array,
    manifest_schema,
    read_manifest,
    write_segment,
)
from builder.engines import Task, WorkItem
from builder.extract.generic.extractor import SITE_GROUP, GenericTextExtractor
from builder.inputs.files import InputFile, read_record
from builder.pipeline import Dated, Pipeline, PipelineOptions, run_steps
from builder.record import TEXT_DUMP, Record
from builder.validate.validators import DateValidator


class Looked(NamedTuple):
    """A batch's result: the processed batch, the manifest rows of its cacheable inputs (`manifest_schema()`),
    how many inputs were reused and how many parsed, and what went wrong reading the cache, if anything."""

    batch: ProcessedBatch
    entries: pa.RecordBatch
    reused: int
    parsed: int
    segment: tuple[str, int] | None  # the new segment's name and rows
    problem: str | None = None
    unread: int = 0  # of the reused, the files not read: the cache vouched for them by their stat


@dataclass(frozen=True)
class CachedPipeline:
    """The build's job with a cache (`builder.engines.Job`): travels to every worker by value."""

    options: PipelineOptions
    folder: Path
    context: bytes
    trusted: bool  # False: the cache is new or was ignored; nothing is read from it
    max_bytes: int  # for a file its stat vouched for whose entry cannot be read: it is read after all
    first: FirstPass | None = None  # the outcomes of the inputs run first (`builder.cache.focus`)

    def start(self) -> CachedWorker:
        return CachedWorker(self)

    def answers_here(self, item: WorkItem) -> bool:
        """A file the cache vouched for by its stat, or one the first pass ran: its outcome is taken in the
        build process, for less than a worker's hand-back through a pipe costs (`builder.engines.AnswersHere`)."""
        if isinstance(item, VouchedRun):
            return True
        return isinstance(item, StatedFile) and self.first is not None and item.source_file in self.first.rows

    def start_here(self) -> Callable[[Task], Looked]:
        from builder.cache.here import Answers  # it builds on this module

        return Answers(CachedWorker(self))


@dataclass(frozen=True)
class FirstPass:
    """The outcomes of the inputs run before the others (`builder.cache.focus`): their manifest rows, their
    batches, and where each input's row is, by its `source_file` (loose files only: one row each)."""

    manifest: pa.Table
    batches: tuple[ProcessedBatch, ...]
    rows: dict[str, tuple[int, int]]


class CachedWorker:
    def __init__(self, job: CachedPipeline) -> None:
        self.job = job
        self.sites = {site.site: site for site in job.options.sites}
        generic = job.options.generic
        self.corpus = generic.corpus if isinstance(generic, GenericTextExtractor) else None
        # The committed manifest's rows, as numbered by the stat index (`StatSeen.entry`); with the first
        # pass's rows merged in, in key order, for a binary search.
        self.committed = (
            read_manifest(job.folder, check_segments=False).table if job.trusted else manifest_schema().empty_table()
        )
        first = [] if job.first is None else [job.first.manifest.cast(self.committed.schema)]
        self.manifest = by_key(pa.concat_tables([self.committed, *first])) if first else self.committed
        self.keys = key_array(self.manifest.column("key"))  # sorted, for a binary search
        self.segments: SegmentReader | PartsAhead = SegmentReader(job.folder)
        self._chrome: dict[int, bytes] = {}
        self.now = pa.scalar(job.options.now, pa.timestamp("us", tz="UTC"))
        self.never = DateValidator(datetime.max.replace(tzinfo=UTC), job.options.undated)  # no date is after it
        self.date_check = DateValidator(job.options.now, job.options.undated)

    @cached_property
    def pipeline(self) -> Pipeline:
        """Made when an input is parsed: a worker of reused inputs only (or the build process) loads no model."""
        return Pipeline(self.job.options)

    def __call__(self, records: list[Record]) -> Looked:
        keys = [self._key(record) for record in records]
        hits = self._found(records, keys)
        found = set(hits.positions)
        fresh = [position for position in range(len(records)) if position not in found]
        for position in fresh:
            if _vouched_key(records[position]) is not None:  # its entry could not be used: the file is read after all
                records[position] = self._read(records[position])
                keys[position] = self._key(records[position])
        new, chrome = self._parse([records[position] for position in fresh], [keys[p] for p in fresh])
        entries = joined([*hits.entries, new] if len(new) or not hits.entries else hits.entries)
        order = np.empty(len(records), np.int64)
        order[hits.positions + fresh] = np.arange(len(records))
        batch = joined(stretches(self.dated(entries), order))
        segment, unwritten = self._store(new)
        stored = [
            (p, key, digest)
            for p, digest in zip(fresh, chrome, strict=True)
            if (key := keys[p]) is not None and segment
        ]
        manifest = pa.concat_batches([*hits.manifest, _manifest_rows([(k, d) for _, k, d in stored], segment)])
        manifest = _with_stats(manifest, [records[p] for p in [*hits.positions, *(p for p, _, _ in stored)]])
        unread = sum(_vouched_key(records[position]) is not None for position in hits.positions)
        return Looked(batch, manifest, len(hits.positions), len(fresh), segment, hits.problem or unwritten, unread)

    def _key(self, record: Record) -> bytes | None:
        """The input's key: the one its stat stands for, when the cache vouched for it; else its digest."""
        if record.reject is not None:
            return None
        return _vouched_key(record) or input_key(record, self.job.context)

    def _read(self, record: Record) -> Record:
        """A file the cache vouched for whose entry could not be used: read after all, and digested."""
        seen = record.cache_stat
        assert seen is not None
        read = read_record(InputFile(record.source_file, seen.path), self.job.max_bytes)
        read.cache_stat = seen._replace(key=None)
        return read

    def _found(self, records: list[Record], keys: list[bytes | None]) -> _Hits:
        """The inputs found in the cache whose entries are sound and still good, with their entries."""
        hits = _Hits()
        positions, rows, wanted = self._matched(keys)
        if not positions:
            return hits
        within = rows.column("row").to_numpy()
        for (segment, part), indices in self._by_part(records, positions, rows).items():
            try:
                taken = self.entries(segment, part, within[indices], wanted[indices])
            except (OSError, pa.ArrowException, CacheProblem) as err:
                hits.problem = hits.problem or f"{type(err).__name__}: {err}"
                continue
            hits.positions += [positions[index] for index in indices]
            hits.entries += taken
            hits.manifest.append(rows.take(pa.array(indices)))
        return hits

    def entries(self, segment: str, part: int, rows: np.ndarray, keys: np.ndarray) -> list[pa.RecordBatch]:
        """The entries at `rows` of a segment's part, checked to hold the `keys` the manifest gives them, in
        pieces to be joined once with the others of their batch (`stretches`)."""
        taken = stretches(self.segments.part(segment, part), rows)
        if not np.array_equal(np.concatenate([key_array(piece.column(KEY)) for piece in taken]), keys):
            raise CacheProblem(f"segment {segment} does not hold the entries its manifest says")
        return taken

    def _matched(self, keys: list[bytes | None]) -> tuple[list[int], pa.RecordBatch, np.ndarray]:
        """The positions of the keys the manifest holds, their manifest rows and their keys."""
        asked = [(position, key) for position, key in enumerate(keys) if key is not None]
        if not len(self.keys) or not asked:
            return [], pa.RecordBatch.from_pylist([], self.manifest.schema), self.keys[:0]
        queries = np.array([key for _, key in asked], dtype=self.keys.dtype)
        at = np.minimum(np.searchsorted(self.keys, queries), len(self.keys) - 1)
        matched = np.flatnonzero(self.keys[at] == queries)
        if not len(matched):
            return [], pa.RecordBatch.from_pylist([], self.manifest.schema), queries[:0]
        rows = pa.concat_batches(self.manifest.take(pa.array(at[matched])).to_batches())
        return [asked[index][0] for index in matched], rows, queries[matched]

    def _by_part(
        self, records: list[Record], positions: list[int], rows: pa.RecordBatch
    ) -> dict[tuple[str, int], list[int]]:
        """The matched entries still good, by the segment part holding them (each part is read once)."""
        chrome = rows.column("chrome").to_pylist() if rows.column("chrome").null_count < len(rows) else None
        parts: dict[tuple[str, int], list[int]] = {}
        segments, numbers = rows.column("segment").to_pylist(), rows.column("part").to_pylist()
        for index, where in enumerate(zip(segments, numbers, strict=True)):
            if chrome and chrome[index] is not None and chrome[index] != self._chrome_now(records[positions[index]]):
                continue  # a dump the generic reader read, and its site's chrome changed: read it again
            parts.setdefault(where, []).append(index)
        return parts

    def _chrome_now(self, record: Record) -> bytes | None:
        """The chrome digest a dump would be read with now: its reading steps run on a copy of it."""
        copy = dataclasses.replace(record, metadata=dict(record.metadata), fields={}, extracted={})
        run_steps([copy], self.pipeline.reading)
        return self._chrome_of(copy) if copy.reject is None else None

    def _chrome_of(self, record: Record) -> bytes | None:
        """For a dump no profile read, the digest of the site chrome the generic reader reads it with."""
        if self.corpus is None or record.site is not None or record.media_type != TEXT_DUMP or not record.text:
            return None
        group = record.extracted.get(SITE_GROUP)  # the generic extractor names the group it read the dump with
        chrome = self.corpus.chrome_for(record.text) if group is None else self.corpus.chrome_of_group(group)
        if id(chrome) not in self._chrome:
            self._chrome[id(chrome)] = chrome_digest(chrome)
        return self._chrome[id(chrome)]

    def _parse(self, records: list[Record], keys: list[bytes | None]) -> tuple[pa.RecordBatch, list[bytes | None]]:
        """The inputs not found, through the pipeline: their entries, and each one's chrome digest."""
        if not records:  # a batch of reused inputs only: nothing to run
            return _no_entries(), []
        chrome: dict[int, bytes | None] = {}

        def note(read: list[Record]) -> None:
            chrome.update((id(record), self._chrome_of(record)) for record in read)

        dated = self.pipeline.process_undated(records, note)
        replay = [
            facts is not None and self._replayed(facts, record) for facts, record in zip(dated, records, strict=True)
        ]
        packed = pack(records)
        published = [facts.published_at if facts is not None else None for facts in dated]
        printed = [facts.published_at_local if facts is not None else None for facts in dated]
        extra = [
            pa.array(keys, pa.binary(16)),
            pa.array([facts is not None for facts in dated], pa.bool_()),
            pa.array(replay, pa.bool_()),
            pa.array([_aware(instant) for instant in published], pa.timestamp("us", tz="UTC")),
            pa.array([_iso(instant) for instant in published], pa.string()),
            pa.array([_iso(instant) for instant in printed], pa.string()),
        ]
        entries = pa.RecordBatch.from_arrays([*packed.columns, *extra], schema=entry_schema())
        return entries, [chrome.get(id(record)) for record in records]

    def _replayed(self, facts: Dated, record: Record) -> bool:
        """Whether the date check is to be made again on every build, whatever its `now`: it rejects (or
        fails) even under a `now` after every date, or the date has no zone (`DATE_AT` cannot hold it)."""
        instant = facts.published_at
        if instant is not None and (instant.tzinfo is None or instant.utcoffset() is None):
            return True
        return facts.check(self.never, record.source_file, record.site) is not None

    def dated(self, entries: pa.RecordBatch) -> ProcessedBatch:
        """The entries as the pipeline's batch, the date check made under this build's `--now` (`dated_pieces`)."""
        return joined(self.dated_pieces(entries))

    def dated_pieces(self, entries: pa.RecordBatch) -> list[pa.RecordBatch]:
        """The entries as pieces of the pipeline's batch (slices of them, and the rows the date check
        rejects), the check made under this build's `--now`; joined once, with a task's other pieces.

        Only where the check may reject is it made again (in Python, the validator itself): where it
        rejected or failed under a `now` after every date (`DATE_REPLAY`: missing date, before the
        site's launch), and where the date is after this build's `now`. Elsewhere it passes.
        """
        outcome = pa.RecordBatch.from_arrays(entries.columns[: len(batch_schema())], schema=batch_schema())
        later = pc.fill_null(pc.greater(entries.column(DATE_AT), self.now), False)
        maybe = pc.and_(entries.column(CHECK_DATE), pc.or_(entries.column(DATE_REPLAY), later))
        checked = np.flatnonzero(maybe.to_numpy(zero_copy_only=False))
        if not len(checked):
            return [outcome]
        rows = entries.select(["source_file", "site", PUBLISHED_AT, PUBLISHED_AT_LOCAL]).take(pa.array(checked))
        rejected: list[Record] = []
        at: list[int] = []
        for index, row in zip(checked, rows.to_pylist(), strict=True):
            site = self.sites.get(row["site"]) if row["site"] else None
            facts = Dated(_instant(row[PUBLISHED_AT]), _instant(row[PUBLISHED_AT_LOCAL]))
            reject = facts.check(self.date_check, row["source_file"], site)
            if reject is not None:
                rejected.append(Record(row["source_file"], site=site, reject=reject))
                at.append(int(index))
        if not rejected:
            return [outcome]
        # The inputs the date check rejects keep their dedup keys: they count when keys shared are found.
        index = outcome.schema.get_field_index(DEDUP_KEYS)
        rejects = pack(rejected).set_column(index, outcome.schema.field(index), outcome.column(index).take(at))
        return _spliced(outcome, at, rejects)

    def _store(self, new: pa.RecordBatch) -> tuple[tuple[str, int] | None, str | None]:
        """The new entries as a segment (its name and rows); a segment that cannot be written (a full disk)
        costs the next build their parsing, not this build its dataset: the reason is the second value."""
        cacheable = new.filter(new.column(KEY).is_valid())
        if not len(cacheable):
            return None, None
        try:
            return (write_segment(self.job.folder, cacheable), len(cacheable)), None
        except OSError as err:
            return None, f"a segment could not be written: {err.strerror or err}"


@dataclass
class _Hits:
    """The inputs of a batch found in the cache: their positions, entries and manifest rows, in one order."""

    positions: list[int] = field(default_factory=list)
    entries: list[pa.RecordBatch] = field(default_factory=list)
    manifest: list[pa.RecordBatch] = field(default_factory=list)
    problem: str | None = None


def _vouched_key(record: Record) -> bytes | None:
    """The key the cache vouched for the input with, by its stat, so it was not read (`builder.cache.stats`)."""
    return record.cache_stat.key if record.cache_stat is not None else None


@cache
def _no_entries() -> pa.RecordBatch:
    return empty_batch(entry_schema())


def _spliced(batch: pa.RecordBatch, at: list[int], rows: pa.RecordBatch) -> list[pa.RecordBatch]:
    """The batch with its rows at `at` (ascending) replaced by `rows`, as slices to join (a `take` would
    copy the long texts value by value, and the join copies them anyway)."""
    pieces, start = [], 0
    for index, position in enumerate(at):
        pieces += [batch.slice(start, position - start), rows.slice(index, 1)]
        start = position + 1
    return [*pieces, batch.slice(start)]


def stretches(batch: pa.RecordBatch, rows: np.ndarray) -> list[pa.RecordBatch]:
    """The batch's rows at `rows`, as slices of it, one per stretch of rows that follow each other: no copy
    (a batch of inputs cached together, read again in the same order, is one stretch or a few). Rows
    scattered more than that are taken at once."""
    if not len(rows):
        return [batch.slice(0, 0)]
    breaks = (np.flatnonzero(np.diff(rows) != 1) + 1).tolist()
    if len(breaks) > len(rows) // 8:
        return [batch.take(pa.array(rows))]
    starts, ends = [0, *breaks], [*breaks, len(rows)]
    return [batch.slice(int(rows[start]), end - start) for start, end in zip(starts, ends, strict=True)]


def joined(batches: list[pa.RecordBatch]) -> pa.RecordBatch:
    """One batch of several (copied), or the one itself."""
    return batches[0] if len(batches) == 1 else pa.concat_batches(batches)


def _with_stats(manifest: pa.RecordBatch, records: list[Record]) -> pa.RecordBatch:
    """The manifest rows with each input's stat signature as this build saw it (null when it had none)."""
    signatures = [record.cache_stat.signature if record.cache_stat else None for record in records]
    at = manifest.schema.get_field_index("stat")
    return manifest.set_column(at, manifest.schema.field(at), pa.array(signatures, manifest.schema.field(at).type))


def _manifest_rows(stored: list[tuple[bytes, bytes | None]], segment: tuple[str, int] | None) -> pa.RecordBatch:
    """The manifest rows of new entries (key, chrome digest), at their rows of the new segment."""
    name = segment[0] if segment is not None else None
    rows = [
        {"key": key, "segment": name, "part": 0, "row": index, "chrome": digest}
        for index, (key, digest) in enumerate(stored if name is not None else [])
    ]
    return pa.RecordBatch.from_pylist(rows, schema=manifest_schema())


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat() if instant is not None else None


def _aware(instant: datetime | None) -> datetime | None:
    """An instant with a zone (for `DATE_AT`); one without is left out and its check always made again."""
    return instant if instant is not None and instant.utcoffset() is not None else None


def _instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text is not None else None
