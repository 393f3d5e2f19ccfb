"""`builder diff OLD NEW`: what changed between two built dataset folders, by source_file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from builder.cli.options import fail
from builder.cli.terminal import printable

_MARKS = {"added": "+", "removed": "-", "changed": "~"}


def diff(
    old: Annotated[Path, typer.Argument(help="The earlier dataset folder (a `builder build --out`).")],
    new: Annotated[Path, typer.Argument(help="The later dataset folder.")],
    list_files: Annotated[
        bool, typer.Option("--list", help="Also list each added (+), removed (-) and changed (~) source_file.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts (and --list's files) as JSON.")] = False,
) -> None:
    """Compare two built datasets: `builder diff old-dataset dataset --list`."""
    from builder.errors import ChangesError
    from builder.export.changes import diff as compare_folders
    from builder.export.changes import shards_digest

    try:
        changes = compare_folders(old, new)
        new_digest = shards_digest(new)
    except ChangesError as err:
        fail(str(err), err.hint, code=2)
    rows = changes.table.to_pylist() if list_files else []
    if as_json:
        files = {"files": rows} if list_files else {}
        counts = {"old": changes.since, "new": new_digest, **changes.counts(), **files}
        typer.echo(json.dumps(counts, indent=2, ensure_ascii=False))
        return
    typer.echo(printable(f"{changes.line()} (old {str(changes.since)[:12]}, new {new_digest[:12]})"))
    for row in rows:
        typer.echo(printable(f"{_MARKS[row['change']]} {row['source_file']}"))
