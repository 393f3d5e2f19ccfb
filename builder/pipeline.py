"""The per-input pipeline: decode, extract, fill, validate. Free of input formats and scheduling."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from builder import sites as bundled
from builder.batch import ProcessedBatch, pack
from builder.dedup.fingerprint import DEFAULT_THRESHOLD, Fingerprinter
from builder.extract.dates import fill_dates
from builder.extract.decode import decode
from builder.extract.extractors import Extractor, Extractors, standard_extractors
from builder.extract.finalize import finalize
from builder.extract.html.extractor import HtmlExtractor
from builder.extract.html.media import recognise_html
from builder.extract.langid import DEFAULT_DETECTOR, make_detector
from builder.extract.measure import LanguageDetection, count_body_words
from builder.extract.recognise import recognise_format
from builder.extract.steps import Step, run_step
from builder.extract.textdump import parse_article
from builder.record import Record, Reject
from builder.sites.profile import SiteProfile
from builder.validate.validators import BodyLengthValidator, DateValidator, LanguageValidator

DEFAULT_MIN_WORDS = 30


def bundled_sites() -> tuple[SiteProfile, ...]:
    """The profiles in builder/sites, for callers that name none; read when the options are made, in the parent."""
    return bundled.registry()


@dataclass(frozen=True)
class PipelineOptions:
    """What a pipeline is made from; it travels to worker processes by value, profiles and extractors included."""

    now: datetime
    min_words: int = DEFAULT_MIN_WORDS
    lang_detector: str = DEFAULT_DETECTOR
    fingerprint: bool = True  # compute the dedup keys here, in parallel, rather than in the parent
    near_dup_threshold: float = DEFAULT_THRESHOLD
    sites: tuple[SiteProfile, ...] = field(default_factory=bundled_sites)  # recognised in this order
    extractors: tuple[Extractor, ...] = ()  # tried after the sites' profiles, before the fallback
    generic: Extractor | None = None  # reads text dumps no profile recognises; None: they are unknown_site
    undated: str = "reject"  # or "keep": an article that prints no date becomes a row with a null date

    def start(self) -> Callable[[list[Record]], ProcessedBatch]:
        """The build's job for an engine (`builder.engines.Job`): a pipeline per worker, each batch packed."""
        pipeline = Pipeline(self)
        return lambda records: pack(pipeline.process_batch(records))


class Pipeline:
    """Runs the steps over records; any exception inside one record becomes that record's reject."""

    def __init__(self, options: PipelineOptions) -> None:
        self.fingerprint = Fingerprinter(options.near_dup_threshold) if options.fingerprint else None
        detector = make_detector(options.lang_detector)
        # Each value is filled just before it is judged: the language model sees only records still valid.
        self.steps: list[Step] = [
            recognise_format,
            recognise_html,
            decode,
            Extractors(standard_extractors(options.sites, parse_article, _others(options))),
            fill_dates,
            DateValidator(options.now, options.undated),
            count_body_words,
            BodyLengthValidator(options.min_words),
            LanguageDetection(detector),
            LanguageValidator(detector.name),
        ]

    def process(self, record: Record) -> Record:
        return self.process_batch([record])[0]

    def process_batch(self, records: list[Record]) -> list[Record]:
        """Each step over the whole batch before the next: a step's tables and model stay in the CPU
        cache (fastText ran 2-3x slower when every article went through all the steps in turn)."""
        live = [record for record in records if record.reject is None]  # not rejected while reading
        for step in self.steps:
            live = [record for record in live if not _failed(step, record)]
        for record in live:
            _failed(_finish, record, self.fingerprint)
        for record in records:  # only fields, reject and keys are needed downstream: keep them small
            record.data = b""
            record.text = ""
            record.extracted = {}
        return records


def _others(options: PipelineOptions) -> tuple[Extractor, ...]:
    """The extractors tried after the profiles: the caller's, then the generic reader's; and HTML pages'."""
    generic = (options.generic,) if options.generic is not None else ()
    return (*options.extractors, *generic, HtmlExtractor.at(options.now))


def _finish(record: Record, fingerprint: Fingerprinter | None = None) -> None:
    finalize(record)
    if fingerprint:
        fingerprint(record, record.data)


def _failed(step: Callable[..., Reject | None], record: Record, *args: object) -> bool:
    """Run one step on one record, keeping its reject (an exception becomes one); True when it rejected."""
    record.reject = run_step(step, record, *args)
    return record.reject is not None
