"""A rich progress bar for builds: files per second and rejects so far; silent when disabled."""

from __future__ import annotations

from types import TracebackType
from typing import Any


class BuildProgress:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.rejects = 0
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> BuildProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                MofNCompleteColumn(),
                TextColumn("[progress.data.speed]{task.fields[rate]}"),
                TextColumn("rejects: {task.fields[rejects]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),  # stdout keeps only the summary table
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("building", total=None, rejects=0, rate="")
        return self

    def advance(self, inputs: int, rejected: int) -> None:
        if self._bar is None:
            return
        self.rejects += rejected
        task = self._bar.tasks[0]
        rate = f"{task.speed:,.0f} files/s" if task.speed else ""
        self._bar.update(self._task, advance=inputs, rejects=self.rejects, rate=rate)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, value, tb)
