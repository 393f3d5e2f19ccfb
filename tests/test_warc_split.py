"""A WARC split by the build process into ranges of records, read by several workers: the same outcomes
(every field, order, source_file) as the whole file read in one, whatever the cuts and the damage."""

from __future__ import annotations

import gzip
import io
import itertools
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from builder.inputs import warc
from builder.inputs.files import InputFile
from builder.inputs.warc import plan_warc, warc_records
from builder.record import Record
from tests.conftest import run_build

FIXTURES = Path(__file__).parent / "fixtures" / "warc"
MAX_BYTES = 4 << 20


def split_records(path: Path, per_part: int) -> list[Record]:
    item = InputFile(path.name, str(path))
    return [record for part in plan_warc(item, per_part) for record in part.open(MAX_BYTES)]


def whole_records(path: Path) -> list[Record]:
    return list(warc_records(InputFile(path.name, str(path)), MAX_BYTES))


def record_offsets(path: Path) -> list[int]:
    return [int(record.source_file.rpartition("#")[2]) for record in whole_records(path)]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "whole.warc.gz"])
@pytest.mark.parametrize("per_part", [1, 2, 3, 5, 100])
def test_a_split_warc_gives_the_records_of_the_whole_file(name: str, per_part: int) -> None:
    path = FIXTURES / name
    assert split_records(path, per_part) == whole_records(path)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_parts_start_at_records_and_hold_at_most_per_part(name: str) -> None:
    path = FIXTURES / name
    parts = list(plan_warc(InputFile(name, str(path)), 2, weigh=lambda header: 1))  # every record one place
    offsets = record_offsets(path)
    assert len(parts) > 3
    assert [part.start for part in parts] == offsets[: 2 * (len(parts) - 1) + 1 : 2]
    assert all(part.end == following.start for part, following in itertools.pairwise(parts))
    assert parts[-1].end is None  # the last part reads to the end of the file: its truncated record too
    assert all(part.records is None for part in parts)


def test_a_warc_gzipped_whole_is_one_part() -> None:
    path = FIXTURES / "whole.warc.gz"
    assert [(part.start, part.end) for part in plan_warc(InputFile(path.name, str(path)), 1)] == [(0, None)]


def _members(path: Path) -> list[bytes]:
    """The per-record gzip members of a fixture, each as stored."""
    stored = path.read_bytes()
    offsets = [*sorted(set(record_offsets(path))), len(stored)]
    return [stored[start:end] for start, end in itertools.pairwise(offsets)]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_file_cut_anywhere_reads_the_same_split_or_whole(name: str, tmp_path: Path) -> None:
    stored = (FIXTURES / name).read_bytes()
    offsets = record_offsets(FIXTURES / name)
    cuts = {min(len(stored), offset + shift) for offset in offsets[1:] for shift in (-5, -1, 0, 1, 40)}
    for cut in sorted(cuts):
        path = tmp_path / name
        path.write_bytes(stored[:cut])
        assert split_records(path, 1) == whole_records(path), cut


def test_a_record_longer_than_it_says_ends_the_trusted_cuts(tmp_path: Path) -> None:
    """A record whose Content-Length overshoots into the next one: the scan cuts no part after it, so the
    reader meets it as when reading the whole file."""
    stored = (FIXTURES / "crawl.warc").read_bytes()
    offsets = record_offsets(FIXTURES / "crawl.warc")
    third = stored[offsets[2] : offsets[3]]
    length = third.split(b"Content-Length: ", 1)[1].split(b"\r\n", 1)[0]
    grown = third.replace(b"Content-Length: " + length, b"Content-Length: " + str(int(length) + 30).encode(), 1)
    path = tmp_path / "crawl.warc"
    path.write_bytes(stored[: offsets[2]] + grown + stored[offsets[3] :])
    parts = list(plan_warc(InputFile(path.name, str(path)), 1))
    assert max(part.start for part in parts) < offsets[2]  # no part starts at or after it
    assert split_records(path, 1) == whole_records(path)


def test_a_broken_gzip_member_is_still_one_corrupt_reject(tmp_path: Path) -> None:
    members = _members(FIXTURES / "crawl.warc.gz")
    broken = members[4][:10] + bytes(len(members[4]) - 10)  # its deflate data zeroed
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join([*members[:4], broken, *members[5:]]))
    records = split_records(path, 1)
    assert records == whole_records(path)
    reasons = [record.reject.reason.value for record in records if record.reject]
    assert reasons.count("corrupt_archive") == 1 and records[-1].reject is not None


def test_a_member_holding_two_records_is_not_cut(tmp_path: Path) -> None:
    members = _members(FIXTURES / "crawl.warc.gz")
    joined = gzip.compress(gzip.decompress(members[2]) + gzip.decompress(members[3]))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join([*members[:2], joined, *members[4:]]))
    assert split_records(path, 1) == whole_records(path)


def _build_outcomes(paths: list[Path], tmp: Path, workers: int) -> tuple[list[dict[str, object]], list[object]]:
    result, out, report = run_build(paths, tmp, workers=workers)
    rows = [row for shard in sorted((out / "data").rglob("*.parquet")) for row in pq.read_table(shard).to_pylist()]
    rejects = pq.read_table(report / "rejects.parquet").to_pylist()
    summary = {key: result.summary[key] for key in ("inputs", "rows", "rejected", "skipped", "rejects_by_reason")}
    return rows + rejects, [summary]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_build_is_the_same_split_or_one_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    export = Path(__file__).parent / "fixtures" / "exports" / "export.jsonl"  # a row, so that a dataset is written
    inputs = [FIXTURES / "crawl.warc", FIXTURES / "crawl.warc.gz", export]
    one_part = _build_outcomes(inputs, tmp_path / "one", workers)
    monkeypatch.setattr(warc, "PART_PLACES", 2)  # the plan runs in this process: the workers get its ranges
    split = _build_outcomes(inputs, tmp_path / "split", workers)
    assert split == one_part
    assert one_part[1][0]["inputs"] == 26 + 5  # type: ignore[index]


def _resource(content: bytes, kind: str = "resource", content_type: str = "text/plain") -> bytes:
    head = f"WARC/1.1\r\nWARC-Type: {kind}\r\nContent-Type: {content_type}\r\nContent-Length: {len(content)}\r\n\r\n"
    return head.encode() + content + b"\r\n\r\n"


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_page_takes_the_places_of_a_loose_page_in_a_part(tmp_path: Path, gzipped: bool) -> None:
    """Responses and HTML resources weigh HTML_PAGE_WEIGHT places, other records one: a part of pages is a
    short task, a part of text records or of records to skip a long one."""
    page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>A page.</p></body></html>"
    records = [
        *[_resource(page, "response", "application/http; msgtype=response") for _ in range(6)],
        *[_resource(b"<html><p>A page.</p></html>", "conversion", "text/html; charset=utf-8") for _ in range(2)],
        *[_resource(b"Plain text of a page.") for _ in range(40)],
        *[_resource(b"GET / HTTP/1.1\r\n\r\n", "request", "application/http; msgtype=request") for _ in range(40)],
    ]
    stored = [gzip.compress(record, mtime=0) for record in records] if gzipped else records
    path = tmp_path / ("mixed.warc.gz" if gzipped else "mixed.warc")
    path.write_bytes(b"".join(stored))
    parts = list(plan_warc(InputFile(path.name, str(path)), 32))
    starts = list(itertools.accumulate([0, *map(len, stored)]))
    # 2 pages a part (16 + 16 = 32 places), then 32 records of one place a part, then the 16 left
    assert [part.start for part in parts] == [starts[i] for i in (0, 2, 4, 6, 8, 40, 72)]
    assert split_records(path, 32) == whole_records(path)


def test_the_scan_of_a_plain_warc_does_not_read_the_content() -> None:
    """It reads a record's header and seeks past its content (memory flat, cost by record not by byte)."""
    stored = b"".join(_resource(bytes([65 + n]) * 200_000) for n in range(5))

    class Counted(io.BytesIO):
        read_bytes = 0

        def read(self, size: int | None = -1) -> bytes:
            data = super().read(size)
            Counted.read_bytes += len(data)
            return data

    assert len(list(warc._record_starts(Counted(stored), len(stored)))) == 5
    assert Counted.read_bytes <= 5 * (warc._PEEK + 4)
