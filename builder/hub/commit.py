"""The Hub side of a push: what the branch holds, creating the repository, and the one commit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from builder.errors import NamespaceNotFoundError
from builder.hub.folder import LocalFile
from builder.hub.plan import PushResult
from builder.hub.session import retrying

if TYPE_CHECKING:
    from huggingface_hub import HfApi
    from huggingface_hub.hf_api import DatasetInfo, RepoFile

Progress = Callable[[int, int], None]  # (bytes sent so far, bytes to send)


def find_repo(api: HfApi, repo_id: str) -> DatasetInfo | None:
    """The repository, or None when the Hub says it does not exist (or this token cannot see it)."""
    from huggingface_hub.errors import RepositoryNotFoundError

    try:
        return retrying(lambda: api.dataset_info(repo_id))
    except RepositoryNotFoundError:
        return None


def remote_files(api: HfApi, repo_id: str, branch: str, dry_run: bool) -> tuple[str, dict[str, RepoFile]]:
    """The branch head and its files, listed at that commit so the commit can name it as its parent."""
    from huggingface_hub.errors import RevisionNotFoundError
    from huggingface_hub.hf_api import RepoFile

    try:
        head = retrying(lambda: api.dataset_info(repo_id, revision=branch).sha)
    except RevisionNotFoundError:
        if not dry_run:
            raise
        head = retrying(lambda: api.dataset_info(repo_id).sha)  # a dry run does not create the branch: main it is
    # the library retries a listing page itself when the Hub does not answer
    tree = api.list_repo_tree(repo_id, repo_type="dataset", revision=head, recursive=True)
    return str(head), {entry.path: entry for entry in tree if isinstance(entry, RepoFile)}


def create_repo(api: HfApi, repo_id: str, private: bool) -> None:
    from huggingface_hub.errors import HfHubHTTPError

    try:  # private=None when not asked: the namespace's default visibility applies
        api.create_repo(repo_id, repo_type="dataset", private=private or None, exist_ok=True)
    except HfHubHTTPError as err:
        if err.response.status_code != 404:
            raise
        raise NamespaceNotFoundError(f"namespace {repo_id.split('/')[0]!r} does not exist on the Hub") from err


def commit(
    api: HfApi,
    result: PushResult,
    local: list[LocalFile],
    head: str | None,
    create_pr: bool,
    commit_message: str | None,
    progress: Progress | None,
) -> PushResult:
    """Upload the new and changed files, then ONE commit with them and the deletions, pinned to `head`."""
    from huggingface_hub import CommitOperationAdd, CommitOperationDelete

    by_path = {file.path_in_repo: file for file in local}
    additions = []
    for change in result.changes:
        if change.status != "deleted":
            file = by_path[change.path_in_repo]
            source = file.content if file.content is not None else str(file.path)
            operation = CommitOperationAdd(path_in_repo=file.path_in_repo, path_or_fileobj=source)
            if "sha256" in file.__dict__:  # already hashed while comparing: spare the library a second read
                operation.upload_info.sha256 = bytes.fromhex(file.sha256)
            additions.append(operation)
    deletions = [CommitOperationDelete(c.path_in_repo) for c in result.changes if c.status == "deleted"]
    total, sent = result.upload_bytes, 0
    if progress:
        progress(0, total)
    for operation in additions:  # one file at a time so progress moves; objects the Hub holds are not re-sent
        api.preupload_lfs_files(
            result.repo_id, additions=[operation], repo_type="dataset", revision=result.revision,
            create_pr=create_pr, free_memory=False,
        )  # fmt: skip
        sent += operation.upload_info.size
        if progress:
            progress(sent, total)
    count = {status: sum(c.status == status for c in result.changes) for status in ("new", "changed", "deleted")}
    default = f"Upload dataset ({count['new']} new, {count['changed']} changed, {count['deleted']} removed files)"
    done = api.create_commit(
        result.repo_id,
        operations=[*additions, *deletions],
        commit_message=commit_message or default,
        repo_type="dataset",
        revision=result.revision,
        create_pr=create_pr,
        parent_commit=None if create_pr else head,  # refuse to commit over changes made since we compared
    )
    return replace(result, commit_url=done.commit_url, pr_url=done.pr_url)
