"""Worker processes that end with the build process, even when it is killed outright (`kill -9`).

The build process holds the only write end of a pipe; each worker blocks a thread on the read
end and exits when it reads end-of-file, which the kernel delivers the moment the build process is
gone, however it died. Nothing polls, so the pool runs as fast as without it.

The helpers follow the workers by themselves: the forkserver exits when every holder of its
"alive" pipe (the build process and the workers) is gone, and then the resource tracker exits
(removing the semaphores it tracks) once the last holder of its pipe is gone.
`PR_SET_PDEATHSIG` would not do: a worker's parent is the forkserver, not the build process, and
the forkserver's signal would fire when the *thread* that started it ends, not the process.
"""

from __future__ import annotations

import os
import threading
from contextlib import suppress
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext


class Lifeline:
    """The pipe between the build process and its workers; `reader` goes to every worker's initializer."""

    def __init__(self, context: BaseContext) -> None:
        # Not inherited by anything the build process starts: workers get the read end only,
        # passed to each explicitly when it starts.
        self.reader, self._writer = context.Pipe(duplex=False)

    def close(self) -> None:
        """Cut the line: workers still running exit (call after the pool is shut down)."""
        self._writer.close()
        self.reader.close()


def exit_with_builder(reader: Connection) -> None:
    """In a worker: end this process as soon as the build process's end of the line is closed."""
    threading.Thread(target=_exit_at_end_of_file, args=(reader,), name="lifeline", daemon=True).start()


def _exit_at_end_of_file(reader: Connection) -> None:
    with suppress(EOFError, OSError):
        reader.recv_bytes()  # nothing is ever sent: this returns only by end-of-file
    os._exit(1)  # the build process is gone: there is no one to report to or clean up for
