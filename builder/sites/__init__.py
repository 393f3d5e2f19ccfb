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


def site_by_name(name: str) -> SiteProfile:
    for profile in registry():
        if profile.site == name:
            return profile
    raise KeyError(name)


def recognise(text: str) -> SiteProfile | None:
    for profile in registry():
        if profile.recognises(text):
            return profile
    return None
