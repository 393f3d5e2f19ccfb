"""`builder push` refusals: one `error:` line, a non-zero exit, nothing uploaded; and no token in any output."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.errors import DatasetFolderError, RepoIdError
from builder.hub import check_dataset_folder, push_dataset
from tests.hub_server import HubServer
from tests.push_helpers import TOKEN, assert_refused, push, writes

pytest_plugins = ["tests.push_fixtures"]  # built, dataset, hub, in_process
# huggingface_hub's own LFS upload passes a file as `data=`, which httpx2 deprecates: not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning")


def test_no_token(hub: HubServer, dataset: Path) -> None:
    done = push(str(dataset), "--repo-id", "alice/news", token=None)
    assert_refused(done, hub, 1, "no Hugging Face token found", "set HF_TOKEN", "hf auth login")
    assert hub.state.requests == []


def test_invalid_token_is_a_401(hub: HubServer, dataset: Path) -> None:
    done = push(str(dataset), "--repo-id", "alice/news", token="hf_revoked_token")
    assert_refused(done, hub, 1, "the Hub rejected the token (401 Unauthorized)", "huggingface.co/settings/tokens")


@pytest.mark.parametrize("existing", [False, True], ids=["create-refused", "commit-refused"])
def test_a_namespace_the_token_cannot_write_is_a_403(hub: HubServer, dataset: Path, existing: bool) -> None:
    if existing:  # a public repo of bob: readable, so the refusal comes at upload time
        hub.state.create_repo("bob/news")
    done = push(str(dataset), "--repo-id", "bob/news")
    assert_refused(done, hub, 1, "the token may not write to bob/news (403 Forbidden)", "write access to 'bob'")
    assert ("POST", "/api/repos/create") in writes(hub) or existing


def test_a_missing_namespace_is_a_404(hub: HubServer, dataset: Path) -> None:
    done = push(str(dataset), "--repo-id", "nobody/news")
    assert_refused(done, hub, 1, "namespace 'nobody' does not exist on the Hub", "OWNER part of --repo-id")
    assert hub.state.repos == {}


def test_rate_limit_is_a_429(hub: HubServer, dataset: Path) -> None:
    hub.state.rate_limited = True
    done = push(str(dataset), "--repo-id", "alice/news")
    assert_refused(done, hub, 1, "rate limit was reached (429", "wait 42 seconds")


def test_unreachable_endpoint(hub: HubServer, dataset: Path) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = push(str(dataset), "--repo-id", "alice/news", HF_ENDPOINT=f"http://127.0.0.1:{port}")
    assert_refused(done, hub, 1, f"cannot reach the Hub at http://127.0.0.1:{port}", "check the network")
    assert hub.state.requests == []


def test_offline_mode(hub: HubServer, dataset: Path) -> None:
    done = push(str(dataset), "--repo-id", "alice/news", HF_HUB_OFFLINE="1")
    assert_refused(done, hub, 1, "offline mode is on (HF_HUB_OFFLINE=1)", "unset HF_HUB_OFFLINE")
    assert hub.state.requests == []


def test_malformed_repo_id(hub: HubServer, dataset: Path) -> None:
    assert_refused(push(str(dataset), "--repo-id", "alice/bad name"), hub, 2, "'alice/bad name'", "OWNER/NAME")
    assert hub.state.requests == []


@pytest.mark.parametrize("repo_id", ["alice", "a/b/c", "alice/"])
def test_repo_ids_that_are_not_owner_slash_name(dataset: Path, repo_id: str) -> None:
    with pytest.raises(RepoIdError):
        push_dataset(dataset, repo_id, token=TOKEN)


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new))


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


# how to break a built folder -> what the error says
FOLDER_PROBLEMS: dict[str, tuple[Callable[[Path], object], str]] = {
    "stray file": (lambda d: (d / "notes.txt").write_text("todo"), "unexpected file(s) in"),
    "build leftover": (lambda d: (d / "data/.train-00002.parquet.partial").write_bytes(b""), "partial"),
    "missing card": (lambda d: (d / "README.md").unlink(), "has no README.md"),
    "count mismatch": (
        lambda d: edit(d / "README.md", "num_examples: 2", "num_examples: 3"),
        "split 'train': the card says 3 examples, the shards hold 2",
    ),
    "missing shard": (
        lambda d: (d / "data/train-00001-of-00002.parquet").unlink(),
        "split 'train' is incomplete: data/train-00001-of-00002.parquet is missing",
    ),
    "damaged shard": (
        lambda d: truncate(d / "data/train-00000-of-00002.parquet"),
        "data/train-00000-of-00002.parquet is not a readable Parquet file",
    ),
    "foreign card": (lambda d: edit(d / "README.md", "configs:", "other:"), "was not written by `builder build`"),
    "broken yaml": (lambda d: edit(d / "README.md", "license: other", "license: [other"), "not a valid dataset card"),
}


@pytest.mark.parametrize("how", ["stray file", "missing card", "count mismatch"])
def test_an_invalid_folder_is_refused_before_any_request(hub: HubServer, dataset: Path, how: str) -> None:
    breaks, message = FOLDER_PROBLEMS[how]
    breaks(dataset)
    assert_refused(push(str(dataset), "--repo-id", "alice/news"), hub, 2, message, "builder build")
    assert hub.state.requests == []


@pytest.mark.parametrize("how", sorted(FOLDER_PROBLEMS))
def test_each_folder_problem_is_named(dataset: Path, how: str) -> None:
    breaks, message = FOLDER_PROBLEMS[how]
    breaks(dataset)
    with pytest.raises(DatasetFolderError) as caught:
        check_dataset_folder(dataset)
    assert message in str(caught.value)


def test_token_never_appears_in_any_output(hub: HubServer, dataset: Path) -> None:
    secret = "hf_secretvalue_never_printed_0123456789"
    hub.state.tokens[secret] = "alice"
    debug = {"HF_DEBUG": "1", "HF_HUB_VERBOSITY": "debug"}
    runs = [
        push(str(dataset), "--repo-id", "alice/news", "--token", secret, token=None, **debug),
        push(str(dataset), "--repo-id", "bob/news", "--token", secret, token=None, **debug),  # a 403
        push(str(dataset), "--repo-id", "alice/news", token="hf_wrong_secret_987654321", **debug),  # a 401
    ]
    assert [done.returncode for done in runs] == [0, 1, 1]
    assert "curl" in runs[0].stderr  # debug logging was really on: every request was logged
    for done in runs:
        assert secret not in done.stdout + done.stderr
        assert "hf_wrong_secret_987654321" not in done.stdout + done.stderr
