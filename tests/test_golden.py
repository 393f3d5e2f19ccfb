"""One golden test, parametrized over every site in the registry and every golden dump of that site."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from builder import sites
from builder.pipeline import Pipeline, PipelineOptions
from builder.schema import load_schema
from tests.golden.goldens import NOW, expected_path, extract, golden_dumps

SHARED_GOLDEN = Path(__file__).resolve().parents[2] / "shared" / "golden"

CASES = [
    pytest.param(profile.site, dump, id=f"{profile.site}/{dump.name}")
    for profile in sites.registry()
    for dump in golden_dumps(profile.site)
]


def test_every_site_has_golden_files() -> None:
    for profile in sites.registry():
        assert golden_dumps(profile.site), f"site {profile.site} has no golden dumps in tests/golden/{profile.site}/"


@pytest.mark.parametrize(("site", "dump"), CASES)
def test_golden(site: str, dump: Path) -> None:
    expected = json.loads(expected_path(dump).read_text(encoding="utf-8"))
    # Every schema field but the id must be pinned, so a missing key cannot hide a regression.
    assert set(expected) == set(load_schema().names) - {"id"}
    recognised, fields = extract(dump)
    assert recognised == site, fields
    assert fields == expected


def test_real_dumps_match_the_shared_contract() -> None:
    """The copies in tests/golden are the contract in shared/golden, byte for byte."""
    if not SHARED_GOLDEN.is_dir():
        pytest.skip("shared/golden is not beside this checkout")
    for contract in sorted(SHARED_GOLDEN.glob("*.json")):
        site_copies = [expected_path(d) for p in sites.registry() for d in golden_dumps(p.site)]
        copy = next((c for c in site_copies if c.name == contract.name), None)
        assert copy is not None, f"{contract.name} is missing from tests/golden"
        assert copy.read_bytes() == contract.read_bytes()


BREAKAGES = {
    "related news marker": lambda p: dataclasses.replace(p, inserts=()),
    "date format": lambda p: dataclasses.replace(p, date_format="%Y-%m-%d %H:%M"),
    "author prefix": lambda p: dataclasses.replace(p, author_prefix="Written by "),
    "image block": lambda p: dataclasses.replace(p, image_block_start="close"),
    "time zone": lambda p: dataclasses.replace(p, timezone=__import__("zoneinfo").ZoneInfo("UTC")),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_golden_fails_when_a_profile_marker_breaks(breakage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The golden files really pin the profile: break one marker and some golden dump must differ."""
    for profile in sites.registry():
        broken = BREAKAGES[breakage](profile)
        monkeypatch.setattr(sites, "registry", lambda broken=broken: (broken,))
        pipeline = Pipeline(PipelineOptions(now=NOW))
        mismatches = [
            dump.name
            for dump in golden_dumps(profile.site)
            if extract(dump, pipeline)[1] != json.loads(expected_path(dump).read_text(encoding="utf-8"))
        ]
        assert mismatches, f"breaking the {breakage} of {profile.site} went unnoticed"
