"""Tasks a job answers in the build process (`builder.engines.AnswersHere`), for the local engines."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from builder.engines import AnswersHere, Done, Job, Task


class HereAnswers:
    """The tasks a job answers in the build process (`AnswersHere`), by the function the job starts here
    the first time one comes. In a pool, they are answered ahead on a thread of their own: reading a
    cache segment frees the GIL while it decompresses, so the build's busiest thread goes on meanwhile."""

    def __init__(self, job: Job) -> None:
        self.job = job if isinstance(job, AnswersHere) else None
        self._answer: Callable[[Task], Any] | None = None
        self._thread: ThreadPoolExecutor | None = None

    def answers(self, task: Task) -> bool:
        return self.job is not None and bool(task) and self.job.answers_here(task[0])

    def answer(self, task: Task) -> Done:
        assert self.job is not None
        if self._answer is None:
            self._answer = self.job.start_here()
        return Done(self._answer(task), 0)  # a task it answers is no more than one batch, of known inputs

    def submit(self, task: Task) -> Future[Done]:
        """The task's answer, made on the thread in task order (one thread: the job's state is not shared)."""
        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, "answers-here")
        return self._thread.submit(self.answer, task)

    def close(self) -> None:
        if self._thread is not None:  # a stopped build waits for the one answer being made, no more
            self._thread.shutdown(wait=True, cancel_futures=True)
