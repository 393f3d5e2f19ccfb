"""The `builder` command as installed: the command line (`builder.cli.main.main`), then an exit that leaves
the process's objects to the operating system instead of freeing them one by one."""

from __future__ import annotations

import atexit
import os
import sys
import threading
from contextlib import suppress
from typing import NoReturn

from builder.cli.main import main


def run() -> NoReturn:
    """Run the command line and exit with its code.

    Python's own exit frees every object of the process before it ends: after a generic build of 13,000
    dumps (its sites' corpus, pyarrow's and polars' modules) that took 0.15 s more, the dataset long in
    place. The exit handlers still run, as in any exit (multiprocessing's, a temporary folder's), and the
    output is flushed. An exception that escapes the command line (Ctrl-C while it starts, `--debug`), or
    a thread still running, takes Python's usual way out."""
    try:
        main()
    except SystemExit as end:
        if any(
            thread.is_alive() and not thread.daemon
            for thread in threading.enumerate()
            if thread is not threading.main_thread()
        ):
            raise
        code = _exit_code(end)
        atexit._run_exitfuncs()  # what Python runs at exit, before it frees the objects
        for stream in (sys.stdout, sys.stderr):
            with suppress(OSError, ValueError):  # a closed pipe loses nothing more than a normal exit would
                stream.flush()
        os._exit(code)
    raise AssertionError("main() always ends with SystemExit")  # pragma: no cover


def _exit_code(end: SystemExit) -> int:
    """The code Python exits with for this SystemExit; a message instead of a code is printed, as Python does."""
    if end.code is None:
        return 0
    if isinstance(end.code, int):
        return end.code
    print(end.code, file=sys.stderr)
    return 1
