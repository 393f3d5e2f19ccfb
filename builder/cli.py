"""The `builder` command line: a thin layer over the library that turns its errors into fix-it messages."""

from __future__ import annotations

import re
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from builder.cli_options import PrivateOption, QuietOption, TokenOption, fail
from builder.cli_push import push

if TYPE_CHECKING:
    from builder.build import BuildResult

app = typer.Typer(
    help="Turn raw dumps of news article pages into a clean, typed Hugging Face dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def cli() -> None:
    """Build datasets from news page dumps (`builder build`) and publish them (`builder push`)."""


_SIZE = re.compile(r"(?i)^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$")
_UNITS = {"b": 1, "kb": 10**3, "kib": 2**10, "mb": 10**6, "mib": 2**20, "gb": 10**9, "gib": 2**30}


def parse_size(text: str) -> int:
    """'256MB', '4MiB', '1.5GB' or a plain number of bytes."""
    match = _SIZE.match(text)
    if not match:
        raise typer.BadParameter(f"{text!r} is not a size; write e.g. 4MiB, 500MB or 1048576")
    return int(float(match.group(1)) * _UNITS[(match.group(2) or "b").lower()])


def parse_now(text: str) -> datetime:
    """An ISO 8601 instant; one without a zone is taken as UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not ISO 8601; write e.g. 2026-01-31T12:00:00Z") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class StopRequest:
    """Ctrl-C and SIGTERM unwind the build like KeyboardInterrupt, so the staging folder is removed.

    A KeyboardInterrupt raised while a finalizer runs is swallowed by Python, so the request is also
    remembered and raised again after the next batch (through the progress callback).
    """

    def __init__(self) -> None:
        self.requested = False
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._handle)

    def _handle(self, signum: int, frame: Any) -> None:
        self.requested = True
        raise KeyboardInterrupt

    def check(self) -> None:
        if self.requested:
            raise KeyboardInterrupt


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Dump files, folders (walked recursively) and archives.")],
    out: Annotated[Path, typer.Option("--out", help="Dataset folder: README.md and data/*.parquet.")] = Path("dataset"),
    report: Annotated[Path, typer.Option("--report", help="Report folder: rejects.parquet and summary.json.")] = Path(
        "build-report"
    ),
    now: Annotated[
        str | None, typer.Option("--now", help="ISO 8601 instant used as 'now' for future dates (default: the clock).")
    ] = None,
    min_words: Annotated[int, typer.Option("--min-words", help="Shortest body accepted, in words.")] = 30,
    lang_detector: Annotated[str, typer.Option("--lang-detector", help="fasttext or langdetect.")] = "fasttext",
    max_bytes: Annotated[str, typer.Option("--max-bytes", help="Largest input accepted (e.g. 4MiB).")] = "4MiB",
    workers: Annotated[int | None, typer.Option("--workers", help="Worker processes (default: all cores).")] = None,
    no_dedup: Annotated[bool, typer.Option("--no-dedup", help="Keep duplicates.")] = False,
    near_dup_threshold: Annotated[
        float, typer.Option("--near-dup-threshold", help="Body Jaccard similarity from which a near copy is dropped.")
    ] = 0.8,
    keep: Annotated[
        str, typer.Option("--keep", help="Which copy of a duplicate stays: first (input order) or latest (published).")
    ] = "first",
    max_shard_size: Annotated[str, typer.Option("--max-shard-size", help="Target Parquet shard size.")] = "256MiB",
    test_size: Annotated[
        float, typer.Option("--test-size", help="Share of articles in a `test` split (by id hash).")
    ] = 0.0,
    title: Annotated[str | None, typer.Option("--title", help="Dataset title in the card.")] = None,
    description: Annotated[str | None, typer.Option("--description", help="Opening paragraph of the card.")] = None,
    license: Annotated[str, typer.Option("--license", help="License id for the card's metadata.")] = "other",
    fail_on_reject: Annotated[
        bool, typer.Option("--fail-on-reject", help="Exit non-zero if any input is rejected.")
    ] = False,
    push_to: Annotated[
        str | None, typer.Option("--push-to", help="After a successful build, push it to this Hub dataset OWNER/NAME.")
    ] = None,
    token: TokenOption = None,
    private: PrivateOption = False,
    quiet: QuietOption = False,
) -> None:
    """Build a dataset from dumps: `builder build data/ --out dataset --report build-report`."""
    from builder.build import BuildOptions
    from builder.build import build as run_build
    from builder.errors import BuilderError, NoRowsError, StrictModeError, WorkerError
    from builder.executor import default_workers
    from builder.export.card import CardOptions
    from builder.progress import BuildProgress

    options = BuildOptions(
        out=out,
        report=report,
        now=parse_now(now) if now else None,
        min_words=min_words,
        lang_detector=lang_detector,
        max_bytes=parse_size(max_bytes),
        workers=workers or default_workers(),
        dedup=not no_dedup,
        near_dup_threshold=near_dup_threshold,
        keep=keep,
        max_shard_bytes=parse_size(max_shard_size),
        test_size=test_size,
        fail_on_reject=fail_on_reject,
        card=CardOptions(title=title, description=description, license=license, load_path=push_to),
    )
    stop = StopRequest()
    try:
        with BuildProgress(enabled=not quiet and sys.stderr.isatty()) as progress:

            def on_batch(inputs: int, rejected: int) -> None:
                stop.check()
                progress.advance(inputs, rejected)

            result = run_build(paths, options, progress=on_batch)
    except KeyboardInterrupt:
        fail("interrupted; the previous dataset (if any) is untouched", code=130)
    except (NoRowsError, StrictModeError) as err:
        fail(str(err), err.hint + f"; report in {report}")
    except WorkerError as err:
        fail(str(err), err.hint)
    except BuilderError as err:
        fail(str(err), err.hint, code=2)
    if not quiet:
        print_summary(result, out, report)
    if push_to:
        from builder.cli_push import run_push

        run_push(out, push_to, token=token, private=private, quiet=quiet)


def print_summary(result: BuildResult, out: Path, report: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    summary = result.summary
    table = Table(title=f"builder build → {out}", show_header=True)
    table.add_column("outcome")
    table.add_column("inputs", justify="right")
    table.add_column("example")
    for split, rows in summary["rows_by_split"].items():
        table.add_row(f"row ({split})", str(rows), "")
    for row in result.rejects_by_reason:
        table.add_row(f"reject: {row['reason']}", str(row["count"]), row["example"])
    table.add_row("total", str(summary["inputs"]), "reconciled" if summary["reconciled"] else "NOT RECONCILED")
    console = Console()
    console.print(table)
    console.print(f"dataset: {out}   report: {report}")


app.command()(push)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
