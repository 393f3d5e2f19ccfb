"""WARC archives as inputs: which records are pages, their url/crawl time/media type, skips and rejects."""

from __future__ import annotations

import gzip
import io
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from builder.errors import NoRowsError
from builder.inputs.containers import container_for
from builder.inputs.files import InputFile
from tests.conftest import run_build
from tests.input_records import outcome, records_of

FIXTURES = Path(__file__).parent / "fixtures" / "warc"
CRAWLED = datetime(2024, 3, 5, 10, 20, 30, tzinfo=UTC)
PAGE_URLS = [
    "https://news.example/port",
    "https://news.example/sniffed",
    "https://news.example/zipped",
    "file:///dump/port.txt",
    "https://news.example/port",
]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_every_record_is_a_page_a_skip_or_a_reject(name: str) -> None:
    records = records_of(FIXTURES / name)
    assert [outcome(record) for record in records] == [
        "skipped_record",  # warcinfo
        "skipped_record",  # request
        "text/html",
        "skipped_record",  # metadata
        "skipped_record",  # revisit
        "skipped_record",  # an image response
        "text/html",  # no Content-Type: sniffed
        "text/html",  # Content-Encoding: gzip
        "text/plain",  # a resource record holding text
        "text/html",  # a conversion record holding HTML
        "truncated_record",  # its HTTP Content-Length says more than it holds
        "skipped_record",  # a redirect
        "truncated_record",  # the archive ends inside it
    ]
    pages = [record for record in records if record.reject is None]
    assert [record.url for record in pages] == PAGE_URLS
    assert {record.crawled_at for record in pages} == {CRAWLED}
    assert all(record.crawled_at and record.crawled_at.utcoffset() is not None for record in pages)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "whole.warc.gz"])
def test_a_page_holds_the_decoded_http_body(name: str) -> None:
    pages = [record for record in records_of(FIXTURES / name) if record.reject is None]
    html = [record.data for record in pages if record.media_type == "text/html"]
    assert len(html) == 4 and len(set(html)) == 1  # the gzip-encoded body decoded like the others
    assert html[0].startswith(b"<!DOCTYPE html>") and html[0].endswith(b"</html>")
    (text,) = [record.data for record in pages if record.media_type == "text/plain"]
    assert text == b"Port reopens\n\nThe port reopened on Monday.\n"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_source_file_is_the_offset_of_the_record_as_stored(name: str) -> None:
    path = FIXTURES / name
    stored = path.read_bytes()
    for record in records_of(path):
        offset = int(record.source_file.removeprefix(f"{name}#"))
        at = stored[offset:]
        if name.endswith(".gz"):  # a member starts at each offset (Common Crawl's convention)
            at = gzip.GzipFile(fileobj=io.BytesIO(at)).read(9)
        assert at.startswith(b"WARC/1.1\r"), record.source_file


def test_a_warc_gzipped_whole_is_read_with_the_offsets_of_the_inflated_warc() -> None:
    whole = records_of(FIXTURES / "whole.warc.gz")
    plain = records_of(FIXTURES / "crawl.warc")[: len(whole)]
    assert [r.source_file.partition("#")[2] for r in whole] == [r.source_file.partition("#")[2] for r in plain]
    assert [outcome(r) for r in whole] == [outcome(r) for r in plain]


def test_the_reject_details_name_the_offset() -> None:
    rejects = [r for r in records_of(FIXTURES / "crawl.warc") if r.reject and r.reject.reason == "truncated_record"]
    details = [(r.source_file.partition("#")[2], r.reject.detail if r.reject else "") for r in rejects]
    assert [detail.replace(f"offset {offset}", "offset N") for offset, detail in details] == [
        "WARC record at offset N: its HTTP payload is 178 bytes, its Content-Length says 500",
        "WARC record at offset N is cut short: 62 of 178 bytes",
    ]


def test_a_record_over_max_bytes_is_too_large_and_the_rest_goes_on() -> None:
    records = records_of(FIXTURES / "crawl.warc", max_bytes=100)
    outcomes = [outcome(r) for r in records]
    assert outcomes.count("too_large") == 6 and "text/plain" in outcomes  # every payload over 100 bytes; the text is 43
    assert [r.source_file for r in records] == [r.source_file for r in records_of(FIXTURES / "crawl.warc")]


def test_a_broken_gzip_member_ends_the_archive_in_one_reject(tmp_path: Path) -> None:
    broken = tmp_path / "broken.warc.gz"
    data = (FIXTURES / "crawl.warc.gz").read_bytes()
    broken.write_bytes(data[:1200] + b"\x1f\x8b\x08\x00garbage" + data[1200:1300])
    records = records_of(broken)
    assert records and records[0].source_file == "broken.warc.gz#0"
    last = records[-1]
    assert last.reject is not None and last.reject.reason in ("corrupt_archive", "truncated_record"), last
    assert [outcome(r) for r in records[:-1]] == [outcome(r) for r in records_of(FIXTURES / "crawl.warc.gz")][
        : len(records) - 1
    ]


def test_warc_names_are_claimed_by_the_warc_container() -> None:
    for name in ("a.warc", "A.WARC.GZ"):
        assert container_for(InputFile(name, str(FIXTURES / "crawl.warc"))).name == "warc"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_build_counts_skips_apart_from_rejects(tmp_path: Path, workers: int) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(FIXTURES / "crawl.warc.gz", inputs)
    shutil.copy(Path(__file__).parent / "fixtures" / "exports" / "export.jsonl", inputs)  # one row: a text dump
    result, out, report = run_build([inputs], tmp_path, workers=workers)
    summary = result.summary
    rejects = pq.read_table(report / "rejects.parquet").to_pylist()
    skipped = [r for r in rejects if r["reason"] == "skipped_record"]
    assert summary["skipped"] == len(skipped) == 6
    assert "skipped_record" not in summary["rejects_by_reason"]
    assert summary["rejected"] == len(rejects) - len(skipped)
    assert summary["inputs"] == summary["rows"] + summary["rejected"] + summary["skipped"] == 13 + 5
    assert summary["reconciled"]
    assert f"of which {summary['rejected']} rejected and 6 skipped" in (out / "README.md").read_text()


def test_a_response_whose_http_head_is_garbage_is_rejected_and_the_next_is_read(tmp_path: Path) -> None:
    page = b"<!DOCTYPE html><html><body><p>Fine.</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page

    def response(block: bytes) -> bytes:
        head = (
            f"WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: {len(block)}\r\n\r\n"
        )
        return head.encode() + block + b"\r\n\r\n"

    path = tmp_path / "odd.warc"
    path.write_bytes(response(b"\x00\x01garbage\r\nno head") + response(http))
    records = records_of(path)
    assert [outcome(r) for r in records] == ["corrupt_archive", "text/html"]
    assert records[1].data == page and records[1].url is None and records[1].crawled_at is None


def test_a_build_of_no_page_says_how_many_were_skipped(tmp_path: Path) -> None:
    with pytest.raises(NoRowsError, match=r"all 13 inputs were rejected \(.*\) or skipped \(6 WARC records"):
        run_build([FIXTURES / "crawl.warc.gz"], tmp_path)
