"""`builder push` against a local Hub-compatible server: pushes that succeed, the progress bar, the library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder.errors import ConflictError
from builder.hub import push_dataset
from tests.conftest import files_of, run_cli_in_terminal
from tests.hub_server import HubServer
from tests.push_helpers import (
    ROOT,
    TOKEN,
    commits_in,
    head_message,
    push,
    snapshot,
    uploaded,
    writes,
)

pytest_plugins = ["tests.push_fixtures"]  # built, dataset, hub, in_process
# huggingface_hub's own LFS upload passes a file as `data=`, which httpx2 deprecates: not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning")

# -- pushes that succeed -------------------------------------------------------------------------------------------


def test_first_push_creates_the_repo_and_uploads_every_file_byte_identical(hub: HubServer, dataset: Path) -> None:
    before, local = snapshot(dataset), files_of(dataset)
    done = push(str(dataset), "--repo-id", "alice/news", "--commit-message", "First upload")
    assert done.returncode == 0, done.stderr
    repo = hub.state.repos["alice/news"]
    remote = repo.files()
    assert {path: remote[path] for path in local} == uploaded(dataset, "alice/news")  # every byte of all 3 files
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
    assert uploaded(dataset, "alice/news").items() <= hub.state.repos["alice/news"].files().items()


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


# -- the progress bar ------------------------------------------------------------------------------------------------


def push_in_terminal(*args: str) -> str:
    return run_cli_in_terminal("push", *args, env={"HF_TOKEN": TOKEN})


def test_progress_bar_on_a_terminal_and_not_with_quiet(hub: HubServer, dataset: Path) -> None:
    shown = push_in_terminal(str(dataset), "--repo-id", "alice/news")
    assert "uploading" in shown and "kB" in shown
    quiet = push_in_terminal(str(dataset), "--repo-id", "alice/other", "--quiet")
    assert "uploading" not in quiet and "alice/other" in hub.state.repos


# -- the library -----------------------------------------------------------------------------------------------------


def test_push_dataset_reports_progress_and_what_it_did(in_process: HubServer, dataset: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = push_dataset(dataset, "alice/news", token=TOKEN, progress=lambda sent, total: calls.append((sent, total)))
    total = sum(len(content) for content in uploaded(dataset, "alice/news").values())
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
        [sys.executable, "-m", "builder.cli.main", "build", str(ROOT / "data"), "--out", str(out),
         "--report", str(tmp_path / "report"), "--now", "2026-11-22T00:00:00Z", "--push-to", "alice/pushed", "-q"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HF_TOKEN": TOKEN}, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    remote = hub.state.repos["alice/pushed"].files()
    assert {path: remote[path] for path in files_of(out)} == files_of(out)
    assert 'load_dataset("alice/pushed")' in remote["README.md"].decode()
    assert TOKEN not in done.stdout + done.stderr
