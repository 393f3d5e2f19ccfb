"""Segment parts decoded ahead (`builder.cache.store.PartsAhead`): the same entries as read in turn, a part not
announced still read, a damaged one failing where it is asked for, and an incremental build's answers reading
every part on the thread ahead of them."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

import builder.cache.session
import builder.engines.local
from builder.cache.job import stretches
from builder.cache.store import SEGMENTS, CacheProblem, PartsAhead, SegmentReader, read_manifest
from tests.test_cache import built
from tests.test_cache_focus import article, inputs  # noqa: F401 (a fixture)


def parts_of(cache: Path) -> list[tuple[str, int]]:
    table = read_manifest(cache).table
    return sorted(set(zip(table.column("segment").to_pylist(), table.column("part").to_pylist(), strict=True)))


@pytest.fixture
def cache(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811 (the fixture above)
    """A cache of the inputs in parts of 8 entries (tasks of 8 inputs, parts of 8 at the commit)."""
    monkeypatch.setattr(builder.engines.local, "BATCH_SIZE", 8)
    monkeypatch.setattr(builder.cache.session, "BATCH_SIZE", 8)
    folder = tmp_path / "cache"
    built([inputs], tmp_path / "first", folder)
    return folder


def test_parts_read_ahead_are_the_parts_read_in_turn(cache: Path) -> None:
    parts = parts_of(cache)
    assert len(parts) >= 4
    ahead, in_turn = PartsAhead(cache), SegmentReader(cache)
    ahead.want(parts[1:])  # the first is not announced: read when asked
    for where in [*parts, parts[-1]]:  # the last twice: kept, not decoded again
        assert ahead.part(*where).equals(in_turn.part(*where))


def test_a_damaged_part_fails_where_it_is_asked_for(cache: Path) -> None:
    segment, part = parts_of(cache)[0]
    path = cache / SEGMENTS / segment
    path.write_bytes(path.read_bytes()[:200])
    ahead = PartsAhead(cache)
    ahead.want([(segment, part)])
    with pytest.raises((CacheProblem, pa.ArrowException, OSError)):
        ahead.part(segment, part)


def test_an_incremental_build_decodes_every_part_ahead(
    inputs: Path,  # noqa: F811
    tmp_path: Path,
    cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[str] = []
    read = SegmentReader.part

    def noting(self: SegmentReader, segment: str, part: int) -> pa.RecordBatch:
        threads.append(threading.current_thread().name)
        return read(self, segment, part)

    monkeypatch.setattr(SegmentReader, "part", noting)
    (inputs / "am_40.txt").write_text(article(40), encoding="utf-8")
    result, _ = built([inputs], tmp_path / "second", cache, workers=2)
    assert result.summary["cache"]["reused"] == 33
    assert threads and all(name.startswith("cache-parts") for name in threads)


@pytest.mark.parametrize(
    ("rows", "pieces"),
    [
        ([3, 4, 5, 6], 1),  # in a row: one slice
        ([*range(20), *range(25, 40), *range(45, 60)], 3),  # a few gaps: a slice each stretch
        ([9, 3, 7, 1, 5, 0], 1),  # scattered: taken at once
        ([], 1),
    ],
)
def test_entries_are_slices_of_their_part_where_they_follow_each_other(rows: list[int], pieces: int) -> None:
    part = pa.RecordBatch.from_pydict({"n": list(range(100))})
    taken = stretches(part, np.array(rows, np.int64))
    assert len(taken) == pieces
    assert [n for piece in taken for n in piece.column("n").to_pylist()] == rows
    sliced = [piece.column("n").buffers()[1].address == part.column("n").buffers()[1].address for piece in taken]
    assert all(sliced) == (len(rows) != 6)  # no copy, but where scattered
