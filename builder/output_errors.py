"""Turn an OSError met while writing the dataset, the report or a temporary file into one clear message."""

from __future__ import annotations

import errno
import shutil
import tempfile
from pathlib import Path

from builder.errors import OutputWriteError
from builder.export.destination import existing_folder as _existing


def _size(count: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:,.0f} {unit}" if unit == "B" else f"{count:,.1f} {unit}"
        count /= 1000  # type: ignore[assignment]
    raise AssertionError("unreachable")


def _locations(out: Path, report: Path) -> list[tuple[str, Path]]:
    return [("--out", out.absolute().parent), ("--report", report.absolute()), ("TMPDIR", Path(tempfile.gettempdir()))]


def _full_location(err: OSError, out: Path, report: Path) -> tuple[str, Path, int]:
    """The location the error names, else the one with the least free space: (option, folder, its size)."""
    named = Path(err.filename).absolute() if isinstance(err.filename, str) else None
    candidates = []
    for option, wanted in _locations(out, report):
        folder = _existing(wanted)
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
        needed = f": the dataset needs more than the {_size(written)} written before it filled" if written else ""
        return OutputWriteError(
            f"no space left on the device of {folder} ({option}, {_size(total)} in all){needed}",
            f"free some space or point {option} at another disk; the previous dataset (if any) is untouched",
        )
    where = f" {err.filename}" if err.filename else ""
    return OutputWriteError(f"cannot write{where}: {err.strerror or err}")
