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
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa

from builder.batch import ProcessedBatch, batch_schema, pack
from builder.cache.keys import chrome_digest, input_key
from builder.cache.store import (
    CHECK_DATE,
    KEY,
    PUBLISHED_AT,
    PUBLISHED_AT_LOCAL,
    CacheProblem,
    SegmentReader,
    entry_schema,
    key_array,
    manifest_schema,
    read_manifest,
    write_segment,
)
from builder.extract.generic.extractor import GenericTextExtractor
from builder.pipeline import Dated, Pipeline, PipelineOptions, run_steps
from builder.record import TEXT_DUMP, Record


class Looked(NamedTuple):
    """A batch's result: the processed batch, the manifest rows of its cacheable inputs (`manifest_schema()`),
    how many inputs were reused and how many parsed, and what went wrong reading the cache, if anything."""

    batch: ProcessedBatch
    entries: pa.RecordBatch
    reused: int
    parsed: int
    segment: tuple[str, int] | None  # the new segment's name and rows
    problem: str | None = None


@dataclass(frozen=True)
class CachedPipeline:
    """The build's job with a cache (`builder.engines.Job`): travels to every worker by value."""

    options: PipelineOptions
    folder: Path
    context: bytes
    trusted: bool  # False: the cache is new or was ignored; nothing is read from it

    def start(self) -> CachedWorker:
        return CachedWorker(self)


class CachedWorker:
    def __init__(self, job: CachedPipeline) -> None:
        self.job, self.pipeline = job, Pipeline(job.options)
        self.sites = {site.site: site for site in job.options.sites}
        generic = job.options.generic
        self.corpus = generic.corpus if isinstance(generic, GenericTextExtractor) else None
        self.manifest = (
            read_manifest(job.folder, check_segments=False).table if job.trusted else manifest_schema().empty_table()
        )
        self.keys = key_array(self.manifest.column("key"))  # sorted: the manifest is written in key order
        self.segments = SegmentReader(job.folder)
        self._chrome: dict[int, bytes] = {}

    def __call__(self, records: list[Record]) -> Looked:
        keys = [input_key(record, self.job.context) if record.reject is None else None for record in records]
        found, problem = self._found(records, keys)
        reused = [position for position in range(len(records)) if position in found]
        fresh = [position for position in range(len(records)) if position not in found]
        new, chrome = self._parse([records[position] for position in fresh], [keys[p] for p in fresh])
        parts = [found[position] for position in reused]
        entries = pa.concat_batches([*parts, new]) if parts else new
        order = np.empty(len(records), np.int64)
        order[reused + fresh] = np.arange(len(records))
        batch = self._dated(entries).take(pa.array(order))
        segment = self._store(new)
        manifest = self._manifest_rows(keys, reused, fresh, chrome, segment)
        return Looked(batch, manifest, len(reused), len(fresh), segment, problem)

    def _found(self, records: list[Record], keys: list[bytes | None]) -> tuple[dict[int, pa.RecordBatch], str | None]:
        """Position -> the cached entry (one row) of each input found in the cache and still good."""
        if not len(self.keys):
            return {}, None
        wanted = [(position, key) for position, key in enumerate(keys) if key is not None]
        if not wanted:
            return {}, None
        queries = np.array([key for _, key in wanted], dtype=self.keys.dtype)
        at = np.minimum(np.searchsorted(self.keys, queries), len(self.keys) - 1)
        hits = [(wanted[i][0], int(at[i])) for i in np.flatnonzero(self.keys[at] == queries)]
        rows = self.manifest.take(pa.array([row for _, row in hits], pa.int64())).to_pylist()
        found: dict[int, pa.RecordBatch] = {}
        problem = None
        for (position, _), row in zip(hits, rows, strict=True):
            if row["chrome"] is not None and row["chrome"] != self._chrome_now(records[position]):
                continue  # a generic dump whose site's chrome changed: read it again
            try:
                entry = self.segments.part(row["segment"], row["part"]).slice(row["row"], 1)
                if len(entry) != 1 or entry.column(KEY)[0].as_py() != keys[position]:
                    raise CacheProblem(f"segment {row['segment']} does not hold the entry its manifest says")
            except (OSError, pa.ArrowException, CacheProblem, IndexError) as err:
                problem = problem or f"{type(err).__name__}: {err}"
                continue
            found[position] = entry
        return found, problem

    def _chrome_now(self, record: Record) -> bytes | None:
        """The chrome digest a dump would be read with now: its reading steps run on a copy of it."""
        copy = dataclasses.replace(record, metadata=dict(record.metadata), fields={}, extracted={})
        run_steps([copy], self.pipeline.reading)
        return self._chrome_of(copy) if copy.reject is None else None

    def _chrome_of(self, record: Record) -> bytes | None:
        """For a dump no profile read, the digest of the site chrome the generic reader reads it with."""
        if self.corpus is None or record.site is not None or record.media_type != TEXT_DUMP or not record.text:
            return None
        chrome = self.corpus.chrome_for(record.text)
        if id(chrome) not in self._chrome:
            self._chrome[id(chrome)] = chrome_digest(chrome)
        return self._chrome[id(chrome)]

    def _parse(self, records: list[Record], keys: list[bytes | None]) -> tuple[pa.RecordBatch, list[bytes | None]]:
        """The inputs not found, through the pipeline: their entries, and each one's chrome digest."""
        chrome: dict[int, bytes | None] = {}

        def note(read: list[Record]) -> None:
            chrome.update((id(record), self._chrome_of(record)) for record in read)

        dated = self.pipeline.process_undated(records, note)
        packed = pack(records)
        extra = [
            pa.array(keys, pa.binary(16)),
            pa.array([facts is not None for facts in dated], pa.bool_()),
            pa.array([_iso(facts and facts.published_at) for facts in dated], pa.string()),
            pa.array([_iso(facts and facts.published_at_local) for facts in dated], pa.string()),
        ]
        entries = pa.RecordBatch.from_arrays([*packed.columns, *extra], schema=entry_schema())
        return entries, [chrome.get(id(record)) for record in records]

    def _dated(self, entries: pa.RecordBatch) -> ProcessedBatch:
        """The entries as the pipeline's batch, the date check made under this build's `--now`."""
        outcome = pa.RecordBatch.from_arrays(entries.columns[: len(batch_schema())], schema=batch_schema())
        checked = np.flatnonzero(entries.column(CHECK_DATE).to_numpy(zero_copy_only=False))
        if not len(checked):
            return outcome
        rows = entries.select(["source_file", "site", PUBLISHED_AT, PUBLISHED_AT_LOCAL]).take(pa.array(checked))
        rejected: list[Record] = []
        at: list[int] = []
        for index, row in zip(checked, rows.to_pylist(), strict=True):
            site = self.sites.get(row["site"]) if row["site"] else None
            facts = Dated(_instant(row[PUBLISHED_AT]), _instant(row[PUBLISHED_AT_LOCAL]))
            reject = facts.check(self.pipeline.date_check, row["source_file"], site)
            if reject is not None:
                rejected.append(Record(row["source_file"], site=site, reject=reject))
                at.append(int(index))
        if not rejected:
            return outcome
        order = np.arange(len(outcome))
        order[at] = len(outcome) + np.arange(len(at))
        return pa.concat_batches([outcome, pack(rejected)]).take(pa.array(order))

    def _store(self, new: pa.RecordBatch) -> tuple[str, int] | None:
        cacheable = new.filter(new.column(KEY).is_valid())
        if not len(cacheable):
            return None
        return write_segment(self.job.folder, cacheable), len(cacheable)

    def _manifest_rows(
        self,
        keys: list[bytes | None],
        reused: list[int],
        fresh: list[int],
        chrome: list[bytes | None],
        segment: tuple[str, int] | None,
    ) -> pa.RecordBatch:
        """The manifest rows of this batch's inputs: where a reused one was, where a new one went."""
        rows = []
        if reused:
            at = np.searchsorted(self.keys, np.array([keys[p] for p in reused], dtype=self.keys.dtype))
            rows = self.manifest.take(pa.array(at)).to_pylist()
        stored = [(keys[p], c) for p, c in zip(fresh, chrome, strict=True) if keys[p] is not None]
        if segment is not None:
            rows += [
                {"key": key, "segment": segment[0], "part": 0, "row": index, "chrome": digest}
                for index, (key, digest) in enumerate(stored)
            ]
        return pa.RecordBatch.from_pylist(rows, schema=manifest_schema())


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat() if instant is not None else None


def _instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text is not None else None
