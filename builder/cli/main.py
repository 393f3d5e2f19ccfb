"""The `builder` command line: a thin layer over the library that turns its errors into fix-it messages."""

from __future__ import annotations

import re
import signal
import sys
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

try:  # typer 0.2x carries its own copy of click; its exceptions are the ones raised
    from typer._click import exceptions as click_errors
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - typer releases that use click itself
    from click import exceptions as click_errors  # type: ignore[no-redef]
    from click.globals import get_current_context  # type: ignore[no-redef]

from builder.cli.diff import diff
from builder.cli.explain import explain
from builder.cli.options import (
    CacheOption,
    ColumnOption,
    EngineOption,
    NoCacheOption,
    PrivateOption,
    QuietOption,
    RayAddressOption,
    RehashOption,
    TokenOption,
    fail,
    unexpected,
)
from builder.cli.profile import profile
from builder.cli.push import TimeoutOption, push
from builder.cli.sites import ProfilesOption, sites
from builder.cli.summary import print_rejects, print_summary
from builder.cli.terminal import printable
from builder.hub.session import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    pass

app = typer.Typer(
    help="Turn raw dumps of news article pages into a clean, typed Hugging Face dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"builder {version('builder')}")
        raise typer.Exit()


_debug = False  # `builder --debug ...`: an unexpected error shows its traceback


@app.callback()
def cli(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")] = False,
) -> None:
    """Build datasets from news page dumps (`builder build`) and publish them (`builder push`)."""
    global _debug
    _debug = debug


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
    min_words: Annotated[int, typer.Option("--min-words", min=0, help="Shortest body accepted, in words.")] = 30,
    lang_detector: Annotated[str, typer.Option("--lang-detector", help="fasttext or langdetect.")] = "fasttext",
    max_bytes: Annotated[str, typer.Option("--max-bytes", help="Largest input accepted (e.g. 4MiB).")] = "4MiB",
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Worker processes (default: all cores).")
    ] = None,
    engine: EngineOption = "local",
    ray_address: RayAddressOption = None,
    no_dedup: Annotated[bool, typer.Option("--no-dedup", help="Keep duplicates.")] = False,
    near_dup_threshold: Annotated[
        float,
        typer.Option(
            "--near-dup-threshold",
            parser=lambda text: _fraction(text, low_open=True),
            help="Body Jaccard similarity from which a near copy is dropped.",
        ),
    ] = 0.8,
    keep: Annotated[
        str, typer.Option("--keep", help="Which copy of a duplicate stays: first (input order) or latest (published).")
    ] = "first",
    unknown_sites: Annotated[
        str,
        typer.Option(
            "--unknown-sites",
            help="A dump no site profile recognises: generic (read it with the generic reader) or reject (unknown_site).",
        ),
    ] = "generic",
    undated: Annotated[
        str,
        typer.Option("--undated", help="An article that prints no date: reject (missing_date) or keep (null date)."),
    ] = "reject",
    untitled: Annotated[
        str,
        typer.Option(
            "--untitled",
            help="An article whose headline was not found: reject (missing_title) or keep (null title).",
        ),
    ] = "reject",
    max_shard_size: Annotated[str, typer.Option("--max-shard-size", help="Target Parquet shard size.")] = "256MiB",
    test_size: Annotated[
        float,
        typer.Option(
            "--test-size",
            parser=lambda text: _fraction(text, high_open=True),
            help="Share of articles in a `test` split.",
        ),
    ] = 0.0,
    title: Annotated[str | None, typer.Option("--title", help="Dataset title in the card.")] = None,
    description: Annotated[str | None, typer.Option("--description", help="Opening paragraph of the card.")] = None,
    license: Annotated[
        str, typer.Option("--license", help="The card's Hub license id (apache-2.0, cc-by-4.0, ...).")
    ] = "other",
    license_name: Annotated[
        str | None, typer.Option("--license-name", help="With --license other: the license's id, e.g. my-terms-1.0.")
    ] = None,
    license_link: Annotated[
        str | None, typer.Option("--license-link", help="With --license other: its URL, or a repository file.")
    ] = None,
    fail_on_reject: Annotated[
        bool, typer.Option("--fail-on-reject", help="Exit non-zero if any input is rejected.")
    ] = False,
    wait: Annotated[
        bool, typer.Option("--wait", help="If another build is writing --out or --report, wait for it to finish.")
    ] = False,
    push_to: Annotated[
        str | None, typer.Option("--push-to", help="After a successful build, push it to this Hub dataset OWNER/NAME.")
    ] = None,
    token: TokenOption = None,
    private: PrivateOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    quiet: QuietOption = False,
    profiles: ProfilesOption = None,
    column: ColumnOption = None,
    since: Annotated[
        Path | None,
        typer.Option("--since", help="Dataset folder the changelog compares with (default: the --out it replaces)."),
    ] = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
    rehash: RehashOption = False,
) -> None:
    """Build a dataset from dumps: `builder build data/ --out dataset --report build-report`."""
    from builder.engines.processes import default_workers, start_forkserver

    workers = workers or default_workers()
    if workers > 1 and engine == "local":
        start_forkserver()  # first: it imports the workers' modules while this process imports the build's
    from builder.build import BuildOptions
    from builder.build import build as run_build
    from builder.cli.progress import BuildProgress
    from builder.engines.local import pandas_unimported
    from builder.errors import (
        BuilderError,
        BuildLockedError,
        OutputWriteError,
        ReconcileError,
        RejectedInputsError,
        WorkerError,
    )
    from builder.export.card import CardOptions
    from builder.export.licenses import license_warnings

    options = BuildOptions(
        out=out,
        report=report,
        now=_now_option(now),
        min_words=min_words,
        lang_detector=lang_detector,
        max_bytes=_size_option("--max-bytes", max_bytes),
        workers=workers,
        dedup=not no_dedup,
        near_dup_threshold=near_dup_threshold,
        keep=keep,
        unknown_sites=unknown_sites,
        undated=undated,
        untitled=untitled,
        max_shard_bytes=_size_option("--max-shard-size", max_shard_size),
        test_size=test_size,
        fail_on_reject=fail_on_reject,
        wait=wait,
        profiles=tuple(profiles or ()),
        columns=_column_option(column or []),
        since=since,
        engine=engine,
        ray_address=ray_address,
        cache=None if no_cache else cache or report.with_name(f"{report.name}.cache"),
        rehash=rehash,
        card=CardOptions(
            title=title,
            description=description,
            license=license,
            load_path=push_to,
            license_name=license_name,
            license_link=license_link,
        ),
    )
    stop = StopRequest()
    try:
        # Ray Data needs pandas in this process; the local engine never does.
        unimported = pandas_unimported() if engine == "local" else nullcontext()
        with BuildProgress(enabled=not quiet and sys.stderr.isatty()) as progress, unimported:

            def on_batch(inputs: int, rejected: int) -> None:
                stop.check()
                progress.advance(inputs, rejected)

            result = run_build(paths, options, progress=on_batch)
    except KeyboardInterrupt:
        fail("interrupted; the previous dataset (if any) is untouched", code=130)
    except RejectedInputsError as err:
        if not quiet:
            print_rejects(err.rejects_by_reason, out, report)
        fail(str(err), err.hint + f"; report in {report}")
    except (WorkerError, OutputWriteError, BuildLockedError, ReconcileError) as err:
        fail(str(err), err.hint)
    except BuilderError as err:
        fail(str(err), err.hint, code=2)
    for warning in result.warnings:
        typer.echo(printable(f"warning: {warning}"), err=True)
    if not quiet:
        print_summary(result, out, report)
    for warning in license_warnings(license, license_name, license_link, publishing=push_to is not None):
        typer.echo(printable(f"warning: {warning}"), err=True)
    if push_to:
        from builder.cli.push import run_push

        run_push(out, push_to, token=token, private=private, timeout=timeout, quiet=quiet)


def _fraction(text: str, low_open: bool = False, high_open: bool = False) -> float:
    """A number in [0, 1], either end excluded if asked; a bad one is a usage error naming the option."""
    try:
        value = float(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a number") from None
    if value < 0 or value > 1 or (low_open and value == 0) or (high_open and value == 1):
        raise typer.BadParameter(f"{text} is not in {'(' if low_open else '['}0, 1{')' if high_open else ']'}")
    return value


def _size_option(name: str, text: str) -> int:
    """A size option's bytes; a bad value is a usage error naming the option."""
    context = get_current_context(silent=True)
    try:
        size = parse_size(text)
    except typer.BadParameter as err:
        raise typer.BadParameter(str(err), ctx=context, param_hint=f"'{name}'") from None
    if size <= 0:
        raise typer.BadParameter(f"{text!r} is not a positive size", ctx=context, param_hint=f"'{name}'")
    return size


def _column_option(values: list[str]) -> tuple[tuple[str, str], ...]:
    """--column FIELD=NAME pairs; a bad one is a usage error naming the option."""
    from builder.errors import OptionError
    from builder.inputs.exports import parse_column_options

    try:
        return parse_column_options(values)
    except OptionError as err:
        raise typer.BadParameter(str(err), ctx=get_current_context(silent=True), param_hint="'--column'") from None


def _now_option(text: str | None) -> datetime | None:
    try:
        return parse_now(text) if text else None
    except typer.BadParameter as err:
        raise typer.BadParameter(str(err), ctx=get_current_context(silent=True), param_hint="'--now'") from None


app.command()(push)
app.command()(sites)
app.command()(explain)
app.command()(diff)
app.add_typer(profile, name="profile")


def main() -> None:
    """Run the CLI; a usage error is one `error:` line and one hint line, never a boxed panel."""
    try:
        code = app(standalone_mode=False)
    except click_errors.NoArgsIsHelpError as err:  # the help was printed when it was raised
        raise SystemExit(err.exit_code) from None
    except click_errors.UsageError as err:
        message = err.format_message()
        typer.echo(f"error: {printable(message[:1].lower() + message[1:])}", err=True)
        command = err.ctx.command_path if err.ctx is not None else "builder"
        typer.echo(f"hint: run `{command} --help` for the options", err=True)
        raise SystemExit(err.exit_code) from None
    except typer.Abort:
        typer.echo("error: interrupted", err=True)
        raise SystemExit(130) from None
    except Exception as err:  # a bug, not a user error: still one line unless asked for the traceback
        if _debug:
            raise
        typer.echo(printable(f"error: {unexpected(err)}"), err=True)
        typer.echo("hint: run again as `builder --debug ...` to see the traceback, and please report it", err=True)
        raise SystemExit(1) from None
    raise SystemExit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    from builder.cli.run import run

    run()
