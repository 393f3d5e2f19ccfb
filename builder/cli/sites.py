"""`builder sites`: the site profiles this copy of builder recognises."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from builder.cli.options import fail

# (key of a row, column title): the profile's identity, then what a dump must start with to be recognised.
_COLUMNS = (
    ("site", "site"),
    ("publisher", "publisher"),
    ("language", "language"),
    ("timezone", "time zone"),
    ("first_line", "page starts with"),
)
_GAP = "  "


def site_rows() -> list[dict[str, Any]]:
    """One row per bundled profile, in recognition order."""
    from builder.sites import registry

    return [
        {
            "site": profile.site,
            "publisher": profile.facts.publisher,
            "language": profile.facts.language,
            "timezone": profile.facts.timezone.key,
            "first_line": profile.first_line,
        }
        for profile in registry()
    ]


def _plain(value: object) -> str:
    """A cell any terminal shows as it is: printable ASCII, anything else escaped."""
    text = str(value).encode("ascii", "backslashreplace").decode("ascii")
    return "".join(char if char.isprintable() else "?" for char in text)


def format_table(rows: list[dict[str, Any]]) -> str:
    """Columns padded with spaces, a dashed rule under the header: no box drawing, no colour."""
    header = [title for _, title in _COLUMNS]
    cells = [[_plain(row[key]) for key, _ in _COLUMNS] for row in rows]
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(len(header))]
    lines = [header, ["-" * width for width in widths], *cells]
    return "\n".join(
        _GAP.join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in lines
    )


def sites(
    as_json: Annotated[bool, typer.Option("--json", help="Print the profiles as a JSON array.")] = False,
) -> None:
    """List the news sites whose dumps are recognised: site, publisher, language, time zone."""
    import json

    from builder.errors import BuilderError

    try:
        rows = site_rows()
    except BuilderError as err:  # a malformed profile
        fail(str(err), err.hint, code=2)
    typer.echo(json.dumps(rows, indent=2) if as_json else format_table(rows))
