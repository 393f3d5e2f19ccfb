"""The installed command's exit (`builder.cli.run`): its code and output as Python's own exit would give,
exit handlers run, and no object freed one by one, unless a thread is still running."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# An object that says when it is freed: Python's own exit frees it, an exit left to the system does not.
PROLOGUE = """
import atexit, os, sys, threading, time
class Freed:
    def __del__(self):
        os.write(1, b"freed\\n")
kept = Freed()
atexit.register(lambda: print("handler ran"))
from builder.cli.run import run
"""


def _run(body: str, *args: str) -> subprocess.CompletedProcess[str]:
    code = PROLOGUE + body + f"\nsys.argv = ['builder', *{list(args)!r}]\nrun()\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_the_command_ends_with_its_code_its_output_and_its_exit_handlers_but_frees_nothing() -> None:
    done = _run("", "--help")
    assert done.returncode == 0, done.stderr
    assert "build" in done.stdout and done.stdout.rstrip().endswith("handler ran")
    assert "freed" not in done.stdout


@pytest.mark.parametrize(("args", "code"), [(("build",), 2), (("no-such-command",), 2)])
def test_a_usage_error_keeps_its_code_and_message(args: tuple[str, ...], code: int) -> None:
    done = _run("", *args)
    assert done.returncode == code
    assert done.stderr.startswith("error: ") and "hint: " in done.stderr


def test_a_message_instead_of_a_code_is_printed_and_exits_1() -> None:
    done = _run("import builder.cli.run as r\nr.main = lambda: sys.exit('stopped: a message')")
    assert done.returncode == 1 and done.stderr.strip() == "stopped: a message"
    assert "freed" not in done.stdout


def test_a_running_thread_takes_python_s_own_exit_which_waits_for_it() -> None:
    thread = "threading.Thread(target=lambda: (time.sleep(0.3), os.write(1, b'thread done\\n'))).start()"
    done = _run(thread, "--help")
    assert done.returncode == 0, done.stderr
    assert "thread done" in done.stdout and "freed" in done.stdout  # joined, then the objects freed


def test_the_forkserver_removes_its_socket_then_ends_at_once(tmp_path: Path) -> None:
    """Its exit handler, as the forkserver runs it: the socket and its folder go, and the process ends there,
    its objects left to the system (nothing after the handler runs, no object freed)."""
    folder = tmp_path / "pymp-test"
    folder.mkdir()
    socket = folder / "listener"
    socket.write_bytes(b"")
    code = (
        PROLOGUE
        + "from multiprocessing import forkserver\n"
        + "from builder.engines import forkserver_exit\n"
        + f"forkserver._forkserver._forkserver_address = {str(socket)!r}  # what the forkserver's main() sets\n"
        + "forkserver_exit._remove_socket_and_end()\n"
        + "print('went on')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and not folder.exists()


def test_in_the_build_process_the_forkserver_s_handler_does_nothing(tmp_path: Path) -> None:
    code = (
        PROLOGUE
        + "from builder.engines import forkserver_exit\nforkserver_exit._remove_socket_and_end()\nprint('went on')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.splitlines() == ["went on", "handler ran", "freed"], done.stderr
