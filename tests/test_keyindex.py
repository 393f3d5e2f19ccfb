"""The dedup index and the batch deduplicator: answers must not depend on how the input is cut into batches."""

from __future__ import annotations

import random
from collections import defaultdict

import numpy as np
import pyarrow as pa
import pytest

from builder.dedup import keyindex
from builder.dedup.deduplicator import Deduplicator
from builder.dedup.fingerprint import Fingerprinter
from builder.dedup.keyindex import KeyIndex
from builder.record import Record


def test_index_agrees_with_a_dict_across_many_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyindex, "PENDING_LIMIT", 50)  # many flushes and merges on a small input
    monkeypatch.setattr(keyindex, "MAX_RUN_KEYS", 400)  # and runs that stop merging
    rng = random.Random(3)
    index, expected = KeyIndex(), defaultdict(list)
    universe = [rng.getrandbits(64) for _ in range(400)]  # few distinct keys: many keys repeat
    for value in range(300):
        keys = rng.sample(universe, 5)
        index.add(np.array(keys, np.uint64), np.full(5, value, np.uint32))
        for key in keys:
            expected[key].append(value)
    queries = universe[:200] + [rng.getrandbits(64) for _ in range(50)]  # some never stored
    positions, values = index.lookup(np.array(queries, np.uint64))
    got = defaultdict(list)
    for at, value in zip(positions.tolist(), values.tolist(), strict=True):
        got[queries[at]].append(value)
    assert {k: sorted(v) for k, v in got.items()} == {k: sorted(expected[k]) for k in queries if expected[k]}
    assert len(index._runs) > 3 and max(len(keys) for keys, _ in index._runs) <= 400


def _article(body: str, name: str, fingerprint: Fingerprinter, article_id: int, chrome: str = "") -> Record:
    record = Record(source_file=name, fields={"body": body, "id": f"{article_id:032x}", "source_file": name})
    fingerprint(record, (chrome + body).encode())  # the file's bytes: the body plus its page chrome
    return record


def _corpus() -> list[Record]:
    """Originals, byte copies, re-crawls (same id, other chrome) and one-word edits, shuffled."""
    rng = random.Random(5)
    words = [f"w{i}" for i in range(3000)]
    fingerprint, records = Fingerprinter(), []
    for n in range(60):
        body = " ".join(rng.choice(words) for _ in range(200))
        article_id = rng.getrandbits(128)
        records.append(_article(body, f"{n:03d}-a", fingerprint, article_id))
        if n % 3 == 0:
            records.append(_article(body, f"{n:03d}-copy", fingerprint, article_id))
        if n % 5 == 0:
            records.append(_article(body, f"{n:03d}-recrawl", fingerprint, article_id, chrome="BREAKING"))
        if n % 4 == 0:
            edited = body.replace(body.split()[100], "changed", 1)
            records.append(_article(edited, f"{n:03d}-edit", fingerprint, rng.getrandbits(128)))
    rng.shuffle(records)
    return records


def _verdicts(records: list[Record], batch_size: int) -> list[str | None]:
    dedup, out = Deduplicator(), []
    for start in range(0, len(records), batch_size):
        batch = records[start : start + batch_size]
        rows = pa.RecordBatch.from_pylist([{"source_file": r.source_file, "body": r.fields["body"]} for r in batch])
        out += [v and v.detail for v in dedup([r.dedup_keys for r in batch], rows)]
    dedup.close()
    return out


def test_verdicts_do_not_depend_on_batches() -> None:
    records = _corpus()
    whole = _verdicts(records, len(records))
    kinds = {detail.split(":")[0] for detail in whole if detail}
    assert kinds == {"exact copy", "re-crawl", "near-duplicate"}  # both kinds really occur in this corpus
    assert sum(v is None for v in whole) == 60
    for size in (1, 7, 128):
        assert _verdicts(records, size) == whole


@pytest.mark.parametrize(
    "text",
    [
        "The  quick\tbrown fox\njumps over the lazy dog, again and again.",
        "Ünïcode Wörds ÀND Çase — with  a\u00a0no-break space and\u2003an em space here",
        "İstanbul ΣΊΣΥΦΟΣ straße",
        "one two three",
        "",
    ],
)
def test_fast_shingles_give_the_same_minhash(text: str) -> None:
    """The byte shingler must give the very shingles of `shingle_list`, and rensa must hash bytes as str."""
    from rensa import RMinHash

    from builder.dedup.fingerprint import MINHASH_SEED, NUM_PERM, shingle_batches, shingle_list

    expected = shingle_list(text)
    batches = shingle_batches(text)
    if batches is not None:  # None: only the str path is exact for this text
        assert sorted(s for batch in batches for s in batch) == sorted(s.encode() for s in expected)
    as_str, as_bytes = RMinHash(NUM_PERM, MINHASH_SEED), RMinHash(NUM_PERM, MINHASH_SEED)
    as_str.update(expected)
    as_bytes.update([s.encode() for s in expected])
    assert as_str.digest() == as_bytes.digest()


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99])
def test_lsh_shape_reaches_the_recall_with_the_fewest_bands(threshold: float) -> None:
    from builder.dedup.fingerprint import MIN_RECALL, NUM_PERM, lsh_shape

    bands, rows = lsh_shape(threshold)

    def recall(b: int) -> float:
        return 1 - (1 - threshold**rows) ** b

    assert bands * rows <= NUM_PERM
    assert recall(bands) >= MIN_RECALL > recall(bands - 1)
    more_rows = rows + 1  # and no taller band could reach the recall within NUM_PERM permutations
    assert all(1 - (1 - threshold**more_rows) ** b < MIN_RECALL for b in range(1, NUM_PERM // more_rows + 1))
