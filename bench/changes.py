"""What a re-upload of a rebuilt dataset sends, measured on two built folders: OLD (on the Hub) and NEW.

    .venv/bin/python bench/changes.py OLD NEW

Prints the changelog's cost (`builder diff`, time and peak memory), then three figures of the new shards' bytes:
- whole shards already on the Hub (same sha256): what `builder push` skips over classic LFS;
- Parquet column chunks (one column of one row group) whose bytes the old shards hold too: what a
  content-defined deduplication such as Xet's could skip. Xet cuts files into ~64 KiB chunks by content,
  finer than column chunks, so it skips at least about this much (the local test Hub cannot speak Xet, and
  the real client's report needs the real Hub: this is measured from the files instead).
"""

from __future__ import annotations

import hashlib
import json
import resource
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

from builder.export.changes import diff, shards


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def column_chunks(path: Path) -> list[tuple[str, int]]:
    """(sha256, size) of every column chunk's bytes in a shard, read from the offsets its footer gives."""
    metadata = pq.ParquetFile(path).metadata
    chunks = []
    with path.open("rb") as handle:
        for group in range(metadata.num_row_groups):
            for column in range(metadata.num_columns):
                chunk = metadata.row_group(group).column(column)
                start = chunk.dictionary_page_offset or chunk.data_page_offset
                handle.seek(start)
                data = handle.read(chunk.total_compressed_size)
                chunks.append((_sha256(data), len(data)))
    return chunks


def reuse(old: Path, new: Path) -> dict[str, int]:
    """Bytes of NEW's shards, and of those the bytes already in OLD as whole files or as column chunks."""
    old_files = {_sha256(path.read_bytes()) for path in shards(old)}
    old_chunks = {digest for path in shards(old) for digest, _ in column_chunks(path)}
    figures = {"shards": 0, "shard_bytes": 0, "same_shards": 0, "same_shard_bytes": 0, "same_chunk_bytes": 0}
    for path in shards(new):
        size = path.stat().st_size
        figures["shards"] += 1
        figures["shard_bytes"] += size
        if _sha256(path.read_bytes()) in old_files:  # all of it, footer included
            figures["same_shards"] += 1
            figures["same_shard_bytes"] += size
            figures["same_chunk_bytes"] += size
        else:
            chunks = column_chunks(path)
            figures["same_chunk_bytes"] += sum(chunk_size for digest, chunk_size in chunks if digest in old_chunks)
    return figures


def main(old: Path, new: Path) -> None:
    start = time.perf_counter()
    changes = diff(old, new)
    seconds = time.perf_counter() - start
    figures = reuse(old, new)
    total = figures["shard_bytes"] or 1
    print(
        json.dumps(
            {
                "changes": changes.line(),
                "diff_seconds": round(seconds, 2),
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                **figures,
                "resent_share_lfs": round(1 - figures["same_shard_bytes"] / total, 4),
                "resent_share_chunks": round(1 - figures["same_chunk_bytes"] / total, 4),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
