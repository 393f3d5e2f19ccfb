"""`builder explain FILE`: the dump line by line with the role each line got and why, then its row or reject."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from builder.cli.options import fail
from builder.cli.sites import ProfilesOption
from builder.cli.terminal import printable

if TYPE_CHECKING:
    from builder.explain import Explanation

TEXT_WIDTH = 64  # characters of a line shown; the rest is cut with an ellipsis
# Roles that fill fields stand out on a terminal; chrome and blank lines are dimmed.
_COLOURS = {
    "title": "bright_cyan",
    "byline": "cyan",
    "date": "cyan",
    "source": "cyan",
    "reading_time": "cyan",
    "lead": "bright_white",
    "body": "white",
    "image": "magenta",
    "tags": "yellow",
    "insert": "red",
    "end": "red",
}


def explain(
    file: Annotated[Path, typer.Argument(help="One dump.", exists=True, dir_okay=False, readable=True)],
    corpus: Annotated[
        list[Path] | None,
        typer.Option(
            "--corpus",
            metavar="PATH",
            help="Other dumps of the site (files or folders): their shared lines are chrome.",
        ),
    ] = None,
    now: Annotated[
        str | None, typer.Option("--now", metavar="ISO8601", help="ISO 8601 instant used as 'now' for future dates.")
    ] = None,
    profiles: ProfilesOption = None,
) -> None:
    """Show how a dump is read: each line's role and why, then the row's fields (or why it is rejected)."""
    from builder.cli.main import parse_now
    from builder.errors import BuilderError
    from builder.explain import corpus_of
    from builder.explain import explain as explain_dump
    from builder.sites import registry

    try:
        sites = registry(tuple(profiles or ()))
        index = corpus_of(corpus, sites) if corpus else None
        found = explain_dump(file, sites, index, parse_now(now) if now else None)
    except BuilderError as err:
        fail(str(err), err.hint, code=2)
    except OSError as err:
        fail(f"cannot read {file}: {err.strerror or err}", "check the path and its permissions", code=2)
    colour = sys.stdout.isatty()
    for line in format_explanation(found, colour):
        typer.echo(line)


def format_explanation(found: Explanation, colour: bool = False) -> list[str]:
    """The report as lines of text; `colour`: ANSI colours by role (for a terminal)."""
    read_by = found.extractor + (f" ({found.site})" if found.site else "")
    out = [f"dump: {printable(found.source_file)}", f"read by: {printable(read_by)}", ""]
    for number, (line, role, why) in enumerate(found.lines, 1):
        if role.value == "blank":
            out.append(f"{number:5}")
            continue
        text = printable(("• " if line.bullet else "") + line.text)
        text = text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"
        cell = f"{role.value:<12} {text:<{TEXT_WIDTH}}  {printable(why)}"
        out.append(f"{number:5}  " + (_coloured(role.value, cell) if colour else cell))
    out.append("")
    if found.reject is not None:
        reject = found.reject
        out.append(f"rejected: {reject.reason.value} at {reject.stage or '?'}: {printable(reject.detail)}")
    else:
        out.append("row:")
        out.extend(f"  {name}: {printable(_shown(value))}" for name, value in found.fields.items())
    return out


def _coloured(role: str, cell: str) -> str:
    if role in _COLOURS:
        return typer.style(cell, fg=_COLOURS[role])
    return typer.style(cell, dim=True)


def _shown(value: Any) -> str:
    """A field's value in one line: long text cut, lists and times as written in the row."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if not isinstance(value, str):
        text = repr(value)
        return text if len(text) <= 160 else f"{text[:159]}… ({len(value)} items)"
    text = value.replace("\n", " ¶ ")
    return text if len(text) <= 160 else f"{text[:159]}… ({len(value.split())} words)"
