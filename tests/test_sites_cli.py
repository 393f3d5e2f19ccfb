"""`builder sites` lists the bundled site profiles, as a plain table or as JSON."""

from __future__ import annotations

import json

from builder.cli.sites import format_table
from builder.sites import registry
from tests.conftest import run_cli


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
