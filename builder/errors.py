"""Typed exceptions raised by the library; only the CLI turns them into messages."""

from __future__ import annotations


class BuilderError(Exception):
    """Base class: every error the library raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint or self.hint


class ConfigError(BuilderError):
    """A schema or site profile shipped with the tool is malformed."""


class InputPathError(BuilderError):
    """A PATH given to the build does not exist or cannot be read."""

    hint = "check the path, or quote it if it contains spaces"


class OutputPathError(BuilderError):
    """An output folder cannot be used: it holds other files, an input, or cannot be written."""

    hint = "pass a folder that is missing, empty, or made by an earlier build"


class BuildLockedError(BuilderError):
    """Another build holds the lock on --out or --report."""

    hint = "wait for it to finish, or pass --wait to queue behind it"


class OutputWriteError(BuilderError):
    """Writing the dataset, the report or a temporary file failed (disk full, I/O error); nothing was replaced."""

    hint = "the previous dataset (if any) is untouched"


class OptionError(BuilderError):
    """An option value is out of range or malformed."""


class RejectedInputsError(BuilderError):
    """The build ran, but its rejects stop it from writing a dataset; `rejects_by_reason` says why."""

    def __init__(self, message: str, hint: str = "", rejects_by_reason: list[dict[str, object]] | None = None) -> None:
        super().__init__(message, hint)
        self.rejects_by_reason = rejects_by_reason or []


class NoRowsError(RejectedInputsError):
    """Every input was rejected: there is no dataset to write."""

    hint = "see the rejects table in the report folder for the reason of each input"


class ReconcileError(BuilderError):
    """Inputs found and outcomes (rows + rejects) differ: an input was lost on the way, a bug."""

    hint = "the report holds what came out; please report this with the command you ran"


class WorkerError(BuilderError):
    """A worker process died (killed, out of memory) or could not start."""

    hint = "run again; if it keeps failing, try --workers 1 to see the failing input"


class EngineMissingError(BuilderError):
    """The engine asked for (--engine ray) needs an optional extra that is not installed; the hint installs it."""


class EngineConnectError(BuilderError):
    """The engine's cluster cannot be reached or started (--ray-address, RAY_ADDRESS)."""

    hint = "check the address and that the cluster is up (`ray status` on its head node), or drop --ray-address"


class StrictModeError(RejectedInputsError):
    """--fail-on-reject was given and some inputs were rejected."""

    hint = "see the rejects table in the report folder, or drop --fail-on-reject"


class ChangesError(BuilderError):
    """A folder to compare (`builder diff`, --since) is not a readable dataset folder of `builder build`."""

    hint = "pass the --out folder of a `builder build`"


# `builder push` (builder/hub/): one class per problem, each with its fix-it hint and exit code.


class PushError(BuilderError):
    """Base of every error `push_dataset` raises on purpose."""

    exit_code = 1
    hint = "try again later; files already uploaded are not sent twice"


class DatasetFolderError(PushError):
    """The folder is not an intact `builder build` output; nothing was uploaded."""

    exit_code = 2
    hint = "push publishes a folder exactly as `builder build --out` wrote it; rebuild it"


class RepoIdError(PushError):
    """--repo-id is not OWNER/NAME."""

    exit_code = 2
    hint = "write it as OWNER/NAME, e.g. --repo-id alice/news-articles"


class NoTokenError(PushError):
    """No --token, no HF_TOKEN and no saved login."""

    hint = "set HF_TOKEN, pass --token, or run `hf auth login`"


class AuthError(PushError):
    """401: the Hub does not accept the token."""

    hint = "the token is invalid or expired; create a write token at https://huggingface.co/settings/tokens"


class ForbiddenError(PushError):
    """403: the token is valid but may not write to that namespace or repository."""

    hint = "use a token with write access to that namespace, or push to one you own"


class NamespaceNotFoundError(PushError):
    """404 when creating the repository: the OWNER does not exist."""

    hint = "check the OWNER part of --repo-id: your user name or an organization you belong to"


class NotFoundError(PushError):
    """404 on an existing namespace: the repository or branch cannot be seen with this token."""

    hint = "check --repo-id and --revision, and that the token can read the repository"


class OfflineError(PushError):
    """HF_HUB_OFFLINE=1: huggingface_hub refuses every request."""

    hint = "unset HF_HUB_OFFLINE to push"


class HubUnreachableError(PushError):
    """Connection refused, DNS failure, timeout: no HTTP answer at all."""

    hint = "check the network connection and HF_ENDPOINT, then run the same command again"


class RateLimitError(PushError):
    """429: too many requests."""

    hint = "wait a few minutes and run the same command again; files already uploaded are not sent twice"


class ConflictError(PushError):
    """409/412: the branch moved between the comparison and the commit; nothing was committed."""

    hint = "someone else committed meanwhile; run the same command again"


class HubError(PushError):
    """Any other refusal or failure of the Hub (5xx, unexpected answers)."""


class StageError(Exception):
    """A parent stage (builder.stages) failed unexpectedly, a bug: names the stage; the cause is chained.

    Not a BuilderError: it is reported as an unexpected error, with the stage in its message.
    """

    def __init__(self, stage: str, cause: Exception) -> None:
        super().__init__(f"in the parent stage {stage!r}: {type(cause).__name__}: {cause}")
        self.stage = stage
