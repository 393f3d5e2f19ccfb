"""Inputs: encodings, line ends and spacing never change the extracted fields; the folder walk is safe and sorted."""

from __future__ import annotations

import codecs
import os
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from builder.build import BuildOptions, build
from builder.inputs.files import discover
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from tests.dumps import BODY, BODY_2, TITLE_2, make_dump, write_dump

NOW = datetime(2026, 11, 22, tzinfo=UTC)
DATA = Path(__file__).resolve().parent.parent / "data"
# Every character here is in cp1252: curly quotes, é, em dash, bullet, no-break space.
PAGE = make_dump(
    title="Café Owners’ “Last Stand” — Beirut’s Old Quarter",
    summary="Owners of the oldest café in the quarter said on Monday that “rising rents” — not the storm — forced them out.",
    body=(*BODY, "The café’s regulars — some of them for forty years — called the closure “a loss for everyone”.\xa0"),
    tags=("Lebanon", "Café culture"),
)
# C0 controls other than \n, C1 controls, and the replacement character must never reach a row.
_FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ufffd]")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(now=NOW))


def extract(pipeline: Pipeline, data: bytes, name: str = "page.txt") -> dict[str, Any]:
    record = pipeline.process(Record(source_file=name, data=data))
    assert record.reject is None, record.reject
    return record.fields


def strings(value: Any) -> Iterator[str]:
    """Every string inside a row (lists and image structs included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def assert_clean(fields: dict[str, Any]) -> None:
    for text in strings(fields):
        assert not _FORBIDDEN.search(text), repr(text)


@pytest.fixture(scope="module")
def baseline(pipeline: Pipeline) -> dict[str, Any]:
    fields = extract(pipeline, PAGE.encode("utf-8"))
    assert fields["title"] == "Café Owners’ “Last Stand” — Beirut’s Old Quarter"
    assert fields["body"].endswith("“a loss for everyone”.")
    return fields


ENCODINGS: dict[str, Any] = {
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-le-bom": lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "lone-cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "cp1252": lambda t: t.encode("cp1252"),
    "cp1252-crlf": lambda t: t.replace("\n", "\r\n").encode("cp1252"),
    "utf-16-le-bom-crlf": lambda t: codecs.BOM_UTF16_LE + t.replace("\n", "\r\n").encode("utf-16-le"),
    "nfd": lambda t: __import__("unicodedata").normalize("NFD", t).encode("utf-8"),
}


@pytest.mark.parametrize("variant", sorted(ENCODINGS))
def test_encodings_and_line_ends_give_the_same_fields(
    pipeline: Pipeline, baseline: dict[str, Any], variant: str
) -> None:
    data = ENCODINGS[variant](PAGE)
    assert data != PAGE.encode("utf-8")
    assert extract(pipeline, data) == baseline  # every field, id included


SPACING: dict[str, Any] = {
    "tabs": lambda t: (
        t.replace("  • ", "\t•\t").replace(" Min Read", "\tMin Read").replace("Old Quarter", "Old\tQuarter")
    ),
    "trailing-blanks": lambda t: "\n".join(line + " \t " for line in t.split("\n")),
    "doubled-blank-lines": lambda t: t.replace("\n\n", "\n\n\n"),
    "blank-lines-with-spaces": lambda t: t.replace("\n\n", "\n   \n\t\n"),
    "runs-of-spaces": lambda t: t.replace(" the ", "   the  "),
    "leading-and-final-newlines": lambda t: "\n\n" + t + "\n\n",
}


@pytest.mark.parametrize("variant", sorted(SPACING))
def test_spacing_never_changes_fields(pipeline: Pipeline, baseline: dict[str, Any], variant: str) -> None:
    text = SPACING[variant](PAGE)
    assert text != PAGE
    assert extract(pipeline, text.encode("utf-8")) == baseline


def test_all_spacing_variants_at_once_in_cp1252_crlf(pipeline: Pipeline, baseline: dict[str, Any]) -> None:
    text = PAGE
    for change in SPACING.values():
        text = change(text)
    assert extract(pipeline, text.replace("\n", "\r\n").encode("cp1252")) == baseline


def test_stray_control_characters_are_cleaned(pipeline: Pipeline, baseline: dict[str, Any]) -> None:
    text = PAGE.replace("Café Owners", "Café\x07 Owners\x00", 1).replace("rising", "ris\u0085ing", 1)
    text = text.replace("regulars", "regu\x1b\x7flars\ufffd").replace("Café culture", "Café\u009c culture")
    fields = extract(pipeline, text.encode("utf-8"))
    assert fields == baseline
    assert_clean(fields)


def test_a_mostly_binary_dump_is_rejected(pipeline: Pipeline) -> None:
    noisy = "".join(ch + ("\x01\x02\x1f" if i % 10 == 0 else "") for i, ch in enumerate(PAGE))
    record = pipeline.process(Record(source_file="noisy.txt", data=noisy.encode("utf-8")))
    assert record.reject is not None and record.reject.reason == "unreadable"
    assert "control characters" in record.reject.detail


def test_rows_of_every_variant_are_clean(pipeline: Pipeline) -> None:
    for encode in ENCODINGS.values():
        assert_clean(extract(pipeline, encode(PAGE)))
    assert_clean(extract(pipeline, make_dump(title="Tab\there", body=(BODY[0] + "\x0b\x0c", *BODY[1:])).encode()))


@pytest.mark.parametrize("dump", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_make_dump_reproduces_a_real_page(pipeline: Pipeline, dump: Path) -> None:
    """The helper's layout parses like the real dumps: recompose each one from its own fields."""
    real = extract(pipeline, dump.read_bytes(), dump.name)
    page = make_dump(
        title=real["title"],
        authors=real["authors"],
        source=real["source"],
        date=f"{real['published_at_local']:%d %b %Y %H:%M}",
        reading_time=real["reading_time_minutes"],
        summary=real["summary"],
        images=[(image["alt"], image["caption"]) for image in real["images"]],
        body=real["body"].split("\n\n"),
        tags=real["tags"],
    )
    assert extract(pipeline, page.encode("utf-8"), dump.name) == real


# -- the folder walk ---------------------------------------------------------------------------


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (a blocked open() on a pipe, a walk that loops, an archive inflating for minutes)."""

    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError(f"still running after {seconds}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def names(paths: list[Path]) -> list[str]:
    return [item.source_file for item in discover(paths)]


def test_walk_is_recursive_and_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", "A.txt", "x.txt/inner.txt", "a.txt", "deep/er/and/er.txt"):
        write_dump(tmp_path, name, "x")
    expected = ["A.txt", "a.txt", "a/b/c.txt", "a/z.txt", "b.txt", "deep/er/and/er.txt", "x.txt/inner.txt"]
    assert names([tmp_path]) == expected
    assert names([tmp_path / "a"]) == ["b/c.txt", "z.txt"]


def test_files_and_folders_mixed(tmp_path: Path) -> None:
    folder = tmp_path / "dumps"
    write_dump(folder, "nested/one.txt", make_dump())
    loose = write_dump(tmp_path / "elsewhere", "two.txt", make_dump(title=TITLE_2, body=BODY_2))
    assert names([loose, folder]) == ["nested/one.txt", "two.txt"]
    opts = BuildOptions(out=tmp_path / "out", report=tmp_path / "rep", now=NOW, workers=1, dedup=False)
    build([loose, folder], opts)
    rows = pq.read_table(tmp_path / "out" / "data" / "train-00000-of-00001.parquet").to_pylist()
    assert [row["source_file"] for row in rows] == ["nested/one.txt", "two.txt"]


def test_a_named_pipe_never_blocks(tmp_path: Path) -> None:
    write_dump(tmp_path / "in", "good.txt", make_dump())
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    os.mkfifo(tmp_path / "in" / "pipe.zip")  # named like an archive: still never opened
    with deadline(30):
        result = build([tmp_path / "in"], BuildOptions(out=tmp_path / "out", report=tmp_path / "r", now=NOW, workers=1))
    rejects = {r["source_file"]: r for r in pq.read_table(tmp_path / "r" / "rejects.parquet").to_pylist()}
    assert {name: r["reason"] for name, r in rejects.items()} == {"pipe.txt": "unreadable", "pipe.zip": "unreadable"}
    assert "not a regular file" in rejects["pipe.txt"]["detail"]
    assert result.summary["rows"] == 1


def test_a_symlink_cycle_never_loops(tmp_path: Path) -> None:
    write_dump(tmp_path, "in/sub/page.txt", "x")
    os.symlink("..", tmp_path / "in" / "sub" / "up")  # in/sub/up -> in
    os.symlink(tmp_path / "in", tmp_path / "in" / "self")
    with deadline(10):
        assert names([tmp_path / "in"]) == ["sub/page.txt"]


def test_a_self_referencing_file_link_is_an_unreadable_input(tmp_path: Path) -> None:
    write_dump(tmp_path / "in", "good.txt", make_dump())
    os.symlink("loop.txt", tmp_path / "in" / "loop.txt")
    result = build([tmp_path / "in"], BuildOptions(out=tmp_path / "out", report=tmp_path / "r", now=NOW, workers=1))
    assert result.summary["rejects_by_reason"] == {"unreadable": 1}


def test_a_folder_named_like_a_file_is_walked(tmp_path: Path) -> None:
    write_dump(tmp_path / "in", "x.txt/page.txt", make_dump())
    write_dump(tmp_path / "in", "y.zip/page.txt", make_dump(title=TITLE_2, body=BODY_2))
    assert names([tmp_path / "in"]) == ["x.txt/page.txt", "y.zip/page.txt"]
    assert names([tmp_path / "in" / "x.txt"]) == ["page.txt"]
    result = build([tmp_path / "in"], BuildOptions(out=tmp_path / "o", report=tmp_path / "r", now=NOW, workers=1))
    assert result.summary["rows"] == 2 and result.summary["reconciled"]


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_dump(tmp_path / "in", "good.txt", make_dump())
    write_dump(tmp_path / "in", "locked/hidden.txt", make_dump(title=TITLE_2, body=BODY_2))
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root ignores file modes, so fake the refusal
    result = build([tmp_path / "in"], BuildOptions(out=tmp_path / "out", report=tmp_path / "r", now=NOW, workers=1))
    rejects = pq.read_table(tmp_path / "r" / "rejects.parquet").to_pylist()
    assert [(r["source_file"], r["reason"]) for r in rejects] == [("locked", "unreadable")]
    assert "Permission denied" in rejects[0]["detail"]
    assert result.summary["inputs"] == 2 and result.summary["reconciled"]
