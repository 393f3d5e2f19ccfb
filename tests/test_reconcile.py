"""The report's counts are taken apart: inputs where they are found, outcomes where they are decided."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pytest

import builder.build
from builder.engines import Done, Job, Task
from builder.engines.local import Serial, run_pipeline
from builder.errors import NoRowsError, ReconcileError
from builder.record import Record
from builder.stages import Split
from tests.conftest import DATA, run_build
from tests.test_archives import make_tar, make_zip
from tests.test_atomic import many_dumps


def test_inputs_count_files_and_archive_members(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    dumps = {p.name: p.read_bytes() for p in DATA.glob("*.txt")}
    make_zip(inputs / "a.zip", {**{f"z/{name}": data for name, data in dumps.items()}, "z/empty.txt": b""})
    (inputs / "loose.txt").write_bytes(b"")
    result, _, _ = run_build([inputs], tmp_path)
    assert result.summary["inputs"] == 4 and result.summary["reconciled"] is True


def test_an_input_lost_on_the_way_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def losing_pipeline(*args: object, **kwargs: object) -> Iterator[pa.RecordBatch]:
        for batch in run_pipeline(*args, **kwargs):  # type: ignore[arg-type]
            if not isinstance(batch, pa.RecordBatch):  # the survey's sketches: the loss is in the pipeline's
                yield batch
                continue
            yield batch.slice(0, len(batch) - 1)  # the batch's last input vanishes, row and all

    monkeypatch.setattr(builder.build, "run_pipeline", losing_pipeline)
    with pytest.raises(ReconcileError, match="2 inputs were found but 1 rows and 0 rejects came out"):
        run_build([DATA], tmp_path)
    summary = json.loads((tmp_path / "report" / "summary.json").read_text())
    assert summary["reconciled"] is False and summary["inputs"] == 2
    assert not (tmp_path / "out").exists()


class _LosingExecutor:
    """Runs the tasks in this process and loses the batches `lose` picks, count and all."""

    def __init__(self, lose: Callable[[list[Done]], list[Done]]) -> None:
        self.lose = lose

    def run(self, tasks: Iterable[Task], job: Job, max_bytes: int) -> Iterator[Done]:
        return iter(self.lose(list(Serial().run(tasks, job, max_bytes))))


def _archive_of_empty_files(folder: Path, kind: str, count: int) -> None:
    folder.mkdir()
    members = {f"z/{n:03d}.txt": b"" for n in range(count)}
    make_zip(folder / "a.zip", members) if kind == "zip" else make_tar(folder / "a.tar.gz", members)


@pytest.mark.parametrize("kind", ["zip", "tar"])
@pytest.mark.parametrize(
    ("lose", "error"),
    [
        (lambda done: done[:-1], "came back whole"),  # a task's last batch: the count of a tar's members with it
        (lambda done: [done[0], *done[2:]], "where 1 was due"),  # a batch in the middle of a tar
    ],
    ids=["last batch", "middle batch"],
)
def test_a_batch_lost_by_the_engine_fails_the_build(
    tmp_path: Path, kind: str, lose: Callable[[list[Done]], list[Done]], error: str
) -> None:
    """The build counts loose files and zip members as it hands them out, and numbers every task's
    batches: a batch an engine loses, with whatever count it carried, still shows."""
    _archive_of_empty_files(tmp_path / "in", kind, 600)  # three batches
    if kind == "zip" and error.startswith("where"):
        error = "came back whole"  # a zip's batches are tasks of their own
    with pytest.raises(ReconcileError, match=error):
        run_build([tmp_path / "in"], tmp_path, executor=_LosingExecutor(lose))
    assert not (tmp_path / "out").exists()


def test_a_batch_lost_in_a_parent_stage_fails_the_reconciliation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """600 inputs, three batches; a stage before the writers drops the last batch: rows and rejects cannot add up."""
    split = Split.__call__

    def losing(self: Split, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        done = list(split(self, batches))
        yield from done[:-1]

    monkeypatch.setattr(Split, "__call__", losing)
    with pytest.raises(ReconcileError, match="600 inputs were found but 512 rows and 0 rejects came out"):
        run_build([many_dumps(tmp_path / "in", 600)], tmp_path, dedup=False)
    assert not (tmp_path / "out").exists()


def test_a_row_that_does_not_fit_the_schema_is_its_own_reject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from builder.extract import finalize as finalize_step

    original = finalize_step.finalize

    def spoiling_finalize(record: Record) -> None:
        original(record)
        if record.source_file.startswith("000_"):
            record.fields["reading_time_minutes"] = "three"  # not an int32

    monkeypatch.setattr("builder.pipeline.finalize", spoiling_finalize)
    result, _, report = run_build([DATA], tmp_path)
    assert result.summary["rows"] == 1 and result.summary["reconciled"]
    reject = json.loads((report / "rejects.jsonl").read_text().splitlines()[0])
    assert reject["reason"] == "parse_error" and reject["stage"] == "pack" and "schema" in reject["detail"]


def test_a_failing_step_is_named_in_the_reject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_parse(record: Record) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("builder.pipeline.parse_article", broken_parse)
    with pytest.raises(NoRowsError):
        run_build([DATA], tmp_path)
    rejects = [json.loads(line) for line in (tmp_path / "report" / "rejects.jsonl").read_text().splitlines()]
    assert {(r["reason"], r["stage"], r["detail"]) for r in rejects} == {
        ("parse_error", "broken_parse", "RuntimeError: boom")
    }


def test_an_unexpected_error_is_one_line_unless_debug(tmp_path: Path) -> None:
    code = "import builder.build as b; b.build = lambda *a, **k: 1 / 0; from builder.cli.main import main; main()"
    args = ["build", str(DATA), "--out", str(tmp_path / "o"), "--report", str(tmp_path / "r"), "-q"]
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[0] == "error: unexpected ZeroDivisionError: division by zero" and "--debug" in lines[1]
    debug = subprocess.run([sys.executable, "-c", code, "--debug", *args], capture_output=True, text=True, timeout=120)
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr
