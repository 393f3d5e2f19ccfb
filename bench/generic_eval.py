"""Per-field scores of the generic reader on a development set of dumps with silver truth.

    python bench/generic_eval.py --devset ../shared/devsets/readability --build
    python bench/generic_eval.py --devset ../shared/devsets/readability [--dataset BUILT_DIR [--report DIR]]
        [--per-page OUT.tsv] [--score-body TOOLS_DIR]

With --build it runs `builder build DEVSET/dumps` (every page with an article kept: --no-dedup --undated
keep --untitled keep --min-words 0) and scores the dataset and rejects it wrote. Without --build or --dataset it calls
`read_generic` on every dump (the fast loop; the language is detected on the
body here as the build does). With --dataset it reads the rows a `builder build DEVSET/dumps --out DIR`
wrote (DIR/data/**/*.parquet, `source_file` = NAME.txt) and the rejects (`--report` folder, default
DIR/../report, rejects.parquet).

Scores, for all pages, the train part and the held-out part (30 % of sites, chosen by a hash of the site's
name: `held_out`): body F1 (../shared/tools/score_body.py's definition, imported from there), title exact
(normalised case, whitespace and quotes; a truth title "Title | Site" / "Title - Site" also matches on its
part before the separator, since the window title's site suffix is not on the page), authors (set match of
normalised names, over pages whose truth names some; "authors none": of the article pages whose truth names no one
and that became rows, the share given no author, so that a false name counts), date within 24 h (pages whose truth states one; "date (printed)": of those, the pages whose dump prints that
date in a form a reader could read, ISO, numeric or with a month name, found by a matcher of its own),
language (primary subtag, pages whose truth states one), no_article precision / recall against
`readerable: false`; on a set whose truth holds passages typed out by hand ("with": the article holds them,
"without": it does not; hand_labels.py --trafilatura-eval), their precision, recall and F1 as trafilatura's
evaluation counts them (a passage is found when the body holds it, whitespace runs made one space). Two baselines in the same table: the whole dump as body, and the densest run of long
lines. `--html-reference` adds a third, which sees what the reader does not: trafilatura on the page's HTML
(DEVSET/html/NAME.html; `extract` with its defaults but no comments, as the issue's reference figures are taken),
to tell how hard a set is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

from eval_dates import printed_forms, truth_date
from eval_fields import Prediction, field_scores, passage_counts, title_match

TIMING_RUNS = 3
HELD_OUT_SHARE = 30  # percent of sites kept out of training and tuning


def site_of(name: str) -> str:
    """The site a devset page comes from: its name without a trailing number ("nytimes-3" -> "nytimes")."""
    return re.sub(r"-\d+$", "", name)


def held_out(name: str) -> bool:
    """Whether the page's site is in the held-out part (the same split in the training script)."""
    digest = hashlib.blake2b(site_of(name).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % 100 < HELD_OUT_SHARE


def _score_body_module(devset: Path, given: Path | None) -> Any:
    """../shared/tools/score_body.py, imported (its definition of body F1 is the one to use, not a copy):
    --score-body, else beside the devset (DEVSET/../../tools), else ../shared/tools from the repo."""
    repo = Path(__file__).resolve().parents[1]
    candidates = [given] if given else [devset / ".." / ".." / "tools", repo / ".." / "shared" / "tools"]
    for folder in candidates:
        if folder is not None and (folder / "score_body.py").exists():
            sys.path.insert(0, str(folder.resolve()))
            import score_body  # type: ignore[import-not-found]

            return score_body
    raise SystemExit(f"score_body.py not found in {', '.join(map(str, candidates))}: pass --score-body DIR")


def predict_direct(devset: Path) -> tuple[dict[str, Prediction], list[float]]:
    """read_generic on every dump; per-page milliseconds of the reader alone."""
    from builder.extract.generic.reader import read_generic
    from builder.extract.langid import make_detector
    from builder.record import Reject

    detector = make_detector("fasttext")
    out: dict[str, Prediction] = {}
    millis: list[float] = []
    for path in dump_paths(devset):
        text = path.read_text(encoding="utf-8")
        reading, spent = _timed(read_generic, text)
        millis.append(spent)
        if isinstance(reading, Reject):
            out[path.stem] = {"no_article": True, "body": "", "title": None, "authors": [], "date": None}
            continue
        fields = reading.fields
        date = reading.date.instant(UTC) if reading.date else None
        local = reading.date.local if reading.date else None
        language = detector.detect(fields["body"])[0] if fields["body"] else None
        out[path.stem] = {
            **fields,
            "date": date,
            "published_at_local": local,
            "language": language,
            "no_article": False,
        }
    return out, millis


def predict_dataset(folder: Path, report: Path) -> dict[str, Prediction]:
    """The rows and rejects of a built dataset, by page name."""
    import pyarrow.parquet as pq

    out: dict[str, Prediction] = {}
    for shard in sorted((folder / "data").rglob("*.parquet")):
        for row in pq.read_table(shard).to_pylist():
            name = Path(row["source_file"]).stem
            date = row.get("published_at")
            date = date.replace(tzinfo=UTC) if date is not None and date.tzinfo is None else date
            out[name] = {**row, "date": date, "no_article": False}
    rejects = report / "rejects.parquet"
    if rejects.exists():
        for row in pq.read_table(rejects).to_pylist():
            if row["reason"] == "no_article":
                name = Path(row["source_file"]).stem
                out[name] = {"no_article": True, "body": "", "title": None, "authors": [], "date": None}
    return out


def _timed(read: Callable[[str], Any], text: str) -> tuple[Any, float]:
    """The reading and its best CPU milliseconds of TIMING_RUNS (CPU time: the machine is shared)."""
    best = float("inf")
    for _ in range(TIMING_RUNS):
        began = time.process_time()
        reading = read(text)
        best = min(best, (time.process_time() - began) * 1000)
    return reading, best


def _reference_loop_ms() -> float:
    """CPU time of a fixed pure-Python loop: divides out a loaded or slow machine when figures are compared."""
    best = float("inf")
    for _ in range(5):
        began = time.process_time()
        total = 0
        for step in range(100_000):
            total += step
        best = min(best, (time.process_time() - began) * 1000)
    return best


def _mark_printed_titles(devset: Path, truth: dict[str, Any]) -> None:
    """truth[name]["title_printed"]: whether some line of the dump matches the truth title at all (a truth
    title is often the window title, which a dump never shows: "title (printed)" scores only those pages)."""
    for name, entry in truth.items():
        lines = [" ".join(raw.replace("•", " ").split()) for raw in _dump(devset, name).split("\n")]
        entry["title_printed"] = bool(entry["title"]) and any(title_match(entry["title"], line) for line in lines)


def _mark_printed_dates(devset: Path, truth: dict[str, Any]) -> None:
    """truth[name]["date_printed"]: whether some line of the dump prints the truth date (or the day before or
    after: the zone may move it) in a form a reader could read: "date (printed)" scores only those pages."""
    for name, entry in truth.items():
        when = truth_date(entry["published"])
        entry["date_printed"] = False
        if when is None:
            continue
        forms = [form for shift in (-1, 0, 1) for form in printed_forms(when + timedelta(days=shift))]
        lines = _dump(devset, name).split("\n")
        entry["date_printed"] = any(form.search(line) for line in lines for form in forms)


def _dump(devset: Path, name: str) -> str:
    return (devset / "dumps" / f"{name}.txt").read_text(encoding="utf-8")


def _whole_dump(text: str) -> str:
    return text


def _densest_run(text: str) -> str:
    """Baseline: the run of non-blank lines where lines of 10+ words (+1) most outweigh the others (-0.5),
    all its lines as the body (of the simple variants tried, the best on this set: 0.81)."""
    lines = [" ".join(raw.split()) for raw in text.split("\n")]
    best, span, total, start = 0.0, (0, 0), 0.0, 0
    for i, line in enumerate(lines):
        if not line:
            continue
        score = 1.0 if line.count(" ") >= 9 else -0.5
        total, start = (score, i) if total <= 0 else (total + score, start)
        if total > best:
            best, span = total, (start, i + 1)
    return "\n\n".join(line for line in lines[span[0] : span[1]] if line)


def _trafilatura_bodies(devset: Path) -> dict[str, Prediction]:
    """Reference: trafilatura's text of each page's HTML (a page with none, or none it reads: an empty body)."""
    import trafilatura  # the HTML reader's own dependency; imported only for this reference

    bodies: dict[str, Prediction] = {}
    for path in dump_paths(devset):
        page = devset / "html" / f"{path.stem}.html"
        html = page.read_bytes() if page.exists() else b""
        bodies[path.stem] = {"body": (trafilatura.extract(html, include_comments=False) if html else None) or ""}
    return bodies


def _body_baseline(devset: Path, make: Callable[[str], str]) -> dict[str, Prediction]:
    return {path.stem: {"body": make(path.read_text(encoding="utf-8"))} for path in dump_paths(devset)}


def dump_paths(devset: Path) -> list[Path]:
    """The development set's dumps, in name order (each page's name is its dump's stem)."""
    return sorted((devset / "dumps").glob("*.txt"))


def _print_table(
    title: str, parts: dict[str, list[str]], truth: dict[str, Any], runs: dict[str, dict[str, Prediction]], scorer: Any
) -> None:
    print(f"\n{title}")
    for run, pred in runs.items():
        for part, names in parts.items():
            for field, value in field_scores(names, truth, pred, scorer).items():
                print(f"  {run:<18} {part:<18} {field:<14} {value}")


KEEP_EVERY_ARTICLE = ["--no-dedup", "--undated", "keep", "--untitled", "keep", "--min-words", "0"]
BUILD_OPTIONS = [*KEEP_EVERY_ARTICLE, "--now", "2026-12-01T00:00:00Z", "-q"]


def _built(devset: Path, work: Path) -> tuple[Path, Path]:
    """`builder build DEVSET/dumps` as a user runs it, every page with an article kept: (dataset, report)."""
    out, report = work / "dataset", work / "report"
    command = [sys.executable, "-m", "builder.cli.main", "build", str(devset / "dumps"), "--out", str(out)]
    done = subprocess.run([*command, "--report", str(report), *BUILD_OPTIONS], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"builder build failed: {done.stderr.strip()}")
    return out, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, required=True)
    parser.add_argument("--dataset", type=Path, help="a dataset built from DEVSET/dumps")
    parser.add_argument(
        "--build",
        action="store_true",
        help="build DEVSET/dumps with `builder build` first (in a temporary folder), and score that",
    )
    parser.add_argument("--report", type=Path, help="the build's --report folder (default DATASET/../report)")
    parser.add_argument("--score-body", type=Path, help="the folder of score_body.py (default ../shared/tools)")
    parser.add_argument("--per-page", type=Path, help="write name, part, body F1, title ok, date per page")
    parser.add_argument(
        "--html-reference", action="store_true", help="also score trafilatura on DEVSET/html (bodies only)"
    )
    args = parser.parse_args(argv)
    truth = json.loads((args.devset / "truth.json").read_text(encoding="utf-8"))
    scorer = _score_body_module(args.devset, args.score_body)
    _mark_printed_titles(args.devset, truth)
    _mark_printed_dates(args.devset, truth)
    names = sorted(truth)
    parts = {
        f"all ({len(names)})": names,
        f"train ({sum(not held_out(n) for n in names)})": [n for n in names if not held_out(n)],
        f"held-out ({sum(held_out(n) for n in names)})": [n for n in names if held_out(n)],
    }
    millis: list[float] = []
    if args.build:
        with tempfile.TemporaryDirectory(prefix="generic-eval-") as work:
            pred = predict_dataset(*_built(args.devset, Path(work)))
    elif args.dataset:
        pred = predict_dataset(args.dataset, args.report or args.dataset.parent / "report")
    else:
        pred, millis = predict_direct(args.devset)
    runs = {
        "generic": pred,
        "whole dump": _body_baseline(args.devset, _whole_dump),
        "densest run": _body_baseline(args.devset, _densest_run),
    }
    if args.html_reference:
        runs["trafilatura (HTML)"] = _trafilatura_bodies(args.devset)
    _print_table("field scores (held-out: sites chosen by hash, never trained or tuned on)", parts, truth, runs, scorer)
    if millis:
        ordered = sorted(millis)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        print(
            f"\nreader ms/page (CPU time): median {statistics.median(millis):.3f}  p90 {p90:.3f}  max {ordered[-1]:.3f}"
        )
        print(f"machine speed: {_reference_loop_ms():.1f} ms for a 100,000-step Python loop (~3.5 ms on an idle core)")
    if args.per_page:
        _write_per_page(args.per_page, names, truth, pred, scorer)
    return 0


def _write_per_page(
    path: Path, names: list[str], truth: dict[str, Any], pred: dict[str, Prediction], scorer: Any
) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("name\tpart\tbody_f1\tP\tR\ttitle_ok\tno_article\ttitle\tdate\tpassages\n")
        for n in names:
            got = pred.get(n, {})
            p, r, _ = scorer.aggregate([scorer.page_counts(truth[n]["body"], got.get("body") or "")])
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            ok = title_match(truth[n]["title"], got.get("title"))
            part = "held-out" if held_out(n) else "train"
            date = got.get("date")
            cells = [n, part, f"{f1:.3f}", f"{p:.3f}", f"{r:.3f}", ok, got.get("no_article"), got.get("title")]
            passages = "-"
            if truth[n].get("with") is not None:  # "+found/with -leaked/without"
                found, leaked, _, _ = passage_counts(truth[n], got.get("body") or "")
                passages = f"+{found}/{len(truth[n]['with'])} -{leaked}/{len(truth[n]['without'])}"
            out.write("\t".join(map(str, [*cells, date.isoformat() if date else None, passages])) + "\n")


if __name__ == "__main__":
    sys.exit(main())
