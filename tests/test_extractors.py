"""Extractors are chosen by media type, then by site; the pipeline reads with the profiles it is given.

A record read without a site profile is validated without a site's expectations (language, launch date).
"""

from __future__ import annotations

import dataclasses
import pickle
from datetime import UTC, datetime

import pytest

from builder.batch import rows_of
from builder.engines.local import run_pipeline
from builder.extract.steps import Step
from builder.pipeline import Pipeline, PipelineOptions
from builder.reasons import Reason
from builder.record import TEXT_DUMP, Record, Reject
from builder.sites import registry
from builder.sites.profile import SiteProfile
from tests.dumps import BODY, SPANISH_BODY, make_dump

NOW = datetime(2026, 11, 22, tzinfo=UTC)
MEMO = "application/x-test-memo"  # a made-up media type, read only by the test extractor below
COURIER = "The Daily Courier"


def courier() -> SiteProfile:
    """The bundled profile under another name, recognising pages that open with another site's name."""
    (profile,) = (p for p in registry() if p.site == "almayadeen_en")
    facts = dataclasses.replace(profile.facts, publisher="Courier Media")
    return dataclasses.replace(profile, site="courier", facts=facts, first_line=COURIER)


def read_memo(record: Record) -> Reject | None:
    """A memo is `key: value` lines: title, body and, when known, an ISO date (UTC); its language goes undeclared."""
    values = dict(line.split(": ", 1) for line in record.text.splitlines() if ": " in line)
    fields = record.fields
    fields.update(publisher="Memo Wire", title=values["title"], body=values["body"], authors=[], images=[], tags=[])
    fields.update(source=None, reading_time_minutes=None, summary=None)
    if "date" in values:
        local = datetime.fromisoformat(values["date"])
        fields.update(published_at=local.replace(tzinfo=UTC), published_at_local=local)
    return None


@dataclasses.dataclass(frozen=True)
class MemoExtractor:
    media_type: str = MEMO
    name: str = "memo"

    def claim(self, record: Record) -> Step | None:
        return read_memo


@dataclasses.dataclass(frozen=True)
class AnyTextExtractor:
    """A fallback for text no profile recognises: claims every text dump that reaches it."""

    media_type: str = TEXT_DUMP
    name: str = "any-text"

    def claim(self, record: Record) -> Step | None:
        return read_unknown_page


def read_unknown_page(record: Record) -> Reject | None:
    record.fields["title"] = record.text.split("\n", 1)[0]
    return Reject(Reason.NO_ARTICLE, "read by the test fallback, which keeps no row", "test-fallback")


def memo(body: str = " ".join(BODY), date: str | None = "2011-05-01T10:00:00") -> Record:
    lines = ["title: Harbours reopen", f"body: {body}", *([f"date: {date}"] if date else [])]
    return Record(source_file="memo.txt", data="\n".join(lines).encode(), media_type=MEMO)


@pytest.fixture(scope="module")
def with_memos() -> Pipeline:
    return Pipeline(PipelineOptions(now=NOW, extractors=(MemoExtractor(),)))


def test_a_media_type_no_extractor_reads_is_an_unsupported_format() -> None:
    record = Pipeline(PipelineOptions(now=NOW)).process(memo())
    assert record.reject == Reject(Reason.UNSUPPORTED_FORMAT, f"no extractor reads {MEMO!r} inputs", "recognise")


def test_a_registered_extractor_reads_its_media_type(with_memos: Pipeline) -> None:
    record = with_memos.process(memo())
    assert record.reject is None and record.site is None
    assert record.fields["publisher"] == "Memo Wire" and record.fields["body"] == " ".join(BODY)
    assert record.fields["language"] == "en" and record.body_words == len(" ".join(BODY).split())


def test_without_a_site_there_is_no_language_or_launch_date_to_meet(with_memos: Pipeline) -> None:
    # 2011 is before the bundled site's launch, and Spanish is not its language: neither matters here.
    record = with_memos.process(memo(body=" ".join(SPANISH_BODY)))
    assert record.reject is None and record.fields["language"] == "es"
    assert record.fields["published_at_local"] == datetime(2011, 5, 1, 10)


def test_without_a_site_a_future_or_missing_date_is_still_rejected(with_memos: Pipeline) -> None:
    future = with_memos.process(memo(date="2026-11-22T00:01:00")).reject
    assert future is not None and future.reason == Reason.FUTURE_DATE and future.stage == "date"
    missing = with_memos.process(memo(date=None)).reject
    assert missing is not None and missing.reason == Reason.MISSING_DATE and missing.stage == "date"


def test_a_registered_text_extractor_comes_after_the_profiles_and_before_the_fallback() -> None:
    pipeline = Pipeline(PipelineOptions(now=NOW, extractors=(AnyTextExtractor(),)))
    known = pipeline.process(Record(source_file="a.txt", data=make_dump().encode()))
    assert known.reject is None and known.site is not None
    unknown = pipeline.process(Record(source_file="b.txt", data=make_dump(site_name=COURIER).encode()))
    assert unknown.reject is not None and unknown.reject.stage == "test-fallback"
    assert unknown.fields["title"] == COURIER


def test_the_pipeline_reads_with_the_profiles_in_its_options() -> None:
    page = make_dump(site_name=COURIER).encode()
    none = Pipeline(PipelineOptions(now=NOW, sites=())).process(Record(source_file="a.txt", data=make_dump().encode()))
    assert none.reject is not None and none.reject.reason == Reason.UNKNOWN_SITE
    record = Pipeline(PipelineOptions(now=NOW, sites=(courier(),))).process(Record(source_file="c.txt", data=page))
    assert record.reject is None and record.site == courier()
    assert record.fields["publisher"] == "Courier Media"


def test_workers_get_the_profiles_of_the_options_by_value() -> None:
    options = PipelineOptions(now=NOW, sites=(courier(),), extractors=(MemoExtractor(),))
    assert pickle.loads(pickle.dumps(options)) == options
    items = [Record(source_file="c.txt", data=make_dump(site_name=COURIER).encode()), memo()]
    (batch,) = run_pipeline(items, options, max_bytes=1 << 20, workers=2)
    assert batch.column("reject_reason").to_pylist() == [None, None]
    assert batch.column("site").to_pylist()[0] == "courier"  # not a bundled site: it came with the options
    assert rows_of(batch).column("publisher").to_pylist() == ["Courier Media", "Memo Wire"]
