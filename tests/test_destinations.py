"""--out and --report: a build replaces only what an earlier build wrote, never a user's files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from builder.build import BuildOptions, build
from builder.errors import OutputPathError
from builder.export.destination import locked_destinations
from tests.conftest import DATA, NOW, NOW_ISO, files_of


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under `folder` with its bytes (None for a folder)."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None) for p in folder.rglob("*")}


def cli(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "builder.cli.main", "build", *map(str, args), "--now", NOW_ISO, "--workers", "1"]
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=environment, timeout=300)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A user's folder: inputs in messy/, documents in docs/, inputs nested in parent/inputs."""
    for folder in ("messy", "parent/inputs"):
        (tmp_path / folder).mkdir(parents=True)
        for dump in DATA.glob("*.txt"):
            (tmp_path / folder / dump.name).write_bytes(dump.read_bytes())
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "thesis.txt").write_text("four years of work")
    (tmp_path / "docs" / "notes.md").write_text("# notes")
    (tmp_path / "home").mkdir()
    return tmp_path


REFUSED = [
    (["messy", "--out", "messy"], "holds the input"),
    (["messy", "--out", "docs"], "thesis.txt"),
    (["messy", "--out", "."], "is the current folder"),
    (["parent/inputs", "--out", "parent"], "holds the input"),
    (["messy", "--out", "X", "--report", "X"], "is also --report"),
    (["messy", "--out", "X", "--report", "X/report"], "is inside --out"),
    (["messy", "--out", "messy/dataset"], "inside the input folder"),
    (["messy", "--out", "ok", "--report", "docs"], "not a report"),
    (["messy", "--out", "ok", "--report", "messy/report"], "inside the input folder"),
    (["messy", "--out", "home"], "your home folder"),
    (["messy", "--out", "/"], "is /"),
    (["messy", "--out", ".."], "a folder that holds"),
]


@pytest.mark.parametrize(("args", "why"), REFUSED, ids=[" ".join(a) for a, _ in REFUSED])
def test_refused_destinations_leave_every_file_in_place(workspace: Path, args: list[str], why: str) -> None:
    before = tree(workspace)
    done = cli(*args, "-q", cwd=workspace, env={"HOME": str(workspace / "home")})
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and why in lines[0], done.stderr
    assert tree(workspace) == before


def test_a_previous_build_or_an_empty_folder_is_replaced(workspace: Path) -> None:
    (workspace / "empty").mkdir()
    assert cli("messy", "--out", "empty", "--report", "r1", "-q", cwd=workspace).returncode == 0
    first = files_of(workspace / "empty")
    done = cli("messy", "--out", "empty", "--report", "r1", "-q", cwd=workspace)
    assert done.returncode == 0, done.stderr
    assert files_of(workspace / "empty") == first  # nothing changed: the same bytes, card included
    names = sorted(p.name for p in (workspace / "r1").iterdir())
    assert names == ["changes.parquet", "rejects.jsonl", "rejects.parquet", "summary.json"]


def test_a_previous_build_with_a_file_added_is_refused(workspace: Path) -> None:
    assert cli("messy", "--out", "ds", "-q", cwd=workspace).returncode == 0
    (workspace / "ds" / "data" / "my-notes.txt").write_text("mine")
    before = tree(workspace)
    done = cli("messy", "--out", "ds", "-q", cwd=workspace)
    assert done.returncode == 2 and "not a dataset written by builder" in done.stderr
    assert tree(workspace) == before


def test_library_refuses_before_reading_anything(workspace: Path) -> None:
    options = BuildOptions(out=workspace / "docs", report=workspace / "r", now=NOW, workers=1)
    with pytest.raises(OutputPathError, match=r"thesis\.txt"):
        build([workspace / "messy"], options)
    assert not (workspace / "r").exists()


def test_stale_folders_are_removed_only_when_a_build_made_them(workspace: Path) -> None:
    dead_pid = "999999999"
    mine = workspace / f".out.building-{dead_pid}"  # the user's, by chance named like a leftover
    mine.mkdir()
    (mine / "keep.txt").write_text("mine")
    leftover = workspace / f".out.building-{dead_pid}1"
    leftover.mkdir()
    (leftover / ".builder-staging").touch()
    assert cli("messy", "--out", "out", "-q", cwd=workspace).returncode == 0
    assert (mine / "keep.txt").read_text() == "mine"
    assert not leftover.exists()


def test_a_second_build_on_the_same_out_fails_at_once_or_waits(workspace: Path) -> None:
    out, report = workspace / "out", workspace / "report"
    with locked_destinations(out, report):
        start = time.monotonic()
        done = cli("messy", "--out", out, "--report", report, "-q", cwd=workspace)
        assert done.returncode == 1 and "another build is writing" in done.stderr and "--wait" in done.stderr
        assert time.monotonic() - start < 60
    assert not out.exists()
    released = threading.Event()

    def hold() -> None:
        with locked_destinations(out, report):
            released.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    args = ["messy", "--out", str(out), "--report", str(report), "--wait", "--now", NOW_ISO, "--workers", "1", "-q"]
    process = subprocess.Popen(
        [sys.executable, "-m", "builder.cli.main", "build", *args],
        cwd=workspace,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)
    assert process.poll() is None  # still waiting for the lock
    released.set()
    holder.join()
    assert process.wait(timeout=120) == 0
    assert (out / "README.md").is_file()
    assert sorted(p.name for p in workspace.iterdir() if p.name.startswith(".")) == []  # locks removed


def test_rejects_jsonl_matches_rejects_parquet(workspace: Path) -> None:
    (workspace / "messy" / "empty.txt").write_bytes(b"")
    (workspace / "messy" / "other.txt").write_text("Another site entirely.\n" * 40)
    assert cli("messy", "--out", "out", "--report", "r", "-q", cwd=workspace).returncode == 0
    lines = (workspace / "r" / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == pq.read_table(workspace / "r" / "rejects.parquet").to_pylist()
    assert len(lines) == 2


def test_all_rejected_prints_the_table_and_names_the_top_reason(workspace: Path) -> None:
    bad = workspace / "bad"
    bad.mkdir()
    for name in ("a.txt", "b.txt"):
        (bad / name).write_text("Another site entirely.\n" * 40)
    (bad / "c.txt").write_bytes(b"")
    done = cli("bad", "--out", "out", "--report", "r", "--unknown-sites", "reject", cwd=workspace)
    assert done.returncode == 1
    assert "reject: unknown_site" in done.stdout and "a.txt" in done.stdout and "reject: unreadable" in done.stdout
    assert done.stdout.index("unknown_site") < done.stdout.index("unreadable")  # most frequent first
    error = done.stderr.strip().splitlines()
    assert len(error) == 1 and "all 3 inputs were rejected (2 as unknown_site, e.g. a.txt)" in error[0]
    assert not (workspace / "out").exists()
    assert len((workspace / "r" / "rejects.jsonl").read_text().splitlines()) == 3
