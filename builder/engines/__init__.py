"""Engines: run the per-input pipeline over the work, in input order.

The work is a stream of tasks, each a few parts (`builder.inputs.containers`: a file, a zip's slice of
members, a whole tar) or records already read. An `Executor` opens each task's parts where it runs
them, runs the pipeline over their records a batch at a time, and hands the batches back in the order
of the tasks. `builder.engines.local` has the two built in: in this process, and a pool of worker
processes. An engine knows nothing of input formats or sites: a part opens itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple, Protocol, runtime_checkable

from builder.inputs.containers import Part
from builder.record import Record

WorkItem = Part | Record  # a part to open (a file, a zip's slice of members...), or a record already read
Task = list[WorkItem]  # work items whose records go through the pipeline together


class Job(Protocol):
    """What an engine runs over the records of its tasks: the build's pipeline, or a survey of the inputs.

    A job travels to every worker by value; `start` runs once in each, and gives the function that
    turns a batch of records into the batch's result (opaque to the engine).
    """

    def start(self) -> Callable[[list[Record]], Any]: ...


def planned_inputs(item: WorkItem) -> int | None:
    """How many inputs a work item opens to, when the plan knows (a record read already is one); None
    when only opening it tells (a tar)."""
    return 1 if isinstance(item, Record) else item.records


def planned_weight(item: WorkItem) -> int:
    """How many of a task's places each record of a work item takes: 1, or a part's `weight` when its
    records cost far more to read than a text dump (an HTML page), so that tasks of them stay short and
    the workers end together."""
    return getattr(item, "weight", 1)


class Done(NamedTuple):
    """A batch's result (opaque here: for the pipeline, a ProcessedBatch) and where it stands in its task.

    `unplanned`: how many of its inputs came from parts whose count only opening them told (a tar's
    members); the build counts the others itself, as it hands them out. `seq` numbers a task's batches
    from 0 and `last` marks its final one, so a batch an engine loses is noticed, count and all.
    """

    batch: Any
    unplanned: int
    seq: int = 0
    last: bool = True


class Executor(Protocol):
    def run(self, tasks: Iterable[Task], job: Job, max_bytes: int) -> Iterator[Done]:
        """The job's result for every batch of every task, in the order of `tasks`; a task's records are
        cut into batches of `builder.batch.BATCH_SIZE` where they are opened, whatever runs them."""


@runtime_checkable
class AnswersHere(Protocol):
    """A job that answers some work items in the build process, for less than a worker's round trip
    costs (the build cache: an unchanged file's outcome is read, not computed, and handing it back
    through a pipe costs more than reading it). Tasks never mix such items with others; an engine
    with workers may run them here, any engine may also send them to its workers."""

    def answers_here(self, item: WorkItem) -> bool: ...

    def start_here(self) -> Callable[[Task], Any]:
        """Once, in the build process: the function that gives a task of such items its one batch's result."""
        ...


@runtime_checkable
class ReadsAhead(Protocol):
    """An answer function (`AnswersHere.start_here`) that can start on a task before its turn: an engine that
    queues such tasks tells it of each as it queues it (the build cache decodes their entries meanwhile)."""

    def ahead(self, task: Task) -> None: ...


@runtime_checkable
class Tally(Protocol):
    """Work that wants to hear how many inputs of unplanned count were opened, as each batch comes back."""

    def opened(self, count: int) -> None: ...
