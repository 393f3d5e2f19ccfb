"""A recipe under the article (a food blog's card: the dish's name, its ingredients one quantity a line, the
steps) joins the article's region; too few quantities, or quantities too far under it, do not."""

from __future__ import annotations

import pytest

from builder.extract.generic.recipes import is_quantity
from tests.region_pages import ARTICLE, COMMENT_FORM, MENU
from tests.region_pages import page as _page
from tests.region_pages import region_text as _region_text

CARD_HEAD = ["have a lovely week,", "Pumpkin Soup with Pears", "Yield: Serves 4", "Ingredients:"]
INGREDIENTS = ["• 1/2 cup olive oil", "• 6 cloves garlic, minced", "• 2 medium onions, minced"]
INGREDIENTS += ["• salt and pepper to taste", "• 1-1/2 teaspoons ground coriander", "• 5 cups of vegetable stock"]
STEPS = ["Directions:", "1. Heat the oil in a large pot and cook the onions and the garlic until they are soft."]
STEPS += ["2. Add the pumpkin, the pears and the stock, and let it simmer for half an hour with the lid on."]
AFTER = ["Related Recipes:", "  • Braised Brussels Sprouts", "  • Grilled Eggplant", "  • Stuffed Tomatoes"]


def test_a_recipe_under_the_post_joins_the_article_up_to_its_last_step() -> None:
    region = _region_text(_page(["Home", "  • Recipes"], ARTICLE, CARD_HEAD, INGREDIENTS, STEPS, AFTER, MENU))
    assert region[: len(ARTICLE)] == ARTICLE
    assert region[len(ARTICLE) :] == [*CARD_HEAD, *(item.strip(" •") for item in INGREDIENTS), *STEPS]


def test_two_quantities_are_no_recipe() -> None:
    ingredients = [*INGREDIENTS[:2], "• salt and pepper to taste"]
    region = _region_text(_page(["Home", "  • Recipes"], ARTICLE, CARD_HEAD, ingredients, ["Directions:"], MENU))
    assert region == ARTICLE


def test_quantities_far_under_the_article_are_not_its_recipe() -> None:
    """The first quantity is looked for within twelve lines under the article."""
    between = [f"Recipe index {n}" for n in range(13)]
    region = _region_text(_page(["Home"], ARTICLE, between, INGREDIENTS, STEPS, COMMENT_FORM))
    assert region == ARTICLE


def test_the_recipe_ends_after_two_lines_that_are_neither_ingredient_nor_step() -> None:
    """A reader's comment under the steps, after its author's name and date, is not the recipe's."""
    comment = ["Paul said...", "November 9, 2012 4:29 PM", "I made this last night and everyone asked for more of it."]
    region = _region_text(_page(["Home"], ARTICLE, CARD_HEAD, INGREDIENTS, STEPS, comment, MENU))
    assert region[-1] == STEPS[-1]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1/2 cup heavy cream (or whole milk)", True),
        ("• 2 cloves garlic, minced", True),
        ("2 c. Einkorn flour (or AP flour)", True),
        ("16oz (1 block) firm tofu, crumbled", True),
        ("1 ½ cups filtered water", True),
        ("• 1-cup soy flour", True),
        ("about 3 cups chicken broth or stock, divided", True),
        ("8 large eggs", True),
        ("200 g Mehl", True),
        ("2 EL Olivenöl", True),
        ("1. Heat the oil in a large pot.", False),
        ("3 comments", False),
        ("2012 was the year the pool closed", False),
        ("5 min read", False),
        ("10 gallery pictures", False),
        ("1/2 cup of flour, " + "which " * 20 + "is a long line", False),
    ],
)
def test_a_quantity_opens_an_ingredient_s_line(line: str, expected: bool) -> None:
    assert is_quantity(line, len(line.split())) is expected


def test_the_ingredients_above_the_steps_that_open_the_region_join_it() -> None:
    """A recipe page whose best run of prose is its steps: the ingredients over them (under a label with no
    colon, which a label-over-a-list reading misses) open the region; the dish's name and times above stay out."""
    head = ["Recipe: Corn and Cheese Chowder", "Prep Time: 15 Minutes | Cook Time: 20 Minutes | Servings: 6"]
    steps = ["In a large pot, melt the butter over a medium heat and cook the onions and the bacon for five minutes."]
    steps += ["Sprinkle the flour evenly over the top and stir to combine, then pour in the stock and the cream."]
    steps += ["Stir in the cheeses and the green onions, and when the cheese has melted, ladle it into the bowls."]
    text = _page(["Home", "  • Recipes"], head, ["Ingredients"], INGREDIENTS, ["Preparation Instructions"], steps)
    region = _region_text(text + _page(COMMENT_FORM))
    assert region == ["Ingredients", *(item.strip(" •") for item in INGREDIENTS), "Preparation Instructions", *steps]
