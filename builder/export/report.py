"""The build report: every reject as a row of `rejects.parquet`, and a summary whose counts reconcile."""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from builder.reasons import SKIPS

REJECTS_SCHEMA = pa.schema(
    [
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("detail", pa.string(), nullable=False),
        pa.field("stage", pa.string(), nullable=False),
    ]
)


@dataclass
class BuildReport:
    """`inputs` is counted where inputs are found (files, archive members), apart from their outcomes,
    so that an input lost on the way shows as counts that do not reconcile."""

    inputs: int = 0
    rows_by_split: Counter[str] = field(default_factory=Counter)
    # With a build cache: inputs whose outcome was reused, of them those not even read (their stat was
    # unchanged), and inputs parsed ({"reused": n, "unread": u, "parsed": m}).
    # Not in the card: a cached build's dataset is byte-identical to a clean one's.
    cache: dict[str, int] | None = None
    _rejects: list[pa.RecordBatch] = field(default_factory=list)
    _table: pa.Table | None = None  # the rejects as one table, made when first asked for

    def add_rows(self, split: str, count: int) -> None:
        self.rows_by_split[split] += count

    def add_rejects(self, rejects: pa.RecordBatch) -> None:
        """Rejects as four columns, whatever their names: source_file, reason, detail, stage."""
        if rejects.num_rows:
            self._rejects.append(pa.RecordBatch.from_arrays(rejects.columns, schema=REJECTS_SCHEMA))
            self._table = None

    @property
    def rejects(self) -> pa.Table:
        """Every reject, in the order added (input order), as one contiguous table."""
        if self._table is None:
            self._table = pa.Table.from_batches(self._rejects, schema=REJECTS_SCHEMA).combine_chunks()
        return self._table

    @property
    def rejected(self) -> int:
        """Inputs rejected, not counting the skips (`builder.reasons.SKIPS`)."""
        return sum(batch.num_rows for batch in self._rejects) - self.skipped

    @property
    def skipped(self) -> int:
        """Inputs read and set aside on purpose (a WARC's request records...): in rejects.parquet, counted apart."""
        skips = pa.array(sorted(SKIPS), pa.string())
        return sum(int(pc.sum(pc.is_in(batch.column(1), skips)).as_py() or 0) for batch in self._rejects)

    @property
    def rows(self) -> int:
        return sum(self.rows_by_split.values())

    @property
    def reconciled(self) -> bool:
        return self.inputs == self.rows + self.rejected + self.skipped

    def by_reason(self, skips: bool = False) -> list[dict[str, Any]]:
        """Rejects per reason (or, with `skips`, the skips), most frequent first, each with the first file that got it."""
        if not (self.skipped if skips else self.rejected):
            return []
        counts = (
            self.rejects.group_by("reason", use_threads=False)  # unthreaded: "first" is the first in input order
            .aggregate([("reason", "count"), ("source_file", "first")])
            .to_pylist()
        )
        return [
            {"reason": row["reason"], "count": row["reason_count"], "example": row["source_file_first"]}
            for row in sorted(counts, key=lambda row: (-row["reason_count"], row["reason"]))
            if (row["reason"] in SKIPS) == skips
        ]

    def summary(self, options: dict[str, Any], changes: dict[str, Any] | None = None) -> dict[str, Any]:
        """The counts; `skipped` only when some input was skipped, `cache` only with a build cache and `changes`
        only when there was a previous build to compare with, so that other builds' summaries stay as they were."""
        skipped = {"skipped": self.skipped} if self.skipped else {}
        cache = {"cache": self.cache} if self.cache is not None else {}
        return {
            "inputs": self.inputs,
            "rows": self.rows,
            "rows_by_split": dict(sorted(self.rows_by_split.items())),
            "rejected": self.rejected,
            "rejects_by_reason": {row["reason"]: row["count"] for row in self.by_reason()},
            **skipped,
            "reconciled": self.reconciled,
            **({"changes": changes} if changes else {}),
            **cache,
            "options": options,
        }

    def write(self, folder: Path, options: dict[str, Any], changes: dict[str, Any] | None = None) -> dict[str, Any]:
        """Write `rejects.parquet`, `rejects.jsonl` (the same rows, for jq and less) and `summary.json`;
        each file appears whole or not at all."""
        folder.mkdir(parents=True, exist_ok=True)
        table = self.rejects
        _replace(folder / "rejects.parquet", lambda tmp: pq.write_table(table, tmp, compression="zstd"))
        lines = "".join(json.dumps(reject, ensure_ascii=False) + "\n" for reject in table.to_pylist())
        _replace(folder / "rejects.jsonl", lambda tmp: Path(tmp).write_text(lines, encoding="utf-8"))
        summary = self.summary(options, changes)
        text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
        _replace(folder / "summary.json", lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
        return summary


def _replace(path: Path, write: Any) -> None:
    """Write `path` through `write(tmp)`, then rename: the file appears whole or not at all."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        write(str(tmp))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk must not leave half a file behind
        raise


replace_whole = _replace  # for the other files of the report folder (changes.parquet)
