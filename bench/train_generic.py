"""Fit the line scores of the generic reader (builder/extract/generic/weights.json) on training pages.

    python bench/train_generic.py --devset ../shared/devsets/readability --devset /work/devdata/silver \
        [--score-body ../shared/tools] [--write]

The reader is rules whose constants are the scores of the kinds of lines (a word of prose, a short line, a
menu entry, a repeated line...), the share of prose that makes an end heading a box, and the share of the best
run's score that a run ending above a comment form needs to be chosen instead. This script fits
them by coordinate descent over fixed grids: each constant in turn takes the grid value that gives the best
mean body F1 (score_body.py's definition) over the TRAIN part of every devset (the held-out part, 30 % of
sites chosen by a hash of the name as in generic_eval.py, is never read); a tie keeps the current value.
Two passes. Pages and grids are in a fixed order, so the result is the same on every run. --write saves the
fitted values to weights.json; without it the script only prints them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The fit sets the reader's module constants between reads: run its sources, where every read looks them up
# (a compiled module may not).
os.environ["BUILDER_PURE_PYTHON"] = "1"

from generic_eval import _score_body_module, held_out

from builder.extract.generic import DATA_DIR, ends, region, runs
from builder.extract.generic.reader import read_generic
from builder.record import Reject

WEIGHTS_FILE = DATA_DIR / "weights.json"
# weights.json key -> (module, constant) it sets, and the grid it is fitted over.
PARAMETERS: dict[str, tuple[Any, str, list[float]]] = {
    "prose_per_word": (region, "PROSE_PER_WORD", [0.06, 0.08, 0.1, 0.12, 0.15]),
    "prose_offset": (region, "PROSE_OFFSET", [-1.0, -0.75, -0.5, -0.25, 0.0]),
    "bullet_prose_factor": (region, "BULLET_PROSE", [0.3, 0.45, 0.6, 0.8, 1.0]),
    "sentence_line": (region, "SENTENCE_LINE", [0.0, 0.15, 0.3, 0.5]),
    "short_line": (region, "SHORT_LINE", [-1.0, -0.8, -0.6, -0.4, -0.25]),
    "short_bullet": (region, "SHORT_BULLET", [-1.5, -1.25, -1.0, -0.75, -0.5]),
    "repeated": (region, "REPEATED", [-2.5, -2.0, -1.5, -1.0]),
    "block_line": (region, "BLOCK_LINE", [-0.3, -0.2, -0.1, -0.05, 0.0]),
    "bracketed": (region, "BRACKETED", [-0.6, -0.3, -0.1]),
    "script": (region, "SCRIPT", [-2.0, -1.0, -0.5]),
    "box_share": (ends, "BOX_SHARE", [0.4, 0.6, 0.8, 1.0, 1.5]),
    "rival_share": (runs, "RIVAL_SHARE", [0.15, 0.3, 0.5, 0.7, 1.0]),
}
PASSES = 2


def training_pages(devset: Path) -> list[tuple[str, str]]:
    """(truth body, dump text) of the train part of a devset, in name order."""
    truth = json.loads((devset / "truth.json").read_text(encoding="utf-8"))
    return [
        (truth[name]["body"], (devset / "dumps" / f"{name}.txt").read_text(encoding="utf-8"))
        for name in sorted(truth)
        if not held_out(name)
    ]


def objective(sets: list[list[tuple[str, str]]], scorer: Any) -> float:
    """Mean over the devsets of the body F1 of the train pages, with the constants as they are now set."""
    scores = []
    for pages in sets:
        rows = []
        for body, text in pages:
            reading = read_generic(text)
            rows.append(scorer.page_counts(body, "" if isinstance(reading, Reject) else reading.fields["body"]))
        scores.append(scorer.aggregate(rows)[2])
    return sum(scores) / len(scores)


def fit(sets: list[list[tuple[str, str]]], scorer: Any) -> tuple[dict[str, float], float]:
    current = {key: getattr(module, name) for key, (module, name, _) in PARAMETERS.items()}
    best = objective(sets, scorer)
    print(f"start: F1 {best:.4f}", file=sys.stderr)
    for number in range(PASSES):
        for key, (module, name, grid) in PARAMETERS.items():
            for value in grid:
                if value == current[key]:
                    continue
                setattr(module, name, value)
                score = objective(sets, scorer)
                if score > best + 1e-9:
                    best, current[key] = score, value
            setattr(module, name, current[key])
            print(f"pass {number + 1} {key} = {current[key]}: F1 {best:.4f}", file=sys.stderr)
    return current, best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, action="append", required=True)
    parser.add_argument("--score-body", type=Path)
    parser.add_argument("--write", action="store_true", help="save the fitted values to weights.json")
    args = parser.parse_args(argv)
    scorer = _score_body_module(args.devset[0], args.score_body)
    sets = [training_pages(devset) for devset in args.devset]
    fitted, score = fit(sets, scorer)
    text = json.dumps(fitted, indent=1, sort_keys=True) + "\n"
    print(text, end="")
    print(f"train body F1 (mean over {len(sets)} devsets): {score:.4f}", file=sys.stderr)
    if args.write:
        WEIGHTS_FILE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
