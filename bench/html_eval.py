"""HTML extraction through `builder build` against trafilatura called alone, on the same pages in one run.

    python bench/html_eval.py [--devset ../shared/devsets/readability] [--workers 2] [--repeat N]
        [--subset all|design|held] [--score-body TOOLS_DIR]

Builds DEVSET/html with `builder build` (every page with an article kept: --no-dedup --undated keep
--untitled keep --min-words 0, on --workers processes) and calls trafilatura alone in a loop in this one process on the same
pages (`bare_extraction` with the build's options; its body is its own text output). Both are scored against
DEVSET/truth.json with bench/generic_eval.py's scores (body F1 is ../shared/tools/score_body.py's, imported
from there): body P/R/F1, title exact, authors set, date within 24 h (pages whose truth states one), language
and no_article precision / recall against `readerable: false`. Throughput: pages per second of wall time,
the whole build (start-up, language detection, shards and card included) against the single loop.
--repeat N gives both every page N times (copies under other names) to weigh the build's start-up less.

The title chooser (builder/extract/html/title.py) was designed on 70 % of the devset's pages; the other 30 %
(`held_back`: fixed by a hash of the page name) were kept out. Title exact is printed for both parts apart;
--subset limits the whole run to one of them.

Targets (issue 16): body F1 within 0.01 of trafilatura alone, title >= 85 %, date >= 90 % of the pages that
state one, build throughput >= 1.5x the single loop.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eval_fields import field_scores
from generic_eval import KEEP_EVERY_ARTICLE, _score_body_module, predict_dataset

from builder.extract.html.extractor import HtmlExtractor, page_times
from builder.extract.html.reading import DATE_FORMAT

NOW = datetime(2026, 12, 1, tzinfo=UTC)
BUILD_OPTIONS = [*KEEP_EVERY_ARTICLE, "--now", NOW.isoformat(), "-q"]
COPY_SEPARATOR = "~"  # page `name~2.html`: the second copy of `name.html` under --repeat
HELD_BACK_SHARE = 0.3
SUBSETS = ("all", "design", "held")


def held_back(names: list[str]) -> set[str]:
    """The pages kept out of the title chooser's design: the 30 % whose names hash lowest (sha256), so the
    split is fixed and needs no list."""
    ranked = sorted(names, key=lambda name: hashlib.sha256(name.encode()).hexdigest())
    return set(ranked[: round(len(names) * HELD_BACK_SHARE)])


def in_subset(names: list[str], subset: str) -> list[str]:
    held = held_back(names)
    return [name for name in names if subset == "all" or (name in held) == (subset == "held")]


def page_files(devset: Path, subset: str = "all") -> list[Path]:
    pages = {path.stem: path for path in (devset / "html").glob("*.html")}
    return [pages[name] for name in in_subset(sorted(pages), subset)]


def staged_pages(pages: list[Path], repeat: int, folder: Path, whole: bool) -> Path:
    """The pages as the build reads them: the devset folder itself (`whole`: all its pages, once), or
    `repeat` copies of each page."""
    if repeat == 1 and whole:
        return pages[0].parent
    folder.mkdir()
    for path in pages:
        for copy in range(repeat):
            shutil.copyfile(path, folder / f"{path.stem}{COPY_SEPARATOR}{copy}{path.suffix}")
    return folder


def built(pages: Path, work: Path, workers: int) -> tuple[dict[str, Any], float, dict[int, float]]:
    """`builder build PAGES` as a user runs it: its rows and rejects by page name, its wall seconds and the
    CPU seconds of each process of its tree, the build process's first (polled: the pool's workers are not
    waited for, so rusage misses them)."""
    import psutil

    out, report = work / "dataset", work / "report"
    command = [sys.executable, "-m", "builder.cli.main", "build", str(pages), "--out", str(out)]
    command += ["--report", str(report), *BUILD_OPTIONS, "--workers", str(workers)]
    began = time.perf_counter()
    with subprocess.Popen(command, stderr=subprocess.PIPE) as build:
        cpu = _tree_cpu(psutil.Process(build.pid))
        _, errors = build.communicate()
    seconds = time.perf_counter() - began
    if build.returncode:
        raise SystemExit(f"builder build failed: {errors.decode().strip()}")
    found = predict_dataset(out, report)
    rows = {name: row for name, row in found.items() if COPY_SEPARATOR not in name or name.endswith("~0")}
    return rows, seconds, cpu


def _tree_cpu(root: Any) -> dict[int, float]:
    """User + system seconds of a process and of each of its descendants, as last seen before it ended."""
    import psutil

    seen: dict[int, float] = {}
    while root.is_running() and root.status() != psutil.STATUS_ZOMBIE:
        for process in [root, *root.children(recursive=True)]:
            try:
                times = process.cpu_times()
            except psutil.Error:
                continue
            seen[process.pid] = times.user + times.system
        time.sleep(0.1)
    return seen


def trafilatura_alone(pages: list[Path], repeat: int) -> tuple[dict[str, Any], float, float]:
    """trafilatura's reading of every page (read from disk inside the loop, as the build does), with the
    build's options, and the loop's wall and CPU seconds."""
    import trafilatura

    trafilatura.bare_extraction("<html><body><p>warm up</p></body></html>")  # its lazy loads out of the timing
    dates = {"original_date": True, "outputformat": DATE_FORMAT, "max_date": HtmlExtractor.at(NOW).max_date}
    found: dict[str, Any] = {}
    began, began_cpu = time.perf_counter(), time.process_time()
    for path in pages:
        for _ in range(repeat):
            document = trafilatura.bare_extraction(
                path.read_bytes(),
                with_metadata=True,
                include_images=True,
                include_comments=False,
                include_tables=True,
                date_extraction_params=dates,
            )
        found[path.stem] = _prediction(document)
    return found, time.perf_counter() - began, time.process_time() - began_cpu


def _prediction(document: Any) -> dict[str, Any]:
    if document is None or not document.text:
        return {"no_article": True, "body": "", "title": None, "authors": [], "date": None}
    authors = [name.strip() for name in (document.author or "").split(";") if name.strip()]
    date = page_times(document.date)[1] if document.date else None
    return {"body": document.text, "title": document.title, "authors": authors, "date": date, "no_article": False}


def _as_copy_names(found: dict[str, Any]) -> dict[str, Any]:
    """Rows of copy 0 under the page's own name."""
    return {name.removesuffix(f"{COPY_SEPARATOR}0"): row for name, row in found.items()}


def _print_title_parts(names: list[str], truth: dict[str, Any], runs: dict[str, Any], scorer: Any) -> None:
    """Title exact on the pages the chooser was designed on and on the held-back ones, apart."""
    held = held_back(sorted(truth))
    for part, members in (("design", [n for n in names if n not in held]), ("held", [n for n in names if n in held])):
        if not members:
            continue
        for run, found in runs.items():
            value = field_scores(members, truth, found, scorer)["title exact"]
            print(f"  {run:<18} {'title ' + part:<14} {value}")


def main(argv: list[str] | None = None) -> int:
    repo = Path(__file__).resolve().parents[1]  # ../shared beside the main checkout, ../../shared beside worktrees
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    shared = next((base / "shared" for base in (repo.parent, repo.parent.parent) if (base / "shared").is_dir()), None)
    parser.add_argument("--devset", type=Path, default=(shared or repo.parent / "shared") / "devsets" / "readability")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="read every page this many times (both sides)")
    parser.add_argument("--subset", choices=SUBSETS, default="all", help="the pages of one part of the devset")
    parser.add_argument("--score-body", type=Path, help="the folder of score_body.py (default ../shared/tools)")
    args = parser.parse_args(argv)
    truth = json.loads((args.devset / "truth.json").read_text(encoding="utf-8"))
    for entry in truth.values():
        entry["title_printed"] = bool(entry["title"])  # the page's own <title>: every title is on the page
        entry["date_printed"] = True  # the page's metadata: every stated date is in the page
    scorer = _score_body_module(args.devset, args.score_body)
    pages = page_files(args.devset, args.subset)
    with tempfile.TemporaryDirectory(prefix="html-eval-") as work:
        folder = staged_pages(pages, args.repeat, Path(work) / "pages", args.subset == "all")
        build_rows, build_seconds, processes = built(folder, Path(work), args.workers)
    alone_rows, alone_seconds, alone_cpu = trafilatura_alone(pages, args.repeat)
    names = in_subset(sorted(truth), args.subset)
    print(f"{len(pages)} pages x {args.repeat}, truth for {len(names)}")
    runs = {"builder build": _as_copy_names(build_rows), "trafilatura alone": alone_rows}
    for run, found in runs.items():
        for field, value in field_scores(names, truth, found, scorer).items():
            if field not in ("title (printed)", "date (printed)"):
                print(f"  {run:<18} {field:<14} {value}")
    _print_title_parts(names, truth, runs, scorer)
    total = len(pages) * args.repeat
    build_rate, alone_rate = total / build_seconds, total / alone_seconds
    print(
        f"\nthroughput (wall): builder build on {args.workers} workers {build_rate:.1f} pages/s ({build_seconds:.1f} s)"
    )
    print(f"                   trafilatura alone, 1 process {alone_rate:.1f} pages/s ({alone_seconds:.1f} s)")
    print(f"                   ratio {build_rate / alone_rate:.2f}x (target >= 1.5x)")
    build_cpu = sum(processes.values())
    print(
        f"CPU a page: builder build {build_cpu / total * 1000:.0f} ms (all its processes), trafilatura alone ", end=""
    )
    print(f"{alone_cpu / total * 1000:.0f} ms: on {args.workers} idle cores the build would read ", end="")
    print(f"{args.workers * alone_cpu / build_cpu:.2f}x the loop's pages/s")
    _print_processes(processes)
    return 0


def _print_processes(processes: dict[int, float]) -> None:
    """Where the build's CPU went: its own process, then the busiest others (the workers: their spread
    says whether one ran on alone at the end; on a busy machine it is the figure wall time is not)."""
    root, *others = processes.values()
    busiest = ", ".join(f"{seconds:.1f}" for seconds in sorted(others, reverse=True)[:4])
    print(f"CPU seconds: build process {root:.1f}; busiest others (workers) {busiest}")


if __name__ == "__main__":
    sys.exit(main())
