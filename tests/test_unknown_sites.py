"""Dumps no profile recognises: read by the generic reader (default) or rejected; undated ones; the corpus."""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from builder.build import BuildOptions, build
from builder.errors import OptionError
from builder.extract.generic.publisher import copyright_holder, publisher_from_lines
from tests.conftest import NOW
from tests.dumps import make_dump

COOKIE = (
    "We use cookies to improve your experience on our website, and by continuing to browse the site "
    "you are agreeing to our use of cookies as described in our policy."
)
SENTENCES = [
    "The city council voted on Tuesday to rebuild the old harbour bridge.",
    "It has been closed to traffic since the storm of last winter damaged two of its piers.",
    "Engineers said the new bridge would take three years to build.",
    "It would cost about forty million euros, most of it paid for by a regional grant.",
    "Residents of the harbour district have had to drive around the bay for more than a year.",
    "They said they were relieved that a decision had finally been made.",
    "The mayor thanked the engineers and the residents for their patience during the long debate.",
    "Shops near the old bridge have lost much of their trade since it closed.",
    "A ferry will run every twenty minutes until the new bridge opens to cars and bicycles.",
    "The opposition asked why the repairs had not started before the winter storms began.",
    "Work on the foundations is expected to begin in the spring once the contracts are signed.",
    "The old stones of the bridge will be kept and used again in a small park by the water.",
]


def paragraphs(number: int) -> list[str]:
    """Three paragraphs of three sentences, a different choice for every page (no two are near copies)."""
    picked = random.Random(number).sample(SENTENCES, 9)
    return [" ".join(picked[i : i + 3]) for i in (0, 3, 6)]


def planet_page(number: int, dated: bool = True) -> str:
    """A dump of a made-up site with no profile: navigation, a cookie banner, the article, a footer."""
    head = ["Daily Planet", "  • World", "  • Business", "  • Sport", "", COOKIE, ""]
    date = [f"July {number + 1}, 2021 2:49 PM"] if dated else []
    article = [f"Harbour bridge number {number} will be rebuilt", "", "By Lois Lane", *date, ""]
    body = paragraphs(number)
    foot = ["", "Related", "  • Sport results", "", "© 2021 The Daily Planet. All rights reserved."]
    return "\n".join([*head, *article, *"\n\n".join(body).split("\n"), *foot])


def rows_and_rejects(out: Path, report: Path) -> tuple[list[dict], list[dict]]:
    rows = pq.read_table(out / "data").to_pylist() if (out / "data").exists() else []
    return rows, pq.read_table(report / "rejects.parquet").to_pylist()


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Five dumps of a site with no profile beside one dump of a profiled site."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(5):
        (folder / f"planet-{number}.txt").write_text(planet_page(number), encoding="utf-8")
    (folder / "almayadeen.txt").write_text(make_dump(), encoding="utf-8")
    return folder


def test_unknown_sites_are_read_by_the_generic_reader_by_default(mixed: Path, tmp_path: Path) -> None:
    out, report = tmp_path / "out", tmp_path / "report"
    build([mixed], BuildOptions(out=out, report=report, now=NOW, workers=1))
    rows, rejects = rows_and_rejects(out, report)
    assert rejects == []
    by_file = {row["source_file"]: row for row in rows}
    assert by_file["almayadeen.txt"]["extractor"] == "profile:almayadeen_en"
    planet = by_file["planet-2.txt"]
    assert planet["extractor"] == "generic" and planet["publisher"] == "The Daily Planet"
    assert planet["title"] == "Harbour bridge number 2 will be rebuilt" and planet["authors"] == ["Lois Lane"]
    assert planet["published_at_local"].isoformat() == "2021-07-03T14:49:00"
    assert planet["published_at"].isoformat() == "2021-07-03T14:49:00+00:00"  # no zone printed: UTC
    assert COOKIE not in planet["body"] and planet["body"] == "\n\n".join(paragraphs(2))
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "| Read by | `generic` (5), `profile:almayadeen_en` (1) |" in card


def test_unknown_sites_reject_keeps_them_out(mixed: Path, tmp_path: Path) -> None:
    out, report = tmp_path / "out", tmp_path / "report"
    build([mixed], BuildOptions(out=out, report=report, now=NOW, workers=1, unknown_sites="reject"))
    rows, rejects = rows_and_rejects(out, report)
    assert [row["source_file"] for row in rows] == ["almayadeen.txt"]
    assert {(r["source_file"], r["reason"]) for r in rejects} == {(f"planet-{n}.txt", "unknown_site") for n in range(5)}


def test_an_undated_article_is_rejected_unless_kept(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dated.txt").write_text(planet_page(1), encoding="utf-8")
    (folder / "undated.txt").write_text(planet_page(2, dated=False), encoding="utf-8")
    build([folder], BuildOptions(out=tmp_path / "o1", report=tmp_path / "r1", now=NOW, workers=1))
    rows, rejects = rows_and_rejects(tmp_path / "o1", tmp_path / "r1")
    assert [row["source_file"] for row in rows] == ["dated.txt"]
    assert [(r["source_file"], r["reason"]) for r in rejects] == [("undated.txt", "missing_date")]
    options = BuildOptions(out=tmp_path / "o2", report=tmp_path / "r2", now=NOW, workers=1, undated="keep")
    build([folder], options)
    rows, rejects = rows_and_rejects(tmp_path / "o2", tmp_path / "r2")
    undated = {row["source_file"]: row for row in rows}["undated.txt"]
    assert rejects == [] and undated["published_at"] is None and undated["published_at_local"] is None
    assert "; 1 undated" in (tmp_path / "o2" / "README.md").read_text(encoding="utf-8")


def test_an_untitled_article_is_rejected_unless_kept(tmp_path: Path) -> None:
    """Dated prose with no headline above it: missing_title by default, a row with a null title when kept."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "titled.txt").write_text(planet_page(1), encoding="utf-8")
    (folder / "untitled.txt").write_text("\n\n".join(["July 2, 2021 2:49 PM", *paragraphs(2)]), encoding="utf-8")
    build([folder], BuildOptions(out=tmp_path / "o1", report=tmp_path / "r1", now=NOW, workers=1))
    rows, rejects = rows_and_rejects(tmp_path / "o1", tmp_path / "r1")
    assert [row["source_file"] for row in rows] == ["titled.txt"]
    assert [(r["source_file"], r["reason"]) for r in rejects] == [("untitled.txt", "missing_title")]
    assert "--untitled keep" in rejects[0]["detail"]
    options = BuildOptions(out=tmp_path / "o2", report=tmp_path / "r2", now=NOW, workers=1, untitled="keep")
    build([folder], options)
    rows, rejects = rows_and_rejects(tmp_path / "o2", tmp_path / "r2")
    untitled = {row["source_file"]: row for row in rows}["untitled.txt"]
    assert rejects == [] and untitled["title"] is None and untitled["body"] == "\n\n".join(paragraphs(2))
    assert untitled["published_at_local"].isoformat() == "2021-07-02T14:49:00"
    assert "| Articles | 2 (1 with no headline found) |" in (tmp_path / "o2" / "README.md").read_text(encoding="utf-8")
    assert "| Articles | 1 |" in (tmp_path / "o1" / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("option", "value"), [("unknown_sites", "guess"), ("undated", "drop"), ("untitled", "guess")])
def test_a_wrong_choice_is_an_option_error(tmp_path: Path, option: str, value: str) -> None:
    options = BuildOptions(out=tmp_path / "o", report=tmp_path / "r", now=NOW, **{option: value})
    with pytest.raises(OptionError, match=f"--{option.replace('_', '-')} must be one of"):
        build([tmp_path], options)


def test_the_same_generic_inputs_give_the_same_bytes_with_any_workers(mixed: Path, tmp_path: Path) -> None:
    digests = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}" / "dataset"
        build([mixed], BuildOptions(out=out, report=tmp_path / f"report{workers}", now=NOW, workers=workers))
        digests.append([path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()])
    assert digests[0] == digests[1]


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© 2021 The Daily Planet. All rights reserved.", "The Daily Planet"),
        ("Copyright (C) 2012-2014 Andrew Zonenberg. Content licensed under CC-BY", "Andrew Zonenberg"),
        ("Copyright © 2003–2024 Gotham Gazette, all rights reserved", "Gotham Gazette"),
        ("© Le Monde - Tous droits réservés", "Le Monde"),
        ("Alle Rechte vorbehalten © 2020 Spiegel Online", "Spiegel Online"),
        ("Copyright 2021", None),
        ("© 2024 | Privacy", None),
        ("A line about nothing", None),
        ("Copyright 2017 SA LA NACION | Todos los derechos reservados", "SA LA NACION"),
        ("| © Le Monde | Mentions légales", "Le Monde"),
        # A link, a sentence, an image's credit: no notice of the site's.
        ("Copyright Notice", None),
        ("Copyright & Permissions", None),
        ("under article 11 of the WIPO copyright treaty adopted on 20 December 1996", None),
        ("Harbour at dawn © Jane Doe", None),
        ("© Foto: Jane Doe / Harbour Press", None),
    ],
)
def test_the_publisher_is_the_copyright_holder(line: str, holder: str | None) -> None:
    assert copyright_holder(line) == holder


def test_the_last_copyright_line_of_a_page_names_its_publisher() -> None:
    assert publisher_from_lines(["© 2001 Old Name", "text", "© 2021 New Name Media"]) == "New Name Media"
    assert publisher_from_lines(["Home", "An article", "Contact"]) is None


@pytest.mark.parametrize(
    ("header", "publisher"),
    [
        ("The Daily Planet", "The Daily Planet"),  # a name line, printed again in the footer
        ("  • Features", None),  # a menu entry in the header, printed again in the footer
        ("Become a member", None),  # chrome
        ("Navigation überspringen", None),
    ],
)
def test_a_header_line_the_footer_repeats_is_the_publisher_only_if_it_reads_as_a_name(
    header: str, publisher: str | None
) -> None:
    name = " ".join(header.replace("•", " ").split())
    text = "\n".join([header, "", "A headline", "", "A paragraph of the article, long enough.", "", name, "Contact"])
    lines = [line for line in (" ".join(raw.replace("•", " ").split()) for raw in text.split("\n")) if line]
    assert publisher_from_lines(lines, text) == publisher


def test_an_about_link_names_the_publisher_only_with_a_capital() -> None:
    assert publisher_from_lines(["Home", "Über Stadtbote Verlag", "Kontakt"]) == "Stadtbote Verlag"
    assert publisher_from_lines(["Home", "Über diesen Blog", "About the project"]) is None
