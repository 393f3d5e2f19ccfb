"""The code base stays ruff clean and type-checks: linting is part of the test command CI runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is not installed: install the project with its [test] extra")
    done = subprocess.run([ruff, "check", "builder", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean() -> None:
    """Every module of the package, compiled or not, passes mypy with the project's settings (pyproject)."""
    try:
        from mypy import api
    except ImportError:
        pytest.fail("mypy is not installed: install the project with its [test] extra")
    stdout, stderr, status = api.run(["--no-incremental", "builder"])
    assert status == 0, stdout + stderr
