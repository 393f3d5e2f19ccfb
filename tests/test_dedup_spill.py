"""The dedup spill: kept rows' paths and bodies written as raw text, each read back alone, exactly."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from builder.dedup.deduplicator import Deduplicator, Spill


def rows(names: list[str], bodies: list[str]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pydict({"source_file": names, "body": bodies})


def test_every_row_reads_back_as_written_from_slices_and_in_any_order() -> None:
    spill = Spill()
    first = rows(["a.txt", "b/ü.txt", "c.txt"], ["Body one.", "Zweiter Text — mit Umlauten: äöü.", ""])
    wide = rows([f"w{i}.txt" for i in range(6)], [f"body {i} " * (i + 1) for i in range(6)])
    spill.append(first)
    spill.append(wide.slice(2, 3))  # a slice: its values start inside the batch's buffers
    spill.append(rows(["日本.txt"], ["本文です。"]))
    expected = [
        ("a.txt", "Body one."),
        ("b/ü.txt", "Zweiter Text — mit Umlauten: äöü."),
        ("c.txt", ""),
        *((f"w{i}.txt", f"body {i} " * (i + 1)) for i in range(2, 5)),
        ("日本.txt", "本文です。"),
    ]
    assert spill.count == len(expected)
    for number in [6, 0, 4, 2, 5, 1, 3]:
        assert spill.get(number) == expected[number]
    spill.close()


def test_rows_picked_from_a_batch_are_spilled_alone_and_numbered_in_turn() -> None:
    spill = Spill()
    batch = pa.RecordBatch.from_pydict(
        {"source_file": ["a.txt", "rejected.txt", "b.txt", "c.txt"], "body": ["One body.", None, "", "Drei — ü."]}
    )
    spill.append(batch, np.array([0, 2, 3]))
    spill.append(rows(["d.txt"], ["Four."]))
    expected = [("a.txt", "One body."), ("b.txt", ""), ("c.txt", "Drei — ü."), ("d.txt", "Four.")]
    assert spill.count == 4
    assert [spill.get(number) for number in [3, 1, 0, 2]] == [expected[3], expected[1], expected[0], expected[2]]
    spill.close()


def test_verdicts_on_rows_picked_in_place_are_those_on_the_rows_copied_out() -> None:
    body = "the same long article body repeated for a near copy " * 8
    batch = pa.RecordBatch.from_pydict(
        {
            "source_file": ["bad.txt", "a.txt", "b.txt", "c.txt"],
            "body": [None, body, body + "tail", "something else entirely " * 10],
        }
    )
    at = np.array([1, 2, 3])  # the reject comes first: a row's number is not its place in the batch
    keys = np.array([[8, 102], [12, 106], [16, 110]], np.uint64)  # exact-copy keys, then band keys (kind 2)
    keys[1, 1] = keys[0, 1]  # b shares a band key with a: a near-duplicate candidate, confirmed by its body
    in_place = Deduplicator()(keys, batch, at)
    copied = Deduplicator()(keys, batch.take(pa.array(at)))
    assert [v and v.detail for v in in_place] == [v and v.detail for v in copied]
    assert in_place[0] is None and in_place[2] is None
    assert (
        in_place[1] is not None
        and in_place[1].detail.startswith("near-duplicate")
        and "kept a.txt" in in_place[1].detail
    )
