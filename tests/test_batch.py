"""The batch that crosses the process boundary: one Arrow record batch, every input's outcome in input order."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from builder import batch as outcome
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from tests.conftest import DATA

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def processed(spoil: str | None = None) -> tuple[list[Record], pa.RecordBatch]:
    """Two pages (rows), an empty file and a binary one (rejects) in between; `spoil` names a record whose
    reading time is made a string, which no int32 column takes."""
    pages = [p.read_bytes() for p in sorted(DATA.glob("*.txt"))]
    records = [
        Record(source_file="a.txt", data=pages[0]),
        Record(source_file="empty.txt", data=b""),
        Record(source_file="b.txt", data=pages[1]),
        Record(source_file="binary.bin", data=b"\x00\x01" * 200),
    ]
    Pipeline(PipelineOptions(now=NOW)).process_batch(records)
    for record in records:
        if record.source_file == spoil:
            record.fields["reading_time_minutes"] = "three"
    return records, outcome.pack(records)


def test_one_row_per_input_in_order_with_the_declared_schema() -> None:
    _, batch = processed()
    assert batch.schema.equals(outcome.batch_schema(), check_metadata=True)
    assert batch.column("source_file").to_pylist() == ["a.txt", "empty.txt", "b.txt", "binary.bin"]
    reasons = batch.column(outcome.REASON).to_pylist()
    assert reasons[0] is None and reasons[2] is None and reasons[1] and reasons[3]
    assert batch.column("title").to_pylist()[1] is None and batch.column("title").to_pylist()[0]  # a reject: no row
    assert batch.column(outcome.SITE).to_pylist()[::2] == ["almayadeen_en", "almayadeen_en"]
    assert batch.column(outcome.SPLIT).null_count == 4  # decided in the parent


def test_the_parent_reads_rows_rejects_keys_and_words_without_records() -> None:
    records, batch = processed()
    rows = outcome.rows_of(batch)
    assert rows.schema.equals(outcome.row_schema(), check_metadata=True)
    assert rows.column("source_file").to_pylist() == ["a.txt", "b.txt"]
    rejects = outcome.rejected(batch).to_pylist()
    assert [(r["source_file"], r[outcome.REASON], r[outcome.STAGE]) for r in rejects] == [
        (r.source_file, str(r.reject.reason), r.reject.stage) for r in records if r.reject
    ]
    keys = outcome.dedup_keys(batch)
    assert keys.dtype == np.uint64 and keys.tolist() == [list(records[0].dedup_keys), list(records[2].dedup_keys)]
    assert outcome.body_words(batch).tolist() == [records[0].body_words, records[2].body_words]
    assert outcome.reject_count(batch) == 2


def test_keys_are_a_view_over_the_batch_when_every_input_is_a_row() -> None:
    _, batch = processed()
    rows_only = batch.filter(outcome.is_row(batch))
    keys = outcome.dedup_keys(rows_only)
    values = rows_only.column(outcome.DEDUP_KEYS).values
    assert np.shares_memory(keys, np.frombuffer(values.buffers()[1], np.uint64))


def test_keys_of_a_batch_with_rejects_are_read_in_place_and_a_reject_that_kept_its_keys_is_left_out() -> None:
    records, batch = processed()
    keys = outcome.dedup_keys(batch)  # rejects' lists are null: the column's values are the rows' keys alone
    assert np.shares_memory(keys, np.frombuffer(batch.column(outcome.DEDUP_KEYS).values.buffers()[1], np.uint64))
    # A reject holding keys of its own (as if judged after its keys were made) must not lend them to a row.
    column = batch.column(outcome.DEDUP_KEYS)
    spoiled = pa.array([*column.to_pylist()[:1], [7] * keys.shape[1], *column.to_pylist()[2:]], column.type)
    held = batch.set_column(batch.schema.get_field_index(outcome.DEDUP_KEYS), outcome.DEDUP_KEYS, spoiled)
    assert outcome.dedup_keys(held).tolist() == [list(records[0].dedup_keys), list(records[2].dedup_keys)]


def test_a_row_that_does_not_fit_is_its_own_pack_reject_and_the_others_stay() -> None:
    _, batch = processed(spoil="b.txt")
    assert outcome.rows_of(batch).column("source_file").to_pylist() == ["a.txt"]
    rejects = {r["source_file"]: r for r in outcome.rejected(batch).to_pylist()}
    assert rejects["b.txt"][outcome.STAGE] == "pack" and rejects["b.txt"][outcome.REASON] == "parse_error"
    assert batch.column(outcome.DEDUP_KEYS)[2].as_py() is None  # a reject carries no keys


@pytest.mark.parametrize(
    ("spoil", "path"),
    [
        (lambda fields: fields.update(body=None), "body"),
        (lambda fields: fields.pop("tags"), "tags"),
    ],
    ids=["top-level null", "missing list"],
)
def test_a_row_that_leaves_a_required_field_empty_is_its_own_pack_reject(
    spoil: Callable[[dict[str, Any]], object], path: str
) -> None:
    """Arrow would take the null into a non-nullable column, and the whole build would fail writing the shard."""
    records, _ = processed()
    spoil(records[2].fields)
    batch = outcome.pack(records)
    assert outcome.rows_of(batch).column("source_file").to_pylist() == ["a.txt"]
    (reject,) = [r for r in outcome.rejected(batch).to_pylist() if r["source_file"] == "b.txt"]
    assert reject[outcome.STAGE] == "pack" and reject[outcome.DETAIL].endswith(f"the required field {path} is empty")
    pa.Table.from_batches([outcome.rows_of(batch)]).cast(outcome.row_schema())  # the rows left fit the schema


def test_a_null_deep_inside_a_required_struct_field_is_found() -> None:
    """The article schema has no required field inside a list of structs today; the guard looks there all the same."""
    inner = pa.struct([pa.field("alt", pa.string(), nullable=False), pa.field("caption", pa.string())])
    field = pa.field("images", pa.list_(inner), nullable=False)
    images = pa.array([[{"alt": "a", "caption": None}], [{"alt": None, "caption": "c"}], [], None], pa.list_(inner))
    assert outcome._empty_required(images, field, "images") == {1: "images[].alt", 3: "images"}


def test_optional_values_may_be_empty() -> None:
    records, _ = processed()
    records[2].fields.update(summary=None, images=[{"alt": "a photo", "caption": None}, {"alt": None, "caption": "c"}])
    assert outcome.rows_of(outcome.pack(records)).column("source_file").to_pylist() == ["a.txt", "b.txt"]


def test_the_batch_crosses_a_process_boundary_whole() -> None:
    _, batch = processed()
    assert pickle.loads(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)).equals(batch, check_metadata=True)


def test_rejects_added_in_the_parent_take_the_row_out() -> None:
    from builder.reasons import Reason
    from builder.record import Reject

    _, batch = processed()
    marked = outcome.with_rejects(batch, np.array([2]), [Reject(Reason.DUPLICATE, "exact copy; kept a.txt", "dedup")])
    assert outcome.rows_of(marked).column("source_file").to_pylist() == ["a.txt"]
    assert outcome.reject_count(marked, "dedup") == 1 and outcome.reject_count(marked) == 3
    assert [r["source_file"] for r in outcome.rejected(marked).to_pylist()] == ["empty.txt", "b.txt", "binary.bin"]
