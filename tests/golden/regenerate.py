"""Write the expected JSON of every golden dump of each site from the current parser, for review in a diff.

Never run by the tests: run it after a deliberate parser or profile change, or after adding a dump
under tests/golden/<site>/, then read `git diff`. With no argument, every site in the registry.

    python -m tests.golden.regenerate [SITE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from builder.sites import registry
from tests.golden.goldens import GOLDEN_DIR, expected_path, extract, golden_dumps, pipeline_for, render


def expected_files(site: str) -> dict[Path, str]:
    """The expected JSON of each golden dump of `site`, as the current parser and profiles read it.

    Raises ValueError when a dump is not read as an article of `site`: a golden file pins a reading,
    so a dump the site does not recognise, or rejects, belongs elsewhere (or its profile is wrong).
    """
    files: dict[Path, str] = {}
    with pipeline_for(registry()) as pipeline:
        for dump in golden_dumps(site):
            recognised, fields = extract(dump, pipeline)
            if recognised != site:
                raise ValueError(f"{dump.relative_to(GOLDEN_DIR)} is not read as an article of {site}: {fields}")
            files[expected_path(dump)] = render(fields)
    return files


def main(names: list[str]) -> int:
    known = [profile.site for profile in registry()]
    unknown = sorted(set(names) - set(known))
    if unknown:
        print(f"unknown site {', '.join(unknown)}; the registry has {', '.join(known)}", file=sys.stderr)
        return 2
    for site in names or known:
        if not golden_dumps(site):
            print(f"no golden dumps in {GOLDEN_DIR / site}", file=sys.stderr)
            return 1
        try:
            files = expected_files(site)
        except ValueError as err:
            print(err, file=sys.stderr)
            return 1
        for target, text in files.items():
            same = target.exists() and target.read_text(encoding="utf-8") == text
            target.write_text(text, encoding="utf-8")
            print(f"{'same   ' if same else 'changed'} {target.relative_to(GOLDEN_DIR)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
