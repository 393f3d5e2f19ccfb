"""Boundaries, each tested on both sides: spacing around the meta lines, the near-duplicate threshold, the
junk share, --max-bytes for archive members, member order in a zip, the order of reject reasons, size labels,
the reading time's int32 range, the test split's share, multi-line captions and the card's top tags."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from builder.build import BuildResult, split_of
from builder.dedup.fingerprint import jaccard, shingles
from builder.export.card import size_category
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from tests.conftest import NOW, NOW_ISO, run_build, run_cli
from tests.dumps import BODY, BODY_2, SUMMARY, TITLE_2, make_dump, write_dump

PAGE = make_dump()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(now=NOW))


def outcome(pipeline: Pipeline, data: bytes) -> Record:
    return pipeline.process(Record(source_file="page.txt", data=data))


def fields_of(pipeline: Pipeline, data: bytes) -> dict[str, Any]:
    record = outcome(pipeline, data)
    assert record.reject is None, record.reject
    return record.fields


@pytest.fixture(scope="module")
def baseline(pipeline: Pipeline) -> dict[str, Any]:
    fields = fields_of(pipeline, PAGE.encode())
    assert fields["reading_time_minutes"] == 2 and fields["summary"] == SUMMARY
    return fields


def rows_and_rejects(out: Path, report: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return pq.read_table(out / "data").to_pylist(), pq.read_table(report / "rejects.parquet").to_pylist()


# -- the reading-time line after a blank line ---------------------------------------------------


@pytest.mark.parametrize("blank", ["\n", "\n \t\n", "\n\n\n"])
def test_reading_time_after_a_blank_line_is_still_the_reading_time(
    pipeline: Pipeline, baseline: dict[str, Any], blank: str
) -> None:
    page = PAGE.replace("14:49\n2 Min Read", f"14:49\n{blank}2 Min Read")
    assert page != PAGE
    assert fields_of(pipeline, page.encode()) == baseline  # reading time 2, the real summary, every field


# -- the near-duplicate threshold: a pair exactly at it is a duplicate -----------------------------

# Words appended to the last paragraph: each adds exactly one shingle no other part of the body has.
TAIL_TEXT = (
    "Officials added that inspectors would visit every harbour along the coast before the end of the month, "
    "checking mooring lines, fuel tanks, radios and life jackets on each boat, and that owners who failed the "
    "inspection would receive a written notice with a list of repairs, a deadline and the name of an engineer "
    "they could call for free advice on the work still required"
)
TAIL = TAIL_TEXT.split()


def body_with_tail(words: int) -> tuple[str, ...]:
    return (*BODY[:-1], " ".join([BODY[-1], *TAIL[:words]]))


def test_a_pair_exactly_at_the_threshold_is_a_near_duplicate(tmp_path: Path) -> None:
    first, second = body_with_tail(1), body_with_tail(45)
    similarity = jaccard(shingles("\n\n".join(first)), shingles("\n\n".join(second)))
    assert similarity == 0.8  # 176 shared shingles of 220: exactly the default threshold
    folder = tmp_path / "in"
    write_dump(folder, "a.txt", make_dump(body=first))
    write_dump(folder, "b.txt", make_dump(body=second))
    _, out, report = run_build([folder], tmp_path)
    rows, rejects = rows_and_rejects(out, report)
    assert [row["source_file"] for row in rows] == ["a.txt"]
    assert [(r["source_file"], r["detail"]) for r in rejects] == [
        ("b.txt", "near-duplicate: body Jaccard 0.800 >= 0.8; kept a.txt")
    ]
    _, out, report = run_build([folder], tmp_path / "above", near_dup_threshold=0.8001)
    assert len(rows_and_rejects(out, report)[0]) == 2  # just above the pair's similarity: both kept


# -- the junk share: more than 1 % control characters is binary ----------------------------------

JUNK = "\x01\x1b\x7f\x85\ufffd\x0b"  # C0, DEL, C1, the replacement character, a vertical tab


def with_junk(text: str, count: int, pad_to: int | None = None) -> str:
    """`text` with `count` junk characters spread evenly through it, then padded with final newlines
    (which change no field) to `pad_to` characters."""
    step = len(text) // (count + 1)
    pieces = [text[i * step : (i + 1) * step] + JUNK[i % len(JUNK)] for i in range(count)]
    noisy = "".join(pieces) + text[count * step :]
    return noisy + "\n" * ((pad_to or len(noisy)) - len(noisy))


@pytest.mark.parametrize("share", [0.011, 0.02, 0.03])
def test_a_page_over_one_percent_junk_is_unreadable(pipeline: Pipeline, share: float) -> None:
    count = int(share * len(PAGE) / (1 - share)) + 1  # share of the noisy text, not of the clean one
    record = outcome(pipeline, with_junk(PAGE, count).encode())
    assert record.reject is not None and record.reject.reason == "unreadable", record.reject
    assert "control characters" in record.reject.detail


@pytest.mark.parametrize("share", [0.001, 0.005])
def test_a_page_under_one_percent_junk_is_cleaned_and_kept(
    pipeline: Pipeline, baseline: dict[str, Any], share: float
) -> None:
    noisy = with_junk(PAGE, int(share * len(PAGE)))
    assert noisy != PAGE
    assert fields_of(pipeline, noisy.encode()) == baseline


def test_exactly_one_percent_junk_is_kept_and_one_more_character_is_not(
    pipeline: Pipeline, baseline: dict[str, Any]
) -> None:
    size = 100 * (len(PAGE) // 99 + 1)  # a multiple of 100 with room for 1 % junk and some padding
    at_limit = with_junk(PAGE, size // 100, pad_to=size)
    assert len(at_limit) == size and sum(at_limit.count(c) for c in JUNK) == size // 100
    assert fields_of(pipeline, at_limit.encode()) == baseline
    over = with_junk(PAGE, size // 100 + 1, pad_to=size)
    assert len(over) == size
    record = outcome(pipeline, over.encode())
    assert record.reject is not None and record.reject.reason == "unreadable"


# -- --max-bytes for archive members, exactly as for loose files ----------------------------------

BIG = make_dump().encode()
SMALL = make_dump(title=TITLE_2, body=BODY_2).encode()


def write_archive(path: Path, members: dict[str, bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        return path
    with tarfile.open(path, "w:gz" if path.name.endswith(".tar.gz") else "w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def reasons_at(inputs: Path, tmp: Path, max_bytes: int) -> dict[str, str | None]:
    """source_file -> reject reason (None for a row) of a build with this --max-bytes."""
    _, out, report = run_build([inputs], tmp, max_bytes=max_bytes)
    rows, rejects = rows_and_rejects(out, report)
    return {**{r["source_file"]: None for r in rows}, **{r["source_file"]: r["reason"] for r in rejects}}


@pytest.mark.parametrize("kind", ["loose", "x.zip", "x.tar", "x.tar.gz"])
def test_an_input_of_exactly_max_bytes_is_read_and_one_byte_more_is_too_large(tmp_path: Path, kind: str) -> None:
    assert len(SMALL) < len(BIG)
    folder = tmp_path / "in"
    if kind == "loose":
        write_dump(folder, "big.txt", BIG.decode())
        write_dump(folder, "small.txt", SMALL.decode())
        prefix = ""
    else:
        write_archive(folder / kind, {"big.txt": BIG, "small.txt": SMALL})
        prefix = f"{kind}/"
    assert reasons_at(folder, tmp_path / "at", len(BIG)) == {f"{prefix}big.txt": None, f"{prefix}small.txt": None}
    over = reasons_at(folder, tmp_path / "over", len(BIG) - 1)
    assert over == {f"{prefix}big.txt": "too_large", f"{prefix}small.txt": None}


# -- a zip is read in name order, however it was written ------------------------------------------


def test_zip_members_are_read_in_name_order_whatever_the_stored_order(tmp_path: Path) -> None:
    other = make_dump(title="Harbour Repairs Begin", body=BODY[1:], date="2 Aug 2021 09:15").encode()
    stored = {"c.txt": other, "b.txt": BIG, "a.txt": BIG}  # a and b are byte-identical
    archive = write_archive(tmp_path / "in" / "x.zip", stored)
    with zipfile.ZipFile(archive) as opened:
        assert opened.namelist() == ["c.txt", "b.txt", "a.txt"]
    _, out, report = run_build([tmp_path / "in"], tmp_path)
    rows, rejects = rows_and_rejects(out, report)
    assert [row["source_file"] for row in rows] == ["x.zip/a.txt", "x.zip/c.txt"]
    assert [(r["source_file"], r["detail"]) for r in rejects] == [
        ("x.zip/b.txt", "exact copy: byte-identical file; kept x.zip/a.txt")
    ]


# -- reject reasons: most frequent first, ties by name, everywhere they are shown ------------------

EXPECTED_ORDER = [
    {"reason": "unreadable", "count": 2, "example": "c_empty.txt"},
    {"reason": "future_date", "count": 1, "example": "b_future.txt"},
    {"reason": "missing_date", "count": 1, "example": "a_no_date.txt"},
]


@pytest.fixture(scope="module")
def reasons_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Reasons met in the order missing_date, future_date, unreadable: neither by count nor by name."""
    folder = tmp_path_factory.mktemp("reasons") / "in"
    write_dump(folder, "a_no_date.txt", make_dump(date=None))
    write_dump(folder, "b_future.txt", make_dump(date="1 Jan 2027 10:00"))
    write_dump(folder, "c_empty.txt", "")
    write_dump(folder, "d_empty.txt", "")
    write_dump(folder, "e_good.txt", PAGE)
    return folder


def test_reasons_are_listed_most_frequent_first_then_by_name(reasons_folder: Path, tmp_path: Path) -> None:
    result, out, report = run_build([reasons_folder], tmp_path)
    assert isinstance(result, BuildResult)
    assert result.rejects_by_reason == EXPECTED_ORDER
    on_disk = json.loads((report / "summary.json").read_text())["rejects_by_reason"]
    assert list(on_disk.items()) == [(row["reason"], row["count"]) for row in EXPECTED_ORDER]
    card = (out / "README.md").read_text()
    table = [line for line in card.splitlines() if line.startswith("| `") and line.endswith(" |")]
    shown = [line.split("`")[1] for line in table if line.split("`")[1] in {r["reason"] for r in EXPECTED_ORDER}]
    assert shown == [row["reason"] for row in EXPECTED_ORDER]


def test_the_cli_table_lists_reasons_in_the_same_order(reasons_folder: Path, tmp_path: Path) -> None:
    done = run_cli(
        "build", str(reasons_folder), "--out", str(tmp_path / "o"), "--report", str(tmp_path / "r"), "--now", NOW_ISO,
        "--workers", "1", env={"COLUMNS": "200"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = [line.split("reject: ")[1].split()[0] for line in done.stdout.splitlines() if "reject: " in line]
    assert shown == [row["reason"] for row in EXPECTED_ORDER]


# -- the card's size category ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "label"),
    [
        (1, "n<1K"),
        (999, "n<1K"),
        (1_000, "1K<n<10K"),
        (9_999, "1K<n<10K"),
        (10_000, "10K<n<100K"),
        (99_999, "10K<n<100K"),
        (100_000, "100K<n<1M"),
        (1_000_000, "1M<n<10M"),
        (99_999_999, "10M<n<100M"),
    ],
)
def test_size_category_boundaries(rows: int, label: str) -> None:
    assert size_category(rows) == label


def test_one_hundred_million_rows_is_past_the_last_bounded_category() -> None:
    assert size_category(100_000_000) != "10M<n<100M"


def test_every_size_label_is_one_the_hub_knows() -> None:
    from importlib.resources import files

    known = json.loads(files("datasets.utils.resources").joinpath("size_categories.json").read_text())
    for rows in (0, 999, 1_000, 10**5, 10**7, 10**8, 10**9, 10**12):
        assert size_category(rows) in known, rows


# -- the reading time at the edge of its int32 column ----------------------------------------------


def test_the_largest_int32_reading_time_is_kept(pipeline: Pipeline) -> None:
    assert fields_of(pipeline, make_dump(reading_time=2**31 - 1).encode())["reading_time_minutes"] == 2**31 - 1


def test_a_reading_time_past_int32_is_a_row_or_a_reject(tmp_path: Path) -> None:
    write_dump(tmp_path / "in", "a.txt", make_dump(reading_time=2**31))
    write_dump(tmp_path / "in", "b.txt", make_dump(title=TITLE_2, body=BODY_2))
    result, _, report = run_build([tmp_path / "in"], tmp_path)
    assert result.summary["inputs"] == 2 and result.summary["reconciled"] and result.summary["rows"] == 1
    reject = json.loads((report / "rejects.jsonl").read_text())
    assert (reject["source_file"], reject["reason"], reject["stage"]) == ("a.txt", "parse_error", "pack")


# -- survivors of the second probe: the test split's share, multi-line captions, the card's top tags ----


def test_the_test_split_holds_about_test_size_of_the_articles_and_grows_by_nesting() -> None:
    ids = [hashlib.sha256(str(i).encode()).hexdigest()[:32] for i in range(4000)]
    for test_size in (0.1, 0.25):
        share = sum(split_of(article_id, test_size) == "test" for article_id in ids) / len(ids)
        assert abs(share - test_size) < 0.03, (test_size, share)
    small = {article_id for article_id in ids if split_of(article_id, 0.1) == "test"}
    assert small <= {article_id for article_id in ids if split_of(article_id, 0.25) == "test"}
    assert {split_of(article_id, 0.0) for article_id in ids} == {"train"}


def test_a_caption_over_two_lines_is_one_caption(pipeline: Pipeline) -> None:
    page = make_dump(images=(("A harbour at dawn", "Boats moored in Sour,\n    Monday (AP)"), ("A pier", None)))
    assert fields_of(pipeline, page.encode())["images"] == [
        {"alt": "A harbour at dawn", "caption": "Boats moored in Sour, Monday (AP)"},
        {"alt": "A pier", "caption": None},
    ]


def test_the_card_lists_the_ten_most_frequent_tags(tmp_path: Path) -> None:
    tags = [f"Tag {letter}" for letter in "LKJIHGFEDCBA"]  # twelve, listed against name order
    write_dump(tmp_path / "in", "a.txt", make_dump(tags=tags))
    write_dump(tmp_path / "in", "b.txt", make_dump(title=TITLE_2, body=BODY_2, tags=("Tag K", "Tag L")))
    _, out, _ = run_build([tmp_path / "in"], tmp_path)
    line = next(line for line in (out / "README.md").read_text().splitlines() if line.startswith("**Top tags**"))
    expected = ["Tag K (2)", "Tag L (2)", *(f"Tag {letter} (1)" for letter in "ABCDEFGH")]
    assert line == f"**Top tags**: {', '.join(expected)}"
