"""The bench scripts the tests exercise: each imports its neighbours in bench/ by their bare names."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

from tests.conftest import ROOT

BENCH = str(ROOT / "bench")


def import_bench(name: str) -> ModuleType:
    """bench/NAME.py, imported with bench/ on the path only while it loads."""
    sys.path.insert(0, BENCH)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(BENCH)
