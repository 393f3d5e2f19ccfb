"""Profile `builder.build.build` in process with pyinstrument and list the hotspots.

    .venv/bin/python bench/profile_build.py --size 20000            # --workers 1: every stage in this process
    .venv/bin/python bench/profile_build.py --size 20000 --workers 2  # only the parent of a pooled build

Uses the cached dumps of bench/run.py (generated if missing). Writes bench/out/profile-<size>-w<N>.{html,txt,json}
and prints the top functions by self time and by inclusive time, as shares of the whole build.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections import defaultdict
from datetime import datetime
from typing import Any

from generate import cached, generate
from measure import BENCH, NOW, warm_cache
from pyinstrument import Profiler
from pyinstrument.frame import Frame

from builder.build import BuildOptions, build


def _key(frame: Frame) -> str:
    path = frame.file_path or ""
    for marker in ("site-packages/", "/lib/python3", "/work/main/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{frame.function}  {path}:{frame.line_no}"


def hotspots(root: Frame) -> tuple[dict[str, float], dict[str, float]]:
    """Self and inclusive seconds per function (inclusive counted once per stack, so recursion is not doubled)."""
    own: dict[str, float] = defaultdict(float)
    inclusive: dict[str, float] = defaultdict(float)

    def walk(frame: Frame, stack: frozenset[str]) -> None:
        if frame.is_synthetic:  # "[self]" leaves: already in their parent's total_self_time
            return
        key = _key(frame)
        own[key] += frame.total_self_time
        if key not in stack:
            inclusive[key] += frame.time
        for child in frame.children:
            walk(child, stack | {key})

    walk(root, frozenset())
    return own, inclusive


def top(table: dict[str, float], total: float, count: int) -> list[dict[str, Any]]:
    ranked = sorted(table.items(), key=lambda kv: -kv[1])[:count]
    return [{"function": k, "seconds": round(v, 3), "share": round(v / total, 4)} for k, v in ranked]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--interval", type=float, default=0.001, help="Sampling interval in seconds.")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    out = BENCH / "out"
    dumps = out / f"dumps-{args.size}"
    if cached(dumps, args.size, args.seed) is None:
        generate(dumps, args.size, args.seed)
    warm_cache(dumps)  # this VM evicts cold pages fast: profile the CPU work, not the disk
    work = out / f"profile-work-{args.size}"
    shutil.rmtree(work, ignore_errors=True)
    options = BuildOptions(
        out=work / "dataset", report=work / "report", now=datetime.fromisoformat(NOW), workers=args.workers
    )
    profiler = Profiler(interval=args.interval)
    profiler.start()
    build([dumps], options)
    session = profiler.stop()
    shutil.rmtree(work, ignore_errors=True)

    stem = out / f"profile-{args.size}-w{args.workers}"
    stem.with_suffix(".html").write_text(profiler.output_html())
    stem.with_suffix(".txt").write_text(profiler.output_text(unicode=True, color=False, show_all=False))
    root = session.root_frame()
    assert root is not None
    total = root.time
    own, inclusive = hotspots(root)
    report = {
        "size": args.size,
        "workers": args.workers,
        "seconds": round(session.duration, 2),
        "cpu_seconds": round(session.cpu_time, 2),
        "inputs_per_second": round(args.size / session.duration, 1),
        "top_self": top(own, total, args.top),
        "top_inclusive": top({k: v for k, v in inclusive.items() if "builder/" in k}, total, args.top),
    }
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"build of {args.size} dumps, --workers {args.workers}: {report['seconds']} s under the profiler")
    for title, rows in (("self time", report["top_self"]), ("inclusive time (builder code)", report["top_inclusive"])):
        print(f"\ntop {args.top} by {title}:")
        for row in rows:
            print(f"  {100 * row['share']:5.1f} %  {row['seconds']:8.2f} s  {row['function']}")
    print(f"\nfull tree: {stem.with_suffix('.html')} and {stem.with_suffix('.txt')}")


if __name__ == "__main__":
    main()
