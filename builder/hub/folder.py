"""The folder `builder push` publishes: checked to be intact `builder build` output before any request."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cached_property
from pathlib import Path
from typing import Any

from builder.errors import DatasetFolderError
from builder.export.layout import SHARD_PATH, shard_name, split_pattern

CARD = "README.md"


@dataclass
class LocalFile:
    """A file to upload: the bytes at `path`, or `content` instead when the Hub gets other bytes than the folder."""

    path_in_repo: str
    path: Path
    size: int
    content: bytes | None = None

    @cached_property
    def sha256(self) -> str:
        if self.content is not None:
            return hashlib.sha256(self.content).hexdigest()
        with self.path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()

    def read(self) -> bytes:
        return self.path.read_bytes() if self.content is None else self.content

    def git_oid(self) -> str:
        """The git blob id, what the Hub lists for a file that is not in LFS."""
        return hashlib.sha1(b"blob %d\0" % self.size + self.read()).hexdigest()


def _card_layout(meta: dict[str, Any]) -> tuple[dict[str, str], dict[str, int | None], int | None]:
    """(split -> data_files pattern, split -> num_examples, download_size), as `builder build` writes them
    (a count the card leaves out is None, which no shard's rows match)."""
    configs, info = meta.get("configs"), meta.get("dataset_info")
    if not (isinstance(configs, list) and len(configs) == 1 and isinstance(configs[0], dict)):
        raise DatasetFolderError("the card has no single `configs` entry: it was not written by `builder build`")
    files = configs[0].get("data_files")
    if not isinstance(files, list) or not all(isinstance(f, dict) and isinstance(f.get("path"), str) for f in files):
        raise DatasetFolderError("the card's `configs` lists no data_files per split")
    patterns = {str(f.get("split")): f["path"] for f in files}
    for split, pattern in patterns.items():
        if pattern != split_pattern(split):
            raise DatasetFolderError(
                f"split {split!r} reads {pattern!r}, not {split_pattern(split)} as `builder build` writes"
            )
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
        match = SHARD_PATH.fullmatch(name)
        if match and match["split"] in patterns and fnmatchcase(name, patterns[match["split"]]):
            shards[match["split"]].append(name)
        elif name != CARD:
            stray.append(name)
    if stray:
        shown = ", ".join(stray[:3]) + (f" and {len(stray) - 3} more" if len(stray) > 3 else "")
        raise DatasetFolderError(f"unexpected file(s) in {folder}: {shown}")

    for split, names in shards.items():
        totals = {int(SHARD_PATH.fullmatch(name)["count"]) for name in names}  # type: ignore[index]
        expected = {f"data/{shard_name(split, i, n)}" for n in totals for i in range(n)}
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
