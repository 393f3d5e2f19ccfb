"""How a push talks to the Hub: every wait bounded, the calls that may be repeated retried, no telemetry."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

DEFAULT_TIMEOUT = 60.0  # seconds to connect, to send a chunk, or to get an answer
RETRY_WAITS = (0.5, 1.0)  # seconds before the 2nd and 3rd attempt of a call that may be repeated
_NO_ANSWER = {"TimeoutException", "NetworkError", "RemoteProtocolError"}  # httpx/httpx2: none, or a broken one
_TIMEOUT_KINDS = ("connect", "read", "write", "pool")

T = TypeVar("T")


def error_names(err: BaseException) -> set[str]:
    """The names of the exception's classes: transport errors are told apart without importing the HTTP library."""
    return {cls.__name__ for cls in type(err).__mro__}


def is_timeout(err: BaseException) -> bool:
    return "TimeoutException" in error_names(err)


def _timeout_cap(seconds: float) -> Callable[[Any], None]:
    """A request hook: no wait of the request may exceed `seconds` (a per-request `timeout=None` means no limit)."""

    def cap(request: Any) -> None:
        asked = request.extensions.get("timeout") or {}
        request.extensions["timeout"] = {
            kind: seconds if asked.get(kind) is None else min(asked[kind], seconds) for kind in _TIMEOUT_KINDS
        }

    return cap


@contextmanager
def hub_session(timeout: float) -> Iterator[None]:
    """Within the block, every request huggingface_hub makes waits at most `timeout` s; telemetry is off.

    The library's shared client has no timeout, and several of its calls pass `timeout=None` per request, which
    would override a client default: so the client it builds gets a hook that caps each request as it leaves.
    Telemetry off: the user agent then skips agent detection, which fetches a registry from the Hub and caches it in
    HF_HOME/.agent_harnesses.json for 24 h; a malformed copy made every request raise until it expired.
    """
    from huggingface_hub import constants, set_client_factory
    from huggingface_hub.utils import _http

    # The factory in place (the library's, or one a caller set for proxies or certificates) is wrapped, not replaced;
    # the library offers no getter for it.
    previous = getattr(_http, "_GLOBAL_CLIENT_FACTORY", None) or _http.default_client_factory
    cap = _timeout_cap(timeout)

    def bounded_client() -> Any:
        client = previous()
        hooks = client.event_hooks
        client.event_hooks = {**hooks, "request": [*hooks.get("request", []), cap]}
        return client

    telemetry_was_off = constants.HF_HUB_DISABLE_TELEMETRY
    constants.HF_HUB_DISABLE_TELEMETRY = True
    set_client_factory(bounded_client)
    try:
        yield
    finally:
        set_client_factory(previous)
        constants.HF_HUB_DISABLE_TELEMETRY = telemetry_was_off


def retrying(call: Callable[[], T], waits: tuple[float, ...] = RETRY_WAITS) -> T:
    """`call()`, made again after each wait while the Hub gives no answer; only for calls that change nothing."""
    for wait in waits:
        try:
            return call()
        except Exception as err:
            if not error_names(err) & _NO_ANSWER:
                raise
        time.sleep(wait)
    return call()
