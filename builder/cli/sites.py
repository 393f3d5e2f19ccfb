"""`builder sites`: the site profiles this copy of builder recognises."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from builder.cli.options import fail

# `--profiles DIR` on the commands that read dumps and on `builder sites`, defined once.
ProfilesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--profiles",
        metavar="DIR",
        help="A folder of your own site profiles (*.yaml), tried before the bundled ones; repeatable.",
        file_okay=False,
    ),
]

# (key of a row, column title): the profile's identity, then what a dump must start with to be recognised.
_COLUMNS = (
    ("site", "site"),
    ("publisher", "publisher"),
    ("language", "language"),
    ("timezone", "time zone"),
    ("first_line", "page starts with"),
)
_GAP = "  "


def site_rows(profiles: tuple[Path, ...] = ()) -> list[dict[str, Any]]:
    """One row per profile, users' (from the `profiles` folders) and bundled, in recognition order."""
    from builder.sites import registry

    return [
        {
            "site": profile.site,
            "publisher": profile.facts.publisher,
            "language": profile.facts.language,
            "timezone": profile.facts.timezone.key,
            "first_line": profile.first_line or _recognised_by(profile.recognise_lines),
        }
        for profile in registry(profiles)
    ]


def _recognised_by(lines: frozenset[str]) -> str:
    """What a profile with no first line recognises its pages by, for the table's last column."""
    return "(lines) " + " | ".join(sorted(lines))


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
    profiles: ProfilesOption = None,
) -> None:
    """List the news sites whose dumps are recognised: site, publisher, language, time zone."""
    import json

    from builder.errors import BuilderError

    try:
        rows = site_rows(tuple(profiles or ()))
    except BuilderError as err:  # a malformed profile
        fail(str(err), err.hint, code=2)
    typer.echo(json.dumps(rows, indent=2) if as_json else format_table(rows))
