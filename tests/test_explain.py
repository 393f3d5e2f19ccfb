"""`builder explain`: each line's role and why, the corpus's part in it, and the row or reject it gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.cli.explain import _shown, format_explanation
from builder.explain import corpus_of, explain
from builder.sites import registry
from tests.conftest import NOW, NOW_ISO, run_cli
from tests.dumps import make_dump
from tests.test_unknown_sites import planet_page

ESC = "\x1b["


@pytest.fixture
def planet(tmp_path: Path) -> Path:
    folder = tmp_path / "planet"
    folder.mkdir()
    for number in range(6):
        (folder / f"planet-{number}.txt").write_text(planet_page(number), encoding="utf-8")
    return folder


def roles_of(lines: list[str]) -> dict[str, str]:
    """A printed line's text (its third column, up to the gap before the why) -> the role printed before it."""
    found = {}
    for line in lines:
        parts = line.split(maxsplit=2)
        if len(parts) == 3 and parts[0].isdigit():
            found[parts[2].split("  ")[0]] = parts[1]
    return found


def test_the_corpus_says_which_lines_recur_and_the_row_follows(planet: Path) -> None:
    done = run_cli("explain", str(planet / "planet-0.txt"), "--corpus", str(planet), "--now", NOW_ISO)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert ESC not in out  # plain text on a pipe
    assert "read by: generic (site 1: 6 dumps, starting 'Daily Planet')" in out
    assert "We use cookies to improve your" in out and "repeated in 6 of 6 dumps of this site" in out
    roles = roles_of(out.splitlines())
    assert roles["Harbour bridge number 0 will be rebuilt"] == "title" and roles["By Lois Lane"] == "byline"
    assert "  extractor: generic" in out and "  publisher: The Daily Planet" in out


def test_a_profiled_dump_shows_the_profile_rules(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(make_dump(), encoding="utf-8")
    found = explain(page, registry(), now=NOW)
    assert found.extractor == "profile:almayadeen_en" and found.reject is None
    rules = {rule for _, _, rule in found.lines}
    assert "fields.authors.bullet_prefix" in rules and "layout.article_end" in rules
    assert len(found.lines) == len(make_dump().split("\n"))  # every line of the page, header and footer too


def test_users_profiles_read_their_site(tmp_path: Path) -> None:
    """With --profiles, a dump of the user's site is read by the user's profile, and its rules are shown."""
    from tests.layouts.ledger import PROFILE, write_dumps

    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / PROFILE.name).write_bytes(PROFILE.read_bytes())
    write_dumps(tmp_path / "dumps", 1)
    (dump,) = sorted((tmp_path / "dumps").rglob("*.txt"))
    plain = run_cli("explain", str(dump), "--now", NOW_ISO)
    assert plain.returncode == 0 and "read by: generic" in plain.stdout
    done = run_cli("explain", str(dump), "--profiles", str(profiles), "--now", NOW_ISO)
    assert done.returncode == 0, done.stderr
    assert "read by: profile:" in done.stdout and "fields.published_at.line_pattern" in done.stdout


def test_a_page_with_no_article_is_explained_as_a_reject(tmp_path: Path) -> None:
    page = tmp_path / "front.txt"
    page.write_text("\n".join(["The Daily Planet", *(f"  • Section {n}" for n in range(30))]), encoding="utf-8")
    found = explain(page, registry(), now=NOW)
    assert found.reject is not None and found.reject.reason == "no_article" and found.fields == {}
    text = "\n".join(format_explanation(found))
    assert "rejected: no_article at parse:" in text


def test_colour_only_when_asked(planet: Path) -> None:
    found = explain(planet / "planet-1.txt", registry(), corpus_of([planet], registry()), NOW)
    assert not any(ESC in line for line in format_explanation(found))
    assert any(ESC in line for line in format_explanation(found, colour=True))


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    done = run_cli("explain", str(tmp_path / "nope.txt"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("error:")


def test_a_file_larger_than_a_page_is_refused(tmp_path: Path) -> None:
    from builder.inputs.files import DEFAULT_MAX_BYTES

    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (DEFAULT_MAX_BYTES + 1))
    done = run_cli("explain", str(big))
    assert done.returncode == 2 and done.stderr.startswith("error:") and "larger than" in done.stderr


def test_a_long_list_field_is_cut_and_counted_in_items() -> None:
    """An image's long caption made the images list longer than a line: it is cut, not split like text."""
    images = [{"alt": "a harbour", "caption": "word " * 60}, {"alt": None, "caption": None}]
    shown = _shown(images)
    assert shown.endswith("… (2 items)") and len(shown) < 200
    assert _shown("word " * 60).endswith("(60 words)")
