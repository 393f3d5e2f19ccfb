"""In-process measurements through the library: time per pipeline stage, language backends, dedup scaling.

Nothing in builder/ is modified: steps are wrapped on a Pipeline instance, dedup helpers are patched
on the module for the duration of one measurement and restored, and the parent's stages run one after
the other over the whole sample, each timed alone.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
from generate import file_path

import builder.dedup.deduplicator as dedup_module
from builder import batch as outcome
from builder.batch import pack
from builder.dedup.deduplicator import Deduplicator
from builder.dedup.fingerprint import DEFAULT_THRESHOLD
from builder.engines.local import BATCH_SIZE, batched, run_pipeline
from builder.engines.processes import default_workers
from builder.export.parquet import DEFAULT_MAX_SHARD_BYTES, SplitWriter
from builder.export.report import BuildReport
from builder.extract.langid import FastTextDetector, LangdetectDetector
from builder.inputs.files import DEFAULT_MAX_BYTES, InputFile, read_record
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from builder.schema import load_schema
from builder.stages import Count, Dedup, Split, WriteShards

# Stages as the brief names them, from the finer timers below.
GROUPS = {
    "read": ("read",),
    "decode": ("decode",),
    "parse": ("format", "extract"),  # the format check, then the extractor: recognise the site and parse
    "validate": ("fill_dates", "date", "count_body_words", "body"),
    "language": ("detect_language", "language"),
    "finalize+overhead": ("finalize+overhead",),
    "arrow rows": ("arrow_rows",),
    "ipc (pickle both ways)": ("ipc_dump", "ipc_load"),
    "dedup fingerprint": ("fingerprint",),
    "dedup": ("dedup",),
    "split": ("split",),
    "write": ("write",),
    "report": ("report",),
}
PARENT_STAGES = ("ipc_load", "dedup", "split", "write", "report")  # done by the one parent process in a pooled build


def inputs(dumps: Path, count: int) -> list[InputFile]:
    return [
        InputFile(file_path(dumps, i).relative_to(dumps).as_posix(), str(file_path(dumps, i))) for i in range(count)
    ]


def _step_name(step: Callable[..., Any]) -> str:
    name = getattr(step, "stage", None) or getattr(step, "__name__", type(step).__name__)
    # Each step under a name of its own: two steps on one timer would be counted twice below.
    return {"recognise_format": "format", "recognise": "extract"}.get(name, name)


def _timed(func: Callable[..., Any], name: str, acc: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        started = time.perf_counter()
        try:
            return func(*args)
        finally:
            acc[name] += time.perf_counter() - started

    return wrapper


@contextmanager
def patched(targets: list[tuple[Any, str, str]], acc: dict[str, float]) -> Iterator[None]:
    """Time functions by name (object, attribute, timer) for the duration of the block.

    A target that is not there fails at once: skipping it would report a stage that measured nothing.
    """
    saved = [(obj, attr, vars(obj)[attr]) for obj, attr, _ in targets]  # KeyError names a renamed target
    for (obj, attr, original), (_, _, name) in zip(saved, targets, strict=True):
        setattr(obj, attr, _timed(original, name, acc))
    try:
        yield
    finally:
        for obj, attr, original in saved:
            setattr(obj, attr, original)


def dedup_timers() -> list[tuple[Any, str, str]]:
    """The rare, costly part of dedup: confirming a candidate (shingles, Jaccard, reading the spill)."""
    return [
        (dedup_module, "shingles", "dedup.shingles"),
        (dedup_module, "jaccard", "dedup.jaccard"),
        (dedup_module.Spill, "get", "dedup.spill_read"),
    ]


def time_fingerprint(pipeline: Pipeline, acc: dict[str, float]) -> None:
    """Time the dedup fingerprint the pipeline computes for each row (dedup is on by default)."""
    assert pipeline.fingerprint is not None
    pipeline.fingerprint = _timed(pipeline.fingerprint, "fingerprint", acc)  # type: ignore[assignment]


def stage_times(dumps: Path, sample: int, now: datetime) -> dict[str, Any]:
    """Run the library's own pieces over `sample` dumps in one process, as `build --workers 1` does."""
    acc: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    pipeline = Pipeline(PipelineOptions(now=now))
    setup = time.perf_counter() - started
    items = inputs(dumps, sample)
    warm = [pipeline.process(read_record(item, DEFAULT_MAX_BYTES)) for item in items]  # untimed: page cache,
    pack(warm[:BATCH_SIZE])  # code paths, pyarrow's one-off pandas import: measure the steady state
    names = [_step_name(step) for step in pipeline.steps]
    pipeline.steps = [_timed(step, name, acc) for step, name in zip(pipeline.steps, names, strict=True)]
    records: list[Record] = []
    time_fingerprint(pipeline, acc)
    for chunk in batched(items, BATCH_SIZE):  # as a worker does: a batch at a time, step by step
        t0 = time.perf_counter()
        batch = [read_record(item, DEFAULT_MAX_BYTES) for item in chunk]
        t1 = time.perf_counter()
        pipeline.process_batch(batch)
        acc["read"] += t1 - t0
        acc["process"] += time.perf_counter() - t1
        records.extend(batch)
    assert len(set(names)) == len(names), f"two steps share a timer: {names}"
    steps = sum(acc[name] for name in names) + acc["fingerprint"]
    acc["finalize+overhead"] = acc.pop("process") - steps  # what process() adds around the steps
    batches = []
    for chunk in batched(records, BATCH_SIZE):  # the worker turns its batch's rows into Arrow
        t0 = time.perf_counter()
        batches.append(pack(chunk))
        acc["arrow_rows"] += time.perf_counter() - t0
    pickled = 0
    for batch in batches:  # what a pooled build ships back from each worker
        t0 = time.perf_counter()
        blob = pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)
        t1 = time.perf_counter()
        pickle.loads(blob)
        acc["ipc_dump"] += t1 - t0
        acc["ipc_load"] += time.perf_counter() - t1
        pickled += len(blob)
    work = Path(tempfile.mkdtemp(prefix="bench-stages-"))
    try:
        post = _dedup_write_report(batches, work, acc)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _summarise(acc, sample, setup, post, pickled, records)


def _timed_stage(stage: Any, batches: list[pa.RecordBatch], name: str, acc: dict[str, float]) -> list[pa.RecordBatch]:
    """Run one parent stage over every batch, as the build does (a stream), alone on the clock."""
    t0 = time.perf_counter()
    out = list(stage(iter(batches)))
    acc[name] += time.perf_counter() - t0
    return out


def _dedup_write_report(batches: list[pa.RecordBatch], work: Path, acc: dict[str, float]) -> dict[str, float]:
    from builder.export.card import CardOptions, render_card
    from builder.export.stats import dataset_stats

    schema = load_schema()
    (work / "warm").mkdir()
    warm = SplitWriter(work / "warm", "train", schema.arrow())  # one-off first-use cost (~0.3 s), untimed
    warm.write(outcome.rows_of(batches[0]))
    warm.close()
    (work / "data").mkdir()
    write, count = WriteShards(work / "data", DEFAULT_MAX_SHARD_BYTES), Count(BuildReport(), ("train",))
    with patched(dedup_timers(), acc):
        deduped = _timed_stage(Dedup(DEFAULT_THRESHOLD), batches, "dedup", acc)
    split = _timed_stage(Split(0.0), deduped, "split", acc)
    main_cpu = time.thread_time()
    _timed_stage(write, split, "write", acc)
    main_cpu = time.thread_time() - main_cpu  # without the row groups compressed on the writers' threads
    _timed_stage(count, split, "report", acc)
    t0 = time.perf_counter()
    count.report.write(work / "report", {})
    acc["report"] += time.perf_counter() - t0
    t0 = time.perf_counter()
    stats = dataset_stats(write.shards, count.body_words)
    t1 = time.perf_counter()
    render_card(schema, write.shards, stats, {"inputs": count.report.inputs, "rejects": []}, {}, CardOptions())
    return {
        "write_main_thread_cpu_seconds": round(main_cpu, 3),
        "stats_seconds": round(t1 - t0, 3),
        "card_seconds_first_call": round(time.perf_counter() - t1, 3),
    }


def _summarise(
    acc: dict[str, float], n: int, setup: float, post: dict[str, float], pickled: int, records: list[Record]
) -> dict[str, Any]:
    fine = {k: round(v, 4) for k, v in sorted(acc.items())}
    total = sum(v for k, v in acc.items() if not k.startswith("dedup."))
    groups = {g: sum(acc.get(k, 0.0) for k in keys) for g, keys in GROUPS.items()}
    parent = sum(acc.get(k, 0.0) for k in PARENT_STAGES) / n
    worker = (total / n) - parent
    cores = default_workers()
    return {
        "sample": n,
        "rows": sum(r.reject is None for r in records),
        "pipeline_setup_seconds": round(setup, 3),  # language model load, once per process
        **post,
        "stages": {
            g: {"seconds": round(s, 3), "us_per_input": round(1e6 * s / n, 1), "share": round(s / total, 3)}
            for g, s in groups.items()
        },
        "fine_seconds": fine,
        "pickle_bytes_per_input": round(pickled / n),
        "cpu_us_per_input": round(1e6 * total / n, 1),
        "parent_us_per_input": round(1e6 * parent, 1),
        "worker_us_per_input": round(1e6 * worker, 1),
        # Upper bounds for a pooled build on this machine: all cores busy, or the serial parent saturated.
        "ceiling_inputs_per_second_all_cores": round(cores * n / total),
        "ceiling_inputs_per_second_parent_bound": round(1 / parent) if parent else None,
        "single_core_inputs_per_second": round(n / total),
    }


def langid_speed(dumps: Path, count: int, now: datetime, budget_seconds: float = 20.0) -> dict[str, Any]:
    """Articles per second of each backend on one core, over real parsed bodies (detect() as the validator calls it)."""
    pipeline = Pipeline(PipelineOptions(now=now))
    pipeline.steps = [s for s in pipeline.steps if _step_name(s) != "language"]
    bodies = []
    for item in inputs(dumps, count * 2):
        record = pipeline.process(read_record(item, DEFAULT_MAX_BYTES))
        if record.reject is None:
            bodies.append(record.fields["body"])
        if len(bodies) >= count:
            break
    results: dict[str, Any] = {}
    for cls in (FastTextDetector, LangdetectDetector):
        t0 = time.perf_counter()
        detector = cls()
        load = time.perf_counter() - t0
        done, english, t0 = 0, 0, time.perf_counter()
        for body in bodies:
            english += detector.detect(body)[0] == "en"
            done += 1
            if time.perf_counter() - t0 > budget_seconds:
                break
        seconds = time.perf_counter() - t0
        results[cls.name] = {
            "articles": done,
            "seconds": round(seconds, 3),
            "articles_per_second": round(done / seconds, 1),
            "english_share": round(english / done, 4),
            "load_seconds": round(load, 3),
        }
    return results


def _dedup_pass(batches: list[pa.RecordBatch]) -> tuple[float, int, dict[str, int]]:
    """Seconds, rows and duplicates by kind of one pass; batches are not modified, so passes repeat."""
    inputs = [(outcome.dedup_keys(batch), outcome.kept(batch, ["source_file", "body"])) for batch in batches]
    dedup = Deduplicator()
    kinds: dict[str, int] = defaultdict(int)
    t0 = time.perf_counter()
    for keys, rows in inputs:  # as the build calls it
        for reject in dedup(keys, rows):
            if reject is not None:
                kinds[reject.detail.split(":")[0]] += 1
    seconds = time.perf_counter() - t0
    dedup.close()
    return seconds, sum(rows.num_rows for _, rows in inputs), dict(kinds)


def dedup_scaling(dumps: Path, n: int, now: datetime) -> dict[str, Any]:
    """Time Deduplicator alone over the valid rows among the first n and 2n dumps (whole batches)."""
    # One process: a pool would re-import this script's __main__ in every worker (forkserver).
    batches = list(run_pipeline(inputs(dumps, 2 * n), PipelineOptions(now=now), DEFAULT_MAX_BYTES, 1))
    runs = {}
    _dedup_pass(batches[: len(batches) // 8])  # warm-up: imports, first calls
    for count in (n, 2 * n):
        some = batches[: count // BATCH_SIZE]
        seconds, rows, kinds = min((_dedup_pass(some) for _ in range(2)), key=lambda run: run[0])  # best of two
        runs[count] = {
            "records": rows,
            "seconds": round(seconds, 3),
            "us_per_record": round(1e6 * seconds / rows, 1),
            "duplicates": dict(kinds),
        }
    ratio = runs[2 * n]["seconds"] / runs[n]["seconds"]
    return {"n": n, "runs": {str(k): v for k, v in runs.items()}, "time_ratio_2n_over_n": round(ratio, 3)}
