"""The worker pool: input order is kept, and a dying worker is an error, never a hang."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from builder.errors import WorkerError
from builder.executor import BATCH_SIZE, run_pipeline
from builder.pipeline import PipelineOptions
from builder.record import Record
from tests.conftest import DATA

OPTIONS = PipelineOptions(now=datetime(2026, 11, 22, tzinfo=UTC))


def records(count: int) -> list[Record]:
    texts = [p.read_bytes() for p in sorted(DATA.glob("*.txt"))]
    return [Record(source_file=f"{i:04d}.txt", data=texts[i % 2]) for i in range(count)]


def test_order_is_kept_with_two_workers() -> None:
    count = 3 * BATCH_SIZE + 5  # several batches, so order across workers is really tested
    batches = list(run_pipeline(records(count), OPTIONS, max_bytes=1 << 20, workers=2))
    assert len(batches) == 4
    done = [record for batch in batches for record in batch.records]
    assert [r.source_file for r in done] == [f"{i:04d}.txt" for i in range(count)]
    assert all(r.reject is None for r in done)
    titles = [title for batch in batches for title in batch.rows.column("title").to_pylist()]
    assert len(titles) == count and len(set(titles)) == 2  # each valid record's row, in the same order


def test_a_dying_worker_is_an_error_not_a_hang() -> None:
    """A worker killed outright (as the out-of-memory killer would) fails the build; it never hangs."""
    import psutil

    results = run_pipeline(records(3000), OPTIONS, max_bytes=1 << 20, workers=2)
    next(results)
    workers = [worker for child in psutil.Process().children() for worker in child.children()]  # forked by the server
    assert workers
    for worker in workers:
        worker.kill()
    with pytest.raises(WorkerError, match="worker process died"):
        list(results)


def test_a_batch_step_by_step_gives_what_records_one_by_one_give() -> None:
    from builder.pipeline import Pipeline
    from tests.dumps import make_dump

    texts = [p.read_bytes() for p in sorted(DATA.glob("*.txt"))]
    inputs = [
        *texts,
        b"",
        b"\x00binary\x00" * 50,
        texts[0][: len(texts[0]) // 2],
        make_dump(date="32 Jan 2021 10:00").encode(),
    ]
    pipeline = Pipeline(OPTIONS)
    one_by_one = [pipeline.process(Record(source_file=f"{i}", data=data)) for i, data in enumerate(inputs)]
    batch = pipeline.process_batch([Record(source_file=f"{i}", data=data) for i, data in enumerate(inputs)])
    assert [(r.fields, r.reject, r.dedup_keys, r.body_words) for r in batch] == [
        (r.fields, r.reject, r.dedup_keys, r.body_words) for r in one_by_one
    ]
    assert sum(r.reject is None for r in batch) == 2 and len({r.reject.reason for r in batch if r.reject}) >= 3


def test_workers_build_arrow_rows_without_importing_pandas() -> None:
    """The import hook a worker installs keeps pyarrow from importing pandas (~45 MB a worker)."""
    import subprocess
    import sys

    code = (
        "import sys, datetime\n"
        "from builder.executor import _NoPandas\n"
        "sys.meta_path.insert(0, _NoPandas)\n"
        "import pyarrow as pa\n"
        "rows = pa.RecordBatch.from_pylist([{'t': datetime.datetime(2021, 7, 21, tzinfo=datetime.UTC), 'x': ['a']}])\n"
        "assert rows.num_rows == 1 and 'pandas' not in sys.modules\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
