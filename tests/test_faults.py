"""Full disks and read-only locations: one `error:` line, the previous dataset intact, nothing half-written left.

These need a small file system of their own: a tmpfs mounted for the test, which takes root (or a
container that allows mounts). Elsewhere they are skipped, with that reason.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA, files_of, run_cli
from tests.test_atomic import many_dumps

Mount = Callable[[str, str], Path]


@pytest.fixture
def mount_tmpfs(tmp_path: Path) -> Iterator[Mount]:
    """mount(name, options) -> a fresh tmpfs at tmp_path/name, unmounted after the test."""
    mounted: list[Path] = []

    def mount(name: str, options: str) -> Path:
        point = tmp_path / name
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip() or 'mount failed'})")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return many_dumps(tmp_path_factory.mktemp("inputs"), 1500)


def build(
    inputs: Path, out: Path, report: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    args = ["build", str(inputs), "--out", str(out), "--report", str(report), "--now", "2026-11-22T00:00:00Z"]
    return run_cli(*args, "--workers", "1", "-q", *extra, env=env)


def assert_one_error(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_full_disk_under_out(mount_tmpfs: Mount, inputs: Path, tmp_path: Path) -> None:
    disk = mount_tmpfs("disk", "size=80k")
    out = disk / "out"
    assert build(DATA, out, tmp_path / "r0").returncode == 0
    before = files_of(out)
    done = build(inputs, out, tmp_path / "r1", "--no-dedup")  # 1,500 rows: more than the disk holds
    assert_one_error(done, "no space left", "--out", str(disk))
    assert files_of(out) == before  # the previous dataset is intact
    assert sorted(p.name for p in disk.iterdir()) == ["out"]  # no staging folder, no lock left behind


def test_full_disk_under_report(mount_tmpfs: Mount, inputs: Path, tmp_path: Path) -> None:
    disk = mount_tmpfs("disk", "size=12k")
    done = build(inputs, tmp_path / "out", disk / "report")
    assert_one_error(done, "no space left", "--report")
    assert not (tmp_path / "out").exists()
    assert [p.name for p in disk.iterdir()] == []  # no half-written report


def test_full_temporary_folder(mount_tmpfs: Mount, inputs: Path, tmp_path: Path) -> None:
    disk = mount_tmpfs("tmp", "size=12k")
    done = build(inputs, tmp_path / "out", tmp_path / "report", env={"TMPDIR": str(disk)})
    assert_one_error(done, "no space left", "TMPDIR")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("where", ["out", "report"])
def test_read_only_location_fails_before_reading_inputs(mount_tmpfs: Mount, tmp_path: Path, where: str) -> None:
    read_only = mount_tmpfs("ro", "ro,size=64k")
    out = read_only / "out" if where == "out" else tmp_path / "out"
    report = read_only / "report" if where == "report" else tmp_path / "report"
    done = build(DATA, out, report)
    assert done.returncode == 2
    assert done.stderr.startswith("error: cannot write to") and "Read-only file system" in done.stderr
    assert f"--{where}" in done.stderr and "Traceback" not in done.stderr
