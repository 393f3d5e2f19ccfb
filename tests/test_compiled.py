"""Compiled reading modules: used while they match their source, the source otherwise."""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import builder
from builder import _compiled
from builder._compiled import RECORD, SourceFirst, stale_sources

EXTENSION = importlib.machinery.EXTENSION_SUFFIXES[0]


def _package(tmp_path: Path, name: str) -> Path:
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "mod.py").write_text("WHERE = 'source'\n")
    return package


def _record(package: Path, sources: dict[str, bytes]) -> None:
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in sources.items()}
    (package / RECORD).write_text(json.dumps(digests))


def test_sources_as_compiled_are_not_stale(tmp_path: Path) -> None:
    package = _package(tmp_path, "fresh")
    _record(package, {"fresh/mod.py": b"WHERE = 'source'\n"})
    assert stale_sources(package) == []


def test_an_edited_or_removed_source_is_stale(tmp_path: Path) -> None:
    package = _package(tmp_path, "edited")
    _record(package, {"edited/mod.py": b"WHERE = 'old'\n", "edited/gone.py": b""})
    assert stale_sources(package) == ["edited/mod.py", "edited/gone.py"]


def test_nothing_compiled_is_never_stale(tmp_path: Path) -> None:
    assert stale_sources(_package(tmp_path, "plain")) == []


def test_an_extension_the_last_install_did_not_compile_is_stale(tmp_path: Path) -> None:
    """A module compiled by an earlier install, then dropped from the list: its extension stays behind."""
    package = _package(tmp_path, "left")
    (package / "sub").mkdir()
    (package / "sub" / f"old{EXTENSION}").write_bytes(b"")
    _record(package, {"left/mod.py": b"WHERE = 'source'\n"})
    assert stale_sources(package) == ["left/sub/old.py"]
    (package / RECORD).unlink()
    assert stale_sources(package) == ["left/sub/old.py"]


def test_source_first_imports_the_source_beside_a_compiled_copy(tmp_path: Path, monkeypatch) -> None:
    package = _package(tmp_path, "shadowed")
    (package / f"mod{EXTENSION}").write_bytes(b"not a library")  # what the usual finder would load first
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "meta_path", [SourceFirst("shadowed"), *sys.meta_path])
    try:
        assert importlib.import_module("shadowed.mod").WHERE == "source"
    finally:
        for name in ("shadowed.mod", "shadowed"):
            sys.modules.pop(name, None)


def test_without_source_first_the_compiled_copy_wins(tmp_path: Path, monkeypatch) -> None:
    """The case SourceFirst is for: the broken copy above is what Python imports on its own."""
    package = _package(tmp_path, "unshadowed")
    (package / f"mod{EXTENSION}").write_bytes(b"not a library")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with pytest.raises(ImportError):
            importlib.import_module("unshadowed.mod")
    finally:
        for name in ("unshadowed.mod", "unshadowed"):
            sys.modules.pop(name, None)


def test_choose_warns_and_prefers_sources_when_stale(tmp_path: Path, monkeypatch) -> None:
    package = _package(tmp_path, "stale")
    _record(package, {"stale/mod.py": b"WHERE = 'old'\n"})
    monkeypatch.delenv(_compiled.PURE_ENV, raising=False)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    with pytest.warns(RuntimeWarning, match="changed since they were compiled"):
        _compiled.choose("stale", package)
    assert isinstance(sys.meta_path[0], SourceFirst)


@pytest.mark.skipif(not os.environ.get("CI"), reason="a developer's install may have had no C compiler")
def test_the_installed_reading_modules_are_compiled() -> None:
    """CI installs with gcc at hand: the tests then run the compiled modules users get."""
    assert not os.environ.get(_compiled.PURE_ENV)
    record = Path(builder.__file__).parent / RECORD
    assert record.is_file(), "the install compiled nothing"
    from builder.extract.generic import region

    assert region.__file__.endswith(EXTENSION)


def test_the_cache_key_of_the_code_ignores_the_compile_record(tmp_path: Path, monkeypatch) -> None:
    """Compiled or not, the same sources read the same rows: a build cache serves both installs."""
    from builder.cache import keys

    package = _package(tmp_path, "keyed")
    monkeypatch.setattr(keys, "_PACKAGE", package)
    before = keys.code_digest()
    _record(package, {"keyed/mod.py": b"WHERE = 'source'\n"})
    assert keys.code_digest() == before
    (package / "weights.json").write_text("{}")
    assert keys.code_digest() != before


HOOK = Path(__file__).parent.parent / "hatch_build.py"
TINY_PROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "builder"
version = "0"

[tool.hatch.build.targets.wheel]
packages = ["builder"]

[tool.hatch.build.targets.wheel.hooks.custom]
include = ["/builder/reading.py"]
mypy-args = ["--ignore-missing-imports"]
"""
READING = "def doubled(count: int) -> int:\n    return 2 * count\n"


def _wheel_of_tiny_project(tmp_path: Path, leftover: str = "", **env: str) -> tuple[set[str], str, str]:
    """Build, with the install hook, a wheel of a project of one module: (its file names, the compile
    record's text or "", what the build printed). `leftover`: an extension an earlier install left there."""
    project = tmp_path / "project"
    (project / "builder").mkdir(parents=True)
    (project / "builder" / "__init__.py").write_text("")
    (project / "builder" / "reading.py").write_text(READING)
    if leftover:
        (project / leftover).write_bytes(b"")
    (project / "pyproject.toml").write_text(TINY_PROJECT)
    shutil.copy(HOOK, project / "hatch_build.py")
    hatchling = Path(sys.executable).with_name("hatchling")
    environment = {name: value for name, value in os.environ.items() if name != _compiled.PURE_ENV} | env
    done = subprocess.run(
        [str(hatchling), "build", "-t", "wheel", "-d", str(tmp_path / "dist")],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        record = (
            archive.read("builder/_compiled_sources.json").decode() if "builder/_compiled_sources.json" in names else ""
        )
    return names, record, done.stdout + done.stderr


def test_the_install_hook_compiles_and_records_the_source(tmp_path: Path) -> None:
    names, record, _ = _wheel_of_tiny_project(tmp_path)
    assert f"builder/reading{EXTENSION}" in names
    assert json.loads(record) == {"builder/reading.py": hashlib.sha256(READING.encode()).hexdigest()}


def test_with_no_c_compiler_the_install_goes_on_as_python(tmp_path: Path) -> None:
    names, record, printed = _wheel_of_tiny_project(tmp_path, CC="false")
    assert "builder/reading.py" in names and not any(name.endswith(EXTENSION) for name in names)
    assert record == "" and "modules not compiled" in printed and "installing them as Python" in printed


def test_asked_for_python_the_install_compiles_nothing(tmp_path: Path) -> None:
    names, record, printed = _wheel_of_tiny_project(tmp_path, BUILDER_PURE_PYTHON="1")
    assert not any(name.endswith(EXTENSION) for name in names) and record == "" and "not compiled" not in printed


def test_the_install_hook_removes_an_extension_an_earlier_install_left(tmp_path: Path) -> None:
    names, _, _ = _wheel_of_tiny_project(tmp_path, f"builder/dropped{EXTENSION}", BUILDER_PURE_PYTHON="1")
    assert not (tmp_path / "project" / "builder" / f"dropped{EXTENSION}").exists()
    assert f"builder/dropped{EXTENSION}" not in names
