"""What the `builder push` tests share besides fixtures: the CLI in a fresh process, settings, and probes."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from builder.build import BuildOptions, build
from builder.export.parquet import DEFAULT_MAX_SHARD_BYTES
from tests.conftest import files_of
from tests.hub_server import HubServer

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "hf_test_alice_token"
NOW = datetime(2026, 11, 22, tzinfo=UTC)
UNSET = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH", "HF_OIDC_RESOURCE", "HF_HUB_OFFLINE",
         "TRANSFORMERS_OFFLINE", "HF_DEBUG", "HF_HUB_VERBOSITY", "HF_HUB_DISABLE_IMPLICIT_TOKEN",
         "DISABLE_TELEMETRY", "DO_NOT_TRACK", "HF_STORED_TOKENS_PATH")  # fmt: skip
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


def push(*args: str, token: str | None = TOKEN, within: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    """The real CLI in a fresh process, so huggingface_hub reads the environment at import, as it would for a user.

    A run that takes more than `within` seconds fails the test (subprocess.TimeoutExpired).
    """
    extra = {"HF_TOKEN": token} if token else {}
    return subprocess.run(
        [sys.executable, "-m", "builder.cli.main", "push", *args],
        capture_output=True,
        text=True,
        timeout=within,
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


def assert_refused(done: subprocess.CompletedProcess[str], hub: HubServer, code: int, *fragments: str) -> None:
    """One `error:` line on stderr, the exit code, each fragment in the line, and nothing uploaded or committed."""
    assert done.returncode == code, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert hub.state.lfs_puts == [] and not any(path.endswith("/commit/main") for _, path in writes(hub))


def card_for(repo_id: str, local_card: bytes) -> bytes:
    """The card the Hub should hold: the local one with its load snippet naming `repo_id`, not the folder."""
    text = local_card.decode()
    start = text.index('\ndataset = load_dataset("') + len('\ndataset = load_dataset("')
    return (text[:start] + repo_id + text[text.index('")', start) :]).encode()


def uploaded(folder: Path, repo_id: str) -> dict[str, bytes]:
    """What the Hub should hold after a push of `folder`: its files, the card's load snippet naming `repo_id`."""
    files = files_of(folder)
    return {**files, "README.md": card_for(repo_id, files["README.md"])}
