"""Dedup on a Ray cluster gives every batch back with the very rejects of the local `Dedup` stage.

Batches are made by the build's own pieces (the pipeline, which fingerprints the records, then `pack`), cut
small so that copies fall in other batches than their originals; both stages judge the same batches.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from builder import batch as outcome
from builder.batch import pack
from builder.dedup import cluster_keys as work
from builder.dedup.cluster import ClusterDedup, Facts, resolve
from builder.dedup.fingerprint import BAND, EXACT, SAME_ID, jaccard, shingles
from builder.errors import ConfigError
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from builder.stages import Dedup
from tests.conftest import NOW
from tests.dumps import BODY, BODY_2, TICKER, make_dump
from tests.input_records import records_of

ray = pytest.importorskip("ray")

REJECT_COLUMNS = [outcome.REASON, outcome.DETAIL, outcome.STAGE]
VOCABULARY = sorted({word.strip(".,\"'") for paragraph in (*BODY, *BODY_2) for word in paragraph.split()} - {""})
EDIT_WORDS = ("reportedly", "meanwhile", "notably", "separately")  # in no body: an edit always changes a word
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module", autouse=True)
def cluster() -> Iterator[None]:
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    if started:
        ray.shutdown()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(now=NOW))


def story(rng: random.Random, words: int = 240) -> list[str]:
    return rng.choices(VOCABULARY, k=words)


def edited(words: list[str], slots: list[int]) -> list[str]:
    """The words with one word changed at each slot (slots 12 words apart: each edit breaks its own shingles)."""
    changed = list(words)
    for slot in slots:
        changed[slot * 12] = EDIT_WORDS[slot % len(EDIT_WORDS)]
    return changed


def dump(words: list[str], title: str, ticker: tuple[str, ...] = TICKER) -> str:
    paragraphs = [" ".join(words[start : start + 60]) + "." for start in range(0, len(words), 60)]
    return make_dump(title=title, body=paragraphs, ticker=ticker)


def similarity(a: list[str], b: list[str]) -> float:
    return jaccard(shingles(" ".join(a)), shingles(" ".join(b)))


def batches_of(pipeline: Pipeline, records: list[Record], size: int) -> list[pa.RecordBatch]:
    processed = pipeline.process_batch(records)
    return [pack(processed[start : start + size]) for start in range(0, len(processed), size)]


def same_verdicts(batches: list[pa.RecordBatch], folder: Path, threshold: float = 0.8) -> dict[str, str]:
    """Both stages over the batches: the same batches come back; {rejected source file: detail} of dedup's rejects."""
    folder.mkdir(parents=True, exist_ok=True)
    local = list(Dedup(threshold, folder)(iter(batches)))
    on_ray = list(ClusterDedup(threshold)(iter(batches)))
    assert [batch.select(REJECT_COLUMNS).to_pylist() for batch in on_ray] == [
        batch.select(REJECT_COLUMNS).to_pylist() for batch in local
    ]
    assert all(mine.equals(theirs) for mine, theirs in zip(on_ray, local, strict=True))
    return {
        reject["source_file"]: reject[outcome.DETAIL]
        for batch in local
        for reject in outcome.rejected(batch).to_pylist()
        if reject[outcome.STAGE] == Dedup.name
    }


def generated(rng: random.Random) -> list[tuple[str, str]]:
    """(name, page) of distinct stories with injected exact copies, same-id copies (other page chrome), near
    copies, chains (A~B, B~C, A!~C) in both orders, a copy similar to two kept stories, and copies of copies."""
    stories = [story(rng) for _ in range(40)]
    pages = [(f"s{i:02d}.txt", dump(words, f"Story {i}")) for i, words in enumerate(stories)]
    chain = [stories[10], edited(stories[10], [0, 1, 2, 3, 4]), edited(stories[10], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])]
    assert similarity(chain[0], chain[1]) >= 0.8 and similarity(chain[1], chain[2]) >= 0.8
    assert similarity(chain[0], chain[2]) < 0.8
    back = [edited(stories[20], [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]), edited(stories[20], [15, 16, 17, 18, 19])]
    near = edited(stories[7], [3, 9])
    other_chrome = ("Another ticker line for a later crawl of the page.",)
    extra = [
        ("copy_s03.txt", pages[3][1]),  # exact copy
        ("chrome_s05.txt", dump(stories[5], "Story 5", other_chrome)),  # same id, other bytes
        ("near_s07.txt", dump(near, "Story 7")),
        ("copy_near_s07.txt", dump(near, "Story 7")),  # an exact copy of a rejected copy: near s07 again
        ("chain_b.txt", dump(chain[1], "Story 10")),
        ("chain_c.txt", dump(chain[2], "Story 10")),  # like b only, which is gone: kept
        ("back_c.txt", dump(back[0], "Story 20")),  # like s20's copy to come, not like s20
        ("back_b.txt", dump(back[1], "Story 20")),  # like s20 and back_c: the first kept, s20, is named
        ("chrome_s03.txt", dump(stories[3], "Story 3", other_chrome)),  # same id as s03 and copy_s03
    ]
    mixed = pages[:12] + extra[:3] + pages[12:25] + extra[3:] + pages[25:]
    # One body under other titles (other ids): s12's body thrice, and a near copy of s15's twice.
    same_body = [(f"title_s12_{k}.txt", dump(stories[12], f"Other title {k}")) for k in range(3)]
    same_body += [(f"title_near_s15_{k}.txt", dump(edited(stories[15], [4]), f"Other title {k}")) for k in range(2)]
    # An exact copy of a rejected same-id copy: the id still matches the kept s05.
    return [*mixed, *same_body, ("copy_chrome_s05.txt", dump(stories[5], "Story 5", other_chrome))]


@pytest.mark.parametrize("size", [3, 256])
def test_generated_dumps_with_injected_copies(pipeline: Pipeline, tmp_path: Path, size: int) -> None:
    pages = generated(random.Random(18))
    records = [Record(source_file=name, data=text.encode()) for name, text in pages]
    records.insert(5, Record(source_file="empty.txt", data=b""))  # a worker's reject between rows
    rejects = same_verdicts(batches_of(pipeline, records, size), tmp_path)
    assert rejects["copy_s03.txt"] == "exact copy: byte-identical file; kept s03.txt"
    assert rejects["chrome_s05.txt"] == "re-crawl: same article, different page chrome; kept s05.txt"
    assert rejects["copy_chrome_s05.txt"] == rejects["chrome_s05.txt"]
    assert rejects["chrome_s03.txt"].startswith("re-crawl: same article") and rejects["chrome_s03.txt"].endswith(
        "s03.txt"
    )
    assert rejects["near_s07.txt"].startswith("near-duplicate") and rejects["near_s07.txt"].endswith("kept s07.txt")
    assert rejects["copy_near_s07.txt"] == rejects["near_s07.txt"]
    assert rejects["chain_b.txt"].endswith("kept s10.txt") and "chain_c.txt" not in rejects
    assert rejects["back_b.txt"].endswith("kept s20.txt") and "back_c.txt" not in rejects
    assert [rejects[f"title_s12_{k}.txt"] for k in range(3)] == [
        "near-duplicate: body Jaccard 1.000 >= 0.8; kept s12.txt"
    ] * 3
    assert rejects["title_near_s15_0.txt"] == rejects["title_near_s15_1.txt"]
    assert rejects["title_near_s15_1.txt"].startswith("near-duplicate: body Jaccard 0.9")
    assert len(rejects) == 13


def jsonl_line(text: str, url: str | None, crawled: datetime | None, column: str = "text") -> str:
    line: dict[str, str] = {column: text}
    if url is not None:
        line["url"] = url
    if crawled is not None:
        line["crawled_at"] = crawled.isoformat()
    return json.dumps(line)


def html_page(title: str, words: list[str]) -> str:
    paragraphs = "".join(f"<p>{' '.join(words[start : start + 60])}.</p>" for start in range(0, len(words), 60))
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>"
        "<meta property='article:published_time' content='2024-03-01T10:00:00Z'></head>"
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


@pytest.mark.parametrize("size", [2, 256])
def test_recrawls_of_html_and_jsonl_records(pipeline: Pipeline, tmp_path: Path, size: int) -> None:
    rng = random.Random(7)
    a, b, c = story(rng), story(rng), story(rng)
    url, other = "https://www.example.com/news/a", "https://example.org/b"
    lines = [
        jsonl_line(dump(b, "B"), None, None),  # no URL, in batches before any URL with a small size
        jsonl_line(dump(c, "C"), None, None),
        jsonl_line(dump(a, "A"), url, T0),  # an older crawl of a
        jsonl_line(dump(b, "B"), other, T0),  # an older crawl of b's URL...
        jsonl_line(dump(edited(a, [1]), "A"), url + "?utm_source=x", T0 + timedelta(days=2)),  # a's latest crawl
        jsonl_line(dump(b, "B"), "http://example.org/b/", T0 + timedelta(hours=1)),  # ...whose latest is a copy
        jsonl_line(dump(a, "A"), url + "#top", None),  # a crawl at an unknown time: older
        jsonl_line(html_page("Harbour", c), "https://example.net/harbour", T0, "html"),
        jsonl_line(html_page("Harbour", c), "https://example.net/harbour", T0 - timedelta(days=1), "html"),
        jsonl_line(html_page("Pipes", edited(c, [2, 7])), "https://example.net/pipes", T0, "html"),
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n")
    rejects = same_verdicts(batches_of(pipeline, records_of(path), size), tmp_path / "spill")
    recrawls = [name for name, detail in rejects.items() if detail.startswith("re-crawl: same canonical URL")]
    assert sorted(recrawls) == ["export.jsonl#L3", "export.jsonl#L4", "export.jsonl#L7", "export.jsonl#L9"]
    assert rejects["export.jsonl#L4"].endswith("itself a duplicate; kept export.jsonl#L1")
    assert rejects["export.jsonl#L6"].startswith("exact copy")


def test_an_empty_stream_and_one_without_duplicates(pipeline: Pipeline, tmp_path: Path) -> None:
    assert list(ClusterDedup(0.8)(iter([]))) == []
    rng = random.Random(3)
    records = [Record(source_file=f"{i}.txt", data=dump(story(rng), f"Story {i}").encode()) for i in range(6)]
    records.append(Record(source_file="empty.txt", data=b""))
    assert same_verdicts(batches_of(pipeline, records, 4), tmp_path) == {}
    rejects_only = batches_of(pipeline, [Record(source_file="empty.txt", data=b"")], 4)
    assert same_verdicts(rejects_only, tmp_path / "none") == {}


def test_without_a_ray_instance_nothing_starts_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    with pytest.raises(ConfigError, match="Ray instance"):
        next(ClusterDedup(0.8)(iter([])))


def test_a_row_is_judged_against_kept_rows_only_in_order() -> None:
    """resolve() alone: 1 exact-copies 0; 3 is like 2 and 4 like 3 (a chain): 3 goes, 4 stays; 5 is like 1
    (gone) and 4: it names 4; 6 shares an id with 2 and is like 0: the id decides first; 7 has 3's body, which
    is gone: like 3, it names 2."""
    exact, same_id = np.uint64(4 << 2 | EXACT), np.uint64(9 << 2 | SAME_ID)
    keys = np.array([exact, exact, same_id, same_id], np.uint64)
    body = np.array([77, 77], np.uint64)
    earlier, later = np.array([2, 3, 1, 4, 0]), np.array([3, 4, 5, 5, 6])
    facts = Facts(
        keys, np.array([0, 1, 2, 6]), body, np.array([7, 3]), earlier, later, np.array([0.9, 0.85, 0.95, 0.8, 0.99])
    )
    verdicts = resolve(facts, 0.8)
    assert verdicts == {
        1: (EXACT, 0, 1.0),
        3: (BAND, 2, 0.9),
        5: (BAND, 4, 0.8),
        6: (SAME_ID, 2, 1.0),
        7: (BAND, 2, 0.9),
    }


def test_a_body_many_rows_hold_makes_rows_not_pairs() -> None:
    """Forty rows with one body and a band key: forty rows, and one pair with the other body."""
    ordinals = np.arange(41, dtype=np.int64)
    body_keys = np.array([5] * 20 + [6] + [5] * 20, np.uint64)
    band = np.uint64(123 << 2 | BAND)
    group = pa.table(
        {
            "bucket": np.zeros(41, np.int64),
            "key": np.full(41, band),
            "ordinal": ordinals[::-1].copy(),
            "body_key": body_keys[::-1].copy(),
        }
    )
    shared = work.shared_keys(group).to_pydict()
    same_body = [(work.SAME_BODY, i) for i in range(41) if i != 20]
    assert sorted(zip(shared["earlier"], shared["later"], strict=True)) == sorted([(0, 20), *same_body])
    assert all(
        key == 5 for key, earlier in zip(shared["key"], shared["earlier"], strict=True) if earlier == work.SAME_BODY
    )
