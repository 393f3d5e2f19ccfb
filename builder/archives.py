"""Archives given as inputs (.zip, .tar, .tar.gz/.tgz, .tar.bz2, .tar.xz, .tar.zst), read member by member.

Nothing is extracted to disk. Members with absolute or `..` paths, links and devices are rejected and
never followed; a member's size counts against --max-bytes as it streams, so a bomb is stopped early;
a corrupt archive becomes a reject and the build goes on.
"""

from __future__ import annotations

import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO

from builder.reasons import Reason
from builder.record import Record, Reject
from builder.sources import InputFile

ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst")
CHUNK = 64 * 1024
_ARCHIVE_ERRORS = (zipfile.BadZipFile, tarfile.TarError, zlib.error, EOFError, OSError, ValueError)


def is_archive(name: str) -> bool:
    return name.lower().endswith(ZIP_SUFFIXES + TAR_SUFFIXES)


def unsafe_name(name: str) -> str | None:
    """Why a member name must not be used, or None when it is a plain relative path."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or (path.parts and path.parts[0].endswith(":")):
        return f"absolute path {name!r}"
    if ".." in path.parts:
        return f"path {name!r} climbs out of the archive"
    return None


def _read_capped(handle: IO[bytes], max_bytes: int) -> bytes | Reject:
    """Read at most max_bytes; stop as soon as the stream goes past it (the real size, not the declared one)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := handle.read(min(CHUNK, max_bytes + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            return Reject(Reason.TOO_LARGE, f"member inflates past --max-bytes {max_bytes}; stopped reading", "archive")
    return b"".join(chunks)


def _member(source_file: str, result: bytes | Reject) -> Record:
    if isinstance(result, Reject):
        return Record(source_file=source_file, reject=result)
    return Record(source_file=source_file, data=result)


def _zip_members(archive: zipfile.ZipFile, prefix: str, max_bytes: int) -> Iterator[Record]:
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        if info.is_dir():
            continue
        name = f"{prefix}/{info.filename}"
        mode = info.external_attr >> 16
        why = unsafe_name(info.filename) or ("a symbolic link" if stat.S_ISLNK(mode) else None)
        if why:
            yield _member(name, Reject(Reason.UNSAFE_MEMBER, f"{why}; not read", "archive"))
        elif info.file_size > max_bytes:
            yield _member(
                name,
                Reject(Reason.TOO_LARGE, f"declares {info.file_size} bytes, over --max-bytes {max_bytes}", "archive"),
            )
        else:
            try:
                with archive.open(info) as handle:
                    yield _member(name, _read_capped(handle, max_bytes))
            except _ARCHIVE_ERRORS as err:
                yield _member(name, Reject(Reason.CORRUPT_ARCHIVE, f"member cannot be read: {err}", "archive"))


def _tar_member(tar: tarfile.TarFile, member: tarfile.TarInfo, name: str, max_bytes: int) -> bytes | Reject:
    why = unsafe_name(member.name)
    if why:
        return Reject(Reason.UNSAFE_MEMBER, f"{why}; not read", "archive")
    if not member.isreg():
        kind = "a link" if member.issym() or member.islnk() else "a device or pipe"
        return Reject(Reason.UNSAFE_MEMBER, f"{kind}, not a regular file; not followed", "archive")
    if member.size > max_bytes:
        return Reject(Reason.TOO_LARGE, f"declares {member.size} bytes, over --max-bytes {max_bytes}", "archive")
    handle = tar.extractfile(member)
    assert handle is not None
    return _read_capped(handle, max_bytes)


@contextmanager
def _open_tar(path: Path) -> Iterator[tarfile.TarFile]:
    if path.name.lower().endswith((".tar.zst", ".tzst")):
        import zstandard

        with open(path, "rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as stream:
            with tarfile.open(fileobj=stream, mode="r|") as tar:
                yield tar
    else:
        with tarfile.open(path, mode="r|*") as tar:  # streaming: members in stored order, no seeking
            yield tar


def _tar_members(tar: tarfile.TarFile, prefix: str, max_bytes: int) -> Iterator[Record]:
    for member in tar:
        if not member.isdir():
            yield _member(f"{prefix}/{member.name}", _tar_member(tar, member, f"{prefix}/{member.name}", max_bytes))


def archive_members(item: InputFile, max_bytes: int) -> Iterator[Record]:
    """Each member as a record (bytes or a reject); a broken archive ends in one `corrupt_archive` reject."""
    count = 0
    try:
        if item.path.name.lower().endswith(ZIP_SUFFIXES):
            with zipfile.ZipFile(item.path) as archive:
                for record in _zip_members(archive, item.source_file, max_bytes):
                    count += 1
                    yield record
        else:
            with _open_tar(item.path) as tar:
                for record in _tar_members(tar, item.source_file, max_bytes):
                    count += 1
                    yield record
    except _ARCHIVE_ERRORS as err:
        detail = f"archive cannot be read after {count} members: {type(err).__name__}: {err}"
        yield Record(source_file=item.source_file, reject=Reject(Reason.CORRUPT_ARCHIVE, detail, "archive"))
        return
    if count == 0:
        yield Record(
            source_file=item.source_file, reject=Reject(Reason.UNREADABLE, "archive holds no files", "archive")
        )


def expand_archives(items: Iterable[InputFile], max_bytes: int) -> Iterator[InputFile | Record]:
    """Plain files pass through (workers read them); archives become their members' records."""
    for item in items:
        if is_archive(item.path.name) and item.path.is_file():
            yield from archive_members(item, max_bytes)
        else:
            yield item
