"""The incremental build cache: each input's outcome, reused by the next build when nothing it depends on changed.

`keys` says what an outcome depends on, `store` how the cache sits on disk, `job` what the workers do
with it, `session` what the parent does. `builder.build` uses it when given a cache folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from builder.cache.session import BuildCache
from builder.cache.store import check_folder, locked, prepare
from builder.errors import OutputPathError

__all__ = ["BuildCache", "check_place", "held"]


def check_place(cache: Path, out: Path, report: Path, inputs: Sequence[Path]) -> None:
    """Refuse a cache folder inside or holding --out, --report or an input, or holding others' files."""
    folder = cache.resolve()
    for option, other in (("--out", out), ("--report", report), *(("the input", path) for path in inputs)):
        other = other.resolve()
        if folder == other or other in folder.parents or folder in other.parents:
            raise OutputPathError(
                f"--cache {cache} is inside, or holds, {option} {other}",
                "give the build cache a folder of its own (by default it sits beside --report)",
            )
    check_folder(cache)


@contextmanager
def held(cache: Path) -> Iterator[None]:
    """The cache folder made and locked for this build; made by a build that then failed, it goes again
    (nothing in it was committed), so a failed first build leaves nothing beside --report."""
    new = not os.path.lexists(cache)
    prepare(cache)
    try:
        with locked(cache):
            yield
    except BaseException:
        if new:
            shutil.rmtree(cache, ignore_errors=True)
        raise
