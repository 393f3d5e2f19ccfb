"""Inputs in formats builder does not read are rejected as `unsupported_format`, with a detail naming the format.

(HTML pages are read: tests/test_html_media.py.)"""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from builder.pipeline import Pipeline, PipelineOptions
from builder.reasons import Reason
from builder.record import Record
from tests.conftest import NOW_ISO, run_cli
from tests.dumps import make_dump


def _parquet() -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.table({"a": [1, 2]}), sink)
    return sink.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    sink = io.BytesIO()
    with zipfile.ZipFile(sink, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return sink.getvalue()


PDF_BYTES = (
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 6 >>\nstream\n\x00\x01\x02\x9d\x81\xff\nendstream\n%%EOF\n"
)

# file name -> (content, the format its detail must name)
UNSUPPORTED: dict[str, tuple[bytes, str]] = {
    "feed.xml": (b'<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "XML"),
    "data.json": (json.dumps({"title": "A", "body": "B"}, indent=2).encode(), "JSON"),
    "list.txt": (b'[{"title": "A"}, {"title": "B"}]', "JSON"),
    "cut.json": (b'{"title": "A", "bo', "JSON"),  # does not parse: the name decides
    "rows.txt": (b'{"title": "A"}\n{"title": "B"}\n', "JSON Lines"),  # .jsonl is read: see test_exports
    "rows-from-empty.txt": (b'[]\n\n["A", "B"]\n[]\n', "JSON Lines"),  # a record more than "[]"
    "report.pdf": (PDF_BYTES, "PDF"),
    "report.bin": (PDF_BYTES, "PDF"),  # content first: the name says nothing
    "crawl.dat": (b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 0\r\n\r\n", "WARC"),
    "crawl.warc.gzip": (gzip.compress(b"WARC/1.1\r\n\r\n", mtime=0), "WARC"),  # .warc(.gz) is read: test_warc
    "page.gzipped": (gzip.compress(make_dump().encode(), mtime=0), "gzip"),  # gzip is read when named .gz only
    "table.bin": (_parquet(), "Parquet"),  # .parquet is read: see test_exports
    "docs.bin": (_zip({"a.txt": b"x"}), "ZIP"),
    "photo.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8, "JPEG"),
}


@pytest.fixture(scope="module")
def rejects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """`builder build` over a folder holding one real dump and one file of each unsupported format."""
    tmp = tmp_path_factory.mktemp("formats")
    inputs = tmp / "in"
    inputs.mkdir()
    (inputs / "article.txt").write_text(make_dump(), encoding="utf-8")
    for name, (data, _) in UNSUPPORTED.items():
        (inputs / name).write_bytes(data)
    done = run_cli("build", str(inputs), "--out", str(tmp / "out"), "--report", str(tmp / "report"), "--now", NOW_ISO)
    assert done.returncode == 0, done.stderr
    return {row["source_file"]: row for row in pq.read_table(tmp / "report" / "rejects.parquet").to_pylist()}


@pytest.mark.parametrize("name", sorted(UNSUPPORTED))
def test_a_file_in_another_format_is_rejected_naming_it(rejects: dict[str, dict[str, str]], name: str) -> None:
    reject = rejects[name]
    assert reject["reason"] == Reason.UNSUPPORTED_FORMAT
    assert reject["detail"].startswith("not a text dump: ")
    assert UNSUPPORTED[name][1] in reject["detail"]
    assert reject["stage"] == "recognise"


def test_the_real_dump_beside_them_is_a_row(rejects: dict[str, dict[str, str]]) -> None:
    assert "article.txt" not in rejects
    assert set(rejects) == set(UNSUPPORTED)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(now=datetime(2026, 11, 22, tzinfo=UTC)))


def process(pipeline: Pipeline, name: str, data: bytes) -> Record:
    return pipeline.process(Record(source_file=name, data=data))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("other.txt", "The Daily Courier\n\nA page of a site builder has no profile for.\n"),
        ("page.html", "The Daily Courier\n\nPlain text under an .html name: the content decides.\n"),
        ("notes.json", "Plain text under a .json name.\n"),
        ("notes.txt", "[1] A footnote, then text.\n"),
        ("brace.txt", "{Editor's note} a plain page.\n"),
        ("par.txt", "PAR1 is the first word of this plain page.\n"),
        ("less.txt", "<3 a plain page that opens with a heart.\n"),
        # Rendered pages may open with a form field or a tracking pixel the renderer printed as text.
        ("form.txt", "[                    ]\n  • Sign In\n  • Politics\n\nA plain page.\n"),
        ("no-alt.txt", "[]\nFox 13 Salt Lake City\n1 weather alerts\n\nA plain page.\n"),  # an image with no alt
        ("no-alt-form.txt", "[] [                    ]\nRegistrieren Login\n\nA plain page.\n"),  # and a field
        ("no-alts.txt", "[]\n\n[]\n\n<\n>\n\nMenu\n\nESPN\n\nA plain page.\n"),  # two images with no alt text
        ("all-no-alt.txt", "[]\n[]\n[]\n"),  # nothing but such images: no records
        ("pixel.txt", '<img src="https://example.org/tr?id=1" />\n[logo] World\n\nA plain page.\nMore text.\n'),
    ],
)
def test_plain_text_of_an_unknown_site_stays_unknown_site(pipeline: Pipeline, name: str, text: str) -> None:
    reject = process(pipeline, name, text.encode()).reject
    assert reject is not None and reject.reason == Reason.UNKNOWN_SITE
    assert "builder sites" in reject.detail


def test_binary_content_without_a_known_signature_stays_unreadable(pipeline: Pipeline) -> None:
    reject = process(pipeline, "blob.pdf", b"\x7fELF" + bytes(range(256)) * 8).reject
    assert reject is not None and reject.reason == Reason.UNREADABLE


def test_an_archive_inside_an_archive_is_named(tmp_path: Path) -> None:
    outer = tmp_path / "in" / "outer.zip"
    outer.parent.mkdir()
    outer.write_bytes(_zip({"article.txt": make_dump().encode(), "inner.zip": _zip({"a.txt": b"x"})}))
    done = run_cli(
        "build", str(outer.parent), "--out", str(tmp_path / "o"), "--report", str(tmp_path / "r"), "--now", NOW_ISO
    )
    assert done.returncode == 0, done.stderr
    (row,) = pq.read_table(tmp_path / "r" / "rejects.parquet").to_pylist()
    assert row["source_file"] == "outer.zip/inner.zip" and row["reason"] == Reason.UNSUPPORTED_FORMAT
    assert "archives inside archives are not read" in row["detail"]
