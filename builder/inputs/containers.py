"""Containers: how an input becomes records, whether a loose file, an archive's members or a compressed file.

Each container in the registry says three things:

- how it is recognised: by the input's name (a `.zip`, a `.tar.gz`), chosen in the build process
  without opening anything; where it is opened, its content is checked (corrupt archives are rejects);
- how it is planned in the build process, cheaply: into parts, small descriptions of records to come
  (a file's path; a zip's slice of directory entries), never a member's bytes;
- how a part is opened in a worker: into its records, in the order they go into the dataset.

A part says how many records it opens to when that is known in the plan (a loose file: one; a zip
slice: its members), so the engine can cut its batches where it always did; a part that cannot know
(a tar is read from start to end to find its members) is opened in one worker, cut into batches there.
Adding a kind of input is one more container here (WARC archives: `builder.inputs.warc`; JSON Lines and
Parquet exports: `builder.inputs.exports`); the engine does not change.
"""

from __future__ import annotations

import gzip
import os
import posixpath
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import NamedTuple, Protocol

from builder.inputs.archives import (
    TAR_SUFFIXES,
    ZIP_SUFFIXES,
    Budget,
    inflation_limit,
    read_capped,
    tar_members,
)
from builder.inputs.exports import (
    DEFAULT_EXPORT_COLUMNS,
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    ExportColumns,
    plan_jsonl,
    plan_parquet,
    unreadable_parquet,
)
from builder.inputs.files import InputFile, open_regular, read_record, record_of
from builder.inputs.warc import WARC_SUFFIXES, plan_warc
from builder.inputs.zips import plan_zip, zip_members
from builder.reasons import Reason
from builder.record import Record, Reject


class Part(Protocol):
    """Records to come, described in the build process and opened in a worker (sent there pickled: keep it small)."""

    @property
    def records(self) -> int | None:
        """How many records `open` gives, when the plan knows; None when only reading tells."""

    def open(self, max_bytes: int) -> Iterator[Record]:
        """The records, in dataset order: each an input's bytes or its reject."""


class Container(Protocol):
    name: str

    def claims(self, name: str) -> bool:
        """Whether an input of this base name (lower-cased) is this container's."""

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        """The input's parts, in order; run in the build process, so it reads little or nothing."""


class LooseFile:
    """A file that is one record: read in a worker (the part is the `InputFile` itself)."""

    name = "file"

    def claims(self, name: str) -> bool:
        return True

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        return (item,)


class Zip:
    """A zip: recognised by its name; planned from its central directory; read in slices (`builder.inputs.zips`)."""

    name = "zip"
    suffixes = ZIP_SUFFIXES  # what it claims, for `container_for`'s first look

    def claims(self, name: str) -> bool:
        return name.endswith(self.suffixes)

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        return plan_zip(item, max_bytes)


class Whole(NamedTuple):
    """A whole input opened by one reader in one worker; `known` is how many records it gives, when the plan
    can tell without reading (a gzip file: one), else None (a tar: only reading tells)."""

    item: InputFile
    reader: Reader
    known: int | None = None

    @property
    def records(self) -> int | None:
        return self.known

    @property
    def weight(self) -> int:
        return self.item.weight if self.known == 1 else 1  # a gzip-compressed page weighs as the page

    def open(self, max_bytes: int) -> Iterator[Record]:
        return self.reader.read(self.item, max_bytes)


class Reader(Protocol):
    def read(self, item: InputFile, max_bytes: int) -> Iterator[Record]:
        """The input's records, in dataset order."""


class Tar:
    """The tar family (.tar, .tar.gz/.tgz, .tar.bz2, .tar.xz, .tar.zst): recognised by its name, its
    compression by its magic bytes; planned as one part, streamed in one worker (`tar_members`).

    A tar says where a member is only in the header before it, and a compressed stream can only be
    read from its start: slices read by several workers would each inflate everything before theirs.
    """

    name = "tar"
    suffixes = TAR_SUFFIXES  # what it claims, for `container_for`'s first look

    def claims(self, name: str) -> bool:
        return name.endswith(self.suffixes)

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        return (Whole(item, self),)

    def read(self, item: InputFile, max_bytes: int) -> Iterator[Record]:
        return tar_members(item, max_bytes)


GZIP_MAGIC = b"\x1f\x8b"


class GzipFile:
    """One gzip-compressed file (`page.txt.gz`, not a `.tar.gz`): one record under its own name, holding its
    decompressed bytes, under --max-bytes and the archives' inflation limit. A file so named whose content
    is not gzip is read as it is, as any other file."""

    name = "gzip"
    suffixes = (".gz",)  # what it claims, for `container_for`'s first look

    def claims(self, name: str) -> bool:
        return name.endswith(self.suffixes)

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        return (Whole(item, self, 1),)

    def read(self, item: InputFile, max_bytes: int) -> Iterator[Record]:
        yield gunzipped(item, max_bytes)


_GZIP_ERRORS = (OSError, EOFError, zlib.error)


def gunzipped(item: InputFile, max_bytes: int) -> Record:
    """The record of a gzip-compressed file: its decompressed bytes, or its reject."""
    opened = item.error or open_regular(item.path)
    if isinstance(opened, Reject):
        return Record(source_file=item.source_file, reject=opened)
    descriptor, size = opened
    budget = Budget(inflation_limit(size, max_bytes))  # never reached first: it is at least 4 x --max-bytes
    with os.fdopen(descriptor, "rb") as raw:
        try:
            if raw.read(len(GZIP_MAGIC)) != GZIP_MAGIC:
                return read_record(item, max_bytes)
            raw.seek(0)
            with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                over = f"decompresses past --max-bytes {max_bytes}"
                result = read_capped(stream, max_bytes, budget, over)
        except _GZIP_ERRORS as err:
            detail = f"compressed file cannot be read: {type(err).__name__}: {err}"
            return Record(source_file=item.source_file, reject=Reject(Reason.CORRUPT_ARCHIVE, detail, "archive"))
    return record_of(item.source_file, result)


class Warc:
    """A WARC archive (`builder.inputs.warc`): scanned here for record starts, read in ranges by the workers."""

    name = "warc"
    suffixes = WARC_SUFFIXES  # what it claims, for `container_for`'s first look

    def claims(self, name: str) -> bool:
        return name.endswith(self.suffixes)

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        return plan_warc(item)


class JsonLines:
    """A JSON Lines export (`builder.inputs.exports`): a plain file scanned here for newlines and read in
    ranges of lines by the workers; a gzip-compressed one read whole in one worker."""

    name = "jsonl"
    suffixes = JSONL_SUFFIXES  # what it claims, for `container_for`'s first look

    def __init__(self, columns: ExportColumns = DEFAULT_EXPORT_COLUMNS) -> None:
        self.columns = columns

    def claims(self, name: str) -> bool:
        return name.endswith(self.suffixes)

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        return plan_jsonl(item, self.columns)


class Parquet:
    """A Parquet export (`builder.inputs.exports`): planned from its footer, a part per row group."""

    name = "parquet"
    suffixes = PARQUET_SUFFIXES  # what it claims, for `container_for`'s first look

    def __init__(self, columns: ExportColumns = DEFAULT_EXPORT_COLUMNS) -> None:
        self.columns = columns

    def claims(self, name: str) -> bool:
        return name.endswith(self.suffixes)

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        return plan_parquet(item, self.columns) or (Whole(item, self, 1),)

    def read(self, item: InputFile, max_bytes: int) -> Iterator[Record]:
        return unreadable_parquet(item)


def export_containers(columns: ExportColumns) -> tuple[Container, ...]:
    """The export containers reading `columns` (`--column`), to be `registered` ahead of the default ones."""
    return JsonLines(columns), Parquet(columns)


# Tried in order: a `.warc.gz` or `.jsonl.gz` is read as such before the gzip of a single file claims it.
_REGISTRY: list[Container] = [Zip(), Tar(), Warc(), JsonLines(), Parquet(), GzipFile()]
_FALLBACK = LooseFile()


def containers() -> tuple[Container, ...]:
    """The registered containers, in the order they are tried (the loose file, tried last, is not listed)."""
    return tuple(_REGISTRY)


def _claimed(registry: list[Container]) -> tuple[str, ...] | None:
    """Every name suffix the containers claim, when each says which (`suffixes`); else None: ask each."""
    claimed: list[str] = []
    for container in registry:
        suffixes = getattr(container, "suffixes", None)
        if suffixes is None:
            return None
        claimed.extend(suffixes)
    return tuple(claimed)


_CLAIMED = _claimed(_REGISTRY)


@contextmanager
def registered(container: Container) -> Iterator[Container]:
    """`container` tried first while the block runs (for a container that is not built in)."""
    global _CLAIMED
    _REGISTRY.insert(0, container)
    _CLAIMED = _claimed(_REGISTRY)
    try:
        yield container
    finally:
        _REGISTRY.remove(container)
        _CLAIMED = _claimed(_REGISTRY)


def container_for(item: InputFile) -> Container:
    """The container of an input, by its name in the inputs (a link named `x.tar.gz` may lead to a file named
    otherwise); an input that must not be read, or is not a regular file, is a loose file (its reject)."""
    if _CLAIMED is not None and not item.source_file.lower().endswith(_CLAIMED):
        return _FALLBACK  # most inputs of a big build: one look instead of one per container
    name = posixpath.basename(item.source_file).lower()
    for container in _REGISTRY:
        if container.claims(name) and item.error is None and os.path.isfile(item.path):
            return container
    return _FALLBACK


def plan_inputs(items: Iterable[InputFile], max_bytes: int) -> Iterator[Part]:
    """Every input's parts, in input order."""
    for item in items:
        yield from container_for(item).plan(item, max_bytes)


def archive_members(item: InputFile, max_bytes: int) -> Iterator[Record]:
    """Each member as a record (bytes or a reject), the whole archive in this process; a broken archive
    ends in one `corrupt_archive` reject, one that inflates past its limit in one `compression_bomb` reject."""
    if item.source_file.lower().endswith(ZIP_SUFFIXES):
        return zip_members(item, max_bytes)
    return tar_members(item, max_bytes)
