"""`builder push`: publish a built dataset folder to the Hugging Face Hub; errors become one-line fix-it messages."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Annotated, Any

import typer

from builder.cli.options import PrivateOption, QuietOption, RepoIdOption, TokenOption, fail, unexpected
from builder.hub.session import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from builder.hub import PushResult

RevisionOption = Annotated[
    str | None,
    typer.Option(
        "--revision", help="Branch to commit to, created from main if missing (default: main).", show_default=False
    ),
]
CreatePrOption = Annotated[
    bool, typer.Option("--create-pr", help="Open a pull request instead of committing directly.")
]
CommitMessageOption = Annotated[
    str | None, typer.Option("--commit-message", help="Commit title (default: counts of new/changed/removed files).")
]
DryRunOption = Annotated[
    bool,
    typer.Option(
        "--dry-run",
        help="Check the folder and list what would be uploaded, with sizes; upload nothing. Works offline: without "
        "the Hub every file is listed as new.",
    ),
]
TimeoutOption = Annotated[
    float,
    typer.Option("--timeout", min=0.1, help="Seconds to wait for the Hub to connect or answer before giving up."),
]


class UploadBar:
    """A rich bar of bytes sent on stderr; silent when disabled."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> UploadBar:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn, TransferSpeedColumn

            self._bar = Progress(
                "uploading",
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.__enter__()
        return self

    def update(self, sent: int, total: int) -> None:
        if self._bar is None:
            return
        if self._task is None:
            self._task = self._bar.add_task("upload", total=total)
        self._bar.update(self._task, completed=sent, total=total)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, value, tb)


def push(
    folder: Annotated[Path, typer.Argument(help="A dataset folder made by `builder build`.", show_default=False)],
    repo_id: RepoIdOption,
    private: PrivateOption = False,
    revision: RevisionOption = None,
    create_pr: CreatePrOption = False,
    commit_message: CommitMessageOption = None,
    dry_run: DryRunOption = False,
    token: TokenOption = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    quiet: QuietOption = False,
) -> None:
    """Publish a dataset to the Hub in one commit: `builder push dataset --repo-id OWNER/NAME`."""
    run_push(
        folder,
        repo_id,
        token=token,
        private=private,
        revision=revision,
        create_pr=create_pr,
        commit_message=commit_message,
        dry_run=dry_run,
        timeout=timeout,
        quiet=quiet,
    )


def run_push(folder: Path, repo_id: str, *, quiet: bool, **options: Any) -> None:
    """Push with a progress bar and print the outcome; shared by `push` and `build --push-to`."""
    from huggingface_hub.utils import disable_progress_bars

    from builder.hub import PushError, push_dataset

    disable_progress_bars()  # our bar replaces the library's tqdm bars
    token = options.get("token")
    try:
        with UploadBar(enabled=not quiet and sys.stderr.isatty()) as bar:
            result = push_dataset(folder, repo_id, progress=bar.update, **options)
    except KeyboardInterrupt:
        hint = "a commit is all or nothing: run the same command again, files already uploaded are not sent twice"
        fail("interrupted", hint, code=130)
    except PushError as err:
        fail(str(err), err.hint, code=err.exit_code, token=token)
    except Exception as err:  # a bug, not a user error: still one line, and without any token
        fail(unexpected(err, token), "please report it with the command you ran", token=token)
    print_result(result, folder, quiet)


def print_result(result: PushResult, folder: Path, quiet: bool) -> None:
    from rich.console import Console
    from rich.filesize import decimal
    from rich.table import Table
    from rich.text import Text

    from builder.cli.terminal import printable

    where = f"{result.repo_id}@{result.revision}"
    for note in result.notes:
        typer.echo(printable(f"note: {note}"), err=True)
    if not quiet:
        dry = " (dry run)" if result.compared else " (dry run, not compared with the Hub)"
        title = f"builder push {folder} → {where}" + (dry if result.dry_run else "")
        table = Table(title=Text(printable(title)))  # a folder named like markup ("[/]") stays text
        table.add_column("file")
        table.add_column("size", justify="right")
        table.add_column("status")
        for change in result.files:
            table.add_row(Text(change.path_in_repo), decimal(change.size), change.status)
        Console(soft_wrap=True).print(table)
    uploads = sum(c.status in ("new", "changed") for c in result.files)
    deletions = sum(c.status == "deleted" for c in result.files)
    what = f"{uploads} file(s), {decimal(result.upload_bytes)}" + (
        f", removing {deletions} stale shard(s)" if deletions else ""
    )
    if not result.changes:
        done = "dry run: nothing to upload" if result.dry_run else "nothing changed"
        typer.echo(
            f"{done}: {where} already holds these {len(result.files)} files"
            + ("" if result.dry_run else "; no commit made")
        )
    elif result.dry_run:
        create = f"create {result.repo_id} and " if result.repo_created else ""
        typer.echo(f"dry run: would {create}upload {what} to {where}; nothing was uploaded")
    else:
        created = f"created {result.repo_id}; " if result.repo_created else ""
        typer.echo(f"{created}pushed {what} to {where} in one commit: {result.commit_url}")
        if result.pr_url:
            typer.echo(f"pull request: {result.pr_url}")
    if result.dry_run:  # whether the listing above was compared with the Hub, or every file is listed as new
        typer.echo(result.comparison)
