"""Archives given as inputs (.zip, .tar, .tar.gz/.tgz, .tar.bz2, .tar.xz, .tar.zst), read member by member:
what every archive reader shares (safe names, the inflation budget, capped reads), and the tar reader.

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
import gzip
import io
import lzma
import os
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import PurePosixPath
from typing import Protocol

from builder.inputs.files import InputFile, open_regular, record_of
from builder.inputs.names import escape_name
from builder.reasons import Reason
from builder.record import Record, Reject

ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst")
CHUNK = 64 * 1024
INFLATION_RATIO = 100  # an archive inflates to at most this many times its size on disk ...
INFLATION_FLOOR = 4  # ... or this many times --max-bytes, whichever is more
ARCHIVE_ERRORS = (zipfile.BadZipFile, tarfile.TarError, zlib.error, EOFError, OSError, ValueError)
# Also per zip member: NotImplementedError for an unknown compression method (RuntimeError, just in case).
MEMBER_ERRORS = (*ARCHIVE_ERRORS, RuntimeError, NotImplementedError)


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


class OverLimit(Exception):
    """The archive inflated past its limit (not an archive error: nothing may catch it on the way out)."""


class Budget:
    """The bytes an archive has inflated to so far, against its limit."""

    __slots__ = ("limit", "used")

    def __init__(self, limit: int) -> None:
        self.limit, self.used = limit, 0

    def spend(self, count: int) -> None:
        self.used += count
        if self.used > self.limit:
            raise OverLimit


class Reads(Protocol):
    """A binary stream as it is read here: a file, a decompressor over one, or an archive's member."""

    def read(self, size: int = -1, /) -> bytes: ...


def read_capped(handle: Reads, max_bytes: int, budget: Budget | None, over: str = "") -> bytes | Reject:
    """Read at most max_bytes; stop as soon as the stream goes past it (the real size, not the declared one).

    `over` says what was passed when it does (default: --max-bytes); a budget counts every byte read.
    """
    chunks: list[bytes] = []
    total = 0
    while chunk := handle.read(min(CHUNK, max_bytes + 1 - total)):
        if budget is not None:
            budget.spend(len(chunk))
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            detail = f"{over or f'member inflates past --max-bytes {max_bytes}'}; stopped reading"
            return Reject(Reason.TOO_LARGE, detail, "archive")
    return b"".join(chunks)


def _tar_member(tar: tarfile.TarFile, member: tarfile.TarInfo, max_bytes: int, budget: Budget) -> bytes | Reject:
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
    return read_capped(handle, max_bytes, budget)


# tarfile's own errors for a header it cannot read, which its stubs leave out
_HEADER_ERRORS = (
    tarfile.EmptyHeaderError,  # type: ignore[attr-defined]
    tarfile.TruncatedHeaderError,  # type: ignore[attr-defined]
    tarfile.InvalidHeaderError,  # type: ignore[attr-defined]
)


class _StrictTarInfo(tarfile.TarInfo):
    """tarfile ends iteration quietly at a missing, cut or damaged header after the first member, so a
    truncated archive would lose its tail without a word; here only the end-of-archive block ends it."""

    @classmethod
    def fromtarfile(cls, archive: tarfile.TarFile) -> tarfile.TarInfo:  # type: ignore[override]
        try:
            return super().fromtarfile(archive)
        except _HEADER_ERRORS as err:
            raise tarfile.ReadError(f"archive cut or damaged at offset {archive.offset}: {err}") from None


class _Inflated:
    """The decompressed tar stream as tarfile reads it: every byte counted against the budget, and the
    decompressor's own errors (lzma's and zstd's are bare Exceptions) turned into archive errors."""

    def __init__(self, stream: Reads, budget: Budget, errors: tuple[type[Exception], ...]) -> None:
        self._stream, self._budget, self._errors = stream, budget, errors

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._stream.read(size)
        except self._errors as err:
            raise tarfile.ReadError(f"{type(err).__name__}: {err}") from None
        self._budget.spend(len(data))
        return data


def _decompressed(raw: io.BufferedReader, name: str, stack: ExitStack) -> tuple[Reads, tuple[type[Exception], ...]]:
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
def _open_tar(raw: io.BufferedReader, name: str, budget: Budget) -> Iterator[tarfile.TarFile]:
    with ExitStack() as stack:
        stream, errors = _decompressed(raw, name, stack)
        inflated = _Inflated(stream, budget, errors)
        # streaming: members in stored order, no seeking
        yield stack.enter_context(tarfile.open(fileobj=inflated, mode="r|", tarinfo=_StrictTarInfo))  # type: ignore[call-overload]


def _tar_members(tar: tarfile.TarFile, prefix: str, max_bytes: int, budget: Budget) -> Iterator[Record]:
    while (member := tar.next()) is not None:
        # stream mode would keep every header read: memory that grows with the archive (`members`: no stub)
        tar.members.clear()  # type: ignore[attr-defined]
        if not member.isdir():
            name = member_name(prefix, member.name)
            yield record_of(name, _tar_member(tar, member, max_bytes, budget))


def tar_members(item: InputFile, max_bytes: int) -> Iterator[Record]:
    """A tar archive's members as records, streamed: a tar (compressed or not) says where its members are
    only as it is read, so one reader goes through it from start to end."""
    opened = item.error or open_regular(item.path)
    if isinstance(opened, Reject):
        yield Record(source_file=item.source_file, reject=opened)
        return
    descriptor, size = opened
    budget = Budget(inflation_limit(size, max_bytes))
    count = 0
    try:
        with os.fdopen(descriptor, "rb") as raw, _open_tar(raw, item.source_file, budget) as tar:
            for record in _tar_members(tar, item.source_file, max_bytes, budget):
                count += 1
                yield record
    except ARCHIVE_ERRORS as err:
        yield corrupt_archive(item.source_file, count, err)
        return
    except OverLimit:
        yield compression_bomb(item.source_file, budget.limit, size, count)
        return
    if count == 0:
        yield empty_archive(item.source_file)


def corrupt_archive(source_file: str, count: int, err: Exception) -> Record:
    detail = f"archive cannot be read after {count} members: {type(err).__name__}: {err}"
    return Record(source_file=source_file, reject=Reject(Reason.CORRUPT_ARCHIVE, detail, "archive"))


def compression_bomb(source_file: str, limit: int, size: int, count: int) -> Record:
    detail = (
        f"inflates past {limit} bytes ({INFLATION_RATIO} x its {size} bytes, at least "
        f"{INFLATION_FLOOR} x --max-bytes) after {count} members; the rest of the archive is not read"
    )
    return Record(source_file=source_file, reject=Reject(Reason.COMPRESSION_BOMB, detail, "archive"))


def empty_archive(source_file: str) -> Record:
    return Record(source_file=source_file, reject=Reject(Reason.UNREADABLE, "archive holds no files", "archive"))
