"""The compiled modules' constants are `Final`: compiled code reads a Final name from a C static, and any other
module-level name by a dict lookup at each use (in a per-line loop, millions of lookups a build)."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSTANT = re.compile(r"_?[A-Z][A-Z0-9_]*")
# Constants a test sets on the module (monkeypatch), which compiled code must read from the module's dict: each
# is read rarely (once a dump at most)
SET_BY_TESTS = {"builder/extract/generic/corpus.py": {"FOLD_KEYS"}}


def compiled_sources() -> list[Path]:
    """The modules the install compiles: pyproject's mypyc hook's include, less its exclude."""
    hook = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"]
    hook = hook["wheel"]["hooks"]["custom"]
    excluded = {ROOT / pattern.lstrip("/") for pattern in hook["exclude"] if pattern.startswith("/")}
    found: list[Path] = []
    for pattern in hook["include"]:
        path = ROOT / pattern.lstrip("/")
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [path for path in found if path not in excluded and path.name not in hook["exclude"]]


def unfinal_constants(source: str) -> list[str]:
    """The names a module assigns once at its top level in upper case without a `Final` annotation."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            names.append(node.targets[0].id)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names += [] if "Final" in ast.unparse(node.annotation) else [node.target.id]
    return [name for name in names if CONSTANT.fullmatch(name)]


def test_the_check_finds_an_unannotated_constant() -> None:
    source = "from typing import Final\nA: Final = 1\nB = 2\nC: int = 3\nD: Final[int] = 4\nlower = 5\nE, F = 6, 7\n"
    assert unfinal_constants(source) == ["B", "C"]


def test_every_constant_of_a_compiled_module_is_final() -> None:
    sources = compiled_sources()
    assert len(sources) > 30 and ROOT / "builder" / "extract" / "generic" / "region.py" in sources
    missing = {}
    for path in sources:
        where = path.relative_to(ROOT).as_posix()
        names = [
            name
            for name in unfinal_constants(path.read_text(encoding="utf-8"))
            if name not in SET_BY_TESTS.get(where, ())
        ]
        if names:
            missing[where] = names
    assert not missing, f"annotate these with Final (see this test's docstring): {missing}"
