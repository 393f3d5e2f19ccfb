"""Find the inputs under the PATHs given to a build, in a deterministic order, and read them safely."""

from __future__ import annotations

import heapq
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from builder.errors import InputPathError
from builder.inputs.names import escape_name
from builder.reasons import Reason
from builder.record import Record, Reject

DEFAULT_MAX_BYTES = 4 * 1024 * 1024  # a real page is ~7 KB; anything this big is not one
# An HTML page costs a worker ~30 ms (trafilatura, htmldate), ~100 text dumps. Tasks of 256 pages (~8 s
# each) left one worker running alone at the end of a build, so a page takes this many of a task's places:
# tasks of 16 pages, which even out. A name, not the content, decides: the plan reads nothing.
HTML_PAGE_WEIGHT = 16
HTML_SUFFIXES = (".html", ".htm", ".xhtml")  # and each with .gz: read through the gzip container


class InputFile(NamedTuple):
    """A file to read: its `source_file` (relative to the PATH it was found under) and where it is.

    `error` is set for an input that must not be read (a folder the walk could not list, a link out of
    the input folder): it becomes that input's reject, not a silent gap. A small tuple, cheap to make
    and to send to a worker: there are millions.
    """

    source_file: str
    path: str
    error: Reject | None = None

    @property
    def records(self) -> int:
        """As a part of the work (`builder.inputs.containers`): a file is one record, read in a worker."""
        return 1

    @property
    def weight(self) -> int:
        """Task places one record of this file takes (`builder.engines.planned_weight`): a page named as
        HTML (`.html`, `.htm`, `.xhtml`, each maybe `.gz`) is read by a full extractor, not a text dump's
        line rules."""
        return page_weight(self.source_file)

    def open(self, max_bytes: int) -> Iterator[Record]:
        yield read_record(self, max_bytes)


def page_weight(source_file: str) -> int:
    """Task places a file of this name takes: HTML_PAGE_WEIGHT for a page named as HTML, else 1."""
    return HTML_PAGE_WEIGHT if source_file.lower().removesuffix(".gz").endswith(HTML_SUFFIXES) else 1


def _walk(folder: str, prefix: str, skip: tuple[str, ...], root: str) -> Iterator[InputFile]:
    """Files under `folder` in the string order of their relative paths, one folder listing at a time.

    Children are visited in the order of their (escaped) name, with "/" after a folder's name, so the
    walk yields exactly the sorted order without ever holding the whole tree. Symbolic links to folders
    are not followed, so a link cycle cannot loop; a link to a file is followed only when it ends inside
    `root`; a folder that cannot be listed is yielded with its error rather than skipped silently.
    """
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as err:
        name = prefix.rstrip("/") or escape_name(os.path.basename(folder))
        yield InputFile(
            name, folder, Reject(Reason.UNREADABLE, f"folder cannot be listed: {err.strerror or err}", "read")
        )
        return
    children = []
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            children.append((escape_name(entry.name) + "/", entry))
        elif not (entry.is_symlink() and _is_dir(entry)):
            children.append((escape_name(entry.name), entry))
    for key, entry in sorted(children, key=lambda child: child[0]):
        if key.endswith("/"):
            if entry.path not in skip:
                yield from _walk(entry.path, prefix + key, skip, root)
        elif entry.is_symlink():
            yield _linked_file(prefix + key, entry.path, root)
        else:
            yield InputFile(prefix + key, entry.path)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a broken or looping link: read later, and rejected as unreadable
        return False


_OUTSIDE_LINK = Reject(Reason.OUTSIDE_LINK, "a symbolic link that leads outside the input folder; not followed", "read")


def _linked_file(source_file: str, link: str, root: str) -> InputFile:
    """A link found by the walk: read where it leads if that is inside the input folder, else never opened.

    A tree from elsewhere may hold a link to /etc/passwd or a key file; following it would copy that
    file into the dataset or its first line into the report.
    """
    target = os.path.realpath(link)
    if _inside(target, root):
        return InputFile(source_file, target)
    return InputFile(source_file, link, _OUTSIDE_LINK)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root if root.endswith(os.sep) else root + os.sep)


def discover(paths: Iterable[Path], skip: Iterable[Path] = ()) -> Iterator[InputFile]:
    """Every file under the given files and folders, in source_file order (then path), streamed.

    Every PATH is checked before anything is read. `skip` lists folders never to descend into
    (the build's own output and report folders). A PATH that is itself a link is followed: it was named.
    """
    skipped = tuple(str(p.resolve()) for p in skip)
    streams: list[Iterable[InputFile]] = []
    for given in paths:
        if not os.path.lexists(given):
            raise InputPathError(f"input path does not exist: {given}")
        if given.is_dir():
            root = str(given.resolve())
            streams.append(_walk(root, "", skipped, root))
        else:
            streams.append([InputFile(escape_name(given.name), os.path.realpath(given))])
    return heapq.merge(*streams)  # tuples: by source_file, then path


# Never block on a pipe swapped in after the stat (O_NONBLOCK; it has no effect on a regular file's
# reads, so it is left set), never follow a link swapped in after the walk resolved the path (O_NOFOLLOW).
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_READ_CHUNK = 64 * 1024 * 1024  # Linux returns at most 0x7ffff000 bytes from one read(); more come in chunks
_NOT_REGULAR = "not a regular file (a pipe, socket or device); not {}"


def open_regular(path: str) -> tuple[int, int] | Reject:
    """A descriptor open for reading on the regular file at `path`, and its size; or a reject.

    A pipe, socket or device is refused before it is opened (opening can block or have side effects);
    the descriptor is checked again after the open, in case the path changed in between.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return Reject(Reason.UNREADABLE, _NOT_REGULAR.format("opened"), "read")
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        return Reject(Reason.UNREADABLE, f"cannot read: {err.strerror or err}", "read")
    try:
        info = os.fstat(descriptor)
    except OSError as err:
        os.close(descriptor)
        return Reject(Reason.UNREADABLE, f"cannot read: {err.strerror or err}", "read")
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        return Reject(Reason.UNREADABLE, _NOT_REGULAR.format("read"), "read")
    return descriptor, info.st_size


def read_bytes(path: str, max_bytes: int) -> bytes | Reject:
    """The file's bytes, or a reject; never blocks on a pipe or a device, never reads past max_bytes."""
    opened = open_regular(path)
    if isinstance(opened, Reject):
        return opened
    descriptor, size = opened
    try:
        if size > max_bytes:
            return Reject(Reason.TOO_LARGE, f"{size} bytes, over --max-bytes {max_bytes}", "read")
        data = _read_to_end(descriptor, size, max_bytes)
    except OSError as err:
        return Reject(Reason.UNREADABLE, f"cannot read: {err.strerror or err}", "read")
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        return Reject(Reason.TOO_LARGE, f"grew past --max-bytes {max_bytes} while being read", "read")
    return data


def _read_to_end(descriptor: int, size: int, max_bytes: int) -> bytes:
    """Up to max_bytes + 1 bytes: one read when it returns the whole file at its known size (almost always),
    more when a read comes back short (over 2 GiB, or a shrinking file) or the file grew since the stat."""
    first = os.read(descriptor, size + 1)
    if len(first) == size:
        return first
    chunks, total = [first], len(first)
    while total <= max_bytes and (chunk := os.read(descriptor, min(_READ_CHUNK, max_bytes + 1 - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_record(item: InputFile, max_bytes: int) -> Record:
    return record_of(item.source_file, item.error or read_bytes(item.path, max_bytes))


def record_of(source_file: str, read: bytes | Reject) -> Record:
    """The record of an input (a file, an archive member) from what reading it gave: its bytes or its reject."""
    if isinstance(read, Reject):
        return Record(source_file=source_file, reject=read)
    return Record(source_file=source_file, data=read)
