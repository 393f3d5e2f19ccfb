"""JSON Lines and Parquet exports as inputs: a record per row, its page, url and crawl time; --column; rejects."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from builder.errors import OptionError
from builder.inputs.containers import JsonLines, plan_inputs
from builder.inputs.exports import ExportColumns, crawl_time, parse_column_options
from builder.inputs.files import InputFile
from tests.conftest import run_build, run_cli
from tests.input_records import outcome, records_of

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
DUMP = (FIXTURES / "dump.txt").read_bytes()
CRAWLED = datetime(2024, 3, 5, 10, 20, 30, tzinfo=UTC)


@pytest.mark.parametrize("name", ["export.jsonl", "export.jsonl.gz"])
def test_a_jsonl_line_is_a_record_named_by_its_line(name: str) -> None:
    records = records_of(FIXTURES / name)
    assert [(r.source_file, outcome(r)) for r in records] == [
        (f"{name}#L1", "text/html"),
        (f"{name}#L2", "text/plain"),
        (f"{name}#L3", "invalid_json"),
        (f"{name}#L4", "missing_column"),
        (f"{name}#L6", "invalid_json"),  # line 5 is blank: no input
    ]
    html, text = records[0], records[1]
    assert html.data.startswith(b"<!DOCTYPE html>") and html.url == "https://news.example/port"
    assert text.data == DUMP and text.url == "https://english.almayadeen.net/news/x"
    assert html.crawled_at == text.crawled_at == CRAWLED  # ISO 8601 and epoch seconds alike
    assert "Unterminated string" in (records[2].reject.detail if records[2].reject else "")
    assert "a JSON list, not an object" in (records[4].reject.detail if records[4].reject else "")


def test_a_parquet_row_is_a_record_named_by_its_row_across_row_groups() -> None:
    path = FIXTURES / "pages.parquet"
    assert pq.ParquetFile(path).metadata.num_row_groups == 2
    parts = list(plan_inputs([InputFile(path.name, str(path))], 4 << 20))
    assert [(part.first_row, part.rows) for part in parts] == [(0, 2), (2, 1)]  # a part per row group, from the footer
    records = records_of(path)
    assert [(r.source_file, outcome(r)) for r in records] == [
        ("pages.parquet#0", "text/html"),
        ("pages.parquet#1", "text/plain"),
        ("pages.parquet#2", "missing_column"),
    ]
    assert records[0].crawled_at == CRAWLED and records[1].crawled_at is None
    assert records[1].data == DUMP


def test_column_mapping_reads_other_names(tmp_path: Path) -> None:
    columns = ExportColumns.mapped(parse_column_options(["html=raw_content", "url=link", "crawled_at=fetch_time"]))
    item = InputFile("mapped.jsonl", str(FIXTURES / "mapped.jsonl"))

    (record,) = [record for part in JsonLines(columns).plan(item, 4 << 20) for record in part.open(4 << 20)]
    assert record.media_type == "text/html" and record.url == "https://news.example/mapped"
    assert record.crawled_at == datetime(2024, 3, 5, 22, tzinfo=UTC)
    (unmapped,) = records_of(FIXTURES / "mapped.jsonl")
    assert outcome(unmapped) == "missing_column"


@pytest.mark.parametrize("value", ["html", "body=content", "html="])
def test_a_bad_column_option_is_an_option_error(value: str) -> None:
    with pytest.raises(OptionError, match="--column"):
        parse_column_options([value])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T10:20:30Z", CRAWLED),
        ("2024-03-05T12:20:30+02:00", CRAWLED),
        ("2024-03-05T10:20:30", CRAWLED),
        (1709634030, CRAWLED),
        (1709634030000, CRAWLED),
        (datetime(2024, 3, 5, 10, 20, 30), CRAWLED),
        ("yesterday", None),
        (True, None),
    ],
)
def test_crawl_time_forms(value: object, expected: datetime | None) -> None:
    assert crawl_time(value) == expected


def test_a_line_past_max_bytes_is_too_large_and_the_next_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text('{"text": "' + "x" * 5000 + '"}\n{"text": "short"}\n')
    records = records_of(path, max_bytes=1000)
    assert [(r.source_file, outcome(r)) for r in records] == [
        ("big.jsonl#L1", "too_large"),
        ("big.jsonl#L2", "text/plain"),
    ]


def test_a_page_that_is_not_text_is_a_missing_column_reject(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('{"html": 5}\n{"text": ["a"]}\n{"text": "\\ud800 lone"}\n')
    records = records_of(path)
    assert [outcome(r) for r in records] == ["missing_column", "missing_column", "text/plain"]
    assert "holds a JSON int, not text" in (records[0].reject.detail if records[0].reject else "")
    assert records[2].data == b"? lone"


def test_a_broken_parquet_file_is_one_reject(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 not really PAR1")
    (record,) = records_of(path)
    assert outcome(record) == "corrupt_archive" and record.source_file == "broken.parquet"


def test_a_parquet_file_without_page_columns_rejects_every_row(tmp_path: Path) -> None:
    path = tmp_path / "titles.parquet"
    pq.write_table(pa.table({"title": ["a", "b"]}), path)
    assert [outcome(r) for r in records_of(path)] == ["missing_column", "missing_column"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_text_column_holding_a_dump_becomes_the_row_the_loose_dump_makes(tmp_path: Path, workers: int) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(FIXTURES / "export.jsonl", tmp_path / "in")
    result, out, report = run_build([tmp_path / "in"], tmp_path / "jsonl", workers=workers)
    (tmp_path / "loose").mkdir()
    shutil.copy(FIXTURES / "dump.txt", tmp_path / "loose")
    _, loose_out, _ = run_build([tmp_path / "loose"], tmp_path / "txt", workers=workers)
    (row,) = pq.read_table(out / "data").to_pylist()
    (loose,) = pq.read_table(loose_out / "data").to_pylist()
    assert row["source_file"] == "export.jsonl#L2"
    assert row["url"] == "https://english.almayadeen.net/news/x" and loose["url"] is None  # the export's url column
    assert {**row, "source_file": "", "url": None} == {**loose, "source_file": ""}
    summary = result.summary
    assert summary["inputs"] == 5 and summary["rows"] == 1 and summary["reconciled"]
    assert summary["rejects_by_reason"]["invalid_json"] == 2 and "skipped" not in summary
    rejects = {r["source_file"]: r for r in pq.read_table(report / "rejects.parquet").to_pylist()}
    assert rejects["export.jsonl#L4"]["reason"] == "missing_column"


def test_the_cli_maps_columns_and_records_the_mapping(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dumps.jsonl").write_text('{"body": ' + json.dumps(DUMP.decode()) + "}\n")
    args = ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--report", str(tmp_path / "r"), "-q"]
    done = run_cli(*args, "--column", "text=body", "--now", "2026-11-22T00:00:00Z", "--workers", "1")
    assert done.returncode == 0, done.stderr
    summary = json.loads((tmp_path / "r" / "summary.json").read_text())
    assert summary["rows"] == 1 and summary["options"]["columns"] == {"text": "body"}
    bad = run_cli(*args, "--column", "body", "--workers", "1")
    assert bad.returncode != 0 and "--column" in bad.stderr


URL = "https://english.almayadeen.net/news/x"


def _warc_resource(page: bytes) -> bytes:
    """A WARC of one `resource` record holding `page` as a text dump."""
    head = (
        f"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: {URL}\r\n"
        f"WARC-Date: 2024-03-05T10:20:30Z\r\nContent-Type: text/plain\r\nContent-Length: {len(page)}\r\n\r\n"
    )
    return head.encode() + page + b"\r\n\r\n"


def _parquet_of(page: bytes) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table({"text": [page.decode()], "url": [URL]}), sink)
    return sink.getvalue().to_pybytes()


def _jsonl_of(page: bytes) -> bytes:
    return json.dumps({"text": page.decode(), "url": URL}).encode() + b"\n"


FORMS = {
    "dump.txt": lambda page: page,
    "export.jsonl": _jsonl_of,
    "export.jsonl.gz": lambda page: gzip.compress(_jsonl_of(page)),
    "pages.parquet": _parquet_of,
    "crawl.warc": _warc_resource,
}


def test_a_text_dump_gives_the_same_row_in_every_format(tmp_path: Path) -> None:
    rows = {}
    for name, form in FORMS.items():
        folder = tmp_path / name / "in"
        folder.mkdir(parents=True)
        (folder / name).write_bytes(form(DUMP))
        result, out, _ = run_build([folder], tmp_path / name)
        assert result.summary["rows"] == 1 and result.summary["inputs"] == 1, name
        (rows[name],) = pq.read_table(out / "data").to_pylist()
    assert [row["source_file"] for row in rows.values()] == [
        "dump.txt",
        "export.jsonl#L1",
        "export.jsonl.gz#L1",
        "pages.parquet#0",
        "crawl.warc#0",
    ]
    assert [row["url"] for row in rows.values()] == [None, URL, URL, URL, URL]  # a loose file has no url
    same = {json.dumps({**row, "source_file": "", "url": None}, default=str, sort_keys=True) for row in rows.values()}
    assert len(same) == 1
