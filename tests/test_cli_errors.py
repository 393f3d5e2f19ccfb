"""The command line's answers to bad invocations and hostile names: one `error:` line, nothing raw on the terminal."""

from __future__ import annotations

import re
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest

from builder.cli.terminal import printable
from tests.conftest import DATA, NOW_ISO, run_cli

USAGE_ERRORS = [
    (["build", "data", "--bogus"], "no such option: --bogus"),
    (["build"], "missing argument"),
    (["build", "data", "--now", "yesterday"], "'--now': 'yesterday' is not ISO 8601"),
    (["build", "data", "--workers", "x"], "'--workers'"),
    (["build", "data", "--workers", "0"], "'--workers'"),
    (["build", "data", "--workers", "-3"], "'--workers'"),
    (["build", "data", "--min-words", "-5"], "'--min-words'"),
    (["build", "data", "--max-bytes", "0"], "'--max-bytes': '0' is not a positive size"),
    (["build", "data", "--max-shard-size", "huge"], "'--max-shard-size'"),
    (["build", "data", "--test-size", "1"], "'--test-size': 1 is not in [0, 1)"),
    (["build", "data", "--near-dup-threshold", "0"], "'--near-dup-threshold': 0 is not in (0, 1]"),
    (["push"], "missing argument"),
    (["frobnicate"], "no such command"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS, ids=[" ".join(a) for a, _ in USAGE_ERRORS])
def test_usage_errors_are_one_error_line_and_one_hint(tmp_path: Path, args: list[str], message: str) -> None:
    done = run_cli(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2, done.stderr
    assert lines[0].startswith("error: ") and message in lines[0]
    assert lines[1].startswith("hint: ") and "--help" in lines[1]
    assert "╭" not in done.stderr and "Traceback" not in done.stderr
    other_options = {"--workers", "--min-words", "--max-bytes", "--test-size", "--now"} - set(args)
    assert not any(f"'{option}'" in lines[0] for option in other_options)  # each option is blamed alone


def test_version() -> None:
    done = run_cli("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"builder {version('builder')}"


def test_printable_escapes_controls_and_keeps_text() -> None:
    assert printable("caf\u00e9 — ok [b]x[/b]") == "caf\u00e9 — ok [b]x[/b]"
    assert printable("\x1b[2J\x1b]0;pwned\x07") == "\\x1b[2J\\x1b]0;pwned\\x07"
    assert printable("evil\u202etxt.exe") == "evil\\u202etxt.exe"
    assert printable("bad\udce9byte") == "bad\\udce9byte"


@pytest.mark.parametrize("name", ["[/].txt", "[bold red]x[/].txt", "\x1b[2J\x1b]0;title\x07.txt"])
def test_hostile_file_names_print_safely(tmp_path: Path, name: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for dump in DATA.glob("*.txt"):
        shutil.copy(dump, inputs / dump.name)
    (inputs / name).parent.mkdir(parents=True, exist_ok=True)  # "[/].txt" is the file "].txt" in the folder "["
    (inputs / name).write_text("Not a page of any known site.\n" * 40)
    done = run_cli(
        "build",
        str(inputs),
        "--out",
        str(tmp_path / "o"),
        "--report",
        str(tmp_path / "r"),
        "--now",
        NOW_ISO,
        "--unknown-sites",
        "reject",
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout
    assert printable(name) in done.stdout  # shown, escaped, in the rejects table
    assert re.search(r"reject: unknown_site\s*│\s*1", done.stdout)


def test_error_lines_escape_what_the_user_typed(tmp_path: Path) -> None:
    done = run_cli("build", str(tmp_path / "no\x1b[2Jsuch"), "--out", str(tmp_path / "o"))
    assert done.returncode == 2
    assert "\x1b" not in done.stderr and "no\\x1b[2Jsuch" in done.stderr
