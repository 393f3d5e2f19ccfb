"""Atomic, reproducible output: interrupts leave the previous dataset, rebuilds are byte-identical."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DATA, NOW_ISO, files_of, run_build, run_cli

GOLDEN = Path(__file__).resolve().parent / "golden" / "almayadeen_en"


def many_dumps(folder: Path, count: int) -> Path:
    """`count` distinct articles: the real dumps with a numbered headline and a shifted date."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    for i in range(count):
        text = texts[i % len(texts)]
        day = 1 + i % 28
        text = text.replace("Khazali: Resistance", f"Report {i}: Resistance").replace(
            "Iraq’s Resistance Factions Say", f"Report {i} Say"
        )
        text = text.replace("21 Jul 2021", f"{day} Jun 2019").replace("28 Jul 2021", f"{day} May 2020")
        sub = folder / f"{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def start_big_build(tmp_path: Path, workers: int) -> subprocess.Popen[str]:
    """A real build of 15,000 dumps into tmp_path/out, returned once it has started writing shards
    (after 1,000 rows: several seconds of work remain, even on a loaded machine; with 6,000 dumps a
    loaded CI machine once let the build finish before the signal reached it, and the signal then
    met the exiting process)."""
    big = many_dumps(tmp_path / "big", 15000)
    args = ["build", str(big), "--out", str(tmp_path / "out"), "--report", str(tmp_path / "report")]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "builder.cli.main",
            *args,
            "--now",
            NOW_ISO,
            "--workers",
            str(workers),
            "-q",
            "--no-dedup",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not any(tmp_path.glob(".out.building-*/data/.train-*")) and time.monotonic() < deadline:
        assert process.poll() is None, "the build ended before it could be interrupted"
        time.sleep(0.02)
    return process


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_build_leaves_the_previous_dataset(tmp_path: Path, sig: signal.Signals) -> None:
    out, report = tmp_path / "out", tmp_path / "report"
    assert (
        run_cli("build", str(DATA), "--out", str(out), "--report", str(report), "--now", NOW_ISO, "-q").returncode == 0
    )
    before = files_of(out)
    process = start_big_build(tmp_path, workers=2)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "interrupted" in stderr and "Traceback" not in stderr, (process.returncode, stderr)
    assert files_of(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big", "out", "report", "report.cache"]


def test_killed_build_leaves_the_previous_dataset_and_is_cleaned_up_next_time(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_build([DATA], tmp_path)
    before = files_of(out)
    process = start_big_build(tmp_path, workers=1)
    process.kill()
    process.communicate()
    assert files_of(out) == before
    assert any(tmp_path.glob(".out.building-*"))  # what a killed build leaves behind...
    run_build([DATA], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "big",
        "out",
        "report",
        "report.cache",
    ]  # ...is gone after the next one


def test_rebuild_is_byte_identical_whatever_order_workers_zone_and_locale(tmp_path: Path) -> None:
    _, first, _ = run_build([GOLDEN], tmp_path / "a", workers=1)
    files = sorted(GOLDEN.iterdir(), reverse=True)  # the same inputs listed one by one, backwards
    env = {"TZ": "America/New_York", "LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}
    second = tmp_path / "b" / "out"
    done = run_cli(
        "build",
        *map(str, files),
        "--out",
        str(second),
        "--report",
        str(tmp_path / "b" / "r"),
        "--now",
        NOW_ISO,
        "--workers",
        "2",
        "-q",
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert files_of(first) == files_of(second)
    assert set(files_of(first)) == {"README.md", "data/train-00000-of-00001.parquet"}


def test_one_and_two_workers_give_identical_output(tmp_path: Path) -> None:
    big = many_dumps(tmp_path / "big", 400)
    _, one, _ = run_build([big], tmp_path / "one", workers=1)
    _, two, _ = run_build([big], tmp_path / "two", workers=2)
    assert files_of(one) == files_of(two)
    assert os.path.getsize(one / "README.md") > 0
