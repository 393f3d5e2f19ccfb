"""Tasks a job answers in the build process (`builder.engines.AnswersHere`), for the local engines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from builder.engines import AnswersHere, Done, Job, ReadsAhead, Task


class HereAnswers:
    """The tasks a job answers in the build process (`AnswersHere`), each when its turn comes, by the function
    the job starts here the first time one comes. (Answering them ahead on a thread of their own was
    measured: no faster, since the GIL serialises the Python work, and a CPU second more.) A function that
    can start on a task before its turn (`ReadsAhead`) hears of each as the pool queues it: the build cache
    decodes the task's segment parts meanwhile, which needs no GIL."""

    def __init__(self, job: Job) -> None:
        self.job = job if isinstance(job, AnswersHere) else None
        self._answer: Callable[[Task], Any] | None = None

    def answers(self, task: Task) -> bool:
        return self.job is not None and bool(task) and self.job.answers_here(task[0])

    def queued(self, task: Task) -> None:
        """A task queued to be answered here later: the answer function may start on it (`ReadsAhead`)."""
        answer = self._started()
        if isinstance(answer, ReadsAhead):
            answer.ahead(task)

    def answer(self, task: Task) -> Done:
        return Done(self._started()(task), 0)  # a task it answers is no more than one batch, of known inputs

    def _started(self) -> Callable[[Task], Any]:
        assert self.job is not None
        if self._answer is None:
            self._answer = self.job.start_here()
        return self._answer
