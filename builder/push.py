"""`push`: publish a folder made by `builder build` to the Hugging Face Hub in one commit; the library entry point.

All Hub traffic goes through huggingface_hub. The folder is checked before any request; files the Hub already holds
are "unchanged" and not sent; shards of an earlier, larger build are deleted in the same commit.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from builder.errors import (
    AuthError,
    ConflictError,
    DatasetFolderError,
    ForbiddenError,
    HubError,
    HubUnreachableError,
    NamespaceNotFoundError,
    NotFoundError,
    NoTokenError,
    OfflineError,
    PushError,
    RateLimitError,
    RepoIdError,
)

if TYPE_CHECKING:
    from huggingface_hub import HfApi
    from huggingface_hub.hf_api import RepoFile

CARD = "README.md"
MAIN = "main"
SHARD = re.compile(r"data/(?P<split>[\w.-]+?)-(?P<index>\d{5})-of-(?P<count>\d{5})\.parquet")
_TRANSPORT_ERRORS = {"TransportError", "ConnectionError", "TimeoutError"}  # httpx/httpx2, requests, builtins

Progress = Callable[[int, int], None]  # (bytes sent so far, bytes to send)
Status = Literal["new", "changed", "unchanged", "deleted"]


# -- the folder --------------------------------------------------------------------------------------------------------


@dataclass
class LocalFile:
    path_in_repo: str
    path: Path
    size: int

    @cached_property
    def sha256(self) -> str:
        with self.path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()

    def git_oid(self) -> str:
        """The git blob id, what the Hub lists for a file that is not in LFS."""
        return hashlib.sha1(b"blob %d\0" % self.size + self.path.read_bytes()).hexdigest()


def _card_layout(meta: dict[str, Any]) -> tuple[dict[str, str], dict[str, int], int | None]:
    """(split -> data_files pattern, split -> num_examples, download_size), as `builder build` writes them."""
    configs, info = meta.get("configs"), meta.get("dataset_info")
    if not (isinstance(configs, list) and len(configs) == 1 and isinstance(configs[0], dict)):
        raise DatasetFolderError("the card has no single `configs` entry: it was not written by `builder build`")
    files = configs[0].get("data_files")
    if not isinstance(files, list) or not all(isinstance(f, dict) and isinstance(f.get("path"), str) for f in files):
        raise DatasetFolderError("the card's `configs` lists no data_files per split")
    patterns = {str(f.get("split")): f["path"] for f in files}
    for split, pattern in patterns.items():
        if pattern != f"data/{split}-*":
            raise DatasetFolderError(f"split {split!r} reads {pattern!r}, not data/{split}-* as `builder build` writes")
    if not (isinstance(info, dict) and isinstance(info.get("splits"), list)):
        raise DatasetFolderError("the card has no `dataset_info.splits`: it was not written by `builder build`")
    counts = {str(s.get("name")): s.get("num_examples") for s in info["splits"] if isinstance(s, dict)}
    if set(counts) != set(patterns):
        raise DatasetFolderError(
            f"the card's configs list splits {sorted(patterns)} but dataset_info lists {sorted(counts)}"
        )
    size = info.get("download_size")
    return patterns, counts, size if isinstance(size, int) else None


def _rows(path: Path, name: str) -> int:
    import pyarrow.parquet as pq

    try:
        return int(pq.ParquetFile(path).metadata.num_rows)
    except Exception as err:  # pyarrow raises ArrowInvalid, OSError, ... for a damaged file
        raise DatasetFolderError(f"{name} is not a readable Parquet file ({type(err).__name__})") from err


def check_dataset_folder(folder: Path) -> list[LocalFile]:
    """The card and shards to upload, after checking they are intact `builder build` output; raises otherwise."""
    from huggingface_hub import DatasetCard

    if not folder.is_dir():
        raise DatasetFolderError(f"{folder} is not a folder", "pass the --out folder of `builder build`")
    card_path = folder / CARD
    if not card_path.is_file():
        raise DatasetFolderError(f"{folder} has no {CARD}: it is not a dataset made by `builder build`")
    try:
        meta = DatasetCard.load(card_path).data.to_dict()
    except Exception as err:  # malformed YAML header and the like
        raise DatasetFolderError(f"{card_path} is not a valid dataset card: {' '.join(str(err).split())}") from err
    patterns, counts, download_size = _card_layout(meta)

    shards: dict[str, list[str]] = {split: [] for split in patterns}
    stray: list[str] = []
    for path in sorted(p for p in folder.rglob("*") if not p.is_dir()):  # empty folders are never uploaded
        name = path.relative_to(folder).as_posix()
        match = SHARD.fullmatch(name)
        if match and match["split"] in patterns and fnmatchcase(name, patterns[match["split"]]):
            shards[match["split"]].append(name)
        elif name != CARD:
            stray.append(name)
    if stray:
        shown = ", ".join(stray[:3]) + (f" and {len(stray) - 3} more" if len(stray) > 3 else "")
        raise DatasetFolderError(f"unexpected file(s) in {folder}: {shown}")

    for split, names in shards.items():
        totals = {int(SHARD.fullmatch(name)["count"]) for name in names}  # type: ignore[index]
        expected = {f"data/{split}-{i:05d}-of-{n:05d}.parquet" for n in totals for i in range(n)}
        if not names:
            raise DatasetFolderError(f"split {split!r} is in the card but {folder} has no data/{split}-* shard")
        if len(totals) > 1:
            raise DatasetFolderError(f"split {split!r} mixes shards of different builds: {', '.join(names)}")
        if missing := sorted(expected - set(names)):
            raise DatasetFolderError(f"split {split!r} is incomplete: {missing[0]} is missing")
        rows = sum(_rows(folder / name, name) for name in names)
        if rows != counts[split]:
            raise DatasetFolderError(f"split {split!r}: the card says {counts[split]} examples, the shards hold {rows}")

    files = [LocalFile(CARD, card_path, card_path.stat().st_size)]
    files += [LocalFile(n, folder / n, (folder / n).stat().st_size) for names in shards.values() for n in sorted(names)]
    shard_bytes = sum(f.size for f in files[1:])
    if download_size is not None and download_size != shard_bytes:
        raise DatasetFolderError(f"the card says the shards weigh {download_size} bytes, they weigh {shard_bytes}")
    return files


# -- the plan ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileChange:
    path_in_repo: str
    size: int  # of the local file; of the remote one for a deletion
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
        FileChange(p, f.size, "deleted") for p, f in sorted(remote.items()) if p not in ours and SHARD.fullmatch(p)
    ]
    return changes


# -- the Hub -----------------------------------------------------------------------------------------------------------


def _one_line(text: str, token: str | None) -> str:
    text = " ".join(text.split())
    return (text.replace(token, "***") if token else text)[:300]


def _root_cause(err: BaseException) -> BaseException:
    """The library wraps upload failures (RuntimeError 'Error while uploading ...'): find the HTTP or network error."""
    from huggingface_hub.errors import HfHubHTTPError

    seen: BaseException | None = err
    for _ in range(10):
        if seen is None:
            break
        names = {cls.__name__ for cls in type(seen).__mro__}
        if isinstance(seen, HfHubHTTPError) or names & _TRANSPORT_ERRORS:
            return seen
        seen = seen.__cause__ or seen.__context__
    return err


def _translate(err: Exception, repo_id: str, branch: str, endpoint: str, token: str | None) -> PushError:
    from huggingface_hub.errors import HfHubHTTPError, OfflineModeIsEnabled, RevisionNotFoundError

    cause = _root_cause(err)
    if isinstance(cause, OfflineModeIsEnabled):
        return OfflineError("offline mode is on (HF_HUB_OFFLINE=1), the Hub was not contacted")
    if isinstance(cause, HfHubHTTPError):
        status = cause.response.status_code
        server = _one_line(cause.server_message or "", token)
        if status == 401:
            return AuthError("the Hub rejected the token (401 Unauthorized)")
        if status == 403:
            namespace = repo_id.split("/")[0]
            hint = f"use a token with write access to {namespace!r}, or push to a namespace you own"
            return ForbiddenError(f"the token may not write to {repo_id} (403 Forbidden)", hint)
        if status == 404 and isinstance(cause, RevisionNotFoundError):
            return NotFoundError(f"branch {branch!r} does not exist in {repo_id} (404)")
        if status == 404:
            return NotFoundError(f"{repo_id} was not found, or the token cannot see it (404)")
        if status == 429:
            wait = cause.response.headers.get("Retry-After", "")
            hint = f"wait {wait} seconds and run the same command again" if wait.isdigit() else RateLimitError.hint
            return RateLimitError("the Hub's rate limit was reached (429 Too Many Requests)", hint)
        if status in (409, 412):
            return ConflictError(f"{repo_id} changed on the Hub during the push ({status})")
        return HubError(f"the Hub answered {status} {cause.response.reason_phrase}" + (f": {server}" if server else ""))
    if {cls.__name__ for cls in type(cause).__mro__} & _TRANSPORT_ERRORS:
        return HubUnreachableError(f"cannot reach the Hub at {endpoint} ({type(cause).__name__})")
    return HubError(f"push failed: {type(cause).__name__}: {_one_line(str(cause), token)}")


def _remote(api: HfApi, repo_id: str, branch: str, dry_run: bool) -> tuple[str, dict[str, RepoFile]]:
    """The branch head and its files, listed at that commit so the commit can name it as its parent."""
    from huggingface_hub.errors import RevisionNotFoundError
    from huggingface_hub.hf_api import RepoFile

    try:
        head = api.dataset_info(repo_id, revision=branch).sha
    except RevisionNotFoundError:
        if not dry_run:
            raise
        head = api.dataset_info(repo_id).sha  # a dry run does not create the branch; a push starts it from main
    tree = api.list_repo_tree(repo_id, repo_type="dataset", revision=head, recursive=True)
    return str(head), {entry.path: entry for entry in tree if isinstance(entry, RepoFile)}


def _check_repo_id(repo_id: str) -> None:
    from huggingface_hub.errors import HFValidationError
    from huggingface_hub.utils import validate_repo_id

    try:
        validate_repo_id(repo_id)  # the Hub's rules on characters, length, "--" and ".."
    except HFValidationError:
        raise RepoIdError(f"{repo_id!r} is not a repository id") from None
    if repo_id.count("/") != 1:
        raise RepoIdError(f"{repo_id!r} is not of the form OWNER/NAME")


def _resolve_token(token: str | None, dry_run: bool) -> str | None:
    """--token, else HF_TOKEN, else the saved login; a dry run may go without (it only reads)."""
    from huggingface_hub import get_token

    try:
        token = (token or "").strip() or get_token()
    except Exception as err:  # get_token raises when HF_OIDC_RESOURCE is set but the exchange fails
        raise NoTokenError(f"could not get a token ({type(err).__name__})") from None
    if token is None and not dry_run:
        raise NoTokenError("no Hugging Face token found")
    return token


def _create_repo(api: HfApi, repo_id: str, private: bool) -> None:
    from huggingface_hub.errors import HfHubHTTPError

    try:  # private=None when not asked: the namespace's default visibility applies
        api.create_repo(repo_id, repo_type="dataset", private=private or None, exist_ok=True)
    except HfHubHTTPError as err:
        if err.response.status_code != 404:
            raise
        raise NamespaceNotFoundError(f"namespace {repo_id.split('/')[0]!r} does not exist on the Hub") from err


def _commit(
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
            operation = CommitOperationAdd(path_in_repo=file.path_in_repo, path_or_fileobj=str(file.path))
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
    commit = api.create_commit(
        result.repo_id,
        operations=[*additions, *deletions],
        commit_message=commit_message or default,
        repo_type="dataset",
        revision=result.revision,
        create_pr=create_pr,
        parent_commit=None if create_pr else head,  # refuse to commit over changes made since we compared
    )
    return replace(result, commit_url=commit.commit_url, pr_url=commit.pr_url)


def push_dataset(
    folder: Path | str,
    repo_id: str,
    *,
    token: str | None = None,
    private: bool = False,
    revision: str | None = None,
    create_pr: bool = False,
    commit_message: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> PushResult:
    """Check `folder`, create the dataset repo if needed, and commit what changed in one commit (nothing on a dry run).

    `progress(sent, total)` is called with bytes as files are uploaded. Raises a `PushError` subclass on any problem.
    """
    from huggingface_hub import HfApi
    from huggingface_hub.errors import RepositoryNotFoundError

    from builder import __version__

    _check_repo_id(repo_id)
    local = check_dataset_folder(Path(folder))
    token = _resolve_token(token, dry_run)
    branch = revision or MAIN
    # token=False: never let the library fall back to a token other than the one resolved here
    api = HfApi(token=token or False, library_name="builder", library_version=__version__)
    notes = [] if token else ["no token found: compared with what anonymous users can see"]
    try:
        try:
            info = api.dataset_info(repo_id)
        except RepositoryNotFoundError:
            info = None
        if info is None and not dry_run:
            _create_repo(api, repo_id, private)
        if info is not None and private and not info.private:
            notes.append(f"{repo_id} already exists and is public: --private only applies when creating it")
        head, remote = None, {}
        if info is not None or not dry_run:
            if revision and not revision.startswith("refs/") and not dry_run:
                api.create_branch(repo_id, repo_type="dataset", branch=revision, exist_ok=True)
            head, remote = _remote(api, repo_id, branch, dry_run)
        result = PushResult(repo_id, branch, tuple(plan(local, remote)), dry_run, info is None, notes=tuple(notes))
        if dry_run or not result.changes:
            return result
        return _commit(api, result, local, head, create_pr, commit_message, progress)
    except PushError:
        raise
    except Exception as err:  # HTTP errors and plain connection errors alike become typed, token-free errors
        raise _translate(err, repo_id, branch, api.endpoint, token) from err
