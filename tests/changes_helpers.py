"""Small builds for the changelog and push tests: distinct made-up articles, and edits of them."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from builder.build import BuildOptions, BuildResult, build
from tests.conftest import NOW
from tests.dumps import make_dump, write_dump

_WORDS = [
    "harbour",
    "council",
    "river",
    "market",
    "school",
    "budget",
    "minister",
    "village",
    "farmer",
    "doctor",
    "bridge",
    "railway",
    "festival",
    "museum",
    "library",
    "election",
    "court",
    "police",
    "storm",
    "drought",
    "vaccine",
    "hospital",
    "factory",
    "worker",
    "teacher",
    "student",
    "engine",
    "harvest",
    "winter",
    "summer",
    "ocean",
    "mountain",
    "garden",
    "airport",
    "station",
    "road",
    "tunnel",
    "reporter",
    "novel",
    "theatre",
    "orchestra",
    "painter",
    "stadium",
    "coach",
    "player",
    "league",
    "border",
    "treaty",
    "protest",
    "strike",
    "wage",
    "price",
    "bank",
    "loan",
    "export",
    "import",
    "fuel",
    "power",
    "grid",
]


def article(number: int, version: int = 0, tags: tuple[str, ...] = ("Lebanon", "Weather")) -> str:
    """Article `number`, its body drawn from its own seed: no two numbers are near-duplicates; another
    `version` is the same story (title, date) with another body."""
    rng = random.Random(number * 1000 + version)
    body = [" ".join(rng.choice(_WORDS) for _ in range(40)).capitalize() + "." for _ in range(4)]
    title_rng = random.Random(number)
    title = f"Report number {number} on the {title_rng.choice(_WORDS)} and the {title_rng.choice(_WORDS)}"
    return make_dump(title=title, body=body, date=f"{1 + number % 28} Jul 2021 14:49", tags=tags)


def name(number: int) -> str:
    return f"a{number:04d}.txt"


def write_articles(folder: Path, numbers: range | list[int]) -> Path:
    for number in numbers:
        write_dump(folder, name(number), article(number))
    return folder


def build_into(inputs: Path, out: Path, **options: Any) -> BuildResult:
    """A build of `inputs` into `out`, its report beside it in `out`-report."""
    settings: dict[str, Any] = {"now": NOW, "workers": 1, **options}
    return build([inputs], BuildOptions(out=out, report=out.with_name(f"{out.name}-report"), **settings))


def changes_rows(out: Path) -> list[dict[str, Any]]:
    return pq.read_table(out.with_name(f"{out.name}-report") / "changes.parquet").to_pylist()
