"""Incremental builds: a clean build, a 1 % change, then a build with the cache against a clean one.

    .venv/bin/python bench/incremental.py /work/main/bench/out/dumps-200000 /tmp/cache/incremental

The dumps are linked (not copied) into WORK/inputs, and a changed dump is written as a new file, so the
folder given is never modified. Steps: a clean build that writes the cache (cold), the same without the
cache (what the cache costs a clean build), the change (0.4 % added: new dumps from bench/generate.py;
0.3 % edited: one word of the body; 0.3 % deleted), a build with the cache, a clean build of the changed
inputs, and a byte comparison of their datasets and rejects. Figures go to WORK/incremental.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from generate import page
from measure import BUILDER, NOW, run_measured, warm_cache

SEED = 7
ADDED, EDITED, DELETED = 0.004, 0.003, 0.003


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def linked_copy(source: Path, target: Path) -> list[Path]:
    """Every dump of `source` hard-linked under `target`; the dumps, in order."""
    shutil.rmtree(target, ignore_errors=True)
    files = []
    for folder, _, names in sorted(os.walk(source)):
        for name in sorted(names):
            origin = Path(folder) / name
            linked = target / origin.relative_to(source)
            linked.parent.mkdir(parents=True, exist_ok=True)
            os.link(origin, linked)
            files.append(linked)
    return files


def replace_file(path: Path, data: bytes) -> None:
    """A new file at `path`: the linked original is left as it was."""
    path.unlink()
    path.write_bytes(data)


def edited(data: bytes) -> bytes | None:
    """The dump with one word of its body's end changed, or None when it has no article."""
    end = data.find(b"\nMost Read")
    at = data.rfind(b" the ", 0, end) if end > 0 else -1
    return data[:at] + b" this " + data[at + 5 :] if at > 0 else None


def change(files: list[Path], inputs: Path) -> dict[str, int]:
    """Add, edit and delete dumps (deterministic); how many of each."""
    rng = random.Random(SEED)
    total = len(files)
    chosen = rng.sample(files, int(total * (EDITED + DELETED)) * 2)
    deleted = chosen[: int(total * DELETED)]
    for path in deleted:
        path.unlink()
    edits = 0
    for path in chosen[len(deleted) :]:
        if edits == int(total * EDITED):
            break
        new = edited(path.read_bytes())
        if new is not None:
            replace_file(path, new)
            edits += 1
    added = int(total * ADDED)
    folder = inputs / "added"
    folder.mkdir()
    for i in range(total, total + added):
        (folder / f"{i:07d}.txt").write_bytes(page(SEED, i)[1])
    return {"added": added, "edited": edits, "deleted": len(deleted)}


def build(inputs: Path, where: Path, cache: Path | None) -> dict[str, Any]:
    """`builder build` into `where/out` (one name for every build: the card names it), measured."""
    shutil.rmtree(where / "out", ignore_errors=True)
    command = [str(BUILDER), "build", str(inputs), "--out", str(where / "out"), "--report", str(where / "report")]
    command += ["--now", NOW, "-q", "--test-size", "0.1"]
    command += ["--cache", str(cache)] if cache else ["--no-cache"]
    result = run_measured(command)
    if result.returncode:
        raise RuntimeError(f"build failed ({result.returncode}): {result.stderr[-2000:]}")
    summary = json.loads((where / "report" / "summary.json").read_text())
    keep = ("seconds", "cpu_seconds", "cpu_seconds_by_role", "peak_rss_tree_mb", "peak_rss_mb_by_role")
    return {**{k: v for k, v in result.as_dict().items() if k in keep}, "summary": summary}


def same_bytes(one: Path, other: Path) -> bool:
    """Every file of the two datasets, and the two reports' rejects.parquet, byte for byte."""

    def files(where: Path) -> dict[str, bytes]:
        out = where / "out"
        found = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        return {**found, "rejects.parquet": (where / "report" / "rejects.parquet").read_bytes()}

    return files(one) == files(other)


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dumps", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--skip-overhead", action="store_true", help="no clean build without cache before the change")
    parser.add_argument(
        "--reference",
        type=Path,
        help="a clean build of the changed inputs made before (its out/ and report/): compared with, not made again",
    )
    args = parser.parse_args()
    inputs, cache = args.work / "inputs", args.work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    files = linked_copy(args.dumps, inputs)
    input_bytes = size(inputs)
    log(f"{len(files)} dumps, {input_bytes / 2**20:.0f} MiB; warm page cache {warm_cache(inputs)} s")
    results: dict[str, Any] = {"dumps": len(files), "input_bytes": input_bytes}
    results["clean_with_cache"] = build(inputs, args.work / "a", cache)
    log(f"clean build writing the cache: {results['clean_with_cache']['seconds']} s")
    results["cache_bytes"] = size(cache)
    if not args.skip_overhead:  # what writing the cache costs a clean build
        results["clean_no_cache"] = build(inputs, args.work / "b", None)
        log(f"clean build, no cache: {results['clean_no_cache']['seconds']} s")
    results["change"] = change(files, inputs)
    log(f"changed: {results['change']}")
    results["changed_input_bytes"] = size(inputs)
    results["incremental"] = build(inputs, args.work / "a", cache)
    log(f"incremental build: {results['incremental']['seconds']} s, {results['incremental']['summary']['cache']}")
    results["cache_bytes_after"] = size(cache)
    if args.reference is None:
        results["clean_after_change"] = build(inputs, args.work / "b", None)
        log(f"clean build of the changed inputs: {results['clean_after_change']['seconds']} s")
    results["byte_identical"] = same_bytes(args.work / "a", args.reference or args.work / "b")
    if args.reference is not None:  # the clean build before the change stands in for it (~1 % fewer inputs)
        results["clean_after_change"] = results["clean_with_cache"]
    clean = results["clean_after_change"]["seconds"]
    results["incremental_share"] = round(results["incremental"]["seconds"] / clean, 3)
    cpu = results["clean_after_change"]["cpu_seconds"]  # the machine may be shared: CPU time is the steadier figure
    results["incremental_cpu_share"] = round(results["incremental"]["cpu_seconds"] / cpu, 3)
    main = results["incremental"]["cpu_seconds_by_role"].get("main", 0.0)
    results["parent_cpu_share_of_clean"] = round(main / cpu, 3)
    results["cache_share"] = round(results["cache_bytes_after"] / results["changed_input_bytes"], 3)
    (args.work / "incremental.json").write_text(json.dumps(results, indent=2) + "\n")
    log(
        f"incremental {results['incremental_share']:.1%} of a clean build's time (target <= 25 %), "
        f"{results['incremental_cpu_share']:.1%} of its CPU time (the parent's alone: "
        f"{results['parent_cpu_share_of_clean']:.1%}), "
        f"cache {results['cache_share']:.1%} of the input bytes (target <= 30 %), "
        f"byte-identical: {results['byte_identical']}"
    )


if __name__ == "__main__":
    main()
