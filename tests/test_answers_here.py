"""Work a job answers in the build process (`AnswersHere`): never mixed with other work in a task, answered
here in its turn, the rest in the workers, and the results in input order whatever the engine."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

from builder.engines import AnswersHere, ReadsAhead, Task, WorkItem
from builder.engines.local import BATCH_SIZE, run_pipeline, tasks
from builder.record import Record


class HereOrAway:
    """A job whose batches say where they ran: items named `here-…` are answered in the build process."""

    def start(self) -> Callable[[list[Record]], Any]:
        return lambda records: ("away", os.getpid(), [record.source_file for record in records])

    def answers_here(self, item: WorkItem) -> bool:
        return isinstance(item, Record) and item.source_file.startswith("here")

    def start_here(self) -> Callable[[Task], Any]:
        return lambda task: ("here", os.getpid(), [item.source_file for item in task])  # type: ignore[union-attr]


def items() -> list[Record]:
    """Long runs of work answered here, a few items in between that are not."""
    names = [f"here-{i:04d}" for i in range(2 * BATCH_SIZE + 10)]
    for at in (3, BATCH_SIZE + 7, BATCH_SIZE + 8):
        names[at] = f"away-{at:04d}"
    return [Record(name) for name in names]


def test_the_job_is_one_an_engine_can_ask() -> None:
    assert isinstance(HereOrAway(), AnswersHere)


def test_tasks_are_cut_where_the_answer_changes() -> None:
    job = HereOrAway()
    cut = list(tasks(items(), BATCH_SIZE, job.answers_here))
    assert all(len({job.answers_here(item) for item in task}) == 1 for task in cut)
    assert [item for task in cut for item in task] == items()
    assert max(len(task) for task in cut) <= BATCH_SIZE


def test_tasks_answered_here_hold_their_own_number_of_places() -> None:
    job = HereOrAway()
    cut = list(tasks(items(), BATCH_SIZE, job.answers_here, here_size=4 * BATCH_SIZE))
    assert [item for task in cut for item in task] == items()
    sizes = {here: [len(task) for task in cut if job.answers_here(task[0]) == here] for here in (True, False)}
    assert max(sizes[True]) == BATCH_SIZE + 3 and sizes[False] == [1, 2]  # the longest run here is one task


@pytest.mark.parametrize("workers", [1, 2])
def test_work_answered_here_runs_here_and_the_order_is_kept(workers: int) -> None:
    results = list(run_pipeline(items(), HereOrAway(), max_bytes=1 << 20, workers=workers))
    assert [name for _, _, names in results for name in names] == [item.source_file for item in items()]
    for where, pid, names in results:
        assert {name.partition("-")[0] for name in names} == {where}
        if where == "here" or workers == 1:
            assert pid == os.getpid()
        else:
            assert pid != os.getpid()  # a worker's


class Failing(HereOrAway):
    def start_here(self) -> Callable[[Task], Any]:
        def answer(task: Task) -> Any:
            raise ValueError("the cache could not be read")

        return answer


def test_an_error_answering_here_reaches_the_caller_with_its_type() -> None:
    with pytest.raises(ValueError, match="could not be read"):
        list(run_pipeline(items(), Failing(), max_bytes=1 << 20, workers=2))


class Announced(HereOrAway):
    """Its answer function hears of each task queued for it before its turn (`ReadsAhead`)."""

    def __init__(self) -> None:
        self.heard: list[tuple[str, str]] = []

    def start_here(self) -> Callable[[Task], Any]:
        heard, answer = self.heard, super().start_here()

        class Answer:
            def ahead(self, task: Task) -> None:
                heard.append(("ahead", task[0].source_file))  # type: ignore[union-attr]

            def __call__(self, task: Task) -> Any:
                heard.append(("answer", task[0].source_file))  # type: ignore[union-attr]
                return answer(task)

        assert isinstance(Answer(), ReadsAhead)
        return Answer()


def test_a_pool_announces_each_task_it_queues_to_answer_here_before_its_turn() -> None:
    job = Announced()
    results = list(run_pipeline(items(), job, max_bytes=1 << 20, workers=2))
    assert [name for _, _, names in results for name in names] == [item.source_file for item in items()]
    announced = [name for kind, name in job.heard if kind == "ahead"]
    answered = [name for kind, name in job.heard if kind == "answer"]
    assert announced == answered and len(answered) > 2
    assert all(job.heard.index(("ahead", name)) < job.heard.index(("answer", name)) for name in answered)
