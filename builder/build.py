"""`build`: inputs to a dataset folder in the Hub's layout, plus a report; the library entry point."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.build_options import BuildOptions, BuildResult, check_options, recorded_options
from builder.cache import BuildCache, check_place, held
from builder.cache.focus import Changed, focus_dedup
from builder.cache.keys import context_digest
from builder.dedup.cluster import ClusterDedup
from builder.engines import WorkItem, planned_inputs
from builder.engines.local import Progress, run_pipeline
from builder.engines.ray import RayExecutor, ray_session
from builder.errors import NoRowsError, ReconcileError, StrictModeError
from builder.export.card import render_card
from builder.export.changes import Changes, since_previous, write_changes
from builder.export.destination import (
    check_destinations,
    check_writable,
    is_previous_report,
    locked_destinations,
)
from builder.export.report import BuildReport
from builder.export.staging import staged_folder
from builder.export.stats import dataset_stats
from builder.export.write_errors import write_error
from builder.extract.generic.corpus import CorpusIndex
from builder.extract.generic.extractor import GenericTextExtractor
from builder.extract.generic.survey import surveyed
from builder.inputs.containers import Part, export_containers, plan_inputs, registered
from builder.inputs.exports import ExportColumns
from builder.inputs.files import discover
from builder.pipeline import PipelineOptions
from builder.schema import load_schema
from builder.sites import registry
from builder.stages import (
    Count,
    Dedup,
    KeepLatest,
    ReportProgress,
    Split,
    Stage,
    WriteShards,
    duplicates_found,
    inputs_done,
    run_stages,
    split_of,
)

if TYPE_CHECKING:
    import numpy as np

__all__ = ["BuildOptions", "BuildResult", "build", "recorded_options", "split_of"]  # the library's entry points


@dataclass
class _Written:
    """What streaming the rows produced: the report so far, the shards, and each row's body length."""

    report: BuildReport
    shards: dict[str, list[Path]]
    body_words: np.ndarray
    shared: np.ndarray | None  # the dedup keys two inputs or more held, for the build cache (None: not known)


def build(paths: Sequence[Path], options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the dataset at `options.out` and the report at `options.report` from the inputs under `paths`.

    Nothing is read before the inputs, --out and --report have been checked; --out is replaced only
    by a complete dataset, and only if it held nothing but an earlier build.
    """
    check_options(options)
    now = options.now or datetime.now(UTC)
    if now.tzinfo is None:  # a zone-less instant is taken as UTC, like --now
        now = now.replace(tzinfo=UTC)
    skip = (options.out, options.report, *((options.cache,) if options.cache else ()))
    inputs = discover(paths, skip)  # checks every path now
    _check_destinations(options, paths)
    check_writable(options.out, options.report)
    with (
        locked_destinations(options.out, options.report, wait=options.wait),
        _exports_read(options.columns),
        _engine(options) as options,
        held(options.cache) if options.cache else nullcontext(),
    ):
        _check_destinations(options, paths)  # again: the folders may have changed meanwhile
        try:
            cache = BuildCache.open(options.cache, _context(options, now)) if options.cache else None
            items = plan_inputs(inputs, options.max_bytes)
            survey_items: Iterable[Part] = plan_inputs(discover(paths, skip), options.max_bytes)
            changed = None
            if cache is not None and not options.rehash:  # a file the cache vouches for is neither read nor surveyed
                vouched = cache.stats()
                items = vouched.stated(items)
                survey_items = changed = Changed(vouched, survey_items, keep=cache.keeps_shared)
            corpus = _survey(survey_items, options) if options.unknown_sites == "generic" else None
            return _build(items, options, now, progress, corpus, cache, changed)
        except OSError as err:
            raise write_error(err, options.out, options.report) from err


def _check_destinations(options: BuildOptions, paths: Sequence[Path]) -> None:
    check_destinations(options.out, options.report, paths)
    if options.cache:
        check_place(options.cache, options.out, options.report, paths)


class _Counted:
    """The work items, counted apart from their outcomes: the report's `inputs`.

    Inputs the plan knows (a file, a zip's members) are counted here as they are handed out, so a batch
    lost on its way back fails the reconciliation; the members of a tar are known only where it is
    opened, and the engine reports them with their batch.
    """

    def __init__(self, items: Iterable[WorkItem]) -> None:
        self._items = items
        self.count = 0

    def __iter__(self) -> Iterator[WorkItem]:
        for item in self._items:
            self.count += planned_inputs(item) or 0
            yield item

    def opened(self, count: int) -> None:
        self.count += count


def _survey(items: Iterable[WorkItem], options: BuildOptions) -> CorpusIndex:
    return surveyed(items, registry(options.profiles), options.max_bytes, options.executor or options.workers)


def _build(
    items: Iterable[WorkItem],
    options: BuildOptions,
    now: datetime,
    progress: Progress | None,
    corpus: CorpusIndex | None,
    cache: BuildCache | None,
    changed: Changed | None = None,
) -> BuildResult:
    recorded = recorded_options(options, now)
    counted = _Counted(items)
    # An incremental build surveys only the inputs that changed, and may read others again: the survey's
    # findings of a dump are trusted only when it read every input (no cache, or one that vouched for none)
    all_surveyed = changed is None or changed.walked_all
    pipeline = _pipeline_options(options, now, corpus, all_surveyed=all_surveyed)
    if cache is not None and changed is not None and options.dedup and not _ranked_dedup(options):
        focus_dedup(cache, changed, pipeline, options.max_bytes, options.executor or options.workers)
    with staged_folder(options.out) as staging:
        written = _write_rows(counted, staging / "data", options, pipeline, progress, cache)
        report = written.report
        report.inputs = counted.count
        changes = since_previous(options.since or options.out, staging, explicit=options.since is not None)
        if cache is not None:
            report.cache = {"reused": cache.reused, "unread": cache.unread, "parsed": cache.parsed}
        with staged_folder(options.report, is_previous=is_previous_report) as report_folder:
            summary = report.write(report_folder, recorded, changes.summary())
            write_changes(report_folder, changes)
        if not report.reconciled:
            raise ReconcileError(
                f"{report.inputs} inputs were found but {report.rows} rows and {report.rejected} rejects came out; "
                "no dataset was written"
            )
        if report.rows == 0:
            raise NoRowsError(_no_rows_message(report), rejects_by_reason=report.by_reason())
        if options.fail_on_reject and report.rejected:
            raise StrictModeError(
                f"{report.rejected} of {report.inputs} inputs were rejected (--fail-on-reject)",
                rejects_by_reason=report.by_reason(),
            )
        _write_card(staging, written, recorded, options, changes)
    final = {split: [options.out / "data" / p.name for p in paths] for split, paths in written.shards.items()}
    if cache is not None:
        cache.commit(written.shared)  # only now: a build that failed or was stopped leaves the cache as it was
    warnings = tuple(cache.warnings) if cache is not None else ()
    return BuildResult(summary=summary, rejects_by_reason=report.by_reason(), shards=final, warnings=warnings)


def _context(options: BuildOptions, now: datetime) -> bytes:
    """The build cache's context digest: the pipeline's options, and those of the build that reach the workers."""
    facts = {"max_bytes": options.max_bytes, "columns": options.columns, "unknown_sites": options.unknown_sites}
    return context_digest(_pipeline_options(options, now, None), options.profiles, facts)


@contextmanager
def _engine(options: BuildOptions) -> Iterator[BuildOptions]:
    """The options with the executor that --engine names, running while the block runs (a local Ray is stopped after)."""
    if options.engine == "local" or options.executor is not None:
        yield options
        return
    with ray_session(options.ray_address, options.workers) as executor:
        yield dataclasses.replace(options, executor=executor)


@contextmanager
def _exports_read(columns: tuple[tuple[str, str], ...]) -> Iterator[None]:
    """JSON Lines and Parquet exports read from the --column mapping while the block runs (planned in this process)."""
    with ExitStack() as stack:
        for container in export_containers(ExportColumns.mapped(columns)) if columns else ():
            stack.enter_context(registered(container))
        yield


def _no_rows_message(report: BuildReport) -> str:
    if not report.rejected and not report.skipped:
        return "no input files were found under the given paths; no dataset was written"
    top = (report.by_reason() or report.by_reason(skips=True))[0]
    most = "all" if top["count"] == report.inputs else f"{top['count']}"
    return (
        f"all {report.inputs} inputs were rejected ({most} as {top['reason']}, e.g. {top['example']})"
        + (f" or skipped ({report.skipped} WARC records that are not pages)" if report.skipped else "")
        + "; no dataset was written"
    )


def _pipeline_options(
    options: BuildOptions, now: datetime, corpus: CorpusIndex | None, all_surveyed: bool = False
) -> PipelineOptions:
    """`all_surveyed`: the corpus's survey read every input the pipeline will (`GenericTextExtractor.surveyed`)."""
    return PipelineOptions(
        now=now,
        min_words=options.min_words,
        lang_detector=options.lang_detector,
        fingerprint=options.dedup,
        near_dup_threshold=options.near_dup_threshold,
        sites=registry(options.profiles),  # loaded and checked once, in _check; the workers get the profiles by value
        generic=GenericTextExtractor(corpus, surveyed=all_surveyed) if corpus is not None else None,
        undated=options.undated,
        untitled=options.untitled,
    )


def _write_rows(
    items: Iterable[WorkItem],
    folder: Path,
    options: BuildOptions,
    pipeline: PipelineOptions,
    progress: Progress | None,
    cache: BuildCache | None,
) -> _Written:
    """Run the pipeline (through the cache, if any), then the parent's stages over its batches: every row
    to its split's shards, every input counted in the report."""
    folder.mkdir()
    workers = options.executor or options.workers
    if cache is None:
        batches = run_pipeline(items, pipeline, options.max_bytes, workers)
    else:
        batches = cache.batches(run_pipeline(items, cache.job(pipeline, options.max_bytes), options.max_bytes, workers))
    split = Split(options.test_size)
    write, count = WriteShards(folder, options.max_shard_bytes), Count(BuildReport(), split.always)
    dedup = _dedup_stage(options, folder.parent, cache.focus if cache is not None else None)
    run_stages(batches, _parent_stages(progress, dedup, [split, write, count]))
    shared = dedup.shared if isinstance(dedup, Dedup) else None
    return _Written(count.report, write.shards, count.body_words, shared)


def _parent_stages(progress: Progress | None, dedup: Stage | None, output: list[Stage]) -> list[Stage]:
    """The parent's stages, in order: progress as batches arrive, dedup, progress of its rejects, then `output`."""
    stages: list[Stage] = []
    if progress:
        stages.append(ReportProgress("progress", progress, inputs_done))
    if dedup is not None:
        stages.append(dedup)
        if progress:
            stages.append(ReportProgress("progress of dedup", progress, duplicates_found))
    return stages + output


def _ranked_dedup(options: BuildOptions) -> bool:
    """Whether dedup ranks all copies before it judges (`--keep latest`, or on Ray): no focus then."""
    return options.keep == "latest" or isinstance(options.executor, RayExecutor)


def _dedup_stage(options: BuildOptions, spill_folder: Path, focus: np.ndarray | None) -> Stage | None:
    """The one place the dedup stage is chosen, for every engine: on Ray, the keys are grouped and the bodies
    compared on the cluster, with the local stage's verdicts; `--keep latest` ranks copies in this process."""
    threshold = options.near_dup_threshold
    if not options.dedup:
        return None
    if options.keep == "latest":
        return KeepLatest(spill_folder, threshold)
    if isinstance(options.executor, RayExecutor):
        return ClusterDedup(threshold, spill_folder)
    return Dedup(threshold, spill_folder, focus)


def _write_card(
    staging: Path, written: _Written, recorded: dict[str, Any], options: BuildOptions, changes: Changes
) -> None:
    report = written.report
    stats = dataset_stats(written.shards, written.body_words)
    card_report = {
        "inputs": report.inputs,
        "rejected": report.rejected,
        "rejects": report.by_reason(),
        "skipped": report.skipped,
    }
    card_options = dataclasses.replace(options.card, load_path=options.card.load_path or options.out.name)
    card = render_card(load_schema(), written.shards, stats, card_report, recorded, card_options, changes.card())
    (staging / "README.md").write_text(card, encoding="utf-8")
