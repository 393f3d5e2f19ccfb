"""Archives given as inputs (.zip, .tar, .tar.gz/.tgz, .tar.bz2, .tar.xz, .tar.zst), read member by member.

Nothing is extracted to disk. Members with absolute or `..` paths, links and devices are rejected and
never followed; a member's size counts against --max-bytes as it streams, so a bomb is stopped early;
a corrupt archive becomes a reject and the build goes on.
"""

from __future__ import annotations

import copy
import os
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import PurePosixPath
from typing import IO

from builder.reasons import Reason
from builder.record import Record, Reject
from builder.sources import InputFile

ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst")
CHUNK = 64 * 1024
_ARCHIVE_ERRORS = (zipfile.BadZipFile, tarfile.TarError, zlib.error, EOFError, OSError, ValueError)
# Also per zip member: NotImplementedError for an unknown compression method (RuntimeError, just in case).
_MEMBER_ERRORS = (*_ARCHIVE_ERRORS, RuntimeError, NotImplementedError)


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


def member_name(prefix: str, name: str) -> str:
    """`archive/inner/path`: a safe name loses `./` and doubled slashes, an unsafe one is kept as written."""
    return f"{prefix}/{name if unsafe_name(name) else PurePosixPath(name).as_posix()}"


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


def _zip_member_kind(info: zipfile.ZipInfo) -> str | None:
    """Why a member is not a plain file (from its Unix mode, when the zip records one), or None."""
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
        return "a device, pipe or socket, not a regular file"
    return None


def _zip_members(archive: zipfile.ZipFile, prefix: str, max_bytes: int) -> Iterator[Record]:
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        if info.is_dir():
            continue
        name = member_name(prefix, info.filename)
        why = unsafe_name(info.filename) or _zip_member_kind(info)
        if why:
            yield _member(name, Reject(Reason.UNSAFE_MEMBER, f"{why}; not read", "archive"))
        elif info.flag_bits & 0x1:
            yield _member(name, Reject(Reason.CORRUPT_ARCHIVE, "encrypted member; no password is asked for", "archive"))
        elif info.file_size > max_bytes:
            yield _member(
                name,
                Reject(Reason.TOO_LARGE, f"declares {info.file_size} bytes, over --max-bytes {max_bytes}", "archive"),
            )
        else:
            # Inflate up to the stream's real end, not the declared size: a header that under-states the
            # size then meets the cap (too_large) instead of failing its CRC after file_size bytes. The
            # margin keeps zipfile's own end (and CRC check) out of reach of the capped reads.
            real_end = copy.copy(info)
            real_end.file_size = 2 * (max_bytes + CHUNK)
            try:
                with archive.open(real_end) as handle:
                    yield _member(name, _read_capped(handle, max_bytes))
            except _MEMBER_ERRORS as err:
                detail = f"member cannot be read: {type(err).__name__}: {err}"
                yield _member(name, Reject(Reason.CORRUPT_ARCHIVE, detail, "archive"))


def _tar_member(tar: tarfile.TarFile, member: tarfile.TarInfo, max_bytes: int) -> bytes | Reject:
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


class _StrictTarInfo(tarfile.TarInfo):
    """tarfile ends iteration quietly at a missing, cut or damaged header after the first member, so a
    truncated archive would lose its tail without a word; here only the end-of-archive block ends it."""

    @classmethod
    def fromtarfile(cls, archive: tarfile.TarFile) -> tarfile.TarInfo:  # type: ignore[override]
        try:
            return super().fromtarfile(archive)
        except (tarfile.EmptyHeaderError, tarfile.TruncatedHeaderError, tarfile.InvalidHeaderError) as err:
            raise tarfile.ReadError(f"archive cut or damaged at offset {archive.offset}: {err}") from None


class _ZstdStream:
    """A zstd stream_reader whose decoder errors read as archive errors (ZstdError is a bare Exception)."""

    def __init__(self, stream: IO[bytes], error: type[Exception]) -> None:
        self._stream, self._error = stream, error

    def read(self, size: int = -1) -> bytes:
        try:
            return self._stream.read(size)
        except self._error as err:
            raise tarfile.ReadError(f"zstd: {err}") from None


@contextmanager
def _open_tar(path: str) -> Iterator[tarfile.TarFile]:
    if path.lower().endswith((".tar.zst", ".tzst")):
        import zstandard

        with open(path, "rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as stream:
            zst = _ZstdStream(stream, zstandard.ZstdError)
            with tarfile.open(fileobj=zst, mode="r|", tarinfo=_StrictTarInfo) as tar:  # type: ignore[arg-type]
                yield tar
    else:  # streaming: members in stored order, no seeking
        with tarfile.open(path, mode="r|*", tarinfo=_StrictTarInfo) as tar:
            yield tar


def _tar_members(tar: tarfile.TarFile, prefix: str, max_bytes: int) -> Iterator[Record]:
    for member in tar:
        if not member.isdir():
            name = member_name(prefix, member.name)
            yield _member(name, _tar_member(tar, member, max_bytes))


def archive_members(item: InputFile, max_bytes: int) -> Iterator[Record]:
    """Each member as a record (bytes or a reject); a broken archive ends in one `corrupt_archive` reject."""
    count = 0
    try:
        if item.path.lower().endswith(ZIP_SUFFIXES):
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
        if is_archive(os.path.basename(item.path)) and os.path.isfile(item.path):
            yield from archive_members(item, max_bytes)
        else:
            yield item
