"""A plain JSON Lines file split by the build process into ranges of lines, read by several workers: the
same outcomes (every field, order, `#L` line numbers) as the whole file read in one."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from builder.inputs import exports
from builder.inputs.exports import DEFAULT_EXPORT_COLUMNS, jsonl_records, plan_jsonl
from builder.inputs.files import InputFile
from builder.record import Record
from tests.conftest import run_build

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
DUMP = (FIXTURES / "dump.txt").read_text()
LIMIT = len(DUMP) * 2 + 200  # bytes: a page's line fits, the long line does not


def split_records(path: Path, per_part: int, max_bytes: int = 4 << 20) -> list[Record]:
    item = InputFile(path.name, str(path))
    parts = plan_jsonl(item, DEFAULT_EXPORT_COLUMNS, per_part)
    return [record for part in parts for record in part.open(max_bytes)]


def whole_records(path: Path, max_bytes: int = 4 << 20) -> list[Record]:
    return list(jsonl_records(InputFile(path.name, str(path)), DEFAULT_EXPORT_COLUMNS, max_bytes))


def awkward_lines() -> bytes:
    """Pages, blank lines, bad JSON, a line over --max-bytes (LIMIT here), CRLF ends, no final newline."""
    page = json.dumps({"text": DUMP, "url": "https://news.example/a"}).encode()
    lines = [
        page,
        b"",
        b"   ",
        b"{not json",
        page + b"\r",
        b"[1, 2]",
        b'{"url": "x"}',
        b'{"text": "' + b"x" * LIMIT + b'"}',
    ]
    return b"\n".join(lines * 3 + [page])


@pytest.mark.parametrize("per_part", [1, 2, 3, 7, 100])
def test_a_split_file_gives_the_records_of_the_whole_file(per_part: int, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(awkward_lines())
    whole = whole_records(path, LIMIT)
    assert split_records(path, per_part, LIMIT) == whole
    assert [record.source_file for record in whole][:3] == ["export.jsonl#L1", "export.jsonl#L4", "export.jsonl#L5"]


@pytest.mark.parametrize("name", ["export.jsonl", "mapped.jsonl", "export.jsonl.gz"])
def test_the_fixtures_read_the_same_split(name: str) -> None:
    assert split_records(FIXTURES / name, 1) == whole_records(FIXTURES / name)


def test_parts_hold_per_part_lines_and_the_last_runs_to_the_end(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(b"{}\n" * 7)
    parts = list(plan_jsonl(InputFile(path.name, str(path)), DEFAULT_EXPORT_COLUMNS, 3))
    assert [(part.start, part.first, part.lines) for part in parts] == [(0, 0, 3), (9, 3, 3), (18, 6, None)]
    path.write_bytes(b"{}\n" * 6)  # a cut at the end of the file: no empty part after it
    parts = list(plan_jsonl(InputFile(path.name, str(path)), DEFAULT_EXPORT_COLUMNS, 3))
    assert [(part.start, part.first, part.lines) for part in parts] == [(0, 0, 3), (9, 3, 3)]


def test_cuts_are_found_across_scan_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "_SCAN_CHUNK", 5)  # lines longer than a chunk, and several in one
    path = tmp_path / "export.jsonl"
    path.write_bytes(awkward_lines())
    assert split_records(path, 2, LIMIT) == whole_records(path, LIMIT)


def test_a_gzip_compressed_file_is_one_part() -> None:
    path = FIXTURES / "export.jsonl.gz"
    assert len(list(plan_jsonl(InputFile(path.name, str(path)), DEFAULT_EXPORT_COLUMNS, 1))) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_build_is_the_same_split_or_one_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    path = tmp_path / "inputs" / "export.jsonl"
    path.parent.mkdir()
    path.write_bytes(awkward_lines())

    def outcomes(tmp: Path) -> tuple[list[dict[str, object]], dict[str, object]]:
        result, out, report = run_build([path.parent], tmp, workers=workers)
        rows = [row for shard in sorted((out / "data").rglob("*.parquet")) for row in pq.read_table(shard).to_pylist()]
        rejects = pq.read_table(report / "rejects.parquet").to_pylist()
        return rows + rejects, {key: result.summary[key] for key in ("inputs", "rows", "rejected", "rejects_by_reason")}

    one_part = outcomes(tmp_path / "one")
    monkeypatch.setattr(exports, "PART_LINES", 2)  # the plan runs in this process: the workers get its ranges
    assert outcomes(tmp_path / "split") == one_part
    assert one_part[1]["inputs"] == 19
