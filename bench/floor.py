"""The floor: read every dump and write its raw text to zstd Parquet, nothing else (one process, streaming).

    .venv/bin/python bench/floor.py DUMPS_DIR OUT.parquet
Prints a JSON line: files, bytes, seconds.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

BATCH = 1000
SCHEMA = pa.schema([pa.field("source_file", pa.string()), pa.field("text", pa.string())])


def walk(root: Path) -> Iterator[Path]:
    """Every file under root in sorted order (the build sorts its inputs too)."""
    for folder, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            yield Path(folder, name)


def floor(root: Path, out: Path) -> dict[str, float]:
    started = time.perf_counter()
    files = total = 0
    names: list[str] = []
    texts: list[str] = []
    with pq.ParquetWriter(out, SCHEMA, compression="zstd", compression_level=3) as writer:
        for path in walk(root):
            data = path.read_bytes()
            names.append(path.relative_to(root).as_posix())
            texts.append(data.decode("utf-8", "replace"))
            files += 1
            total += len(data)
            if len(texts) >= BATCH:
                writer.write_table(pa.table([names, texts], schema=SCHEMA))
                names, texts = [], []
        if texts:
            writer.write_table(pa.table([names, texts], schema=SCHEMA))
    return {"files": files, "bytes": total, "seconds": time.perf_counter() - started}


if __name__ == "__main__":
    print(json.dumps(floor(Path(sys.argv[1]), Path(sys.argv[2]))))
