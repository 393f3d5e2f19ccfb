"""Stream rows into Parquet shards named the way the Hub expects: `data/{split}-00000-of-0000N.parquet`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

DEFAULT_MAX_SHARD_BYTES = 256 * 1024 * 1024
# Small row groups let the Hub's dataset viewer and random access read a few rows without the whole shard.
ROW_GROUP_ROWS = 1000
ROW_GROUP_BYTES = 64 * 1024 * 1024  # of text, before compression

PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "write_page_index": True,
    # Content-defined chunking keeps page boundaries stable across edits, so a re-upload of an
    # edited dataset moves only the changed chunks (Xet deduplicates them).
    "use_content_defined_chunking": True,
    "write_statistics": True,
}


@dataclass
class SplitWriter:
    """Rolls to a new shard when the current one reaches `max_shard_bytes`; shard names are fixed at close."""

    folder: Path
    split: str
    schema: pa.Schema
    max_shard_bytes: int = DEFAULT_MAX_SHARD_BYTES
    rows_per_group: int = ROW_GROUP_ROWS
    num_rows: int = 0
    _buffered_bytes: int = 0
    _buffer: list[dict[str, Any]] = field(default_factory=list)
    _shards: list[Path] = field(default_factory=list)
    _sink: pa.NativeFile | None = None
    _writer: pq.ParquetWriter | None = None

    def write(self, row: dict[str, Any]) -> None:
        self._buffer.append(row)
        self.num_rows += 1
        self._buffered_bytes += len(row["body"]) + len(row["title"]) + len(row.get("summary") or "")
        if len(self._buffer) >= self.rows_per_group or self._buffered_bytes >= min(
            ROW_GROUP_BYTES, self.max_shard_bytes
        ):
            self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        if self._writer is None:
            path = self.folder / f".{self.split}-{len(self._shards):05d}.parquet.partial"
            self._shards.append(path)
            self._sink = pa.OSFile(str(path), "wb")
            self._writer = pq.ParquetWriter(self._sink, self.schema, **PARQUET_OPTIONS)
        self._writer.write_table(pa.Table.from_pylist(self._buffer, schema=self.schema))
        self._buffer.clear()
        self._buffered_bytes = 0
        if self._sink is not None and self._sink.tell() >= self.max_shard_bytes:
            self._close_shard()

    def _close_shard(self) -> None:
        if self._writer is not None and self._sink is not None:
            self._writer.close()
            self._sink.close()
        self._writer = self._sink = None

    def close(self) -> list[Path]:
        """Finish the last shard and give every shard its final `{split}-i-of-n` name."""
        self._flush()
        self._close_shard()
        final = []
        for index, partial in enumerate(self._shards):
            path = self.folder / f"{self.split}-{index:05d}-of-{len(self._shards):05d}.parquet"
            os.replace(partial, path)
            final.append(path)
        return final
