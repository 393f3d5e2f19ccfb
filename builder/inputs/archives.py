"""Archives given as inputs (.zip, .tar, .tar.gz/.tgz, .tar.bz2, .tar.xz, .tar.zst), read member by member.

Nothing is extracted to disk. Members with absolute or `..` paths, links and devices are rejected and
never followed; a member's size counts against --max-bytes as it streams, so a bomb is stopped early;
a corrupt archive becomes a reject and the build goes on.

An archive may inflate to at most `inflation_limit` bytes in all (members, headers and the members
skipped for their size): 100 times its size on disk, and never less than 4 x --max-bytes. Real dumps
compress about 5 to 10 times; a bomb compresses a thousand to a million times, and without the limit a
1 MB archive could keep the build inflating zeros for hours. Past the limit the rest of the archive
is one `compression_bomb` reject; every member before it is already accounted for.
"""

from __future__ import annotations

import bz2
import copy
import gzip
import io
import lzma
import os
import posixpath
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import PurePosixPath
from typing import IO

from builder.inputs.files import InputFile, open_regular
from builder.inputs.names import escape_name
from builder.reasons import Reason
from builder.record import Record, Reject

ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst")
CHUNK = 64 * 1024
INFLATION_RATIO = 100  # an archive inflates to at most this many times its size on disk ...
INFLATION_FLOOR = 4  # ... or this many times --max-bytes, whichever is more
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
    """`archive/inner/path`: a safe name loses `./` and doubled slashes, an unsafe one is kept as written.

    Bytes of the name that are not UTF-8 are escaped (`builder.inputs.names`), so `source_file` is always valid.
    """
    return f"{prefix}/{escape_name(name if unsafe_name(name) else PurePosixPath(name).as_posix())}"


def inflation_limit(archive_bytes: int, max_bytes: int) -> int:
    """How many bytes an archive of this size may inflate to in all (see the module's docstring)."""
    return max(INFLATION_RATIO * archive_bytes, INFLATION_FLOOR * max_bytes)


class _OverLimit(Exception):
    """The archive inflated past its limit (not an archive error: nothing may catch it on the way out)."""


class _Budget:
    """The bytes an archive has inflated to so far, against its limit."""

    __slots__ = ("limit", "used")

    def __init__(self, limit: int) -> None:
        self.limit, self.used = limit, 0

    def spend(self, count: int) -> None:
        self.used += count
        if self.used > self.limit:
            raise _OverLimit


def _read_capped(handle: IO[bytes], max_bytes: int, budget: _Budget) -> bytes | Reject:
    """Read at most max_bytes; stop as soon as the stream goes past it (the real size, not the declared one)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := handle.read(min(CHUNK, max_bytes + 1 - total)):
        budget.spend(len(chunk))
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


def _zip_members(archive: zipfile.ZipFile, prefix: str, max_bytes: int, budget: _Budget) -> Iterator[Record]:
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
                    yield _member(name, _read_capped(handle, max_bytes, budget))
            except _MEMBER_ERRORS as err:
                detail = f"member cannot be read: {type(err).__name__}: {err}"
                yield _member(name, Reject(Reason.CORRUPT_ARCHIVE, detail, "archive"))


def _tar_member(tar: tarfile.TarFile, member: tarfile.TarInfo, max_bytes: int, budget: _Budget) -> bytes | Reject:
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
    return _read_capped(handle, max_bytes, budget)


class _StrictTarInfo(tarfile.TarInfo):
    """tarfile ends iteration quietly at a missing, cut or damaged header after the first member, so a
    truncated archive would lose its tail without a word; here only the end-of-archive block ends it."""

    @classmethod
    def fromtarfile(cls, archive: tarfile.TarFile) -> tarfile.TarInfo:  # type: ignore[override]
        try:
            return super().fromtarfile(archive)
        except (tarfile.EmptyHeaderError, tarfile.TruncatedHeaderError, tarfile.InvalidHeaderError) as err:
            raise tarfile.ReadError(f"archive cut or damaged at offset {archive.offset}: {err}") from None


class _Inflated:
    """The decompressed tar stream as tarfile reads it: every byte counted against the budget, and the
    decompressor's own errors (lzma's and zstd's are bare Exceptions) turned into archive errors."""

    def __init__(self, stream: IO[bytes], budget: _Budget, errors: tuple[type[Exception], ...]) -> None:
        self._stream, self._budget, self._errors = stream, budget, errors

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._stream.read(size)
        except self._errors as err:
            raise tarfile.ReadError(f"{type(err).__name__}: {err}") from None
        self._budget.spend(len(data))
        return data


def _decompressed(raw: io.BufferedReader, name: str, stack: ExitStack) -> tuple[IO[bytes], tuple[type[Exception], ...]]:
    """The tar stream inside `raw`, by its magic bytes (the same test as tarfile's "r|*", plus zstd).

    Decompressing here rather than in tarfile matters: tarfile's stream mode inflates each 10 KB read
    of compressed data whole (a bzip2 or xz block of zeros is hundreds of MB) and copies what is left
    after every small read, so skipping a big member took minutes; these readers inflate at most what
    is asked for.
    """
    head = raw.peek(10)[:10]
    if head.startswith(b"\x1f\x8b\x08"):
        return stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb")), (zlib.error,)
    if head[:3] == b"BZh" and head[4:10] == b"1AY&SY":
        return stack.enter_context(bz2.BZ2File(raw)), ()
    if head.startswith((b"\x5d\x00\x00\x80", b"\xfd7zXZ")):
        return stack.enter_context(lzma.LZMAFile(raw)), (lzma.LZMAError,)
    if head.startswith(b"\x28\xb5\x2f\xfd") or name.lower().endswith((".tar.zst", ".tzst")):
        import zstandard

        return stack.enter_context(zstandard.ZstdDecompressor().stream_reader(raw)), (zstandard.ZstdError,)
    return raw, ()


@contextmanager
def _open_tar(raw: io.BufferedReader, name: str, budget: _Budget) -> Iterator[tarfile.TarFile]:
    with ExitStack() as stack:
        stream, errors = _decompressed(raw, name, stack)
        inflated = _Inflated(stream, budget, errors)
        # streaming: members in stored order, no seeking
        yield stack.enter_context(tarfile.open(fileobj=inflated, mode="r|", tarinfo=_StrictTarInfo))  # type: ignore[call-overload]


def _tar_members(tar: tarfile.TarFile, prefix: str, max_bytes: int, budget: _Budget) -> Iterator[Record]:
    while (member := tar.next()) is not None:
        tar.members.clear()  # stream mode would keep every header read: memory that grows with the archive
        if not member.isdir():
            name = member_name(prefix, member.name)
            yield _member(name, _tar_member(tar, member, max_bytes, budget))


def _members(raw: io.BufferedReader, item: InputFile, max_bytes: int, budget: _Budget) -> Iterator[Record]:
    if item.source_file.lower().endswith(ZIP_SUFFIXES):
        with zipfile.ZipFile(raw) as archive:
            yield from _zip_members(archive, item.source_file, max_bytes, budget)
    else:
        with _open_tar(raw, item.source_file, budget) as tar:
            yield from _tar_members(tar, item.source_file, max_bytes, budget)


def archive_members(item: InputFile, max_bytes: int) -> Iterator[Record]:
    """Each member as a record (bytes or a reject); a broken archive ends in one `corrupt_archive` reject,
    one that inflates past its limit in one `compression_bomb` reject."""
    opened = item.error or open_regular(item.path)
    if isinstance(opened, Reject):
        yield Record(source_file=item.source_file, reject=opened)
        return
    descriptor, size = opened
    budget = _Budget(inflation_limit(size, max_bytes))
    count = 0
    try:
        with os.fdopen(descriptor, "rb") as raw:
            for record in _members(raw, item, max_bytes, budget):
                count += 1
                yield record
    except _ARCHIVE_ERRORS as err:
        detail = f"archive cannot be read after {count} members: {type(err).__name__}: {err}"
        yield Record(source_file=item.source_file, reject=Reject(Reason.CORRUPT_ARCHIVE, detail, "archive"))
        return
    except _OverLimit:
        detail = (
            f"inflates past {budget.limit} bytes ({INFLATION_RATIO} x its {size} bytes, at least "
            f"{INFLATION_FLOOR} x --max-bytes) after {count} members; the rest of the archive is not read"
        )
        yield Record(source_file=item.source_file, reject=Reject(Reason.COMPRESSION_BOMB, detail, "archive"))
        return
    if count == 0:
        yield Record(
            source_file=item.source_file, reject=Reject(Reason.UNREADABLE, "archive holds no files", "archive")
        )


def expand_archives(items: Iterable[InputFile], max_bytes: int) -> Iterator[InputFile | Record]:
    """Plain files pass through (workers read them); archives become their members' records.

    An archive is known by its name in the inputs (a link named `x.tar.gz` may lead to a file named otherwise).
    """
    for item in items:
        if is_archive(posixpath.basename(item.source_file)) and item.error is None and os.path.isfile(item.path):
            yield from archive_members(item, max_bytes)
        else:
            yield item
