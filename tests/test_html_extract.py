"""HTML pages read with trafilatura: every field of a row from the committed pages (one per charset case), a
page that is no article, a record said to be HTML that is not, `.html.gz` inputs and the `url` column."""

from __future__ import annotations

import gzip
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from builder.extract.html.extractor import TRAFILATURA, page_times
from builder.pipeline import Pipeline, PipelineOptions
from builder.reasons import Reason
from builder.record import HTML_PAGE, Record
from builder.schema import load_schema
from tests.conftest import NOW, run_build

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = ("utf8_bom", "meta_charset_cp1252", "http_equiv_latin1", "undeclared_cp1251")
FIRST_PARAGRAPH = {  # as each page's charset spells it
    "utf8_bom": "The harbour authority of Porthaven approved on Tuesday",
    "meta_charset_cp1252": "The harbour authority (café owners included) of Porthaven",
    "http_equiv_latin1": "The harbour authority of Porthaven approved on Tuesday",
    "undeclared_cp1251": "Портовое управление Портхейвена во вторник одобрило",
}
TITLES = {
    "utf8_bom": "Porthaven approves a new north pier",
    "meta_charset_cp1252": "Porthaven’s new pier gets the café owners’ approval",
    "http_equiv_latin1": "Pier works to start in März, says Jørgen",
    "undeclared_cp1251": "Портхейвен одобрил новый северный пирс",
}
AUTHORS = {"http_equiv_latin1": ["Jørgen Sæther"], "undeclared_cp1251": ["Мария Холт"]}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(now=NOW))


def read(pipeline: Pipeline, name: str, data: bytes, **known: Any) -> Record:
    return pipeline.process(Record(source_file=name, data=data, **known))


@pytest.mark.parametrize("page", PAGES)
def test_every_field_of_a_page(pipeline: Pipeline, page: str) -> None:
    record = read(pipeline, f"{page}.html", (FIXTURES / f"{page}.html").read_bytes())
    assert record.reject is None, record.reject
    fields = record.fields
    assert list(fields) == load_schema().names
    assert record.media_type == HTML_PAGE and fields["extractor"] == TRAFILATURA
    assert fields["title"] == TITLES[page]
    assert fields["authors"] == AUTHORS.get(page, ["Maren Holt"])
    assert fields["publisher"] == "The Porthaven Gazette"  # og:site_name
    assert fields["summary"] == "The harbour authority approves a new pier."
    assert fields["tags"] == ["Harbour", "Council"]
    # 09:30 at +01:00 as printed; the instant in UTC
    assert fields["published_at_local"] == datetime(2025, 3, 4, 9, 30)
    assert fields["published_at"] == datetime(2025, 3, 4, 8, 30, tzinfo=UTC)
    assert fields["images"] == [{"alt": "The damaged north pier", "caption": "The north pier after the storm."}]
    paragraphs = fields["body"].split("\n\n")
    assert len(paragraphs) == 4 and paragraphs[0].startswith(FIRST_PARAGRAPH[page])
    assert "Home" not in fields["body"] and "Copyright" not in fields["body"]  # the page's chrome is left out
    assert fields["language"] == ("ru" if page == "undeclared_cp1251" else "en")
    assert fields["url"] is None and fields["source"] is None and fields["reading_time_minutes"] is None


def test_a_section_front_is_no_article(pipeline: Pipeline) -> None:
    reject = read(pipeline, "front.html", (FIXTURES / "section_front.html").read_bytes()).reject
    assert reject is not None and reject.reason == Reason.NO_ARTICLE, reject


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"title": "A page exported as JSON", "body": "<p>text</p>"}', Reason.UNSUPPORTED_FORMAT),
        (b"Plain text a crawler labelled text/html.\nSecond line.\n", Reason.UNSUPPORTED_FORMAT),
        (b"<html><body></body></html>", Reason.NO_ARTICLE),
    ],
)
def test_a_record_said_to_be_html_that_is_none(pipeline: Pipeline, data: bytes, reason: Reason) -> None:
    record = read(pipeline, "crawl.warc.gz#0", data, media_type=HTML_PAGE, url="https://porthaven.example/a")
    assert record.reject is not None and record.reject.reason == reason, record.reject
    if reason == Reason.UNSUPPORTED_FORMAT:
        assert record.reject.detail.startswith("not HTML: declared text/html")


def test_a_record_a_container_gave_keeps_its_url_and_names_its_domain(pipeline: Pipeline) -> None:
    page = (FIXTURES / "utf8_bom.html").read_bytes().replace(b'<meta property="og:site_name"', b"<meta")
    url = "https://www.porthaven.co.uk/news/2025/pier"
    record = read(pipeline, "crawl.warc.gz#1234", page, media_type=HTML_PAGE, url=url)
    assert record.reject is None, record.reject
    assert record.fields["url"] == url
    assert record.fields["publisher"] == "porthaven.co.uk"  # no site name on the page: the registered domain


def test_a_page_that_states_no_title_is_missing_title_unless_kept() -> None:
    page = (FIXTURES / "utf8_bom.html").read_bytes().decode("utf-8-sig")
    for statement in (
        "<title>Porthaven approves a new north pier | The Porthaven Gazette</title>",
        '<meta property="og:title" content="Porthaven approves a new north pier">',
        "<h1>Porthaven approves a new north pier</h1>",
    ):
        assert statement in page
        page = page.replace(statement, "")
    data = page.encode("utf-8")
    reject = read(Pipeline(PipelineOptions(now=NOW)), "p.html", data).reject
    assert reject is not None and reject.reason == Reason.MISSING_TITLE, reject
    record = read(Pipeline(PipelineOptions(now=NOW, untitled="keep")), "p.html", data)
    assert record.reject is None and record.fields["title"] is None, record.reject
    assert record.fields["body"].startswith(FIRST_PARAGRAPH["utf8_bom"])


def test_a_page_dated_after_now_is_a_future_date() -> None:
    early = Pipeline(PipelineOptions(now=datetime(2025, 3, 1, tzinfo=UTC)))
    reject = read(early, "p.html", (FIXTURES / "utf8_bom.html").read_bytes()).reject
    assert reject is not None and reject.reason == Reason.FUTURE_DATE and "2025-03-04" in reject.detail


@pytest.mark.parametrize(
    ("printed", "local", "instant"),
    [
        ("2025-03-04T09:30:00+0100", datetime(2025, 3, 4, 9, 30), datetime(2025, 3, 4, 8, 30, tzinfo=UTC)),
        ("2025-03-04T00:00:00", datetime(2025, 3, 4), datetime(2025, 3, 4, tzinfo=UTC)),  # no zone: UTC
    ],
)
def test_page_times(printed: str, local: datetime, instant: datetime) -> None:
    assert page_times(printed) == (local, instant)


def test_a_build_reads_loose_and_gzipped_pages_beside_dumps(tmp_path: Path) -> None:
    from tests.dumps import make_dump

    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(FIXTURES / "utf8_bom.html", inputs / "pier.html")
    (inputs / "pier_cp1252.htm.gz").write_bytes(gzip.compress((FIXTURES / "meta_charset_cp1252.html").read_bytes()))
    (inputs / "front.xhtml").write_bytes((FIXTURES / "section_front.html").read_bytes())
    (inputs / "article.txt").write_text(make_dump(), encoding="utf-8")
    _, out, report = run_build([inputs], tmp_path, dedup=False)
    table = pa.concat_tables(pq.read_table(shard) for shard in sorted((out / "data").rglob("*.parquet")))
    rows = {row["source_file"]: row for row in table.to_pylist()}
    assert set(rows) == {"pier.html", "pier_cp1252.htm.gz", "article.txt"}
    assert rows["pier_cp1252.htm.gz"]["title"] == TITLES["meta_charset_cp1252"]
    assert {row["extractor"] for name, row in rows.items() if name != "article.txt"} == {TRAFILATURA}
    assert all(row["url"] is None for row in rows.values())
    assert table.schema.field("url").type == pa.string() and table.schema.field("url").nullable
    assert table.schema.metadata[b"schema"] == b"article/v4"
    (front,) = pq.read_table(report / "rejects.parquet").to_pylist()
    assert front["source_file"] == "front.xhtml" and front["reason"] == Reason.NO_ARTICLE


def test_a_page_inside_an_archive_is_read(tmp_path: Path) -> None:
    import zipfile

    inputs = tmp_path / "in"
    inputs.mkdir()
    with zipfile.ZipFile(inputs / "pages.zip", "w") as archive:
        archive.write(FIXTURES / "http_equiv_latin1.html", "2025/pier.htm")
    _, out, _ = run_build([inputs], tmp_path)
    (row,) = pq.read_table(next((out / "data").rglob("*.parquet"))).to_pylist()
    assert row["source_file"] == "pages.zip/2025/pier.htm" and row["title"] == TITLES["http_equiv_latin1"]


def test_the_body_keeps_the_text_rows_form_and_each_image_once() -> None:
    from lxml import etree

    from builder.extract.html.body import article_parts

    tree = etree.fromstring(
        "<body><head>The headline</head><p>First  paragraph,\n wrapped.</p>"
        "<quote><p>A quoted paragraph.</p><graphic src='https://x.example/a.jpg' alt='A'/></quote>"
        "<list><item>one</item><item>two<list><item>nested</item></list></item></list>"
        "<graphic src='https://x.example/b.jpg'/><graphic src='https://x.example/c.jpg' title='no alt'/></body>"
    )
    parts = article_parts(tree, {"https://x.example/b.jpg": "Caption of b."}, "The headline")
    assert parts.body == "First paragraph, wrapped.\n\nA quoted paragraph.\n\n• one\n• two\n• nested"
    assert parts.images == [{"alt": "A", "caption": None}, {"alt": None, "caption": "Caption of b."}]


def test_the_survey_never_decodes_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generic reader's survey skips an HTML page on its first bytes (it sketches text dumps only)."""
    from builder.extract.generic import survey
    from builder.pipeline import bundled_sites
    from tests.dumps import make_dump

    decoded: list[str] = []
    real_decode = survey.decode

    def counting_decode(record: Record, lenient: str | None = None) -> Any:
        decoded.append(record.source_file)
        return real_decode(record, lenient)

    monkeypatch.setattr(survey, "decode", counting_decode)
    sites = bundled_sites()
    for page in PAGES:
        record = Record(source_file=f"{page}.html", data=(FIXTURES / f"{page}.html").read_bytes())
        assert survey.sketch_record(record, sites) is None
    unprofiled = make_dump().replace("Al Mayadeen English", "The Harbour Weekly")
    survey.sketch_record(Record(source_file="dump.txt", data=unprofiled.encode()), sites)
    assert decoded == ["dump.txt"]  # the one text dump only
