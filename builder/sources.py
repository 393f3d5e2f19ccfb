"""Find the inputs under the PATHs given to a build, in a deterministic order, and read them safely."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from builder.errors import InputPathError
from builder.reasons import Reason
from builder.record import Record, Reject

DEFAULT_MAX_BYTES = 4 * 1024 * 1024  # a real page is ~7 KB; anything this big is not one


@dataclass(frozen=True, order=True)
class InputFile:
    """A file to read: its `source_file` (relative to the PATH it was found under) and where it is.

    `error` is set for a folder the walk could not list: it becomes an `unreadable` reject, not a silent gap.
    """

    source_file: str
    path: Path
    error: str | None = None


def _walk(root: Path, skip: tuple[Path, ...]) -> Iterator[InputFile]:
    # os.walk does not follow symbolic links to folders, so a link cycle cannot loop.
    errors: list[OSError] = []
    for folder, dirnames, filenames in os.walk(root, onerror=errors.append):
        here = Path(folder)
        dirnames[:] = [d for d in dirnames if (here / d) not in skip]
        for name in filenames:
            path = here / name
            yield InputFile(path.relative_to(root).as_posix(), path)
    for err in errors:  # os.walk skips a folder it cannot list; report it instead
        path = Path(err.filename) if err.filename else root
        relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        detail = f"folder cannot be listed: {err.strerror or err}"
        yield InputFile(root.name if relative == "." else relative, path, detail)


def discover(paths: Iterable[Path], skip: Iterable[Path] = ()) -> list[InputFile]:
    """Every file under the given files and folders, sorted by source_file then path.

    `skip` lists folders never to descend into (the build's own output and report folders).
    """
    skipped = tuple(p.resolve() for p in skip)
    found: list[InputFile] = []
    for given in paths:
        if not os.path.lexists(given):
            raise InputPathError(f"input path does not exist: {given}")
        if given.is_dir():
            found.extend(_walk(given.resolve(), skipped))
        else:
            found.append(InputFile(given.name, given))
    return sorted(found)


def read_bytes(path: Path, max_bytes: int) -> bytes | Reject:
    """The file's bytes, or a reject; never blocks on a pipe or a device, never reads past max_bytes."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return Reject(Reason.UNREADABLE, "not a regular file (a pipe, socket or device); not opened", "read")
        if info.st_size > max_bytes:
            return Reject(Reason.TOO_LARGE, f"{info.st_size} bytes, over --max-bytes {max_bytes}", "read")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
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
