"""Golden tests: every golden dump of every registered site reads as its expected JSON, and breaking any
key of a site's profile that affects reading makes some golden dump of that site read differently."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from builder.schema import load_schema
from builder.sites import SITES_DIR, registry
from builder.sites.profile import parse_profile
from tests.golden.goldens import GOLDEN_DIR, NOW, expected, expected_path, extract, golden_dumps, pipeline_for
from tests.golden.regenerate import expected_files

Path_ = tuple[str | int, ...]  # keys and list indexes down to one value of a profile document

# Each registered site's profile file, as the YAML document it was loaded from.
DOCUMENTS: dict[str, dict[str, Any]] = {
    doc["site"]: doc
    for doc in (yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(SITES_DIR.glob("*.yaml")))
}
# Keys of every profile that say nothing about how a dump reads.
NOT_READING = {"site": "the site's name: it names the registry entry and the golden folder, not a reading"}
# Keys a site sets whose breakage no golden dump of the site can show, and why.
UNOBSERVABLE: dict[str, dict[str, str]] = {
    "almayadeen_en": {
        "layout.header_end.marker": "the navigation and ticker it skips hold no line the meta rules or the "
        "title search take, so skipping them saves reading time and changes no field",
        "layout.header_end.through_blank": "the ticker lines it skips are read as chrome when not skipped: "
        "the title search stops at the headline below them",
    },
}
UNSEEN = "\ue000"  # a private-use character in no dump: a marker, prefix or pattern ending in it matches nothing

CASES = [
    pytest.param(profile.site, dump, id=f"{profile.site}/{dump.name}")
    for profile in registry()
    for dump in golden_dumps(profile.site)
]


def test_every_site_has_golden_files() -> None:
    for profile in registry():
        assert golden_dumps(profile.site), f"site {profile.site} has no golden dumps in tests/golden/{profile.site}/"


def test_the_golden_cases_are_every_dump_of_every_site() -> None:
    """No golden folder without a registered site, no dump without its JSON or JSON without its dump."""
    folders = {p.name for p in GOLDEN_DIR.iterdir() if p.is_dir() and not p.name.startswith("__")}
    assert folders == {profile.site for profile in registry()}
    dumps = sorted(GOLDEN_DIR.glob("*/*.txt"))
    assert sorted(dump for _, dump in (case.values for case in CASES)) == dumps
    assert sorted(GOLDEN_DIR.glob("*/*.json")) == sorted(expected_path(dump) for dump in dumps)


@pytest.mark.parametrize(("site", "dump"), CASES)
def test_golden(site: str, dump: Path) -> None:
    fields = expected(dump)
    # Every schema field but the id must be pinned, so a missing key cannot hide a regression.
    assert set(fields) == set(load_schema().names) - {"id"}
    with pipeline_for(registry()) as pipeline:
        recognised, got = extract(dump, pipeline)
    assert recognised == site, got
    assert got == fields


@pytest.mark.parametrize("site", [profile.site for profile in registry()])
def test_regenerate_writes_the_golden_files_of_every_site(site: str) -> None:
    """`python -m tests.golden.regenerate` rewrites each golden JSON file byte for byte as it is."""
    files = expected_files(site)
    assert sorted(files) == [expected_path(dump) for dump in golden_dumps(site)]
    for path, text in files.items():
        assert path.read_text(encoding="utf-8") == text, path.name


def test_real_dumps_match_the_shared_contract() -> None:
    """The copies in tests/golden are the contract in shared/golden (beside the checkout), field for field; they
    add only the columns added after the contract was written: `extractor` (schema v2) and `url` (v3, null for a
    loose dump)."""
    shared = GOLDEN_DIR.parents[2] / "shared" / "golden"
    if os.environ.get("CI"):
        pytest.skip("CI checks the repository alone")
    if not shared.is_dir():
        pytest.skip("shared/golden is not beside this checkout")
    copies = {expected_path(d).name: expected_path(d) for p in registry() for d in golden_dumps(p.site)}
    for contract in sorted(shared.glob("*.json")):
        assert contract.name in copies, f"{contract.name} is missing from tests/golden"
        ours = json.loads(copies[contract.name].read_text(encoding="utf-8"))
        assert ours.pop("extractor") == "profile:almayadeen_en"
        assert ours.pop("url") is None
        assert ours == json.loads(contract.read_text(encoding="utf-8"))


def _leaves(node: Any, path: Path_ = ()) -> Iterator[Path_]:
    """The path to every value a profile document sets (a list's items one by one)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    elif node is not None:
        yield path


def _dotted(path: Path_) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")


def _broken(key: str, value: Any) -> Any:
    """A valid value for `key` that reads dumps differently from `value`."""
    if key == "timezone":
        return "UTC" if value != "UTC" else "Asia/Tokyo"
    if key == "language":
        return "zz"
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1  # one more paragraph dropped after an insert's marker
    if isinstance(value, date):
        return NOW.date() + timedelta(days=1)  # a launch after every golden article
    if isinstance(value, str):
        return value + UNSEEN
    raise TypeError(f"no way to break {key} = {value!r}: teach _broken one")


def _break(doc: dict[str, Any], path: Path_) -> dict[str, Any]:
    broken = copy.deepcopy(doc)
    parent = broken
    for part in path[:-1]:
        parent = parent[part]
    key = next(part for part in reversed(path) if isinstance(part, str))  # a list item is broken as its list's key
    parent[path[-1]] = _broken(key, parent[path[-1]])
    return broken


def _changed_readings(site: str, doc: dict[str, Any]) -> list[str]:
    """The golden dumps of `site` that read differently from their JSON when the site has the profile `doc`."""
    profile = parse_profile(doc)
    profiles = tuple(profile if p.site == site else p for p in registry())
    with pipeline_for(profiles) as pipeline:
        return [dump.name for dump in golden_dumps(site) if extract(dump, pipeline)[1] != expected(dump)]


def _reading_keys(site: str) -> list[Path_]:
    skipped = NOT_READING.keys() | UNOBSERVABLE.get(site, {}).keys()
    return [path for path in _leaves(DOCUMENTS[site]) if _dotted(path) not in skipped]


BREAKAGES = [
    pytest.param(site, path, id=f"{site}:{_dotted(path)}") for site in DOCUMENTS for path in _reading_keys(site)
]


def test_the_profile_documents_are_the_registry() -> None:
    """The control for the breakages: each document, unbroken, is its registered profile and reads every golden as is."""
    assert sorted(DOCUMENTS) == sorted(profile.site for profile in registry())
    for site, doc in DOCUMENTS.items():
        assert parse_profile(doc) in registry()
        assert _changed_readings(site, doc) == []


@pytest.mark.parametrize(("site", "path"), BREAKAGES)
def test_breaking_a_profile_key_changes_a_golden_reading(site: str, path: Path_) -> None:
    """The golden files pin the profile: break one key and some golden dump of the site reads differently."""
    changed = _changed_readings(site, _break(DOCUMENTS[site], path))
    assert changed, f"breaking {_dotted(path)} of {site} went unnoticed: add a golden dump that depends on it"


def test_keys_listed_as_unobservable_are_set_and_unobserved() -> None:
    """The lists above name only keys the profiles set, and no golden dump notices them broken (else the
    key belongs with the breakages)."""
    for site, doc in DOCUMENTS.items():
        keys = {_dotted(path): path for path in _leaves(doc)}
        assert NOT_READING.keys() <= keys.keys(), f"{site} sets none of {sorted(NOT_READING.keys() - keys.keys())}"
        for key in UNOBSERVABLE.get(site, {}):
            assert key in keys, f"UNOBSERVABLE names {key}, which the profile of {site} does not set"
            assert _changed_readings(site, _break(doc, keys[key])) == [], f"{key} of {site} is observed now"
    assert UNOBSERVABLE.keys() <= DOCUMENTS.keys()
