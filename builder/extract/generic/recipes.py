"""A recipe under the article: a food blog's post often ends with its recipe, in a card of its own (the dish's
name, a yield, "Ingredients:" over one quantity a line, "Directions:" over the steps). Its ingredients are short
lines that score below zero and its labels recur in the site's other dumps, so the best run of prose stops above
the card, and the recipe, which the post is about, is lost. A run of quantities ("1/2 cup heavy cream", "2 cloves
garlic") close under the region is the article's recipe: the region takes it, up to its last step.
"""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.markers import LABEL_WORDS, is_label
from builder.extract.generic.region import Scored

RECIPE_REACH: Final = 12  # the recipe's first quantity is this many non-blank lines under the region at most
MIN_QUANTITIES: Final = 3  # a recipe lists this many quantities or more
QUANTITY_WORDS: Final = 16  # an ingredient's line is no longer than this
CARD_GAP: Final = 2  # the card ends after this many lines in a row that are neither ingredient nor step
STEP_SCORE: Final = 0.0  # a step is a line scoring above this (prose), or a numbered line
_STEP_NUMBER: Final = re.compile(r"\d+[.)]\s")  # "1. Heat the oil", "2) Bake"
# An ingredient: a number, a fraction or a range, then a unit or a size ("2 c. flour", "1-1/2 teaspoons allspice",
# "16oz (1 block) tofu", "1 ½ cups water", "3 large eggs"), in English and the units of a few other languages
_QUANTITY: Final = re.compile(
    r"(?:[•*·-]\s*)?(?:about\s+|ca\.\s+|env\.\s+)?"
    r"(?:\d+(?:[/.,]\d+)?(?:\s*[-–]\s*\d+(?:/\d+)?)?|[½⅓⅔¼¾⅛])(?:\s*[½⅓⅔¼¾⅛])?[\s-]*(?:\([^)]*\)\s*)?(?:of\s+)?"
    r"(?:cups?|c\.|tablespoons?|teaspoons?|tbsps?|tsps?|tbs|t\.|g|grams?|kg|ml|cl|l|oz|ounces?|pounds?|lbs?"
    r"|large|medium|small|cloves?|pinch(?:es)?|dash(?:es)?|sticks?|cans?|slices?|eggs?|whole|bunch(?:es)?|sprigs?"
    r"|el|tl|esslöffel|teelöffel|prisen?|bund|zehen?|cuill[eè]res?|gousses?|cucharad(?:as?|itas?)|tazas?"
    r"|dientes?|cucchia(?:i|io|ini))(?![^\W\d_])",
    re.IGNORECASE,
)
_SECTIONS: Final = frozenset(
    {
        "ingredients", "directions", "instructions", "method", "preparation", "steps",
        "zutaten", "zubereitung", "ingrédients", "préparation", "ingredientes", "preparación",
        "ingredienti", "preparazione", "ingrediënten", "bereiding",
    }
)  # fmt: skip


# A fact of a recipe's card, its label and a number ("Prep Time: 15 minutes", "Zubereitungszeit: 25 Minuten", "Ergibt:
# 40 Stück"), in the languages `_SECTIONS` knows
_FACT: Final = re.compile(
    r"(?:(?:prep(?:aration)?|cook(?:ing)?|total|baking|zubereitungs|arbeits|back|koch|ruhe)\s*(?:time|zeit)"
    r"|temps de (?:préparation|cuisson)|tiempo de (?:preparación|cocción)|tempo di (?:preparazione|cottura)"
    r"|bereidingstijd|servings|serves|yield|makes|portionen|ergibt|portions|porciones|raciones|porzioni|personen)"
    r"\s*[:：]\s*\D{0,12}\d",
    re.IGNORECASE,
)


def is_recipe_fact(text: str) -> bool:
    """Whether the line opens with a fact of a recipe's card: never the dish's name, which stands over it."""
    return (":" in text or "：" in text) and _FACT.match(text) is not None  # most lines hold no colon: no match tried


def is_quantity(text: str, words: int) -> bool:
    """Whether a line is a recipe's ingredient with its quantity ("1/2 cup heavy cream", "• 2 cloves garlic")."""
    return words <= QUANTITY_WORDS and _QUANTITY.match(text.lstrip()) is not None


def recipe_after(scored: Scored, stop: int) -> int | None:
    """The new stop after a recipe whose ingredients start within RECIPE_REACH non-blank lines under the region
    (lines[:stop]); None when no recipe of MIN_QUANTITIES quantities or more is there. The lines between (a
    sign-off, the card's name and yield, a label) join the region with it; the later steps judge each of them."""
    edge = _recipe_edge(scored, stop, 1)
    return None if edge is None else edge + 1


def recipe_before(scored: Scored, start: int) -> int | None:
    """The new start above a recipe whose steps the region (lines[start:]) opens with: its ingredients end within
    RECIPE_REACH non-blank lines above; None when no recipe of MIN_QUANTITIES quantities or more is there."""
    return _recipe_edge(scored, start - 1, -1)


def _recipe_edge(scored: Scored, first: int, step: int) -> int | None:
    """The last line of the recipe whose nearest ingredient lies within RECIPE_REACH non-blank lines of line
    `first`, going on in the direction of `step` (1 down, -1 up); None when there is none."""
    seen = 0
    i = first
    while 0 <= i < len(scored.prose) and seen <= RECIPE_REACH:
        measured = scored.prose[i]
        if measured is not None:
            if is_quantity(scored.lines[i].text, measured.words):
                edge, quantities = _card_edge(scored, i, step)
                return edge if quantities >= MIN_QUANTITIES else None
            seen += 1
        i += step
    return None


def _card_edge(scored: Scored, first: int, step: int) -> tuple[int, int]:
    """(last line, quantities) of the recipe whose ingredient nearest the region is line `first`, read in the
    direction of `step`: it runs over ingredients, labels, short lines among the ingredients ("salt and pepper to
    taste") and steps, and ends at a line the corpus or the page marks as chrome, or after CARD_GAP lines in a
    row that are neither ingredient nor step (its last line is then the last ingredient or step before them)."""
    quantities = gap = 0
    edge = first
    i = first
    while 0 <= i < len(scored.prose) and gap < CARD_GAP:
        measured = scored.prose[i]
        at = i
        i += step
        if measured is None:
            continue
        text = scored.lines[at].text
        if is_quantity(text, measured.words):
            quantities += 1
        elif _is_label(text, measured.words):  # "Directions:", though the site's every recipe prints it
            if step < 0:
                edge = at  # read upwards, the label over the ingredients opens the recipe
            continue
        elif at in scored.chrome_rules:
            break
        elif not (scored.scores[at] > STEP_SCORE or _STEP_NUMBER.match(text)):
            gap += 1
            continue
        gap = 0
        edge = at
    return edge, quantities


def _is_label(text: str, words: int) -> bool:
    """A label in a recipe's card: a short line ending with a colon, or a section's name ("Ingredients")."""
    return is_label(text, words) or (words <= LABEL_WORDS and is_section_name(text))


def is_section_name(text: str) -> bool:
    """Whether the line names a section of a recipe's card ("Ingredients", "Zubereitung:"), and nothing more."""
    return text.rstrip(": ").lower() in _SECTIONS
