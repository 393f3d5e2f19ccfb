"""`builder push --dry-run` works offline: it compares with the Hub when it can, and says which it did."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from builder.hub import push_dataset
from tests.hub_server import Blob, HubServer
from tests.push_helpers import TOKEN, push, uploaded

pytest_plugins = ["tests.push_fixtures"]  # built, dataset, hub, in_process
# huggingface_hub's own LFS upload passes a file as `data=`, which httpx2 deprecates: not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning")

FILES = ("README.md", "data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet")
EVERY_FILE_NEW = "listing every file as new"


def free_port() -> int:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def assert_listed_as_new(stdout: str) -> None:
    """Every file on a row of the table with its status `new`, and the summary line of a dry run."""
    rows = [line for line in stdout.splitlines() if any(name in line for name in FILES)]
    assert len(rows) == len(FILES) and all("new" in row for row in rows), stdout
    assert "(dry run, not compared with the Hub)" in stdout
    assert "dry run: would upload 3 file(s)" in stdout and "nothing was uploaded" in stdout


@pytest.mark.parametrize("token", [TOKEN, None], ids=["token", "no-token"])
def test_offline_the_hub_is_not_contacted_and_every_file_is_listed(
    hub: HubServer, dataset: Path, token: str | None
) -> None:
    done = push(str(dataset), "--repo-id", "alice/news", "--dry-run", token=token, HF_HUB_OFFLINE="1")
    assert done.returncode == 0, done.stderr
    assert_listed_as_new(done.stdout)
    last = done.stdout.strip().splitlines()[-1]
    assert last == f"the Hub was not contacted: offline mode is on (HF_HUB_OFFLINE=1); {EVERY_FILE_NEW}"
    assert hub.state.requests == [] and done.stderr == ""


def test_an_unreachable_hub_is_said_and_every_file_is_listed(hub: HubServer, dataset: Path) -> None:
    port = free_port()
    done = push(str(dataset), "--repo-id", "alice/news", "--dry-run", HF_ENDPOINT=f"http://127.0.0.1:{port}")
    assert done.returncode == 0, done.stderr
    assert_listed_as_new(done.stdout)
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith(f"the Hub was unreachable: cannot reach the Hub at http://127.0.0.1:{port}")
    assert last.endswith(EVERY_FILE_NEW)


def test_a_reachable_hub_is_compared_with_and_said_so(hub: HubServer, dataset: Path) -> None:
    hub.state.create_repo("alice/news")
    repo = hub.state.repos["alice/news"]
    card = Blob(uploaded(dataset, "alice/news")["README.md"], lfs=False)
    repo.commit("main", "the card alone", {**repo.commits[repo.refs["main"]].files, "README.md": card})
    done = push(str(dataset), "--repo-id", "alice/news", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "README.md" in done.stdout and "unchanged" in done.stdout  # the Hub's card was read and compared
    assert "dry run: would upload 2 file(s)" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == f"compared with the Hub at {hub.url}"


def test_the_library_says_whether_it_compared(in_process: HubServer, dataset: Path) -> None:
    compared = push_dataset(dataset, "alice/news", dry_run=True, token=TOKEN)
    assert compared.compared and compared.comparison == f"compared with the Hub at {in_process.url}"
    in_process.state.stall = 3  # the first call and both retries get no answer
    unreachable = push_dataset(dataset, "alice/news", dry_run=True, token=TOKEN, timeout=0.5)
    assert not unreachable.compared and {f.status for f in unreachable.files} == {"new"}
    assert unreachable.comparison.startswith("the Hub was unreachable: no answer from the Hub within 0.5 s (GET ")
    assert unreachable.upload_bytes == sum(len(content) for content in uploaded(dataset, "alice/news").values())
