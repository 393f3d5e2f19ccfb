"""What changed between two builds of a dataset, by `source_file`: the rows added, removed and changed.

Changes are defined over the dataset's rows only (a dataset folder holds no rejects): an input that was a
row and is now a reject counts as removed, and the other way round as added. A row is changed when its
`source_file` is in both builds and its `id` or any other field differs. `id` is a SHA-256 over the
publisher, title, local time and body, so those (the body is the bulk of a shard) are compared through the
`id` and never read; the other fields are streamed and kept only as a 16-byte digest per row.
Fields only one of the two builds has (a schema change) are not compared.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from builder.errors import ChangesError
from builder.export.layout import DATA, is_shard_name
from builder.export.report import replace_whole

CHANGES_FILE = "changes.parquet"
CHANGES_SCHEMA = pa.schema(
    [
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("change", pa.string(), nullable=False),  # 'added', 'removed' or 'changed'
        pa.field("id_before", pa.string()),
        pa.field("id_after", pa.string()),
    ]
)
KINDS = ("added", "removed", "changed")
_KEY, _ID, _DIGEST = "source_file", "id", "digest"
_COMPARED_THROUGH_ID = frozenset({"body", "title", "publisher", "published_at_local"})  # what the id hashes
_DIGEST_BYTES = 16


@dataclass(frozen=True)
class Changes:
    """The changed rows (CHANGES_SCHEMA, sorted by source_file) and the digest of the build compared with.

    `since` is None for a first build: nothing to compare with, so no row and no "Changes" in the card.
    """

    table: pa.Table
    since: str | None

    def counts(self) -> dict[str, int]:
        changes = self.table.column("change").to_pylist()
        return {kind: changes.count(kind) for kind in KINDS}

    def line(self) -> str:
        """The one-line summary: '+312 added, −4 removed, 9 changed'."""
        counts = self.counts()
        return f"+{counts['added']} added, \u2212{counts['removed']} removed, {counts['changed']} changed"

    def summary(self) -> dict[str, Any] | None:
        """What summary.json says; None for a first build."""
        if self.since is None:
            return None
        return {"since": self.since, **self.counts(), "line": self.line()}

    def card(self) -> dict[str, Any] | None:
        """What the card says; None for a first build and for a rebuild that changed no row, so building the
        same inputs again gives the same card as the build it replaces (and a push has nothing to send)."""
        return self.summary() if len(self.table) else None


def shards(folder: Path) -> list[Path]:
    """The shards of a built dataset folder, in name order; raises ChangesError when it has none."""
    data = folder / DATA
    try:
        found = sorted(p for p in data.iterdir() if is_shard_name(p.name) and p.is_file())
    except OSError as err:
        raise ChangesError(f"{folder} is not a dataset folder: {data} cannot be read ({err.strerror})") from err
    if not found:
        raise ChangesError(f"{folder} has no {DATA}/*.parquet shards: it is not a dataset folder of `builder build`")
    return found


def shards_digest(folder: Path) -> str:
    """A name for a build that stays the same wherever it lies: `sha256sum data/*.parquet | sha256sum`, run in it."""
    listing = hashlib.sha256()
    for path in shards(folder):
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        listing.update(f"{digest}  {DATA}/{path.name}\n".encode())
    return listing.hexdigest()


def _schema(path: Path) -> pa.Schema:
    try:
        return pq.read_schema(path)
    except Exception as err:  # pyarrow raises ArrowInvalid, OSError, ... for a damaged file
        raise ChangesError(f"{path} is not a readable Parquet file ({type(err).__name__})") from err


def compared_fields(old: Path, new: Path) -> list[str]:
    """The fields digested: those both builds have, except the key, the id and what the id covers."""
    old_names, new_names = set(_schema(shards(old)[0]).names), _schema(shards(new)[0]).names
    for folder, names in ((old, old_names), (new, set(new_names))):
        if not {_KEY, _ID} <= names:
            raise ChangesError(f"{folder}'s shards have no `{_KEY}` and `{_ID}` columns: not built by `builder build`")
    skipped = _COMPARED_THROUGH_ID | {_KEY, _ID}
    return [name for name in new_names if name in old_names and name not in skipped]


def row_digests(folder: Path, fields: list[str]) -> pa.Table:
    """(source_file, id, digest) of every row, reading only those columns.

    polars streams the shards and hashes each row's fields in native code: no Python object per row, and
    the GIL is free for the build meanwhile. Its hash is stable only within one polars version, which is
    enough: both builds compared are hashed by the same process. Two seeds give 128 bits."""
    paths = shards(folder)
    try:
        table = (
            pl.scan_parquet([str(path) for path in paths])
            .select(pl.col(_KEY), pl.col(_ID), *(_row_hash(fields, seed).alias(f"h{seed}") for seed in (0, 1)))
            .collect(engine="streaming")
            .to_arrow()
        )
    except (OSError, pl.exceptions.PolarsError) as err:  # a damaged or truncated file
        raise ChangesError(
            f"{folder} holds a shard that is not a readable Parquet file ({type(err).__name__})"
        ) from err
    hashes = np.column_stack([table.column(f"h{seed}").to_numpy() for seed in (0, 1)]).astype("<u8")
    digests = pa.FixedSizeBinaryArray.from_buffers(
        pa.binary(_DIGEST_BYTES), table.num_rows, [None, pa.py_buffer(hashes.tobytes())]
    )
    table = pa.table(
        {_KEY: table.column(_KEY).cast(pa.string()), _ID: table.column(_ID).cast(pa.string()), _DIGEST: digests}
    )
    if pc.count_distinct(table.column(_KEY)).as_py() != table.num_rows:
        raise ChangesError(f"{folder} holds a source_file twice: its rows cannot be matched by source_file")
    return table


def _row_hash(fields: list[str], seed: int) -> pl.Expr:
    """One 64-bit hash per row of its fields' values (a null, an empty list and an empty text all differ)."""
    return pl.struct(fields).hash(seed) if fields else pl.lit(0, pl.UInt64)


def compare(before: pa.Table, after: pa.Table) -> pa.Table:
    """The changed rows of two (source_file, id, digest) tables, as CHANGES_SCHEMA sorted by source_file."""
    joined = before.join(
        after, _KEY, join_type="full outer", left_suffix="_before", right_suffix="_after", use_threads=False
    )
    was, now = pc.is_valid(joined.column("digest_before")), pc.is_valid(joined.column("digest_after"))
    differs = pc.or_(
        pc.not_equal(joined.column("id_before"), joined.column("id_after")),
        pc.not_equal(joined.column("digest_before"), joined.column("digest_after")),
    )
    none = pa.scalar(None, pa.string())
    change = pc.if_else(
        pc.invert(was), "added", pc.if_else(pc.invert(now), "removed", pc.if_else(differs, "changed", none))
    )
    table = pa.table(
        [joined.column(_KEY), change, joined.column("id_before"), joined.column("id_after")],
        names=CHANGES_SCHEMA.names,
    )
    table = table.filter(pc.is_valid(change)).sort_by(_KEY)
    return table.cast(CHANGES_SCHEMA).combine_chunks()


def diff(old: Path, new: Path) -> Changes:
    """What changed from the dataset folder `old` to `new`; raises ChangesError for a folder that is not one."""
    fields = compared_fields(old, new)
    table = compare(row_digests(old, fields), row_digests(new, fields))
    return Changes(table, shards_digest(old))


def first_build() -> Changes:
    return Changes(CHANGES_SCHEMA.empty_table(), None)


def since_previous(previous: Path | None, new: Path, explicit: bool) -> Changes:
    """The changes from `previous` (--since, or the --out being replaced) to the dataset being written at `new`.

    An --out that holds no build, or one that cannot be read (a damaged shard: the build is how to repair it),
    makes this a first build; a --since that is not a readable build is an error.
    """
    if previous is None or (not explicit and not _holds_build(previous)):
        return first_build()
    try:
        return diff(previous, new)
    except ChangesError:
        if explicit:
            raise
        return first_build()


def _holds_build(folder: Path) -> bool:
    return (folder / DATA).is_dir()


def check_since(folder: Path) -> None:
    """Before a build reads anything: --since names a readable dataset folder."""
    if not folder.is_dir():
        raise ChangesError(f"--since {folder} is not a folder", "pass the --out folder of an earlier build")
    _schema(shards(folder)[0])


def write_changes(folder: Path, changes: Changes) -> None:
    """`changes.parquet` in the report folder, appearing whole or not at all."""
    replace_whole(folder / CHANGES_FILE, lambda tmp: pq.write_table(changes.table, tmp, compression="zstd"))
