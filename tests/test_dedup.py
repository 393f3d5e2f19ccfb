"""Deduplication: exact copies, re-crawls and near-duplicates each leave one row; look-alikes stay."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from builder.dedup.fingerprint import jaccard, shingles
from tests.conftest import DATA, run_build

ORIGINAL = (DATA / "000_4ba49e555d3fefc6.txt").read_text(encoding="utf-8")
OTHER_CHROME = (DATA / "004_711aaabe6a1230de.txt").read_text(encoding="utf-8")
# A different story published under the same headline the next day (a recurring briefing title).
NEXT_DAY = (
    """Speaking to reporters in Baghdad on Thursday, the faction's spokesman said the talks between the two
governments had produced no timetable and that the movement would judge Washington by its actions.

He said the faction had received messages from several political blocs asking it to give the negotiations more
time, and that its leadership would meet over the weekend to discuss a response.

Analysts in the Iraqi capital said the statement reflected growing pressure on the government to show results
before the elections planned for October, when turnout is expected to be low.""".replace("\n\n", "\0")
    .replace("\n", " ")
    .replace("\0", "\n\n")
)
PARAGRAPH = "In a statement to Al Ahad TV, Khazali emphasized that recent Resistance activities"


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


def recrawl(text: str) -> str:
    """The same article saved on another day: another ticker, other Related News, other sidebars, CRLF."""
    text = text.replace(
        _section(text, "BREAKING", "\n\nKhazali:"), _section(OTHER_CHROME, "BREAKING", "\n\nIraq’s Resistance")
    )
    text = text.replace("UK picks North Wales as site for mini nuclear reactor, angering the US", "Oil prices rise")
    text = text.replace("Congress pushes vote to release Epstein files, defying Trump", "Markets close higher")
    text = text[: text.index("Most Read")] + OTHER_CHROME[OTHER_CHROME.index("Most Read") :]
    return text.replace("\n", "\r\n")


def build_rows(tmp_path: Path, files: dict[str, str], **options: object) -> tuple[list[dict], list[dict]]:
    folder = tmp_path / "in"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(text.encode("utf-8"))
    _, out, report = run_build([folder], tmp_path, **options)
    rows = pq.read_table(out / "data").to_pylist()
    return rows, pq.read_table(report / "rejects.parquet").to_pylist()


def test_exact_copy(tmp_path: Path) -> None:
    rows, rejects = build_rows(tmp_path, {"a.txt": ORIGINAL, "b.txt": ORIGINAL})
    assert [r["source_file"] for r in rows] == ["a.txt"]
    assert [(r["source_file"], r["reason"]) for r in rejects] == [("b.txt", "duplicate")]
    assert rejects[0]["detail"] == "exact copy: byte-identical file; kept a.txt"


def test_recrawl_with_other_chrome_and_crlf(tmp_path: Path) -> None:
    again = recrawl(ORIGINAL)
    assert again != ORIGINAL and "Oil prices rise" in again and "\r\n" in again
    rows, rejects = build_rows(tmp_path, {"2021/a.txt": ORIGINAL, "2022/a.txt": again})
    assert [r["source_file"] for r in rows] == ["2021/a.txt"]
    assert len(rejects) == 1 and rejects[0]["reason"] == "duplicate"
    assert rejects[0]["detail"].startswith("re-crawl") and rejects[0]["detail"].endswith("kept 2021/a.txt")


def test_one_word_update_is_a_near_duplicate(tmp_path: Path) -> None:
    updated = ORIGINAL.replace(PARAGRAPH, PARAGRAPH.replace("recent", "latest"))
    assert updated != ORIGINAL
    rows, rejects = build_rows(tmp_path, {"a.txt": ORIGINAL, "b.txt": updated})
    assert [r["source_file"] for r in rows] == ["a.txt"]
    assert len(rejects) == 1 and rejects[0]["detail"].startswith("near-duplicate: body Jaccard 0.9")


def test_lookalikes_are_kept(tmp_path: Path) -> None:
    """A daily briefing with the same title but another story, and a follow-up reusing background paragraphs."""
    body_004 = _section(OTHER_CHROME, "The Coordinating Body", "\n\n  • Iraq\n")
    body_000 = _section(ORIGINAL, "On Tuesday the Secretary-General", "\n\n  • United States")
    same_title = ORIGINAL.replace(body_000, NEXT_DAY).replace("21 Jul 2021", "22 Jul 2021")
    background = "\n\n".join(body_004.split("\n\n")[:3])  # the earlier story's first paragraphs, reused
    follow_up = OTHER_CHROME.replace(body_004, NEXT_DAY + "\n\n" + background).replace("28 Jul", "30 Jul")
    rows, rejects = build_rows(
        tmp_path, {"a.txt": ORIGINAL, "b.txt": same_title, "c.txt": OTHER_CHROME, "d.txt": follow_up}
    )
    assert sorted(r["source_file"] for r in rows) == ["a.txt", "b.txt", "c.txt", "d.txt"], rejects
    assert 0.1 < jaccard(shingles(rows[2]["body"]), shingles(rows[3]["body"])) < 0.8  # c and its follow-up d share text
    assert rows[0]["title"] == rows[1]["title"]


def test_dedup_runs_after_validation(tmp_path: Path) -> None:
    """A copy with an impossible date is rejected for its date, not as a duplicate."""
    bad_date = ORIGINAL.replace("21 Jul 2021 14:49", "31 Feb 2021 14:49")
    rows, rejects = build_rows(tmp_path, {"a.txt": bad_date, "b.txt": ORIGINAL})
    assert [r["source_file"] for r in rows] == ["b.txt"]
    assert [(r["source_file"], r["reason"]) for r in rejects] == [("a.txt", "invalid_date")]


def test_the_first_path_is_kept_whatever_the_listing(tmp_path: Path) -> None:
    rows, rejects = build_rows(tmp_path, {"z.txt": ORIGINAL, "m.txt": recrawl(ORIGINAL), "a.txt": ORIGINAL})
    assert [r["source_file"] for r in rows] == ["a.txt"]
    assert sorted(r["source_file"] for r in rejects) == ["m.txt", "z.txt"]


def test_no_dedup_keeps_every_copy(tmp_path: Path) -> None:
    rows, rejects = build_rows(tmp_path, {"a.txt": ORIGINAL, "b.txt": ORIGINAL}, dedup=False)
    assert len(rows) == 2 and rejects == []


def test_threshold_means_exact_jaccard(tmp_path: Path) -> None:
    """Two bodies just below the threshold are both kept; lowering the threshold under their similarity drops one."""
    body_000 = _section(ORIGINAL, "On Tuesday the Secretary-General", "\n\n  • United States")
    paragraphs = body_000.split("\n\n")
    edited = "\n\n".join([*paragraphs[:-3], "A new paragraph replaces the end of the story entirely here."])
    variant = ORIGINAL.replace(body_000, edited)
    similarity = jaccard(shingles(" ".join(body_000.split())), shingles(" ".join(edited.split())))
    assert 0.5 < similarity < 0.8
    rows, _ = build_rows(tmp_path / "high", {"a.txt": ORIGINAL, "b.txt": variant})
    assert len(rows) == 2
    rows, rejects = build_rows(
        tmp_path / "low", {"a.txt": ORIGINAL, "b.txt": variant}, near_dup_threshold=similarity - 0.05
    )
    assert len(rows) == 1 and rejects[0]["reason"] == "duplicate"
