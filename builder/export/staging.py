"""Atomic output: build into a hidden folder beside the target and swap it in only when complete."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from builder.export.destination import is_previous_build

# Written into a staging folder while it is being filled, removed just before the swap: only folders
# holding it are ever removed as leftovers of a killed build, whatever else matches their name.
STAGING_MARKER = ".builder-staging"


@contextmanager
def staged_folder(target: Path, is_previous: Callable[[Path], bool] = is_previous_build) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces `target`, on any error or interrupt it is removed.

    The staging folder sits beside the target (same file system) so the swap is two renames; the
    previous dataset is moved aside first and deleted only after the new one is in place. An error
    carries `staged_bytes`, what had been written before it, for messages such as a full disk's.
    `is_previous` recognises what this kind of folder holds after a complete write.
    """
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target, is_previous)
    staging = target.with_name(f".{target.name}.building-{os.getpid()}")
    staging.mkdir()
    try:
        (staging / STAGING_MARKER).touch()
        yield staging
        (staging / STAGING_MARKER).unlink()
    except BaseException as err:
        err.staged_bytes = _size(staging)  # type: ignore[attr-defined]
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = target.with_name(f".{target.name}.previous-{os.getpid()}")
    if target.exists():
        os.replace(target, previous)
    os.replace(staging, target)
    shutil.rmtree(previous, ignore_errors=True)


def _remove_stale(target: Path, is_previous: Callable[[Path], bool]) -> None:
    """Leftovers of a build that was killed outright (SIGKILL, power loss): its process is gone.

    A staging folder is recognised by its marker, a set-aside previous dataset by its layout; any
    other file that happens to share the name pattern is left alone.
    """
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(building|previous)-(\d+)$")
    for leftover in target.parent.iterdir():
        match = pattern.match(leftover.name)
        if not match or leftover.is_symlink() or not leftover.is_dir() or _alive(int(match.group(2))):
            continue
        if (leftover / STAGING_MARKER).is_file() if match.group(1) == "building" else is_previous(leftover):
            shutil.rmtree(leftover, ignore_errors=True)


def _size(folder: Path) -> int:
    try:
        return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    except OSError:
        return 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # no such process, or a number no process can have
        return False
    except PermissionError:
        return True
    return True
