"""`builder push` against a local Hub-compatible server: what arrives, what is refused, and what is printed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from builder.build import BuildOptions, build
from builder.errors import ConflictError, DatasetFolderError, RepoIdError
from builder.export.parquet import DEFAULT_MAX_SHARD_BYTES
from builder.push import check_dataset_folder, push_dataset
from tests.conftest import files_of, run_cli_in_terminal
from tests.hub_server import HubServer, HubState, running_hub

# huggingface_hub's own LFS upload passes a file as `data=`, which httpx2 deprecates: not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning")

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "hf_test_alice_token"
NOW = datetime(2026, 11, 22, tzinfo=UTC)
UNSET = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH", "HF_OIDC_RESOURCE", "HF_HUB_OFFLINE",
         "TRANSFORMERS_OFFLINE", "HF_DEBUG", "HF_HUB_VERBOSITY", "HF_HUB_DISABLE_IMPLICIT_TOKEN")  # fmt: skip
# XET off: the server speaks classic LFS only. COLUMNS: rich tables do not wrap paths.
SETTINGS = {
    "HF_HUB_DISABLE_XET": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_UPDATE_CHECK": "1",
    "COLUMNS": "200",
}


def build_dataset(out: Path, max_shard_bytes: int = DEFAULT_MAX_SHARD_BYTES) -> Path:
    report = out.parent / f"{out.name}-report"
    build([ROOT / "data"], BuildOptions(out, report, now=NOW, workers=1, max_shard_bytes=max_shard_bytes))
    return out


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled samples as one shard, and as two shards of one row each."""
    root = tmp_path_factory.mktemp("push-builds")
    return {"one": build_dataset(root / "one"), "two": build_dataset(root / "two", max_shard_bytes=1)}


@pytest.fixture
def dataset(built: dict[str, Path], tmp_path: Path) -> Path:
    """A private copy of the two-shard build: tests may break it."""
    return Path(shutil.copytree(built["two"], tmp_path / "dataset"))


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[HubServer]:
    """A fresh server, and an environment where the CLI finds it and nothing else (no saved login, no real Hub)."""
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "hf-home").mkdir()
    with running_hub(HubState()) as server:
        for name, value in {**SETTINGS, "HF_ENDPOINT": server.url, "HF_HOME": str(tmp_path / "hf-home")}.items():
            monkeypatch.setenv(name, value)
        yield server


def push(*args: str, token: str | None = TOKEN, **env: str) -> subprocess.CompletedProcess[str]:
    """The real CLI in a fresh process, so huggingface_hub reads the environment at import, as it would for a user."""
    extra = {"HF_TOKEN": token} if token else {}
    return subprocess.run(
        [sys.executable, "-m", "builder.cli", "push", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **extra, **env},
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
    )


def snapshot(folder: Path) -> dict[str, tuple[bool, int]]:
    return {p.relative_to(folder).as_posix(): (p.is_dir(), p.stat().st_mtime_ns) for p in folder.rglob("*")}


def commits_in(hub: HubServer, repo_id: str) -> int:
    return len(hub.state.repos[repo_id].commits)  # on every branch and PR: a stray extra commit counts too


def head_message(hub: HubServer, repo_id: str, ref: str = "main") -> str:
    commit = hub.state.repos[repo_id].resolve(ref)
    assert commit is not None
    return commit.message


def writes(hub: HubServer) -> list[tuple[str, str]]:
    return [(method, path) for method, path in hub.state.requests if method != "GET"]


# -- pushes that succeed -------------------------------------------------------------------------------------------


def test_first_push_creates_the_repo_and_uploads_every_file_byte_identical(hub: HubServer, dataset: Path) -> None:
    before, local = snapshot(dataset), files_of(dataset)
    done = push(str(dataset), "--repo-id", "alice/news", "--commit-message", "First upload")
    assert done.returncode == 0, done.stderr
    repo = hub.state.repos["alice/news"]
    remote = repo.files()
    assert {path: remote[path] for path in local} == local  # every byte of the card and both shards
    assert set(remote) == {*local, ".gitattributes"}
    assert repo.private is False
    assert commits_in(hub, "alice/news") == 2  # the repo's initial commit, then ONE commit with everything
    assert head_message(hub, "alice/news") == "First upload"
    assert len(hub.state.lfs_puts) == 2  # the two shards went through LFS, once each
    assert "created alice/news; pushed 3 file(s)" in done.stdout
    assert "data/train-00001-of-00002.parquet" in done.stdout
    assert done.stderr == ""  # no progress bar when stderr is not a terminal
    assert snapshot(dataset) == before and files_of(dataset) == local  # push writes nothing into the folder


def test_second_push_of_the_same_folder_changes_nothing(hub: HubServer, dataset: Path) -> None:
    assert push(str(dataset), "--repo-id", "alice/news").returncode == 0
    puts, commits, sent = len(hub.state.lfs_puts), commits_in(hub, "alice/news"), len(writes(hub))
    again = push(str(dataset), "--repo-id", "alice/news")
    assert again.returncode == 0, again.stderr
    assert "nothing changed: alice/news@main already holds these 3 files; no commit made" in again.stdout
    assert again.stdout.count("unchanged") == 3
    assert commits_in(hub, "alice/news") == commits and len(hub.state.lfs_puts) == puts
    assert len(writes(hub)) == sent  # the second run only read: no preupload, no LFS, no commit
    dry = push(str(dataset), "--repo-id", "alice/news", "--dry-run", "-q")
    assert dry.stdout.startswith("dry run: nothing to upload") and len(writes(hub)) == sent


def test_interrupted_push_resumes_without_resending_held_files(hub: HubServer, dataset: Path) -> None:
    hub.state.fail_commits = 1  # the shards reach LFS storage, then the commit fails
    first = push(str(dataset), "--repo-id", "alice/news")
    assert first.returncode == 1
    assert first.stderr.startswith("error: the Hub answered 500") and "Traceback" not in first.stderr
    assert len(hub.state.lfs_puts) == 2 and commits_in(hub, "alice/news") == 1
    again = push(str(dataset), "--repo-id", "alice/news")
    assert again.returncode == 0, again.stderr
    assert len(hub.state.lfs_puts) == 2  # the LFS batch said both shards were held: not sent again
    assert files_of(dataset).items() <= hub.state.repos["alice/news"].files().items()


def test_a_smaller_rebuild_removes_stale_shards_in_the_same_commit(
    hub: HubServer, dataset: Path, built: dict[str, Path]
) -> None:
    assert push(str(dataset), "--repo-id", "alice/news").returncode == 0
    done = push(str(built["one"]), "--repo-id", "alice/news")
    assert done.returncode == 0, done.stderr
    assert "removing 2 stale shard(s)" in done.stdout
    remote = set(hub.state.repos["alice/news"].files())
    assert remote == {".gitattributes", "README.md", "data/train-00000-of-00001.parquet"}
    assert commits_in(hub, "alice/news") == 3


def test_private_creates_a_private_repo_and_leaves_an_existing_one_alone(hub: HubServer, dataset: Path) -> None:
    done = push(str(dataset), "--repo-id", "acme/news", "--private", "-q")
    assert done.returncode == 0, done.stderr
    assert hub.state.repos["acme/news"].private is True
    assert done.stdout.startswith("created acme/news; pushed 3 file(s)") and "┃" not in done.stdout  # -q: no table
    hub.state.create_repo("alice/news", private=False)
    public = push(str(dataset), "--repo-id", "alice/news", "--private", "-q")
    assert public.returncode == 0 and hub.state.repos["alice/news"].private is False
    assert "note: alice/news already exists and is public" in public.stderr


def test_revision_and_create_pr_leave_main_alone(hub: HubServer, dataset: Path) -> None:
    branch = push(str(dataset), "--repo-id", "alice/news", "--revision", "v2", "-q")
    assert branch.returncode == 0, branch.stderr
    pr = push(str(dataset), "--repo-id", "alice/pr", "--create-pr", "-q")
    assert pr.returncode == 0, pr.stderr
    assert f"pull request: {hub.url}/datasets/alice/pr/discussions/1" in pr.stdout
    news, pr_repo = hub.state.repos["alice/news"], hub.state.repos["alice/pr"]
    assert "README.md" in news.files("v2") and "README.md" in pr_repo.files("refs/pr/1")
    assert "README.md" not in news.files("main") and "README.md" not in pr_repo.files("main")


def test_saved_login_is_used_when_there_is_no_token_option(hub: HubServer, dataset: Path, tmp_path: Path) -> None:
    (tmp_path / "hf-home" / "token").write_text(TOKEN)  # what `hf auth login` saves
    done = push(str(dataset), "--repo-id", "alice/news", "-q", token=None)
    assert done.returncode == 0, done.stderr
    assert "alice/news" in hub.state.repos


def test_dry_run_lists_files_with_sizes_and_uploads_nothing(hub: HubServer, dataset: Path) -> None:
    done = push(str(dataset), "--repo-id", "alice/news", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "dry run: would create alice/news and upload 3 file(s)" in done.stdout
    assert "nothing was uploaded" in done.stdout
    for name in ("README.md", "data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet"):
        assert name in done.stdout
    size = (dataset / "README.md").stat().st_size
    assert f"{size / 1000:.1f} kB" in done.stdout
    assert hub.state.repos == {} and writes(hub) == [] and hub.state.lfs_puts == []


# -- refusals: one line on stderr, a non-zero exit, nothing uploaded ------------------------------------------------


def assert_refused(done: subprocess.CompletedProcess[str], hub: HubServer, code: int, *fragments: str) -> None:
    assert done.returncode == code, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    assert hub.state.lfs_puts == [] and not any(path.endswith("/commit/main") for _, path in writes(hub))


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


# -- the progress bar ------------------------------------------------------------------------------------------------


def push_in_terminal(*args: str) -> str:
    return run_cli_in_terminal("push", *args, env={"HF_TOKEN": TOKEN})


def test_progress_bar_on_a_terminal_and_not_with_quiet(hub: HubServer, dataset: Path) -> None:
    shown = push_in_terminal(str(dataset), "--repo-id", "alice/news")
    assert "uploading" in shown and "kB" in shown
    quiet = push_in_terminal(str(dataset), "--repo-id", "alice/other", "--quiet")
    assert "uploading" not in quiet and "alice/other" in hub.state.repos


# -- the library -----------------------------------------------------------------------------------------------------


@pytest.fixture
def in_process(hub: HubServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> HubServer:
    """huggingface_hub read its settings when this process imported it: point them at the server."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "ENDPOINT", hub.url)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_XET", True)
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", str(tmp_path / "no-saved-token"))
    return hub


def test_push_dataset_reports_progress_and_what_it_did(in_process: HubServer, dataset: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = push_dataset(dataset, "alice/news", token=TOKEN, progress=lambda sent, total: calls.append((sent, total)))
    total = sum(len(content) for content in files_of(dataset).values())
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [sent for sent, _ in calls] == sorted(sent for sent, _ in calls)
    assert result.repo_created and not result.dry_run and result.upload_bytes == total
    assert [(c.path_in_repo, c.status) for c in result.files] == [  # the card first, then the shards in order
        ("README.md", "new"),
        ("data/train-00000-of-00002.parquet", "new"),
        ("data/train-00001-of-00002.parquet", "new"),
    ]
    assert result.commit_url and result.commit_url.startswith(f"{in_process.url}/datasets/alice/news/commit/")


def test_a_dry_run_needs_no_token(in_process: HubServer, dataset: Path) -> None:
    in_process.state.create_repo("alice/news")
    result = push_dataset(dataset, "alice/news", dry_run=True)
    assert result.dry_run and not result.repo_created and result.upload_bytes > 0
    assert any("no token found" in note for note in result.notes)
    assert writes(in_process) == [] and result.commit_url is None


def test_a_commit_made_meanwhile_is_a_conflict_not_an_overwrite(in_process: HubServer, dataset: Path) -> None:
    in_process.state.create_repo("alice/news")

    def someone_else_commits(sent: int, total: int) -> None:
        if sent == 0:
            repo = in_process.state.repos["alice/news"]
            repo.commit("main", "concurrent edit", dict(repo.commits[repo.refs["main"]].files))

    with pytest.raises(ConflictError, match="changed on the Hub during the push"):
        push_dataset(dataset, "alice/news", token=TOKEN, progress=someone_else_commits)
    assert head_message(in_process, "alice/news") == "concurrent edit"


def test_build_push_to_builds_then_pushes(hub: HubServer, tmp_path: Path) -> None:
    out = tmp_path / "built"
    done = subprocess.run(
        [sys.executable, "-m", "builder.cli", "build", str(ROOT / "data"), "--out", str(out),
         "--report", str(tmp_path / "report"), "--now", "2026-11-22T00:00:00Z", "--push-to", "alice/pushed", "-q"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HF_TOKEN": TOKEN}, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    remote = hub.state.repos["alice/pushed"].files()
    assert {path: remote[path] for path in files_of(out)} == files_of(out)
    assert 'load_dataset("alice/pushed")' in remote["README.md"].decode()
    assert TOKEN not in done.stdout + done.stderr
