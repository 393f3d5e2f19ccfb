"""Zip archives: planned in the build process from the central directory alone, read in the workers a slice at a time.

A zip says where every member is (its central directory, at the end of the file), so the build
process reads only that directory and hands out slices of members; each worker seeks to its
members' local headers and inflates them. No member's bytes pass through the build process.

The inflation budget (see `builder.inputs.archives`) is decided in the plan from the sizes the
directory declares, so no slice depends on another: a member read in a worker is cut off one byte
past its declared size (`too_large`), so the declared sizes bound what the slices inflate in all.
"""

from __future__ import annotations

import bz2
import copy
import io
import lzma
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, NamedTuple

from builder.inputs.archives import (
    ARCHIVE_ERRORS,
    CHUNK,
    MEMBER_ERRORS,
    Reads,
    compression_bomb,
    corrupt_archive,
    empty_archive,
    inflation_limit,
    member_name,
    read_capped,
    unsafe_name,
)
from builder.inputs.files import InputFile, open_regular, record_of
from builder.reasons import Reason
from builder.record import Record, Reject

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a member's local header, before its name and extra field
_LOCAL_SIGNATURE = b"PK\x03\x04"
_UTF8_NAME = 0x800
_ENCRYPTED = 0x1
_LZMA_HEADER = struct.Struct("<2BH")  # a zip LZMA member's data opens with a version and its properties' size


class Ready(NamedTuple):
    """Records known in the build process already (an archive that cannot be opened): nothing to read."""

    records_given: tuple[Record, ...]

    @property
    def records(self) -> int:
        return len(self.records_given)

    def open(self, max_bytes: int) -> Iterator[Record]:
        return iter(self.records_given)


class ZipSlice(NamedTuple):
    """Members of one zip for a worker to read: their directory entries, in the archive's record order.

    `first` is the number of records of the archive before these; `ending` is the `compression_bomb`
    reject that follows the last of them when the archive stops there.
    """

    item: InputFile
    size: int  # of the archive on disk
    members: tuple[zipfile.ZipInfo, ...]
    first: int = 0
    ending: Record | None = None

    @property
    def records(self) -> int:
        return len(self.members) + (self.ending is not None)

    def split(self, count: int) -> tuple[ZipSlice, ZipSlice]:
        """The first `count` records, and the rest (0 < count < records)."""
        head = self._replace(members=self.members[:count], ending=None)
        return head, self._replace(members=self.members[count:], first=self.first + count)

    def open(self, max_bytes: int) -> Iterator[Record]:
        opened = open_regular(self.item.path)
        if isinstance(opened, Reject):  # gone or changed since the plan: each member says so
            for info in self.members:
                yield Record(source_file=member_name(self.item.source_file, info.filename), reject=opened)
        else:
            with os.fdopen(opened[0], "rb") as raw:
                for info in self.members:
                    yield _member(raw, info, self.item.source_file, max_bytes)
        if self.ending is not None:
            yield self.ending


def plan_zip(item: InputFile, max_bytes: int) -> Iterator[Ready | ZipSlice]:
    """The archive as one slice of every member (the engine cuts it where its batches end), read from the
    central directory alone; or the one reject of an archive that cannot be opened or holds no files."""
    opened = item.error or open_regular(item.path)
    if isinstance(opened, Reject):
        yield Ready((Record(source_file=item.source_file, reject=opened),))
        return
    descriptor, size = opened
    try:
        with os.fdopen(descriptor, "rb") as raw, zipfile.ZipFile(raw) as archive:
            members = sorted((info for info in archive.infolist() if not info.is_dir()), key=lambda i: i.filename)
    except ARCHIVE_ERRORS as err:
        yield Ready((corrupt_archive(item.source_file, 0, err),))
        return
    if not members:
        yield Ready((empty_archive(item.source_file),))
        return
    limit = inflation_limit(size, max_bytes)
    stop = _over_budget_at(members, max_bytes, limit)
    if stop is None:
        yield ZipSlice(item, size, tuple(members))
    else:
        yield ZipSlice(item, size, tuple(members[:stop]), ending=compression_bomb(item.source_file, limit, size, stop))


def zip_members(item: InputFile, max_bytes: int) -> Iterator[Record]:
    """Every member of the archive as a record, in this process."""
    for part in plan_zip(item, max_bytes):
        yield from part.open(max_bytes)


def _over_budget_at(members: Sequence[zipfile.ZipInfo], max_bytes: int, limit: int) -> int | None:
    """The position of the member whose declared size takes the archive past its inflation limit, if one does.

    Only members that are read count (as a capped read of each would): not the unsafe, encrypted or
    declared-too-large ones, which are rejected unread.
    """
    inflated = 0
    for position, info in enumerate(members):
        if _unread(info, max_bytes) is None:
            inflated += info.file_size
            if inflated > limit:
                return position
    return None


def _kind(info: zipfile.ZipInfo) -> str | None:
    """Why a member is not a plain file (from its Unix mode, when the zip records one), or None."""
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
        return "a device, pipe or socket, not a regular file"
    return None


def _unread(info: zipfile.ZipInfo, max_bytes: int) -> Reject | None:
    """The reject of a member that is not to be read at all, from its directory entry; None to read it."""
    why = unsafe_name(info.filename) or _kind(info)
    if why:
        return Reject(Reason.UNSAFE_MEMBER, f"{why}; not read", "archive")
    if info.flag_bits & _ENCRYPTED:
        return Reject(Reason.CORRUPT_ARCHIVE, "encrypted member; no password is asked for", "archive")
    if info.file_size > max_bytes:
        return Reject(Reason.TOO_LARGE, f"declares {info.file_size} bytes, over --max-bytes {max_bytes}", "archive")
    return None


def _member(raw: IO[bytes], info: zipfile.ZipInfo, prefix: str, max_bytes: int) -> Record:
    name = member_name(prefix, info.filename)
    unread = _unread(info, max_bytes)
    if unread is not None:
        return Record(source_file=name, reject=unread)
    try:
        with _inflating(raw, info, max_bytes) as handle:
            over = f"member inflates past the {info.file_size} bytes it declares"
            return record_of(name, read_capped(handle, info.file_size, None, over))
    except MEMBER_ERRORS as err:
        detail = f"member cannot be read: {type(err).__name__}: {err}"
        return Record(source_file=name, reject=Reject(Reason.CORRUPT_ARCHIVE, detail, "archive"))


@contextmanager
def _inflating(raw: IO[bytes], info: zipfile.ZipInfo, max_bytes: int) -> Iterator[Reads]:
    """The member's inflated bytes, from its local header on (the checks `ZipFile.open` makes there).

    Inflated up to the stream's real end, not the declared size: a header that under-states the size
    then meets the cap (too_large) instead of failing its CRC after file_size bytes. The margin keeps
    zipfile's own end (and CRC check) out of reach of the capped reads.
    """
    raw.seek(info.header_offset)
    header = raw.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        raise zipfile.BadZipFile("Truncated file header")
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != _LOCAL_SIGNATURE:
        raise zipfile.BadZipFile("Bad magic number for file header")
    stored_name = raw.read(fields[10])
    raw.seek(fields[11], os.SEEK_CUR)  # the extra field
    if info.flag_bits & 0x60:  # compressed patched data, strong encryption
        raise NotImplementedError(f"zip feature (flag bits {info.flag_bits:#x}) not supported")
    if stored_name.decode("utf-8" if fields[3] & _UTF8_NAME else "cp437") != info.orig_filename:
        raise zipfile.BadZipFile(f"File name in directory {info.orig_filename!r} and header {stored_name!r} differ.")
    if info.compress_type in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        with _BoundedInflater(raw, info) as bounded:
            yield bounded
        return
    real_end = copy.copy(info)
    real_end.file_size = 2 * (max_bytes + CHUNK)
    with zipfile.ZipExtFile(raw, "r", real_end) as handle:  # type: ignore[arg-type]
        yield handle


class _BoundedInflater(io.RawIOBase):
    """A bzip2 or LZMA member's inflated bytes, never more in one read than asked for.

    zipfile inflates these methods with no output limit: a 4 KB read of a bzip2 member of zeros is
    gigabytes at once, before any cap sees a byte. Here the decompressor is given a `max_length`, and the
    CRC-32 is checked at the end of the stream as zipfile does. Stored and deflated members need none of
    this: zipfile already inflates those a bounded piece at a time.
    """

    def __init__(self, raw: IO[bytes], info: zipfile.ZipInfo) -> None:
        super().__init__()
        self._raw, self._info, self._left, self._crc = raw, info, info.compress_size, 0
        self._inflater: bz2.BZ2Decompressor | lzma.LZMADecompressor
        if info.compress_type == zipfile.ZIP_BZIP2:
            self._inflater = bz2.BZ2Decompressor()
        else:
            self._inflater = self._lzma_inflater()

    def readable(self) -> bool:
        return True

    def read(self, size: int = CHUNK) -> bytes:
        """Up to `size` inflated bytes (a chunk when size is negative); b"" at the end of the member."""
        limit = size if size >= 0 else CHUNK
        while limit and not self._inflater.eof:
            starved = self._inflater.needs_input
            compressed = self._compressed() if starved else b""
            data = self._inflate(compressed, limit)
            if data:
                self._crc = zlib.crc32(data, self._crc)
                return data
            if starved and not compressed:  # every compressed byte is in and nothing more comes out
                break
        if limit and self._crc != self._info.CRC:
            raise zipfile.BadZipFile(f"Bad CRC-32 for file {self._info.filename!r}")
        return b""

    def _inflate(self, compressed: bytes, limit: int) -> bytes:
        try:
            return self._inflater.decompress(compressed, limit)
        except lzma.LZMAError as err:  # a bare Exception: made a member error like bzip2's OSError
            raise zipfile.BadZipFile(f"LZMAError: {err}") from None

    def _compressed(self, most: int = CHUNK) -> bytes:
        """The member's next compressed bytes (at most `most`), b"" past its compressed size."""
        wanted = min(most, self._left)
        data = self._raw.read(wanted)
        if len(data) != wanted:
            raise EOFError(f"member {self._info.filename!r} cut short: the archive ends inside it")
        self._left -= wanted
        return data

    def _lzma_inflater(self) -> lzma.LZMADecompressor:
        """A raw LZMA1 decompressor from the properties that open the member's data (as zipfile reads them)."""
        header = self._compressed(_LZMA_HEADER.size)
        if len(header) != _LZMA_HEADER.size:
            raise zipfile.BadZipFile("LZMA member too short for its header")
        properties = self._compressed(_LZMA_HEADER.unpack(header)[2])
        try:
            lzma1 = lzma._decode_filter_properties(lzma.FILTER_LZMA1, properties)  # type: ignore[attr-defined]
        except lzma.LZMAError as err:
            raise zipfile.BadZipFile(f"LZMA properties cannot be read: {err}") from None
        return lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[lzma1])
