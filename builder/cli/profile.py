"""`builder profile draft`: a draft site profile from ~20 dumps of one site, written for the user to review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from builder.cli.options import QuietOption, fail
from builder.cli.terminal import printable

profile = typer.Typer(help="Site profiles: draft one from dumps of a site.", no_args_is_help=True)


def _files(paths: list[Path]) -> Iterator[Path]:
    """The files given, and those under the folders given (sorted, hidden ones left out)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts)
            )
        elif path.is_file():
            yield path
        else:
            fail(f"{path} is not a file or a folder", "check the path")


def _read(paths: list[Path], quiet: bool) -> list[str]:
    """The dumps' texts, decoded as a build decodes them; one that cannot be read is skipped and said so."""
    from builder.extract.decode import decode
    from builder.inputs.files import DEFAULT_MAX_BYTES
    from builder.record import Record

    texts = []
    for path in _files(paths):
        if path.stat().st_size > DEFAULT_MAX_BYTES:
            skipped = f"larger than {DEFAULT_MAX_BYTES} bytes, as no page is"
        else:
            record = Record(source_file=str(path), data=path.read_bytes())
            reject = decode(record)
            if reject is None:
                texts.append(record.text)
                continue
            skipped = reject.detail
        if not quiet:
            typer.echo(printable(f"skipped {path}: {skipped}"), err=True)
    return texts


@profile.command()
def draft(
    dumps: Annotated[list[Path], typer.Argument(help="About 20 dumps of one site: files or folders.")],
    out: Annotated[Path, typer.Option("--out", help="The profile to write, e.g. my_site.yaml.")],
    site: Annotated[
        str | None, typer.Option("--site", help="The site's name in the rows (default: --out's file name).")
    ] = None,
    timezone: Annotated[
        str | None, typer.Option("--timezone", help="The IANA zone the site prints its times in (default: UTC).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --out if it exists.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Draft a site profile from dumps of the site; every guessed value carries a `# guess:` comment."""
    from builder.errors import BuilderError
    from builder.sites.draft import draft_profile, reading_check, validate
    from builder.sites.draft.facts import site_name

    if out.exists() and not force:
        fail(f"{out} exists", "pass --force to overwrite it, or choose another --out")
    if not out.parent.is_dir():
        fail(f"{out.parent} is not a folder", "create it first, or choose another --out")
    if any(out.resolve() == path.resolve() for path in _files(dumps)):
        fail(f"{out} is one of the dumps", "choose another --out")
    try:
        texts = _read(dumps, quiet)
        name = site_name(site, out.stem)
        drafted = draft_profile(texts, name, timezone)
        outcomes = reading_check(validate(drafted), texts)
    except BuilderError as err:
        fail(str(err), err.hint, code=2)
    out.write_text(drafted.to_yaml(), encoding="utf-8")
    if quiet:
        return
    guesses = sum(1 for guess in drafted.entries.values() if not guess.given)
    read = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(outcomes.items()))
    zone = drafted.entries["timezone"]
    lines = [
        f"wrote {out}: a draft profile of `{name}` from {len(texts)} dumps, {guesses} guessed values",
        "valid: it loads as builder loads a site profile",
        f"its own dumps read as: {read}",
        *(
            [f"review: the time zone {zone.value} is a guess ({zone.reason}); or pass --timezone"]
            if not zone.given
            else []
        ),
    ]
    for line in lines:
        typer.echo(printable(line))
