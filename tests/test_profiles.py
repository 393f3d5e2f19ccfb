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

# (text of the bundled profile, what replaces it, the line the error names: the replacement's, or the
# first line of the mapping that lacks a key, the message, the fix).
BROKEN = [
    (
        "image_block_start",
        "image_block_strat",
        "image_block_strat",
        "unknown key `layout.image_block_strat`",
        "did you mean `image_block_start`?",
    ),
    ('  bullet: "•"', '  bulet: "•"', "bulet", "unknown key `layout.bulet`", "did you mean `bullet`?"),
    (
        '    bullet_prefix: "By "',
        '    bulet_prefix: "By "',
        "bulet_prefix",
        "unknown key `fields.authors.bulet_prefix`",
        "did you mean `bullet_prefix`?",
    ),
    (
        "      paragraphs: 2",
        "      paragraphs: 2\n      paragraps: 3",
        "paragraps",
        "unknown key `layout.inserts.0.paragraps`",
        "did you mean `paragraphs`?",
    ),
    ("Asia/Beirut", "Asia/Beyrouth", "timezone:", "`timezone`: unknown time zone 'Asia/Beyrouth'", "README"),
    (
        "'(\\d+) Min Read'",
        "'((\\d+) Min Read'",
        "((",
        "`fields.reading_time_minutes.line_pattern`: not a valid regular expression",
        "README",
    ),
    ("publisher: Al Mayadeen English\n", "", "site:", "`publisher` is missing", "add it"),
    ("  article_end: [Most Read, Read Next, Coverage]\n", "", "layout:", "`layout.article_end` is missing", "add it"),
    ("language: en", "language: English", "language:", "`language`", "README"),
    ("paragraphs: 2", "paragraphs: two", "two", "`layout.inserts.0.paragraphs`: Input should be a valid integer", ""),
    ("through_blank: true", "through_blank: [yes]", "through_blank", "`layout.header_end.through_blank`", ""),
    ('format: "%d %b %Y %H:%M"', 'format: "%d %b %Y %H:%M %z"', "%z", "a printed zone is not read", ""),
    ("first_line: Al Mayadeen English", "where: last", "recognise:", "give `first_line` or `lines`", ""),
    ("recognise:\n", "recognise:\n  lines: [Al Mayadeen English]\n  within: 3\n", "recognise:", "`within`", ""),
    ('  bullet: "•"', '  bullet: "•"\n   oops', "oops", "expected <block end>", "not valid YAML"),
]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "at", "message", "fix"), BROKEN, ids=[b[1].strip()[:24] for b in BROKEN])
def test_a_broken_profile_names_the_file_the_line_what_is_wrong_and_a_fix(
    tmp_path: Path, old: str, new: str, at: str, message: str, fix: str
) -> None:
    assert old in PROFILE
    path = tmp_path / "site.yaml"
    text = PROFILE.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_profile(path)
    assert str(raised.value).startswith(f"site profile {path} line {_line_of(text, at)}: ")
    assert message in str(raised.value) and fix in raised.value.hint and raised.value.hint


def test_an_empty_profile_file_is_no_profile(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1: the file holds no profile"):
        load_profile(path)


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
