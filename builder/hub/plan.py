"""What a push changes on the Hub: each file new, changed or unchanged, and stale shards deleted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from builder.export.layout import SHARD_PATH
from builder.hub.folder import LocalFile

if TYPE_CHECKING:
    from huggingface_hub.hf_api import RepoFile

Status = Literal["new", "changed", "unchanged", "deleted"]


@dataclass(frozen=True)
class FileChange:
    path_in_repo: str
    size: int  # of the uploaded bytes; of the remote file for a deletion
    status: Status


@dataclass(frozen=True)
class PushResult:
    repo_id: str
    revision: str
    files: tuple[FileChange, ...]
    dry_run: bool
    repo_created: bool = False  # on a dry run: would be created
    commit_url: str | None = None
    pr_url: str | None = None
    notes: tuple[str, ...] = ()
    compared: bool = True  # False: a dry run that could not reach the Hub lists every file as new
    comparison: str = ""  # says which of the two, in words: "compared with the Hub at URL" or why not

    @property
    def changes(self) -> list[FileChange]:
        return [f for f in self.files if f.status != "unchanged"]

    @property
    def upload_bytes(self) -> int:
        return sum(f.size for f in self.files if f.status in ("new", "changed"))


def _same(local: LocalFile, remote: RepoFile) -> bool:
    if local.size != remote.size:
        return False
    if remote.lfs is not None:
        return local.sha256 == remote.lfs.sha256
    return local.git_oid() == remote.blob_id


def plan(local: list[LocalFile], remote: dict[str, RepoFile]) -> list[FileChange]:
    """What a push changes: each local file new/changed/unchanged, and remote shards no longer built deleted."""
    changes = []
    for file in local:
        found = remote.get(file.path_in_repo)
        status: Status = "new" if found is None else "unchanged" if _same(file, found) else "changed"
        changes.append(FileChange(file.path_in_repo, file.size, status))
    ours = {file.path_in_repo for file in local}
    changes += [
        FileChange(p, f.size, "deleted") for p, f in sorted(remote.items()) if p not in ours and SHARD_PATH.fullmatch(p)
    ]
    return changes
