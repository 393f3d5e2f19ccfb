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
from builder.validate.validators import BodyLengthValidator, DateValidator, LanguageValidator, TitleValidator

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
    untitled: str = "reject"  # or "keep": an article with no headline found becomes a row with a null title

    def start(self) -> Callable[[list[Record]], ProcessedBatch]:
        """The build's job for an engine (`builder.engines.Job`): a pipeline per worker, each batch packed."""
        pipeline = Pipeline(self)
        return lambda records: pack(pipeline.process_batch(records))


class Pipeline:
    """Runs the steps over records; any exception inside one record becomes that record's reject."""

    def __init__(self, options: PipelineOptions) -> None:
        self.fingerprint = Fingerprinter(options.near_dup_threshold) if options.fingerprint else None
        detector = make_detector(options.lang_detector)
        self.date_check = DateValidator(options.now, options.undated)
        # Each value is filled just before it is judged: the language model sees only records still valid.
        self.reading: list[Step] = [recognise_format, recognise_html, decode]
        self.extracting: list[Step] = [
            Extractors(standard_extractors(options.sites, parse_article, _others(options))),
            fill_dates,
        ]
        self.judging: list[Step] = [
            TitleValidator(options.untitled),
            count_body_words,
            BodyLengthValidator(options.min_words),
            LanguageDetection(detector),
            LanguageValidator(detector.name),
        ]
        self.steps: list[Step] = [*self.reading, *self.extracting, self.date_check, *self.judging]

    def process(self, record: Record) -> Record:
        return self.process_batch([record])[0]

    def process_batch(self, records: list[Record]) -> list[Record]:
        """Each step over the whole batch before the next: a step's tables and model stay in the CPU
        cache (fastText ran 2-3x slower when every article went through all the steps in turn)."""
        readable = [record for record in records if record.reject is None]  # not rejected while reading
        self._finish(run_steps(readable, self.steps))
        return _emptied(records)

    def process_undated(self, records: list[Record], extracted: Callable[[list[Record]], None]) -> list[Dated | None]:
        """Every step but the date check, whose verdict depends on `--now`: what a build cache keeps.

        Returns, per record, the dates the check would have judged, or None for a record rejected
        before it; `extracted` hears the records that were read (rejected or not) while their text is
        still there. Steps run per record, so leaving the check out changes no other record's outcome;
        a record the check would reject is judged by the later steps too, and the check, made
        afterwards (`Dated.check`), takes precedence over them as it does in `process_batch`.
        """
        read = run_steps([record for record in records if record.reject is None], self.reading)
        live = run_steps(read, self.extracting)
        extracted(read)
        dated = {
            id(record): Dated(record.fields.get("published_at"), record.fields.get("published_at_local"))
            for record in live
        }
        self._finish(run_steps(live, self.judging))
        _emptied(records)
        return [dated.get(id(record)) for record in records]

    def _finish(self, live: list[Record]) -> None:
        for record in live:
            _failed(_finish, record, self.fingerprint)


@dataclass(frozen=True, slots=True)
class Dated:
    """What the date check of one record reads, besides its site: kept so the check can be made again."""

    published_at: datetime | None
    published_at_local: datetime | None

    def check(self, date_check: DateValidator, source_file: str, site: SiteProfile | None) -> Reject | None:
        """The date check's verdict, as `process_batch` makes it (an exception is the record's reject)."""
        fields = {"published_at": self.published_at, "published_at_local": self.published_at_local}
        return run_step(date_check, Record(source_file, site=site, fields=fields))


def run_steps(records: list[Record], steps: list[Step]) -> list[Record]:
    """The steps in turn, each over every record still live; the records none rejected."""
    for step in steps:
        records = [record for record in records if not _failed(step, record)]
    return records


def _emptied(records: list[Record]) -> list[Record]:
    """Only fields, reject and keys are needed downstream: keep them small."""
    for record in records:
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
