"""The README stays true: its commands are the ones CI runs, and it documents every field and reason."""

from __future__ import annotations

import re
from pathlib import Path

from builder.reasons import Reason
from builder.schema import load_schema

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    commands = re.findall(r"^# 2\. .*\n(.+)$", README, flags=re.M)
    assert len(commands) == 1
    ci_lines = [
        line
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line and not line.startswith(("#", "set ", "cd ", "export "))
    ]
    assert ci_lines == commands


def test_every_schema_field_is_documented() -> None:
    for field in load_schema().fields:
        assert f"| `{field.name}` | `{field.type_name}` |" in README, field.name


def test_every_reject_reason_is_documented() -> None:
    for reason in Reason:
        assert f"| `{reason}` |" in README, reason


def test_no_placeholder_is_left() -> None:
    assert not re.search(r"\b[A-Z]+_SECTION\b|CARD_SAMPLE", README)
