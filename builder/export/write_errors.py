"""Turn an OSError met while writing the dataset, the report or a temporary file into one clear message."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from rich.filesize import decimal

from builder.errors import OutputWriteError
from builder.export.destination import write_locations


def _full_location(err: OSError, out: Path, report: Path) -> tuple[str, Path, int]:
    """The location the error names, else the one with the least free space: (option, folder, its size)."""
    named = Path(err.filename).absolute() if isinstance(err.filename, str) else None
    candidates = []
    for option, folder in write_locations(out, report):
        try:
            usage = shutil.disk_usage(folder)
        except OSError:
            continue
        if named is not None and (named == folder or folder in named.parents):
            return option, folder, usage.total
        candidates.append((usage.free, option, folder, usage.total))
    _, option, folder, total = min(candidates, default=(0, "--out", out.absolute().parent, 0))
    return option, folder, total


def write_error(err: OSError, out: Path, report: Path) -> OutputWriteError:
    """ENOSPC names the full location, its size and what was written before it filled; others name the file."""
    if err.errno == errno.ENOSPC or "No space left on device" in str(err):
        option, folder, total = _full_location(err, out, report)
        written = getattr(err, "staged_bytes", 0) if option == "--out" else 0
        needed = f": the dataset needs more than the {decimal(written)} written before it filled" if written else ""
        return OutputWriteError(
            f"no space left on the device of {folder} ({option}, {decimal(total)} in all){needed}",
            f"free some space or point {option} at another disk; the previous dataset (if any) is untouched",
        )
    where = f" {err.filename}" if err.filename else ""
    return OutputWriteError(f"cannot write{where}: {err.strerror or err}")
