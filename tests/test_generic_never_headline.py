"""Lines that are never the headline, whatever the headline model scores them: a poll's question over its answers,
a relative date, a reading time, a comment count, a copyright notice, a recipe's section or fact, a line opening in mid-sentence."""

from __future__ import annotations

import pytest

from builder.extract.generic import headline_lines
from builder.extract.generic.reader import dump_lines
from builder.extract.generic.region import score_lines


@pytest.mark.parametrize(
    ("page", "never"),
    [
        ("Will the pool open in May?\n(*) Yes\n63%\n( ) No", True),  # a poll's question over its answers
        ("Will the pool open in May?\n\n( ) Yes\n( ) No", True),
        ("Will the pool open in May?\n\nBy Ann Lee", False),  # a headline asks too
    ],
)
def test_a_poll_s_question_is_never_the_headline(page: str, never: bool) -> None:
    assert headline_lines.never_headline(score_lines(*dump_lines(page)), 0) is never


@pytest.mark.parametrize(
    ("line", "never"),
    [
        ("Published 1 hours ago", True),  # a relative date under its label: no date to keep, and no headline
        ("3 days ago", True),
        ("Updated: 2 hours ago", True),
        ("The harbour as it looked 20 years ago", False),  # a headline telling of a time
        ("Seals seen 2 hours ago", False),  # words before the time that are no date's label
        ("Yesterday 1:55PM", True),  # a relative day and its time
        ("· Gestern um 02:12 ·", True),
        ("Heute, 14:30 Uhr", True),
        ("Today in the harbour", False),
        ("01:29 PM EDT", True),  # a time alone
        ("8 hours ago 8:00 AM", True),  # an age, then the clock time
        ("3 hours ago BY PakistanToday", True),  # an age, then the byline
        ("5 hours ago, seals came back to the harbour", False),  # an age opening a sentence
        ("12 Days of Christmas 8:00 AM", False),  # no age before the time
        ("– Assistant Professor of Computer Science, North Dakota State University", True),  # an attribution
        ("Tel: +81 3 5561 7755", True),  # a contact's line
        ("18/18", True),  # a gallery's counter: no letter
        ("Security {{article.article.pretty_date}} {{article.metrics.page_views}} views", True),  # a template's
        ("Seals: 18 of 20 back on the sandbank", False),
        ("New, 119 comments", True),  # a comment count
        ("27 Comments", True),
        ("New comments policy for the harbour forum", False),
        ("Tempo di lettura: 3 minuti", True),  # a reading time
        ("5 Minuten Lesezeit", True),
        ("Seals rest 5 minutes a day", False),
    ],
)
def test_a_relative_date_a_reading_time_or_a_comment_count_is_never_the_headline(line: str, never: bool) -> None:
    assert headline_lines.never_headline(score_lines(*dump_lines(line)), 0) is never


@pytest.mark.parametrize(
    ("line", "never"),
    [
        ("© 1994-2020 Wordsmith", True),
        ("Copyright 2011 World Publishing Co.", True),
        ("(c) 2021 Harbour Weekly", True),
        ("Copyright lawsuit over seal photos settled", False),  # a headline about copyright: no year after it
    ],
)
def test_a_copyright_notice_is_never_the_headline(line: str, never: bool) -> None:
    assert headline_lines.never_headline(score_lines(*dump_lines(line)), 0) is never


@pytest.mark.parametrize(
    ("line", "never"),
    [
        ("Photos by Eirik in", True),  # a blog post's photo credit under its date, with no colon
        ("Fotos von Anna Berg", True),
        ("Photos de Bavière", False),  # French "photos of": a gallery's headline
    ],
)
def test_a_photo_credit_with_no_colon_is_never_the_headline(line: str, never: bool) -> None:
    assert headline_lines.never_headline(score_lines(*dump_lines(line)), 0) is never


@pytest.mark.parametrize(
    ("line", "never"),
    [
        ("Zutaten", True),  # a recipe card's section, over its ingredients
        ("Ingredients:", True),
        ("Préparation", True),
        ("Ingredients for a good summer", False),  # a headline that opens with the word
        ("Muffin Grundrezept", False),
        ("Zubereitungszeit: 25 Minuten (+ 15 Minuten backen)", True),  # a fact of the card, under the dish's name
        ("Prep Time: 15 minutes", True),
        ("Serves: 4", True),
        ("Yield curve: what 2019 means for savers", False),  # a label's word, but no fact's label
        ("Makeshift shelters: 300 families wait for the ferry", False),
    ],
)
def test_a_recipe_s_section_or_fact_is_never_the_headline(line: str, never: bool) -> None:
    assert headline_lines.never_headline(score_lines(*dump_lines(line)), 0) is never


@pytest.mark.parametrize(
    ("line", "never"),
    [
        ("a Somali woman smiles as she poses for a photo", True),  # a caption's end, a sentence broken off
        ("in Szene Gesetztes", True),
        ("für das Rezept Bienenstich-Muffins", True),
        ("iPhone 14: Warum sich das Warten wirklich lohnt", False),  # a brand's name in small letters
        ("zenhabits", False),
        ("A Somali woman smiles as she poses for a photo", False),
    ],
)
def test_a_line_opening_with_a_common_word_in_small_letters_is_never_the_headline(line: str, never: bool) -> None:
    assert headline_lines.never_headline(score_lines(*dump_lines(line)), 0) is never
