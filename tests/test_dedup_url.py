"""URL-aware dedup: the same canonical URL crawled twice is a re-crawl; the latest crawl stays.

No input fills `Record.url` yet, so records are made here and go through the build's own pieces: the
pipeline (which fingerprints them), `pack`, then the parent's dedup stage.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from builder import batch as outcome
from builder.batch import pack
from builder.dedup.recrawl import NO_CRAWL_TIME, NO_URL, canonical_url, latest_crawls, url_hash
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from builder.stages import Dedup, KeepLatest
from tests.conftest import NOW
from tests.test_dedup import NEXT_DAY, ORIGINAL, OTHER_CHROME, PARAGRAPH, _section, recrawl

OTHER = OTHER_CHROME  # another article
# A third article: the same page layout and title, another story.
NEXT = ORIGINAL.replace(_section(ORIGINAL, "On Tuesday the Secretary-General", "\n\n  • United States"), NEXT_DAY)
UPDATED = ORIGINAL.replace(PARAGRAPH, PARAGRAPH.replace("recent", "latest"))  # the page edited between two crawls
LATER_DATE = ORIGINAL.replace("21 Jul 2021 14:49", "23 Jul 2021 09:10")  # the same story, published again
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=NOW.tzinfo)
URL = "https://www.almayadeen.net/news/politics/khazali"


@dataclass(frozen=True)
class Page:
    name: str
    text: str
    url: str | None = None
    crawled_at: datetime | None = None


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(now=NOW))


def judged(
    pipeline: Pipeline, pages: list[Page], folder: Path, keep: str = "first", size: int = 256
) -> list[pa.RecordBatch]:
    """The batches the dedup stage hands on, the pages cut into batches of `size` as the engine would."""
    records = [Record(source_file=p.name, data=p.text.encode(), url=p.url, crawled_at=p.crawled_at) for p in pages]
    processed = pipeline.process_batch(records)
    batches = [pack(processed[i : i + size]) for i in range(0, len(processed), size)]
    folder.mkdir(parents=True, exist_ok=True)
    stage = Dedup(0.8, folder) if keep == "first" else KeepLatest(folder, 0.8)
    return list(stage(iter(batches)))


def dedup(pipeline: Pipeline, pages: list[Page], folder: Path, **options: object) -> tuple[list[str], dict[str, str]]:
    """(kept source files in order, {rejected source file: detail})."""
    out = judged(pipeline, pages, folder, **options)  # type: ignore[arg-type]
    kept = [name for batch in out for name in outcome.rows_of(batch).column("source_file").to_pylist()]
    rejects = {r["source_file"]: r[outcome.DETAIL] for batch in out for r in outcome.rejected(batch).to_pylist()}
    return kept, rejects


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://www.example.com/news/a", "example.com/news/a"),
        ("http://example.com/news/a", "example.com/news/a"),  # scheme-insensitive
        ("HTTPS://WWW.Example.COM/news/a", "example.com/news/a"),  # host lower-cased, path kept
        ("https://example.com/News/A", "example.com/News/A"),  # a path is case-sensitive
        ("https://example.com/news/a/", "example.com/news/a"),  # trailing slash
        ("https://example.com/news/a#comments", "example.com/news/a"),  # fragment
        ("https://example.com:443/news/a", "example.com/news/a"),  # the scheme's default port
        ("https://example.com:8443/news/a", "example.com:8443/news/a"),  # another port is another site
        ("https://example.com/a?utm_source=tw&utm_medium=social&id=7", "example.com/a?id=7"),  # trackers
        ("https://example.com/a?fbclid=XYZ&gclid=1", "example.com/a"),
        ("https://example.com/a?page=2&id=7", "example.com/a?id=7&page=2"),  # parameters sorted
        ("https://example.com/a/?b=2&a=1#x", "example.com/a?a=1&b=2"),
        ("https://example.com", "example.com/"),
        ("https://news.example.com/a", "news.example.com/a"),  # only `www.` goes
        ("https://example.com/café", "example.com/caf%C3%A9"),  # percent-encoded as a crawler sends it
        ("  https://example.com/a\n", "example.com/a"),
        ("example.com/a", None),  # no scheme: no host
        ("mailto:someone@example.com", None),
        ("http://[::1/a", None),  # a malformed host
        ("", None),
    ],
)
def test_canonical_url(url: str, canonical: str | None) -> None:
    assert canonical_url(url) == canonical


def test_latest_crawls_groups_by_key_latest_then_first() -> None:
    keys = np.array([5, NO_URL, 5, 9, 5, 9, 9], np.uint64)
    crawled = np.array([10, 99, 30, 7, 30, NO_CRAWL_TIME, 7], np.int64)
    # URL 5: rows 2 and 4 tie on the latest time, 2 is first; URL 9: 3 and 6 tie, 5 has no time.
    assert latest_crawls(keys, crawled).tolist() == [2, 1, 2, 3, 2, 3, 3]


def test_a_recrawl_keeps_the_latest_crawl(pipeline: Pipeline, tmp_path: Path) -> None:
    pages = [
        Page("a.warc.gz#0", ORIGINAL, URL, T0),
        Page(
            "b.warc.gz#0", UPDATED, URL.replace("https://www.", "http://") + "?utm_source=rss", T0 + timedelta(days=2)
        ),
        Page("c.warc.gz#0", OTHER, URL + "#comments", T0 + timedelta(days=1)),  # whatever its body
    ]
    kept, rejects = dedup(pipeline, pages, tmp_path)
    assert kept == ["b.warc.gz#0"]
    assert rejects == {
        "a.warc.gz#0": "re-crawl: same canonical URL, crawled 2025-03-01T12:00:00Z, latest crawl 2025-03-03T12:00:00Z; kept b.warc.gz#0",
        "c.warc.gz#0": "re-crawl: same canonical URL, crawled 2025-03-02T12:00:00Z, latest crawl 2025-03-03T12:00:00Z; kept b.warc.gz#0",
    }


def test_ties_and_missing_crawl_times_keep_the_first(pipeline: Pipeline, tmp_path: Path) -> None:
    tie = [Page("a", UPDATED, URL, T0), Page("b", ORIGINAL, URL, T0)]
    assert dedup(pipeline, tie, tmp_path / "tie")[0] == ["a"]
    unknown = [Page("a", UPDATED, URL), Page("b", ORIGINAL, URL)]
    kept, rejects = dedup(pipeline, unknown, tmp_path / "unknown")
    assert kept == ["a"]
    assert (
        rejects["b"]
        == "re-crawl: same canonical URL, crawled at an unknown time, latest crawl at an unknown time; kept a"
    )
    # A known crawl time is later than an unknown one, wherever it comes.
    known_last = [Page("a", UPDATED, URL), Page("b", ORIGINAL, URL, T0), Page("c", OTHER, URL)]
    assert dedup(pipeline, known_last, tmp_path / "known")[0] == ["b"]


def test_other_urls_and_pages_without_one_are_not_recrawls(pipeline: Pipeline, tmp_path: Path) -> None:
    pages = [
        Page("a", UPDATED, URL, T0),
        Page("b", ORIGINAL, URL + "-2", T0 + timedelta(days=1)),  # another path: a body duplicate at most
        Page("c", OTHER),
        Page("d", NEXT, "https://example.org/briefing", T0),
    ]
    kept, rejects = dedup(pipeline, pages, tmp_path)
    assert kept == ["a", "c", "d"]
    assert list(rejects) == ["b"] and rejects["b"].startswith("near-duplicate: body Jaccard 0.9")


@pytest.mark.parametrize("keep", ["first", "latest"])
def test_body_duplicates_are_judged_among_the_latest_crawls(pipeline: Pipeline, tmp_path: Path, keep: str) -> None:
    """URL groups first (the latest crawl of each stays), then body dedup among those and the pages without a URL."""
    pages = [
        Page("x.txt", ORIGINAL),  # no URL: a body copy of b's latest crawl
        Page("a", OTHER, URL, T0),  # an older crawl of b's URL
        Page("b", ORIGINAL, URL, T0 + timedelta(hours=1)),
        Page("c", OTHER, "https://mirror.example/khazali", T0),  # another URL: body copy of a, which is gone
    ]
    kept, rejects = dedup(pipeline, pages, tmp_path, keep=keep)
    assert kept == ["x.txt", "c"]  # a is no longer a row, so c (same body as a) stays
    assert rejects["b"] == "exact copy: byte-identical file; kept x.txt"
    assert rejects["a"] == (
        "re-crawl: same canonical URL as b, crawled 2025-03-01T12:00:00Z, latest crawl 2025-03-01T13:00:00Z,"
        " itself a duplicate; kept x.txt"
    )


def test_keep_latest_ranks_the_latest_crawls_by_publication(pipeline: Pipeline, tmp_path: Path) -> None:
    pages = [
        Page("a", ORIGINAL, URL, T0 + timedelta(days=1)),  # its URL's latest crawl, published first
        Page("b", ORIGINAL, URL, T0),
        Page("c", LATER_DATE, "https://example.org/copy", T0),  # the same story under another URL, published later
    ]
    for keep, kept_copy in (("first", "a"), ("latest", "c")):
        kept, rejects = dedup(pipeline, pages, tmp_path / keep, keep=keep)
        assert kept == [kept_copy]
        assert rejects["b"].startswith("re-crawl: same canonical URL") and rejects["b"].endswith(f"; kept {kept_copy}")


@pytest.mark.parametrize("keep", ["first", "latest"])
def test_recrawls_across_batches_and_after_batches_without_urls(pipeline: Pipeline, tmp_path: Path, keep: str) -> None:
    """The first batches carry no URL (the stage streams them), later ones do: same result as one batch."""
    pages = [
        Page("0", OTHER),
        Page("1", NEXT),
        Page("2", ORIGINAL, URL, T0),
        Page("3", OTHER, "https://example.org/other", T0),  # a body copy of "0"
        Page("4", UPDATED, URL, T0 + timedelta(days=1)),
        Page("5", ORIGINAL, URL, T0 - timedelta(days=1)),
    ]
    one_batch = dedup(pipeline, pages, tmp_path / "one", keep=keep)
    assert one_batch[0] == ["0", "1", "4"]
    for size in (1, 2, 4):
        assert dedup(pipeline, pages, tmp_path / str(size), keep=keep, size=size) == one_batch


@pytest.mark.parametrize("keep", ["first", "latest"])
def test_shuffled_inputs_keep_the_same_rows(pipeline: Pipeline, tmp_path: Path, keep: str) -> None:
    """Which crawl of a URL stays depends on the crawl times only, not on where the copies come."""
    versions = [[ORIGINAL, UPDATED, recrawl(ORIGINAL)], [OTHER, OTHER.replace("\n", "\r\n")], [NEXT]]
    rng = random.Random(16)
    hours = rng.sample(range(10_000), 24)  # distinct crawl times
    pages = [
        Page(
            f"p{i:02d}",
            rng.choice(versions[i % 3]),
            f"https://www.example.com/story/{i % 3}?utm_campaign={i}",
            T0 + timedelta(hours=hours[i]),
        )
        for i in range(24)
    ]
    latest = {i % 3: max(pages[i::3], key=lambda page: page.crawled_at or T0).name for i in range(3)}
    for attempt in range(3):
        kept, rejects = dedup(pipeline, rng.sample(pages, len(pages)), tmp_path / str(attempt), keep=keep, size=5)
        assert sorted(kept) == sorted(latest.values())
        assert all(detail.startswith("re-crawl: same canonical URL, crawled") for detail in rejects.values())


def test_an_input_rejected_before_dedup_is_no_crawl_of_its_url(pipeline: Pipeline, tmp_path: Path) -> None:
    bad_date = ORIGINAL.replace("21 Jul 2021 14:49", "31 Feb 2021 14:49")
    pages = [Page("a", UPDATED, URL, T0), Page("b", bad_date, URL, T0 + timedelta(days=1))]
    kept, rejects = dedup(pipeline, pages, tmp_path)
    assert kept == ["a"] and list(rejects) == ["b"] and not rejects["b"].startswith("re-crawl")


def test_crawl_times_are_instants(pipeline: Pipeline, tmp_path: Path) -> None:
    """An offset is honoured and a naive time is UTC: 13:00+02:00 is before 12:00 UTC."""
    pages = [
        Page("a", UPDATED, URL, datetime(2025, 3, 1, 13, 0, tzinfo=timezone(timedelta(hours=2)))),
        Page("b", ORIGINAL, URL, datetime(2025, 3, 1, 12, 0)),
    ]
    kept, rejects = dedup(pipeline, pages, tmp_path)
    assert kept == ["b"]
    assert rejects["a"] == (
        "re-crawl: same canonical URL, crawled 2025-03-01T11:00:00Z, latest crawl 2025-03-01T12:00:00Z; kept b"
    )


def test_url_keys_are_the_same_in_every_process() -> None:
    """Workers hash URLs alike whatever their hash seed (str hashing is salted per process)."""
    code = "from builder.dedup.recrawl import url_hash; print(url_hash('https://www.example.com/a?b=1&a=2'))"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert seen == {f"{url_hash('http://example.com/a?a=2&b=1')}\n"}


def test_text_dumps_carry_no_url_columns(pipeline: Pipeline, tmp_path: Path) -> None:
    batches = judged(pipeline, [Page("a", ORIGINAL), Page("b", OTHER)], tmp_path)
    assert batches[0].column(outcome.URL_KEY).null_count == 2
    assert batches[0].column(outcome.CRAWL_TIME).null_count == 2
    with_url = judged(pipeline, [Page("a", ORIGINAL, URL), Page("b", OTHER)], tmp_path / "url")
    assert with_url[0].column(outcome.URL_KEY).null_count == 1
    assert with_url[0].column(outcome.CRAWL_TIME).null_count == 2  # no page has a crawl time
