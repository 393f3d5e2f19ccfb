"""Dedup focused on a change: an incremental build judges only the rows a change can reach, and writes what
a clean build writes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

import builder.cache.stats as stats
from builder.cache.focus import Changed
from builder.cache.here import Answers
from builder.cache.session import BuildCache
from builder.cache.store import SHARED
from builder.dedup.deduplicator import Deduplicator
from builder.engines import planned_inputs
from builder.record import Record
from builder.stages import Focus
from tests.dumps import make_dump, write_dump
from tests.test_cache import LATER, same_as_clean
from tests.test_unknown_sites import paragraphs

LONG_AGO = 1_600_000_000  # the inputs' times: written long before a build looks, so their stat vouches for them
FUTURE = "03 Dec 2026 10:00"  # after NOW, before LATER


def body(number: int) -> list[str]:
    """Three paragraphs no other article shares a run of five words with: every fourth word is its own."""
    words = " ".join(paragraphs(number + 1000)).split()
    marked = [f"{word} item{number}x{at}" if at % 4 == 3 else word for at, word in enumerate(words)]
    third = len(marked) // 3
    return [" ".join(marked[:third]), " ".join(marked[third : 2 * third]), " ".join(marked[2 * third :])]


def article(number: int, date: str = "21 Jul 2021 14:49") -> str:
    """An Al Mayadeen dump whose dedup keys no other article holds (the sentences alone recur across pages)."""
    return make_dump(title=f"Harbour story number {number}", date=date, body=body(number))


def near_copy(number: int, title: str, date: str = "22 Jul 2021 09:00") -> str:
    """Article `number`'s body with a few words more at its end, under another headline: a near-duplicate."""
    paragraphs = body(number)
    return make_dump(title=title, date=date, body=[*paragraphs[:-1], paragraphs[-1] + " So it was said."])


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Thirty articles, an exact copy, a near copy, and a near copy dated after NOW."""
    monkeypatch.setattr(stats, "SETTLED_SECONDS", 0)
    folder = tmp_path / "inputs"
    for number in range(30):
        write_dump(folder, f"am_{number:02}.txt", article(number))
    write_dump(folder, "am_03_copy.txt", article(3))
    write_dump(folder, "am_05_near.txt", near_copy(5, "A second telling of the fifth story"))
    write_dump(folder, "am_07_near_future.txt", near_copy(7, "The seventh story, told again later", FUTURE))
    for path in folder.iterdir():
        os.utime(path, (LONG_AGO, LONG_AGO))
    return folder


@pytest.fixture
def focused(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Per build that ran a first pass, whether dedup was focused."""
    seen: list[bool] = []
    first_pass = BuildCache.first_pass

    def spying(self: BuildCache, results: Iterable[object], previous: np.ndarray) -> None:
        first_pass(self, results, previous)  # type: ignore[arg-type]
        seen.append(self.focus is not None)

    monkeypatch.setattr(BuildCache, "first_pass", spying)
    return seen


def rewrite(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, (LONG_AGO + 1, LONG_AGO + 1))  # ctime moves all the same: the stat no longer vouches


def delete_the_kept_original(folder: Path) -> None:
    (folder / "am_03.txt").unlink()  # its exact copy, a duplicate so far, is kept now


def add_a_near_copy(folder: Path) -> None:
    write_dump(folder, "am_09_near.txt", near_copy(9, "The ninth story once more"))


def edit_an_earlier_article_into_a_copy(folder: Path) -> None:
    rewrite(folder / "am_12.txt", article(15))  # unchanged am_15, judged kept so far, is its duplicate now


# Each change, and the duplicates after it (before it: the exact copy and the near copy of article 5).
CHANGES: dict[str, tuple[Callable[[Path], None], int]] = {
    "deleted original": (delete_the_kept_original, 1),
    "added near copy": (add_a_near_copy, 3),
    "edited into a copy": (edit_an_earlier_article_into_a_copy, 3),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_focused_build_writes_what_a_clean_one_does(
    inputs: Path, tmp_path: Path, focused: list[bool], change: str
) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    assert focused == []  # a new cache has no shared keys: every row was judged
    made, duplicates = CHANGES[change]
    made(inputs)
    counts, result = same_as_clean([inputs], tmp_path, cache)
    assert focused == [True] and counts["parsed"] <= 1
    assert result.summary["rejects_by_reason"]["duplicate"] == duplicates


def test_a_moved_now_judges_an_article_the_date_check_held_back(
    inputs: Path, tmp_path: Path, focused: list[bool]
) -> None:
    cache = tmp_path / "cache"
    _, first = same_as_clean([inputs], tmp_path, cache)
    assert first.summary["rejects_by_reason"]["future_date"] == 1
    # Unchanged, so not run first: only the shared keys the first build found (its keys held back) reach it.
    counts, later = same_as_clean([inputs], tmp_path, cache, now=LATER)
    assert focused == [True] and counts["parsed"] == 0
    assert "future_date" not in later.summary["rejects_by_reason"]
    assert later.summary["rejects_by_reason"]["duplicate"] == first.summary["rejects_by_reason"]["duplicate"] + 1


def test_too_many_changes_judge_every_row(inputs: Path, tmp_path: Path, focused: list[bool]) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    for number in range(6):
        rewrite(inputs / f"am_{number:02}.txt", article(number + 100))
    counts, _ = same_as_clean([inputs], tmp_path, cache)
    assert focused == [] and counts["parsed"] == 6


@pytest.mark.parametrize("damage", ["garbled", "removed"])
def test_shared_keys_that_cannot_be_trusted_judge_every_row(
    inputs: Path, tmp_path: Path, focused: list[bool], damage: str
) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    shared = cache / SHARED
    if damage == "garbled":
        shared.write_bytes(shared.read_bytes()[:-9] + b"\0" * 9)
    else:
        shared.unlink()
    add_a_near_copy(inputs)
    same_as_clean([inputs], tmp_path, cache)
    assert focused == []
    same_as_clean([inputs], tmp_path, cache)  # the build after it wrote them again
    assert focused == [True]


def test_shared_keys_are_those_two_articles_hold_held_ones_and_one_batch_included() -> None:
    dedup = Deduplicator()
    rows = pa.RecordBatch.from_pydict({"source_file": ["a", "b", "c"], "body": ["x", "y", "z"]})
    dedup(np.array([[4, 10], [8, 14], [12, 18]], np.uint64), rows)
    # Held rows (the date check rejected them) are never kept, but the keys they share count.
    verdicts = dedup(np.array([[16, 10], [20, 22], [24, 22]], np.uint64), rows, judged=np.array([False, True, False]))
    assert verdicts == [None, None, None]
    assert dedup.shared_keys().tolist() == [10, 22]
    dedup.close()


def test_focus_finds_the_rows_holding_one_of_its_keys() -> None:
    focus = Focus(np.array([5, 1 << 63, (1 << 64) - 3], np.uint64))
    keys = np.array([[1, 2], [7, 1 << 63], [(1 << 64) - 3, 9], [(1 << 63) + 1, 6]], np.uint64)
    assert focus.held(keys).tolist() == [False, True, True, False]
    assert Focus(np.empty(0, np.uint64)).held(keys).tolist() == [False] * 4


def test_a_pooled_build_answers_unchanged_and_first_run_files_here(
    inputs: Path, tmp_path: Path, focused: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache, workers=2)
    answered: list[int] = []
    call = Answers.__call__

    def counting(self: Answers, task: list[object]) -> object:
        answered.append(sum(planned_inputs(item) or 0 for item in task))  # type: ignore[arg-type]
        return call(self, task)  # type: ignore[arg-type]

    monkeypatch.setattr(Answers, "__call__", counting)
    edit_an_earlier_article_into_a_copy(inputs)
    counts, _ = same_as_clean([inputs], tmp_path, cache, workers=2)
    assert focused == [True] and counts == {"reused": 32, "unread": 32, "parsed": 1}
    assert sum(answered) == 33  # every input of the build's pass, in this process: none went to a worker


class _Vouching:
    """A stat index that vouches for the names given (what `Changed` asks of one)."""

    def __init__(self, vouched: set[str]) -> None:
        self.vouched = vouched

    def unvouched(self, parts: Iterable[Record]) -> Iterator[Record]:
        return (part for part in parts if part.source_file not in self.vouched)


@pytest.mark.parametrize("changed_first", [True, False])
def test_the_changed_inputs_are_run_first_wherever_the_walk_meets_them(changed_first: bool) -> None:
    names = [f"new-{i:03d}" for i in range(5)] + [f"old-{i:03d}" for i in range(95)]
    parts = [Record(name) for name in (names if changed_first else names[::-1])]
    changed = Changed(_Vouching({name for name in names if name.startswith("old")}), parts)  # type: ignore[arg-type]
    assert [part.source_file for part in list(changed)] == [p.source_file for p in parts if p.source_file[:3] == "new"]
    assert [part.source_file for part in changed.first() or []] == [
        p.source_file for p in parts if p.source_file[:3] == "new"
    ]


def test_more_than_a_tenth_changed_is_not_run_first() -> None:
    parts = [Record(f"{i:03d}") for i in range(100)]
    changed = Changed(_Vouching({f"{i:03d}" for i in range(89)}), parts)  # type: ignore[arg-type]
    assert changed.first() is None  # 11 of 100; the walk is made here when the survey did not make it
    assert changed.total == 100 and changed.changed == 11


def test_a_walk_with_no_first_pass_to_follow_keeps_no_part() -> None:
    parts = [Record(f"{i:03d}") for i in range(100)]
    changed = Changed(_Vouching({f"{i:03d}" for i in range(99)}), parts, keep=False)  # type: ignore[arg-type]
    assert len(list(changed)) == 1 and changed.parts is None and changed.first() is None


def test_a_walk_that_met_no_vouched_part_says_the_survey_read_every_input() -> None:
    parts = [Record(f"{i:03d}") for i in range(10)]
    first_build = Changed(_Vouching(set()), parts)  # type: ignore[arg-type]
    assert not first_build.walked_all  # not walked yet: nothing is known
    assert len(list(first_build)) == 10 and first_build.walked_all
    rebuild = Changed(_Vouching({"004"}), parts)  # type: ignore[arg-type]
    assert len(list(rebuild)) == 9 and not rebuild.walked_all
