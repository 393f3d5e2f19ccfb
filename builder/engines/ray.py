"""The Ray engine (`--engine ray`): the per-input pipeline as Ray Data `map_batches` over the build's tasks.

A task (a few `Part`s: paths, zip slices, WARC records; see `builder.engines`) is pickled into one row of
a Ray dataset; an actor per CPU of the cluster starts the job once (its models load once) and runs each
task where it lands, opening the task's parts there: no input bytes leave the driver. Each task comes back
as its pickled `Done` results, in task order (`preserve_order`), so the driver's stages (dedup, split,
shard writing) see exactly the batches the local engine gives, and write the same bytes.

Ray is an optional extra (`pip install 'builder[ray]'`): nothing here imports it before a build asks.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from itertools import islice
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from builder.engines import Done, Job, Task
from builder.engines.local import run_task
from builder.errors import EngineConnectError, EngineMissingError, WorkerError

if TYPE_CHECKING:
    import pyarrow as pa
    from ray.data import DataContext

INSTALL = "pip install 'builder[ray]'"
CONNECT_TIMEOUT = 5.0  # seconds to reach a cluster's address before the build gives up, rather than hang
JOIN_TIMEOUT = 20.0  # seconds for a reachable Ray client server (ray://) to let the build join
WINDOW_TASKS = 16_384  # tasks per Ray dataset: bounds the driver's memory of pickled tasks on huge inputs
TASK, DONE = "task", "done"  # the columns: a pickled task in, its pickled results out
_RAY_CLIENT_PORT, _GCS_PORT = 10001, 6379


def require_ray() -> None:
    """Raise EngineMissingError, naming the install command, when the `ray` extra is not installed."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as err:
        raise EngineMissingError(f"--engine ray needs Ray, which is not installed ({err.msg})", INSTALL) from err


class TaskRunner:
    """What each Ray actor holds: the started job, run over one pickled task per row of each batch."""

    def __init__(self, job: Job, max_bytes: int) -> None:
        self.process, self.max_bytes = job.start(), max_bytes  # once per actor: models load once

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        results = [self._run(pickle.loads(task)) for task in batch.column(TASK).to_pylist()]
        return pa.table({DONE: pa.array(results, pa.large_binary())})

    def _run(self, task: Task) -> bytes:
        """The task's results, pickled; or the exception it raised, to raise in the driver as it is (Ray Data
        would wrap it, and lose it on the way, as the local pool does not)."""
        try:
            return pickle.dumps(list(run_task(self.process, task, self.max_bytes)), pickle.HIGHEST_PROTOCOL)
        except Exception as err:
            try:
                return pickle.dumps(_Raised(err), pickle.HIGHEST_PROTOCOL)
            except Exception:  # an exception that does not pickle: its type and message
                return pickle.dumps(_Raised(WorkerError(f"{type(err).__name__}: {err}")), pickle.HIGHEST_PROTOCOL)


class _Raised(NamedTuple):
    error: Exception


class RayExecutor:
    """Runs tasks on Ray, `actors` at once (default: every CPU of the cluster), giving results in task order."""

    def __init__(self, actors: int | None = None) -> None:
        self.actors = actors

    def run(self, tasks: Iterable[Task], job: Job, max_bytes: int) -> Iterator[Done]:
        iterator = iter(tasks)
        while window := list(islice(iterator, WINDOW_TASKS)):
            yield from self._run_window(window, job, max_bytes)

    def _run_window(self, window: list[Task], job: Job, max_bytes: int) -> Iterator[Done]:
        import ray.data

        rows = [{TASK: pickle.dumps(task, pickle.HIGHEST_PROTOCOL)} for task in window]
        actors = min(self.actors or _cluster_cpus(), len(rows))
        tasks = ray.data.from_items(rows, override_num_blocks=len(rows))
        _configure(tasks.context)
        dataset = tasks.map_batches(
            TaskRunner,
            fn_constructor_args=(job, max_bytes),
            batch_size=1,  # one task per call: a task is already BATCH_SIZE inputs or a whole archive
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=1,
        )
        # The generator itself, so that closing it (below) shuts the dataset's execution down.
        batches = iter(dataset.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=2))
        try:
            for batch in _unwrapped(batches):
                for results in batch.column(DONE).to_pylist():
                    done = pickle.loads(results)
                    if isinstance(done, _Raised):
                        raise done.error
                    yield from done
        finally:
            close = getattr(batches, "close", None)
            if close is not None:  # Ctrl-C or an error: the dataset's actors stop now, not when collected
                with suppress(Exception):
                    close()


def _configure(context: DataContext) -> None:
    """A dataset's settings (its own copy of Ray Data's context): results in task order, and no output of its own."""
    context.execution_options.preserve_order = True  # the output bytes depend on it
    context.enable_progress_bars = False  # the build shows its own bar, or none with --quiet
    context.print_on_execution_start = False
    for name in ("ray", "ray.data"):  # Ray's info and warnings are not the user's business; errors still raise
        logging.getLogger(name).setLevel(logging.ERROR)


def _unwrapped(batches: Iterator[pa.Table]) -> Iterator[pa.Table]:
    """The batches; Ray's failure to run a task (a worker that died past its retries) is the local pool's error."""
    from ray.exceptions import RayError

    try:
        yield from batches
    except RayError as err:
        raise WorkerError(f"Ray could not run a task ({type(err).__name__}: {err})") from err


def _cluster_cpus() -> int:
    import ray

    return max(1, int(ray.cluster_resources().get("CPU", 1)))


@contextmanager
def ray_session(address: str | None, workers: int) -> Iterator[RayExecutor]:
    """A RayExecutor on a running Ray: the cluster at `address` (or RAY_ADDRESS), else a local Ray of `workers`
    CPUs started here and stopped on leaving. A Ray this process already runs is used as it is."""
    require_ray()
    import ray

    address = address or os.environ.get("RAY_ADDRESS") or None
    started = False
    if not ray.is_initialized():
        if address:
            _check_reachable(address)
        _init(address, workers)
        started = True
    try:
        yield RayExecutor()
    finally:
        if started:
            ray.shutdown()


def _init(address: str | None, workers: int) -> None:
    """Start or join Ray with its chatter off: the build's own messages and bar are what the user reads."""

    quiet: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
    try:
        with _silenced_stderr(), _environment(RAY_BACKEND_LOG_LEVEL="fatal"):
            _start_or_join(address, workers, quiet)
    except (ConnectionError, TimeoutError, RuntimeError, ValueError) as err:
        raise EngineConnectError(f"could not start or join Ray at {address or 'a local instance'}: {err}") from err


def _start_or_join(address: str | None, workers: int, quiet: dict[str, Any]) -> None:
    import ray

    if address:
        with _deadline(JOIN_TIMEOUT if address.startswith("ray://") else None, address):
            ray.init(address=address, **quiet)
    else:
        # A Ray of our own: its session files under the system's temp folder, never the user's tree.
        temp = os.path.join(tempfile.gettempdir(), "ray")
        ray.init(num_cpus=workers, include_dashboard=False, _temp_dir=temp, **quiet)


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    """The variables set while the block runs (unless the user set them), then as they were."""
    saved = {name: os.environ.get(name) for name in values}
    for name, value in values.items():
        os.environ.setdefault(name, value)
    try:
        yield
    finally:
        for name, was in saved.items():
            if was is None:
                os.environ.pop(name, None)


@contextmanager
def _silenced_stderr() -> Iterator[None]:
    """Standard error (the descriptor: Ray's C++ core writes there) to nowhere while the block runs.

    Ray's core logs warnings to stderr that a build cannot act on (one per dataset, about its actors'
    arguments); RAY_BACKEND_LOG_LEVEL=fatal stops them, but is announced on stderr as Ray starts: here.
    A failure to start still raises, with its message.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    nowhere = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(nowhere, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(nowhere)


class _JoinTimedOut(Exception):
    pass


@contextmanager
def _deadline(seconds: float | None, address: str) -> Iterator[None]:
    """EngineConnectError after `seconds` in the block: a Ray client whose server never answers otherwise waits
    30 s or more per retry. Only the main thread gets signals; elsewhere (and with None) Ray's own timeouts apply."""
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _JoinTimedOut

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _JoinTimedOut:
        raise EngineConnectError(f"the Ray cluster at {address} did not answer within {seconds:.0f} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _check_reachable(address: str, timeout: float = CONNECT_TIMEOUT) -> None:
    """Fail within `timeout` when nothing listens at the address (Ray itself retries for a minute or more)."""
    if address == "auto":
        return  # a Ray started on this machine, found through its session files
    host, port = _host_port(address)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as err:
        raise EngineConnectError(f"cannot reach the Ray cluster at {address} within {timeout:.0f} s ({err})") from err


def _host_port(address: str) -> tuple[str, int]:
    client = address.startswith("ray://")
    parts = urlsplit(address if "://" in address else f"//{address}")
    if not parts.hostname:
        raise EngineConnectError(f"--ray-address {address!r} names no host; give ray://HOST:PORT or HOST:PORT")
    try:
        port = parts.port
    except ValueError as err:
        raise EngineConnectError(f"--ray-address {address!r} has a bad port") from err
    return parts.hostname, port or (_RAY_CLIENT_PORT if client else _GCS_PORT)
