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
import time
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from builder.cache.keys import KEY_BYTES
from builder.cache.store import key_array
from builder.inputs.containers import Part
from builder.inputs.files import InputFile, read_record
from builder.record import Record

SETTLED_SECONDS = 2


class StatSeen(NamedTuple):
    """What the build saw of a loose file: its `signature` (None: changed too lately to vouch for it next
    time), the cached `key` it stands for (None: not vouched for, the file is read), and its `path`."""

    signature: bytes | None
    key: bytes | None
    path: str


class StatedFile(NamedTuple):
    """A loose file as a part of the work (`builder.inputs.containers.Part`), with what its stat said."""

    source_file: str
    seen: StatSeen

    @property
    def records(self) -> int:
        return 1

    @property
    def weight(self) -> int:
        return InputFile(self.source_file, self.seen.path).weight

    def open(self, max_bytes: int) -> Iterator[Record]:
        if self.seen.key is not None:  # vouched for: the worker takes its outcome from the cache
            yield Record(self.source_file, cache_stat=self.seen)
            return
        record = read_record(InputFile(self.source_file, self.seen.path), max_bytes)
        record.cache_stat = self.seen
        yield record


def signature(context: bytes, source_file: str, path: str, now_ns: int) -> bytes | None:
    """The stat signature of a regular file; None for a file that changed in the last SETTLED_SECONDS
    (or that cannot be stat'ed, or is no regular file: reading it says why)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or now_ns - max(info.st_mtime_ns, info.st_ctime_ns) < SETTLED_SECONDS * 10**9:
        return None
    facts = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
    digest = hashlib.blake2b(context, digest_size=KEY_BYTES)
    for part in (source_file.encode("utf-8", "surrogatepass"), path.encode("utf-8", "surrogateescape")):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    digest.update(b"".join(int(fact).to_bytes(16, "little", signed=True) for fact in facts))
    return digest.digest()


class StatIndex:
    """The manifest's signatures, sorted for lookup, with the keys they stand for."""

    def __init__(self, context: bytes, manifest: pa.Table) -> None:
        self.context = context
        usable = pc.and_(manifest.column("stat").is_valid(), manifest.column("chrome").is_null())
        vouched = manifest.filter(usable)
        signatures = key_array(vouched.column("stat"))
        order = np.argsort(signatures, kind="stable")
        self._signatures = signatures[order]
        self._keys = key_array(vouched.column("key"))[order]

    def seen(self, item: InputFile, now_ns: int) -> StatSeen:
        found = signature(self.context, item.source_file, item.path, now_ns)
        return StatSeen(found, self._key(found) if found is not None else None, item.path)

    def _key(self, found: bytes) -> bytes | None:
        needle = np.bytes_(found)
        at = int(np.searchsorted(self._signatures, needle))
        if at < len(self._signatures) and self._signatures[at] == needle:
            return bytes(self._keys[at]).ljust(KEY_BYTES, b"\0")  # NumPy drops trailing NULs
        return None

    def stated(self, parts: Iterable[Part]) -> Iterator[Part]:
        """The parts, each loose file among them with what its stat says (`StatedFile`)."""
        now_ns = time.time_ns()
        for part in parts:
            is_loose = type(part) is InputFile and part.error is None
            yield StatedFile(part.source_file, self.seen(part, now_ns)) if is_loose else part

    def unvouched(self, parts: Iterable[Part]) -> Iterator[Part]:
        """The parts but the loose files the cache vouches for (what the generic reader's survey must read)."""
        return (part for part in self.stated(parts) if not (isinstance(part, StatedFile) and part.seen.key))
