"""The parent's stages: what the one parent process does with the engine's batches, in order.

The worker side is `builder.pipeline` (steps over records); this is the other side of the process
boundary. A stage has a `name` and turns the stream of batches (`builder.batch`) into the
stream its next stage reads: most change one batch at a time and pass it on; one that must see every
batch before deciding (`--keep latest`) takes them all, then gives them back. `builder.build` composes
them; `run_stages` runs them, and an error says which stage it came from.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from builder import batch as outcome
from builder.dedup.deduplicator import Deduplicator
from builder.dedup.keep import keep_latest, keep_ranked
from builder.engines.local import Progress
from builder.errors import BuilderError, StageError
from builder.export.parquet import SplitWriter
from builder.export.report import BuildReport

Batches = Iterator[pa.RecordBatch]
ENGINE = "engine"  # what the batches come from, named like a stage in errors
_NOTE = "raised in the parent stage "


class Stage(Protocol):
    name: str

    def __call__(self, batches: Batches) -> Batches: ...


def run_stages(batches: Iterable[pa.RecordBatch], stages: Sequence[Stage]) -> None:
    """Pull every batch through the stages, in order.

    A library error or an OSError keeps its type (the caller tells them apart) and gets a note naming
    the stage; any other exception, a bug, becomes a StageError naming it. On the way out every stage
    is closed, last first, so each lets go of what it holds (writers, spill files, the worker pool).
    """
    streams = [_named(ENGINE, iter(batches))]
    for stage in stages:
        streams.append(_named(stage.name, stage(streams[-1])))
    try:
        for _ in streams[-1]:
            pass
    finally:
        for stream in reversed(streams):
            stream.close()


def _named(name: str, batches: Batches) -> Batches:
    """`batches` unchanged; an exception from them names stage `name`, unless an earlier stage's name is on it."""
    try:
        yield from batches
    except StageError:
        raise
    except (BuilderError, OSError) as err:
        if not any(note.startswith(_NOTE) for note in getattr(err, "__notes__", ())):
            err.add_note(f"{_NOTE}{name!r}")
        raise
    except Exception as err:
        raise StageError(name, err) from err


class Dedup:
    """`--keep first`: each row against every row kept before it, a batch at a time.

    Until a row has a URL: which crawl of a URL stays is known only once every batch is in, so from the
    first batch holding one, the rest is ranked as `--keep latest` does (`keep_ranked`), in input order,
    against the rows judged so far. Spill files then go in `spill_folder` (None: the system's).

    `focus` (sorted uint64 keys, `builder.cache.focus`): every key two inputs of the build hold is among
    them, so an input holding none of them can match no other and is kept unseen. Once the last batch is
    through, `shared` holds the keys two inputs or more were found to hold.
    """

    name = Deduplicator.stage

    def __init__(self, threshold: float, spill_folder: Path | None = None, focus: np.ndarray | None = None) -> None:
        self.threshold, self.spill_folder = threshold, spill_folder
        self.focus = Focus(focus) if focus is not None else None
        self.shared: np.ndarray | None = None

    def __call__(self, batches: Batches) -> Batches:
        dedup = Deduplicator(self.threshold)
        try:
            for batch in batches:
                if outcome.has_urls(batch):
                    if self.focus is not None:
                        raise BuilderError("dedup was focused on a change, but a row has a URL; build with --no-cache")
                    yield from keep_ranked(itertools.chain([batch], batches), self.spill_folder, dedup, latest=False)
                    return
                at, is_row, keys = outcome.keyed(batch)  # the rows' texts are read in place, not copied out
                if self.focus is not None:
                    near = self.focus.held(keys)
                    at, is_row, keys = at[near], is_row[near], keys[near]
                verdicts = dedup(keys, batch.select(["source_file", "body"]), at, is_row)
                duplicates = [i for i, verdict in enumerate(verdicts) if verdict is not None]
                rejects = [verdict for verdict in verdicts if verdict is not None]
                yield outcome.with_rejects(batch, at[duplicates], rejects)
            self.shared = dedup.shared_keys()
        finally:
            dedup.close()  # the index is freed once the last batch is through, before the card needs memory


class Focus:
    """Sorted dedup keys, asked whether rows of keys hold one: a bitmap of the keys' top bits answers most
    keys (they are hashes), a binary search the few it lets through."""

    BITS = 24  # 2 MB: a few hundred thousand keys leave it mostly empty

    def __init__(self, keys: np.ndarray) -> None:
        self.keys = keys
        self._bitmap = np.zeros(1 << self.BITS, bool)
        self._bitmap[keys >> np.uint64(64 - self.BITS)] = True

    def held(self, keys: np.ndarray) -> np.ndarray:
        """Per row of `keys` (rows × keys, uint64), whether it holds one of these keys."""
        held = np.zeros(len(keys), bool)
        if not len(self.keys) or not keys.size:
            return held
        rows, columns = np.nonzero(self._bitmap[keys >> np.uint64(64 - self.BITS)])
        candidates = keys[rows, columns]
        at = np.minimum(np.searchsorted(self.keys, candidates), len(self.keys) - 1)
        held[rows[self.keys[at] == candidates]] = True
        return held


class KeepLatest:
    """`--keep latest`: of each group of duplicates the copy published last stays; see builder.dedup.keep."""

    name = "keep latest"

    def __init__(self, spill_folder: Path, threshold: float) -> None:
        self.spill_folder, self.threshold = spill_folder, threshold

    def __call__(self, batches: Batches) -> Batches:
        return keep_latest(batches, self.spill_folder, self.threshold)


def split_of(article_id: str, test_size: float) -> str:
    """Deterministic split by a hash of the id: an article stays in its split across rebuilds."""
    return "test" if test_size and zlib.crc32(article_id.encode()) / 2**32 < test_size else "train"


class Split:
    """Each row's split, by a hash of its id (`split_of`); every row is `train` without a test split."""

    name = "split"

    def __init__(self, test_size: float) -> None:
        self.test_size = test_size

    @property
    def always(self) -> tuple[str, ...]:
        """The splits a build has even before a row lands in them."""
        return () if self.test_size else ("train",)

    def __call__(self, batches: Batches) -> Batches:
        for batch in batches:
            yield outcome.with_splits(batch, self._splits(batch))

    def _splits(self, batch: pa.RecordBatch) -> pa.Array:
        rows = outcome.is_row(batch)
        if not self.test_size:
            return pc.if_else(rows, pa.scalar("train"), pa.scalar(None, pa.string()))
        ids = batch.column("id").to_pylist()
        return pa.array(
            [split_of(i, self.test_size) if row else None for i, row in zip(ids, rows.to_pylist(), strict=True)],
            pa.string(),
        )


def rows_by_split(batch: pa.RecordBatch) -> list[tuple[str, pa.RecordBatch, np.ndarray | None]]:
    """Per split (by name): the batch's fields as the shards hold them, and which of its inputs are rows
    of that split (None: every input). The rows are not copied out here: the shard writer's thread does it."""
    splits = batch.column(outcome.SPLIT)
    names = sorted(pc.unique(splits.drop_null()).to_pylist())
    fields = outcome.as_rows(batch)
    if len(names) == 1 and splits.null_count == 0:
        return [(names[0], fields, None)]
    return [(name, fields, np.flatnonzero(pc.equal(splits, name).fill_null(False).to_numpy(False))) for name in names]


class WriteShards:
    """Every row into its split's shards; `shards` holds the files once the last batch is through."""

    name = "write shards"

    def __init__(self, folder: Path, max_shard_bytes: int) -> None:
        self.folder, self.max_shard_bytes = folder, max_shard_bytes
        self.shards: dict[str, list[Path]] = {}

    def __call__(self, batches: Batches) -> Batches:
        writers: dict[str, SplitWriter] = {}
        try:
            for batch in batches:
                for split, rows, at in rows_by_split(batch):
                    if split not in writers:
                        writers[split] = SplitWriter(self.folder, split, outcome.row_schema(), self.max_shard_bytes)
                    writers[split].write(rows, at)
                yield batch
            self.shards = {split: writers[split].close() for split in sorted(writers)}
        except BaseException:  # a full disk, or a later stage's failure: the staging folder goes anyway
            for writer in writers.values():  # each ends its thread before the folder goes
                writer.abort()
            raise


class Count:
    """Rows per split and every reject into the report; each row's body length for the card."""

    name = "count"

    def __init__(self, report: BuildReport, splits: Sequence[str] = ()) -> None:
        self.report = report
        for split in splits:  # a split the build always has is in the report, rows or not
            report.add_rows(split, 0)
        self._body_words: list[np.ndarray] = []

    def __call__(self, batches: Batches) -> Batches:
        for batch in batches:
            self.report.add_rejects(outcome.rejected(batch))
            counts = pc.value_counts(batch.column(outcome.SPLIT).drop_null())
            for split, count in zip(
                counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True
            ):
                self.report.add_rows(split, count)
            self._body_words.append(outcome.body_words(batch))
            yield batch

    @property
    def body_words(self) -> np.ndarray:
        """Each row's body length in words, in row order."""
        return np.concatenate(self._body_words) if self._body_words else np.empty(0, np.uint32)


class ReportProgress:
    """Tells `progress` of each batch: `counts(batch)` gives (inputs done, of which rejected)."""

    def __init__(self, name: str, progress: Progress, counts: Callable[[pa.RecordBatch], tuple[int, int]]) -> None:
        self.name, self.progress, self.counts = name, progress, counts

    def __call__(self, batches: Batches) -> Batches:
        for batch in batches:
            self.progress(*self.counts(batch))
            yield batch


def inputs_done(batch: pa.RecordBatch) -> tuple[int, int]:
    """Progress as the engine hands a batch over: its inputs, and those the workers rejected."""
    return len(batch), outcome.reject_count(batch)


def duplicates_found(batch: pa.RecordBatch) -> tuple[int, int]:
    """Progress once dedup has judged a batch: no more inputs, its duplicates more rejects."""
    return 0, outcome.reject_count(batch, Deduplicator.stage)
