"""The registry of site profiles: every `*.yaml` file in this folder is one site, and users add their own.

Users' profiles (`builder build --profiles DIR`, repeatable) are tried before the bundled ones, folder
by folder in the order given, each folder's files in file-name order; a user profile whose `site` is a
bundled one's replaces it. Two users' profiles of one `site` are an error: which one is meant is unsaid.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from builder.errors import ConfigError
from builder.sites.profile import SiteProfile, load_profile

SITES_DIR = Path(__file__).resolve().parent
PROFILE_GLOB = "*.yaml"


@cache
def registry(extra: tuple[Path, ...] = ()) -> tuple[SiteProfile, ...]:
    """All known sites in recognition order: users' profiles from the `extra` folders, then the bundled ones."""
    users = _user_profiles(extra)
    replaced = {profile.site for profile in users}
    bundled = (load_profile(path) for path in sorted(SITES_DIR.glob(PROFILE_GLOB)))
    return (*users, *(profile for profile in bundled if profile.site not in replaced))


def _user_profiles(folders: Iterable[Path]) -> list[SiteProfile]:
    profiles: list[SiteProfile] = []
    seen: dict[str, Path] = {}
    for path in (path for folder in folders for path in _profile_files(folder)):
        profile = load_profile(path)
        if profile.site in seen:
            raise ConfigError(
                f"site profile {path}: site `{profile.site}` is also the site of {seen[profile.site]}",
                "give each profile its own `site`, or pass only one of the two folders",
            )
        seen[profile.site] = path
        profiles.append(profile)
    return profiles


def _profile_files(folder: Path) -> list[Path]:
    """The profile files of one --profiles folder; a folder that is missing or holds none is an error."""
    if not folder.is_dir():
        raise ConfigError(f"--profiles {folder}: no such folder", "pass a folder of site profiles (*.yaml)")
    found = sorted(folder.glob(PROFILE_GLOB))
    if not found:
        raise ConfigError(
            f"--profiles {folder}: the folder holds no {PROFILE_GLOB} file",
            "each site profile is one .yaml file; see `Site profiles` in the README",
        )
    return found
