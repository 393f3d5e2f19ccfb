"""Loose files the build cache vouches for by their stat: not read, not surveyed, the same bytes as a clean build."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace

import pyarrow as pa
import pytest

import builder.cache.stats as stats
import builder.extract.generic.survey as survey
import builder.inputs.files as files
from builder.cache.store import SEGMENTS, manifest_schema
from builder.inputs.containers import Part
from builder.reasons import Reason
from builder.record import Reject
from tests.dumps import write_dump
from tests.test_cache import profiled, same_as_clean
from tests.test_unknown_sites import planet_page

LONG_AGO = 1_600_000_000  # a time stamp set on the inputs: written long before the build looks


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Profiled dumps, a future-dated one, unprofiled dumps of one site, a JSON file: none changed lately."""
    folder = tmp_path / "inputs"
    for number in range(6):
        write_dump(folder, f"am_{number:02}.txt", profiled(number))
    write_dump(folder, "am_future.txt", profiled(51, date="03 Dec 2026 10:00"))
    for number in range(3):
        write_dump(folder, f"planet_{number}.txt", planet_page(number))
    write_dump(folder, "notes.json", '{"not": "a page"}')
    for path in folder.iterdir():
        os.utime(path, (LONG_AGO, LONG_AGO))
    return folder


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once: a test's files have just been made (their ctime is now)."""
    monkeypatch.setattr(stats, "SETTLED_SECONDS", 0)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The files read (by base name), counted: the builds run in this process (workers=1)."""
    counted: Counter[str] = Counter()
    real = files.read_bytes

    def counting(path: str, max_bytes: int) -> bytes | files.Reject:
        counted[os.path.basename(path)] += 1
        return real(path, max_bytes)

    monkeypatch.setattr(files, "read_bytes", counting)
    return counted


def test_unchanged_files_are_not_read_again_and_give_the_same_bytes(
    inputs: Path, tmp_path: Path, settled: None, reads: Counter[str]
) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    reads.clear()
    counts, result = same_as_clean([inputs], tmp_path, cache)
    unprofiled = {*(f"planet_{number}.txt" for number in range(3)), "notes.json"}
    inputs_count = result.summary["inputs"]
    assert counts == {"reused": inputs_count, "unread": inputs_count - len(unprofiled), "parsed": 0}
    # The clean build reads every file twice (survey, pass); the cached one only the text files no profile
    # recognised (their outcome may depend on their site's chrome, which is checked against their text).
    assert {name: count for name, count in reads.items() if count != 2} == dict.fromkeys(unprofiled, 4)
    assert sum(reads.values()) == result.summary["inputs"] * 2 + len(unprofiled) * 2


def test_a_file_edited_to_the_same_size_and_time_is_read_again(inputs: Path, tmp_path: Path, settled: None) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    path = inputs / "am_02.txt"
    old = path.read_text(encoding="utf-8")
    new = old.replace("Harbour story number 2", "Harbour story number 9")
    assert new != old and len(new) == len(old)
    path.write_text(new, encoding="utf-8")
    os.utime(path, (LONG_AGO, LONG_AGO))  # size and mtime as before: only the ctime tells
    counts, result = same_as_clean([inputs], tmp_path, cache)
    assert counts["reused"] == result.summary["inputs"] - 1 and counts["parsed"] == 1
    assert counts["unread"] == result.summary["inputs"] - 5  # the edited file and the four unprofiled are read


def test_a_file_changed_lately_is_not_vouched_for(inputs: Path, tmp_path: Path, reads: Counter[str]) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)  # the files' ctimes are seconds old: no signature is kept
    reads.clear()
    counts, result = same_as_clean([inputs], tmp_path, cache)
    assert counts == {"reused": result.summary["inputs"], "unread": 0, "parsed": 0}  # by their digests
    assert reads["am_00.txt"] == 4  # survey and pass, in both builds


def test_a_vouched_file_whose_entry_is_lost_is_read_after_all(inputs: Path, tmp_path: Path, settled: None) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    for segment in (cache / SEGMENTS).iterdir():
        data = bytearray(segment.read_bytes())
        data[len(data) // 3 : len(data) // 3 + 64] = b"\xff" * 64  # inside: the footer still reads
        segment.write_bytes(bytes(data))
    counts, result = same_as_clean([inputs], tmp_path, cache)
    assert counts["parsed"] > 0 and result.warnings


def test_the_survey_skips_the_files_vouched_for(
    inputs: Path, tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    sketched: list[str] = []
    real = survey.sketch_record

    def counting(record: survey.Record, sites: tuple) -> survey.PageSketch | None:
        sketched.append(record.source_file)
        return real(record, sites)

    monkeypatch.setattr(survey, "sketch_record", counting)
    same_as_clean([inputs], tmp_path, cache)
    cached_build, clean_build = sketched[:4], sketched[4:]
    assert sorted(cached_build) == ["notes.json", *(f"planet_{number}.txt" for number in range(3))]
    assert len(clean_build) == len(list(inputs.iterdir()))


def test_the_second_walk_takes_the_first_walks_stats(
    inputs: Path, tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    stated: Counter[str] = Counter()
    real = stats.signature

    def counting(context: bytes, source_file: str, path: str, now_ns: int) -> bytes | None:
        stated[source_file] += 1
        return real(context, source_file, path, now_ns)

    monkeypatch.setattr(stats, "signature", counting)
    counts, result = same_as_clean([inputs], tmp_path, cache)
    assert counts["reused"] == result.summary["inputs"]
    assert stated == Counter({path.name: 1 for path in inputs.iterdir()})  # in the survey's walk only


def test_a_second_walk_that_parts_from_the_first_stats_its_files(inputs: Path, settled: None) -> None:
    index = stats.StatIndex(b"context", _manifest_vouching(inputs))
    first = [files.InputFile(path.name, str(path)) for path in sorted(inputs.iterdir())]
    second = [*first[:3], files.InputFile("added.txt", str(inputs / "am_00.txt")), *first[3:]]
    list(index.unvouched(first))
    replayed = _seen(index.stated(second))
    fresh = _seen(stats.StatIndex(b"context", _manifest_vouching(inputs)).stated(second))
    assert replayed == fresh
    assert [seen.key is not None for seen in fresh] == [file.source_file != "added.txt" for file in second]


def test_vouched_files_come_in_runs_cut_by_any_other_part(inputs: Path, settled: None) -> None:
    index = stats.StatIndex(b"context", _manifest_vouching(inputs))
    walked: list[Part] = [files.InputFile(path.name, str(path)) for path in sorted(inputs.iterdir())]
    walked.insert(2, files.InputFile("unknown.txt", str(inputs / "am_00.txt")))  # same bytes, a name not vouched for
    walked.insert(5, files.InputFile("unlisted", str(inputs), Reject(Reason.UNREADABLE, "cannot be listed")))
    parts = list(index.stated(walked))
    kinds = [(type(part).__name__, part.records) for part in parts]  # type: ignore[union-attr]
    assert kinds == [("VouchedRun", 2), ("StatedFile", 1), ("VouchedRun", 2), ("InputFile", 1), ("VouchedRun", 7)]
    assert [seen.key is not None for seen in _seen(part for part in parts if not isinstance(part, files.InputFile))] == [
        True, True, False, *[True] * 9
    ]  # fmt: skip
    run = parts[-1]
    assert isinstance(run, stats.VouchedRun)
    head, tail = run.split(3)
    assert _seen([head, tail]) == _seen([run])
    records = list(run.open(1 << 20))
    assert [record.source_file for record in records] == [file.source_file for file in run.files]
    assert [record.cache_stat for record in records] == _seen([run])
    assert not any(record.data or record.text for record in records)  # not read: the worker takes its outcome by key


def _seen(parts: Iterable[Part]) -> list[stats.StatSeen]:
    """What the stats said of each file, whether in a run of vouched files or alone."""
    found = []
    for part in parts:
        if isinstance(part, stats.VouchedRun):
            found += [part.seen(at) for at in range(part.records)]
        else:
            assert isinstance(part, stats.StatedFile)
            found.append(part.seen)
    return found


def _manifest_vouching(folder: Path) -> pa.Table:
    """A manifest whose every row vouches for one of the folder's files (under context b"context")."""
    now = time.time_ns()
    rows = [
        {
            "key": bytes([n]) * 16,
            "segment": "s",
            "part": 0,
            "row": n,
            "chrome": None,
            "stat": stats.signature(b"context", path.name, str(path), now),
        }
        for n, path in enumerate(sorted(folder.iterdir()))
    ]
    return pa.Table.from_pylist(rows, schema=manifest_schema())


def test_rehash_reads_and_digests_every_input(inputs: Path, tmp_path: Path, settled: None, reads: Counter[str]) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    reads.clear()
    counts, result = same_as_clean([inputs], tmp_path, cache, rehash=True)
    assert counts == {"reused": result.summary["inputs"], "unread": 0, "parsed": 0}
    assert reads == Counter({path.name: 4 for path in inputs.iterdir()})  # survey and pass, in both builds


def test_a_signature_takes_any_inode_and_device_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "page.txt"
    path.write_text("x", encoding="utf-8")
    real = os.stat(path)
    times = {name: getattr(real, name) for name in ("st_atime_ns", "st_mtime_ns", "st_ctime_ns")}
    faked = os.stat_result((real.st_mode, 2**64 - 1, 2**63 + 5, *real[3:10]), times)  # inode, device: unsigned 64 bits
    monkeypatch.setattr(stats, "os", SimpleNamespace(stat=lambda _: faked))
    found = stats.signature(b"context", "page.txt", str(path), real.st_ctime_ns + 10**10)
    assert found is not None and len(found) == 16


def test_a_stated_file_takes_the_task_places_of_its_name() -> None:
    seen = stats.StatSeen(None, None, "/nowhere")
    assert stats.StatedFile("page.HTML.gz", seen).weight == files.HTML_PAGE_WEIGHT
    assert stats.StatedFile("dump.txt", seen).weight == 1
