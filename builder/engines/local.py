"""Run the pipeline over work items, in this process or in a pool of worker processes, keeping input order."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from itertools import islice
from multiprocessing.connection import Connection

from builder.engines.batch import ProcessedBatch, pack
from builder.engines.lifeline import Lifeline, exit_with_builder
from builder.errors import WorkerError
from builder.inputs.files import InputFile, read_record
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record

WorkItem = InputFile | Record  # a file to read, or bytes already read (an archive member)
Progress = Callable[[int, int], None]  # after each batch: inputs done, of which rejected
BATCH_SIZE = 256
IN_FLIGHT_PER_WORKER = 4  # batches queued per worker: keeps workers busy and memory bounded

_worker: tuple[Pipeline, int] | None = None


def batched(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run_items(pipeline: Pipeline, items: list[WorkItem], max_bytes: int) -> ProcessedBatch:
    records = [read_record(item, max_bytes) if isinstance(item, InputFile) else item for item in items]
    return pack(pipeline.process_batch(records))


class _NoPandas:
    """An import hook that says pandas is not installed.

    pyarrow imports pandas (~45 MB and 0.2 s per process) the first time it converts a Python list,
    only to ask whether the list is a pandas object. Workers never use pandas, so they skip it.
    """

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> None:
        if name.partition(".")[0] == "pandas":
            raise ModuleNotFoundError(f"No module named {name!r} (not needed in a worker)", name=name)


def _init_worker(options: PipelineOptions, max_bytes: int, lifeline: Connection) -> None:
    global _worker
    exit_with_builder(lifeline)  # first: a worker must not outlive a build killed while it starts
    # Ctrl-C reaches the whole process group: only the parent handles it, and it stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.meta_path.insert(0, _NoPandas)  # type: ignore[arg-type]
    _worker = (Pipeline(options), max_bytes)  # one pipeline (and language model) per process


def _run_batch(batch: list[WorkItem]) -> ProcessedBatch:
    assert _worker is not None
    pipeline, max_bytes = _worker
    return _run_items(pipeline, batch, max_bytes)


def run_pipeline(
    items: Iterable[WorkItem], options: PipelineOptions, max_bytes: int, workers: int
) -> Iterator[ProcessedBatch]:
    """Processed batches in the order of `items`, cut the same way whatever the number of workers."""
    if workers <= 1:
        pipeline = Pipeline(options)
        for batch in batched(items, BATCH_SIZE):
            yield _run_items(pipeline, batch, max_bytes)
        return
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    if os.name == "posix":
        # Workers start with these imported; builder.engines.forkserver_exit is for the forkserver itself.
        context.set_forkserver_preload(["builder.pipeline", "pyarrow", "builder.engines.forkserver_exit"])
    lifeline = Lifeline(context)
    # ProcessPoolExecutor, unlike multiprocessing.Pool, fails (BrokenProcessPool) instead of hanging
    # when a worker dies or cannot start.
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(options, max_bytes, lifeline.reader)
    )
    try:
        pending: deque[Future[ProcessedBatch]] = deque()
        for batch in batched(items, BATCH_SIZE):
            pending.append(pool.submit(_run_batch, batch))  # raises too once the pool is broken
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield _result(pending.popleft(), pool)
        while pending:
            yield _result(pending.popleft(), pool)
    except BrokenProcessPool as err:
        raise WorkerError(f"a worker process died ({err}); the previous dataset is untouched") from err
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        lifeline.close()


LIVENESS_POLL = 1.0  # seconds between checks that every worker lives, while a result is awaited


def _result(future: Future[ProcessedBatch], pool: ProcessPoolExecutor) -> ProcessedBatch:
    """The batch's result, or BrokenProcessPool when a worker died, never an endless wait.

    A worker killed while it sends a result (the out-of-memory killer, `kill -9`) leaves half a
    message in the result pipe, and CPython's pool reads on forever for the rest, since this process
    holds a write end too. So while waiting, check that the workers live; after a death, close this
    process's write end (it never writes there): the pool then reads end-of-file and breaks.
    """
    while True:
        try:
            return future.result(timeout=LIVENESS_POLL)
        except TimeoutError:
            if _a_worker_died(pool):
                _close_result_writer(pool)


def _a_worker_died(pool: ProcessPoolExecutor) -> bool:
    processes = getattr(pool, "_processes", None) or {}
    return any(process.exitcode is not None for process in list(processes.values()))


def _close_result_writer(pool: ProcessPoolExecutor) -> None:
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        with suppress(OSError):
            writer.close()
