"""The registry of site profiles: every `*.yaml` file in this folder is one site."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from builder.sites.profile import SiteProfile, load_profile

SITES_DIR = Path(__file__).resolve().parent


@cache
def registry() -> tuple[SiteProfile, ...]:
    """All known sites, in file-name order so recognition is deterministic."""
    return tuple(load_profile(path) for path in sorted(SITES_DIR.glob("*.yaml")))
