"""`builder sites` lists the bundled site profiles, as a plain table or as JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from builder.cli.sites import format_table
from builder.sites import registry
from builder.sites.profile import load_profile
from tests.conftest import run_cli
from tests.layouts.ledger import PROFILE as LEDGER_PROFILE


def test_sites_lists_every_profile_as_a_plain_table() -> None:
    done = run_cli("sites")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["site", "publisher", "language", "time", "zone", "page", "starts", "with"]
    assert set(lines[1]) == {"-", " "}
    assert len(lines) == 2 + len(registry())
    for profile, line in zip(registry(), lines[2:], strict=True):
        assert line.startswith(profile.site + " ")
        facts = profile.facts
        for value in (facts.publisher, facts.language, facts.timezone.key, profile.first_line):
            assert f"  {value}" in line
    assert done.stdout.isascii()


def test_sites_json_holds_the_same_profiles() -> None:
    done = run_cli("sites", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows == [
        {
            "site": p.site,
            "publisher": p.facts.publisher,
            "language": p.facts.language,
            "timezone": p.facts.timezone.key,
            "first_line": p.first_line,
        }
        for p in registry()
    ]
    assert any(row == {**row, "site": "almayadeen_en", "timezone": "Asia/Beirut"} for row in rows)


def test_the_table_escapes_what_a_terminal_may_not_show() -> None:
    row = {"site": "x", "publisher": "الميادين\x1b[31m", "language": "ar", "timezone": "Asia/Beirut", "first_line": "y"}
    table = format_table([row])
    assert table.isascii() and "\x1b" not in table
    assert "\\u0627" in table  # the Arabic is escaped, not dropped
    header, _, line = table.splitlines()
    assert line.index("  ar  ") + 2 == header.index("language")  # columns stay aligned


def test_sites_lists_users_profiles_first(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copy(LEDGER_PROFILE, mine / "harbour_ledger.yaml")
    done = run_cli("sites", "--json", "--profiles", str(mine))
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [row["site"] for row in rows] == ["harbour_ledger", *(p.site for p in registry())]
    ledger = load_profile(LEDGER_PROFILE)
    assert rows[0]["first_line"] == "(lines) " + " | ".join(sorted(ledger.recognise_lines))
    table = run_cli("sites", "--profiles", str(mine))
    assert table.stdout.splitlines()[2].startswith("harbour_ledger ")


def test_sites_with_a_broken_users_profile_is_one_error(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "x.yaml").write_text("site: x\npublisher: [unclosed\n", encoding="utf-8")
    done = run_cli("sites", "--profiles", str(mine))
    assert done.returncode == 2 and done.stdout == ""
    assert (
        done.stderr.startswith(f"error: site profile {mine / 'x.yaml'} line 3: ") and len(done.stderr.splitlines()) == 1
    )
