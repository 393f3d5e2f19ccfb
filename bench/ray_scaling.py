"""The scaling model of `--engine ray`, from measurements on this machine.

Measures, over the benchmark generator's dumps:
- the CPU cost per input in the workers, local pool and Ray actors alike (the pipeline plus each engine's
  own work in the worker), and the wall time of a one-task Ray run (start-up: actors start, models load);
- the driver's per-input CPU cost (dedup, split, shard writing, counting), which stays on one process
  whatever the engine: each stage timed alone over the same processed batches;
- the projected throughput at 8, 64 and 512 cores: min(workers / worker cost, 1 / driver cost).

    .venv/bin/python bench/ray_scaling.py --inputs 3000 --out bench/ray_scaling.json
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
from generate import cached, file_path, generate

from builder.batch import BATCH_SIZE
from builder.dedup.fingerprint import DEFAULT_THRESHOLD
from builder.engines import Executor
from builder.engines.local import Serial, run_pipeline
from builder.export.parquet import DEFAULT_MAX_SHARD_BYTES
from builder.export.report import BuildReport
from builder.inputs.containers import plan_inputs
from builder.inputs.files import DEFAULT_MAX_BYTES, InputFile
from builder.pipeline import PipelineOptions
from builder.record import Record
from builder.stages import Count, Dedup, Split, Stage, WriteShards, run_stages

OPTIONS = PipelineOptions(now=datetime(2026, 11, 22, tzinfo=UTC))
CORES = (8, 64, 512)
SEED = 7


def inputs(dumps: Path, count: int) -> list[InputFile]:
    return [
        InputFile(file_path(dumps, i).relative_to(dumps).as_posix(), str(file_path(dumps, i))) for i in range(count)
    ]


@dataclass(frozen=True)
class CpuTimed:
    """The build's pipeline, each batch's result with its worker's pid and the CPU seconds that process has used
    since the job started there: the engine's own work in that process (unpickling tasks, packing results) counts.

    CPU time, not wall time: this machine is shared, and a busy neighbour stretches wall time, not CPU time.
    """

    options: PipelineOptions

    def start(self) -> Callable[[list[Record]], tuple[pa.RecordBatch, int, float]]:
        process, started = self.options.start(), time.process_time()
        return lambda records: (process(records), os.getpid(), time.process_time() - started)


def worker_cpu(items: list[InputFile], executor: Executor | int) -> dict[str, float]:
    """CPU seconds per input in the workers (the last figure each worker reported), and the run's wall time."""
    started = time.perf_counter()
    used: dict[int, float] = {}
    for _, pid, seconds in run_pipeline(
        plan_inputs(items, DEFAULT_MAX_BYTES), CpuTimed(OPTIONS), DEFAULT_MAX_BYTES, executor
    ):
        used[pid] = max(used.get(pid, 0.0), seconds)
    return {
        "cpu_seconds_per_input": sum(used.values()) / len(items),
        "workers": len(used),
        "wall_seconds": time.perf_counter() - started,
    }


def processed(items: list[InputFile]) -> list[pa.RecordBatch]:
    return list(run_pipeline(plan_inputs(items, DEFAULT_MAX_BYTES), OPTIONS, DEFAULT_MAX_BYTES, Serial()))


def driver_costs(batches: list[pa.RecordBatch], work: Path) -> dict[str, float]:
    """Each of the driver's stages alone over the processed batches, CPU seconds per input."""
    count = sum(len(batch) for batch in batches)
    stages: dict[str, Callable[[Path], Stage]] = {
        "dedup": lambda folder: Dedup(DEFAULT_THRESHOLD, folder),
        "split": lambda folder: Split(0.1),
        "write": lambda folder: WriteShards(_fresh(folder / "data"), DEFAULT_MAX_SHARD_BYTES),
        "count": lambda folder: Count(BuildReport(), ("train", "test")),
    }
    inputs_to: list[pa.RecordBatch] = batches
    costs = {}
    for name, make in stages.items():
        stage = make(work / name)
        out: list[pa.RecordBatch] = []
        started = time.process_time()
        run_stages(inputs_to, [stage, _Collect(out)])
        costs[name] = (time.process_time() - started) / count
        inputs_to = out  # the next stage sees what this one gave, as in a build
    return costs


def _fresh(folder: Path) -> Path:
    folder.mkdir(parents=True)
    return folder


class _Collect:
    """A stage that keeps what passes, for the next stage's measurement."""

    name = "collect"

    def __init__(self, into: list[pa.RecordBatch]) -> None:
        self.into = into

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            self.into.append(batch)
            yield batch


def projection(worker_cost: float, driver_cost: float, writer_cost: float) -> list[dict[str, Any]]:
    """Inputs per second at each core count: workers on every core but the driver's, the driver alone for the rest."""
    rows = []
    for cores in CORES:
        workers = cores - 1
        work_rate, driver_rate = workers / worker_cost, 1 / driver_cost
        rows.append(
            {
                "cores": cores,
                "workers_inputs_per_s": round(work_rate),
                "driver_inputs_per_s": round(driver_rate),
                "projected_inputs_per_s": round(min(work_rate, driver_rate)),
                "bottleneck": "workers" if work_rate < driver_rate else "driver",
                "with_cluster_dedup_inputs_per_s": round(min(work_rate, 1 / writer_cost)),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=3000)
    parser.add_argument("--dumps", type=Path, default=Path("bench/out/dumps-ray"))
    parser.add_argument("--out", type=Path, default=None, help="write the figures here as JSON")
    args = parser.parse_args()
    if cached(args.dumps, args.inputs, SEED) is None:
        generate(args.dumps, args.inputs, SEED)
    items = inputs(args.dumps, args.inputs)

    import ray

    from builder.engines.ray import RayExecutor

    figures: dict[str, Any] = {"inputs": args.inputs}
    with tempfile.TemporaryDirectory() as work:
        figures["driver_cpu_seconds_per_input"] = driver_costs(processed(items), Path(work))
    figures["local_pool_2"] = worker_cpu(items, 2)
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    try:
        figures["ray_2_actors"] = worker_cpu(items, RayExecutor(actors=2))
        started = time.perf_counter()
        worker_cpu(items[:BATCH_SIZE], RayExecutor(actors=1))  # one task: start-up is most of it
        figures["ray_one_task_wall_seconds"] = time.perf_counter() - started
    finally:
        ray.shutdown()
    driver = sum(figures["driver_cpu_seconds_per_input"].values())
    writer = driver - figures["driver_cpu_seconds_per_input"]["dedup"]
    figures["projection"] = projection(figures["ray_2_actors"]["cpu_seconds_per_input"], driver, writer)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
