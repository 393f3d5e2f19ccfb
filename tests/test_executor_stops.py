"""A build that stops (Ctrl-C, a failing stage) ends its workers at once, whatever they are doing: running a
long task, waiting for a full pipe, or sending a big result."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any, NamedTuple

from builder.engines.local import run_pipeline
from builder.record import Record
from tests.test_executor import OPTIONS


class _Part(NamedTuple):
    """A part of unplanned count (a tar, as far as the pool can tell) of `count` records, each taking `delay`
    seconds to open; `payload` makes its description as big as wanted."""

    name: str
    count: int = 1
    delay: float = 0.0
    payload: bytes = b""

    @property
    def records(self) -> None:
        return None

    def open(self, max_bytes: int) -> Iterator[Record]:
        for number in range(self.count):
            time.sleep(self.delay)
            yield Record(source_file=f"{self.name}/{number:04d}.txt" if self.count > 1 else self.name, data=b"")


def _slow_part(name: str) -> _Part:
    """A part that takes 20 s to open: 400 records of 50 ms."""
    return _Part(name, 400, 0.05)


def test_a_build_that_stops_does_not_wait_for_the_running_tasks() -> None:
    """Ctrl-C or a failing parent stage: the workers end at once, not after their tasks (20 s each here)."""
    items = [Record(source_file="a.txt", data=b""), _slow_part("slow-1"), _slow_part("slow-2")]
    batches = run_pipeline(items, OPTIONS, 1 << 20, workers=2)
    next(batches)  # the first task's batch; both workers are now in a slow task
    started = time.monotonic()
    batches.close()  # what an exception in a parent stage, or Ctrl-C, does to the stream
    assert time.monotonic() - started < 10


def test_a_build_that_stops_while_big_tasks_wait_for_busy_workers_does_not_hang() -> None:
    """Both workers busy, big tasks queued for them: the pool's feeder thread is blocked writing into a full
    pipe when the stream stops; closing must not wait for a write no one will read."""
    items: list[Any] = [Record(source_file="a.txt", data=b""), _slow_part("slow-1"), _slow_part("slow-2")]
    items += [_Part(f"big-{number}", payload=b"x" * 300_000) for number in range(6)]  # 300 KB pickled each
    batches = run_pipeline(items, OPTIONS, 1 << 20, workers=2)
    next(batches)
    time.sleep(1)  # the queued tasks reach the feeder thread, which blocks on the full pipe
    started = time.monotonic()
    batches.close()
    assert time.monotonic() - started < 10


class _HugeResults(NamedTuple):
    """A job whose result for a record named huge-* is `size` bytes: sending it takes a while."""

    size: int

    def start(self) -> Any:
        return lambda records: b"x" * self.size if records and records[0].source_file.startswith("huge") else b""


def test_a_build_that_stops_while_workers_send_big_results_does_not_hang() -> None:
    """Workers told to end while they write a result leave half a message in the result pipe: the pool must
    not read on for the rest forever (seen once: a SIGTERM that never ended the build)."""
    items = [_Part("a.txt"), *(_Part(f"huge-{number}.txt") for number in range(4))]  # a task each
    batches = run_pipeline(items, _HugeResults(300_000_000), 1 << 20, workers=2)
    next(batches)
    time.sleep(0.5)  # the workers are writing their 300 MB results into the pipe
    closing = threading.Thread(target=batches.close, daemon=True)  # a hang fails the test, not the run
    closing.start()
    closing.join(timeout=20)
    assert not closing.is_alive()
