"""bench/end_census.py: how many articles each end rule ended, and on how many the labelled body went on past it."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.bench_modules import import_bench
from tests.conftest import ROOT

PIER = ROOT / "tests" / "fixtures" / "end_census" / "pier.txt"  # three paragraphs, "Comments", two comments
ARTICLE = (
    "The old pier at the north end of the harbour will stay closed until April after Tuesday's storm tore away a "
    "long section of its railing and deck. Engineers from the council inspected the structure on Wednesday morning "
    "and said the pilings were sound, but the deck boards would have to be replaced. Fishermen who moor their boats "
    "along the pier have been asked to move them to the southern basin, where the harbour master has set aside "
    "twenty berths."
)
COMMENTS = (
    "I walked past the pier this morning and the damage is much worse than the photos in this article suggest to "
    "anyone. The council should have repaired that railing years ago, the warning signs were there for every "
    "visitor to see."
)


@pytest.fixture(scope="module")
def end_census() -> ModuleType:
    return import_bench("end_census")


def _devset(root: Path, bodies: dict[str, str]) -> Path:
    (root / "dumps").mkdir(parents=True)
    for name in bodies:
        (root / "dumps" / f"{name}.txt").write_bytes(PIER.read_bytes())
    truth = {name: {"body": body, "readerable": True} for name, body in bodies.items()}
    (root / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_an_end_the_labelled_body_goes_on_past_is_counted_wrong(end_census: ModuleType, tmp_path: Path) -> None:
    generic_eval = import_bench("generic_eval")
    right, wrong = "harbour-news.example-1", "harbour-weekly.example-1"
    assert not generic_eval.held_out(right) and not generic_eval.held_out(wrong)
    devset = _devset(tmp_path / "set", {right: ARTICLE, wrong: f"{ARTICLE} {COMMENTS}"})
    counts = end_census.census([devset])
    assert list(counts) == ["an end heading: the chrome after the article starts here"]
    count = counts["an end heading: the chrome after the article starts here"]
    assert (count.ended, count.wrong, count.examples) == (2, 1, [f"set/{wrong}"])
    assert count.words_past == len(COMMENTS.split())


def test_held_out_pages_are_left_out(end_census: ModuleType, tmp_path: Path) -> None:
    generic_eval = import_bench("generic_eval")
    names = [f"site{k}.example-1" for k in range(40)]
    held = [name for name in names if generic_eval.held_out(name)]
    assert held  # the split holds some of forty sites out
    devset = _devset(tmp_path / "set", {name: ARTICLE for name in names})
    (count,) = end_census.census([devset]).values()
    assert count.ended == len(names) - len(held)


def test_short_lines_prove_nothing(end_census: ModuleType) -> None:
    body = end_census.normalized("Comments. Read more about the harbour and its pier")
    assert end_census.words_past(["Comments", "Read more", "the harbour and its pier"], body) == 5
