"""What the local Hub of the tests holds: users and tokens, repositories with their commits, LFS objects, and the
knobs that make it misbehave on purpose. `tests/hub_server.py` serves it over HTTP."""

from __future__ import annotations

import hashlib
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

MAIN = "main"
GITATTRIBUTES = b"*.parquet filter=lfs diff=lfs merge=lfs -text\n"


def git_sha1(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def lfs_pointer(data: bytes) -> bytes:
    oid = hashlib.sha256(data).hexdigest()
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {len(data)}\n".encode()


@dataclass
class Blob:
    content: bytes
    lfs: bool

    def entry(self, path: str) -> dict[str, Any]:
        """A file as the tree endpoint lists it (the git oid of an LFS file is the one of its pointer)."""
        if not self.lfs:
            return {"type": "file", "path": path, "size": len(self.content), "oid": git_sha1(self.content)}
        pointer = lfs_pointer(self.content)
        lfs = {"oid": hashlib.sha256(self.content).hexdigest(), "size": len(self.content), "pointerSize": len(pointer)}
        return {"type": "file", "path": path, "size": len(self.content), "oid": git_sha1(pointer), "lfs": lfs}


@dataclass
class Commit:
    oid: str
    message: str
    files: dict[str, Blob]
    parent: str | None = None


@dataclass
class Repo:
    repo_id: str
    private: bool
    refs: dict[str, str] = field(default_factory=dict)  # branch or refs/pr/N -> commit oid
    commits: dict[str, Commit] = field(default_factory=dict)
    prs: int = 0

    def commit(self, ref: str, message: str, files: dict[str, Blob]) -> Commit:
        commit = Commit(secrets.token_hex(20), message, files, self.refs.get(ref))
        self.commits[commit.oid] = commit
        self.refs[ref] = commit.oid
        return commit

    def resolve(self, revision: str) -> Commit | None:
        oid = self.refs.get(revision, revision)
        return self.commits.get(oid)

    def files(self, revision: str = MAIN) -> dict[str, bytes]:
        commit = self.resolve(revision)
        return {path: blob.content for path, blob in commit.files.items()} if commit else {}


@dataclass
class HubState:
    """Users, tokens, repos and LFS storage; the knobs at the bottom make the server misbehave on purpose."""

    tokens: dict[str, str] = field(default_factory=lambda: {"hf_test_alice_token": "alice"})
    # namespaces each user may write to; a namespace absent from every set and from `namespaces` does not exist
    writable: dict[str, set[str]] = field(default_factory=lambda: {"alice": {"alice", "acme"}})
    namespaces: set[str] = field(default_factory=lambda: {"alice", "acme", "bob"})
    repos: dict[str, Repo] = field(default_factory=dict)
    lfs: dict[str, bytes] = field(default_factory=dict)  # sha256 -> content
    lfs_puts: list[str] = field(default_factory=list)  # every LFS object received, in order (resume checks)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path) of every request
    rate_limited: bool = False
    fail_commits: int = 0  # answer the next N commits with a 500, after the LFS uploads went through
    stall: int = 0  # accept the next N requests and never answer them (the connection stays open until shutdown)
    echo_authorization: int | None = None  # answer every API call with this status, echoing the Authorization header
    echo_padding: int = 0  # characters of filler before the echo, to move the token along the message
    agent_harnesses: Any = None  # what GET /api/agent-harnesses answers (a 404 when None), e.g. a malformed registry
    lock: threading.Lock = field(default_factory=threading.Lock)
    closing: threading.Event = field(default_factory=threading.Event)  # set at shutdown: stalled requests end

    def can_write(self, user: str | None, namespace: str) -> bool:
        return user is not None and namespace in self.writable.get(user, set())

    def create_repo(self, repo_id: str, private: bool = False) -> Repo:
        repo = self.repos[repo_id] = Repo(repo_id, private)
        repo.commit(MAIN, "initial commit", {".gitattributes": Blob(GITATTRIBUTES, lfs=False)})
        return repo
