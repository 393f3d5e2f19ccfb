"""Imported only in the forkserver (as a preloaded module): remove its socket when it exits.

multiprocessing puts the forkserver's socket in a `pymp-*` folder under TMPDIR and removes it
when the build process exits normally. A build killed outright never does; the forkserver
outlives it by a moment (until its workers are gone, see `builder.engines.lifeline`) and exits normally,
so it removes the socket and the folder then. Nothing else is removed: the folder only if empty.
"""

from __future__ import annotations

import atexit
import os
from contextlib import suppress
from multiprocessing import forkserver


def _remove_socket() -> None:
    server = forkserver._forkserver
    if server._forkserver_pid is not None:  # imported in a process that started a forkserver: not the forkserver
        return
    address = server._forkserver_address  # set by the forkserver's main() before it serves
    if not isinstance(address, str) or address.startswith("\0"):  # abstract sockets leave no file
        return
    with suppress(OSError):  # already removed by the build process's own exit
        os.unlink(address)
        os.rmdir(os.path.dirname(address))


atexit.register(_remove_socket)
