"""Imported only in the forkserver (as a preloaded module): remove its socket when it exits, then end it.

multiprocessing puts the forkserver's socket in a `pymp-*` folder under TMPDIR and removes it
when the build process exits normally. A build killed outright never does; the forkserver
outlives it by a moment (until its workers are gone, see `builder.engines.lifeline`) and exits normally,
so it removes the socket and the folder then. Nothing else is removed: the folder only if empty.

The forkserver then ends at once, leaving its objects to the operating system: freeing the modules it
preloaded took it about 0.2 s after the build process had ended, and whatever reads the command's output
through a pipe waits for it (the forkserver holds the pipe too). It has nothing else to clean up: its
children, the workers, end on their own way out (`os._exit`).
"""

from __future__ import annotations

import atexit
import os
from contextlib import suppress
from multiprocessing import forkserver
from typing import Any


def _remove_socket_and_end() -> None:
    server: Any = forkserver._forkserver  # its private state: typeshed does not describe it
    if server._forkserver_pid is not None:  # imported in a process that started a forkserver: not the forkserver
        return
    address = server._forkserver_address  # set by the forkserver's main() before it serves
    if not isinstance(address, str):  # not serving: not the forkserver either
        return
    if not address.startswith("\0"):  # abstract sockets leave no file
        with suppress(OSError):  # already removed by the build process's own exit
            os.unlink(address)
            os.rmdir(os.path.dirname(address))
    os._exit(0)  # registered after multiprocessing's own handler, so run before it: it has nothing to do here


atexit.register(_remove_socket_and_end)
