"""Benchmark `builder build` against the floor (read dumps, write raw text to Parquet) on synthetic dumps.

    .venv/bin/python bench/run.py --sizes 20000 200000      # the reference sizes (~5 min on 2 cores, dumps cached)
    .venv/bin/python bench/run.py --size 1000000            # add a size (repeatable; 1M = ~7 GB of dumps)
    .venv/bin/python bench/run.py --sizes 2000 --quick      # smoke run: small samples, no --workers 1 build

Dumps are generated once per (size, seed) and cached in bench/out/ (git-ignored). For each size it
measures the floor and `builder build` (default workers, then --workers 1) as subprocesses, polling
the RSS of the whole process tree; then, once, `builder --help`, per-stage times in process, both
language backends and near-dedup scaling. Prints tables; writes bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from generate import cached, generate
from measure import BENCH, NOW, code_state, help_seconds, machine, run_build, run_floor
from stages import dedup_scaling, langid_speed, stage_times

TARGETS = {
    "inputs_per_second": 4000,
    "build_over_floor": 3.0,
    "help_seconds": 0.5,
    "peak_rss_mb": 1024,
    "rss_growth": 0.25,
    "langdetect_per_second": 150,
    "dedup_2n_ratio": 2.2,
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def measure_size(size: int, args: argparse.Namespace) -> dict[str, Any]:
    root = args.out / f"dumps-{size}"
    manifest = cached(root, size, args.seed)
    if manifest is None:
        log(f"generating {size} dumps in {root}")
        manifest = generate(root, size, args.seed)
    log(f"{size}: {manifest['bytes'] / 2**20:.0f} MiB of dumps (generated in {manifest['seconds']} s)")
    work = args.out / f"work-{size}"
    floor = run_floor(root, work)
    log(f"{size}: floor {floor['seconds']} s")
    result: dict[str, Any] = {"dumps": manifest, "floor": floor, "code": code_state()}
    result["build"] = run_build(root, work)
    log(f"{size}: build {result['build']['seconds']} s, peak RSS {result['build']['peak_rss_tree_mb']} MB")
    result["build"]["over_floor"] = round(result["build"]["seconds"] / floor["seconds"], 2)
    if not args.quick:
        result["build_workers1"] = run_build(root, work, workers=1)
        log(f"{size}: build --workers 1 {result['build_workers1']['seconds']} s")
    return result


def check(name: str, value: float | None, target: float, ok: bool, note: str = "") -> dict[str, Any]:
    return {"target": name, "value": value, "goal": target, "pass": ok, "note": note}


def evaluate(results: dict[str, Any]) -> list[dict[str, Any]]:
    sizes = results["sizes"]
    largest, smallest = sizes[max(sizes, key=int)], sizes[min(sizes, key=int)]
    big = f"at {max(sizes, key=int)} dumps"
    rate = largest["build"]["inputs_per_second"]
    ratio = largest["build"]["over_floor"]
    peaks = [s["build"]["peak_rss_tree_mb"] for s in sizes.values()]
    growth = largest["build"]["peak_rss_tree_mb"] / smallest["build"]["peak_rss_tree_mb"] - 1
    helps = results["help"]["median_seconds"]
    langdetect = results["langid"]["langdetect"]["articles_per_second"]
    dedup = results["dedup_scaling"]["time_ratio_2n_over_n"]
    t = TARGETS
    return [
        check(
            "end-to-end inputs/s (default workers)", rate, t["inputs_per_second"], rate >= t["inputs_per_second"], big
        ),
        check("build time / floor time", ratio, t["build_over_floor"], ratio <= t["build_over_floor"], big),
        check("builder --help seconds (median of 5)", helps, t["help_seconds"], helps < t["help_seconds"]),
        check("peak RSS of the process tree, MB", max(peaks), t["peak_rss_mb"], max(peaks) < t["peak_rss_mb"], "max"),
        check(
            "peak RSS growth smallest -> largest size",
            round(growth, 3),
            t["rss_growth"],
            abs(growth) <= t["rss_growth"] and len(sizes) > 1,
            f"{min(sizes, key=int)} -> {max(sizes, key=int)}",
        ),
        check("langdetect articles/s on one core", langdetect, t["langdetect_per_second"], langdetect >= 150),
        check("near-dedup time 2N / N", dedup, t["dedup_2n_ratio"], dedup <= t["dedup_2n_ratio"]),
    ]


def print_tables(results: dict[str, Any]) -> None:
    m = results["machine"]
    print(f"\nmachine: {m['cpu_model']}, {m['usable_cores']} cores, {m['ram_gb']} GB RAM, Python {m['python']}")
    code = results["code_at_start"]
    print(
        f"builder at {code['commit']}"
        + (f" + {len(code['builder_changes'])} changed files" if code["builder_changes"] else "")
    )
    head = (
        "dumps",
        "MiB",
        "floor s",
        "floor/s",
        "build s",
        "inputs/s",
        "x floor",
        "RSS MB",
        "CPU s",
        "other s",
        "w1 s",
        "w1/s",
    )
    print(("{:>9}" * len(head)).format(*head))
    for size, s in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        b, f, w1 = s["build"], s["floor"], s.get("build_workers1")
        row = (
            size,
            round(s["dumps"]["bytes"] / 2**20),
            f["seconds"],
            round(f["files"] / f["seconds"]),
            b["seconds"],
            round(b["inputs_per_second"]),
            b["over_floor"],
            b["peak_rss_tree_mb"],
            b["cpu_seconds"],
            b["other_cpu_seconds"],
            w1["seconds"] if w1 else "-",
            round(w1["inputs_per_second"]) if w1 else "-",
        )
        print(("{:>9}" * len(row)).format(*row))
    for size, s in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        b = s["build"]
        cpu = ", ".join(f"{role} {sec} s" for role, sec in b["cpu_seconds_by_role"].items())
        rss = ", ".join(f"{role} {mb} MB" for role, mb in b["peak_rss_mb_by_role"].items())
        print(f"  {size}: CPU by process: {cpu}; peak RSS by process: {rss}")
    st = results["stages"]
    print(f"\nper-stage CPU, in process over {st['sample']} dumps ({st['cpu_us_per_input']} us per input):")
    for name, v in st["stages"].items():
        print(f"  {name:<24}{v['us_per_input']:>9.1f} us {100 * v['share']:>6.1f} %")
    print(
        f"  parent (serial) {st['parent_us_per_input']} us/input -> ceiling {st['ceiling_inputs_per_second_parent_bound']}"
        f"/s; all cores busy -> ceiling {st['ceiling_inputs_per_second_all_cores']}/s"
    )
    for name, v in results["langid"].items():
        print(f"language backend {name:<11}{v['articles_per_second']:>9.0f} articles/s on one core")
    d = results["dedup_scaling"]
    print(f"near-dedup {d['n']} -> {2 * d['n']} records: time x{d['time_ratio_2n_over_n']}")
    print(f"builder --help: {results['help']['median_seconds']} s (median of 5)\n")
    print(f"{'target':<44}{'value':>10}{'goal':>10}  result")
    for t in results["targets"]:
        print(f"{t['target']:<44}{t['value']!s:>10}{t['goal']!s:>10}  {'PASS' if t['pass'] else 'FAIL'} {t['note']}")


def guarded(results: dict[str, Any], key: str, args: argparse.Namespace, measure: Callable[[], Any]) -> None:
    """Run one in-process measurement; a failure (the library's API moves) is recorded, not fatal."""
    log(key)
    try:
        results[key] = measure()
    except Exception as err:
        results[key] = {"error": f"{type(err).__name__}: {err}"}
        log(f"{key} failed: {results[key]['error']}")
    save(results, args)


def save(results: dict[str, Any], args: argparse.Namespace) -> None:
    args.results.write_text(json.dumps(results, indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[], help="Dump counts to benchmark.")
    parser.add_argument("--size", type=int, action="append", default=[], help="One more dump count (repeatable).")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sample", type=int, default=5000, help="Dumps for the in-process per-stage timing.")
    parser.add_argument("--langid-articles", type=int, default=2000)
    parser.add_argument("--dedup-n", type=int, default=10_000, help="Near-dedup scaling over N then 2N records.")
    parser.add_argument("--quick", action="store_true", help="Skip the --workers 1 builds.")
    parser.add_argument("--out", type=Path, default=BENCH / "out", help="Cache of dumps and scratch space.")
    parser.add_argument("--results", type=Path, default=BENCH / "results.json")
    parser.add_argument("--resume", action="store_true", help="Keep sizes already in --results; measure the rest.")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes + args.size)) or [20_000, 200_000]
    now = datetime.fromisoformat(NOW).astimezone(UTC)
    results: dict[str, Any] = {"machine": machine(), "started": datetime.now(UTC).isoformat(timespec="seconds")}
    results["code_at_start"] = code_state()
    results["settings"] = {"seed": args.seed, "now": NOW, "sample": args.sample, "dedup_n": args.dedup_n}
    previous = json.loads(args.results.read_text()) if args.resume and args.results.exists() else {}
    results["sizes"] = {}
    for size in sizes:
        if str(size) in previous.get("sizes", {}):
            log(f"{size}: kept from {args.results} (measured at {previous['code_at_start']['commit']})")
            results["sizes"][str(size)] = previous["sizes"][str(size)]
        else:
            results["sizes"][str(size)] = measure_size(size, args)
        save(results, args)  # partial figures survive a later failure
    dumps = args.out / f"dumps-{max(sizes)}"  # file i is the same in every size: the largest has them all
    guarded(results, "help", args, help_seconds)
    guarded(results, "stages", args, lambda: stage_times(dumps, min(args.sample, max(sizes)), now))
    guarded(results, "langid", args, lambda: langid_speed(dumps, min(args.langid_articles, max(sizes) // 2), now))
    guarded(results, "dedup_scaling", args, lambda: dedup_scaling(dumps, min(args.dedup_n, max(sizes) // 2), now))
    results["code_at_end"] = code_state()
    if results["code_at_end"] != results["code_at_start"]:
        log("WARNING: builder/ changed during the run; sizes may have measured different code")
    failed = [k for k in ("help", "stages", "langid", "dedup_scaling") if "error" in results[k]]
    results["targets"] = [] if failed else evaluate(results)
    save(results, args)
    if failed:
        log(f"no target table: {', '.join(failed)} failed")
        return
    print_tables(results)
    log(f"figures written to {args.results}")


if __name__ == "__main__":
    main()
