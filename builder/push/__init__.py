"""`builder push`: publish a folder made by `builder build` to the Hugging Face Hub in one commit.

All Hub traffic goes through huggingface_hub. The folder is checked before any request; files the Hub already holds
are "unchanged" and not sent; shards of an earlier, larger build are deleted in the same commit.
"""

from builder.errors import PushError
from builder.push.api import push_dataset
from builder.push.folder import LocalFile, check_dataset_folder
from builder.push.plan import FileChange, PushResult
from builder.push.session import DEFAULT_TIMEOUT

__all__ = [
    "DEFAULT_TIMEOUT",
    "FileChange",
    "LocalFile",
    "PushError",
    "PushResult",
    "check_dataset_folder",
    "push_dataset",
]
