"""`builder push` (placeholder until the push command lands)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from builder.cli_options import RepoIdOption


def push(
    folder: Annotated[Path, typer.Argument(help="A dataset folder made by `builder build`.")], repo_id: RepoIdOption
) -> None:
    """Publish a built dataset to the Hugging Face Hub."""
    typer.echo("error: push is not available yet", err=True)
    raise typer.Exit(2)
