"""How right the generic reader's end rules are: on the training part of development sets, per rule that ended
an article, how many articles it ended and on how many the labelled body goes on past it.

    .venv/bin/python bench/end_census.py ../shared/devsets/readability [MORE_DEVSETS...]

Each dump is read as `builder explain --corpus` reads it (its set's other dumps as the corpus). An end is wrong
when WRONG_SHARE or more of the labelled body's words sit on lines past it (lines of MIN_WORDS words or more,
found whole in the body: a shorter line, "Comments", proves nothing). Held-out pages (`generic_eval.held_out`)
are left out: the census is there to find rules to change, which the held-out part must not choose.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generic_eval import dump_paths, held_out

WRONG_SHARE = 0.3
MIN_WORDS = 4
EXAMPLES = 6
_NON_WORD = re.compile(r"\W+")
_COUNTS = re.compile(r"\d+ of \d+")  # "repeated in 41 of 43 dumps": one rule, whatever the counts


@dataclass
class RuleCount:
    ended: int = 0
    wrong: int = 0
    words_past: int = 0
    examples: list[str] = field(default_factory=list)


def normalized(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def words_past(lines: Iterable[str], body: str) -> int:
    """Words of the labelled `body` (normalized) on `lines`, each a line past the end, found whole in it."""
    found = 0
    for line in lines:
        words = normalized(line)
        if words.count(" ") + 1 >= MIN_WORDS and words in body:
            found += words.count(" ") + 1
    return found


def census(devsets: list[Path]) -> dict[str, RuleCount]:
    from builder.explain import corpus_of, explain
    from builder.extract.textdump.lines import Role
    from builder.pipeline import bundled_sites

    sites = bundled_sites()
    counts: dict[str, RuleCount] = {}
    for devset in devsets:
        truth = json.loads((devset / "truth.json").read_text(encoding="utf-8"))
        corpus = corpus_of([devset / "dumps"], sites)
        for path in dump_paths(devset):
            page = truth.get(path.stem)
            if page is None or held_out(path.stem) or not page.get("readerable", True) or not page.get("body"):
                continue
            lines = explain(path, sites, corpus).lines
            end = next((k for k, (_, role, _) in enumerate(lines) if role == Role.END), None)
            if end is None:
                continue
            body = normalized(page["body"])
            past = words_past((line.text for line, _, _ in lines[end + 1 :]), body)
            count = counts.setdefault(_COUNTS.sub("N of M", lines[end][2]), RuleCount())
            count.ended += 1
            count.words_past += past
            if past >= WRONG_SHARE * (body.count(" ") + 1):
                count.wrong += 1
                count.examples.append(f"{devset.name}/{path.stem}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("devsets", type=Path, nargs="+")
    args = parser.parse_args()
    counts = census(args.devsets)
    print(f"{'ended':>6} {'wrong':>6} {'words past':>10}  rule (examples of wrong ends)")
    for rule, count in sorted(counts.items(), key=lambda item: -item[1].ended):
        shown = ", ".join(count.examples[:EXAMPLES])
        print(f"{count.ended:6d} {count.wrong:6d} {count.words_past:10d}  {rule}" + (f" ({shown})" if shown else ""))


if __name__ == "__main__":
    main()
