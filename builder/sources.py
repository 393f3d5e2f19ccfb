"""Find the inputs under the PATHs given to a build, in a deterministic order, and read them safely."""

from __future__ import annotations

import heapq
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from builder.errors import InputPathError
from builder.reasons import Reason
from builder.record import Record, Reject

DEFAULT_MAX_BYTES = 4 * 1024 * 1024  # a real page is ~7 KB; anything this big is not one


class InputFile(NamedTuple):
    """A file to read: its `source_file` (relative to the PATH it was found under) and where it is.

    `error` is set for a folder the walk could not list: it becomes an `unreadable` reject, not a silent gap.
    A tuple of strings, cheap to make and to send to a worker: there are millions.
    """

    source_file: str
    path: str
    error: str | None = None


def _walk(folder: str, prefix: str, skip: tuple[str, ...]) -> Iterator[InputFile]:
    """Files under `folder` in the string order of their relative paths, one folder listing at a time.

    Children are visited in the order of their name, with "/" after a folder's name, so the walk
    yields exactly the sorted order without ever holding the whole tree. Symbolic links to folders
    are not followed, so a link cycle cannot loop; a folder that cannot be listed is yielded with
    its error rather than skipped silently.
    """
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as err:
        name = prefix.rstrip("/") or os.path.basename(folder)
        yield InputFile(name, folder, f"folder cannot be listed: {err.strerror or err}")
        return
    children = []
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            children.append((entry.name + "/", entry))
        elif not (entry.is_symlink() and _is_dir(entry)):
            children.append((entry.name, entry))
    for key, entry in sorted(children, key=lambda child: child[0]):
        if key.endswith("/"):
            if entry.path not in skip:
                yield from _walk(entry.path, prefix + key, skip)
        else:
            yield InputFile(prefix + key, entry.path)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a broken or looping link: read later, and rejected as unreadable
        return False


def discover(paths: Iterable[Path], skip: Iterable[Path] = ()) -> Iterator[InputFile]:
    """Every file under the given files and folders, in source_file order (then path), streamed.

    Every PATH is checked before anything is read. `skip` lists folders never to descend into
    (the build's own output and report folders).
    """
    skipped = tuple(str(p.resolve()) for p in skip)
    streams: list[Iterable[InputFile]] = []
    for given in paths:
        if not os.path.lexists(given):
            raise InputPathError(f"input path does not exist: {given}")
        if given.is_dir():
            streams.append(_walk(str(given.resolve()), "", skipped))
        else:
            streams.append([InputFile(given.name, str(given))])
    return heapq.merge(*streams)  # tuples: by source_file, then path


def read_bytes(path: str, max_bytes: int) -> bytes | Reject:
    """The file's bytes, or a reject; never blocks on a pipe or a device, never reads past max_bytes."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return Reject(Reason.UNREADABLE, "not a regular file (a pipe, socket or device); not opened", "read")
        if info.st_size > max_bytes:
            return Reject(Reason.TOO_LARGE, f"{info.st_size} bytes, over --max-bytes {max_bytes}", "read")
        with open(path, "rb", buffering=0) as handle:  # one read of the known size, no buffer to fill
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew since the stat: read on, to the limit
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as err:
        return Reject(Reason.UNREADABLE, f"cannot read: {err.strerror or err}", "read")
    if len(data) > max_bytes:
        return Reject(Reason.TOO_LARGE, f"grew past --max-bytes {max_bytes} while being read", "read")
    return data


def read_record(item: InputFile, max_bytes: int) -> Record:
    record = Record(source_file=item.source_file)
    data = Reject(Reason.UNREADABLE, item.error, "read") if item.error else read_bytes(item.path, max_bytes)
    if isinstance(data, Reject):
        record.reject = data
    else:
        record.data = data
    return record
