"""Locate the project files that live outside the package (`schemas/`, `dataset_card.md`)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_path(name: str) -> Path:
    """A wheel ships them inside the package (see pyproject); a source checkout has them beside it."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{name} not found next to the builder package")
