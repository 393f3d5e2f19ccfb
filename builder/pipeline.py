"""The per-input pipeline: decode, recognise, parse, validate. Free of input formats and scheduling."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from builder.dedup.fingerprint import DEFAULT_THRESHOLD, Fingerprinter
from builder.extract.decode import decode
from builder.extract.finalize import finalize
from builder.extract.recognise import recognise_format, recognise_site
from builder.extract.textdump import parse_article
from builder.reasons import Reason
from builder.record import Record, Reject
from builder.validate.langid import DEFAULT_DETECTOR, make_detector
from builder.validate.validators import BodyLengthValidator, DateValidator, LanguageValidator

Step = Callable[[Record], Reject | None]
DEFAULT_MIN_WORDS = 30


@dataclass(frozen=True)
class PipelineOptions:
    now: datetime
    min_words: int = DEFAULT_MIN_WORDS
    lang_detector: str = DEFAULT_DETECTOR
    fingerprint: bool = True  # compute the dedup keys here, in parallel, rather than in the parent
    near_dup_threshold: float = DEFAULT_THRESHOLD


class Pipeline:
    """Runs the steps over records; any exception inside one record becomes that record's reject."""

    def __init__(self, options: PipelineOptions) -> None:
        self.fingerprint = Fingerprinter(options.near_dup_threshold) if options.fingerprint else None
        self.steps: list[Step] = [
            recognise_format,
            decode,
            recognise_site,
            parse_article,
            DateValidator(options.now),
            BodyLengthValidator(options.min_words),
            LanguageValidator(make_detector(options.lang_detector)),
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


def _finish(record: Record, fingerprint: Fingerprinter | None = None) -> None:
    finalize(record)
    if fingerprint:
        fingerprint(record, record.data)


def _stage(step: Callable[..., Reject | None]) -> str:
    """The name a failure is reported under: a validator's own stage, else the step function's name."""
    return getattr(step, "stage", None) or getattr(step, "__name__", type(step).__name__).lstrip("_")


def _failed(step: Callable[..., Reject | None], record: Record, *args: object) -> bool:
    """Run one step on one record; any exception becomes that record's `parse_error` reject, naming the step."""
    try:
        record.reject = step(record, *args)
    except Exception as err:
        record.reject = Reject(Reason.PARSE_ERROR, f"{type(err).__name__}: {err}", _stage(step))
    return record.reject is not None
