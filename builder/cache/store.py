"""The cache on disk: a marked folder of segment files (cached outcomes) and one manifest (key -> where).

    builder-cache.json    the marker: this folder is a builder cache, of this format
    manifest.arrow        every entry's key, segment, record batch and row; replaced whole, atomically
    shared-keys.arrow     the dedup keys the last build found two inputs holding (builder.cache.focus),
                          trusted only when the manifest names its digest
    segments/<hex>.arrow  outcomes, Arrow IPC files compressed with LZ4, written by the workers

Workers write a new segment for each batch holding new outcomes; none is trusted until a build that
succeeded names it in the manifest it commits. A build that fails or is interrupted leaves the manifest
as it was (its segments are orphans, removed by the next commit). The folder holds only these names:
a folder with anything else in it is refused, and only files named like ours are ever removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa

from builder.batch import batch_schema
from builder.cache.keys import FORMAT, KEY_BYTES
from builder.errors import OutputPathError

MARKER, MANIFEST, SEGMENTS, LOCK = "builder-cache.json", "manifest.arrow", "segments", ".lock"
SHARED = "shared-keys.arrow"  # the dedup keys the last build found shared, named by the manifest's digest of it
_PARTIAL, _SHARED_PARTIAL = f".{MANIFEST}.partial", f".{SHARED}.partial"
_SEGMENT_NAME = re.compile(r"^[0-9a-f]{32}\.arrow$")
_MARK = {"made_by": "builder", "what": "build cache", "format": FORMAT}
# LZ4, not zstd: an incremental build decodes every reused entry, and LZ4 decodes faster (the 200k bench's
# decoding thread: 1.0 CPU seconds against 2.0, reading and checking included), for a cache 1.5 times bigger
# (26 % of the inputs, not 17 %).
_WRITE = pa.ipc.IpcWriteOptions(compression="lz4")
KEY = "cache_key"
# What an entry holds beside the input's outcome: whether the date check is to be made on it (it passed
# every step before the check); whether it must be made again whatever `now` (it rejects even when no
# date is in the future); the instant, to compare with `now` at once; and the dates the check reads, as
# ISO text (they keep their zone).
CHECK_DATE, DATE_REPLAY, DATE_AT = "cache_check_date", "cache_date_replay", "cache_date_at"
PUBLISHED_AT, PUBLISHED_AT_LOCAL = "cache_published_at", "cache_published_at_local"
_KEY_TYPE = pa.binary(KEY_BYTES)


@cache
def entry_schema() -> pa.Schema:
    """A segment's rows: a processed batch's columns (`batch_schema()`), then the key and the date facts."""
    extra = [
        pa.field(KEY, _KEY_TYPE),
        pa.field(CHECK_DATE, pa.bool_()),
        pa.field(DATE_REPLAY, pa.bool_()),
        pa.field(DATE_AT, pa.timestamp("us", tz="UTC")),
        pa.field(PUBLISHED_AT, pa.string()),
        pa.field(PUBLISHED_AT_LOCAL, pa.string()),
    ]
    return pa.schema([*batch_schema(), *extra], metadata=batch_schema().metadata)


@cache
def manifest_schema() -> pa.Schema:
    """One row per entry, sorted by key; `chrome`: for a dump the generic reader may have read, the digest
    of the site chrome it was read with (null for any other input); `stat`: for a loose file, its stat
    signature when the entry was used (`builder.cache.stats`; null when it had none)."""
    return pa.schema(
        [
            pa.field("key", _KEY_TYPE, nullable=False),
            pa.field("segment", pa.string(), nullable=False),
            pa.field("part", pa.uint32(), nullable=False),
            pa.field("row", pa.uint32(), nullable=False),
            pa.field("chrome", _KEY_TYPE),
            pa.field("stat", _KEY_TYPE),
        ]
    )


class CacheProblem(Exception):
    """The cache cannot be trusted (corrupt, truncated, of another format): it is ignored, then rewritten."""


def check_folder(folder: Path) -> None:
    """Refuse a cache folder holding anything builder did not write there; touches nothing."""
    if not os.path.lexists(folder):
        return
    if folder.is_symlink() or not folder.is_dir():
        raise OutputPathError(f"--cache {folder} exists and is not a folder", "pass a folder made by an earlier build")
    names = {entry.name for entry in os.scandir(folder)}
    if not names:
        return
    foreign = sorted(names - {MARKER, MANIFEST, _PARTIAL, SHARED, _SHARED_PARTIAL, SEGMENTS, LOCK})
    if MARKER not in names:
        foreign = sorted(names)
    elif SEGMENTS in names:
        segments = folder / SEGMENTS
        if segments.is_symlink() or not segments.is_dir():
            foreign.append(SEGMENTS)
        else:
            foreign += [f"{SEGMENTS}/{n}" for n in sorted(os.listdir(segments)) if not _SEGMENT_NAME.match(n)]
    if foreign:
        listed = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise OutputPathError(
            f"--cache {folder} holds files that are not a build cache written by builder ({listed})",
            "pass a folder that is missing, empty, or made by an earlier build; nothing was changed",
        )


def prepare(folder: Path) -> None:
    """Create the folder and its marker (a folder just checked by `check_folder`)."""
    (folder / SEGMENTS).mkdir(parents=True, exist_ok=True)
    if not (folder / MARKER).exists():
        mark(folder)


def mark(folder: Path) -> None:
    """Write the marker: this folder is a builder cache of this format (a marker of another format is replaced)."""
    (folder / MARKER).write_text(json.dumps(_MARK) + "\n", encoding="utf-8")


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One build at a time uses a cache: another's commit would remove this one's new segments."""
    import fcntl

    from builder.errors import BuildLockedError

    handle = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLockedError(f"another build is using --cache {folder}") from None
        yield
    finally:
        os.close(handle)


@dataclass
class Manifest:
    """The committed entries: sorted keys, and where each outcome is; `segment_rows`: each segment's length."""

    table: pa.Table
    segment_rows: dict[str, int]
    shared: str | None = None  # the digest of the shared dedup keys file its build wrote (`write_shared`)

    @classmethod
    def empty(cls) -> Manifest:
        return cls(pa.Table.from_batches([empty_batch(manifest_schema())]), {})

    @property
    def keys(self) -> np.ndarray:
        return key_array(self.table.column("key"))


def by_key(table: pa.Table) -> pa.Table:
    """Sorted by key for the workers' binary search, each key once (an input given twice is one entry)."""
    keys = key_array(table.column("key"))
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    first = np.ones(len(ordered), bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return table.take(pa.array(order[first]))


def empty_batch(schema: pa.Schema) -> pa.RecordBatch:
    """No rows of `schema`. Not `Schema.empty_table()`: it imports pandas (~0.2 s) in the build process."""
    return pa.RecordBatch.from_arrays([pa.nulls(0, field.type) for field in schema], schema=schema)


def key_array(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Keys as a NumPy array of 16-byte strings (sortable, searchable), from one flat buffer."""
    flat = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if not len(flat):
        return np.empty(0, f"S{KEY_BYTES}")
    data = np.frombuffer(flat.buffers()[1], np.uint8)[flat.offset * KEY_BYTES : (flat.offset + len(flat)) * KEY_BYTES]
    return data.view(f"S{KEY_BYTES}")


def read_manifest(folder: Path, check_segments: bool = True) -> Manifest:
    """The committed manifest (empty for a new cache); CacheProblem when it or a segment it names is unsound
    (`check_segments`: open each one; the parent does, once, before a worker reads any)."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise CacheProblem(f"its marker {MARKER} cannot be read ({err})") from None
    if marker != _MARK:
        raise CacheProblem(f"it was written in another format ({MARKER}: {marker})")
    path = folder / MANIFEST
    if not path.exists():
        return Manifest.empty()
    try:
        table = pa.ipc.open_file(_read(path)).read_all()
        segment_rows = json.loads(table.schema.metadata[b"segments"])
        shared = table.schema.metadata.get(b"shared", b"").decode() or None
        table = table.replace_schema_metadata(None)
    except (OSError, pa.ArrowException, KeyError, TypeError, ValueError) as err:
        raise CacheProblem(f"its manifest cannot be read ({type(err).__name__}: {err})") from None
    if table.schema != manifest_schema():
        raise CacheProblem("its manifest has another layout")
    if check_segments:
        _check_segments(folder, table, segment_rows)
    return Manifest(table, {str(name): int(rows) for name, rows in segment_rows.items()}, shared)


def _check_segments(folder: Path, table: pa.Table, segment_rows: dict[str, int]) -> None:
    """Every segment the manifest names is there, whole (an Arrow file's footer is at its end), of our layout."""
    named = set(table.column("segment").unique().to_pylist())
    if not named <= set(segment_rows):
        raise CacheProblem("its manifest names segments it does not count")
    for name in sorted(named):
        try:
            with pa.memory_map(str(folder / SEGMENTS / name)) as source:
                reader = pa.ipc.open_file(source)
                sound = reader.schema == entry_schema() and reader.num_record_batches > 0
        except (OSError, pa.ArrowException) as err:
            raise CacheProblem(f"segment {name} cannot be read ({type(err).__name__}: {err})") from None
        if not sound:
            raise CacheProblem(f"segment {name} has another layout")


def write_segment(folder: Path, entries: pa.RecordBatch) -> str:
    """Write new entries as a segment of their own; its name (new, random: workers never collide)."""
    name = f"{uuid.uuid4().hex}.arrow"
    try:
        _write_ipc(folder / SEGMENTS / name, entries, entry_schema())
    except BaseException:
        (folder / SEGMENTS / name).unlink(missing_ok=True)  # half a segment would only be an orphan
        raise
    return name


def _write_ipc(path: Path, batches: pa.RecordBatch | list[pa.RecordBatch], schema: pa.Schema) -> None:
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, schema, options=_WRITE) as writer:
        for batch in batches if isinstance(batches, list) else [batches]:
            writer.write_batch(batch)


def write_manifest(folder: Path, table: pa.Table, segment_rows: dict[str, int], shared: str | None = None) -> None:
    """Replace the manifest whole: a build stopped halfway leaves the previous one. `shared`: the digest of
    the build's shared dedup keys file (`write_shared`), which is trusted only through the manifest."""
    metadata = {"segments": json.dumps(segment_rows, sort_keys=True), **({"shared": shared} if shared else {})}
    schema = manifest_schema().with_metadata(metadata)
    _replace(folder, _PARTIAL, MANIFEST, table.cast(schema).combine_chunks().to_batches(), schema)


def _replace(folder: Path, partial_name: str, name: str, batches: list[pa.RecordBatch], schema: pa.Schema) -> bytes:
    """Write an Arrow file under a partial name, to disk, then put it in place at once; its bytes."""
    partial = folder / partial_name
    try:
        _write_ipc(partial, batches, schema)
        data = partial.read_bytes()
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, folder / name)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return data


_SHARED_SCHEMA = pa.schema([pa.field("shared_key", pa.uint64(), nullable=False)])


def write_shared(folder: Path, keys: np.ndarray, context: bytes) -> str:
    """Write the dedup keys two inputs of a build or more held (sorted uint64), for the next build under the
    same `context` (`builder.cache.focus`); the digest of the file, for the manifest to name it by."""
    schema = _SHARED_SCHEMA.with_metadata({"context": context.hex()})
    batch = pa.record_batch([pa.array(keys, pa.uint64())], schema=schema)
    return hashlib.blake2b(
        _replace(folder, _SHARED_PARTIAL, SHARED, [batch], schema), digest_size=KEY_BYTES
    ).hexdigest()


def read_shared(folder: Path, digest: str, context: bytes) -> np.ndarray | None:
    """The shared dedup keys, if the file is the one the manifest names (`digest`) and was written under `context`."""
    try:
        data = (folder / SHARED).read_bytes()
        if hashlib.blake2b(data, digest_size=KEY_BYTES).hexdigest() != digest:
            return None
        table = pa.ipc.open_file(pa.py_buffer(data)).read_all()
    except (OSError, pa.ArrowException):
        return None
    if (
        not table.schema.equals(_SHARED_SCHEMA)
        or (table.schema.metadata or {}).get(b"context") != context.hex().encode()
    ):
        return None
    return table.column(0).combine_chunks().to_numpy(zero_copy_only=False).astype(np.uint64)


def remove_unlisted(folder: Path, kept: set[str]) -> None:
    """Remove the segments the manifest no longer names (and orphans of failed builds): ours by their names."""
    for name in os.listdir(folder / SEGMENTS):
        if _SEGMENT_NAME.match(name) and name not in kept:
            (folder / SEGMENTS / name).unlink(missing_ok=True)


def _read(path: Path) -> pa.Buffer:
    """A whole file in memory: what is read from it must not point into a mapping closed meanwhile."""
    with open(path, "rb") as source:
        return pa.py_buffer(source.read())


# A part is decoded on the calling thread: Arrow's pool, asked to decompress a part's buffers side by side,
# took 2.3 s and 3.5 CPU seconds for the 200k bench's entries (zstd), against 1.7 s and 1.7 on one thread.
_ONE_THREAD = pa.ipc.IpcReadOptions(use_threads=False)


class SegmentReader:
    """Entries read from segments in a worker; the last record batch read is kept (inputs come in the order
    they were cached, so a batch of inputs mostly reads one)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._held: tuple[str, int, pa.RecordBatch] | None = None

    def part(self, segment: str, part: int) -> pa.RecordBatch:
        if self._held is not None and self._held[:2] == (segment, part):
            return self._held[2]
        reader = pa.ipc.open_file(_read(self.folder / SEGMENTS / segment), options=_ONE_THREAD)
        if reader.schema != entry_schema():
            raise CacheProblem(f"segment {segment} has another layout")
        batch = reader.get_batch(part)
        batch.validate(full=True)  # a damaged buffer fails here, in the worker, not in the parent
        self._held = (segment, part, batch)
        return batch


PARTS_AHEAD = 8  # segment parts decoded ahead of their use, at most (about 1 MB each, decoded)


class PartsAhead:
    """Segment parts decoded on a thread of their own, in the order the build process's answers will ask for
    them (`want`), while it does the Python work of the parts before. Decoding releases the GIL: the
    200k bench's 788 parts take about 0.9 s to decode, which the build process then spends no more waiting."""

    def __init__(self, folder: Path) -> None:
        self._ahead = SegmentReader(folder)  # the thread's own: a reader keeps the last part it read
        self._here = SegmentReader(folder)  # for a part not wanted ahead
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="cache-parts")
        self._wanted: deque[tuple[str, int]] = deque()
        self._decoding: dict[tuple[str, int], Future[pa.RecordBatch]] = {}
        self._last: tuple[tuple[str, int], pa.RecordBatch] | None = None  # a task may start in the last one's part

    def want(self, parts: Iterable[tuple[str, int]]) -> None:
        for where in parts:
            if where not in self._decoding and (not self._wanted or self._wanted[-1] != where):
                self._wanted.append(where)
        self._feed()

    def part(self, segment: str, part: int) -> pa.RecordBatch:
        where = (segment, part)
        if self._last is not None and self._last[0] == where:
            return self._last[1]
        decoding = self._decoding.pop(where, None)
        batch = decoding.result() if decoding is not None else self._here.part(segment, part)
        self._last = (where, batch)
        self._feed()
        return batch

    def _feed(self) -> None:
        while self._wanted and len(self._decoding) < PARTS_AHEAD:
            where = self._wanted.popleft()
            if where not in self._decoding and (self._last is None or self._last[0] != where):
                self._decoding[where] = self._thread.submit(self._ahead.part, *where)
