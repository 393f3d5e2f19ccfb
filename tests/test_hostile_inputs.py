"""Hostile inputs never hang, crash or leak: compression bombs, names that are not UTF-8, links out of
the input folder, a pipe swapped in for a file, and reads the kernel cuts short."""

from __future__ import annotations

import bz2
import io
import lzma
import os
import random
import subprocess
import sys
import tarfile
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import zstandard

from builder.build import BuildOptions, BuildResult, build
from builder.inputs.archives import inflation_limit
from builder.inputs.containers import archive_members
from builder.inputs.files import InputFile, read_bytes
from builder.inputs.names import escape_name, name_bytes
from builder.reasons import Reason
from builder.record import Reject
from tests.dumps import BODY, BODY_2, TITLE_2, make_dump
from tests.test_inputs import deadline

NOW = datetime(2026, 11, 22, tzinfo=UTC)
DUMP = make_dump().encode()
DUMP_2 = make_dump(title=TITLE_2, body=BODY_2).encode()
MiB = 1 << 20


def run(paths: list[Path], tmp: Path, **options: Any) -> tuple[BuildResult, list[dict[str, Any]], list[dict[str, Any]]]:
    """Build; return the result, the rows and the rejects (each in file order)."""
    result = build(paths, BuildOptions(out=tmp / "out", report=tmp / "report", now=NOW, workers=1, **options))
    rows = pq.read_table(tmp / "out" / "data").to_pylist() if result.summary["rows"] else []
    rejects = pq.read_table(tmp / "report" / "rejects.parquet").to_pylist()
    assert result.summary["reconciled"] and result.summary["inputs"] == len(rows) + len(rejects)
    return result, rows, rejects


# -- compression bombs ----------------------------------------------------------------------------


def _tar_header(name: str, size: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size = size
    return info.tobuf(format=tarfile.GNU_FORMAT)


def _tar_pieces(members: Iterable[tuple[str, bytes | int]]) -> Iterator[bytes]:
    """A tar stream in pieces; a member given as a number is that many zeros, never held whole."""
    for name, data in members:
        size = data if isinstance(data, int) else len(data)
        yield _tar_header(name, size)
        if isinstance(data, int):
            for start in range(0, size, MiB):
                yield bytes(min(MiB, size - start))
        else:
            yield data
        yield bytes(-size % 512)
    yield bytes(1024)  # the end-of-archive blocks


class _Stored:
    def compress(self, data: bytes) -> bytes:
        return data

    def flush(self) -> bytes:
        return b""


COMPRESSORS: dict[str, Callable[[], Any]] = {
    ".tar.gz": lambda: zlib.compressobj(9, zlib.DEFLATED, 31),  # wbits 31: a gzip stream
    ".tar.bz2": lambda: bz2.BZ2Compressor(9),
    ".tar.xz": lambda: lzma.LZMACompressor(lzma.FORMAT_XZ, preset=0),
    ".tar.zst": lambda: zstandard.ZstdCompressor(level=3).compressobj(),
}
WRITERS: dict[str, Callable[[], Any]] = {**COMPRESSORS, ".tar": _Stored}


def write_tar(path: Path, members: Iterable[tuple[str, bytes | int]]) -> Path:
    compressor = WRITERS[next(suffix for suffix in WRITERS if path.name.endswith(suffix))]()
    with open(path, "wb") as out:
        for piece in _tar_pieces(members):
            out.write(compressor.compress(piece))
        out.write(compressor.flush())
    return path


BOMB = 64 * MiB  # enough to take minutes in tarfile's own bzip2 and xz stream mode; seconds to write


def consume_measured(path: Path, max_bytes: int) -> tuple[list[tuple[str, str | None]], str, float, int]:
    """Every member's (source_file, reason), the last reject's detail, seconds taken, peak bytes allocated."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with deadline(60):
            records = list(archive_members(InputFile(path.name, str(path)), max_bytes))
        seconds, peak = time.perf_counter() - start, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    outcome = [(r.source_file, str(r.reject.reason) if r.reject else None) for r in records]
    last = records[-1].reject
    return outcome, last.detail if last else "", seconds, peak


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """`bombs(suffix)`: a dump, a member of 64 MiB of zeros, another dump; each format written once."""
    folder = tmp_path_factory.mktemp("bombs")

    def bomb(suffix: str) -> Path:
        path = folder / f"bomb{suffix}"
        if not path.exists():
            write_tar(path, [("first.txt", DUMP), ("bomb.txt", BOMB), ("after.txt", DUMP_2)])
        return path

    return bomb


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_a_compressed_tar_bomb_is_stopped_at_the_inflation_limit(bombs: Callable[[str], Path], suffix: str) -> None:
    path = bombs(suffix)
    assert path.stat().st_size < 100_000
    outcome, detail, seconds, peak = consume_measured(path, max_bytes=MiB)
    name = path.name
    assert outcome == [(f"{name}/first.txt", None), (f"{name}/bomb.txt", "too_large"), (name, "compression_bomb")]
    limit = inflation_limit(path.stat().st_size, MiB)  # 4 x 1 MiB, or 100 x a gzip's ~70 KB
    assert f"inflates past {limit} bytes" in detail and "after 2 members" in detail
    assert seconds < 5
    assert peak < 16 * MiB  # inflated a piece at a time, never a whole block of zeros


def test_a_tar_bomb_in_a_build_is_one_reject_and_its_first_members_are_kept(
    tmp_path: Path, bombs: Callable[[str], Path]
) -> None:
    with deadline(60):
        _result, rows, rejects = run([bombs(".tar.bz2")], tmp_path, max_bytes=MiB)
    assert [row["source_file"] for row in rows] == ["bomb.tar.bz2/first.txt"]
    assert [(r["source_file"], r["reason"]) for r in rejects] == [
        ("bomb.tar.bz2/bomb.txt", "too_large"),
        ("bomb.tar.bz2", "compression_bomb"),
    ]


def test_a_zip_of_many_members_stops_at_the_inflation_limit(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(10):  # each 1 MiB of zeros, within --max-bytes; 10 MiB in all from a few KB
            archive.writestr(f"{number}.txt", bytes(MiB))
    outcome, detail, _seconds, _peak = consume_measured(path, max_bytes=MiB)
    assert outcome == [*((f"many.zip/{n}.txt", None) for n in range(4)), ("many.zip", "compression_bomb")]
    assert "after 4 members" in detail


def varied_dump(seed: int) -> bytes:
    """A dump whose body is words of the sample articles in a random order: it compresses like real pages."""
    rng = random.Random(seed)
    vocabulary = sorted({word for paragraph in BODY + BODY_2 for word in paragraph.split()})
    paragraphs = (" ".join(rng.choices(vocabulary, k=rng.randint(40, 90))) for _ in range(rng.randint(4, 9)))
    return make_dump(title=f"Story number {seed}", body=tuple(paragraphs)).encode()


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_an_archive_that_compresses_like_real_dumps_is_read_whole(tmp_path: Path, suffix: str) -> None:
    members = [(f"{n:03}.txt", varied_dump(n)) for n in range(300)]  # 1.8 MB that compress 6 to 12 times
    path = write_tar(tmp_path / f"dumps{suffix}", members)
    outcome, _detail, _seconds, _peak = consume_measured(path, max_bytes=16_384)  # the 100 x rule admits it
    assert outcome == [(f"{path.name}/{name}", None) for name, _data in members]


_TAR_PEAK = """
import sys, tracemalloc
from builder.inputs.containers import archive_members
from builder.inputs.files import InputFile
tracemalloc.start()
count = sum(1 for _record in archive_members(InputFile("many.tar", sys.argv[1]), 1 << 20))
print(count, tracemalloc.get_traced_memory()[1])
"""


def test_a_tar_of_many_members_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """Measured in a fresh interpreter: tracemalloc counts every thread's allocations, and threads other tests
    leave behind (a Ray client's) would be counted too."""
    path = write_tar(tmp_path / "many.tar", ((f"{n:05}.txt", b"") for n in range(20_000)))
    done = subprocess.run([sys.executable, "-c", _TAR_PEAK, str(path)], capture_output=True, text=True, check=True)
    count, peak = map(int, done.stdout.split())
    assert count == 20_000
    assert peak < 5 * MiB  # tarfile's stream mode keeps every header (~500 bytes each) unless told not to


# -- names that are not UTF-8 ---------------------------------------------------------------------

RAW_NAMES = (b"caf\xe9.txt", b"bad\xff\xfe.txt", b"mixed-\xc3\xa9-\xe9.txt")


def _tar_with_raw_names(path: Path, tar_format: int) -> Path:
    with tarfile.open(path, "w", format=tar_format, encoding="utf-8", errors="surrogateescape") as archive:
        for raw, data in zip(RAW_NAMES, (DUMP, DUMP_2, b"not a dump"), strict=True):
            info = tarfile.TarInfo(os.fsdecode(raw))
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def assert_names_round_trip(source_files: list[str], prefix: bytes) -> None:
    for source_file in source_files:
        source_file.encode("utf-8")  # valid UTF-8: no lone surrogates
    assert sorted(name_bytes(s) for s in source_files) == sorted(prefix + raw for raw in RAW_NAMES)


def test_file_names_that_are_not_utf8_are_escaped_reversibly(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for raw, data in zip(RAW_NAMES, (DUMP, DUMP_2, b"not a dump"), strict=True):
        (folder / os.fsdecode(raw)).write_bytes(data)
    _result, rows, rejects = run([folder], tmp_path)
    names = [r["source_file"] for r in rows + rejects]
    assert "caf\\xe9.txt" in names and "mixed-é-\\xe9.txt" in names
    assert_names_round_trip(names, b"")


@pytest.mark.parametrize("tar_format", [tarfile.GNU_FORMAT, tarfile.PAX_FORMAT], ids=["gnu", "pax"])
def test_tar_member_names_that_are_not_utf8_are_escaped_reversibly(tmp_path: Path, tar_format: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _tar_with_raw_names(folder / "names.tar", tar_format)
    _result, rows, rejects = run([folder], tmp_path)
    assert_names_round_trip([r["source_file"] for r in rows + rejects], b"names.tar/")


def test_zip_member_names_come_out_valid(tmp_path: Path) -> None:
    path = tmp_path / "in" / "names.zip"
    path.parent.mkdir()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("cafX.txt", DUMP)  # renamed below to raw bytes, without the UTF-8 flag
        archive.writestr("flagged-\u00e9.txt", DUMP_2)  # stored with the UTF-8 flag
    path.write_bytes(path.read_bytes().replace(b"cafX.txt", b"caf\x82.txt"))  # cp437 for 'é'
    _result, rows, _rejects = run([path.parent], tmp_path)
    assert [row["source_file"] for row in rows] == ["names.zip/café.txt", "names.zip/flagged-é.txt"]


def test_ordinary_names_are_kept_and_every_escape_reverses() -> None:
    for name in ("page.txt", "100% news.txt", "caf%C3%A9.txt", "café/été.txt", "back\\slash.txt", "x\\n.txt"):
        assert escape_name(name) == name and name_bytes(name) == name.encode()
    for raw in (b"a\\xe9", b"a\\x5c", b"a\\\xe9", b"\\\\xff\xff", b"\xed\xa0\x80"):
        escaped = escape_name(os.fsdecode(raw))
        escaped.encode("utf-8")
        assert name_bytes(escaped) == raw, escaped


# -- links out of the input folder ----------------------------------------------------------------


def test_a_link_out_of_the_input_folder_is_never_opened(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_bytes(make_dump(title="Private Notes Never Meant For The Dataset").encode())
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.txt").write_bytes(DUMP)
    (folder / "copy.txt").symlink_to("page.txt")  # inside the folder: followed
    (folder / "secret.txt").symlink_to(secret)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.tar.gz").symlink_to(secret)  # named like an archive: not opened either
    _result, rows, rejects = run([folder], tmp_path, dedup=False)
    assert [row["source_file"] for row in rows] == ["copy.txt", "page.txt"]
    assert {r["source_file"]: r["reason"] for r in rejects} == dict.fromkeys(
        ["passwd.txt", "secret.tar.gz", "secret.txt"], "outside_link"
    )
    report = (tmp_path / "report" / "rejects.parquet").read_bytes() + (
        tmp_path / "report" / "summary.json"
    ).read_bytes()
    assert b"root:" not in report and b"Private Notes" not in report


def test_a_link_named_on_the_command_line_is_followed(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "blob").write_bytes(DUMP)
    (tmp_path / "page.txt").symlink_to(tmp_path / "store" / "blob")
    _result, rows, _rejects = run([tmp_path / "page.txt"], tmp_path)
    assert [row["source_file"] for row in rows] == ["page.txt"]


# -- a pipe swapped in after the check, reads cut short ------------------------------------------


def test_a_pipe_swapped_in_after_the_stat_is_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regular = tmp_path / "regular.txt"
    regular.write_bytes(DUMP)
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    real_stat = os.stat

    def stat_before_the_swap(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        return real_stat(regular if str(path) == str(pipe) else path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_before_the_swap)  # the check sees a file, the open meets the pipe
    with deadline(10):
        result = read_bytes(str(pipe), MiB)
    assert isinstance(result, Reject) and result.reason == Reason.UNREADABLE
    assert "not a regular file" in result.detail


@pytest.mark.parametrize("name", ["pipe.zip", "pipe.tar.gz"])
def test_an_archive_that_is_a_pipe_never_blocks(tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)
    with deadline(10):
        records = list(archive_members(InputFile(name, str(tmp_path / name)), MiB))
    assert [(r.source_file, r.reject.reason if r.reject else None) for r in records] == [(name, Reason.UNREADABLE)]


def test_reads_cut_short_by_the_kernel_are_joined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Linux returns at most 0x7ffff000 bytes from one read(): a file over 2 GiB needs several."""
    data = os.urandom(300_000)
    (tmp_path / "big.txt").write_bytes(data)
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, size: real_read(fd, min(size, 65_536)))
    assert read_bytes(str(tmp_path / "big.txt"), MiB) == data
