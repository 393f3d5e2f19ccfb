"""Whole-process measurements: wall time, CPU time and peak RSS of a command's process tree; machine facts."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import psutil

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV_BIN = Path(sys.executable).parent
BUILDER = VENV_BIN / "builder"
NOW = "2026-11-22T00:00:00Z"
POLL_SECONDS = 0.05


def _role(proc: psutil.Process, main: psutil.Process) -> str:
    if proc.pid == main.pid:
        return "main"
    command = " ".join(proc.cmdline())
    if "resource_tracker" in command:
        return "resource_tracker"
    if "forkserver" in command:
        return "worker" if proc.ppid() != main.pid else "forkserver"  # workers are forked by the server
    return "other"


class TreeSampler:
    """Polls RSS of a process and all its descendants every POLL_SECONDS; keeps the peak of the sum."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak_tree = 0
        self.peak_main = 0
        self.max_procs = 0
        self.cpu: dict[int, float] = {}  # last user+system seconds seen per pid of the tree
        self.roles: dict[int, str] = {}  # pid -> main / forkserver / worker / resource_tracker
        self.peak_rss_by_role: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        try:
            main = self.process.memory_info().rss
            children = self.process.children(recursive=True)
        except psutil.Error:
            return
        total = main
        by_role: dict[str, int] = {}
        for proc in (self.process, *children):
            with contextlib.suppress(psutil.Error):  # exited between the listing and the read
                rss = main if proc is self.process else proc.memory_info().rss
                if proc is not self.process:
                    total += rss
                times = proc.cpu_times()
                self.cpu[proc.pid] = times.user + times.system
                role = self.roles.get(proc.pid) or self.roles.setdefault(proc.pid, _role(proc, self.process))
                by_role[role] = by_role.get(role, 0) + rss
        for role, rss in by_role.items():
            self.peak_rss_by_role[role] = max(self.peak_rss_by_role.get(role, 0), rss)
        self.peak_main = max(self.peak_main, main)
        self.peak_tree = max(self.peak_tree, total)
        self.max_procs = max(self.max_procs, 1 + len(children))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(POLL_SECONDS)


@dataclass
class RunResult:
    command: list[str]
    seconds: float
    cpu_seconds: float  # user + system of the whole tree, as last polled per process (may miss < 50 ms each)
    other_cpu_seconds: float  # machine busy time outside the tree (this harness included): noise if large
    cpu_seconds_reaped: float  # the same from getrusage(RUSAGE_CHILDREN): only descendants that were waited for
    peak_rss_tree_mb: float
    peak_rss_main_mb: float
    max_processes: int
    cpu_seconds_by_role: dict[str, float]
    peak_rss_mb_by_role: dict[str, float]  # peak of the sum over the processes of each role
    returncode: int
    stdout: str
    stderr: str

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["stdout"], data["stderr"] = self.stdout[-2000:], self.stderr[-2000:]
        return data


def _busy_cpu() -> float:
    """CPU seconds the whole machine has spent busy (all processes), to spot other load during a run."""
    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _by_role(cpu: dict[int, float], roles: dict[int, str]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for pid, seconds in cpu.items():
        totals[roles.get(pid, "other")] = totals.get(roles.get(pid, "other"), 0.0) + seconds
    return {role: round(seconds, 2) for role, seconds in sorted(totals.items())}


def run_measured(command: list[str], cwd: Path | None = None) -> RunResult:
    """Run a command to completion while sampling its process tree's memory."""
    cpu_before, busy_before = _children_cpu(), _busy_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeSampler(proc.pid) as sampler:
        stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    tree_cpu = sum(sampler.cpu.values())
    return RunResult(
        command=[str(c) for c in command],
        seconds=round(seconds, 3),
        cpu_seconds=round(tree_cpu, 2),
        other_cpu_seconds=round(max(0.0, _busy_cpu() - busy_before - tree_cpu), 2),
        cpu_seconds_reaped=round(_children_cpu() - cpu_before, 2),
        peak_rss_tree_mb=round(sampler.peak_tree / 2**20, 1),
        peak_rss_main_mb=round(sampler.peak_main / 2**20, 1),
        max_processes=sampler.max_procs,
        cpu_seconds_by_role=_by_role(sampler.cpu, sampler.roles),
        peak_rss_mb_by_role={role: round(rss / 2**20, 1) for role, rss in sampler.peak_rss_by_role.items()},
        returncode=proc.returncode,
        stdout=stdout,
        stderr=stderr,
    )


def warm_cache(dumps: Path) -> float:
    """Read every dump once, untimed, so the floor and the builds all start from a warm page cache."""
    started = time.perf_counter()
    for folder, _, names in os.walk(dumps):
        for name in names:
            with open(os.path.join(folder, name), "rb") as handle:
                while handle.read(1 << 20):
                    pass
    return round(time.perf_counter() - started, 3)


def run_floor(dumps: Path, work: Path) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    warm = warm_cache(dumps)
    out = work / "floor.parquet"
    result = run_measured([sys.executable, str(BENCH / "floor.py"), str(dumps), str(out)])
    if result.returncode:
        raise RuntimeError(f"floor failed: {result.stderr[-2000:]}")
    inner = json.loads(result.stdout.strip().splitlines()[-1])
    size = out.stat().st_size
    out.unlink()
    extra = {"files": inner["files"], "input_bytes": inner["bytes"], "parquet_bytes": size, "warm_up_seconds": warm}
    return {**result.as_dict(), **extra}


def run_build(dumps: Path, work: Path, workers: int | None = None, options: Sequence[str] = ()) -> dict[str, Any]:
    """`builder build` end to end as a user runs it (with `options` added); the output folders are removed afterwards."""
    out, report = work / "dataset", work / "build-report"
    shutil.rmtree(work, ignore_errors=True)
    command = [str(BUILDER), "build", str(dumps), "--out", str(out), "--report", str(report), "--now", NOW, "-q"]
    if workers is not None:
        command += ["--workers", str(workers)]
    command += list(options)
    result = run_measured(command)
    if result.returncode:
        raise RuntimeError(f"build failed ({result.returncode}): {result.stderr[-2000:]}")
    summary = json.loads((report / "summary.json").read_text())
    dataset_bytes = sum(p.stat().st_size for p in (out / "data").glob("*.parquet"))
    shutil.rmtree(work, ignore_errors=True)
    return {
        **result.as_dict(),
        "inputs": summary["inputs"],
        "rows": summary["rows"],
        "rejects_by_reason": summary["rejects_by_reason"],
        "dataset_bytes": dataset_bytes,
        "inputs_per_second": round(summary["inputs"] / result.seconds, 1),
    }


def help_seconds(runs: int = 5) -> dict[str, Any]:
    """Median wall time of `builder --help` (a cold start of the CLI each time)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(BUILDER), "--help"], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return {"median_seconds": round(statistics.median(times), 3), "runs": [round(t, 3) for t in times]}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def code_state() -> dict[str, Any]:
    """The commit and the uncommitted changes under builder/: the code a run actually measured."""
    status = _git("status", "--porcelain", "--", "builder")
    return {"commit": _git("rev-parse", "--short", "HEAD"), "builder_changes": status.splitlines() if status else []}


def machine() -> dict[str, Any]:
    import pyarrow

    return {
        "cpu_model": _cpu_model(),
        "logical_cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "pyarrow": pyarrow.__version__,
    }
