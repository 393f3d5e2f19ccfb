"""Zip members compressed with bzip2 or LZMA: read right when honest, stopped early when they inflate past
what they declare (zipfile alone would inflate such a member whole in one read), rejected on a bad CRC."""

from __future__ import annotations

import bz2
import json
import lzma
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from builder.inputs.archives import CHUNK
from builder.inputs.files import InputFile
from builder.inputs.zips import zip_members
from builder.reasons import Reason
from builder.record import Record
from tests.dumps import make_dump

MiB = 1 << 20
BOMB = 256 * MiB  # inflated size of the bombs: seconds to write, gigabytes of RSS had it been inflated whole
DECLARED = 1000
METHODS = {"bzip2": zipfile.ZIP_BZIP2, "lzma": zipfile.ZIP_LZMA}
LOCAL = {"method": 8, "CRC": 14, "size": 22}  # offsets of fields in a local header ...
CENTRAL = {"method": 10, "CRC": 16, "size": 24}  # ... and in a central directory entry

# Read one zip in a fresh process and say how far its peak RSS grew: the test process's own peak is
# already set by whatever ran before.
MEASURE = """
import json, resource, sys, time
from builder.inputs.files import InputFile
from builder.inputs.zips import zip_members
path = sys.argv[1]
before, start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter()
records = list(zip_members(InputFile("bomb.zip", path), 4 << 20))
grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
print(json.dumps({"grew": grew, "seconds": time.perf_counter() - start,
                  "rejects": [(r.reject.reason.value, r.reject.detail) if r.reject else None for r in records]}))
"""


def members(path: Path, max_bytes: int = 4 * MiB) -> dict[str, Record]:
    return {record.source_file: record for record in zip_members(InputFile(path.name, str(path)), max_bytes)}


def zeros_compressed(method: str, size: int) -> bytes:
    """`size` zeros as a zip member's compressed data (LZMA at its fastest preset, so the test stays quick)."""
    block = b"\0" * (16 * MiB)
    if method == "bzip2":
        compressor: bz2.BZ2Compressor | lzma.LZMACompressor = bz2.BZ2Compressor(9)
        opening = b""
    else:
        lzma1 = {"id": lzma.FILTER_LZMA1, "preset": 0}
        properties = lzma._encode_filter_properties(lzma1)  # type: ignore[attr-defined]
        compressor = lzma.LZMACompressor(lzma.FORMAT_RAW, filters=[lzma1])
        opening = struct.pack("<2BH", 9, 4, len(properties)) + properties  # version, then the properties
    return b"".join([opening, *(compressor.compress(block) for _ in range(size // len(block))), compressor.flush()])


def patch(path: Path, name: str, field: str, value: int, fmt: str = "<I") -> None:
    """Overwrite one header field of member `name`, in its local header and its central directory entry."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(name).header_offset
    struct.pack_into(fmt, data, local + LOCAL[field], value)
    struct.pack_into(fmt, data, data.rfind(b"PK\x01\x02") + CENTRAL[field], value)  # the zip's only entry
    path.write_bytes(data)


@pytest.fixture(scope="module", params=sorted(METHODS))
def bomb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A zip of one member of BOMB zeros in the method given, declaring DECLARED bytes."""
    path = tmp_path_factory.mktemp("bomb") / f"{request.param}.zip"
    with zipfile.ZipFile(path, "w") as archive:  # stored as it is, then marked compressed
        archive.writestr("bomb.txt", zeros_compressed(request.param, BOMB))
    patch(path, "bomb.txt", "method", METHODS[request.param], "<H")
    patch(path, "bomb.txt", "size", DECLARED)
    assert path.stat().st_size < BOMB // 1000
    return path


def test_a_member_inflating_past_its_declared_size_is_stopped_in_bounded_memory(bomb: Path) -> None:
    run = subprocess.run([sys.executable, "-c", MEASURE, str(bomb)], capture_output=True, text=True, check=True)
    measured = json.loads(run.stdout)
    assert measured["grew"] < 20 * MiB, measured  # zipfile's one-shot inflation grows by 30 MB to gigabytes
    assert measured["seconds"] < 2, measured
    [(reason, detail)] = measured["rejects"]
    assert reason == Reason.TOO_LARGE.value
    assert f"member inflates past the {DECLARED} bytes it declares" in detail


@pytest.mark.parametrize("method", sorted(METHODS))
def test_honest_members_read_byte_for_byte(method: str, tmp_path: Path) -> None:
    contents = {
        "small.txt": make_dump().encode(),
        "empty.txt": b"",
        "chunks.bin": bytes(range(256)) * (5 * CHUNK // 256) + make_dump().encode() * 50,  # many reads long
    }
    path = tmp_path / "honest.zip"
    with zipfile.ZipFile(path, "w", METHODS[method]) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    found = members(path)
    assert {name: record.reject for name, record in found.items()} == dict.fromkeys(found)
    assert {name: record.data for name, record in found.items()} == {f"honest.zip/{n}": d for n, d in contents.items()}


@pytest.mark.parametrize("method", sorted(METHODS))
def test_a_crc_mismatch_is_a_corrupt_archive(method: str, tmp_path: Path) -> None:
    path = tmp_path / "crc.zip"
    with zipfile.ZipFile(path, "w", METHODS[method]) as archive:
        archive.writestr("a.txt", make_dump().encode())
    with zipfile.ZipFile(path) as archive:
        crc = archive.getinfo("a.txt").CRC
    patch(path, "a.txt", "CRC", crc ^ 1)
    reject = members(path)["crc.zip/a.txt"].reject
    assert reject is not None and reject.reason == Reason.CORRUPT_ARCHIVE
    assert "Bad CRC-32 for file 'a.txt'" in reject.detail


@pytest.mark.parametrize("method", sorted(METHODS))
def test_damaged_or_cut_compressed_data_is_a_corrupt_archive(method: str, tmp_path: Path) -> None:
    path = tmp_path / "damaged.zip"
    with zipfile.ZipFile(path, "w", METHODS[method]) as archive:
        archive.writestr("a.txt", make_dump().encode() * 20)
        archive.writestr("b.txt", make_dump().encode())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("a.txt")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len("a.txt")  # the member's compressed data
    data[start + 12 : start + info.compress_size - 12] = bytes(info.compress_size - 24)
    path.write_bytes(data)
    found = members(path)
    assert found["damaged.zip/a.txt"].reject is not None
    assert found["damaged.zip/a.txt"].reject.reason == Reason.CORRUPT_ARCHIVE
    assert found["damaged.zip/b.txt"].data == make_dump().encode()
