"""Tokens never reach a message: every push error, note and URL is passed through `redact` before it is shown.

A Hub (or a proxy in front of it) may echo the Authorization header in a reason phrase or a body; so besides the
tokens known here, anything shaped like a Hub token or a bearer credential is masked too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from builder.errors import PushError

MASK = "***"
_HUB_TOKEN = re.compile(r"hf_[A-Za-z0-9]{20,}")
_BEARER = re.compile(r"(?i)\b(bearer)\s+(?!\*\*\*)[^\s,;\"')\]}]+")  # not one already masked
_ENV_TOKENS = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")
_SHORTEST_SECRET = 4  # an empty or one-letter "token" must not mask every occurrence of that letter
LONGEST_MESSAGE = 400  # a Hub's answer may be a whole page; cut after masking, so no token is left half-shown


def _saved_logins() -> list[str]:
    """The token `hf auth login` saved, and every token it stores by name; none when they cannot be read."""
    try:
        from huggingface_hub import constants
        from huggingface_hub.utils import get_stored_tokens

        login = Path(constants.HF_TOKEN_PATH)
        saved = [login.read_text(encoding="utf-8")] if login.is_file() else []
        return [*saved, *get_stored_tokens().values()]
    except Exception:  # an unreadable login file must not turn one error into another
        return []


def known_tokens(*in_use: str | None) -> list[str]:
    """The tokens in use, in the environment and in the saved logins, longest first (a token may contain another)."""
    candidates = [*in_use, *(os.environ.get(name) for name in _ENV_TOKENS), *_saved_logins()]
    tokens = {token.strip() for token in candidates if token and len(token.strip()) >= _SHORTEST_SECRET}
    return sorted(tokens, key=len, reverse=True)


def redact(text: str, *in_use: str | None) -> str:
    """`text` with every known token, every `hf_...` token and every `Bearer ...` credential replaced by ***."""
    for token in known_tokens(*in_use):
        text = text.replace(token, MASK)
    text = _BEARER.sub(rf"\1 {MASK}", text)
    return _HUB_TOKEN.sub(MASK, text)


def _chain_is_clean(err: BaseException | None, in_use: tuple[str | None, ...]) -> bool:
    for _ in range(10):  # the library's chains are short; a cycle must not loop forever
        if err is None:
            return True
        if redact(str(err), *in_use) != str(err):
            return False
        err = err.__cause__ or err.__context__
    return False


def redacted_error(err: PushError, *in_use: str | None) -> PushError:
    """`err` with tokens masked in its message and hint; chained to its cause only when no error down the chain
    holds a token, since a printed traceback would show them."""
    clean = type(err)(redact(str(err), *in_use)[:LONGEST_MESSAGE], redact(err.hint, *in_use))
    clean.__cause__ = err.__cause__ if _chain_is_clean(err.__cause__, in_use) else None
    clean.__suppress_context__ = True
    return clean
