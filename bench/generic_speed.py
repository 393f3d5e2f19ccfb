"""Throughput of the generic reader in `builder build`, and what the corpus survey costs a profiled build.

    .venv/bin/python bench/generic_speed.py --devset ../shared/devsets/readability --copies 100
    .venv/bin/python bench/generic_speed.py --survey-cost 20000     # profiled dumps from bench/generate.py

Generic dumps: every dump of the development set, `--copies` times. In copy c each line of 8 words or
more has the words between its first and its last rotated by c, in each of its cells apart, its spacing
kept (a sentence still opens and ends as it did, a table's row keeps its gaps; a long line of unspaced
script, its characters), and the line that prints the page's truth title gets the copy's number: the
article differs from copy to copy while navigation, menus and footers (short lines) recur, as they do
across the dumps of one site. Copy 0 is the development set's page itself. The build runs with
`--no-dedup --undated keep --untitled keep --min-words 0`, so every page that has an article is read
through to a row.

CPU a page (`--cpu`, with `--devset`): the survey's and one worker's batch function over the same dumps,
in this process, best of `--runs` by `time.process_time` (steadier than wall time on a shared machine);
`--profile` prints where that time goes (cProfile, by own time); `--stages` the CPU a dump of each step
of the survey and of the reader (sketch, line reading, scoring, the corpus, region and head, and the page
read again alone when the corpus left no article).

Survey cost: the same profiled dumps built with `--unknown-sites generic` (the default: a survey pass
reads every input first) and `--unknown-sites reject` (no survey), best of `--runs`.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from eval_fields import title_match
from generate import cached, generate
from generic_eval import dump_paths
from measure import BENCH, run_build

PROSE_WORDS = 8
Seq = TypeVar("Seq", str, list[str])
UNSPACED_CHARS = 16  # a line of one "word" this long is a sentence of unspaced script
MADE = "words between the first and last rotated, spacing kept, titles numbered"  # other copies are made again
_GAP = re.compile(r"(\s{2,})")  # a run of spaces: an indentation, or the gap between two cells of a table's row


def rotated(text: str, copy: int, title: str | None = None) -> str:
    """Copy `copy` of a dump, whose article differs from the other copies' as the articles of one site do:
    in each line of PROSE_WORDS words or more, the words between its first and its last rotated by `copy`
    (a sentence still opens and ends as it did), in each of its cells apart (the gaps of a table's row, an
    indentation, stay where they were: the copy is laid out as the page is); in a line of unspaced script
    (Chinese, Japanese) the same with its characters; the line that prints the page's `title` numbered.
    Copy 0 is the page itself."""
    lines = []
    for line in text.split("\n"):
        words = line.split()
        if len(words) >= PROSE_WORDS:
            line = "".join(_turned_cell(part, copy) for part in _GAP.split(line))
        elif len(words) == 1 and len(words[0]) >= UNSPACED_CHARS:
            line = line.replace(words[0], _turned(words[0], copy))
        elif copy and title and title_match(title, line):
            line = f"{line.rstrip()} {copy}"
        lines.append(line)
    return "\n".join(lines)


def _turned_cell(cell: str, copy: int) -> str:
    """A cell of a line (no run of spaces in it but at its ends) with `_turned` words, if it has PROSE_WORDS."""
    core = cell.strip()
    words = core.split(" ")
    if len(words) < PROSE_WORDS:
        return cell
    start = cell.index(core)
    return cell[:start] + " ".join(_turned(words, copy)) + cell[start + len(core) :]


def _turned(items: Seq, copy: int) -> Seq:
    """The items between the first and the last rotated by `copy`, the first left first and the last last."""
    shift = copy % (len(items) - 2)
    middle = items[1:-1]
    return items[:1] + middle[shift:] + middle[:shift] + items[-1:]


def generic_dumps(devset: Path, copies: int, root: Path) -> int:
    marker = root / "manifest.json"
    if marker.exists() and json.loads(marker.read_text()).get("made") == [copies, MADE]:
        return json.loads(marker.read_text())["dumps"]
    pages = dump_paths(devset)
    truth = json.loads((devset / "truth.json").read_text(encoding="utf-8"))
    count = 0
    for copy in range(copies):
        folder = root / f"{copy:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        for page in pages:
            (folder / page.name).write_text(
                rotated(page.read_text(encoding="utf-8"), copy, truth.get(page.stem, {}).get("title")), encoding="utf-8"
            )
            count += 1
    marker.write_text(json.dumps({"made": [copies, MADE], "dumps": count}))
    return count


def cpu_per_page(root: Path, runs: int, profile: bool) -> dict[str, float]:
    """Microseconds of CPU a dump for the survey and for the pipeline's batch function, in this process."""
    # Imported here: the other modes time the CLI in its own processes, and need none of this.
    from builder.extract.generic.corpus import CorpusBuilder, CorpusIndex
    from builder.extract.generic.extractor import GenericTextExtractor
    from builder.extract.generic.survey import Survey
    from builder.pipeline import PipelineOptions
    from builder.record import Record
    from builder.sites import registry

    datas = [(str(path), path.read_bytes()) for path in sorted(root.glob("*/*.txt"))]
    sites = registry()
    sketch = Survey(sites).start()

    def survey() -> CorpusIndex:
        corpus = CorpusBuilder()
        corpus.add_all(sketch([Record(source_file=name, data=data) for name, data in datas]))
        return corpus.index()

    options = PipelineOptions(
        now=datetime(2026, 11, 22, tzinfo=UTC), min_words=0, fingerprint=False, sites=sites,
        generic=GenericTextExtractor(survey(), surveyed=True), undated="keep",
    )  # fmt: skip
    batch = options.start()

    def pipeline() -> None:
        records = [Record(source_file=name, data=data) for name, data in datas]
        for start in range(0, len(records), 256):
            batch(records[start : start + 256])

    return {
        name: _best_cpu(job, runs, profile) / len(datas) * 1e6
        for name, job in (("survey", survey), ("batch", pipeline))
    }


def stage_cpu(root: Path) -> dict[str, float]:
    """Microseconds of CPU a dump in each step of the survey and of the generic reader, in this process
    (one pass; the pipeline's other steps, decoding, language and packing, are left out)."""
    from builder.extract.decode import decode
    from builder.extract.generic.corpus import CorpusBuilder, page_lines, sketch_page
    from builder.extract.generic.publisher import publisher_from_lines
    from builder.extract.generic.reader import _read, _titled, dump_lines
    from builder.extract.generic.region import score_lines
    from builder.extract.generic.site_lines import uses_corpus, with_corpus
    from builder.extract.textdump.lines import BLANK
    from builder.record import Record, Reject

    def _read_titled(text: str, scored: Any) -> Any:
        return _titled(_read(text, scored))

    texts = []
    for path in sorted(root.glob("*/*.txt")):
        record = Record(source_file=str(path), data=path.read_bytes())
        decode(record)
        texts.append(record.text)
    spent: dict[str, float] = {}

    def timed(stage: str, job: Callable[..., Any], *args: Any) -> Any:
        started = time.process_time()
        out = job(*args)
        spent[stage] = spent.get(stage, 0.0) + time.process_time() - started
        return out

    corpus = CorpusBuilder()
    for text in texts:
        lines = timed("survey: page_lines", page_lines, text)
        name = timed("survey: publisher", publisher_from_lines, lines)
        corpus.add(timed("survey: sketch (keys, frame)", sketch_page, lines, name))
    index = corpus.index()
    for text in texts:
        read = timed("read: dump_lines", dump_lines, text)
        texts_of = [line.text for line in read[1] if line is not BLANK]
        chrome = timed("read: site of the dump", index.chrome_for_lines, texts_of)
        page = timed("read: score_lines", score_lines, *read)
        if chrome is None or not uses_corpus(chrome):
            timed("read: region, head, fields", _read_titled, text, page)
            continue
        scored = timed("read: with_corpus", with_corpus, page, chrome)
        if isinstance(timed("read: region, head, fields", _read_titled, text, scored), Reject):
            timed("read: page alone again", _read_titled, text, page)  # as read_generic does
    return {stage: seconds / len(texts) * 1e6 for stage, seconds in spent.items()}


def _best_cpu(job: Callable[[], object], runs: int, profile: bool) -> float:
    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(job)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        job()
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--survey-cost", type=int, metavar="N", help="profiled dumps to build with and without it")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument(
        "--cpu", action="store_true", help="CPU a dump of the survey and the batch function, in-process"
    )
    parser.add_argument("--profile", action="store_true", help="with --cpu: where the time goes (cProfile)")
    parser.add_argument("--stages", action="store_true", help="with --devset: CPU a dump in each step, in-process")
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    args = parser.parse_args()
    results = {}
    if args.devset:
        root = args.out / f"generic-{args.copies}"
        dumps = generic_dumps(args.devset, args.copies, root)
        if args.cpu:
            cpu = cpu_per_page(root, args.runs, args.profile)
            results["cpu_us_per_dump"] = {name: round(us) for name, us in cpu.items()}
            print(f"CPU a dump: survey {cpu['survey']:.0f} us, batch {cpu['batch']:.0f} us", file=sys.stderr)
        if args.stages:
            stages = stage_cpu(root)
            results["stage_cpu_us_per_dump"] = {name: round(us) for name, us in stages.items()}
            for name, us in stages.items():
                print(f"  {name:32s} {us:6.0f} us a dump", file=sys.stderr)
        options = ["--no-dedup", "--undated", "keep", "--untitled", "keep", "--min-words", "0"]
        runs = [run_build(root, args.out / "work-generic", options=options) for _ in range(args.runs)]
        best = min(runs, key=lambda run: run["seconds"])
        results["generic"] = {"dumps": dumps, **best}
        print(
            f"generic: {dumps} dumps in {best['seconds']} s = {best['inputs_per_second']} inputs/s, "
            f"{best['rows']} rows, peak RSS {best['peak_rss_tree_mb']} MB",
            file=sys.stderr,
        )
    if args.survey_cost:
        root = args.out / f"dumps-{args.survey_cost}"
        if cached(root, args.survey_cost, 7) is None:
            generate(root, args.survey_cost, 7)
        for choice in ("reject", "generic"):
            runs = [
                run_build(root, args.out / "work-survey", options=["--unknown-sites", choice]) for _ in range(args.runs)
            ]
            best = min(runs, key=lambda run: run["seconds"])
            results[f"profiled, --unknown-sites {choice}"] = best
            print(
                f"profiled {args.survey_cost}, --unknown-sites {choice}: {best['seconds']} s = "
                f"{best['inputs_per_second']} inputs/s",
                file=sys.stderr,
            )
    print(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
