"""What `builder.dedup.cluster` runs on the Ray cluster: plain functions over Arrow batches and NumPy arrays.

Rows are numbered across the whole stream in input order (their ordinal), as the local `Deduplicator`
numbers the articles it is shown. Each batch's dedup keys are exploded into one Arrow row per (key, ordinal);
a group of Ray Data's groupby is a bucket of keys (their top bits), not one key: most keys are held by one row,
and a call per key would cost more than the work. Within a bucket, the rows that share a key are found by a
sort: for an exact or same-id key, each holder is reported; for a band key, each pair (earlier, later) of
distinct bodies is a candidate for the exact Jaccard similarity, computed here too from the bodies in the
batches, and the rows of a body held more than once are reported (their similarity is 1).

Nothing here imports Ray: the functions run in Ray tasks, and tests call them directly.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pyarrow as pa

from builder import batch as outcome
from builder.dedup.fingerprint import BAND, jaccard, shingles
from builder.dedup.recrawl import NO_CRAWL_TIME, latest_crawls

BUCKET, KEY, ORDINAL = "bucket", "key", "ordinal"
BODY_KEY = "body_key"  # a hash of the row's body, beside each of its keys
EARLIER, LATER = "earlier", "later"
CRAWLED, STANDING, LATEST_CRAWLED = "crawled", "standing", "latest_crawled"
HOLDER = -1  # `earlier` of a row that holds a shared exact or same-id key (not a pair)
SAME_BODY = -2  # `earlier` of a row whose body another row has too (`key`: the body's hash)

SHARED_SCHEMA = pa.schema([(KEY, pa.uint64()), (EARLIER, pa.int64()), (LATER, pa.int64())])
OLDER_SCHEMA = pa.schema(
    [(ORDINAL, pa.int64()), (STANDING, pa.int64()), (CRAWLED, pa.int64()), (LATEST_CRAWLED, pa.int64())]
)


def bucket_of(keys: np.ndarray, buckets: int) -> np.ndarray:
    """Each key's bucket: keys are hashes, their high bits are uniform."""
    return ((keys >> np.uint64(32)) % np.uint64(buckets)).astype(np.int64)


def key_rows(batch: pa.RecordBatch, first: int, hidden: np.ndarray, buckets: int) -> pa.Table:
    """One row per (key, ordinal) of the batch's rows, numbered from `first`, with the hash of the row's body;
    rows whose ordinal is in `hidden` (older crawls, never shown to the body dedup) are left out."""
    keys = outcome.dedup_keys(batch)
    ordinals = first + np.arange(len(keys), dtype=np.int64)
    shown = ~np.isin(ordinals, hidden)
    bodies = outcome.kept(batch, ["body"]).column(0).cast(pa.binary()).filter(pa.array(shown))
    body_keys = np.fromiter((_body_hash(body) for body in bodies.to_pylist()), np.uint64, len(bodies))
    keys, ordinals = keys[shown], ordinals[shown]
    width = keys.shape[1] if keys.ndim == 2 else 0
    flat = keys.ravel()
    return pa.table(
        {
            BUCKET: bucket_of(flat, buckets),
            KEY: flat,
            ORDINAL: np.repeat(ordinals, width),
            BODY_KEY: np.repeat(body_keys, width),
        }
    )


def key_rows_of(firsts: list[int], hidden: np.ndarray, buckets: int, *batches: pa.RecordBatch) -> pa.Table:
    """`key_rows` of several batches (batch i numbered from `firsts[i]`) in one table: Ray Data's shuffle
    costs a task per block, so fewer, larger blocks group faster."""
    return pa.concat_tables(
        [key_rows(batch, first, hidden, buckets) for batch, first in zip(batches, firsts, strict=True)]
    )


def _body_hash(body: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(body, digest_size=8).digest(), "big")


def url_rows(batch: pa.RecordBatch, first: int, buckets: int) -> pa.Table:
    """One row per row with a canonical URL key: its bucket, key, ordinal and crawl time (µs)."""
    url_keys = outcome.url_keys(batch)
    if url_keys is None:
        url_keys = np.zeros(0, np.uint64)
    crawled = outcome.crawl_times(batch, NO_CRAWL_TIME)[: len(url_keys)]
    with_url = np.flatnonzero(url_keys)
    return pa.table(
        {
            BUCKET: bucket_of(url_keys[with_url], buckets),
            KEY: url_keys[with_url],
            ORDINAL: first + with_url.astype(np.int64),
            CRAWLED: crawled[with_url],
        }
    )


def url_rows_of(firsts: list[int], buckets: int, *batches: pa.RecordBatch) -> pa.Table:
    """`url_rows` of several batches in one table, as `key_rows_of`."""
    return pa.concat_tables([url_rows(batch, first, buckets) for batch, first in zip(batches, firsts, strict=True)])


def older_crawls(group: pa.Table) -> pa.Table:
    """Of a bucket of URL rows: each row a later crawl of its URL stands for (`latest_crawls` decides, on the
    rows in input order), with that row's ordinal and both crawl times."""
    order = np.argsort(group.column(ORDINAL).to_numpy(), kind="stable")
    ordinals = group.column(ORDINAL).to_numpy()[order]
    crawled = group.column(CRAWLED).to_numpy()[order]
    standing = latest_crawls(group.column(KEY).to_numpy()[order], crawled)
    older = np.flatnonzero(standing != np.arange(len(standing)))
    latest = standing[older]
    columns = [ordinals[older], ordinals[latest], crawled[older], crawled[latest]]
    return pa.Table.from_arrays([pa.array(c, pa.int64()) for c in columns], schema=OLDER_SCHEMA)


def shared_keys(group: pa.Table) -> pa.Table:
    """Of a bucket of key rows: each holder of a shared exact or same-id key (earlier = HOLDER); and per key of a
    band, the rows of each body held by more than one of them (earlier = SAME_BODY, key = the body's hash) and
    the pairs (earlier, later) of the bodies' first rows. A body shared by k rows makes k rows, not k² pairs:
    rows with one body are alike to every other row (which is all `resolve` needs to know)."""
    order = np.lexsort((group.column(ORDINAL).to_numpy(), group.column(KEY).to_numpy()))
    keys = group.column(KEY).to_numpy()[order]
    ordinals = group.column(ORDINAL).to_numpy()[order]
    body_keys = group.column(BODY_KEY).to_numpy()[order]
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    sizes = np.diff(np.append(starts, len(keys)))
    starts, sizes = starts[sizes > 1], sizes[sizes > 1]  # the keys that are shared
    banded = (keys[starts] & np.uint64(3)) == BAND
    holders = _spans(starts[~banded], sizes[~banded])
    parts = [(keys[holders], np.full(len(holders), HOLDER), ordinals[holders])]
    for start, end in zip(starts[banded].tolist(), (starts + sizes)[banded].tolist(), strict=True):
        parts.extend(_band_run(ordinals[start:end], body_keys[start:end]))
    key, earlier, later = (np.concatenate(columns) for columns in zip(*parts, strict=True))
    return pa.Table.from_arrays(
        [pa.array(key, pa.uint64()), pa.array(earlier, pa.int64()), pa.array(later, pa.int64())],
        schema=SHARED_SCHEMA,
    )


def _spans(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The positions start .. start + size - 1 of every run, one after the other."""
    offsets = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return np.repeat(starts, sizes) + offsets


Part = tuple[np.ndarray, np.ndarray, np.ndarray]  # key, earlier, later


def _band_run(ordinals: np.ndarray, body_keys: np.ndarray) -> list[Part]:
    """Of the rows sharing one band key (in ordinal order): the rows of bodies held more than once, and the
    pairs of distinct bodies' first rows."""
    bodies, firsts, counts = np.unique(body_keys, return_index=True, return_counts=True)
    repeated = np.isin(body_keys, bodies[counts > 1])
    same_body = (body_keys[repeated], np.full(int(repeated.sum()), SAME_BODY), ordinals[repeated])
    heads = np.sort(ordinals[firsts])  # each body's first row
    a, b = np.triu_indices(len(heads), 1)
    return [same_body, (np.full(len(a), np.uint64(BAND)), heads[a], heads[b])]


def similarities(earlier: np.ndarray, later: np.ndarray, firsts: list[int], *batches: pa.RecordBatch) -> np.ndarray:
    """The exact Jaccard similarity of each pair's bodies (shingled as the local dedup does); `batches` hold
    every ordinal of the pairs, batch i's rows numbered from `firsts[i]`."""
    bodies = [outcome.kept(batch, ["body"]).column(0) for batch in batches]
    cache: dict[int, set[str]] = {}

    def shingled(ordinal: int) -> set[str]:
        if ordinal not in cache:
            at = int(np.searchsorted(firsts, ordinal, "right")) - 1
            cache[ordinal] = shingles(bodies[at][ordinal - firsts[at]].as_py())
        return cache[ordinal]

    pairs = zip(earlier.tolist(), later.tolist(), strict=True)
    return np.array([jaccard(shingled(b), shingled(a)) for a, b in pairs], np.float64)


def source_files(batch: pa.RecordBatch, rows: np.ndarray) -> list[str]:
    """The `source_file` of the batch's rows at these row indices (rows only, rejects not counted)."""
    return outcome.kept(batch, ["source_file"]).column(0).take(pa.array(rows, pa.int64())).to_pylist()
