"""The generic reader's work in instructions, which a shared machine's drift does not move: run under callgrind.

    .venv/bin/python bench/generic_speed.py --devset ../shared/devsets/readability --copies 20 --out /tmp/gs
    PYTHONHASHSEED=0 valgrind --tool=callgrind --collect-atstart=no --toggle-collect=CPyDef_steps___run_step \\
        .venv/bin/python bench/generic_instructions.py /tmp/gs/generic-20
    callgrind_annotate --inclusive=yes callgrind.out.* | head -60

Takes every fourth page of the bench's dumps in its first four copies (132 dumps of set 1, four of each page:
a site's recurring lines count), surveys them, and runs the pipeline's batch over them twice (a worker reads
many batches: the second pass finds the site's lines it has met). Only the
pipeline's steps are counted (`--toggle-collect` on the compiled `run_step`): the survey, the imports and the
language model's loading are left out. The figure to compare is callgrind's "Collected" total, for compiled
wheels of two commits built alike (a commit before `GenericTextExtractor.surveyed` is run without it), with
`PYTHONHASHSEED=0`: a random seed moves every dict's and set's collisions, and the total by up to 0.2 % from one run
to the next (3,816.8 to 3,823.3 million for one build); with the seed fixed, two runs count the same.

`--survey` surveys the same dumps twice and reads none; count the survey's compiled steps with
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=CPyDef_decode___decode \
        --toggle-collect=CPyDef_columns___unfold_columns --toggle-collect=CPyDef_corpus___page_lines \
        --toggle-collect=CPyDef_publisher___publisher_from_lines --toggle-collect=CPyDef_corpus___sketch_page \
        --toggle-collect=CPyDef_corpus___unlisted .venv/bin/python bench/generic_instructions.py --survey /tmp/gs/generic-20
(the survey's own loop, `survey.py`, is left as Python and is not counted).
"""

from __future__ import annotations

import dataclasses
import sys
from datetime import UTC, datetime
from pathlib import Path

from builder.extract.generic.corpus import CorpusBuilder
from builder.extract.generic.extractor import GenericTextExtractor
from builder.extract.generic.survey import Survey
from builder.pipeline import PipelineOptions
from builder.record import Record
from builder.sites import registry

COPIES, EVERY, PASSES = 4, 4, 2


def main() -> None:
    survey_only = sys.argv[1] == "--survey"
    root = Path(sys.argv[-1])
    names = sorted(path.name for path in (root / "0000").glob("*.txt"))[::EVERY]
    paths = [root / f"{copy:04}" / name for copy in range(COPIES) for name in names]
    datas = [(str(path), path.read_bytes()) for path in paths]
    sites = registry()
    if survey_only:
        sketch = Survey(sites).start()
        for _ in range(PASSES):
            sketch([Record(source_file=name, data=data) for name, data in datas])
        print(f"{len(datas)} dumps surveyed {PASSES} times")
        return
    corpus = CorpusBuilder()
    corpus.add_all(Survey(sites).start()([Record(source_file=name, data=data) for name, data in datas]))
    surveyed = {"surveyed": True} if "surveyed" in {f.name for f in dataclasses.fields(GenericTextExtractor)} else {}
    options = PipelineOptions(
        now=datetime(2026, 11, 22, tzinfo=UTC), min_words=0, fingerprint=False, sites=sites,
        generic=GenericTextExtractor(corpus.index(), **surveyed), undated="keep",
    )  # fmt: skip
    batch = options.start()
    for _ in range(PASSES):
        batch([Record(source_file=name, data=data) for name, data in datas])
    print(f"{len(datas)} dumps read {PASSES} times")


if __name__ == "__main__":
    main()
