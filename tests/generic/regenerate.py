"""Write the expected reading of every fixture dump in tests/generic/ (NAME.txt -> NAME.json), for review in a diff.

Never run by the tests: run it after a deliberate change to the generic reader, or after adding a dump,
then read `git diff`.

    python -m tests.generic.regenerate
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from builder.extract.generic.reader import read_generic
from builder.extract.textdump.lines import Role
from builder.record import Reject

FIXTURES = Path(__file__).resolve().parent
SHOWN_ROLES = frozenset(Role) - {Role.CHROME, Role.BLANK}


def fixture_dumps() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


def expected_path(dump: Path) -> Path:
    return dump.with_suffix(".json")


def reading_of(text: str) -> dict[str, object]:
    """What the reader makes of a dump, as JSON-ready data: the reject, or the fields, the date chosen and
    every line that got a role other than chrome (line number, role, text)."""
    reading = read_generic(text)
    if isinstance(reading, Reject):
        return {"reject": {"reason": str(reading.reason), "stage": reading.stage}}
    date = reading.date
    page = reading.classified
    roles = [
        f"{i + 1}: {role.value}: {line.text}"
        for i, (line, role) in enumerate(zip(page.lines, page.roles, strict=True))
        if role in SHOWN_ROLES
    ]
    return {
        "fields": reading.fields,
        "date": None
        if date is None
        else {"local": date.local.isoformat(), "has_time": date.has_time, "kind": date.kind},
        "roles": roles,
    }


def render(dump: Path) -> str:
    return json.dumps(reading_of(dump.read_text(encoding="utf-8")), ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    for dump in fixture_dumps():
        target = expected_path(dump)
        text = render(dump)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(FIXTURES)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
