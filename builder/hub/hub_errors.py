"""Errors of huggingface_hub and of the network, translated into typed `PushError`s with fix-it hints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from builder.errors import (
    AuthError,
    ConflictError,
    ForbiddenError,
    HubError,
    HubUnreachableError,
    NotFoundError,
    OfflineError,
    PushError,
    RateLimitError,
)
from builder.hub.session import error_names, is_timeout

if TYPE_CHECKING:
    from huggingface_hub.errors import HfHubHTTPError

_TRANSPORT_ERRORS = {"TransportError", "ConnectionError", "TimeoutError"}  # httpx/httpx2, requests, builtins
_TIMEOUT_HINT = "check the network connection and HF_ENDPOINT, or allow more time with --timeout; then run again"


@dataclass(frozen=True)
class PushContext:
    """What a translated message may name."""

    repo_id: str
    branch: str
    endpoint: str
    timeout: float


def _one_line(text: str) -> str:
    return " ".join(text.split())  # cut to length only once tokens are masked (see redact.py)


def _root_cause(err: BaseException) -> BaseException:
    """The library wraps upload failures (RuntimeError 'Error while uploading ...'): find the HTTP or network error."""
    from huggingface_hub.errors import HfHubHTTPError

    seen: BaseException | None = err
    for _ in range(10):
        if seen is None:
            break
        if isinstance(seen, HfHubHTTPError) or error_names(seen) & _TRANSPORT_ERRORS:
            return seen
        seen = seen.__cause__ or seen.__context__
    return err


def _request_of(err: BaseException) -> str:
    """'GET https://...' of the request that failed, when the error knows it."""
    try:
        request = err.request  # type: ignore[attr-defined]  # httpx raises RuntimeError when it was not set
        return f"{request.method} {request.url.copy_with(query=None)}"
    except Exception:
        return ""


def _http_error(cause: HfHubHTTPError, context: PushContext) -> PushError:
    from huggingface_hub.errors import RevisionNotFoundError

    status, repo_id = cause.response.status_code, context.repo_id
    if status == 401:
        return AuthError("the Hub rejected the token (401 Unauthorized)")
    if status == 403:
        namespace = repo_id.split("/")[0]
        hint = f"use a token with write access to {namespace!r}, or push to a namespace you own"
        return ForbiddenError(f"the token may not write to {repo_id} (403 Forbidden)", hint)
    if status == 404 and isinstance(cause, RevisionNotFoundError):
        return NotFoundError(f"branch {context.branch!r} does not exist in {repo_id} (404)")
    if status == 404:
        return NotFoundError(f"{repo_id} was not found, or the token cannot see it (404)")
    if status == 429:
        wait = cause.response.headers.get("Retry-After", "")
        hint = f"wait {wait} seconds and run the same command again" if wait.isdigit() else RateLimitError.hint
        return RateLimitError("the Hub's rate limit was reached (429 Too Many Requests)", hint)
    if status in (409, 412):
        return ConflictError(f"{repo_id} changed on the Hub during the push ({status})")
    server = _one_line(cause.server_message or "")
    answer = _one_line(f"{status} {cause.response.reason_phrase}")
    return HubError(f"the Hub answered {answer}" + (f": {server}" if server else ""))


def translate(err: Exception, context: PushContext) -> PushError:
    """The typed error for a failure of huggingface_hub or of the network (tokens are masked later, in one place)."""
    from huggingface_hub.errors import HfHubHTTPError, OfflineModeIsEnabled

    cause = _root_cause(err)
    if isinstance(cause, OfflineModeIsEnabled):
        return OfflineError("offline mode is on (HF_HUB_OFFLINE=1), the Hub was not contacted")
    if isinstance(cause, HfHubHTTPError):
        return _http_error(cause, context)
    if is_timeout(cause):
        request = _request_of(cause) or context.endpoint
        return HubUnreachableError(f"no answer from the Hub within {context.timeout:g} s ({request})", _TIMEOUT_HINT)
    if error_names(cause) & _TRANSPORT_ERRORS:
        return HubUnreachableError(f"cannot reach the Hub at {context.endpoint} ({type(cause).__name__})")
    return HubError(f"push failed: {type(cause).__name__}: {_one_line(str(cause))}")
