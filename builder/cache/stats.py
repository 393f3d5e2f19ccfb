"""Loose files the cache vouches for by their stat, so an unchanged file is neither read nor hashed again.

Reading and hashing every input is most of what an incremental build's workers do. As make and git do,
a file whose size, times, inode and path are what they were when its outcome was cached is taken to
hold the same bytes: its key comes from the manifest (`signature` -> `key`). The times include ctime,
which every write sets and no user can set back. A file changed less than `SETTLED_SECONDS` before it
was looked at gets no signature: a write in the same clock tick as the read could otherwise go unseen
(git's "racily clean" case), so such a file is read and hashed again by the next build.

Only inputs whose outcome depends on nothing but their own bytes are vouched for: a dump the generic
reader read also depends on its site's chrome, which is checked against the dump's text, so it is read.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
import time
from array import array
from collections.abc import Iterable, Iterator
from typing import NamedTuple, cast

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from builder.cache.keys import KEY_BYTES
from builder.cache.store import key_array
from builder.engines.local import batched
from builder.inputs.containers import Part
from builder.inputs.files import InputFile, page_weight, read_record
from builder.record import Record

SETTLED_SECONDS = 2  # a file changed more lately than this gets no signature (coarse file system clocks)
LOOKUP_CHUNK = 4096  # loose files stat'ed, then looked up in the manifest at once
_FACTS = struct.Struct("<qqqQQ")  # size, mtime, ctime (before 1970: negative), inode, device: fixed width


class StatSeen(NamedTuple):
    """What the build saw of a loose file: its `signature` (None: changed too lately to vouch for it next
    time), the cached `key` it stands for (None: not vouched for, the file is read), its `path`, and the
    row of the committed manifest that vouched for it (-1: none)."""

    signature: bytes | None
    key: bytes | None
    path: str
    entry: int = -1


class StatedFile(NamedTuple):
    """A loose file as a part of the work (`builder.inputs.containers.Part`), with what its stat said."""

    source_file: str
    seen: StatSeen

    @property
    def records(self) -> int:
        return 1

    @property
    def weight(self) -> int:
        return page_weight(self.source_file)

    def open(self, max_bytes: int) -> Iterator[Record]:
        if self.seen.key is not None:  # vouched for: the worker takes its outcome from the cache
            yield Record(self.source_file, cache_stat=self.seen)
            return
        record = read_record(InputFile(self.source_file, self.seen.path), max_bytes)
        record.cache_stat = self.seen
        yield record


class VouchedRun(NamedTuple):
    """Loose files in a row that the cache vouched for by their stat, as one part of the work: their
    outcomes are the committed manifest's `entries`. Arrays, not an object per file: an incremental build
    meets hundreds of thousands of them, and takes their outcomes a run at a time (`builder.cache.here`).
    `signatures` and `keys` hold KEY_BYTES a file."""

    files: tuple[InputFile, ...]
    entries: np.ndarray  # int64: the row of each file's entry in the committed manifest
    signatures: bytes
    keys: bytes

    @property
    def records(self) -> int:
        return len(self.files)

    @property
    def weight(self) -> int:
        return 1  # nothing is read

    def seen(self, at: int) -> StatSeen:
        """What the stat said of the file at `at`, as for a file alone (`StatedFile`)."""
        key, signature = (blob[at * KEY_BYTES : (at + 1) * KEY_BYTES] for blob in (self.keys, self.signatures))
        return StatSeen(signature, key, self.files[at].path, int(self.entries[at]))

    def split(self, count: int) -> tuple[VouchedRun, VouchedRun]:
        """The first `count` files, and the others."""
        cut = count * KEY_BYTES
        head = VouchedRun(self.files[:count], self.entries[:count], self.signatures[:cut], self.keys[:cut])
        return head, VouchedRun(self.files[count:], self.entries[count:], self.signatures[cut:], self.keys[cut:])

    def open(self, max_bytes: int) -> Iterator[Record]:
        """Where the outcomes are not taken a run at a time (another engine): a record a file, for the worker
        to take from the cache by its key."""
        for at, file in enumerate(self.files):
            yield Record(file.source_file, cache_stat=self.seen(at))


def signature(context: bytes, source_file: str, path: str, now_ns: int) -> bytes | None:
    """The stat signature of a regular file; None for a file that changed in the last SETTLED_SECONDS
    (or that cannot be stat'ed, or is no regular file: reading it says why)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or now_ns - max(info.st_mtime_ns, info.st_ctime_ns) < SETTLED_SECONDS * 10**9:
        return None
    facts = _FACTS.pack(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
    names = f"{source_file}\0{path}".encode("utf-8", "surrogateescape")  # no name holds a NUL: unambiguous
    return hashlib.blake2b(context + facts + names, digest_size=KEY_BYTES).digest()


class StatIndex:
    """The manifest's signatures, sorted for lookup, with the keys they stand for.

    A build walks its inputs twice (the generic reader's survey, then the pipeline): what the first
    walk's stats said is remembered, 28 bytes a file, and the second walk takes it instead of stat'ing
    every file again, as long as it meets the same files in the same order.
    """

    def __init__(self, context: bytes, manifest: pa.Table) -> None:
        self.context = context
        usable = pc.and_(manifest.column("stat").is_valid(), manifest.column("chrome").is_null())
        vouched = manifest.filter(usable)
        signatures = key_array(vouched.column("stat"))
        order = np.argsort(signatures, kind="stable")
        self._signatures = signatures[order]
        self._keys = key_array(vouched.column("key"))[order]
        self._entries = np.flatnonzero(usable.to_numpy(zero_copy_only=False))[order]  # manifest rows
        self._seen = _Seen()
        self._replayed: int | None = 0  # files of the first walk met again by the second; None: it went its own way

    def stated(self, parts: Iterable[Part], remember: bool = False) -> Iterator[Part]:
        """The parts, each loose file among them with what its stat says: runs of files the cache vouches
        for (`VouchedRun`), the others alone (`StatedFile`); `remember`: for a second walk over the same inputs."""
        for chunk in batched(parts, LOOKUP_CHUNK):
            loose: list[int] = []  # where the loose files are in the chunk
            files: list[InputFile] = []
            for index, part in enumerate(chunk):
                if type(part) is InputFile and part.error is None:
                    loose.append(index)
                    files.append(part)
            found = self._look(files, remember=True) if remember else self._replay(files) or self._look(files)
            yield from self._parts(chunk, loose, found)

    def unvouched(self, parts: Iterable[Part]) -> Iterator[Part]:
        """The parts but the loose files the cache vouches for (what the generic reader's survey must read)."""
        return (part for part in self.stated(parts, remember=True) if not isinstance(part, VouchedRun))

    def _look(self, files: list[InputFile], remember: bool = False) -> _Found:
        """Stat the files, and find what their signatures stand for."""
        now_ns = time.time_ns()
        signatures = [signature(self.context, file.source_file, file.path, now_ns) for file in files]
        found = _Found(b"".join(signed or bytes(KEY_BYTES) for signed in signatures), self._rows_of(signatures))
        if remember:
            self._seen.add(files, found)
        return found

    def _replay(self, files: list[InputFile]) -> _Found | None:
        """What the first walk saw of these files, if it met the same ones at this point."""
        start = self._replayed
        if start is None or not files:
            return None
        if start + len(files) > len(self._seen.names) or not self._seen.same(start, files):
            self._replayed = None  # the walks part here (or there was no first walk): the files are stat'ed
            return None
        self._replayed = start + len(files)
        return self._seen.found(start, len(files))

    def _rows_of(self, signatures: list[bytes | None]) -> np.ndarray:
        """The sorted row of each signature's key: -1 where the manifest does not have it, -2 where no signature."""
        signed = np.fromiter((found is not None for found in signatures), bool, len(signatures))
        if not len(self._signatures):
            return np.where(signed, -1, -2)
        needles = np.array([found or b"" for found in signatures], f"S{KEY_BYTES}")
        at = np.minimum(np.searchsorted(self._signatures, needles), len(self._signatures) - 1)
        hit = (self._signatures[at] == needles) & signed
        return np.where(hit, at, np.where(signed, -1, -2))

    def _parts(self, chunk: list[Part], loose: list[int], found: _Found) -> Iterator[Part]:
        """The chunk's parts, its loose files (at `loose`) as runs of vouched files or stated files alone."""
        vouched = (found.rows >= 0).tolist()
        if len(loose) == len(chunk) and all(vouched):  # the usual case: one run
            yield self._run(chunk, found, 0, len(chunk))
            return
        run: int | None = None  # the first loose file of the run being made
        at = 0  # the next loose file
        for index, part in enumerate(chunk):
            is_file = at < len(loose) and loose[at] == index
            if is_file and vouched[at]:
                run = at if run is None else run
                at += 1
                continue
            if run is not None:
                yield self._run(chunk, found, run, at, loose)
                run = None
            if is_file:
                file = cast(InputFile, part)  # a loose file (`stated`)
                yield StatedFile(file.source_file, StatSeen(found.signature(at), None, file.path))
                at += 1
            else:
                yield part
        if run is not None:
            yield self._run(chunk, found, run, at, loose)

    def _run(
        self, chunk: list[Part], found: _Found, start: int, end: int, loose: list[int] | None = None
    ) -> VouchedRun:
        """The files `start` to `end` of the chunk's loose files (all of the chunk when `loose` is None)."""
        files = tuple(chunk[start:end] if loose is None else (chunk[index] for index in loose[start:end]))
        rows = found.rows[start:end]
        blob = found.signatures[start * KEY_BYTES : end * KEY_BYTES]
        return VouchedRun(files, self._entries[rows], blob, self._keys[rows].tobytes())  # type: ignore[arg-type]


class _Found(NamedTuple):
    """What the stats of a walk's files said: their signatures (KEY_BYTES each; zeros for none) and the
    sorted row of each signature's key (`StatIndex._rows_of`)."""

    signatures: bytes
    rows: np.ndarray

    def signature(self, at: int) -> bytes | None:
        return self.signatures[at * KEY_BYTES : (at + 1) * KEY_BYTES] if self.rows[at] != -2 else None


class _Seen:
    """What a walk's stats said, file by file: a hash of its name, its signature, its key's row (`_rows_of`)."""

    def __init__(self) -> None:
        self.names = array("q")
        self.signatures = bytearray()
        self.rows = array("q")

    def add(self, files: list[InputFile], found: _Found) -> None:
        self.names.extend(hash(file.source_file) for file in files)
        self.signatures += found.signatures
        self.rows.extend(found.rows.tolist())

    def same(self, start: int, files: list[InputFile]) -> bool:
        names = np.frombuffer(self.names, np.int64)[start : start + len(files)]
        return bool(np.array_equal(names, np.fromiter((hash(file.source_file) for file in files), np.int64)))

    def found(self, start: int, count: int) -> _Found:
        signatures = bytes(self.signatures[start * KEY_BYTES : (start + count) * KEY_BYTES])
        return _Found(signatures, np.frombuffer(self.rows, np.int64)[start : start + count].copy())
