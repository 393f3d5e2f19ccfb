"""Where a build may write: `--out` and `--report` are checked before anything is read, and locked while it runs.

A build replaces its `--out` folder wholesale and rewrites the files of its `--report` folder, so both
must hold nothing but what an earlier build wrote there. Anything else (a user's documents, the inputs,
the working directory) is refused with a message saying why, and no file is touched.
"""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from builder.errors import BuildLockedError, OutputPathError
from builder.export.layout import is_shard_name

REPORT_FILES = frozenset({"rejects.parquet", "rejects.jsonl", "summary.json", "changes.parquet"})
_NEW_FOLDER = "pass a folder that is missing, empty, or made by an earlier build"


def is_previous_build(folder: Path) -> bool:
    """Exactly what `build` writes to --out: the card and `data/` shards in the Hub's naming, nothing else."""
    try:
        names = {entry.name: entry for entry in os.scandir(folder)}
        if set(names) != {"README.md", "data"} or not names["README.md"].is_file(follow_symlinks=False):
            return False
        if not names["data"].is_dir(follow_symlinks=False):
            return False
        with os.scandir(folder / "data") as shards:
            shard_names = [(s.name, s.is_file(follow_symlinks=False)) for s in shards]
    except OSError:
        return False
    return bool(shard_names) and all(is_shard_name(name) and is_file for name, is_file in shard_names)


def is_previous_report(folder: Path) -> bool:
    """Only the files a build writes to --report (an interrupted write leaves a `.NAME.partial`)."""
    try:
        names = [(e.name, e.is_file(follow_symlinks=False)) for e in os.scandir(folder)]
    except OSError:
        return False
    return all(is_file and name.lstrip(".").removesuffix(".partial") in REPORT_FILES for name, is_file in names)


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_not_special(option: str, folder: Path) -> None:
    """Never the working directory, the home folder, the root, or a folder holding any of them."""
    specials = (("/", Path("/")), ("your home folder", Path.home()), ("the current folder", Path.cwd()))
    for name, special in specials:
        if folder == special.resolve():
            raise OutputPathError(f"{option} {folder} is {name}; a build replaces its {option} folder", _NEW_FOLDER)
    for name, special in specials:
        if _is_within(special.resolve(), folder):
            raise OutputPathError(
                f"{option} {folder} is a folder that holds {name}; a build replaces its {option} folder", _NEW_FOLDER
            )


def _check_apart_from_inputs(option: str, folder: Path, inputs: Sequence[Path]) -> None:
    for given in inputs:
        source = given.resolve()
        if _is_within(source, folder):
            raise OutputPathError(
                f"{option} {folder} holds the input {given}; a build replaces its {option} folder",
                _NEW_FOLDER + " outside the inputs",
            )
        if source.is_dir() and _is_within(folder, source):
            raise OutputPathError(
                f"{option} {folder} is inside the input folder {given}", "pass a folder outside the inputs"
            )


def _check_contents(option: str, folder: Path, previous: bool) -> None:
    if not os.path.lexists(folder):
        return
    if folder.is_symlink() or not folder.is_dir():
        raise OutputPathError(f"{option} {folder} exists and is not a folder", _NEW_FOLDER)
    if previous or not any(folder.iterdir()):
        return
    others = sorted(p.name for p in folder.iterdir())
    listed = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
    made_by = "a dataset" if option == "--out" else "a report"
    raise OutputPathError(
        f"{option} {folder} holds files that are not {made_by} written by builder ({listed})",
        f"{_NEW_FOLDER}; nothing was changed",
    )


def _check_apart(out: Path, report: Path) -> None:
    if out == report:
        problem = f"--out {out} is also --report"
    elif _is_within(report, out):
        problem = f"--report {report} is inside --out {out}"
    elif _is_within(out, report):
        problem = f"--out {out} is inside --report {report}"
    else:
        return
    raise OutputPathError(
        f"{problem}; one would destroy the other when it is replaced", "give --out and --report two separate folders"
    )


def check_destinations(out: Path, report: Path, inputs: Sequence[Path]) -> None:
    """Refuse an --out or --report that would destroy anything a build did not write; touches nothing."""
    resolved_out, resolved_report = out.resolve(), report.resolve()
    for option, folder in (("--out", resolved_out), ("--report", resolved_report)):
        _check_not_special(option, folder)
    _check_apart(resolved_out, resolved_report)
    for option, folder in (("--out", resolved_out), ("--report", resolved_report)):
        _check_apart_from_inputs(option, folder, inputs)
    _check_contents("--out", out.absolute(), is_previous_build(out))
    _check_contents("--report", report.absolute(), is_previous_report(report))


def existing_folder(folder: Path) -> Path:
    """The folder, or its nearest ancestor that exists (where it would be created)."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def write_locations(out: Path, report: Path) -> list[tuple[str, Path]]:
    """Where a build writes, each with the option that chose it, as the folder that exists now: the dataset's
    staging folder goes beside --out, the report in --report, spill files in the temporary folder."""
    chosen = (
        ("--out", out.absolute().parent),
        ("--report", report.absolute()),
        ("TMPDIR", Path(tempfile.gettempdir())),
    )
    return [(option, existing_folder(folder)) for option, folder in chosen]


def check_writable(out: Path, report: Path) -> None:
    """Fail before reading any input if the dataset, the report or temporary files could not be written.

    Creates nothing that stays: a missing folder is judged by the folder it would be created in.
    """
    for option, where in write_locations(out, report):
        try:
            tempfile.TemporaryFile(dir=where).close()
        except OSError as err:
            raise OutputPathError(
                f"cannot write to {where} ({option}): {err.strerror or err}",
                "choose a folder you can write to" if option != "TMPDIR" else "set TMPDIR to a writable folder",
            ) from None


@contextmanager
def _locked(folder: Path, option: str, wait: bool) -> Iterator[None]:
    """An exclusive lock on `.NAME.lock` beside the folder; the file is removed when released.

    After taking the lock, the file must still be the one at the path: a build that released and
    removed it meanwhile would otherwise let two builds hold locks on two different files.
    """
    lock_path = folder.with_name(f".{folder.name}.lock")
    while True:
        handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError as err:
            os.close(handle)
            if err.errno in (errno.EAGAIN, errno.EACCES):
                raise BuildLockedError(f"another build is writing {option} {folder}") from None
            raise
        try:
            same = os.fstat(handle).st_ino == os.stat(lock_path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(handle)
    try:
        yield
    finally:
        lock_path.unlink(missing_ok=True)
        os.close(handle)


@contextmanager
def locked_destinations(out: Path, report: Path, wait: bool = False) -> Iterator[None]:
    """Hold --out and --report for the whole build, so two builds never mix their datasets and reports."""
    folders = sorted({("--out", out.absolute()), ("--report", report.absolute())}, key=lambda f: str(f[1]))
    with ExitStack() as stack:
        for option, folder in folders:
            folder.parent.mkdir(parents=True, exist_ok=True)
            stack.enter_context(_locked(folder, option, wait))
        yield
