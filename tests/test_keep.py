"""`--keep first|latest`: which copy of a duplicate stays; rows and rejects stay in input order either way."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import NOW_ISO, run_cli
from tests.test_atomic import many_dumps
from tests.test_dedup import ORIGINAL, PARAGRAPH, build_rows

LATER = ORIGINAL.replace("21 Jul 2021 14:49", "23 Jul 2021 09:10")  # the same story, published again later
EDITED_LATER = LATER.replace(PARAGRAPH, PARAGRAPH.replace("recent", "latest"))  # ... with one word changed


def outcome(rows: list[dict], rejects: list[dict]) -> tuple[list[str], list[tuple[str, str]]]:
    return [r["source_file"] for r in rows], [(r["source_file"], r["detail"]) for r in rejects]


@pytest.mark.parametrize("later", [LATER, EDITED_LATER], ids=["same body", "one word changed"])
def test_latest_keeps_the_copy_published_last(tmp_path: Path, later: str) -> None:
    files = {"a.txt": ORIGINAL, "b.txt": later}
    kept, dropped = outcome(*build_rows(tmp_path / "latest", files, keep="latest"))
    assert kept == ["b.txt"]
    assert [name for name, _ in dropped] == ["a.txt"]
    assert dropped[0][1].startswith("near-duplicate: body Jaccard") and dropped[0][1].endswith("; kept b.txt")


@pytest.mark.parametrize("later", [LATER, EDITED_LATER], ids=["same body", "one word changed"])
def test_first_keeps_the_first_file_whatever_the_dates(tmp_path: Path, later: str) -> None:
    for keep in ("first", None):  # the default is first
        options = {"keep": keep} if keep else {}
        kept, dropped = outcome(*build_rows(tmp_path / str(keep), {"a.txt": ORIGINAL, "b.txt": later}, **options))
        assert kept == ["a.txt"]
        assert [name for name, _ in dropped] == ["b.txt"] and dropped[0][1].endswith("; kept a.txt")


def test_a_later_file_with_an_earlier_date_is_dropped_with_latest(tmp_path: Path) -> None:
    kept, dropped = outcome(*build_rows(tmp_path, {"a.txt": LATER, "b.txt": ORIGINAL}, keep="latest"))
    assert kept == ["a.txt"] and [name for name, _ in dropped] == ["b.txt"]


def test_ties_on_the_date_fall_back_to_input_order(tmp_path: Path) -> None:
    files = {"a.txt": ORIGINAL, "b.txt": LATER, "c.txt": LATER, "d.txt": ORIGINAL}
    kept, dropped = outcome(*build_rows(tmp_path, files, keep="latest"))
    assert kept == ["b.txt"]
    assert [name for name, _ in dropped] == ["a.txt", "c.txt", "d.txt"]  # rejects in input order too
    assert dropped[1][1] == "exact copy: byte-identical file; kept b.txt"
    assert all(detail.endswith("; kept b.txt") for _, detail in dropped)


def test_rows_and_rejects_stay_in_input_order_across_batches(tmp_path: Path) -> None:
    """600 dumps (three batches) of two bodies, dated 1 to 28 Jun 2019 or May 2020 in turn: of each body the
    latest-dated file stays (the first of them: 00026 and 00027); every other input is its duplicate."""
    folder = many_dumps(tmp_path / "in", 600)
    (folder / "000" / "00100.txt").write_text("not a news page at all", encoding="utf-8")
    args = ["build", str(folder), "--out", str(tmp_path / "out"), "--report", str(tmp_path / "report")]
    done = run_cli(*args, "--now", NOW_ISO, "--workers", "2", "-q", "--keep", "latest", "--unknown-sites", "reject")
    assert done.returncode == 0, done.stderr
    rows = pq.read_table(tmp_path / "out" / "data").to_pylist()
    rejects = pq.read_table(tmp_path / "report" / "rejects.parquet").to_pylist()
    assert [r["source_file"] for r in rows] == ["000/00026.txt", "000/00027.txt"]
    assert [r["source_file"] for r in rejects] == sorted(
        f"{i // 500:03d}/{i:05d}.txt" for i in range(600) if i not in (26, 27)
    )
    assert rejects[100 - 2]["reason"] == "unknown_site"  # rejected before dedup, still in its place
    kept_of = {r["detail"].rsplit("; kept ", 1)[-1] for r in rejects if r["reason"] == "duplicate"}
    assert kept_of == {"000/00026.txt", "000/00027.txt"}
    summary = json.loads((tmp_path / "report" / "summary.json").read_text(encoding="utf-8"))
    assert summary["reconciled"] and summary["options"]["dedup"].endswith(", latest copy kept")


def test_keep_latest_with_no_dedup_keeps_every_copy(tmp_path: Path) -> None:
    rows, rejects = build_rows(
        tmp_path, {"a.txt": ORIGINAL, "b.txt": LATER, "c.txt": ORIGINAL}, keep="latest", dedup=False
    )
    assert [r["source_file"] for r in rows] == ["a.txt", "b.txt", "c.txt"] and rejects == []


def test_a_bad_keep_value_is_one_error_line(tmp_path: Path) -> None:
    done = run_cli("build", str(tmp_path), "--out", str(tmp_path / "out"), "--keep", "newest")
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["error: --keep must be one of first, latest, got 'newest'"]
    assert not (tmp_path / "out").exists()


def test_a_batch_with_no_row_is_given_back_with_latest(tmp_path: Path) -> None:
    """A whole batch of rejects (300 empty files, more than a batch) before the rows: nothing to rank in it."""
    files = {f"e{n:03d}.txt": "" for n in range(300)} | {"x-a.txt": ORIGINAL, "x-b.txt": LATER}
    kept, dropped = outcome(*build_rows(tmp_path / "latest", files, keep="latest"))
    assert kept == ["x-b.txt"]
    assert len(dropped) == 301 and dropped[-1][0] == "x-a.txt"
