"""The dedup spill: kept rows' paths and bodies written as raw text, each read back alone, exactly."""

from __future__ import annotations

import pyarrow as pa

from builder.dedup.deduplicator import Spill


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
