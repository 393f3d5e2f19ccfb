"""A page laid out in table columns, printed side by side by the text browser, is read one column after another;
a table of data inside an article, and a page with no columns, are left as printed."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import builder.cache.stats as stats
from builder.build import BuildOptions, build
from builder.extract.decode import decode
from builder.extract.generic import extractor
from builder.extract.generic.chrome import line_key
from builder.extract.generic.columns import SHORT_RUN, _spaces_end, columns_unfolded, unfold_columns
from builder.extract.generic.corpus import CorpusBuilder
from builder.extract.generic.extractor import GenericTextExtractor
from builder.extract.generic.reader import GenericReading, read_generic
from builder.extract.generic.survey import sketch_record
from builder.record import Record
from tests.conftest import NOW
from tests.dumps import make_dump, write_dump
from tests.test_cache_focus import LONG_AGO

LAYOUT = (Path(__file__).parent / "generic" / "en_table_layout.txt").read_text(encoding="utf-8")
ARTICLE_LINES = [
    "The small ferry that once carried workers across",
    "the harbour every morning is back in service",
    "after two winters tied up at the old coal pier,",
    "the port authority said on Monday.",
]


def _nonblank(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_a_layout_s_article_paragraphs_are_whole_lines_and_its_sidebars_come_apart() -> None:
    lines = _nonblank(unfold_columns(LAYOUT))
    # each paragraph the browser wrapped to the article's column is one line again, as on a page of one column
    assert " ".join(ARTICLE_LINES) in lines
    last = "Tickets cost one pound for adults, and children under twelve travel free when they are with an adult."
    assert f"{last} Bicycles are allowed on every crossing." in lines
    # a narrow column's lines (a menu, a list of teasers) are items, not a paragraph's
    assert lines[lines.index("Features") : lines.index("Features") + 3] == ["Features", "Photo Galleries", "Letters"]
    # the navigation, the article and the sidebar each in one piece, in that order
    assert (
        lines.index("Archive")
        < lines.index("Harbour ferry returns after two winters")
        < lines.index("Latest headlines")
    )
    teaser = lines.index("Council agrees new")
    assert lines[teaser : teaser + 3] == ["Council agrees new", "budget for schools", "2008-01-14 18:25"]
    # the footer under the table stays whole and last
    assert lines[-2:] == [
        "HOME | NEWS | SPORT | BUSINESS | WEATHER | CONTACT US",
        "Copyright 2008 The Harbour Gazette. All rights reserved.",
    ]


def test_the_reader_reads_the_article_of_a_layout_without_its_sidebars() -> None:
    reading = read_generic(LAYOUT)
    assert isinstance(reading, GenericReading)
    body = reading.fields["body"]
    assert body.startswith(" ".join(ARTICLE_LINES) + "\n\n")
    assert body.endswith("Bicycles are allowed on every crossing.")
    for chrome in ("Weather", "Contact Us", "Latest headlines", "budget for schools", "Pier repairs"):
        assert chrome not in body
    assert reading.fields["title"] == "Harbour ferry returns after two winters"


def test_a_column_whose_gutter_the_block_s_first_line_hides_is_unfolded_too() -> None:
    # The first row has no navigation cell: only the sidebar's gutter shows in it; the navigation's is found
    # inside the first column.
    text = LAYOUT.replace("Home              Harbour ferry", "                  Harbour ferry")
    assert " ".join(ARTICLE_LINES) in _nonblank(unfold_columns(text))


TABLE = [
    "The council published the results of the survey on Monday:",
    "",
    "Town              Homes      Households asked     Answered",
    "Northport         1,204      600                  412",
    "Southwick         880        450                  301",
    "Eastham           2,310      1,100                790",
    "Westbury          640        300                  188",
    "Kingsmere         1,950      900                  644",
    "Ashby             720        350                  240",
    "Longford          1,130      560                  398",
    "Redhill           990        480                  333",
    "",
    "Most of those who answered said the new bus timetable had made their journeys shorter.",
]
RANKING = [
    "Film                         Year  Plot",
    "Repeat Performance           1947  A woman who shot her husband on New Year's Eve wishes she could live",
    "The Time Travelers           1964  Scientists test a time-viewing device but the screen becomes a portal",
    "Journey to the Center        1967  Remake of The Time Travelers with most of the same scenes and the cast",
    "Time After Time              1979  The writer follows a killer who escaped in his time machine to our days",
    "Somewhere in Time            1980  A playwright wills himself back to the hotel where a portrait hangs now",
    "Back to the Future           1985  A teenager is sent thirty years into the past in a car built by a friend",
    "Peggy Sue Got Married        1986  A woman faints at her school's reunion and wakes up as a pupil of it",
    "Bill and Ted                 1989  Two friends travel through history to pass a lesson they would fail",
]


def test_a_table_of_data_inside_an_article_is_left_as_printed() -> None:
    for rows in (TABLE, RANKING):
        text = "\n".join(rows * 2)
        assert unfold_columns(text) == text


def test_a_page_with_no_columns_is_returned_as_it_is() -> None:
    """(A paragraph wrapped in a narrow cell is one line again: the test below.)"""
    paragraph = "The small ferry that once carried workers across the harbour is back in service."
    text = "\n".join([paragraph] * 10) + "\n   an indented line\n• a bullet"
    assert unfold_columns(text) is text


def test_lines_with_wide_characters_are_never_cut() -> None:
    # A text browser prints these two cells wide: character offsets are not the page's columns there.
    text = "\n".join(f"ニュース{i}         東京の天気は晴れ、明日は雨になる見込みです。" for i in range(12))
    assert unfold_columns(text) == text


SHORT_PARAGRAPHS = [
    ["Twins separated at birth and adopted by separate", "parents later married each other without", "realising it."],
    ["The pair were granted an annulment after a High", "Court judge ruled that the marriage never was."],
    ["The identities of the pair and details of the", "relationship were not made public."],
    ["A charity said the case showed why adopted people", "should be able to find their families."],
]
SHORT_MENU = ["Chester Chronicle", "The Guide", "Crewe Chronicle", "Runcorn & Widnes", "Mid Cheshire", "Ellesmere Port"]
SHORT_MENU += ["Whitchurch Herald", "Year of Gardens", "Photos & Gifts", "Weather", "Jobs", "Motors", "Homes"]


def _menu_and_article() -> list[tuple[str, str]]:
    """The rows of a page of two columns, a menu and an article whose paragraphs wrap once or twice."""
    article = [line for paragraph in SHORT_PARAGRAPHS for line in [*paragraph, ""]]
    return [(SHORT_MENU[k] if k < len(SHORT_MENU) else "", line) for k, line in enumerate(article)]


def test_a_layout_whose_paragraphs_are_two_or_three_lines_is_unfolded() -> None:
    # No two lines in a row go on with a sentence: each paragraph wraps once, its last line short.
    rows = [f"{menu:<22}{line}".rstrip() for menu, line in _menu_and_article()]
    lines = _nonblank(unfold_columns("\n".join(rows)))
    assert [" ".join(paragraph) for paragraph in SHORT_PARAGRAPHS] == lines[-4:]


def test_a_layout_drawn_with_borders_is_unfolded_and_a_bordered_table_of_data_is_left_as_printed() -> None:
    width = max(len(line) for paragraph in SHORT_PARAGRAPHS for line in paragraph)
    rows = ["┌" + "─" * 20 + "┬" + "─" * width + "┐"]
    rows += [f"│{menu:<20}│{line:<{width}}│" for menu, line in _menu_and_article()]
    rows += ["└" + "─" * 20 + "┴" + "─" * width + "┘"]
    lines = _nonblank(unfold_columns("\n".join(rows)))
    assert [" ".join(paragraph) for paragraph in SHORT_PARAGRAPHS] == lines[-4:]
    assert lines[:3] == SHORT_MENU[:3]
    data = "\n".join(f"│ {row.replace('  ', ' │', 1)} │" for row in TABLE[2:11])
    assert unfold_columns(data) == data


def _read(extractor: GenericTextExtractor, text: str) -> Record:
    record = Record(source_file="page.txt", data=text.encode("utf-8"))
    decode(record)
    extractor.parse(record)
    return record


def test_the_survey_marks_a_dump_in_columns_and_a_build_s_reader_takes_its_word_for_the_others() -> None:
    plain_text = (Path(__file__).parent / "generic" / "en_blog.txt").read_text(encoding="utf-8")
    layout, plain = (Record(source_file=name, data=text.encode()) for name, text in (("a", LAYOUT), ("b", plain_text)))
    sketches = [sketch_record(record, ()) for record in (layout, plain)]
    assert [sketch.columned if sketch else "no sketch" for sketch in sketches] == [line_key(layout.text), None]
    corpus = CorpusBuilder()
    corpus.add_all(sketches)
    index = pickle.loads(pickle.dumps(corpus.index()))  # as it travels to the workers
    assert index.columned == {line_key(layout.text)}
    title = "Harbour ferry returns after two winters"
    assert _read(GenericTextExtractor(index, surveyed=True), LAYOUT).fields["title"] == title
    # A dump the survey never saw is taken to have no columns by a reader told every dump was surveyed...
    unseen = CorpusBuilder().index()
    assert _read(GenericTextExtractor(unseen, surveyed=True), LAYOUT).fields.get("title") != title
    # ...and searched for them by any other (explain, a cached build's dumps read again)
    assert _read(GenericTextExtractor(unseen), LAYOUT).fields["title"] == title


def test_a_first_build_with_its_cache_takes_the_survey_s_word_and_a_rebuild_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build whose cache vouched for no input surveyed every one: its reader unfolds only the dumps the survey
    found in columns. A rebuild whose cache vouches for a file (a profiled dump, by its stat) surveys only the
    others, so its reader searches each dump it reads."""
    monkeypatch.setattr(stats, "SETTLED_SECONDS", 0)  # a file's stat vouches for it however recent
    folder = tmp_path / "dumps"
    folder.mkdir()
    blog = (Path(__file__).parent / "generic" / "en_blog.txt").read_text(encoding="utf-8")
    (folder / "layout.txt").write_text(LAYOUT, encoding="utf-8")
    (folder / "blog.txt").write_text(blog, encoding="utf-8")
    write_dump(folder, "am.txt", make_dump())
    for path in folder.iterdir():  # written long before a build looks: their stat vouches for them
        os.utime(path, (LONG_AGO, LONG_AGO))
    unfolded: list[str] = []

    def counted(text: str) -> str:
        unfolded.append(text)
        return columns_unfolded(text)

    monkeypatch.setattr(extractor, "columns_unfolded", counted)
    cache = tmp_path / "cache"
    build([folder], BuildOptions(out=tmp_path / "out", report=tmp_path / "report", now=NOW, workers=1, cache=cache))
    assert [line_key(text) for text in unfolded] == [line_key(LAYOUT)]  # the one dump in columns
    titles = pq.read_table(tmp_path / "out" / "data").column("title").to_pylist()
    assert "Harbour ferry returns after two winters" in titles
    unfolded.clear()
    changed = blog + "\nOne more line at the end of the page.\n"
    (folder / "blog.txt").write_text(changed, encoding="utf-8")
    os.utime(folder / "blog.txt", (LONG_AGO + 60, LONG_AGO + 60))
    build([folder], BuildOptions(out=tmp_path / "out2", report=tmp_path / "report2", now=NOW, workers=1, cache=cache))
    assert line_key(changed) in [line_key(text) for text in unfolded]  # read, and searched though in no columns


def test_a_paragraph_a_narrow_cell_wrapped_is_one_line_again() -> None:
    """A page of one column whose article sits in a narrow table cell: w3m wraps each paragraph to the cell's
    width. A line joins the one above when its first word would not have fitted there; a heading stays apart."""
    page = "Harbour Weekly\n\nFerries return\n" + "\n".join(ARTICLE_LINES) + "\n\nMore news\n"
    assert _nonblank(unfold_columns(page)) == ["Harbour Weekly", "Ferries return", " ".join(ARTICLE_LINES), "More news"]


def test_a_wrapped_list_of_teasers_and_a_list_of_short_lines_stay_as_printed() -> None:
    """Teasers wrapped in a narrow cell end no sentence; the lines of a menu do not go on in small letters."""
    teasers = (
        "[bullet1] NBA Roundup: Allen, Celtics get\nback on track, derail Trail\nBlazers\n"
        "[bullet1] Federer spoils Santoro show with\nquick-fire win over the old\nchampion\n"
    )
    menu = "Home\nSport\nWeather and the tides\nContact the newsroom\n"
    for page in (teasers, menu):
        assert unfold_columns(page) == page


def test_a_dump_whose_only_wrapped_cell_is_unwrapped_is_no_dump_in_columns() -> None:
    """The survey marks only the dumps whose columns unfold (the reader's costly search); the reader unwraps a
    narrow cell's paragraphs in every dump, as the survey keyed its lines."""
    paragraph = "\n".join(ARTICLE_LINES)
    page = (
        f"Harbour Weekly\n\nFerries return to the harbour\nBy Jane Doe\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
    )
    record = Record(source_file="a.txt", data=page.encode())
    sketch = sketch_record(record, ())
    assert sketch is not None and sketch.columned is None
    corpus = CorpusBuilder()
    corpus.add_all([sketch])
    body = _read(GenericTextExtractor(corpus.index(), surveyed=True), page).fields["body"]
    assert body.split("\n\n") == [" ".join(ARTICLE_LINES)] * 3


def test_a_cell_beside_a_wrapped_paragraph_takes_no_line_onto_it() -> None:
    """A table's row prints a date's cell beside the paragraph's first line ("April 14, 2002  As normally
    conceived"): the paragraph's other lines join one another, and the date stays on a line of its own."""
    row = "April 14, 2002  Harbour ferries return to service"  # as wide as the paragraph's lines
    lines = _nonblank(unfold_columns(row + "\n" + "\n".join(ARTICLE_LINES) + "\n"))
    assert lines == [row, " ".join(ARTICLE_LINES)]


@pytest.mark.parametrize("run", [3, 4, SHORT_RUN + 2, SHORT_RUN + 3, SHORT_RUN + 4, 300])
@pytest.mark.parametrize("after", ["x", "\n   b", ""])
def test_a_run_of_spaces_ends_where_its_last_space_does_short_or_a_table_s_padding(run: int, after: str) -> None:
    text = "a" + " " * run + after
    assert _spaces_end(text, 1) == 1 + run
