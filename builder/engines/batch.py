"""What the pipeline hands back for a batch of inputs: every record's outcome, and the valid rows as Arrow.

The rows are turned into one Arrow batch where they were made (in a worker), so the single parent
process receives compact column buffers instead of millions of Python objects, and only filters
and writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from builder.reasons import Reason
from builder.record import Record, Reject
from builder.schema import load_schema

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass
class ProcessedBatch:
    """`records`: every input in order, with its reject or none (fields moved out); `rows`: the valid ones' fields."""

    records: list[Record]
    rows: pa.RecordBatch

    @property
    def valid(self) -> list[Record]:
        """The records behind `rows`, in the same order."""
        return [record for record in self.records if record.reject is None]


@cache
def _row_schema() -> pa.Schema:
    return load_schema().arrow()


def pack(records: list[Record]) -> ProcessedBatch:
    """The valid records' fields as one Arrow batch; a record whose fields do not fit the schema becomes
    its own `parse_error` reject (stage `pack`) instead of failing the batch and the build."""
    import pyarrow as pa

    valid = [record for record in records if record.reject is None]
    try:
        rows = pa.RecordBatch.from_pylist([record.fields for record in valid], schema=_row_schema())
    except Exception:  # rare: find the record(s) at fault, one at a time
        for record in valid:
            try:
                pa.RecordBatch.from_pylist([record.fields], schema=_row_schema())
            except Exception as err:
                detail = f"the row does not fit the schema: {type(err).__name__}: {err}"
                record.reject = Reject(Reason.PARSE_ERROR, detail[:500], "pack")
        valid = [record for record in valid if record.reject is None]
        rows = pa.RecordBatch.from_pylist([record.fields for record in valid], schema=_row_schema())
    for record in valid:
        record.fields = {}
    return ProcessedBatch(records, rows)
