"""The evaluation command's scoring helpers (bench/generic_eval.py): how a page's declared language is compared."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generic_eval() -> Iterator[ModuleType]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        yield importlib.import_module("generic_eval")
    finally:
        sys.path.remove(str(ROOT / "bench"))


@pytest.mark.parametrize(
    ("declared", "primary"),
    [("de-DE", "de"), ("de_DE", "de"), ("EN", "en"), ("english", "en"), ("zh-Hant-TW", "zh"), ("", None), (None, None)],
)
def test_a_declared_language_is_compared_by_its_primary_subtag(
    generic_eval: ModuleType, declared: str | None, primary: str | None
) -> None:
    assert generic_eval._language(declared) == primary
