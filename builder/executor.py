"""Run the pipeline over work items, in this process or in a pool of worker processes, keeping input order."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from builder.errors import WorkerError
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from builder.sources import InputFile, read_record

WorkItem = InputFile | Record  # a file to read, or bytes already read (an archive member)
BATCH_SIZE = 128
IN_FLIGHT_PER_WORKER = 4  # batches queued per worker: keeps workers busy and memory bounded

_worker: tuple[Pipeline, int] | None = None


def batched(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run_item(pipeline: Pipeline, item: WorkItem, max_bytes: int) -> Record:
    record = read_record(item, max_bytes) if isinstance(item, InputFile) else item
    return pipeline.process(record)


def _init_worker(options: PipelineOptions, max_bytes: int) -> None:
    global _worker
    # Ctrl-C reaches the whole process group: only the parent handles it, and it stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = (Pipeline(options), max_bytes)  # one pipeline (and language model) per process


def _run_batch(batch: list[WorkItem]) -> list[Record]:
    assert _worker is not None
    pipeline, max_bytes = _worker
    return [_run_item(pipeline, item, max_bytes) for item in batch]


def run_pipeline(items: Iterable[WorkItem], options: PipelineOptions, max_bytes: int, workers: int) -> Iterator[Record]:
    """Processed records in the order of `items`, whatever the number of workers."""
    if workers <= 1:
        pipeline = Pipeline(options)
        for item in items:
            yield _run_item(pipeline, item, max_bytes)
        return
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    if os.name == "posix":
        context.set_forkserver_preload(["builder.pipeline"])  # workers start from an imported pipeline
    # ProcessPoolExecutor, unlike multiprocessing.Pool, fails (BrokenProcessPool) instead of hanging
    # when a worker dies or cannot start.
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(options, max_bytes))
    try:
        pending: deque[Future[list[Record]]] = deque()
        for batch in batched(items, BATCH_SIZE):
            pending.append(pool.submit(_run_batch, batch))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[list[Record]]) -> list[Record]:
    try:
        return future.result()
    except BrokenProcessPool as err:
        raise WorkerError(f"a worker process died ({err}); the previous dataset is untouched") from err
