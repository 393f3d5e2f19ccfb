"""The evaluation command's scoring helpers (bench/generic_eval.py, bench/eval_fields.py, bench/eval_dates.py): how a
page's declared language, its dates, its passages, its title and its authors are compared."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

from tests.bench_modules import import_bench


@pytest.fixture(scope="module")
def generic_eval() -> ModuleType:
    return import_bench("generic_eval")


@pytest.fixture(scope="module")
def eval_fields() -> ModuleType:
    return import_bench("eval_fields")


@pytest.mark.parametrize(
    ("declared", "primary"),
    [("de-DE", "de"), ("de_DE", "de"), ("EN", "en"), ("english", "en"), ("zh-Hant-TW", "zh"), ("", None), (None, None)],
)
def test_a_declared_language_is_compared_by_its_primary_subtag(
    eval_fields: ModuleType, declared: str | None, primary: str | None
) -> None:
    assert eval_fields._language(declared) == primary


@pytest.fixture(scope="module")
def eval_dates() -> ModuleType:
    return import_bench("eval_dates")


@pytest.mark.parametrize(
    ("truth", "local", "near"),
    [
        ("2012-10-29T21:12:00-04:00", datetime(2012, 10, 29), True),  # the page prints the day alone
        ("2012-10-29T21:12:00-04:00", datetime(2012, 10, 28), False),
        ("2012-10-29T21:12:00-04:00", datetime(2012, 10, 29, 0, 5), False),  # a time printed: 25 h off
        ("2012-10-29", datetime(2012, 10, 29, 21, 0), True),  # the truth states the day alone
        ("2012-10-29T12:00:00+00:00", datetime(2012, 10, 30, 11, 0), True),  # within 24 h
    ],
)
def test_a_date_is_near_within_a_day_or_on_the_same_day_when_either_states_no_time(
    eval_dates: ModuleType, truth: str, local: datetime, near: bool
) -> None:
    """The prediction's instant is its wall clock read in UTC, as a build stores a date with no zone."""
    pred = {"date": local.replace(tzinfo=UTC), "published_at_local": local}
    assert eval_dates.near_date({"published": truth}, pred) is near


def test_the_html_reference_reads_each_pages_html_and_gives_an_empty_body_where_there_is_none(
    generic_eval: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "dumps").mkdir()
    (tmp_path / "html").mkdir()
    prose = " ".join(f"The harbour board met on Tuesday and voted on the new pier, item {n}." for n in range(12))
    page = f"<html><body><nav>Home | News</nav><article><h1>Pier vote</h1><p>{prose}</p></article></body></html>"
    (tmp_path / "html" / "pier.html").write_text(page, encoding="utf-8")
    for name in ("pier", "no-html"):
        (tmp_path / "dumps" / f"{name}.txt").write_text("a dump\n", encoding="utf-8")
    bodies = generic_eval._trafilatura_bodies(tmp_path)
    assert "The harbour board met on Tuesday" in bodies["pier"]["body"]
    assert "Home | News" not in bodies["pier"]["body"]
    assert bodies["no-html"] == {"body": ""}


def test_passages_are_counted_as_trafilatura_counts_them(eval_fields: ModuleType) -> None:
    record = {"with": ["The council  met\non Monday.", "It ended late."], "without": ["Sign up now", "Share"]}
    body = "Lead.\n\nThe council met on Monday. It ended early.\n\nShare this."
    assert eval_fields.passage_counts(record, body) == (1, 1, 1, 1)
    # a passage typed from the page's source holds its soft hyphens; the dump, printed by a text browser, none
    assert eval_fields.passage_counts({"with": ["The coun\xadcil met"], "without": []}, body) == (1, 0, 0, 0)
    assert eval_fields._passage_scores([(1, 1, 1, 1), (2, 0, 0, 2)]) == "0.750 / 0.750 / 0.750"
    assert eval_fields._passage_scores([(0, 1, 2, 1)]) == "0.000 / 0.000 / 0.000"


@pytest.mark.parametrize(
    ("truth", "predicted", "match"),
    [
        ("PEKING 2022 – EINE GROSSE CHANCE", "Peking 2022 – Eine große Chance", True),  # case folded
        ("Genesenen\u00ad\u00adnachweise ändern sich", "Genesenennachweise ändern sich", True),  # soft hyphens
        ("Night ferries return | Harbour Weekly", "Night ferries return", True),  # the window title's suffix
        ("Night ferries return", "Night ferries", False),
    ],
)
def test_titles_match_whatever_their_case_and_soft_hyphens(
    eval_fields: ModuleType, truth: str, predicted: str, match: bool
) -> None:
    assert eval_fields.title_match(truth, predicted) is match


@pytest.mark.parametrize(
    ("truth", "predicted", "same"),
    [
        (["David J Phillips"], ["David J. Phillips"], True),  # a dot is no part of a name
        (["J.R. Stone"], ["J. R. Stone"], True),
        (["By Jane Lee\n March 25"], ["jane lee"], True),  # a silver byline's first line, case folded
        (["Jane Lee", "Tom Roe"], ["Jane Lee"], False),
        (["Von Jane Lee und Tom Roe"], ["Jane Lee", "Tom Roe"], True),  # a hand label of one string
        (["Jane Lee; Tom Roe"], ["Jane Lee", "Tom Roe"], True),
    ],
)
def test_authors_are_compared_as_sets_of_names(
    eval_fields: ModuleType, truth: list[str], predicted: list[str], same: bool
) -> None:
    assert (eval_fields._norm_names(truth) == eval_fields._norm_names(predicted)) is same


class _NoBodyScore:
    """A body scorer that scores nothing: the test asks about authors only."""

    @staticmethod
    def page_counts(truth: str, predicted: str) -> tuple[int, int, int]:
        return (0, 0, 0)

    @staticmethod
    def aggregate(rows: list[tuple[int, int, int]]) -> tuple[float, float, float]:
        return (0.0, 0.0, 0.0)


def test_a_false_name_on_a_page_that_names_no_one_counts(eval_fields: ModuleType) -> None:
    """ "authors none": of the rows whose truth names no one, the share given no author; a page read as no article
    and a page whose truth names someone are not counted."""
    page = {"body": "", "title": "", "title_printed": False, "published": None, "date_printed": False, "language": ""}
    page["readerable"] = True
    truth = {
        "a": {**page, "authors": []},
        "b": {**page, "authors": []},
        "c": {**page, "authors": ["Jane Lee"]},
        "d": {**page, "authors": []},
    }
    pred = {
        "a": {"body": "Seals.", "title": "", "authors": []},
        "b": {"body": "Seals.", "title": "", "authors": ["Share This"]},
        "c": {"body": "Seals.", "title": "", "authors": []},
        "d": {"no_article": True, "body": "", "title": None, "authors": []},
    }
    scores = eval_fields.field_scores(list(truth), truth, pred, _NoBodyScore())
    assert scores["authors none"].strip() == "50.0% (1/2)"


@pytest.mark.parametrize(
    ("line", "day", "printed"),
    [
        ("Von Jana Holm | 06.11.23", datetime(2023, 11, 6), True),  # a two-digit year, as the reader reads it
        ("NFL Fantasy LIVE podcast (10/30/12)", datetime(2012, 10, 30), True),
        ("06.11.2023", datetime(2023, 11, 6), True),
        ("06.11.24", datetime(2023, 11, 6), False),  # another year
    ],
)
def test_a_date_counts_as_printed_in_the_forms_the_reader_reads(
    eval_dates: ModuleType, line: str, day: datetime, printed: bool
) -> None:
    assert any(form.search(line) for form in eval_dates.printed_forms(day)) is printed
