"""Run a job (the pipeline, a survey) over work items, in this process or in a pool of worker processes,
keeping input order."""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from itertools import islice
from multiprocessing.connection import Connection
from typing import IO, Any, NamedTuple, TypeVar

from builder.batch import BATCH_SIZE
from builder.engines import (
    AnswersHere,
    Done,
    Executor,
    Job,
    Tally,
    Task,
    WorkItem,
    planned_inputs,
    planned_weight,
)
from builder.engines.here import HereAnswers
from builder.engines.lifeline import Lifeline, exit_with_builder
from builder.engines.processes import worker_context
from builder.errors import ReconcileError, WorkerError
from builder.inputs.containers import Part
from builder.record import Record

Progress = Callable[[int, int], None]  # after each batch: inputs done, of which rejected
IN_FLIGHT_PER_WORKER = 4  # tasks queued per worker: keeps workers busy and memory bounded
HERE_AHEAD = 32  # tasks the build process answers itself, queued beyond those: work items only, no rows
HERE_TASK_SIZE = 1024  # inputs a task answered in the build process holds: the fewer tasks, the less Python
SPILL_AFTER = 8  # batches a task's result holds in memory; more (a whole tar) go through a file

T = TypeVar("T")
BatchFunction = Callable[[list[Record]], Any]  # what a started job does to each batch of records
_worker: tuple[BatchFunction, int] | None = None


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def tasks(
    items: Iterable[WorkItem], size: int, here: Callable[[WorkItem], bool] | None = None, here_size: int = 0
) -> Iterator[Task]:
    """The work items in tasks of `size` places, cut where a flat run of records would be cut: a record
    takes one place, or its part's weight (`planned_weight`); a part of known records is split where a
    task fills up; one whose records only reading tells is a task alone. With `here` (what the job
    answers in the build process, `AnswersHere`), a task is also cut where the answer changes, and a task
    answered here holds `here_size` places when given (its outcomes are taken, not computed)."""
    task: Task = []
    room = size
    answered_here = None  # what `here` says of the task's items
    for item in items:
        records = planned_inputs(item)
        answer = here(item) if here is not None else None
        if task and answer != answered_here:
            yield task
            task = []
        if not task:
            room = full = here_size if answer and here_size else size
        answered_here = answer
        if records is None:
            if task:
                yield task
            yield [item]
            task = []
            continue
        weight = min(planned_weight(item), full)
        while records * weight > room:
            fits = room // weight
            if fits:  # only parts of several records split
                head, item = item.split(fits)  # type: ignore[union-attr]
                task.append(head)
            yield task
            task, room, records = [], full, records - fits
        task.append(item)
        room -= records * weight
        if not room:
            yield task
            task = []
    if task:
        yield task


def run_task(process: BatchFunction, task: Task, max_bytes: int) -> Iterator[Done]:
    """Open the task's parts, here, and run a started job over their records, BATCH_SIZE at a time;
    the batches are numbered and the last one says so (one batch, maybe empty, for any task)."""
    batches = _task_batches(process, task, max_bytes)
    seq, held = 0, next(batches, None)
    while held is not None:
        following = next(batches, None)
        yield Done(held[0], held[1], seq, following is None)
        seq, held = seq + 1, following
    if seq == 0:
        yield Done(process([]), 0)


def _task_batches(process: BatchFunction, task: Task, max_bytes: int) -> Iterator[tuple[Any, int]]:
    """The task's batch results, each with how many of its records came from parts of unplanned count."""
    records: list[Record] = []
    unplanned = 0
    for item in task:
        known = planned_inputs(item) is not None
        for record in (item,) if isinstance(item, Record) else _opened(item, max_bytes):
            records.append(record)
            unplanned += not known
            if len(records) == BATCH_SIZE:
                yield process(records), unplanned
                records, unplanned = [], 0
    if records:
        yield process(records), unplanned


def _opened(part: Part, max_bytes: int) -> Iterator[Record]:
    """The part's records; a part that gives other than the records its plan promised fails the build
    (a count in the report would otherwise hide an input that went missing)."""
    count = 0
    for record in part.open(max_bytes):
        count += 1
        yield record
    if part.records is not None and count != part.records:
        raise ReconcileError(f"{part.records} inputs were planned but {count} were opened; no dataset was written")


class Serial:
    """Runs every task in this process, one after the other."""

    def run(self, tasks: Iterable[Task], job: Job, max_bytes: int) -> Iterator[Done]:
        process, here = job.start(), HereAnswers(job)
        for task in tasks:
            if here.answers(task):
                yield here.answer(task)
            else:
                yield from run_task(process, task, max_bytes)


def run_pipeline(items: Iterable[WorkItem], job: Job, max_bytes: int, workers: int | Executor) -> Iterator[Any]:
    """The job's batch results (for the pipeline, processed batches) in the order of `items`, cut the
    same way whatever runs them.

    `workers`: an executor, or a number of worker processes (1: this process). When `items` is a
    `Tally`, it hears how many inputs each batch's parts opened to.
    """
    executor = workers if not isinstance(workers, int) else Serial() if workers <= 1 else Pool(workers)
    tally = items if isinstance(items, Tally) else None
    here = job.answers_here if isinstance(job, AnswersHere) else None
    handed = _CountedTasks(tasks(items, BATCH_SIZE, here, HERE_TASK_SIZE))
    due, whole = 0, 0  # the batch number due next in the current task; tasks given back whole
    for done in executor.run(handed, job, max_bytes):
        if done.seq != due:
            raise ReconcileError(
                f"the engine gave back batch {done.seq} of a task where {due} was due; no dataset was written"
            )
        due, whole = (0, whole + 1) if done.last else (due + 1, whole)
        if tally is not None:
            tally.opened(done.unplanned)
        yield done.batch
    if whole != handed.count:
        raise ReconcileError(
            f"{handed.count} tasks were handed to the engine but {whole} came back whole; no dataset was written"
        )


class _CountedTasks:
    def __init__(self, tasks: Iterable[Task]) -> None:
        self._tasks, self.count = tasks, 0

    def __iter__(self) -> Iterator[Task]:
        for task in self._tasks:
            self.count += 1
            yield task


class _NoPandas:
    """An import hook that says pandas is not installed.

    pyarrow imports pandas (~45 MB and 0.2 s per process) the first time it converts a Python list,
    only to ask whether the list is a pandas object. Workers never use pandas, so they skip it.
    """

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> None:
        if name.partition(".")[0] == "pandas":
            raise ModuleNotFoundError(f"No module named {name!r} (not needed in a worker)", name=name)


@contextmanager
def pandas_unimported() -> Iterator[None]:
    """While the block runs, importing pandas fails as if it were not installed (as in the workers), unless
    it is imported already: for a build process, which never uses it either (~0.25 s of its start)."""
    if "pandas" in sys.modules:
        yield
        return
    sys.meta_path.insert(0, _NoPandas)  # type: ignore[arg-type]
    try:
        yield
    finally:
        sys.meta_path.remove(_NoPandas)  # type: ignore[arg-type]


def _init_worker(job: Job, max_bytes: int, lifeline: Connection, keep_open: int) -> None:
    global _worker, _spills
    exit_with_builder(lifeline)  # first: a worker must not outlive a build killed while it starts
    # Ctrl-C reaches the whole process group: only the parent handles it, and it stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.meta_path.insert(0, _NoPandas)  # type: ignore[arg-type]
    _worker = (job.start(), max_bytes)  # one pipeline (and language model) per process
    _spills = _Spills(keep_open)


class _Spills:
    """Spill files a worker keeps open for the build process to open through /proc (a file with no name
    is reached only through a descriptor).

    The build process reads a task's result whole before it hands out more than `keep_open` further
    tasks, so a spill made `keep_open` tasks ago in this worker has been read: it is closed then, and its
    space freed, whether or not this worker spills again.
    """

    def __init__(self, keep_open: int) -> None:
        self.keep_open, self.tasks = keep_open, 0
        self.open: deque[tuple[int, IO[bytes]]] = deque()

    def task_started(self) -> None:
        self.tasks += 1
        while self.open and self.open[0][0] <= self.tasks - self.keep_open:
            self.open.popleft()[1].close()

    def keep(self, spill: IO[bytes]) -> None:
        self.open.append((self.tasks, spill))


_spills = _Spills(1)
_SPILL_FDS = "/proc/self/fd"


def _run_task(task: Task) -> list[Done] | _Spilled:
    """The task's batches; past SPILL_AFTER of them (a whole tar), in a file with no name that the build
    process reads, so neither process holds a big archive's rows at once, and no kill leaves it behind."""
    assert _worker is not None
    process, max_bytes = _worker
    _spills.task_started()
    done: list[Done] = []
    spill: IO[bytes] | None = None
    for result in run_task(process, task, max_bytes):
        if spill is None and (len(done) < SPILL_AFTER or not os.path.isdir(_SPILL_FDS)):
            done.append(result)
            continue
        if spill is None:
            spill = tempfile.TemporaryFile()
            for earlier in done:
                pickle.dump(earlier, spill, pickle.HIGHEST_PROTOCOL)
            done = []
        pickle.dump(result, spill, pickle.HIGHEST_PROTOCOL)
    if spill is None:
        return done
    spill.flush()
    _spills.keep(spill)
    return _Spilled(os.getpid(), spill.fileno())


class _Spilled(NamedTuple):
    """A task's batches in a worker's file with no name: the build process opens it through /proc."""

    pid: int
    descriptor: int

    def batches(self) -> Iterator[Done]:
        try:
            spill = open(f"/proc/{self.pid}/fd/{self.descriptor}", "rb")  # its own offset, from 0
        except OSError as err:  # the worker is gone (killed) before its results were read
            raise WorkerError(f"a worker process ended before its results were read ({err})") from err
        with spill:
            while True:
                try:
                    yield pickle.load(spill)
                except EOFError:
                    return


def _done(result: list[Done] | _Spilled) -> Iterator[Done]:
    return iter(result) if isinstance(result, list) else result.batches()


class Pool:
    """Runs tasks in `workers` worker processes, a few tasks ahead, handing results back in task order."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def run(self, tasks: Iterable[Task], job: Job, max_bytes: int) -> Iterator[Done]:
        context = worker_context()
        lifeline = Lifeline(context)
        # ProcessPoolExecutor, unlike multiprocessing.Pool, fails (BrokenProcessPool) instead of hanging
        # when a worker dies or cannot start.
        pool = ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(job, max_bytes, lifeline.reader, self.workers * IN_FLIGHT_PER_WORKER),
        )
        finished = False
        here = HereAnswers(job)
        try:
            # In task order: a task answered here (answered when its turn comes), or a worker's future.
            pending: deque[Task | Future[list[Done] | _Spilled]] = deque()
            away, most = 0, self.workers * IN_FLIGHT_PER_WORKER
            for task in tasks:
                if here.answers(task):
                    here.queued(task)
                    pending.append(task)
                else:
                    pending.append(pool.submit(_run_task, task))  # raises too once the pool is broken
                    away += 1
                while away >= most or len(pending) >= most + HERE_AHEAD:
                    away -= not isinstance(pending[0], list)
                    yield from _next_done(pending.popleft(), here, pool)
            while pending:
                yield from _next_done(pending.popleft(), here, pool)
            finished = True
        except BrokenProcessPool as err:
            raise WorkerError(f"a worker process died ({err}); the previous dataset is untouched") from err
        finally:
            if not finished:  # Ctrl-C, an error, a stage that stopped reading: the workers end now, mid-task,
                lifeline.close()  # rather than after their running tasks (a whole tar each)
                _close_call_reader(pool)
                if not getattr(pool, "_broken", False):  # a worker ended mid-send must not leave the pool
                    _close_result_writer(pool)  # reading the rest of its result forever (see `_result`)
            pool.shutdown(wait=True, cancel_futures=True)
            lifeline.close()


def _next_done(
    next_up: Task | Future[list[Done] | _Spilled], here: HereAnswers, pool: ProcessPoolExecutor
) -> Iterator[Done]:
    return iter([here.answer(next_up)]) if isinstance(next_up, list) else _done(_result(next_up, pool))


LIVENESS_POLL = 1.0  # seconds between checks that every worker lives, while a result is awaited


def _result(future: Future[list[Done] | _Spilled], pool: ProcessPoolExecutor) -> list[Done] | _Spilled:
    """The task's result, or BrokenProcessPool when a worker died, never an endless wait.

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


def _close_call_reader(pool: ProcessPoolExecutor) -> None:
    """Close this process's read end of the pool's call queue, once the workers are told to end.

    The queue's feeder thread may be blocked writing a task into the pipe, full, that only the workers
    read; this process holds a read end too, so the write never fails, and `shutdown` waits for that
    thread forever (seen once: a Ctrl-C that hung). CPython closes it only on a pool it saw broken
    (gh-94777); with every read end closed, the write fails and the thread ends. On a broken pool it is
    left to CPython: its thread closing the same pipe at the same time would fail on a closed descriptor.
    """
    if getattr(pool, "_broken", False):  # set before the futures fail, so before this runs
        return
    reader = getattr(getattr(pool, "_call_queue", None), "_reader", None)
    if reader is not None:
        with suppress(OSError):
            reader.close()


def _close_result_writer(pool: ProcessPoolExecutor) -> None:
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        with suppress(OSError):
            writer.close()
