"""What `builder build` prints when it ends: the outcome table of the inputs, and where things went."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from builder.cli.terminal import printable

if TYPE_CHECKING:
    from builder.build import BuildResult


def _outcome_table(title: str, rows: list[tuple[str, str, str]]) -> None:
    """Print a table of (outcome, inputs, example); every cell is plain text, never markup."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(printable(title)), show_header=True)
    for name, justify in (("outcome", "left"), ("inputs", "right"), ("example", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*(Text(printable(cell)) for cell in row))
    Console(soft_wrap=True).print(table)


def _reject_rows(rejects_by_reason: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(f"reject: {row['reason']}", str(row["count"]), str(row["example"])) for row in rejects_by_reason]


def print_summary(result: BuildResult, out: Path, report: Path) -> None:
    summary = result.summary
    rows = [(f"row ({split})", str(count), "") for split, count in summary["rows_by_split"].items()]
    rows += _reject_rows(result.rejects_by_reason)
    if summary.get("skipped"):  # WARC records that are not pages: counted, not rejects
        rows.append(("skipped (not pages)", str(summary["skipped"]), ""))
    rows.append(("total", str(summary["inputs"]), "reconciled" if summary["reconciled"] else "NOT RECONCILED"))
    if changes := summary.get("changes"):  # only when there was a previous build to compare with
        rows.append(("changes", changes["line"], f"since {changes['since'][:12]}"))
    if "cache" in summary:  # how much of the work the build cache saved
        rows += [(f"{name} (cache)", str(summary["cache"][name]), "") for name in ("reused", "unread", "parsed")]
    _outcome_table(f"builder build → {out}", rows)
    typer.echo(printable(f"dataset: {out}   report: {report}"))


def print_rejects(rejects_by_reason: list[dict[str, Any]], out: Path, report: Path) -> None:
    """The rejects table of a build that wrote no dataset, so the reasons show without opening the report."""
    total = sum(int(row["count"]) for row in rejects_by_reason)
    _outcome_table(
        f"builder build → {out} (no dataset written)", [*_reject_rows(rejects_by_reason), ("total", str(total), "")]
    )
    typer.echo(printable(f"report: {report} (rejects.jsonl lists every reject)"))
