"""Shared fixtures: a fixed clock, and builds of the bundled samples."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

import pytest

from builder.build import BuildOptions, BuildResult, build

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NOW = datetime(2026, 11, 22, tzinfo=UTC)
NOW_ISO = "2026-11-22T00:00:00Z"

# Nothing in the tests may reach a hub: fail fast if any code tries.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its path relative to it, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_build(paths: list[Path], tmp: Path, **options: object) -> tuple[BuildResult, Path, Path]:
    out, report = tmp / "out", tmp / "report"
    settings: dict[str, object] = {"now": NOW, "workers": 1, **options}
    return build(paths, BuildOptions(out=out, report=report, **settings)), out, report  # type: ignore[arg-type]


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The real command line, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "builder.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path, Path]:
    return run_build([DATA], tmp_path_factory.mktemp("sample"))


def run_cli_in_terminal(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> str:
    """Run the CLI with stderr on a pseudo-terminal, as in an interactive shell; returns what the terminal got."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "builder.cli.main", *args]
    environment = {**os.environ, "TERM": "xterm", **(env or {})}
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, env=environment, cwd=cwd) as process:
        os.close(follower)
        chunks = []
        with suppress(OSError):  # EIO once the child has closed the terminal
            while chunk := os.read(leader, 4096):
                chunks.append(chunk)
        assert process.wait(timeout=300) == 0
    os.close(leader)
    return b"".join(chunks).decode(errors="replace")
