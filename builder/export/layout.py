"""The Hub's layout of a dataset folder, written in one place: `README.md` and `data/{split}-NNNNN-of-NNNNN.parquet`."""

from __future__ import annotations

import re

CARD = "README.md"
DATA = "data"
# A shard's path inside the dataset folder (or the repository).
SHARD_PATH = re.compile(r"data/(?P<split>[\w.-]+?)-(?P<index>\d{5})-of-(?P<count>\d{5})\.parquet")


def shard_name(split: str, index: int, count: int) -> str:
    """The file name of shard `index` of `count` (from 0) of a split: `train-00000-of-00002.parquet`."""
    return f"{split}-{index:05d}-of-{count:05d}.parquet"


def split_pattern(split: str) -> str:
    """The `data_files` pattern the card gives for a split, matching all its shards."""
    return f"{DATA}/{split}-*"


def is_shard_name(name: str) -> bool:
    """Whether a file name inside `data/` is a shard's."""
    return SHARD_PATH.fullmatch(f"{DATA}/{name}") is not None
