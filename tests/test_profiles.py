"""Site profiles are validated when loaded: unknown keys, bad values and missing keys are one clear error."""

from __future__ import annotations

import dataclasses
import pickle
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

import builder.sites
from builder.build import BuildOptions, build
from builder.errors import ConfigError
from builder.sites import SITES_DIR, registry
from builder.sites.model import ProfileFile
from builder.sites.profile import load_profile
from tests.conftest import DATA, NOW

BUNDLED = sorted(SITES_DIR.glob("*.yaml"))
PROFILE = (SITES_DIR / "almayadeen_en.yaml").read_text(encoding="utf-8")

BROKEN = [
    (
        "image_block_start",
        "image_block_strat",
        "unknown key `layout.image_block_strat` (did you mean `image_block_start`?)",
    ),
    ('  bullet: "•"', '  bulet: "•"', "unknown key `layout.bulet` (did you mean `bullet`?)"),
    ("      paragraphs: 2", "      paragraphs: 2\n      paragraps: 3", "unknown key `layout.inserts.0.paragraps`"),
    ("Asia/Beirut", "Asia/Beyrouth", "`timezone`: unknown time zone 'Asia/Beyrouth'"),
    (
        "'(\\d+) Min Read'",
        "'((\\d+) Min Read'",
        "`fields.reading_time_minutes.line_pattern`: not a valid regular expression",
    ),
    ("publisher: Al Mayadeen English\n", "", "`publisher` is missing"),
    ("language: en", "language: English", "`language`"),
]


@pytest.mark.parametrize(("old", "new", "message"), BROKEN, ids=[b[1].strip()[:24] for b in BROKEN])
def test_a_broken_profile_names_the_file_the_key_and_the_fix(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in PROFILE
    path = tmp_path / "site.yaml"
    path.write_text(PROFILE.replace(old, new), encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_profile(path)
    assert str(path) in str(raised.value) and message in str(raised.value)


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_bundled_profiles_validate_and_round_trip_through_yaml(path: Path) -> None:
    spec = ProfileFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    again = ProfileFile.model_validate(yaml.safe_load(spec.to_yaml()))
    assert again == spec
    assert load_profile(path) in registry()


def test_a_broken_profile_stops_the_build_before_any_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "broken.yaml").write_text(PROFILE.replace("image_block_start", "image_block_strat"), encoding="utf-8")
    monkeypatch.setattr(builder.sites, "SITES_DIR", sites)
    registry.cache_clear()
    try:
        with pytest.raises(ConfigError, match="image_block_strat"):
            build([DATA], BuildOptions(out=tmp_path / "out", report=tmp_path / "report", now=NOW, workers=1))
    finally:
        registry.cache_clear()
    assert not (tmp_path / "report").exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_the_site_facts_are_the_top_level_keys(path: Path) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts = load_profile(path).facts
    assert (facts.publisher, facts.language, facts.timezone, facts.launched) == (
        doc["publisher"],
        doc["language"],
        ZoneInfo(doc["timezone"]),
        doc["launched"],
    )


def test_a_profile_pickles_by_value() -> None:
    """Workers get the profile itself: one changed from the bundled file comes back changed, zone and patterns."""
    bundled = registry()[0]
    changed = dataclasses.replace(
        bundled,
        facts=dataclasses.replace(bundled.facts, timezone=ZoneInfo("Europe/Paris")),
        date_pattern=re.compile(r"\d{4}-\d{2}-\d{2}"),
    )
    for profile in (bundled, changed):
        again = pickle.loads(pickle.dumps(profile))
        assert again == profile and again.facts.timezone.key == profile.facts.timezone.key
        assert again.date_pattern.pattern == profile.date_pattern.pattern
    assert pickle.loads(pickle.dumps(changed)) != bundled
