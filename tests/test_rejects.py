"""Every reject reason, asserted exactly, plus the build's bookkeeping (report, --now, errors, CLI exit codes)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pyarrow.parquet as pq
import pytest

import builder.pipeline
from builder.build import BuildOptions, build
from builder.errors import NoRowsError, StrictModeError
from builder.inputs.files import read_bytes
from builder.pipeline import Pipeline, PipelineOptions
from builder.reasons import Reason
from builder.record import Record, Reject
from builder.validate.validators import BodyLengthValidator, DateValidator, LanguageValidator
from tests.dumps import ARABIC_BODY, BODY, BODY_2, SPANISH_BODY, TITLE_2, home_page, make_dump, write_dump

NOW = datetime(2026, 11, 22, tzinfo=UTC)
BEIRUT = ZoneInfo("Asia/Beirut")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(now=NOW))


def process(pipeline: Pipeline, data: bytes | str, name: str = "page.txt") -> Record:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return pipeline.process(Record(source_file=name, data=raw))


def assert_reject(record: Record, reason: Reason) -> Reject:
    assert record.reject is not None, f"expected {reason}, got a row"
    assert record.reject.reason == reason, record.reject
    detail = record.reject.detail
    assert len(detail) >= 10 and detail.isprintable() and " " in detail  # a sentence, not a code or a repr of bytes
    assert record.reject.stage
    return record.reject


def options(tmp_path: Path, **kw: object) -> BuildOptions:
    """Dumps of other sites are rejected here: these tests are about rejects (tests/test_unknown_sites.py reads them)."""
    settings: dict[str, object] = {"now": NOW, "workers": 1, "unknown_sites": "reject", **kw}
    return BuildOptions(out=tmp_path / "out", report=tmp_path / "report", **settings)  # type: ignore[arg-type]


# -- decode -----------------------------------------------------------------------------------


UNREADABLE = {
    "empty": b"",
    "nul_binary": b"\x7fELF\x02\x01\x01" + b"\x00" * 300 + bytes(range(256)) * 4,
    "random": random.Random(7).randbytes(8192),
    "not_utf8_nor_cp1252": "Al Mayadeen English\n\ncafé ".encode("cp1252") + b"\x81\x8d tail\n",
    "whitespace_only": b"  \n\t\r\n   \n\xc2\xa0\n",
    "control_chars": bytes(range(1, 9)) * 50 + b"text",
    "utf16_without_bom": make_dump().encode("utf-16-le"),  # half NULs: not taken for text
}


@pytest.mark.parametrize("kind", sorted(UNREADABLE))
def test_unreadable(pipeline: Pipeline, kind: str) -> None:
    reject = assert_reject(process(pipeline, UNREADABLE[kind]), Reason.UNREADABLE)
    assert reject.stage == "decode"


def test_unreadable_detail_names_the_byte_cp1252_cannot_decode(pipeline: Pipeline) -> None:
    detail = assert_reject(process(pipeline, UNREADABLE["not_utf8_nor_cp1252"]), Reason.UNREADABLE).detail
    assert "0x81" in detail


def test_too_large_is_decided_from_stat_without_reading(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    sparse = tmp_path / "in" / "huge.txt"
    with open(sparse, "wb") as handle:
        handle.truncate(1 << 30)  # 1 GiB, no blocks on disk
    start = time.perf_counter()
    reject = read_bytes(sparse, max_bytes=4 << 20)
    assert isinstance(reject, Reject) and reject.reason == Reason.TOO_LARGE
    assert str(1 << 30) in reject.detail
    assert time.perf_counter() - start < 0.5
    write_dump(tmp_path / "in", "page.txt", make_dump())  # fits the limit below: only the sparse file goes
    result = build([tmp_path / "in"], options(tmp_path, max_bytes=len(make_dump().encode())))
    assert result.summary["rejects_by_reason"] == {"too_large": 1}


def test_too_large_honours_a_small_max_bytes(tmp_path: Path) -> None:
    path = write_dump(tmp_path, "page.txt", make_dump())
    size = path.stat().st_size
    assert read_bytes(path, size) == path.read_bytes()
    reject = read_bytes(path, size - 1)
    assert isinstance(reject, Reject) and reject.reason == Reason.TOO_LARGE


# -- page recognition and parsing -------------------------------------------------------------


def test_unknown_site(pipeline: Pipeline) -> None:
    reject = assert_reject(process(pipeline, make_dump(site_name="The Daily Courier")), Reason.UNKNOWN_SITE)
    assert "The Daily Courier" in reject.detail


def test_no_article_on_a_home_page(pipeline: Pipeline) -> None:
    assert_reject(process(pipeline, home_page()), Reason.NO_ARTICLE)


@pytest.mark.parametrize("keep", [0.5, 0.8, 1.0])
def test_truncated_mid_body(pipeline: Pipeline, keep: float) -> None:
    page = make_dump()
    start, end = page.index("21 Jul 2021"), page.index("\nMost Read")
    assert_reject(process(pipeline, page[: start + int((end - start) * keep)]), Reason.TRUNCATED)


def test_missing_date(pipeline: Pipeline) -> None:
    assert_reject(process(pipeline, make_dump(date=None)), Reason.MISSING_DATE)


def beirut_spring_gap(year: int) -> datetime:
    """The first wall-clock half hour of `year` that Beirut skips, found with zoneinfo (not hard-coded)."""
    wall = datetime(year, 1, 1)
    while wall.replace(tzinfo=BEIRUT).astimezone(UTC).astimezone(BEIRUT).replace(tzinfo=None) == wall:
        wall += timedelta(minutes=30)
    return wall


def test_spring_gap_is_real() -> None:
    # last Sunday of March: clocks jump from 00:00 to 01:00, so 00:00 itself is the first skipped minute
    assert beirut_spring_gap(2021) == datetime(2021, 3, 28, 0, 0)
    assert (
        datetime(2021, 3, 28, 0, 30, tzinfo=BEIRUT).utcoffset()
        != datetime(2021, 3, 28, 1, 30, tzinfo=BEIRUT).utcoffset()
    )


@pytest.mark.parametrize(
    "printed", ["31 Feb 2021 10:00", "10 Mar 2021 25:70", "29 Feb 2021 12:00", "28 Mar 2021 00:30", "28 Mar 2021 00:00"]
)
def test_invalid_date(pipeline: Pipeline, printed: str) -> None:
    reject = assert_reject(process(pipeline, make_dump(date=printed)), Reason.INVALID_DATE)
    assert printed in reject.detail


def test_valid_dates_next_to_the_invalid_ones(pipeline: Pipeline) -> None:
    for printed in ("28 Feb 2021 10:00", "29 Feb 2020 23:59", "27 Mar 2021 00:30", "28 Mar 2021 01:00"):
        assert process(pipeline, make_dump(date=printed)).reject is None, printed


def test_future_date(pipeline: Pipeline) -> None:
    reject = assert_reject(process(pipeline, make_dump(date="22 Nov 2026 02:01")), Reason.FUTURE_DATE)
    assert "2026-11-22T00:01:00+00:00" in reject.detail
    # 02:00 in Beirut (UTC+2 in November) is exactly `now`: not in the future
    assert process(pipeline, make_dump(date="22 Nov 2026 02:00")).reject is None


def test_date_before_min(pipeline: Pipeline) -> None:
    reject = assert_reject(process(pipeline, make_dump(date="10 Jun 2012 23:59")), Reason.DATE_BEFORE_MIN)
    assert "2012-06-11" in reject.detail
    assert process(pipeline, make_dump(date="11 Jun 2012 00:00")).reject is None


@pytest.mark.parametrize("detector", ["fasttext", "langdetect"])
def test_wrong_language(detector: str) -> None:
    pipe = Pipeline(PipelineOptions(now=NOW, lang_detector=detector))
    for body, code in ((SPANISH_BODY, "es"), (ARABIC_BODY, "ar")):
        reject = assert_reject(process(pipe, make_dump(body=body)), Reason.WRONG_LANGUAGE)
        assert f"'{code}'" in reject.detail and detector in reject.detail
    english = process(pipe, make_dump())
    assert english.reject is None and english.fields["language"] == "en"


def test_short_body_and_the_min_words_boundary() -> None:
    words = " ".join(BODY[0].split()[:30])
    assert len(words.split()) == 30
    for min_words, reason in ((30, None), (31, Reason.SHORT_BODY)):
        pipe = Pipeline(PipelineOptions(now=NOW, min_words=min_words))
        record = process(pipe, make_dump(body=(words,), related_news=False))
        if reason is None:
            assert record.reject is None
        else:
            assert "30 words" in assert_reject(record, reason).detail


def test_dates_convert_with_real_tz_rules(pipeline: Pipeline) -> None:
    cases = {
        "21 Jul 2021 14:49": datetime(2021, 7, 21, 11, 49, tzinfo=UTC),  # summer, UTC+3
        "15 Jan 2022 10:00": datetime(2022, 1, 15, 8, 0, tzinfo=UTC),  # winter, UTC+2
        "1 Jan 2022 00:00": datetime(2021, 12, 31, 22, 0, tzinfo=UTC),  # New Year's midnight: the day before
    }
    for printed, instant in cases.items():
        fields = process(pipeline, make_dump(date=printed)).fields
        assert fields["published_at"] == instant
        assert fields["published_at_local"] == datetime.strptime(printed, "%d %b %Y %H:%M")
        assert fields["published_at_local"].tzinfo is None


def test_a_naive_now_is_taken_as_utc() -> None:
    pipe = Pipeline(PipelineOptions(now=datetime(2026, 11, 22)))
    assert process(pipe, make_dump()).reject is None
    assert_reject(process(pipe, make_dump(date="22 Nov 2026 02:01")), Reason.FUTURE_DATE)


# -- whole builds -------------------------------------------------------------------------------

GOOD = {"good_1.txt": make_dump(), "sub/good_2.txt": make_dump(title=TITLE_2, body=BODY_2)}
BAD = {
    "empty.txt": ("", Reason.UNREADABLE),
    "other_site.txt": (make_dump(site_name="The Daily Courier"), Reason.UNKNOWN_SITE),
    "home.txt": (home_page(), Reason.NO_ARTICLE),
    "cut.txt": (make_dump(end_chrome=False), Reason.TRUNCATED),
    "no_date.txt": (make_dump(date=None), Reason.MISSING_DATE),
    "sub/feb31.txt": (make_dump(date="31 Feb 2021 10:00"), Reason.INVALID_DATE),
    "future.txt": (make_dump(date="1 Jan 2027 10:00"), Reason.FUTURE_DATE),
    "old.txt": (make_dump(date="1 Jan 2010 10:00"), Reason.DATE_BEFORE_MIN),
    "es.txt": (make_dump(body=SPANISH_BODY), Reason.WRONG_LANGUAGE),
    "short.txt": (make_dump(body=("A few words only.",), related_news=False), Reason.SHORT_BODY),
    "good_1_copy.txt": (make_dump(), Reason.DUPLICATE),  # sorts after good_1.txt: the copy goes
}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    for name, text in GOOD.items():
        write_dump(folder, name, text)
    for name, (text, _reason) in BAD.items():
        write_dump(folder, name, text)
    return folder


def test_mixed_build_reconciles(tmp_path: Path, mixed: Path) -> None:
    result = build([mixed], options(tmp_path))
    summary = json.loads((tmp_path / "report" / "summary.json").read_text())
    assert summary == result.summary
    assert summary["reconciled"] is True
    assert summary["inputs"] == len(GOOD) + len(BAD) == summary["rows"] + summary["rejected"]
    assert summary["rows"] == len(GOOD)
    assert summary["rejects_by_reason"] == {str(reason): 1 for _text, reason in BAD.values()}
    rejects = pq.read_table(tmp_path / "report" / "rejects.parquet").to_pylist()
    assert {r["source_file"]: r["reason"] for r in rejects} == {k: str(v[1]) for k, v in BAD.items()}
    assert all(set(r) == {"source_file", "reason", "detail", "stage"} and r["detail"] and r["stage"] for r in rejects)
    rows = pq.read_table(tmp_path / "out" / "data" / "train-00000-of-00001.parquet").to_pylist()
    assert sorted(r["source_file"] for r in rows) == sorted(GOOD)


def test_parse_error_is_one_reject_and_the_build_goes_on(
    tmp_path: Path, mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = builder.pipeline.parse_article

    def flaky(record: Record) -> Reject | None:
        if record.source_file == "sub/good_2.txt":
            raise RuntimeError("parser exploded on purpose")
        return real(record)

    monkeypatch.setattr(builder.pipeline, "parse_article", flaky)
    result = build([mixed], options(tmp_path, dedup=False))
    rejects = {r["source_file"]: r for r in pq.read_table(tmp_path / "report" / "rejects.parquet").to_pylist()}
    assert rejects["sub/good_2.txt"]["reason"] == "parse_error"
    assert rejects["sub/good_2.txt"]["detail"] == "RuntimeError: parser exploded on purpose"
    assert result.summary["rows"] == 2  # good_1 and its copy (dedup off)
    assert result.summary["reconciled"] is True


def test_now_makes_builds_reproducible(tmp_path: Path, mixed: Path) -> None:
    outputs = []
    for run in ("a", "b"):  # an --out of the same name (the card's load_dataset() example names the folder),
        build([mixed], options(tmp_path / run))  # in another place: a rebuild over the first would list its changes
        files = sorted((tmp_path / run / "out").rglob("*.*"))
        outputs.append([(p.relative_to(tmp_path / run / "out").as_posix(), p.read_bytes()) for p in files])
    assert outputs[0] == outputs[1]
    assert [name for name, _data in outputs[0]] == ["README.md", "data/train-00000-of-00001.parquet"]


def test_now_before_an_article_rejects_it_as_future(tmp_path: Path) -> None:
    write_dump(tmp_path / "in", "a.txt", make_dump(date="21 Jul 2021 14:49"))
    write_dump(tmp_path / "in", "b.txt", make_dump(title=TITLE_2, body=BODY_2, date="1 Mar 2021 09:00"))
    opts = BuildOptions(out=tmp_path / "out", report=tmp_path / "r", now=datetime(2021, 7, 1, tzinfo=UTC), workers=1)
    assert build([tmp_path / "in"], opts).summary["rejects_by_reason"] == {"future_date": 1}


def test_zero_rows_raises_and_leaves_no_dataset(tmp_path: Path) -> None:
    write_dump(tmp_path / "in", "home.txt", home_page())
    write_dump(tmp_path / "in", "empty.txt", "")
    with pytest.raises(NoRowsError, match="all 2 inputs were rejected"):
        build([tmp_path / "in"], options(tmp_path))
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "report"]  # no staging folder left over
    assert json.loads((tmp_path / "report" / "summary.json").read_text())["rejected"] == 2


def test_fail_on_reject(tmp_path: Path, mixed: Path) -> None:
    with pytest.raises(StrictModeError, match=f"{len(BAD)} of {len(BAD) + len(GOOD)} inputs"):
        build([mixed], options(tmp_path, fail_on_reject=True))


# -- command line ------------------------------------------------------------------------------


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "builder.cli.main", "build", *map(str, args), "--now", "2026-11-22T00:00:00Z"]
    command += ["--workers", "1", "--unknown-sites", "reject"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    for word in words:
        assert word in lines[0]


@pytest.fixture
def out_args(tmp_path: Path) -> Iterator[list[str | Path]]:
    yield ["--out", tmp_path / "out", "--report", tmp_path / "report", "-q"]


def test_cli_exits_zero_with_rejects(mixed: Path, out_args: list[str | Path], tmp_path: Path) -> None:
    proc = cli(mixed, *out_args)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "report" / "summary.json").read_text())["rejected"] == len(BAD)


def test_cli_errors(tmp_path: Path, mixed: Path, out_args: list[str | Path]) -> None:
    assert_one_line_error(cli(tmp_path / "nope", *out_args), "does not exist", "nope")
    a_file = write_dump(tmp_path, "file.txt", "x")
    assert_one_line_error(cli(mixed, "--out", a_file, "--report", tmp_path / "r", "-q"), "--out", "not a folder")
    assert_one_line_error(cli(mixed, *out_args, "--fail-on-reject"), "--fail-on-reject")
    write_dump(tmp_path / "bad", "home.txt", home_page())
    assert_one_line_error(cli(tmp_path / "bad", *out_args), "rejected")


# -- validators judge what the extract steps filled ------------------------------------------------

JUDGED = {"good": None, "spanish": Reason.WRONG_LANGUAGE, "before launch": Reason.DATE_BEFORE_MIN}
PAGES = {
    "good": make_dump(),
    "spanish": make_dump(body=SPANISH_BODY),
    "before launch": make_dump(date="1 Jan 2010 10:00"),
}


@pytest.mark.parametrize("case", sorted(JUDGED))
def test_validators_only_judge(pipeline: Pipeline, case: str) -> None:
    """A validator changes nothing on the record, whether it rejects it or not: earlier steps filled it all."""
    validators = (DateValidator, BodyLengthValidator, LanguageValidator)
    record = Record(source_file="page.txt", data=PAGES[case].encode())
    verdict, judged = None, 0
    for step in pipeline.steps:
        before = (dict(record.fields), dict(record.extracted), record.body_words, record.site)
        verdict = step(record)
        if isinstance(step, validators):
            judged += 1
            assert (dict(record.fields), dict(record.extracted), record.body_words, record.site) == before, step
        if verdict is not None:
            break
    assert (verdict.reason if verdict else None) == JUDGED[case]
    assert judged >= 1 and record.fields["published_at"].tzinfo is UTC
