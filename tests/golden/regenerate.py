"""Rewrite the expected JSON of every golden dump from the current parser, for review in a diff.

Never run by the tests: run it after a deliberate parser or profile change, then read `git diff`.

    python -m tests.golden.regenerate [SITE ...]
"""

from __future__ import annotations

import sys

from builder.pipeline import Pipeline, PipelineOptions
from builder.sites import registry
from tests.golden.goldens import NOW, expected_path, extract, golden_dumps, render


def main(sites: list[str]) -> int:
    pipeline = Pipeline(PipelineOptions(now=NOW))
    for site in sites or [profile.site for profile in registry()]:
        for dump in golden_dumps(site):
            _, fields = extract(dump, pipeline)
            target = expected_path(dump)
            changed = not target.exists() or target.read_text(encoding="utf-8") != render(fields)
            target.write_text(render(fields), encoding="utf-8")
            print(f"{'changed' if changed else 'same   '} {target.relative_to(target.parents[2])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
