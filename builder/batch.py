"""The batch that crosses the process boundary: one Arrow record batch holding every input's outcome, in input order.

A worker turns its records into this table where they were made, so the single parent process receives
compact column buffers instead of Python objects, and only filters and writes them. The same table is what
a distributed engine would hand over, and what a per-input build cache would store: its layout is
`batch_schema()`, defined here and nowhere else; the functions below are how the parent reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from builder.errors import ConfigError
from builder.reasons import Reason
from builder.record import Record, Reject
from builder.schema import load_schema

# A batch is one contiguous pa.RecordBatch (not a chunked pa.Table): the parent reads the dedup keys as a
# NumPy view over one buffer; `pa.Table.from_batches([batch])` gives an engine that wants a table one, copy-free.
ProcessedBatch: TypeAlias = pa.RecordBatch
BATCH_SIZE = 256  # inputs per batch: the same cut whatever runs them (the output does not depend on it)

REASON, DETAIL, STAGE = "reject_reason", "reject_detail", "reject_stage"
DEDUP_KEYS, BODY_WORDS, SITE, SPLIT = "dedup_keys", "body_words", "site", "split"
URL_KEY, CRAWL_TIME = "url_key", "crawl_time"
_CRAWL_TIME_TYPE = pa.timestamp("us", tz="UTC")
OUTCOME_FIELDS = (
    pa.field(REASON, pa.string()),  # null: the input is a row; else one of builder.reasons.Reason
    pa.field(DETAIL, pa.string()),
    pa.field(STAGE, pa.string()),  # the step or stage that rejected it
    pa.field(DEDUP_KEYS, pa.list_(pa.uint64())),  # builder.dedup.fingerprint's keys; empty without dedup
    # A row's canonical URL key and crawl time, for re-crawl dedup (builder.dedup.recrawl); all null in a
    # batch where no row has a URL key (every text dump): nothing more to carry or read.
    pa.field(URL_KEY, pa.uint64()),
    pa.field(CRAWL_TIME, _CRAWL_TIME_TYPE),
    pa.field(BODY_WORDS, pa.uint32()),  # for the card's statistics
    pa.field(SITE, pa.string()),  # the site profile that recognised the page, if one did
    pa.field(SPLIT, pa.string()),  # the split a row goes to: null until the parent decides it
)


@cache
def row_schema() -> pa.Schema:
    """The dataset's rows: schemas/article.yaml, as the shards hold them."""
    return load_schema().arrow()


@cache
def batch_schema() -> pa.Schema:
    """The layout of a processed batch: one row per input, in input order.

    First the dataset's row fields (`row_schema()`, made nullable): filled for an input that became a
    row, null for one a worker rejected, except `source_file`, which names every input. Then the outcome
    columns (OUTCOME_FIELDS): the reject's reason, detail and stage (null for a row); the dedup keys and
    body word count of a row (null for a reject); the site that recognised the page; the row's split.
    Whether an input is a row is told by `reject_reason` alone: a parent stage that rejects a row
    (dedup) fills in its reject and leaves its fields.
    """
    rows = row_schema()
    clash = sorted({field.name for field in OUTCOME_FIELDS} & set(rows.names))
    if clash:
        raise ConfigError(f"schema fields {', '.join(clash)} are named like a processed batch's outcome columns")
    return pa.schema([*(field.with_nullable(True) for field in rows), *OUTCOME_FIELDS], metadata=rows.metadata)


def pack(records: list[Record]) -> pa.RecordBatch:
    """The records' outcomes as one batch (`batch_schema()`); a record whose fields do not fit the schema
    becomes its own `parse_error` reject (stage `pack`) instead of failing the batch and the build."""
    if all(record.reject is not None for record in records):  # no row: nothing to fit, no field but the name
        rows = _reject_rows([record.source_file for record in records])
    else:
        rows = _fitted_rows(records)
    rows_at = [record.reject is None for record in records]
    outcome = [
        pa.array([r.reject and str(r.reject.reason) for r in records], pa.string()),
        pa.array([r.reject and r.reject.detail for r in records], pa.string()),
        pa.array([r.reject and r.reject.stage for r in records], pa.string()),
        _key_lists([record.dedup_keys for record in records if record.reject is None], rows_at),
        *_recrawl_columns(records),
        pa.array([r.body_words if r.reject is None else None for r in records], pa.uint32()),
        pa.array([r.site.site if r.site else None for r in records], pa.string()),
        pa.nulls(len(records), pa.string()),
    ]
    return pa.RecordBatch.from_arrays([*rows.columns, *outcome], schema=batch_schema())


def _fitted_rows(records: list[Record]) -> pa.RecordBatch:
    try:
        rows = _rows(records)
    except Exception:  # rare: find the record(s) at fault, one at a time
        for record in records:
            if record.reject is None and not _fits(record):
                record.fields = {}
        rows = _rows(records)
    if _reject_empty_required(records, rows):  # Arrow builds a non-nullable column with nulls without a word
        rows = _rows(records)
    return rows


def _reject_rows(names: list[str]) -> pa.RecordBatch:
    """The row fields of rejects: null but for their `source_file` (what `_rows` makes of them, faster)."""
    schema = _nullable_rows()
    columns = [pa.array(names, f.type) if f.name == "source_file" else pa.nulls(len(names), f.type) for f in schema]
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _rows(records: list[Record]) -> pa.RecordBatch:
    """The row fields of every record: a rejected one's are null but for its `source_file`."""
    fields = [record.fields if record.reject is None else {"source_file": record.source_file} for record in records]
    return pa.RecordBatch.from_pylist(fields, schema=_nullable_rows())


@cache
def _nullable_rows() -> pa.Schema:
    return pa.schema(list(batch_schema())[: len(row_schema())], metadata=row_schema().metadata)


def _fits(record: Record) -> bool:
    """Whether the record's fields make a row; if not, the record gets its `pack` reject."""
    try:
        pa.RecordBatch.from_pylist([record.fields], schema=row_schema())
    except Exception as err:
        detail = f"the row does not fit the schema: {type(err).__name__}: {err}"
        record.reject = Reject(Reason.PARSE_ERROR, detail[:500], "pack")
        return False
    return True


def _reject_empty_required(records: list[Record], rows: pa.RecordBatch) -> bool:
    """Give a record whose row leaves a required field (at any depth) empty its `pack` reject; whether one did.

    Such a row would otherwise fail the whole build when its shard is written, in the parent.
    """
    found = False
    for field, column in zip(row_schema(), rows.columns, strict=False):
        for index, path in _empty_required(column, field, field.name).items():
            record = records[index]
            if record.reject is None:
                detail = f"the row does not fit the schema: the required field {path} is empty"
                record.reject, record.fields, found = Reject(Reason.PARSE_ERROR, detail, "pack"), {}, True
    return found


def _empty_required(array: pa.Array, field: pa.Field, path: str) -> dict[int, str]:
    """Row index -> the path of a required value that is null in that row, for `array` and what it holds."""
    empty: dict[int, str] = {}
    if not field.nullable and array.null_count:
        empty.update((int(index), path) for index in np.flatnonzero(array.is_null().to_numpy(zero_copy_only=False)))
    kind = field.type
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        parents = pc.list_parent_indices(array).to_numpy()
        for index, inner in _empty_required(array.flatten(), kind.value_field, f"{path}[]").items():
            empty.setdefault(int(parents[index]), inner)
    elif pa.types.is_struct(kind):  # a child counts only where the struct itself is there
        present = array.is_valid().to_numpy(zero_copy_only=False)
        for position in range(kind.num_fields):
            child = kind.field(position)
            for index, inner in _empty_required(array.field(position), child, f"{path}.{child.name}").items():
                if present[index]:
                    empty.setdefault(index, inner)
    return empty


def _key_lists(keys: list[tuple[int, ...]], rows_at: list[bool]) -> pa.ListArray:
    """The rows' keys as list<uint64>, null for a reject; built from one flat array, not per key."""
    lengths = np.zeros(len(rows_at), np.int32)
    lengths[np.flatnonzero(rows_at)] = [len(row_keys) for row_keys in keys]
    offsets = np.zeros(len(rows_at) + 1, np.int32)
    np.cumsum(lengths, out=offsets[1:])
    flat = np.fromiter((key for row_keys in keys for key in row_keys), np.uint64, int(offsets[-1]))
    mask = pa.array(np.logical_not(rows_at))
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(flat), mask=mask)


def _recrawl_columns(records: list[Record]) -> tuple[pa.Array, pa.Array]:
    """The rows' URL keys and crawl times; all null unless some row has a URL key (a crawl time alone is
    of no use: it only ranks copies of one URL)."""
    if not any(record.url_key is not None and record.reject is None for record in records):
        return pa.nulls(len(records), pa.uint64()), pa.nulls(len(records), _CRAWL_TIME_TYPE)
    keys = [record.url_key if record.reject is None else None for record in records]
    times = [record.crawled_at if record.reject is None else None for record in records]
    return pa.array(keys, pa.uint64()), pa.array(times, _CRAWL_TIME_TYPE)


def is_row(batch: pa.RecordBatch) -> pa.BooleanArray:
    """Per input: whether it is a row (no reject)."""
    return batch.column(REASON).is_null()


def kept(batch: pa.RecordBatch, columns: Sequence[str] | None = None) -> pa.RecordBatch:
    """The inputs that are rows: `columns` of them, or every column (filtering copies: ask for few)."""
    return _outcome_is(batch, columns, row=True)


def _outcome_is(batch: pa.RecordBatch, columns: Sequence[str] | None, row: bool) -> pa.RecordBatch:
    """`columns` of the inputs that are rows (`row`) or rejects; no copy when every input is one."""
    chosen = batch if columns is None else batch.select(columns)
    reasons = batch.column(REASON)
    if reasons.null_count == (len(reasons) if row else 0):
        return chosen
    return chosen.filter(reasons.is_null() if row else reasons.is_valid())


def as_rows(batch: pa.RecordBatch) -> pa.RecordBatch:
    """A batch's row fields as the shards hold them (`row_schema()`), whatever its rows' outcomes."""
    return pa.RecordBatch.from_arrays(batch.columns[: len(row_schema())], schema=row_schema())


def rows_of(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The rows, as the shards hold them."""
    return as_rows(kept(batch, row_schema().names))


def rejected(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The rejects: source_file, reason, detail, stage, in input order."""
    return _outcome_is(batch, ["source_file", REASON, DETAIL, STAGE], row=False)


def reject_count(batch: pa.RecordBatch, stage: str | None = None) -> int:
    """How many inputs are rejected (by `stage`, if given)."""
    if stage is None:
        return len(batch) - batch.column(REASON).null_count
    return int(pc.sum(pc.equal(batch.column(STAGE), stage)).as_py() or 0)


def dedup_keys(batch: pa.RecordBatch) -> np.ndarray:
    """The rows' dedup keys, rows × keys (uint64), a view over the batch's buffer when it can be one."""
    _, is_row, keys = keyed(batch)
    return keys if bool(is_row.all()) else keys[is_row]  # a reject that kept its keys lends them to no row


def keyed(batch: pa.RecordBatch) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The inputs that hold dedup keys (the rows, and in a cached build the inputs only the date check
    rejected): their positions, whether each is a row, and their keys (inputs × keys, uint64)."""
    lists = batch.column(DEDUP_KEYS)
    positions = np.flatnonzero(lists.is_valid().to_numpy(zero_copy_only=False))
    is_row = batch.column(REASON).is_null().to_numpy(zero_copy_only=False)[positions]
    values = lists.flatten().to_numpy(zero_copy_only=False)  # a null list has no values to skip
    width = len(values) // len(positions) if len(positions) else 0
    assert len(values) == width * len(positions), "every input has as many keys (the LSH shape is the build's)"
    return positions, is_row, values.reshape(len(positions), width)


def has_urls(batch: pa.RecordBatch) -> bool:
    """Whether some row has a canonical URL key."""
    return batch.column(URL_KEY).null_count < len(batch)


def url_keys(batch: pa.RecordBatch) -> np.ndarray | None:
    """The rows' canonical URL keys (uint64, 0 for a row without one), or None when no row has one."""
    if not has_urls(batch):
        return None
    return kept(batch, [URL_KEY]).column(0).fill_null(0).to_numpy()


def crawl_times(batch: pa.RecordBatch, missing: int) -> np.ndarray:
    """The rows' crawl times (µs since the epoch, int64), `missing` for a row without one."""
    times = kept(batch, [CRAWL_TIME]).column(0).cast(pa.int64())
    return times.fill_null(missing).to_numpy()


def body_words(batch: pa.RecordBatch) -> np.ndarray:
    """Each row's body length in words."""
    return kept(batch, [BODY_WORDS]).column(0).to_numpy(zero_copy_only=False)


def with_rejects(batch: pa.RecordBatch, at: np.ndarray, rejects: Sequence[Reject]) -> pa.RecordBatch:
    """The batch with `rejects[i]` given to input `at[i]` (positions in the batch, rising)."""
    if not len(at):
        return batch
    mask = np.zeros(len(batch), bool)
    mask[at] = True
    mask_array = pa.array(mask)
    for name, values in (
        (REASON, [str(reject.reason) for reject in rejects]),
        (DETAIL, [reject.detail for reject in rejects]),
        (STAGE, [reject.stage for reject in rejects]),
    ):
        column = pc.replace_with_mask(batch.column(name), mask_array, pa.array(values, pa.string()))
        batch = batch.set_column(batch.schema.get_field_index(name), batch.schema.field(name), column)
    return batch


def with_splits(batch: pa.RecordBatch, splits: pa.Array) -> pa.RecordBatch:
    """The batch with each input's split (null for a reject)."""
    index = batch.schema.get_field_index(SPLIT)
    return batch.set_column(index, batch.schema.field(SPLIT), splits)
