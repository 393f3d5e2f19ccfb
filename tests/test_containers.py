"""Containers: a registry of ways an input becomes records, planned in the build process and opened in workers."""

from __future__ import annotations

import bz2
import gzip
import lzma
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from builder.engines.local import BATCH_SIZE, tasks
from builder.errors import ReconcileError
from builder.inputs.containers import Part, Whole, archive_members, container_for, plan_inputs, registered
from builder.inputs.files import HTML_PAGE_WEIGHT, InputFile
from builder.inputs.zips import ZipSlice
from builder.record import Record
from tests.conftest import files_of, run_build
from tests.dumps import BODY_2, TITLE_2, make_dump
from tests.test_archives import MEMBERS, make_tar, make_zip
from tests.test_atomic import many_dumps
from tests.test_hostile_inputs import varied_dump

DUMP = make_dump().encode()
MiB = 1 << 20


def rows_and_rejects(tmp: Path, **options: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    inputs = tmp / "in"
    result, out, report = run_build([inputs], tmp, **options)
    rows = pq.read_table(out / "data").to_pylist() if result.summary["rows"] else []
    rejects = pq.read_table(report / "rejects.parquet").to_pylist()
    assert result.summary["reconciled"] and result.summary["inputs"] == len(rows) + len(rejects)
    return rows, rejects


# -- a container that is not built in ---------------------------------------------------------------


class Pages:
    """Test-only: a `.pages` file holds several dumps, each ending in a form feed; each is a record `x.pages/N`."""

    name = "pages"

    def claims(self, name: str) -> bool:
        return name.endswith(".pages")

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        return (Whole(item, self),)

    def read(self, item: InputFile, max_bytes: int) -> Iterator[Record]:
        pages = Path(item.path).read_bytes().split(b"\f")[:-1]
        for number, page in enumerate(pages):
            yield Record(source_file=f"{item.source_file}/{number}", data=page)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_registered_container_gives_its_records_to_a_build(tmp_path: Path, workers: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(DUMP)
    second = make_dump(title=TITLE_2, body=BODY_2).encode()
    (folder / "b.pages").write_bytes(second + b"\f" + b"not a dump\f")
    (folder / "c.txt").write_bytes(b"")
    with registered(Pages()):
        rows, rejects = rows_and_rejects(tmp_path, workers=workers)
    assert [row["source_file"] for row in rows] == ["a.txt", "b.pages/0"]
    assert rows[1]["title"] == TITLE_2
    assert [reject["source_file"] for reject in rejects] == ["b.pages/1", "c.txt"]
    assert container_for(InputFile("b.pages", str(folder / "b.pages"))).name == "file"  # gone once unregistered


class Promising(Pages):
    """Test-only: plans two records for each file, and opens to one: an input lost between plan and worker."""

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        return (Short(*item),)


class Short(InputFile):
    @property
    def records(self) -> int:
        return 2

    def split(self, count: int) -> tuple[Short, Short]:
        raise AssertionError("never split: a task has room for two records")


def test_a_part_that_opens_to_fewer_records_than_planned_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.pages").write_bytes(DUMP)
    with registered(Promising()), pytest.raises(ReconcileError, match="2 inputs were planned but 1 were opened"):
        run_build([tmp_path / "in"], tmp_path)
    assert not (tmp_path / "out").exists()


# -- a single gzip-compressed file --------------------------------------------------------------


def test_a_gzip_file_is_one_record_under_its_own_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.txt").write_bytes(DUMP)
    (folder / "page.txt.gz").write_bytes(gzip.compress(DUMP, mtime=0))
    (folder / "second.gz").write_bytes(gzip.compress(make_dump(title=TITLE_2, body=BODY_2).encode(), mtime=0))
    rows, rejects = rows_and_rejects(tmp_path, dedup=False)
    assert [row["source_file"] for row in rows] == ["page.txt", "page.txt.gz", "second.gz"]
    assert {**rows[1], "source_file": "page.txt"} == rows[0]  # the same row as the loose file
    assert rejects == []


def test_a_tar_gz_stays_an_archive_and_other_compressed_files_stay_unsupported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_tar(folder / "dumps.tar.gz", MEMBERS)
    (folder / "page.txt.xz").write_bytes(lzma.compress(DUMP))
    (folder / "page.txt.bz2").write_bytes(bz2.compress(DUMP))
    (folder / "gzipped.bin").write_bytes(gzip.compress(DUMP))  # gzip, but not named .gz
    rows, rejects = rows_and_rejects(tmp_path)
    assert [row["source_file"] for row in rows] == [f"dumps.tar.gz/{name}" for name in sorted(MEMBERS)]
    assert {r["source_file"]: r["reason"] for r in rejects} == dict.fromkeys(
        ["gzipped.bin", "page.txt.bz2", "page.txt.xz"], "unsupported_format"
    )
    assert all("only gzip named .gz" in reject["detail"] for reject in rejects)


def test_a_gzip_file_past_max_bytes_or_broken_is_rejected(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bomb = gzip.compress(bytes(64 * MiB), mtime=0)  # 64 MiB of zeros in ~64 KB
    (folder / "bomb.txt.gz").write_bytes(bomb)
    whole = gzip.compress(DUMP, mtime=0)
    (folder / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (folder / "garbage.txt.gz").write_bytes(b"\x1f\x8b" + bytes(range(256)))
    (folder / "plain.txt.gz").write_bytes(DUMP)  # named .gz, not gzip: read as it is
    rows, rejects = rows_and_rejects(tmp_path, max_bytes=MiB)
    assert [row["source_file"] for row in rows] == ["plain.txt.gz"]
    found = {r["source_file"]: (r["reason"], r["detail"]) for r in rejects}
    assert found["bomb.txt.gz"] == ("too_large", f"decompresses past --max-bytes {MiB}; stopped reading")
    for name in ("cut.txt.gz", "garbage.txt.gz"):
        assert found[name][0] == "corrupt_archive" and found[name][1].startswith("compressed file cannot be read")


# -- zips in slices -------------------------------------------------------------------------------


def test_a_zip_is_planned_as_one_slice_and_cut_where_batches_end(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(DUMP)
    make_zip(folder / "d.zip", {f"{n:04}.txt": b"x" for n in range(2 * BATCH_SIZE)})
    (folder / "e.txt").write_bytes(DUMP)
    items = [InputFile(p.name, str(p)) for p in sorted(folder.iterdir())]
    planned = list(plan_inputs(items, MiB))
    assert [type(part).__name__ for part in planned] == ["InputFile"] * 3 + ["ZipSlice", "InputFile"]
    cut = list(tasks(planned, BATCH_SIZE))
    assert [sum(item.records for item in task) for task in cut] == [BATCH_SIZE, BATCH_SIZE, 4]  # type: ignore[misc]
    slices = [item for task in cut for item in task if isinstance(item, ZipSlice)]
    assert [(s.first, len(s.members)) for s in slices] == [(0, BATCH_SIZE - 3), (BATCH_SIZE - 3, BATCH_SIZE), (509, 3)]


def test_an_html_page_takes_the_places_of_its_weight_in_a_task() -> None:
    """16 pages to a task (256 places): a dump beside them takes one place, a gzipped page a page's."""
    pages = [InputFile(f"{n:03}.html", "unread") for n in range(40)]
    others = [InputFile("a.txt", "unread"), InputFile("b.HTM.gz", "unread")]
    planned = list(plan_inputs([*pages[:20], *others, *pages[20:]], MiB))
    assert [part.weight for part in planned[19:23]] == [HTML_PAGE_WEIGHT, 1, HTML_PAGE_WEIGHT, HTML_PAGE_WEIGHT]
    cut = list(tasks(planned, BATCH_SIZE))
    assert BATCH_SIZE // HTML_PAGE_WEIGHT == 16 and [len(task) for task in cut] == [16, 4 + 2 + 10, 10]
    assert [item for task in cut for item in task] == planned


def test_the_rows_do_not_depend_on_how_pages_are_cut_into_tasks(tmp_path: Path, monkeypatch: Any) -> None:
    """Pages alone in their tasks, or all in one task beside dumps: the same shard and card bytes."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    pages = sorted((Path(__file__).parent / "fixtures" / "html").glob("*.html"))
    for copy in range(2):
        for page in pages:
            (inputs / f"{page.stem}-{copy}.html").write_bytes(page.read_bytes())
        (inputs / f"dump-{copy}.txt").write_bytes(varied_dump(copy))
    built = []
    for weight in (1, BATCH_SIZE):
        monkeypatch.setattr("builder.inputs.files.HTML_PAGE_WEIGHT", weight)
        result, out, _ = run_build([inputs], tmp_path / f"w{weight}", dedup=False)
        assert result.summary["rows"] >= len(pages)
        built.append({path.name: path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()})
    assert built[0] == built[1]


def test_a_zip_bomb_past_its_first_slice_stops_once_whatever_the_workers(tmp_path: Path) -> None:
    """Members of zeros: the inflation limit falls in a later slice; what comes out is what one reader gives."""
    path = tmp_path / "in" / "zeros.zip"
    path.parent.mkdir()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(3 * BATCH_SIZE):  # 25 KB of zeros in ~130 bytes: the limit (100 x) falls halfway
            archive.writestr(f"{number:04}.txt", varied_dump(number) if number % 64 == 0 else bytes(25_000))
    expected = [
        (r.source_file, str(r.reject.reason) if r.reject else None)
        for r in archive_members(InputFile(path.name, str(path)), MiB)
    ]
    assert expected[-1] == ("zeros.zip", "compression_bomb") and BATCH_SIZE < len(expected) < 3 * BATCH_SIZE
    outcomes = []
    for workers in (1, 2):
        tmp = tmp_path / f"w{workers}"
        result, out, report = run_build([path.parent], tmp, workers=workers, max_bytes=MiB, dedup=False)
        rows = pq.read_table(out / "data").to_pylist()
        rejects = pq.read_table(report / "rejects.parquet").to_pylist()
        assert result.summary["inputs"] == len(expected)
        found = sorted([row["source_file"] for row in rows] + [r["source_file"] for r in rejects])
        assert found == sorted(name for name, _reason in expected)
        archive_rejects = [(r["source_file"], r["reason"]) for r in rejects if r["stage"] == "archive"]
        assert archive_rejects == [(name, reason) for name, reason in expected if reason]  # in archive order
        assert [r["reason"] for r in rejects].count("compression_bomb") == 1
        outcomes.append({**files_of(out), **{f"report/{k}": v for k, v in files_of(report).items()}})
    assert outcomes[0] == outcomes[1]


# -- archives bigger than a batch ---------------------------------------------------------------


def test_archives_of_many_batches_give_the_rows_of_the_loose_files(tmp_path: Path) -> None:
    """A tar.gz (one task, cut into batches in its worker) and a zip (slices in several tasks) of 600 dumps."""
    loose = many_dumps(tmp_path / "loose", 600)
    members = {p.relative_to(loose).as_posix(): p.read_bytes() for p in sorted(loose.rglob("*.txt"))}
    make_tar(tmp_path / "in" / "dumps.tar.gz", members)
    make_zip(tmp_path / "in" / "dumps.zip", members)
    _result, out, _report = run_build([loose], tmp_path / "from-loose", workers=2, dedup=False)
    expected = pq.read_table(out / "data").to_pylist()
    rows, rejects = rows_and_rejects(tmp_path, workers=2, dedup=False)
    assert rejects == [] and len(rows) == 2 * len(expected)
    for prefix, part in (("dumps.tar.gz/", rows[: len(expected)]), ("dumps.zip/", rows[len(expected) :])):
        assert [{**row, "source_file": row["source_file"].removeprefix(prefix)} for row in part] == expected


# -- what can change between the plan and the worker ---------------------------------------------


def test_a_zip_gone_after_its_plan_gives_each_planned_member_a_reject(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "x.zip", MEMBERS)
    (part,) = plan_inputs([InputFile(path.name, str(path))], MiB)
    path.unlink()
    records = list(part.open(MiB))
    assert len(records) == part.records == len(MEMBERS)
    assert {r.source_file: r.reject.reason for r in records if r.reject} == {
        f"x.zip/{name}": "unreadable" for name in sorted(MEMBERS)
    }


def test_a_zip_member_whose_local_header_names_another_file_is_corrupt(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "x.zip", MEMBERS)
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo("a.txt").header_offset
    data = bytearray(path.read_bytes())
    data[local + 30 : local + 35] = b"z.txt"  # the local header's copy of the name only
    path.write_bytes(data)
    found = {r.source_file: r.reject for r in archive_members(InputFile(path.name, str(path)), MiB)}
    reject = found.pop("x.zip/a.txt")
    assert reject is not None and reject.reason == "corrupt_archive" and "differ" in reject.detail
    assert set(found.values()) == {None}


def test_a_gzip_bomb_is_stopped_in_bounded_memory(tmp_path: Path) -> None:
    import time
    import tracemalloc

    from builder.inputs.containers import gunzipped

    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(bytes(256 * MiB), compresslevel=9, mtime=0))
    tracemalloc.start()
    start = time.perf_counter()
    try:
        record = gunzipped(InputFile(path.name, str(path)), MiB)
        seconds, peak = time.perf_counter() - start, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert record.reject is not None and record.reject.reason == "too_large"
    assert seconds < 2 and peak < 4 * MiB
