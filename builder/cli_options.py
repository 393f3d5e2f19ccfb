"""CLI options shared by several commands, defined once."""

from __future__ import annotations

from typing import Annotated

import typer

# Options shared by commands that take them, defined once.
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary table.")]
TokenOption = Annotated[
    str | None,
    typer.Option("--token", help="Hub token (default: HF_TOKEN, then the saved `hf auth login`).", show_default=False),
]
RepoIdOption = Annotated[str, typer.Option("--repo-id", help="Dataset repository on the Hub, OWNER/NAME.")]
PrivateOption = Annotated[
    bool, typer.Option("--private", help="Create the repository as private if it does not exist.")
]
