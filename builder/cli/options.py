"""CLI options and helpers shared by several commands, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

# Options shared by commands that take them, defined once.
ColumnOption = Annotated[
    list[str] | None,
    typer.Option(
        "--column",
        metavar="FIELD=NAME",
        help="JSONL/Parquet exports: read FIELD (html, text, url, crawled_at) from column NAME; repeatable.",
    ),
]
EngineOption = Annotated[
    str,
    typer.Option(
        "--engine",
        help="What runs the pipeline: local (worker processes) or ray (a Ray cluster; pip install 'builder[ray]').",
    ),
]
RayAddressOption = Annotated[
    str | None,
    typer.Option(
        "--ray-address",
        metavar="ADDRESS",
        help="--engine ray: the cluster to join, ray://HOST:10001 or HOST:6379 (default: RAY_ADDRESS, else a local Ray).",
        show_default=False,
    ),
]
CacheOption = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        help="Build cache folder: outcomes of unchanged inputs are reused (default: REPORT.cache beside --report).",
        show_default=False,
    ),
]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Parse every input; neither read nor write the cache.")]
RehashOption = Annotated[
    bool,
    typer.Option("--rehash", help="Read and digest every input, even a file whose size and times are unchanged."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary table.")]
TokenOption = Annotated[
    str | None,
    typer.Option("--token", help="Hub token (default: HF_TOKEN, then the saved `hf auth login`).", show_default=False),
]
RepoIdOption = Annotated[str, typer.Option("--repo-id", help="Dataset repository on the Hub, OWNER/NAME.")]
PrivateOption = Annotated[
    bool, typer.Option("--private", help="Create the repository as private if it does not exist.")
]


def fail(message: str, hint: str = "", code: int = 1, token: str | None = None) -> NoReturn:
    """The one way the CLI reports an error: one line on stderr, a fix-it hint, a non-zero exit.

    Every token is masked on the way out (`token`, the one in use, and any the environment or a saved login holds),
    whatever produced the message: a Hub's answer may echo the Authorization header. Messages quote file names
    and titles from the inputs: control characters are shown escaped.
    """
    from builder.cli.terminal import printable
    from builder.hub.redact import redact

    line = f"error: {message}" + (f" ({hint})" if hint else "")
    typer.echo(printable(redact(line, token)), err=True)
    raise typer.Exit(code)


def unexpected(err: Exception, token: str | None = None) -> str:
    """What a bug (not a user error) is reported as: its type and message on one line, tokens masked, then cut."""
    from builder.hub.redact import LONGEST_MESSAGE, redact

    return f"unexpected {type(err).__name__}: {redact(' '.join(str(err).split()), token)[:LONGEST_MESSAGE]}"
