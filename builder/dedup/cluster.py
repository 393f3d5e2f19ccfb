"""`--engine ray`'s dedup stage: the verdicts of `builder.stages.Dedup`, with the heavy part on the Ray cluster.

The local dedup is sequential: rows are judged in input order, each against the rows KEPT before it (the
first copy stays), re-crawls of one canonical URL settled first. Which rows share a key, and how similar two
bodies are, does not depend on that order: the cluster works these out over every row at once
(`builder.dedup.cluster_keys`), in three steps on Ray, the batches staying in the object store:

1. URL keys grouped (Ray Data, by bucket): the older crawls of each URL, which the body dedup never sees;
2. dedup keys exploded per row with a global ordinal and grouped (Ray Data, by bucket): the rows holding a
   shared exact or same-id key, the rows holding one body, and the pairs of distinct bodies sharing an LSH band;
3. those pairs' exact Jaccard similarities, in Ray tasks given the batches that hold their bodies.

The driver then replays the sequential rule over these sparse results only, in ordinal order (`resolve`):
exact, then same id, then the first kept earlier row similar enough, as `Deduplicator` checks them. It keeps
one object reference and a row count per batch, and the sparse arrays; rows that share nothing cost it nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pyarrow as pa

from builder import batch as outcome
from builder.dedup import cluster_keys as work
from builder.dedup.deduplicator import KEY_MATCHES, Deduplicator, key_detail, near_detail
from builder.dedup.fingerprint import BAND
from builder.dedup.recrawl import recrawl_detail
from builder.errors import ConfigError
from builder.reasons import Reason
from builder.record import Reject

if TYPE_CHECKING:
    from collections.abc import Callable

Batches = Iterator[pa.RecordBatch]
KEY_ROWS_PER_BUCKET = 1 << 20  # key rows one groupby call sorts (~40 MB of columns)
BATCHES_PER_BLOCK = 16  # batches exploded into one Ray Data block (~45,000 key rows)
PAIRS_PER_TASK = 4096  # candidate pairs one verification task shingles and compares
# Ray Data's sort-based shuffle for the groupby: over the key rows of 20,000 dumps on 2 CPUs it took 7 s where
# the default hash shuffle (aggregator actors) took 24 s.
SHUFFLE = "sort_shuffle_pull_based"


class Verdict(NamedTuple):
    """A duplicate row's verdict: the kind of key that decided (BAND: a near-duplicate), the kept row, and the
    similarity of the bodies (near-duplicates only)."""

    kind: int
    kept: int
    similarity: float = 1.0


class ClusterDedup:
    """`--keep first` on Ray: the batches back in order, with the rejects `builder.stages.Dedup` gives.

    Assumes Ray is initialised (by the engine). Nothing comes out before every batch has gone in. The batches
    and the work between the steps live in Ray's object store, which spills as the cluster is set up to;
    `spill_folder` is taken for a build to construct either dedup stage alike.
    """

    name = Deduplicator.stage

    def __init__(self, threshold: float, spill_folder: Path | None = None) -> None:
        self.threshold, self.spill_folder = threshold, spill_folder

    def __call__(self, batches: Batches) -> Batches:
        import ray

        if not ray.is_initialized():  # ray.put would start a local instance of its own, unlike the engine's
            raise ConfigError("the cluster dedup runs on the build's Ray instance, and none is running")
        stream = _Stream()
        try:
            for batch in batches:
                stream.put(batch)
            yield from stream.judged(self._rejects(stream))
        finally:
            stream.release()

    def _rejects(self, stream: _Stream) -> dict[int, Reject]:
        """The `duplicate` reject of each row that is not kept, by ordinal."""
        older = stream.older_crawls() if stream.has_urls else work.OLDER_SCHEMA.empty_table()
        hidden = np.sort(older.column(work.ORDINAL).to_numpy())
        shared = stream.shared_keys(hidden)
        key, earlier, later = (shared.column(name).to_numpy() for name in (work.KEY, work.EARLIER, work.LATER))
        is_pair, holds, same_body = earlier >= 0, earlier == work.HOLDER, earlier == work.SAME_BODY
        # A pair of bodies, or a row of a body, is reported once per band key they share: once is enough.
        first_rows, second_rows = _distinct(earlier[is_pair], later[is_pair])
        similarity = stream.similarities(first_rows, second_rows)
        near = similarity >= self.threshold
        body_keys, body_rows = _distinct(key[same_body], later[same_body])
        facts = Facts(
            key[holds], later[holds], body_keys, body_rows, first_rows[near], second_rows[near], similarity[near]
        )
        return self._details(stream, resolve(facts, self.threshold), older)

    def _details(self, stream: _Stream, verdicts: dict[int, Verdict], older: pa.Table) -> dict[int, Reject]:
        rows, standing, crawled, latest = (older.column(i).to_numpy() for i in range(4))
        kept_for = [verdicts[s].kept if s in verdicts else s for s in standing.tolist()]
        names = stream.source_files([v.kept for v in verdicts.values()] + standing.tolist() + kept_for)
        rejects: dict[int, Reject] = {}
        for ordinal, verdict in verdicts.items():
            kept_file = names[verdict.kept]
            if verdict.kind == BAND:
                rejects[ordinal] = _reject(near_detail(verdict.similarity, self.threshold, kept_file))
            else:
                rejects[ordinal] = _reject(key_detail(verdict.kind, kept_file))
        older_crawls = zip(rows.tolist(), standing.tolist(), kept_for, crawled.tolist(), latest.tolist(), strict=True)
        for row, latest_row, kept, row_crawled, latest_crawled in older_crawls:
            detail = recrawl_detail(row_crawled, latest_crawled, names[latest_row], names[kept])
            rejects[row] = _reject(detail)
        return rejects


def _distinct(first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (first[i], second[i]) pairs, each array keeping its own type."""
    order = np.lexsort((second, first))
    first, second = first[order], second[order]
    new = np.ones(len(first), bool)
    new[1:] = (first[1:] != first[:-1]) | (second[1:] != second[:-1])
    return first[new], second[new]


def _reject(detail: str) -> Reject:
    return Reject(Reason.DUPLICATE, detail, Deduplicator.stage)


class Facts(NamedTuple):
    """What the cluster found, sparse (every array holds row ordinals but for the keys)."""

    holder_keys: np.ndarray  # a shared exact or same-id key...
    holders: np.ndarray  # ...and a row that holds it
    body_keys: np.ndarray  # a body several rows hold (its hash)...
    body_rows: np.ndarray  # ...and a row that holds it
    earlier: np.ndarray  # the first rows of two bodies that share a band and are similar enough
    later: np.ndarray
    similarity: np.ndarray  # of these two bodies


def resolve(facts: Facts, threshold: float) -> dict[int, Verdict]:
    """The sequential rule over the sparse facts; every row in none of them is kept. Rows are judged in ordinal
    order against the rows kept before them, as `Deduplicator` does: a shared key of each kind in KEY_MATCHES
    order (its first kept holder), then the first kept row with a similar body, the same body included."""
    keys_of: dict[int, list[tuple[int, int]]] = defaultdict(list)  # row -> its shared (kind, key)s
    for key, row in zip(facts.holder_keys.tolist(), facts.holders.tolist(), strict=True):
        keys_of[row].append((key & 3, key))
    body_of: dict[int, int] = {}  # row -> the first row with its body (rows not in here: themselves)
    heads: dict[int, int] = {}  # body hash -> its first row
    for key, row in sorted(zip(facts.body_keys.tolist(), facts.body_rows.tolist(), strict=True), key=_second):
        body_of[row] = heads.setdefault(key, row)
    similar: dict[int, list[tuple[int, float]]] = defaultdict(list)  # body -> (similar body, similarity)
    for a, b, value in zip(facts.earlier.tolist(), facts.later.tolist(), facts.similarity.tolist(), strict=True):
        similar[a].append((b, value))
        similar[b].append((a, value))
    kept_key: dict[int, int] = {}  # shared key -> its first kept holder
    kept_body: dict[int, int] = {}  # body -> its first kept row
    verdicts: dict[int, Verdict] = {}
    for row in sorted(keys_of.keys() | body_of.keys() | similar.keys()):
        body = body_of.get(row, row)
        verdict = _key_verdict(keys_of.get(row, []), kept_key) or _near_verdict(
            body, similar.get(body, []), kept_body, threshold <= 1.0
        )
        if verdict is not None:
            verdicts[row] = verdict
            continue
        for _, key in keys_of.get(row, []):
            kept_key.setdefault(key, row)
        kept_body.setdefault(body, row)
    return verdicts


def _second(pair: tuple[int, int]) -> int:
    return pair[1]


def _key_verdict(keys: list[tuple[int, int]], kept_key: dict[int, int]) -> Verdict | None:
    for kind in KEY_MATCHES:
        kept = [kept_key[key] for of_kind, key in keys if of_kind == kind and key in kept_key]
        if kept:
            return Verdict(kind, min(kept))
    return None


def _near_verdict(
    body: int, similar: list[tuple[int, float]], kept_body: dict[int, int], same_is_near: bool
) -> Verdict | None:
    """The first kept row of a body similar to `body` (of `body` itself too, when an identical body is near)."""
    candidates = [(kept_body[other], value) for other, value in similar if other in kept_body]
    if same_is_near and body in kept_body:
        candidates.append((kept_body[body], 1.0))
    return Verdict(BAND, *min(candidates)) if candidates else None


@cache
def _remote(function: Callable[..., Any]) -> Any:
    """`function` as a Ray task (Ray imported only once a build runs on it)."""
    import ray

    return ray.remote(function)


class _Stream:
    """The batches in Ray's object store, in order; rows numbered across them (their ordinal)."""

    def __init__(self) -> None:
        self._refs: list[Any] = []
        self._firsts = [0]  # ordinal of each batch's first row, then the row count
        self._width = 0  # dedup keys per row
        self.has_urls = False

    def put(self, batch: pa.RecordBatch) -> None:
        import ray

        rows = len(batch) - outcome.reject_count(batch)
        if rows and not self._width:
            self._width = outcome.dedup_keys(batch).shape[1]
        self.has_urls = self.has_urls or outcome.has_urls(batch)
        self._refs.append(ray.put(batch))
        self._firsts.append(self._firsts[-1] + rows)

    @property
    def rows(self) -> int:
        return self._firsts[-1]

    def _buckets(self, key_rows: int) -> int:
        import ray

        cpus = int(ray.cluster_resources().get("CPU", 1))
        return max(cpus, -(-key_rows // KEY_ROWS_PER_BUCKET))

    def _grouped(
        self, tables: list[Any], buckets: int, udf: Callable[[pa.Table], pa.Table], schema: pa.Schema
    ) -> pa.Table:
        """`udf` over each bucket of the tables' rows (Ray Data's groupby), the results in one table."""
        import ray

        if not tables:
            return schema.empty_table()
        context = ray.data.DataContext.get_current()
        default_shuffle, context.shuffle_strategy = context.shuffle_strategy, SHUFFLE
        try:
            # As many partitions as buckets: Ray's default (200) costs seconds of idle tasks on a small build.
            by_bucket = ray.data.from_arrow_refs(tables).groupby(work.BUCKET, num_partitions=buckets)
            grouped = by_bucket.map_groups(udf, batch_format="pyarrow")
            results = [table.select(schema.names) for table in ray.get(grouped.to_arrow_refs())]
        finally:
            context.shuffle_strategy = default_shuffle
        return pa.concat_tables([schema.empty_table(), *results]).cast(schema)

    def _chunks(self) -> Iterator[tuple[list[int], list[Any], int]]:
        """The batches, BATCHES_PER_BLOCK at a time: their first ordinals, object references, and the end ordinal."""
        for start in range(0, len(self._refs), BATCHES_PER_BLOCK):
            end = min(start + BATCHES_PER_BLOCK, len(self._refs))
            yield self._firsts[start:end], self._refs[start:end], self._firsts[end]

    def older_crawls(self) -> pa.Table:
        buckets, url_rows = self._buckets(self.rows), _remote(work.url_rows_of)
        tables = [url_rows.remote(firsts, buckets, *refs) for firsts, refs, _ in self._chunks()]
        return self._grouped(tables, buckets, work.older_crawls, work.OLDER_SCHEMA)

    def shared_keys(self, hidden: np.ndarray) -> pa.Table:
        """Holders of shared exact and same-id keys, and pairs sharing a band, of the rows not `hidden`."""
        if not self._width or not self.rows:
            return work.SHARED_SCHEMA.empty_table()
        buckets, key_rows = self._buckets(self.rows * self._width), _remote(work.key_rows_of)
        tables = []
        for firsts, refs, end in self._chunks():
            low, high = np.searchsorted(hidden, [firsts[0], end])
            tables.append(key_rows.remote(firsts, hidden[low:high], buckets, *refs))
        return self._grouped(tables, buckets, work.shared_keys, work.SHARED_SCHEMA)

    def _batches_of(self, ordinals: np.ndarray) -> np.ndarray:
        return np.searchsorted(self._firsts, ordinals, "right") - 1

    def similarities(self, earlier: np.ndarray, later: np.ndarray) -> np.ndarray:
        """The exact Jaccard similarity of each pair's bodies, computed in Ray tasks."""
        import ray

        compare, tasks = _remote(work.similarities), []
        for start in range(0, len(earlier), PAIRS_PER_TASK):
            chunk = slice(start, start + PAIRS_PER_TASK)
            needed = np.unique(self._batches_of(np.concatenate([earlier[chunk], later[chunk]]))).tolist()
            firsts = [self._firsts[i] for i in needed]
            tasks.append(compare.remote(earlier[chunk], later[chunk], firsts, *(self._refs[i] for i in needed)))
        return np.concatenate([np.empty(0), *ray.get(tasks)])

    def source_files(self, ordinals: Iterable[int]) -> dict[int, str]:
        """The `source_file` of these rows, fetched from their batches on the cluster."""
        import ray

        wanted = np.unique(np.fromiter(ordinals, np.int64))
        batches = self._batches_of(wanted)
        name, tasks = _remote(work.source_files), []
        for batch in np.unique(batches).tolist():
            rows = wanted[batches == batch]
            tasks.append((rows, name.remote(self._refs[batch], rows - self._firsts[batch])))
        return {row: found for rows, task in tasks for row, found in zip(rows.tolist(), ray.get(task), strict=True)}

    def judged(self, rejects: dict[int, Reject]) -> Batches:
        """Every batch as it came, in order, with `rejects` (by ordinal) given to its rows."""
        import ray

        numbers = np.array(sorted(rejects), np.int64)
        for index, (first, end) in enumerate(zip(self._firsts, self._firsts[1:], strict=False)):
            batch = ray.get(self._refs[index])
            self._refs[index] = None  # the store may free it once the next stages are done with it
            low, high = np.searchsorted(numbers, [first, end])
            rows = numbers[low:high]
            positions = np.flatnonzero(outcome.is_row(batch))[rows - first]
            yield outcome.with_rejects(batch, positions, [rejects[row] for row in rows.tolist()])

    def release(self) -> None:
        self._refs.clear()
