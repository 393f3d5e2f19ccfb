"""Site profiles are validated when loaded: unknown keys, bad values and missing keys are one clear error."""

from __future__ import annotations

import dataclasses
import pickle
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pyarrow.parquet as pq
import pytest
import yaml
from pydantic import BaseModel

import builder.sites
from builder.build import BuildOptions, build
from builder.errors import ConfigError, NoRowsError
from builder.sites import SITES_DIR, registry
from builder.sites.model import ProfileFile
from builder.sites.profile import SiteProfile, load_profile, parse_profile
from tests.conftest import DATA, NOW, NOW_ISO, run_build, run_cli
from tests.layouts.ledger import PROFILE as LEDGER_PROFILE
from tests.layouts.ledger import Article, write_dumps

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


# Users' profiles: `builder build --profiles DIR` reads a site the package does not bundle.

LEDGER_COUNT = 24


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Article]]:
    """The Harbour Ledger's dumps, and a folder holding its hand-written profile."""
    root = tmp_path_factory.mktemp("ledger")
    articles = write_dumps(root / "dumps", LEDGER_COUNT)
    profiles = root / "profiles"
    profiles.mkdir()
    shutil.copy(LEDGER_PROFILE, profiles / "harbour_ledger.yaml")
    return root / "dumps", profiles, articles


def _rows(out: Path) -> dict[str, dict[str, object]]:
    rows = [row for shard in sorted((out / "data").glob("*.parquet")) for row in pq.read_table(shard).to_pylist()]
    return {str(row["source_file"]): row for row in rows}


def _cli_build(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path / "out"
    done = run_cli("build", *args, "--out", str(out), "--report", str(tmp_path / "report"), "--now", NOW_ISO, "-q")
    return done, out


def test_a_users_profile_reads_a_site_in_another_layout_every_field(
    ledger: tuple[Path, Path, list[Article]], tmp_path: Path
) -> None:
    dumps, profiles, articles = ledger
    done, out = _cli_build(tmp_path, str(dumps), "--profiles", str(profiles))
    assert done.returncode == 0, done.stderr
    rows = _rows(out)
    assert sorted(rows) == sorted(article.source_file for article in articles)
    zone = ZoneInfo("America/New_York")
    for article in articles:
        row, expected = rows[article.source_file], dataclasses.asdict(article)
        local = datetime.fromisoformat(expected.pop("published_at_local"))
        assert row["published_at_local"] == local
        assert row["published_at"] == local.replace(tzinfo=zone).astimezone(UTC)
        assert {key: row[key] for key in expected} == expected
    # The layout's variants all occur, so each rule is exercised: a source, a reading time, a caption, an image
    # without one, several authors, no tags.
    assert any(a.source for a in articles) and any(a.reading_time_minutes for a in articles)
    images = [image for a in articles for image in a.images]
    assert any(i["caption"] for i in images) and any(i["caption"] is None for i in images)
    assert any(len(a.authors) > 2 for a in articles) and any(not a.tags for a in articles)


def test_without_its_profile_the_site_is_unknown(ledger: tuple[Path, Path, list[Article]], tmp_path: Path) -> None:
    """Rejected with --unknown-sites reject; by default read by the generic reader instead."""
    dumps, _, _ = ledger
    with pytest.raises(NoRowsError) as raised:
        run_build([dumps], tmp_path / "rejected", unknown_sites="reject")
    assert {row["reason"] for row in raised.value.rejects_by_reason} == {"unknown_site"}
    _, out, _ = run_build([dumps], tmp_path / "generic")
    assert {row["extractor"] for row in pq.read_table(out / "data").to_pylist()} == {"generic"}


def _profile_like(source: Path, folder: Path, name: str, **changes: str) -> Path:
    """A copy of a profile file with some top-level values changed, written to `folder/name`."""
    doc = yaml.safe_load(source.read_text(encoding="utf-8"))
    doc.update(changes)
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _publishers(tmp_path: Path, *profile_dirs: Path) -> set[object]:
    result, out, _ = run_build([DATA], tmp_path / "build", profiles=profile_dirs)
    assert result.summary["rows"] > 0
    return {row["publisher"] for row in _rows(out).values()}


def test_a_users_profile_of_a_bundled_site_replaces_it(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    _profile_like(SITES_DIR / "almayadeen_en.yaml", mine, "zz.yaml", publisher="Al Mayadeen (my edit)")
    sites = registry((mine,))
    assert [s.site for s in sites].count("almayadeen_en") == 1
    assert _publishers(tmp_path, mine) == {"Al Mayadeen (my edit)"}


def test_users_profiles_come_first_in_file_name_order(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    bundled = SITES_DIR / "almayadeen_en.yaml"
    _profile_like(bundled, mine, "b_second.yaml", site="second", publisher="Second")
    _profile_like(bundled, mine, "a_first.yaml", site="first", publisher="First")
    assert [s.site for s in registry((mine,))] == ["first", "second", "almayadeen_en"]
    assert _publishers(tmp_path, mine) == {"First"}  # all three recognise the dumps: the first tried wins


def test_folders_are_tried_in_the_order_given(tmp_path: Path) -> None:
    bundled = SITES_DIR / "almayadeen_en.yaml"
    one, two = tmp_path / "one", tmp_path / "two"
    _profile_like(bundled, one, "z.yaml", site="from_one", publisher="One")
    _profile_like(bundled, two, "a.yaml", site="from_two", publisher="Two")
    assert [s.site for s in registry((two, one))][:2] == ["from_two", "from_one"]


def test_two_users_profiles_of_one_site_are_an_error(tmp_path: Path) -> None:
    bundled = SITES_DIR / "almayadeen_en.yaml"
    first = _profile_like(bundled, tmp_path / "one", "a.yaml", site="same")
    second = _profile_like(bundled, tmp_path / "two", "b.yaml", site="same")
    with pytest.raises(ConfigError, match=f"site profile {second}: site `same` is also the site of {first}"):
        registry((first.parent, second.parent))


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_a_profiles_folder_must_hold_profiles(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "profiles"
    if kind == "empty":
        folder.mkdir()
        (folder / "notes.txt").write_text("not a profile", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"--profiles {folder}: "):
        registry((folder,))


def test_a_broken_users_profile_is_one_error_line_with_its_line_and_a_fix(
    ledger: tuple[Path, Path, list[Article]], tmp_path: Path
) -> None:
    dumps, _, _ = ledger
    mine = tmp_path / "mine"
    mine.mkdir()
    text = LEDGER_PROFILE.read_text(encoding="utf-8").replace('    line_prefix: "By "', '    line_prefx: "By "')
    (mine / "site.yaml").write_text(text, encoding="utf-8")
    done, out = _cli_build(tmp_path, str(dumps), "--profiles", str(mine))
    line = text[: text.index("line_prefx")].count("\n") + 1
    assert done.returncode == 2 and not out.exists()
    assert done.stderr.splitlines() == [
        f"error: site profile {mine / 'site.yaml'} line {line}: unknown key `fields.authors.line_prefx` "
        "(did you mean `line_prefix`?)"
    ]


# Recognition by whole lines: anywhere, or within the first or last N non-blank lines.

PAGE = "Masthead\n\nNav  |  Links\n\nHeadline\n\nBody of it.\n\n  About us | Contact  \nThe Footer Line\n\n"


def _recogniser(**recognise: object) -> SiteProfile:
    doc = yaml.safe_load(LEDGER_PROFILE.read_text(encoding="utf-8"))
    doc["recognise"] = recognise
    return parse_profile(doc)


@pytest.mark.parametrize(
    ("recognise", "found"),
    [
        ({"lines": ["The Footer Line", "About us | Contact"]}, True),  # surrounding spaces are not part of a line
        ({"lines": ["The Footer Line", "About us | Contact"], "where": "last", "within": 2}, True),
        ({"lines": ["The Footer Line", "About us | Contact"], "where": "last", "within": 1}, False),
        ({"lines": ["Nav | Links"], "where": "first", "within": 2}, True),  # runs of spaces collapse
        ({"lines": ["Nav  |  Links"]}, True),  # in the profile too
        ({"lines": ["Nav | Links"], "where": "first", "within": 1}, False),
        ({"lines": ["The Footer Line"], "where": "first", "within": 3}, False),
        ({"lines": ["Footer Line"]}, False),  # part of a line is no line
        ({"lines": ["Body of it.", "Not on the page"]}, False),  # every line must appear
        ({"first_line": "Masthead", "lines": ["The Footer Line"]}, True),
        ({"first_line": "Headline", "lines": ["The Footer Line"]}, False),  # both must hold
        ({"first_line": "Masthead"}, True),
    ],
)
def test_a_profile_recognises_its_pages_by_whole_lines(recognise: dict[str, object], found: bool) -> None:
    assert _recogniser(**recognise).recognises(PAGE) is found


def _key_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every key a profile may hold, dotted (`layout.inserts[].marker`), from the model itself."""
    paths = []
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        paths.append(path)
        args = getattr(field.annotation, "__args__", None) or (field.annotation,)
        for arg in args:
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                listed = getattr(field.annotation, "__origin__", None) is list
                paths += _key_paths(arg, f"{path}[]." if listed else f"{path}.")
    return paths


def test_every_profile_key_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Site profiles") : readme.index("## Benchmark")]
    paths = _key_paths(ProfileFile)
    assert "fields.images.caption_pattern" in paths and "layout.inserts[].pattern" in paths
    leaves = [p for p in paths if not any(q.startswith(p + ".") or q.startswith(p + "[]") for q in paths)]
    assert [p for p in leaves if f"`{p}`" not in section] == []


def test_a_written_profile_leaves_defaults_out_and_loads_back_equal() -> None:
    spec = ProfileFile.model_validate(yaml.safe_load(LEDGER_PROFILE.read_text(encoding="utf-8")))
    written = spec.to_yaml()
    assert ProfileFile.model_validate(yaml.safe_load(written)) == spec
    doc = yaml.safe_load(written)
    assert "bullet" not in doc["layout"] and "first_line" not in doc["recognise"]  # defaults, left out
    assert doc["recognise"]["where"] == "last" and doc["fields"]["images"]["caption_follows"] is True
