"""What a build is asked (`BuildOptions`), each option checked before anything is read, and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from builder.dedup.fingerprint import DEFAULT_THRESHOLD
from builder.dedup.keep import KEEP_CHOICES
from builder.engines import Executor
from builder.engines.processes import default_workers
from builder.engines.ray import require_ray
from builder.errors import OptionError
from builder.export.card import CardOptions
from builder.export.changes import check_since
from builder.export.parquet import DEFAULT_MAX_SHARD_BYTES
from builder.extract.langid import DEFAULT_DETECTOR, DETECTORS
from builder.inputs.exports import ExportColumns
from builder.inputs.files import DEFAULT_MAX_BYTES
from builder.pipeline import DEFAULT_MIN_WORDS
from builder.sites import registry
from builder.validate.validators import UNDATED_CHOICES, UNTITLED_CHOICES

UNKNOWN_SITES_CHOICES = ("generic", "reject")
ENGINE_CHOICES = ("local", "ray")  # what runs the per-input pipeline; the output is the same bytes either way


@dataclass(frozen=True)
class BuildOptions:
    out: Path
    report: Path
    now: datetime | None = None
    min_words: int = DEFAULT_MIN_WORDS
    lang_detector: str = DEFAULT_DETECTOR
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = field(default_factory=default_workers)
    dedup: bool = True
    near_dup_threshold: float = DEFAULT_THRESHOLD
    keep: str = "first"  # which copy of a duplicate stays: "first" in input order, or "latest" published
    max_shard_bytes: int = DEFAULT_MAX_SHARD_BYTES
    test_size: float = 0.0
    fail_on_reject: bool = False
    wait: bool = False  # for another build holding --out or --report, instead of failing at once
    card: CardOptions = field(default_factory=CardOptions)
    executor: Executor | None = None  # what runs the pipeline; None: `workers` processes (1: this one)
    unknown_sites: str = "generic"  # a dump no profile recognises: read by the generic reader, or "reject"ed
    undated: str = "reject"  # an article that prints no date: rejected (missing_date), or "keep" (null date)
    untitled: str = "reject"  # an article with no headline found: rejected (missing_title), or "keep" (null title)
    profiles: tuple[Path, ...] = ()  # folders of users' site profiles, tried before the bundled ones
    columns: tuple[tuple[str, str], ...] = ()  # --column FIELD=NAME: the export columns a field is read from
    since: Path | None = None  # the build the changelog compares with (default: the --out being replaced)
    engine: str = "local"  # "ray": the pipeline runs on Ray (builder[ray]); ignored when `executor` is given
    ray_address: str | None = None  # the Ray cluster to join (else RAY_ADDRESS, else a local Ray of `workers` CPUs)
    cache: Path | None = None  # the build cache's folder (builder.cache): outcomes reused across builds; None: none
    rehash: bool = False  # read and digest every input, even a file the cache would vouch for by its stat


@dataclass(frozen=True)
class BuildResult:
    summary: dict[str, Any]
    rejects_by_reason: list[dict[str, Any]]
    shards: dict[str, list[Path]]
    warnings: tuple[str, ...] = ()  # for the user: the build cache was unsound and ignored...


def check_options(options: BuildOptions) -> None:
    """Each option alone, named in its message (the CLI checks ranges too; this guards library callers);
    and every site profile, once: a broken one is one error here, not a reject for every input."""
    registry(options.profiles)
    if options.lang_detector not in DETECTORS:
        raise OptionError(f"unknown language detector {options.lang_detector!r}; choose one of {', '.join(DETECTORS)}")
    if not 0.0 <= options.test_size < 1.0:
        raise OptionError(f"--test-size must be in [0, 1), got {options.test_size}")
    if options.unknown_sites not in UNKNOWN_SITES_CHOICES:
        choices = ", ".join(UNKNOWN_SITES_CHOICES)
        raise OptionError(f"--unknown-sites must be one of {choices}, got {options.unknown_sites!r}")
    if options.undated not in UNDATED_CHOICES:
        raise OptionError(f"--undated must be one of {', '.join(UNDATED_CHOICES)}, got {options.undated!r}")
    if options.untitled not in UNTITLED_CHOICES:
        raise OptionError(f"--untitled must be one of {', '.join(UNTITLED_CHOICES)}, got {options.untitled!r}")
    if options.engine not in ENGINE_CHOICES:
        raise OptionError(f"--engine must be one of {', '.join(ENGINE_CHOICES)}, got {options.engine!r}")
    if options.engine == "ray" and options.executor is None:
        require_ray()  # before anything is read: a missing extra names its install command
    if options.keep not in KEEP_CHOICES:
        raise OptionError(f"--keep must be one of {', '.join(KEEP_CHOICES)}, got {options.keep!r}")
    if not 0.0 < options.near_dup_threshold <= 1.0:
        raise OptionError(f"--near-dup-threshold must be in (0, 1], got {options.near_dup_threshold}")
    if options.min_words < 0:
        raise OptionError(f"--min-words must be 0 or more, got {options.min_words}")
    for name, value in (
        ("--max-bytes", options.max_bytes),
        ("--max-shard-size", options.max_shard_bytes),
        ("--workers", options.workers),
    ):
        if value <= 0:
            raise OptionError(f"{name} must be positive, got {value}")
    options.card.check()
    ExportColumns.mapped(options.columns)
    if options.since is not None:
        check_since(options.since)


def recorded_options(options: BuildOptions, now: datetime) -> dict[str, Any]:
    """The options that shape the output, as they go into the summary and the card (no paths, no workers)."""
    return {
        "now": now.isoformat(),
        "min_words": options.min_words,
        "lang_detector": options.lang_detector,
        "max_bytes": options.max_bytes,
        "dedup": f"exact, re-crawl and near-duplicate (Jaccard >= {options.near_dup_threshold})"
        + (", latest copy kept" if options.keep == "latest" else "")
        if options.dedup
        else "off",
        "test_size": options.test_size,
        "unknown_sites": options.unknown_sites,
        "undated": options.undated,
        "untitled": options.untitled,
        **options.card.recorded(),
        **({"columns": dict(options.columns)} if options.columns else {}),  # only when given: other reports stay
    }
