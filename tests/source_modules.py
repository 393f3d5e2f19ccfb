"""A module of the package run from its source, whatever the install compiled."""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from builder._compiled import SourceFirst


def source_module(name: str) -> ModuleType:
    """A fresh copy of the module `name`, run from its .py file (it is not put in `sys.modules`).

    A compiled module calls its own functions and methods directly, so patching its attributes changes
    nothing there. A test that patches what a module calls patches such a copy, and calls into it."""
    package = importlib.import_module(name.rpartition(".")[0])
    spec = SourceFirst("builder").find_spec(name, package.__path__)
    assert spec is not None and spec.loader is not None, f"no source for {name}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
