"""`push_dataset`: check a folder made by `builder build`, then publish it to the Hub in one commit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from builder.errors import HubUnreachableError, NoTokenError, OfflineError, OptionError, PushError, RepoIdError
from builder.hub.commit import Progress, commit, create_repo, find_repo, remote_files
from builder.hub.folder import LocalFile, check_dataset_folder
from builder.hub.hub_card import card_for_hub
from builder.hub.hub_errors import PushContext, translate
from builder.hub.plan import FileChange, PushResult, plan
from builder.hub.redact import redact, redacted_error
from builder.hub.session import DEFAULT_TIMEOUT, hub_session

if TYPE_CHECKING:
    from huggingface_hub import HfApi
    from huggingface_hub.hf_api import RepoFile

MAIN = "main"
EVERY_FILE_NEW = "listing every file as new"


@dataclass(frozen=True)
class _Request:
    repo_id: str
    branch: str
    revision: str | None
    private: bool
    create_pr: bool
    commit_message: str | None
    dry_run: bool
    anonymous: bool  # no token: the comparison sees what anyone can see


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


def _publish(
    api: HfApi, request: _Request, local: list[LocalFile], notes: list[str], progress: Progress | None
) -> PushResult:
    """Compare with the branch, then (unless a dry run or nothing changed) create what is missing and commit."""
    repo_id, dry_run = request.repo_id, request.dry_run
    notes = [*notes, "no token found: compared with what anonymous users can see"] if request.anonymous else [*notes]
    info = find_repo(api, repo_id)
    if info is None and not dry_run:
        create_repo(api, repo_id, request.private)
    if info is not None and request.private and not info.private:
        notes.append(f"{repo_id} already exists and is public: --private only applies when creating it")
    head: str | None = None
    remote: dict[str, RepoFile] = {}
    if info is not None or not dry_run:
        if request.revision and not request.revision.startswith("refs/") and not dry_run:
            api.create_branch(repo_id, repo_type="dataset", branch=request.revision, exist_ok=True)
        head, remote = remote_files(api, repo_id, request.branch, dry_run)
    result = PushResult(
        repo_id, request.branch, tuple(plan(local, remote)), dry_run, info is None,
        notes=tuple(notes), comparison=f"compared with the Hub at {api.endpoint}",
    )  # fmt: skip
    if dry_run or not result.changes:
        return result
    return commit(api, result, local, head, request.create_pr, request.commit_message, progress)


def _listing_without_the_hub(request: _Request, local: list[LocalFile], notes: list[str], why: PushError) -> PushResult:
    """A dry run the Hub could not answer: every file is listed as new, and the result says why."""
    if isinstance(why, OfflineError):
        comparison = f"the Hub was not contacted: offline mode is on (HF_HUB_OFFLINE=1); {EVERY_FILE_NEW}"
    else:
        comparison = f"the Hub was unreachable: {why}; {EVERY_FILE_NEW}"
    files = tuple(FileChange(file.path_in_repo, file.size, "new") for file in local)
    return PushResult(
        request.repo_id, request.branch, files, True, notes=tuple(notes), compared=False, comparison=comparison
    )


def _files_for_hub(folder: Path, repo_id: str) -> tuple[list[LocalFile], list[str]]:
    """The checked folder's files as the Hub gets them (the card loads `repo_id`), and notes on them."""
    local = check_dataset_folder(folder)
    card, card_note = card_for_hub(local[0], repo_id)
    return [card, *local[1:]], [card_note] if card_note else []


def _push(
    request: _Request,
    local: list[LocalFile],
    notes: list[str],
    token: str | None,
    progress: Progress | None,
    timeout: float,
) -> PushResult:
    """Compare and commit through the Hub; a dry run the Hub cannot answer lists every file as new instead."""
    from huggingface_hub import HfApi

    from builder import __version__

    # token=False: never let the library fall back to a token other than the one resolved here
    api = HfApi(token=token or False, library_name="builder", library_version=__version__)
    try:
        try:
            with hub_session(timeout):
                return _publish(api, request, local, notes, progress)
        except PushError:
            raise
        except Exception as err:  # HTTP errors and plain connection errors alike become typed errors
            raise translate(err, PushContext(request.repo_id, request.branch, api.endpoint, timeout)) from err
    except (OfflineError, HubUnreachableError) as err:
        if not request.dry_run:
            raise
        return _listing_without_the_hub(request, local, notes, err)


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
    timeout: float = DEFAULT_TIMEOUT,
) -> PushResult:
    """Check `folder`, create the dataset repo if needed, and commit what changed in one commit (nothing on a dry run).

    The card is uploaded with its `load_dataset` snippet naming `repo_id`; the folder itself is never written.
    A dry run that cannot reach the Hub (offline mode, no network, no answer) lists every file as new instead of
    failing. `timeout` bounds every wait on the Hub, in seconds. `progress(sent, total)` is called with bytes as files
    are uploaded. Raises a `PushError` subclass on any problem; no message it raises or returns holds a token.
    """
    if not timeout > 0:
        raise OptionError(f"the timeout must be a positive number of seconds, not {timeout}")
    in_use = token
    try:
        _check_repo_id(repo_id)
        local, notes = _files_for_hub(Path(folder), repo_id)
        in_use = _resolve_token(token, dry_run)
        request = _Request(repo_id, revision or MAIN, revision, private, create_pr, commit_message, dry_run, not in_use)
        result = _push(request, local, notes, in_use, progress, timeout)
    except PushError as err:  # the one place every error of a push passes: tokens from any source are masked here
        raise redacted_error(err, token, in_use)  # noqa: B904 (chained to its cause there, unless that holds a token)
    return replace(
        result,
        notes=tuple(redact(note, in_use) for note in result.notes),
        comparison=redact(result.comparison, in_use),
        commit_url=result.commit_url and redact(result.commit_url, in_use),
        pr_url=result.pr_url and redact(result.pr_url, in_use),
    )
