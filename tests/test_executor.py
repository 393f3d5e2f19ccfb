"""The worker pool: input order is kept, and a dying worker is an error, never a hang."""

from __future__ import annotations

import contextlib
import gzip
import os
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from builder.engines import Done, Job, Task
from builder.engines.local import BATCH_SIZE, run_pipeline, run_task
from builder.errors import WorkerError
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from tests.conftest import DATA, NOW_ISO, files_of, run_build
from tests.test_atomic import many_dumps

if TYPE_CHECKING:
    import psutil

OPTIONS = PipelineOptions(now=datetime(2026, 11, 22, tzinfo=UTC))


def records(count: int) -> list[Record]:
    texts = [p.read_bytes() for p in sorted(DATA.glob("*.txt"))]
    return [Record(source_file=f"{i:04d}.txt", data=texts[i % 2]) for i in range(count)]


def test_order_is_kept_with_two_workers() -> None:
    count = 3 * BATCH_SIZE + 5  # several batches, so order across workers is really tested
    batches = list(run_pipeline(records(count), OPTIONS, max_bytes=1 << 20, workers=2))
    assert len(batches) == 4
    done = [name for batch in batches for name in batch.column("source_file").to_pylist()]
    assert done == [f"{i:04d}.txt" for i in range(count)]
    assert all(batch.column("reject_reason").null_count == len(batch) for batch in batches)
    titles = [title for batch in batches for title in batch.column("title").to_pylist()]
    assert len(titles) == count and len(set(titles)) == 2  # each valid record's row, in the same order


class _WorkersParent:
    """A job whose result is the process its worker was forked from."""

    def start(self) -> Any:
        return lambda records: os.getppid()


def test_a_forkserver_started_before_the_pool_forks_its_workers() -> None:
    """What the command line does first: the pool's workers then come from that forkserver, not a new one."""
    from multiprocessing import forkserver

    from builder.engines.processes import start_forkserver

    start_forkserver()
    server = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    assert server is not None and server != os.getpid()
    items = [Record(source_file="a.txt", data=b""), Record(source_file="b.txt", data=b"")]
    assert set(run_pipeline(items, _WorkersParent(), 1 << 20, workers=2)) == {server}


@pytest.mark.parametrize("noticed", ["waiting for a result", "submitting the next batch"])
def test_a_dying_worker_is_an_error_not_a_hang(noticed: str) -> None:
    """A worker killed outright (as the out-of-memory killer would) fails the build; it never hangs."""
    import psutil

    results = run_pipeline(records(3000), OPTIONS, max_bytes=1 << 20, workers=2)
    next(results)
    workers = []
    for child in psutil.Process().children():  # the workers are forked by the forkserver, a child of this process
        with contextlib.suppress(psutil.NoSuchProcess):  # a process of an earlier test may end meanwhile
            workers += child.children()
    assert workers
    for worker in workers:
        with contextlib.suppress(psutil.NoSuchProcess):
            worker.kill()
    if noticed == "submitting the next batch":
        psutil.wait_procs(workers)
        time.sleep(1)  # the pool marks itself broken before the build asks it for more
    with pytest.raises(WorkerError, match="worker process died"):
        list(results)


def test_a_batch_step_by_step_gives_what_records_one_by_one_give() -> None:
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
        "from builder.engines.local import _NoPandas\n"
        "sys.meta_path.insert(0, _NoPandas)\n"
        "import pyarrow as pa\n"
        "rows = pa.RecordBatch.from_pylist([{'t': datetime.datetime(2021, 7, 21, tzinfo=datetime.UTC), 'x': ['a']}])\n"
        "assert rows.num_rows == 1 and 'pandas' not in sys.modules\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_killed_build_leaves_no_process_and_no_temporary_file(tmp_path: Path) -> None:
    """`kill -9` of the build: its workers, the forkserver and the resource tracker follow it within seconds,
    and the forkserver's socket folder (`pymp-*`) does not stay behind in TMPDIR."""
    import psutil

    dumps = many_dumps(tmp_path / "in", 4000)
    temp = tmp_path / "tmp"
    temp.mkdir()
    command = [sys.executable, "-m", "builder.cli.main", "build", str(dumps), "--out", str(tmp_path / "out")]
    command += ["--report", str(tmp_path / "report"), "--now", NOW_ISO, "--workers", "2", "-q"]
    build = subprocess.Popen(command, env={**os.environ, "TMPDIR": str(temp)}, stderr=subprocess.DEVNULL)
    descendants: list[psutil.Process] = []
    try:
        descendants = _wait_for_workers(psutil.Process(build.pid), workers=2)
        assert build.poll() is None, "the build ended before it could be killed"
        build.kill()
        build.wait()
        deadline = time.monotonic() + 5
        while (alive := [p for p in descendants if _running(p)]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert alive == [], [" ".join(p.cmdline())[:100] for p in alive]
        assert list(temp.rglob("*")) == []
    finally:
        _end(descendants)


def _wait_for_workers(build: psutil.Process, workers: int) -> list[psutil.Process]:
    """Every descendant of `build`, once the forkserver has started `workers` workers."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        descendants = build.children(recursive=True)
        if sum(len(p.children()) for p in build.children()) >= workers:
            return descendants
        time.sleep(0.05)
    raise AssertionError("the workers did not start")


def _end(processes: list[psutil.Process]) -> None:
    """After a failed run: kill what is left but the resource tracker, which then exits by itself once the
    others are gone, removing its semaphores from /dev/shm (killed, it would leave them there)."""
    import psutil

    for process in processes:
        with suppress(psutil.NoSuchProcess):
            if "resource_tracker" not in " ".join(process.cmdline()):
                process.kill()


def _running(process: psutil.Process) -> bool:
    """Not ended; a zombie has ended (it only waits for its reaper, which is not the killed build)."""
    import psutil

    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


# -- the executor seam ----------------------------------------------------------------------------


class Backwards:
    """Test-only executor: runs the tasks last to first in this process, and hands their batches back in task order."""

    def run(self, tasks: Iterable[Task], job: Job, max_bytes: int) -> Iterator[Done]:
        process = job.start()
        done = [list(run_task(process, task, max_bytes)) for task in reversed(list(tasks))]
        for batches in reversed(done):
            yield from batches


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Loose dumps, exact copies and edited copies (duplicates across and within batches), a zip, a tar.gz, a .gz."""
    from tests.test_archives import MEMBERS, make_tar, make_zip

    folder = many_dumps(tmp_path_factory.mktemp("mixed") / "in", 700)
    copies = folder / "copies"
    copies.mkdir()
    for number in range(0, 700, 23):
        text = (folder / f"{number // 500:03d}" / f"{number:05d}.txt").read_text(encoding="utf-8")
        (copies / f"{number:05d}.txt").write_text(text, encoding="utf-8")
        (copies / f"{number:05d}-edited.txt").write_text(text.replace("the", "a", 3), encoding="utf-8")
    # Few empty members: `--keep latest` fails on a batch with no valid row (builder.dedup.keep, apart from this).
    make_zip(folder / "m.zip", {**MEMBERS, **{f"z/{n:03d}.txt": b"" for n in range(3)}})
    make_tar(folder / "m.tar.gz", MEMBERS)
    (folder / "page.txt.gz").write_bytes(gzip.compress(MEMBERS["a.txt"], mtime=0))
    return folder


def build_files(inputs: Path, tmp: Path, **options: object) -> dict[str, bytes]:
    _result, out, report = run_build([inputs], tmp, test_size=0.3, **options)
    return {**files_of(out), **{f"report/{name}": data for name, data in files_of(report).items()}}


def test_another_executor_gives_the_same_bytes(mixed_inputs: Path, tmp_path: Path) -> None:
    pool = build_files(mixed_inputs, tmp_path / "pool", workers=2)
    assert build_files(mixed_inputs, tmp_path / "backwards", executor=Backwards()) == pool
    assert build_files(mixed_inputs, tmp_path / "serial", workers=1) == pool
    rejects = pool["report/rejects.jsonl"].decode()
    assert '"duplicate"' in rejects and "near-duplicate" in rejects and "m.zip/z/000.txt" in rejects


@pytest.mark.parametrize("keep", ["first", "latest"])
def test_where_batches_are_cut_does_not_show_in_the_output(
    mixed_inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep: str
) -> None:
    """Tars are cut into batches where they end: the bytes written must not depend on the cut."""
    usual = build_files(mixed_inputs, tmp_path / "usual", keep=keep)
    monkeypatch.setattr("builder.engines.local.BATCH_SIZE", 7)
    assert build_files(mixed_inputs, tmp_path / "small", keep=keep) == usual


def _outcomes(batches: list[Done]) -> list[object]:
    return [(done.unplanned, done.batch.to_pylist()) for done in batches]


def test_a_task_of_many_batches_comes_back_through_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole tar is one task: past SPILL_AFTER batches its results go through an anonymous file."""
    from builder.engines import local
    from builder.inputs.containers import plan_inputs
    from builder.inputs.files import InputFile
    from tests.test_archives import make_tar

    dumps = many_dumps(tmp_path / "dumps", 30)
    path = make_tar(tmp_path / "d.tar.gz", {p.name: p.read_bytes() for p in sorted(dumps.rglob("*.txt"))})
    monkeypatch.setattr(local, "BATCH_SIZE", 4)
    monkeypatch.setattr(local, "SPILL_AFTER", 2)
    monkeypatch.setattr(local, "_worker", (OPTIONS.start(), 1 << 20))
    monkeypatch.setattr(local, "_spills", local._Spills(1))
    task = list(plan_inputs([InputFile(path.name, str(path))], 1 << 20))
    spilled = local._run_task(task)
    assert isinstance(spilled, local._Spilled)
    from_file = list(local._done(spilled))
    assert len(from_file) == 8 and sum(done.unplanned for done in from_file) == 30
    assert [(done.seq, done.last) for done in from_file] == [(seq, seq == 7) for seq in range(8)]
    assert _outcomes(from_file) == _outcomes(list(run_task(OPTIONS.start(), task, 1 << 20)))
    ((_, kept),) = local._spills.open  # held open in the worker for the build process to read
    local._spills.task_started()  # the next task: the result has been read, its file is closed
    assert kept.closed and not local._spills.open


def test_a_big_tar_gives_the_same_bytes_with_workers(tmp_path: Path) -> None:
    """Over SPILL_AFTER batches in one tar, through worker processes and in this one."""
    from tests.test_archives import make_tar

    members = {f"e/{n:05d}.txt": b"" for n in range(9 * BATCH_SIZE)}
    members |= {p.name: p.read_bytes() for p in sorted(DATA.glob("*.txt"))}
    make_tar(tmp_path / "in" / "big.tar.gz", members)
    pool = build_files(tmp_path / "in", tmp_path / "pool", workers=2)
    assert build_files(tmp_path / "in", tmp_path / "serial", workers=1) == pool
    assert b'"inputs": %d' % len(members) in pool["report/summary.json"]


def test_a_build_killed_while_tars_spill_leaves_no_temporary_file(tmp_path: Path) -> None:
    """Whole tars come back through files with no name: `kill -9` of the build leaves nothing in TMPDIR."""
    import psutil

    from tests.test_archives import make_tar
    from tests.test_hostile_inputs import varied_dump

    # 12 batches a tar, past SPILL_AFTER; varied texts: copies of one article would be a compression bomb
    members = {f"{n:05d}.txt": varied_dump(n) for n in range(3000)}
    for name in ("a", "b", "c"):
        make_tar(tmp_path / "in" / f"{name}.tar.gz", members)
    temp = tmp_path / "tmp"
    temp.mkdir()
    command = [sys.executable, "-m", "builder.cli.main", "build", str(tmp_path / "in"), "--out", str(tmp_path / "out")]
    command += ["--report", str(tmp_path / "report"), "--now", NOW_ISO, "--workers", "2", "-q", "--no-dedup"]
    build = subprocess.Popen(command, env={**os.environ, "TMPDIR": str(temp)}, stderr=subprocess.DEVNULL)
    descendants: list[psutil.Process] = []
    try:
        descendants = _wait_for_workers(psutil.Process(build.pid), workers=2)
        deadline = time.monotonic() + 120
        while not any(tmp_path.glob(".out.building-*/data/.train-*")) and time.monotonic() < deadline:
            assert build.poll() is None, "the build ended before it could be killed"
            time.sleep(0.02)
        # Now: a worker started on demand may have been missing from the first list.
        descendants = psutil.Process(build.pid).children(recursive=True)
        assert any(_held_in(p.pid, temp) for p in descendants), "no worker held a spill file"
        build.kill()
        build.wait()
        deadline = time.monotonic() + 5
        while (alive := [p for p in descendants if _running(p)]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert alive == []
        assert list(temp.rglob("*")) == []
    finally:
        _end(descendants)


def _held_in(pid: int, folder: Path) -> bool:
    """Whether the process holds a file open in `folder` (one with no name too: psutil lists only named ones)."""
    with suppress(OSError):
        for fd in os.listdir(f"/proc/{pid}/fd"):
            with suppress(OSError):
                if os.readlink(f"/proc/{pid}/fd/{fd}").startswith(f"{folder}/"):
                    return True
    return False
