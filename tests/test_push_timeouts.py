"""A Hub that accepts a connection and never answers: `--timeout` bounds every wait, reads are retried, then one line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from builder.errors import HubUnreachableError
from builder.hub import push_dataset
from tests.hub_server import HubServer, HubState, running_hub
from tests.push_helpers import TOKEN, assert_refused, push, uploaded

pytest_plugins = ["tests.push_fixtures"]  # built, dataset, hub, in_process
# huggingface_hub's own LFS upload passes a file as `data=`, which httpx2 deprecates: not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning")

NEVER = 10**9  # requests left unanswered: all of them
ATTEMPTS = 3  # a call that changes nothing is made again twice before the push gives up


def test_a_silent_hub_fails_in_seconds_with_one_line(hub: HubServer, dataset: Path) -> None:
    with running_hub(HubState(stall=NEVER)) as silent:
        started = time.monotonic()
        done = push(str(dataset), "--repo-id", "alice/news", "--timeout", "1", within=20, HF_ENDPOINT=silent.url)
        elapsed = time.monotonic() - started
        url = f"{silent.url}/api/datasets/alice/news"
        assert_refused(done, silent, 1, f"no answer from the Hub within 1 s (GET {url})", "--timeout")
        assert silent.state.requests == [("GET", "/api/datasets/alice/news")] * ATTEMPTS
    assert elapsed < 12  # 3 waits of 1 s, 1.5 s between them, and the start of a Python process


def test_a_hub_that_stalls_once_is_asked_again(hub: HubServer, dataset: Path) -> None:
    hub.state.stall = 1  # the first request gets no answer; the ones after are served
    done = push(str(dataset), "--repo-id", "alice/news", "--timeout", "1", "-q", within=30)
    assert done.returncode == 0, done.stderr
    assert hub.state.requests[:2] == [("GET", "/api/datasets/alice/news")] * 2
    assert hub.state.repos["alice/news"].files()["README.md"] == uploaded(dataset, "alice/news")["README.md"]


def test_the_library_gives_up_after_the_timeout(in_process: HubServer, dataset: Path) -> None:
    in_process.state.stall = NEVER
    started = time.monotonic()
    with pytest.raises(HubUnreachableError, match=r"no answer from the Hub within 0\.5 s \(GET http://127\.0\.0\.1"):
        push_dataset(dataset, "alice/news", token=TOKEN, timeout=0.5)
    assert time.monotonic() - started < 5
    assert in_process.state.repos == {} and in_process.state.lfs_puts == []


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_a_timeout_that_is_not_a_positive_number_is_refused(hub: HubServer, dataset: Path, value: str) -> None:
    done = push(str(dataset), "--repo-id", "alice/news", "--timeout", value)
    assert done.returncode == 2 and done.stderr.startswith("error: invalid value for '--timeout'")
    assert hub.state.requests == []
