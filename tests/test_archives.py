"""Archives as inputs: read member by member without extracting; unsafe members, bombs and corrupt archives rejected."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import stat
import struct
import tarfile
import time
import tracemalloc
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import zstandard

from builder.build import BuildOptions, BuildResult, build
from builder.inputs.archives import CHUNK
from builder.inputs.containers import archive_members
from builder.inputs.files import InputFile
from builder.reasons import Reason
from builder.record import Record
from tests.dumps import BODY, BODY_2, TITLE_2, make_dump, write_dump

NOW = datetime(2026, 11, 22, tzinfo=UTC)
MEMBERS = {
    "a.txt": make_dump().encode(),
    "inner/b.txt": make_dump(title=TITLE_2, body=BODY_2).encode(),
    "inner/deeper/c.txt": make_dump(title="Harbour Repairs Begin", body=BODY[1:], date="2 Aug 2021 09:15").encode(),
}


def make_zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def tar_bytes(members: dict[str, bytes], special: tuple[tarfile.TarInfo, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)  # TarInfo keeps the name as given ("/abs", "../x")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for info in special:
            archive.addfile(info)
    return buffer.getvalue()


COMPRESS = {
    ".tar.gz": gzip.compress,
    ".tgz": gzip.compress,
    ".tar.bz2": bz2.compress,
    ".tar.xz": lzma.compress,
    ".tar.zst": zstandard.ZstdCompressor().compress,
}


def make_tar(path: Path, members: dict[str, bytes], special: tuple[tarfile.TarInfo, ...] = ()) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = tar_bytes(members, special)
    compress = next((f for suffix, f in COMPRESS.items() if path.name.endswith(suffix)), bytes)
    path.write_bytes(compress(raw))
    return path


def special(name: str, kind: bytes, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    return info


def run(paths: list[Path], tmp: Path, **options: Any) -> tuple[BuildResult, dict[str, dict[str, Any]], dict[str, Any]]:
    """Build; return the result, rows by source_file and rejects by source_file."""
    opts = BuildOptions(out=tmp / "out", report=tmp / "report", now=NOW, workers=1, **options)
    result = build(paths, opts)
    rows = (
        {r["source_file"]: r for r in pq.read_table(tmp / "out" / "data").to_pylist()} if result.summary["rows"] else {}
    )
    rejects = {r["source_file"]: r for r in pq.read_table(tmp / "report" / "rejects.parquet").to_pylist()}
    assert result.summary["reconciled"] and result.summary["inputs"] == len(rows) + len(rejects)
    return result, rows, rejects


def members(path: Path, max_bytes: int = 4 << 20) -> dict[str, Record]:
    return {record.source_file: record for record in archive_members(InputFile(path.name, str(path)), max_bytes)}


def reasons(records: dict[str, Record]) -> dict[str, str | None]:
    return {name: (str(r.reject.reason) if r.reject else None) for name, r in records.items()}


# -- same rows as loose files ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def loose_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("loose")
    for name, data in MEMBERS.items():
        write_dump(tmp / "dumps", name, data.decode())
    return run([tmp / "dumps"], tmp)[1]


@pytest.mark.parametrize("suffix", [".zip", ".tar", ".tar.gz", ".tgz", ".tar.zst", ".tar.bz2", ".tar.xz"])
def test_archive_gives_the_rows_of_the_loose_files(
    tmp_path: Path, loose_rows: dict[str, dict[str, Any]], suffix: str
) -> None:
    folder = tmp_path / "in" / "sub"
    folder.mkdir(parents=True)
    archive = folder / f"dumps{suffix}"
    (make_zip if suffix == ".zip" else make_tar)(archive, MEMBERS)
    _result, rows, rejects = run([tmp_path / "in"], tmp_path)
    assert not rejects
    assert sorted(rows) == [f"sub/dumps{suffix}/{name}" for name in sorted(MEMBERS)]
    for name, loose in loose_rows.items():
        assert {**rows[f"sub/dumps{suffix}/{name}"], "source_file": name} == loose  # id included
    assert list((tmp_path / "in").rglob("*")) == [folder, archive]  # nothing extracted beside the archive


def test_member_names_are_normalised(tmp_path: Path) -> None:
    archive = make_tar(tmp_path / "x.tar", {"./inner//a.txt": b"x", "./b.txt": b"y"})
    assert sorted(members(archive)) == ["x.tar/b.txt", "x.tar/inner/a.txt"]


# -- unsafe members -----------------------------------------------------------------------------


def test_unsafe_tar_members_are_rejected_and_never_followed(tmp_path: Path) -> None:
    links = (
        special("link.txt", tarfile.SYMTYPE, "/etc/passwd"),
        special("hard.txt", tarfile.LNKTYPE, "a.txt"),
        special("fifo.txt", tarfile.FIFOTYPE),
        special("dev.txt", tarfile.CHRTYPE),
        special("blk.txt", tarfile.BLKTYPE),
    )
    evil = {"../evil.txt": b"evil", "/abs.txt": b"abs", "a/../../up.txt": b"up", "a.txt": MEMBERS["a.txt"]}
    archive = make_tar(tmp_path / "in" / "x.tar.gz", evil, links)
    found = reasons(members(archive))
    assert found.pop("x.tar.gz/a.txt") is None
    names = ["../evil.txt", "/abs.txt", "a/../../up.txt", "link.txt", "hard.txt", "fifo.txt", "dev.txt", "blk.txt"]
    assert found == {f"x.tar.gz/{name}": "unsafe_member" for name in names}
    _result, rows, rejects = run([tmp_path / "in"], tmp_path)
    assert list(rows) == ["x.tar.gz/a.txt"]
    assert all("not" in rejects[f"x.tar.gz/{name}"]["detail"] for name in names)
    assert not (tmp_path / "evil.txt").exists() and not Path("/abs.txt").exists()


def test_unsafe_zip_members_are_rejected(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "x.zip", {"../evil.txt": b"evil", "/abs.txt": b"abs", "C:/win.txt": b"w"})
    with zipfile.ZipFile(path, "a") as archive:
        link = zipfile.ZipInfo("link.txt")
        link.create_system, link.external_attr = 3, (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
        fifo = zipfile.ZipInfo("fifo.txt")
        fifo.create_system, fifo.external_attr = 3, (stat.S_IFIFO | 0o644) << 16
        archive.writestr(fifo, "")
        archive.writestr("fine.txt", MEMBERS["a.txt"])
        archive.writestr("..\\dos.txt", b"backslash")
    found = reasons(members(path))
    assert found.pop("x.zip/fine.txt") is None
    assert set(found.values()) == {"unsafe_member"} and len(found) == 6


# -- bombs --------------------------------------------------------------------------------------


def zip_of_zeros(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("bomb.txt", "w") as member:
        block = b"\0" * (1 << 20)
        for _ in range(size >> 20):
            member.write(block)
    return path


# Offsets of fields in a zip's local header and central directory entry.
LOCAL = {"flags": 6, "method": 8, "size": 22}
CENTRAL = {"flags": 8, "method": 10, "size": 24}


def central_entry(data: bytes, name: str) -> int:
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            return at
        at = data.find(b"PK\x01\x02", at + 46)
    raise KeyError(name)


def patch_zip(path: Path, name: str, field: str, value: int, fmt: str = "<H") -> None:
    """Overwrite one header field of member `name`, in its local header and its central directory entry."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(name).header_offset
    struct.pack_into(fmt, data, local + LOCAL[field], value)
    struct.pack_into(fmt, data, central_entry(data, name) + CENTRAL[field], value)
    path.write_bytes(data)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = zip_of_zeros(tmp_path_factory.mktemp("bomb") / "bomb.zip", 200 << 20)
    assert path.stat().st_size < 1 << 20  # 200 MB of zeros in a few hundred KB
    return path


def inflate_measured(path: Path, max_bytes: int) -> tuple[dict[str, Record], float, int]:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        found = members(path, max_bytes)
        return found, time.perf_counter() - start, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_zip_bomb_is_stopped_by_its_declared_size(bomb: Path) -> None:
    found, seconds, peak = inflate_measured(bomb, 1 << 20)
    reject = found["bomb.zip/bomb.txt"].reject
    assert reject is not None and reject.reason == Reason.TOO_LARGE and "declares 209715200" in reject.detail
    assert seconds < 1 and peak < 1 << 20  # nothing was inflated


def test_a_zip_member_lying_about_its_size_is_stopped_while_it_streams(bomb: Path, tmp_path: Path) -> None:
    liar = tmp_path / "liar.zip"
    liar.write_bytes(bomb.read_bytes())
    patch_zip(liar, "bomb.txt", "size", 1000, "<I")
    max_bytes = 1 << 20
    found, seconds, peak = inflate_measured(liar, max_bytes)
    reject = found["liar.zip/bomb.txt"].reject
    assert reject is not None and reject.reason == Reason.TOO_LARGE, reject
    assert "inflates past" in reject.detail
    assert peak < 2 * max_bytes + 4 * CHUNK  # read at most max_bytes + a chunk, never the 200 MB
    assert seconds < 2


def test_a_tar_member_over_max_bytes_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = make_tar(tmp_path / "big.tar.gz", {"big.txt": b"\0" * (8 << 20), "a.txt": MEMBERS["a.txt"]})
    assert reasons(members(path, 4 << 20)) == {"big.tar.gz/big.txt": "too_large", "big.tar.gz/a.txt": None}


# -- corrupt and empty archives -----------------------------------------------------------------


def test_corrupt_archives_are_rejected_and_the_build_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_dump(folder, "good.txt", MEMBERS["a.txt"].decode())
    (folder / "garbage.zip").write_bytes(os.urandom(4096))
    (folder / "garbage.tar.zst").write_bytes(os.urandom(4096))
    gz = make_tar(tmp_path / "whole.tar.gz", MEMBERS).read_bytes()
    (folder / "cut.tar.gz").write_bytes(gz[: len(gz) // 2])
    zst = make_tar(tmp_path / "whole.tar.zst", MEMBERS).read_bytes()
    (folder / "cut.tar.zst").write_bytes(zst[: len(zst) // 2])
    _result, rows, rejects = run([folder], tmp_path)
    assert list(rows) == ["good.txt"]
    corrupt = ["cut.tar.gz", "cut.tar.zst", "garbage.tar.zst", "garbage.zip"]
    assert {name: r["reason"] for name, r in rejects.items()} == dict.fromkeys(corrupt, "corrupt_archive")
    assert all(rejects[name]["detail"].startswith("archive cannot be read") for name in corrupt)


@pytest.mark.parametrize("damage", ["cut_at_member", "cut_in_header", "bad_checksum"])
def test_a_damaged_tar_keeps_its_first_members_and_reports_the_rest(tmp_path: Path, damage: str) -> None:
    raw = tar_bytes(MEMBERS)
    third = raw.index(b"inner/deeper/c.txt")  # header of the third member
    data = {
        "cut_at_member": raw[:third],
        "cut_in_header": raw[: third + 100],
        "bad_checksum": raw[:third] + b"X" + raw[third + 1 :],
    }[damage]
    (tmp_path / "x.tar").write_bytes(data)
    found = reasons(members(tmp_path / "x.tar"))
    assert found == {"x.tar/a.txt": None, "x.tar/inner/b.txt": None, "x.tar": "corrupt_archive"}
    assert "after 2 members" in members(tmp_path / "x.tar")["x.tar"].reject.detail  # type: ignore[union-attr]


def test_unreadable_zip_members_are_rejected_one_by_one(tmp_path: Path) -> None:
    names = ("bad_data.txt", "encrypted.txt", "deflate64.txt", "fine.txt")
    path = make_zip(tmp_path / "x.zip", dict.fromkeys(names, MEMBERS["a.txt"]))
    with zipfile.ZipFile(path) as archive:
        start = archive.getinfo("bad_data.txt").header_offset + 30 + len("bad_data.txt")
    data = bytearray(path.read_bytes())
    data[start + 100 : start + 110] = b"\xff" * 10  # damaged deflate data
    path.write_bytes(data)
    patch_zip(path, "encrypted.txt", "flags", 0x1)
    patch_zip(path, "deflate64.txt", "method", 9)  # a method zipfile cannot inflate
    found = members(path)
    assert reasons(found) == {**{f"x.zip/{n}": "corrupt_archive" for n in names[:3]}, "x.zip/fine.txt": None}
    assert "encrypted" in found["x.zip/encrypted.txt"].reject.detail  # type: ignore[union-attr]
    assert "not supported" in found["x.zip/deflate64.txt"].reject.detail  # type: ignore[union-attr]


@pytest.mark.parametrize("suffix", [".zip", ".tar", ".tar.gz", ".tar.zst"])
def test_an_empty_archive_is_reported(tmp_path: Path, suffix: str) -> None:
    write_dump(tmp_path / "in", "good.txt", MEMBERS["a.txt"].decode())
    path = (make_zip if suffix == ".zip" else make_tar)(tmp_path / "in" / f"empty{suffix}", {})
    _result, rows, rejects = run([tmp_path / "in"], tmp_path)
    assert list(rows) == ["good.txt"]
    assert list(rejects) == [path.name] and "no files" in rejects[path.name]["detail"]
