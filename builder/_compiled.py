"""Compiled modules run only while they were compiled from the sources beside them.

The install compiles the reading modules with mypyc (see `hatch_build.py`) and records each source's hash
in `_compiled_sources.json`. A checkout edited or pulled since then has sources that differ; its compiled
copies would run the old code. Then, or with BUILDER_PURE_PYTHON=1, every module of the package is
imported from its source: the compiled modules call one another directly, so one stale module taints all.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

RECORD = "_compiled_sources.json"
SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)
PURE_ENV = "BUILDER_PURE_PYTHON"


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stale_sources(package_dir: Path) -> list[str]:
    """The compiled modules' sources (relative to the package's parent) that are no longer what was
    compiled, or were not compiled by the last install (an extension left by an earlier one); empty when
    nothing was compiled or all match."""
    record = package_dir / RECORD
    compiled: dict[str, str] = json.loads(record.read_text(encoding="utf-8")) if record.is_file() else {}
    root = package_dir.parent
    changed = [name for name, digest in compiled.items() if not _same(root / name, digest)]
    return changed + [name for name in _extensions(package_dir, root) if name not in compiled]


def _extensions(package_dir: Path, root: Path) -> list[str]:
    """The sources (relative to `root`) of the compiled extensions in the package, by their module's name."""
    found = {
        (path.parent / f"{path.name.split('.')[0]}.py").relative_to(root).as_posix()
        for path in package_dir.rglob("*")
        if path.name.endswith(SUFFIXES)
    }
    return sorted(found)


def _same(source: Path, digest: str) -> bool:
    return source.is_file() and source_digest(source) == digest


class SourceFirst(importlib.abc.MetaPathFinder):
    """Finds the package's modules as their .py source, ahead of any compiled copy beside them."""

    def __init__(self, package: str) -> None:
        self.prefix = package + "."

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith(self.prefix) or not path:
            return None
        leaf = fullname.rpartition(".")[2]
        for folder in path:
            source = Path(folder) / f"{leaf}.py"
            if source.is_file():
                return importlib.util.spec_from_file_location(fullname, source)
        return None  # a package, or not ours: the usual finders


def choose(package: str, package_dir: Path) -> None:
    """Import the package's modules from source when asked to, or when their compiled copies are stale."""
    if os.environ.get(PURE_ENV):
        sys.meta_path.insert(0, SourceFirst(package))
        return
    stale = stale_sources(package_dir)
    if stale:
        sys.meta_path.insert(0, SourceFirst(package))
        warnings.warn(
            f"{len(stale)} module(s) of {package} changed since they were compiled ({stale[0]}, ...): running "
            "the source instead, slower. Install again (pip install -e .) to compile it.",
            RuntimeWarning,
            stacklevel=2,
        )
