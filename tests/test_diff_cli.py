"""`builder diff OLD NEW`: the counts, the changed files with --list, JSON with --json, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.export.changes import shards_digest
from tests.changes_helpers import article, build_into, name, write_articles
from tests.conftest import run_cli
from tests.dumps import write_dump


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """`old` of articles 0-5; `new` with article 6 added, 2 removed and 4 edited."""
    tmp = tmp_path_factory.mktemp("diff")
    inputs = write_articles(tmp / "in", range(6))
    build_into(inputs, tmp / "old")
    write_articles(inputs, [6])
    (inputs / name(2)).unlink()
    write_dump(inputs, name(4), article(4, version=1))
    build_into(inputs, tmp / "new")
    return tmp / "old", tmp / "new"


def test_diff_prints_the_counts_and_both_digests(two_builds: tuple[Path, Path]) -> None:
    old, new = two_builds
    done = run_cli("diff", str(old), str(new))
    assert done.returncode == 0, done.stderr
    expected = f"+1 added, −1 removed, 1 changed (old {shards_digest(old)[:12]}, new {shards_digest(new)[:12]})"
    assert done.stdout.splitlines() == [expected]


def test_diff_list_names_each_changed_source_file(two_builds: tuple[Path, Path]) -> None:
    done = run_cli("diff", *map(str, two_builds), "--list")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == [f"- {name(2)}", f"~ {name(4)}", f"+ {name(6)}"]


def test_diff_json_has_the_counts_and_with_list_the_files(two_builds: tuple[Path, Path]) -> None:
    old, new = two_builds
    done = run_cli("diff", str(old), str(new), "--json", "--list")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert {key: answer[key] for key in ("old", "new", "added", "removed", "changed")} == {
        "old": shards_digest(old), "new": shards_digest(new), "added": 1, "removed": 1, "changed": 1
    }  # fmt: skip
    assert [(f["source_file"], f["change"]) for f in answer["files"]] == [
        (name(2), "removed"), (name(4), "changed"), (name(6), "added")
    ]  # fmt: skip
    assert all(len(f["id_after"] or f["id_before"]) == 32 for f in answer["files"])


def test_diff_of_a_build_with_itself_is_empty(two_builds: tuple[Path, Path]) -> None:
    done = run_cli("diff", str(two_builds[1]), str(two_builds[1]), "--list")
    assert done.returncode == 0 and done.stdout.startswith("+0 added, −0 removed, 0 changed")
    assert len(done.stdout.splitlines()) == 1


@pytest.mark.parametrize("broken", ["missing", "no_shards", "damaged_shard"])
def test_a_folder_that_is_not_a_dataset_is_one_error_line(
    broken: str, two_builds: tuple[Path, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "broken"
    if broken != "missing":
        (folder / "data").mkdir(parents=True)
    if broken == "damaged_shard":
        (folder / "data" / "train-00000-of-00001.parquet").write_bytes(b"PAR1 not really")
    done = run_cli("diff", str(two_builds[0]), str(folder))
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "broken" in lines[0], done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
