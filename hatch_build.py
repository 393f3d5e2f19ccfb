"""Install-time hook: compile the reading modules (the per-line loops) to C with mypyc, or install them as
plain Python when that cannot be done.

Compiled, they read a dump of a site without a profile 15-20 % faster and give the same results; the
tests run against them. Compiling needs a C compiler; without one (or with BUILDER_PURE_PYTHON=1 in the
environment) the install goes on with the same modules as Python, and says so (`pip install -v`). Each
compiled module's source hash goes to `builder/_compiled_sources.json`: `builder/_compiled.py` runs the
sources instead once they differ.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from hatch_mypyc.plugin import MypycBuildHook

RECORD = "builder/_compiled_sources.json"  # builder._compiled.RECORD, in the package


class CompileOrStayPython(MypycBuildHook):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if os.environ.get("BUILDER_PURE_PYTHON"):
            self.clean([version])  # what an earlier install compiled (the compile below cleans first itself)
            return
        try:
            super().initialize(version, build_data)
        except Exception as error:  # any failure to compile leaves a working pure-Python install
            self.clean([version])
            lines = str(error).strip().splitlines()
            reason = lines[-1] if lines else type(error).__name__
            print(f"builder: modules not compiled ({reason}); installing them as Python (slower)", file=sys.stderr)
            return
        root = Path(self.root)
        digests = {name: hashlib.sha256((root / name).read_bytes()).hexdigest() for name in sorted(self.included_files)}
        (root / RECORD).write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")
        build_data["artifacts"].append(f"/{RECORD}")

    def clean(self, versions: list[str]) -> None:
        super().clean(versions)
        Path(self.root, RECORD).unlink(missing_ok=True)
        # Also the extensions of modules an earlier install compiled and this one does not.
        for path in Path(self.root, "builder").rglob("*"):
            if path.name.endswith(tuple(EXTENSION_SUFFIXES)):
                path.unlink()


def get_build_hook() -> type[CompileOrStayPython]:
    return CompileOrStayPython  # hatchling asks: the module also imports the hook it builds on
