"""Invariants that hold for any input, checked on generated inputs (hypothesis, derandomized: CI sees the same cases).

- decode never leaves a control character, U+FFFD or a CR in the text, and its text is NFC;
- no row holds such a character either, wherever the junk was in the page;
- every input of a build is exactly one row or one reject;
- dedup verdicts do not depend on how the rows are cut into batches, and whatever the order, one article of
  each group of copies is kept and every other names a kept copy of its own group;
- the Arrow rows made from any page fit the schema of schemas/article.yaml.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from builder.batch import pack, rows_of
from builder.dedup.deduplicator import Deduplicator
from builder.errors import NoRowsError
from builder.extract.decode import NFC_CHUNK, decode
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from builder.schema import load_schema
from tests.conftest import NOW, run_build
from tests.dumps import BODY, BODY_2, MOST_READ, SPANISH_BODY, TITLE_2, home_page, make_dump

# derandomize: the same examples on every run and machine; no example database: nothing is written or replayed.
FAST = settings(derandomize=True, database=None, deadline=None, max_examples=200)
PAGES = settings(FAST, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
BUILDS = settings(FAST, max_examples=10, suppress_health_check=[HealthCheck.too_slow])

# What decode must never return: C0 controls but tab and LF, CR, DEL, C1 controls, U+FFFD.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")
JUNK_CHARS = "\x00\x01\x07\x0b\x0c\x0e\x1b\x1f\x7f\x80\x85\x9f\ufffd\r"
# Text that exercises decoding: ASCII, Latin-1, combining marks (NFC), Arabic, a no-break space, the junk.
TEXT_CHARS = "".join(
    [
        *map(chr, range(0x20, 0x7F)),
        *map(chr, range(0xA0, 0x250, 7)),
        *map(chr, range(0x300, 0x370, 5)),
        *map(chr, range(0x621, 0x64B)),
        "\n\t\u2019\u201c\u201d\u2014\u00a0\u1e9e\u212b\uac00",
        JUNK_CHARS,
    ]
)
ENCODERS = {
    "utf-8": lambda t: t.encode("utf-8", "surrogatepass"),
    "utf-8-sig": lambda t: t.encode("utf-8-sig"),
    "utf-16": lambda t: t.encode("utf-16"),
    "cp1252": lambda t: t.encode("cp1252", "ignore"),
}


def assert_clean_text(text: str) -> None:
    assert not FORBIDDEN.search(text), repr(FORBIDDEN.search(text))
    assert unicodedata.is_normalized("NFC", text)


def strings(value: Any) -> list[str]:
    """Every string inside a row (lists and image structs included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(now=NOW))


# -- decode --------------------------------------------------------------------------------------


@FAST
@given(data=st.binary(max_size=600))
def test_decode_of_any_bytes_is_clean_text_or_unreadable(data: bytes) -> None:
    record = Record(source_file="x.txt", data=data)
    reject = decode(record)
    if reject is None:
        assert_clean_text(record.text)
        assert record.text.strip()
    else:
        assert reject.reason == "unreadable" and reject.detail


@FAST
@given(text=st.text(TEXT_CHARS, max_size=400), encoding=st.sampled_from(sorted(ENCODERS)))
def test_decode_of_any_text_is_clean_text_or_unreadable(text: str, encoding: str) -> None:
    record = Record(source_file="x.txt", data=ENCODERS[encoding](text))
    reject = decode(record)
    if reject is None:
        assert_clean_text(record.text)
        assert "\r" not in record.text
    else:
        assert reject.reason == "unreadable"


# Characters that compose or reorder under NFC, and line breaks: a long page of them is normalised a chunk at a time
COMPOSING_CHARS = "ae o\n\u0301\u0308\u0327\u0323\u0345\u3099\u304b\u1100\u1161\u11a8\u212b\u1e9b\u00c5"


@FAST
@given(lines=st.lists(st.text(COMPOSING_CHARS, max_size=120), min_size=1, max_size=40), copies=st.integers(1, 12))
def test_decode_of_a_long_page_is_its_nfc(lines: list[str], copies: int) -> None:
    # The lines from about the first chunk's end on, and a chunk more: cut wherever the lines' breaks allow
    text = "y" * (NFC_CHUNK - 2) + "\n".join(lines * copies) + "\n" + "x" * NFC_CHUNK
    record = Record(source_file="x.txt", data=text.encode("utf-8"))
    assert decode(record) is None
    assert record.text == unicodedata.normalize("NFC", text)


@PAGES
@given(
    spots=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(JUNK_CHARS)), max_size=40),
    title=st.text(TEXT_CHARS, min_size=1, max_size=60),
)
def test_no_row_holds_junk_wherever_it_was_in_the_page(
    pipeline: Pipeline, spots: list[tuple[float, str]], title: str
) -> None:
    page = make_dump(title=title)
    for where, char in sorted(spots, reverse=True):  # from the end, so earlier offsets stay valid
        at = int(where * len(page))
        page = page[:at] + char + page[at:]
    record = pipeline.process(Record(source_file="x.txt", data=page.encode("utf-8", "surrogatepass")))
    event("row" if record.reject is None else f"reject: {record.reject.reason}")  # --hypothesis-show-statistics
    if record.reject is None:
        for text in strings(record.fields):
            assert_clean_text(text)


# -- every input is a row or a reject --------------------------------------------------------------

ARTICLES = [
    make_dump(),
    make_dump(title=TITLE_2, body=BODY_2, date="22 Jul 2021 09:00"),
    make_dump(title="Harbour Repairs Begin", body=BODY[1:], date="2 Aug 2021 09:15", authors=("A", "B")),
]
INPUT_KINDS = st.one_of(
    st.sampled_from(ARTICLES).map(str.encode),
    st.sampled_from(ARTICLES).map(lambda page: page.replace("\n", "\r\n").encode("utf-16")),  # a re-encoded copy
    st.sampled_from(
        [
            b"",
            home_page().encode(),
            make_dump(end_chrome=False).encode(),
            make_dump(date=None).encode(),
            make_dump(date="31 Feb 2021 10:00").encode(),
            make_dump(date="1 Jan 2030 10:00").encode(),
            make_dump(body=SPANISH_BODY).encode(),
            make_dump(body=("Too short.",), related_news=False).encode(),
            make_dump(site_name="The Daily Courier").encode(),
        ]
    ),
    st.binary(max_size=300),
    st.text(TEXT_CHARS, max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def write_inputs(folder: Path, inputs: list[bytes], zipped: bool) -> set[str]:
    """Write the inputs as files (or members of one zip, with a file beside it); their expected source_files."""
    folder.mkdir(parents=True)
    names = [f"in/{i:02d}.txt" for i in range(len(inputs))]
    if not zipped:
        for name, data in zip(names, inputs, strict=True):
            (folder / name).parent.mkdir(exist_ok=True)
            (folder / name).write_bytes(data)
        return set(names)
    with zipfile.ZipFile(folder / "dumps.zip", "w") as archive:
        for name, data in zip(names, inputs, strict=True):
            archive.writestr(name, data)
    (folder / "loose.txt").write_bytes(ARTICLES[0].encode())
    return {f"dumps.zip/{name}" for name in names} | {"loose.txt"}


@BUILDS
@given(inputs=st.lists(INPUT_KINDS, min_size=1, max_size=8), zipped=st.booleans())
def test_every_input_is_one_row_or_one_reject(
    tmp_path_factory: pytest.TempPathFactory, inputs: list[bytes], zipped: bool
) -> None:
    tmp = tmp_path_factory.mktemp("reconcile")
    expected = write_inputs(tmp / "inputs", inputs, zipped)
    try:
        summary = run_build([tmp / "inputs"], tmp)[0].summary
        rows = pq.read_table(tmp / "out" / "data").column("source_file").to_pylist()
    except NoRowsError:
        summary, rows = None, []
    rejects = pq.read_table(tmp / "report" / "rejects.parquet").column("source_file").to_pylist()
    event(f"{len(rows)} row(s)")
    assert sorted(rows + rejects) == sorted(expected)  # each input once, on one side only
    if summary is not None:
        assert summary["inputs"] == len(expected) == summary["rows"] + summary["rejected"]
        assert summary["reconciled"] is True


# -- dedup -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    group: int  # articles of one group are copies of each other (exact, re-crawl or near-duplicate)
    keys: tuple[int, ...]
    body: str


def recrawl(**page: Any) -> str:
    """Another day's crawl of a page: another ticker and sidebar, CRLF line ends; the same article."""
    other_day = make_dump(ticker=("Markets close higher after a quiet session.",), most_read=MOST_READ[1:], **page)
    return other_day.replace("\n", "\r\n")


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    """Groups of copies: each group's members are duplicates of each other, groups are unrelated."""
    pipeline = Pipeline(PipelineOptions(now=NOW))
    groups = [
        [make_dump(), recrawl(), make_dump(body=(BODY[0].replace("two hundred", "three hundred"), *BODY[1:]))],
        [
            make_dump(title=TITLE_2, body=BODY_2),
            recrawl(title=TITLE_2, body=BODY_2),
            make_dump(title=TITLE_2, body=(*BODY_2[:2], BODY_2[2].replace("monthly", "weekly"))),
        ],
        [make_dump(title="Harbour Repairs Begin", body=BODY[1:], date="2 Aug 2021 09:15")],
    ]
    found = []
    for group, pages in enumerate(groups):
        for page in pages:
            record = pipeline.process(Record(source_file="x.txt", data=page.encode()))
            assert record.reject is None, record.reject
            found.append(Article(group, record.dedup_keys, record.fields["body"]))
    return found


def dedup_verdicts(articles: list[Article], cuts: list[int]) -> list[str | None]:
    """Each article's verdict (None: kept; else the reject's detail), articles named by position, given to
    the deduplicator in batches that end at `cuts`."""
    dedup = Deduplicator()
    names = [f"{i:03d}.txt" for i in range(len(articles))]
    verdicts: list[str | None] = []
    try:
        for start, end in zip([0, *cuts], [*cuts, len(articles)], strict=True):
            batch = articles[start:end]
            rows = pa.RecordBatch.from_pydict({"source_file": names[start:end], "body": [a.body for a in batch]})
            verdicts += [v.detail if v else None for v in dedup([a.keys for a in batch], rows)]
    finally:
        dedup.close()
    return verdicts


@st.composite
def orders_and_cuts(draw: st.DrawFn, count: int) -> tuple[list[int], list[int]]:
    order = draw(st.lists(st.integers(0, count - 1), min_size=1, max_size=16))
    cuts = draw(st.lists(st.integers(1, max(1, len(order) - 1)), max_size=5, unique=True).map(sorted))
    return order, [cut for cut in cuts if cut < len(order)]


@FAST
@given(data=st.data())
def test_dedup_verdicts_do_not_depend_on_batches_or_order(articles: list[Article], data: st.DataObject) -> None:
    order, cuts = data.draw(orders_and_cuts(len(articles)))
    chosen = [articles[i] for i in order]
    verdicts = dedup_verdicts(chosen, cuts)
    assert verdicts == dedup_verdicts(chosen, [])  # one batch or many: the same answers
    kept_groups = [a.group for a, v in zip(chosen, verdicts, strict=True) if v is None]
    assert sorted(kept_groups) == sorted({a.group for a in chosen})  # one kept per group, whatever the order
    for position, (article, verdict) in enumerate(zip(chosen, verdicts, strict=True)):
        if verdict is not None:
            kept = int(verdict.rsplit("kept ", 1)[1].removesuffix(".txt"))
            assert kept < position and verdicts[kept] is None and chosen[kept].group == article.group


# -- Arrow rows fit the schema -------------------------------------------------------------------

WORDS = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=10)
LINE = st.lists(st.one_of(WORDS, st.text(TEXT_CHARS, min_size=1, max_size=8)), min_size=1, max_size=8).map(" ".join)


@st.composite
def pages(draw: st.DrawFn) -> str:
    extra = draw(st.lists(LINE, max_size=2))
    return make_dump(
        title=draw(LINE),
        authors=draw(st.lists(LINE, max_size=3)),
        source=draw(st.one_of(st.none(), LINE)),
        date=f"{draw(st.integers(1, 28))} {draw(st.sampled_from(['Jan', 'Jun', 'Oct']))} 20{draw(st.integers(13, 25))} "
        f"{draw(st.integers(0, 23))}:{draw(st.integers(0, 59)):02d}",
        # int32 at most: a larger one crashes the build (test_edges.py has the strict xfail for it)
        reading_time=draw(st.one_of(st.none(), st.integers(0, 2**31 - 1))),
        summary=draw(st.one_of(st.none(), LINE)),
        images=draw(st.lists(st.tuples(LINE, st.one_of(st.none(), LINE)), max_size=3)),
        body=(*BODY[: draw(st.integers(1, len(BODY)))], *extra),
        related_news=draw(st.booleans()),
        tags=draw(st.lists(WORDS, max_size=4)),
    )


@PAGES
@given(page=pages())
def test_rows_made_from_any_page_fit_the_schema(pipeline: Pipeline, page: str) -> None:
    record = pipeline.process(Record(source_file="x.txt", data=page.encode("utf-8", "surrogatepass")))
    event("row" if record.reject is None else f"reject: {record.reject.reason}")
    if record.reject is not None:
        return
    schema = load_schema().arrow()
    rows = rows_of(pack([record]))
    assert rows.schema.equals(schema, check_metadata=True)
    rows.validate(full=True)
    for field in schema:
        if not field.nullable:
            assert rows.column(field.name).null_count == 0, field.name
