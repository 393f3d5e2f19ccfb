"""`builder push`: publish a folder made by `builder build` to the Hugging Face Hub in one commit.

All Hub traffic goes through huggingface_hub. The folder is checked before any request; files the Hub already holds
are "unchanged" and not sent; shards of an earlier, larger build are deleted in the same commit.

Names are imported on first use, so that `builder --help` (which needs only the push options) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from builder.errors import PushError
    from builder.hub.api import push_dataset
    from builder.hub.folder import LocalFile, check_dataset_folder
    from builder.hub.plan import FileChange, PushResult
    from builder.hub.session import DEFAULT_TIMEOUT

_WHERE = {
    "DEFAULT_TIMEOUT": "builder.hub.session",
    "FileChange": "builder.hub.plan",
    "LocalFile": "builder.hub.folder",
    "PushError": "builder.errors",
    "PushResult": "builder.hub.plan",
    "check_dataset_folder": "builder.hub.folder",
    "push_dataset": "builder.hub.api",
}
__all__ = [
    "DEFAULT_TIMEOUT",
    "FileChange",
    "LocalFile",
    "PushError",
    "PushResult",
    "check_dataset_folder",
    "push_dataset",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_WHERE[name]), name)
