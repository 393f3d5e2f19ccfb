"""Lists and the generic reader's region: which lists inside or around the article belong to it (a recipe's
labelled ingredients, a list between paragraphs, one a paragraph announces, short items among longer points)
and which are chrome (a menu after it, a share bar inside it, labels each over one value)."""

from __future__ import annotations

import pytest

from builder.extract.generic.reader import GenericReading, read_generic
from builder.extract.generic.region import SHORT_BULLET, SHORT_LINE
from tests.region_pages import ARTICLE, COMMENT_FORM, LONG_ARTICLE, MENU, SIDEBAR
from tests.region_pages import page as _page
from tests.region_pages import region_text as _region_text
from tests.region_pages import scored as _scored

RECIPE = [
    ["Almond biscuits"],
    ["\n".join(["Ingredients:", "300 g flour", "100 g ground almonds", "200 g sugar", "1 egg", "Flaked almonds"])],
    ["Method:"],
    [
        "1. Put all the ingredients in a bowl and knead them into a smooth dough with the hook of the mixer.",
        "2. Roll the dough out on a floured board and cut out the biscuits with the shapes you like best.",
        "3. Bake them in the middle of the oven for fifteen minutes until they are golden brown.",
    ],
]


def test_a_recipe_keeps_its_labelled_ingredients_above_the_steps() -> None:
    region = _region_text(_page(["Home", "  • Recipes"], *RECIPE, COMMENT_FORM))
    assert region[0] == "Ingredients:" and "1 egg" in region and "Method:" in region
    assert region[-1] == RECIPE[-1][-1]


def test_labels_each_over_one_value_stay_out() -> None:
    """A table of facts ("Words:" over "67379") above a label that opens the article is no list."""
    facts = ["Words:", "67379", "Chapters:", "14/14", "Hits:", "152759", "Summary:"]
    region = _region_text(_page(["Home", "  • Stories"], facts, ARTICLE))
    assert region == ["Summary:", *ARTICLE]


def test_unlabelled_short_lines_above_the_article_stay_out() -> None:
    region = _region_text(_page(["Home", "News", "Sport", "Weather"], ARTICLE))
    assert region == ARTICLE


@pytest.mark.parametrize(
    "long_point",
    [
        "  • a pool for children",
        # one item as long as a sentence does not cut the list, nor the article under it
        "  • a pool for children, which the council says will be heated in winter and open on every school day",
    ],
)
def test_a_list_between_paragraphs_joins_the_article_and_a_menu_after_it_does_not(long_point: str) -> None:
    points = ["  • a new roof over the pool", "  • a ramp at the entrance", long_point, "  • showers that work"]
    points += ["  • a bigger car park", "  • longer hours", "  • a café by the river", "  • a sauna", "  • lockers"]
    menu = ["  • Apps", "  • Newsletters", "  • Cookies", "  • Terms of Use"]
    footer = ["All quotes are delayed by at least fifteen minutes, see the list of exchanges for the delays."]
    text = _page(ARTICLE[:2], ["The plan has two parts:"], points, ARTICLE[2:], menu, footer)
    region = _region_text(text)
    assert region[0] == ARTICLE[0] and region[-1] == ARTICLE[-1]
    assert points[0].strip(" •") in region


def test_the_article_goes_on_under_a_list_past_its_subheading() -> None:
    """Prose under a list joins the article through the subheading over it ("What the pool will cost")."""
    points = ["  • a new roof over the old pool", "  • a ramp at the main entrance", "  • showers that work again"]
    subheading = "What the pool will cost"
    costs = [
        "The council puts the cost of the work at two million, most of it to be paid by the regional fund.",
        "The rest will come from the entrance fees, which will go up by one euro for adults next summer.",
    ]
    text = _page(ARTICLE, points, [subheading], costs, MENU)
    region = _region_text(text)
    assert region[0] == ARTICLE[0] and region[-1] == costs[-1]
    assert subheading in region


def test_the_rest_of_a_list_the_region_ends_inside_joins_it() -> None:
    """The region's best run ends after the long items of a list; its shorter items under them are the same
    list's (no blank line between), not a menu: they join. One item only inside the region may be a box's first
    teaser: its list stays out."""
    long_items = [
        "  • The roof will be made of wood from the forests of the valley and will keep the heat in winter",
        "  • The changing rooms will be twice as large as before and open to the river side of the pool",
    ]
    short_items = ["  • A ramp at the main entrance", "  • Showers with warm water", "  • Lockers for the bags"]
    region = _region_text(_page(ARTICLE, ["\n".join(long_items + short_items)], ["Share this article"], MENU))
    assert region[-1] == short_items[-1].strip(" •")
    region = _region_text(_page(ARTICLE, ["\n".join(long_items[:1] + short_items)], ["Share this article"], MENU))
    assert region[-1] == long_items[0].strip(" •")


DEVICES = ["  • Amazon Kindle (DX)", "  • Barnes & Noble Nook", "  • Apple iPhone or iPod Touch", "  • Apple iPad"]
DEVICES += ["  • Android Phone", "  • Sony Reader", "  • Blackberry", "  • Kobo eReader"]
DEVICES += ["  • Palm OS handhelds (including Handspring, Treo, Tungsten and Zire)", "  • Cybook Opus and Gen3"]
CLOSING = ["More instructions can be found on our help page, and the file can be downloaded from our home page."]


def test_a_list_a_paragraph_announces_is_the_article_s_short_items_and_all() -> None:
    """The article's last paragraph announces a list (": "), one paragraph follows it, then the footer: the
    list and that paragraph are the article's, and so are its items of one or two words, which in a run of
    their own would read as a menu."""
    announcing = ["The new issue is ready, and from today you can read it on any of the following devices:"]
    text = _page(["Home", "  • News"], ARTICLE, announcing, ["\n".join(DEVICES)], CLOSING, MENU, SIDEBAR[:1])
    reading = read_generic(text)
    assert isinstance(reading, GenericReading), reading
    body = reading.fields["body"]
    assert body.startswith(ARTICLE[0]) and body.endswith(CLOSING[0])
    assert all(item.strip(" •") in body for item in DEVICES)


@pytest.mark.parametrize(
    ("announcing", "bullet"),
    [
        # a semicolon typed for the colon, or a sentence saying what follows
        ("The new issue is ready, and from today you can read it on any of the following devices;", "  •"),
        ("The new issue is ready, and the devices you can read it on from today are as follows.", "  •"),
        # items that open with a dash typed for a bullet, under a label
        ("The new issue is ready, and from today you can read it on any of the following devices:", "-"),
        ("The new issue is ready, and from today you can read it on any of the following devices:", "–"),
    ],
)
def test_a_list_is_announced_by_a_semicolon_or_as_follows_and_dashes_are_its_bullets(
    announcing: str, bullet: str
) -> None:
    items = [item.replace("  •", bullet) for item in DEVICES]
    if bullet != "  •":
        items.insert(0, "READERS AND PHONES:")
    text = _page(["Home", "  • News"], ARTICLE, [announcing], ["\n".join(items)], CLOSING, MENU, SIDEBAR[:1])
    reading = read_generic(text)
    assert isinstance(reading, GenericReading), reading
    body = reading.fields["body"]
    assert body.startswith(ARTICLE[0]) and body.endswith(CLOSING[0])
    assert all(item.strip(" •-–") in body for item in items)


@pytest.mark.parametrize(
    "over", ["The new issue is ready, and from today you can read it on all of these devices.", "Share this:"]
)
def test_short_bullets_no_paragraph_announces_are_a_menu_inside_the_article(over: str) -> None:
    """A run of short bullets between the article's paragraphs under a sentence that ends with a full stop, or
    under a label (no paragraph): a share bar, not the article's."""
    share = ["  • Facebook", "  • Twitter", "  • Email", "  • Print"]
    text = _page(["Home", "  • News"], LONG_ARTICLE[:5], [over], ["\n".join(share)], LONG_ARTICLE[5:], MENU)
    reading = read_generic(text)
    assert isinstance(reading, GenericReading), reading
    body = reading.fields["body"]
    assert body.startswith(LONG_ARTICLE[0]) and body.endswith(LONG_ARTICLE[-1])
    assert "Twitter" not in body


def test_short_items_among_longer_points_of_one_list_are_the_article_s() -> None:
    """A list of points inside the article whose last three items are short: the list's other items make it
    no menu, though no paragraph announces it."""
    points = ["  • Delete whole words (before and after the cursor)", "  • Create a new line and put the cursor there"]
    points += ["  • Search in a file", "  • Switch files", "  • Indent code", "  • Use completion"]
    text = _page(["Home", "  • News"], LONG_ARTICLE[:5], ["\n".join(points)], LONG_ARTICLE[5:], MENU)
    reading = read_generic(text)
    assert isinstance(reading, GenericReading), reading
    assert all(point.strip(" •") in reading.fields["body"] for point in points)


CLOSED = ["  • Bernards Township Schools", "  • Franklin Township Schools", "  • Hillsborough Schools"]
CLOSED += ["  • Watchung Hills"]


@pytest.mark.parametrize(
    ("announcing", "joins"),
    [
        (["The following schools will be closed on Thursday, Nov. 1:"], True),
        (["Click to share this via:"], False),  # a share bar under its invitation
    ],
)
def test_a_short_sentence_announces_a_list_of_short_items_that_ends_the_article(
    announcing: list[str], joins: bool
) -> None:
    """The article ends with a list its last sentence announces, a short one (a date in it): the list is the
    article's though its items are as short as a menu's and no paragraph follows it. A share bar's
    invitation announces no list of the article's."""
    region = _region_text(_page(["Home", "  • News"], ARTICLE, announcing, ["\n".join(CLOSED)], MENU))
    assert region[: len(ARTICLE) + 1] == [*ARTICLE, *announcing]
    assert (CLOSED[-1].strip(" •") in region) is joins


INVITED = ["Brian Edwards (Wake Forest University)", "Matt Allen (Creighton University)"]
INVITED += ["Shea Salinas (Furman University)", "Ely Allen (University of Washington)"]


@pytest.mark.parametrize(("invited", "joins"), [(INVITED, True), (INVITED[:2], False)])
def test_a_list_of_plain_lines_a_paragraph_announces_ends_the_article(invited: list[str], joins: bool) -> None:
    """The article's last paragraph announces a list whose items are plain short lines, no bullet or number
    (each its own paragraph): three items or more are the article's, up to the menu's first bullet; two
    plain lines under a colon are no list."""
    announcing = ["Below is the list of players who have been invited to the combine this year:"]
    region = _region_text(_page(["Home", "  • News"], ARTICLE, announcing, invited, MENU))
    assert region[: len(ARTICLE) + 1] == [*ARTICLE, *announcing]
    assert region[len(ARTICLE) + 1 :] == (invited if joins else [])


POINT = "Many companies sit on piles of numbers that would make a story, and never think of sharing them."


@pytest.mark.parametrize(("heading", "goes_on"), [("Comment", True), ("Share this:", False)])
def test_a_heading_a_paragraph_announces_is_the_article_s(heading: str, goes_on: bool) -> None:
    """The article announces its list of points (": "), and the first point's heading reads as an end heading
    ("Comment", as in a comment piece): the points go on with the article. A label ("Share this:") under such
    a paragraph still opens the chrome (what was announced, an image, the dump does not show)."""
    announcing = ["Journalists need more than a press release, and the following list should get you started:"]
    points = [heading, "Offer an opinion on the news of the day, with the data that backs it, before anyone asks."]
    points += ["Access", "Let a reporter meet the people who build the product, and answer every question they have."]
    points += ["Data", POINT]
    region = _region_text(_page(["Home", "  • News"], LONG_ARTICLE, announcing, points, MENU))
    assert region[: len(LONG_ARTICLE) + 1] == [*LONG_ARTICLE, *announcing]
    assert (POINT in region) is goes_on


def test_a_list_of_labelled_lines_a_paragraph_announces_ends_the_article() -> None:
    """Items that open with their label and a colon ("Ohio: Ann Allen, Bob Baker, …", a panel's members by state)
    join the list a paragraph announces, however long they run."""
    announcing = ["These are the members of the panel, not all of whom took part in this survey:"]
    names = "Ann Allen, Bob Baker, Carl Cole, Dina Dunn, Eve Evans, Fay Ford, Gus Gray, Hal Hill"
    members = [f"{state}: {names}" for state in ("Ohio", "Iowa", "New York", "Texas")]
    region = _region_text(_page(["Home", "  • News"], ARTICLE, announcing, members, MENU))
    assert region == [*ARTICLE, *announcing, *members]


RANKING = ["01. Robert Plant", "02. Rob Halford", "03. Steven Tyler", "04. Chris Cornell", "05. Bon Scott"]


@pytest.mark.parametrize(
    ("items", "joins"),
    [
        (RANKING, True),  # a ranking counted from one under the article's last paragraph
        (["1. Robert Plant", "2. Rob Halford"], False),  # two items: no list to go on with
        (["4. Chris Cornell", "5. Bon Scott", "6. Freddie Mercury"], False),  # counted from the middle
        (["1. bags", "2. frank clegg", "3. video"], False),  # tags a page numbers
        (["01. Robert Plant", "03. Steven Tyler", "04. Chris Cornell"], False),  # no count: a number skipped
    ],
)
def test_a_counted_list_under_the_article_joins_it(items: list[str], joins: bool) -> None:
    """A list right under the article's last paragraph, counted from one (a ranking, "Here's the full list from
    Hit Parader."), ends the article, though no colon announces it and no paragraph follows it."""
    closing = ["Here is the full list from the magazine, as it was printed in its spring issue this year."]
    region = _region_text(_page(["Home", "  • News"], ARTICLE, closing, ["\n".join(items)], MENU))
    assert (region[-len(items) :] == items) is joins
    assert region[: len(ARTICLE)] == ARTICLE


def test_a_counted_list_goes_on_from_the_article_s_last_item() -> None:
    """The steps of a recipe inside the article, then one more under it that scores as no prose ("8. Extras:
    chocolate, blueberries, nuts …"): the count goes on, and the item is the article's."""
    steps = [
        f"{n}. Bake the biscuits for a few more minutes if they are not yet golden brown, step {n}."
        for n in range(1, 4)
    ]
    region = _region_text(
        _page(["Home", "  • Recipes"], ARTICLE, steps, ["4. Extras: chocolate, blueberries, nuts"], MENU)
    )
    assert region[-1] == "4. Extras: chocolate, blueberries, nuts"


def test_a_list_counted_from_one_under_the_article_s_own_count_needs_its_three_items() -> None:
    """Under steps 1 to 3, a list counted from one again is another list (a box of the most read): one item of it
    is no part of the article, as one item going on from step 3 would be."""
    steps = [
        f"{n}. Bake the biscuits for a few more minutes if they are not yet golden brown, step {n}."
        for n in range(1, 4)
    ]
    region = _region_text(_page(["Home", "  • Recipes"], ARTICLE, steps, ["1. Most read: the harbour reopens"], MENU))
    assert region[-1] == steps[-1]


def test_a_list_of_cards_each_under_a_lone_bullet_does_not_outweigh_the_article() -> None:
    """A list item that opens with an image or a box prints its bullet alone and its text on the next line: a
    menu of cards, each a sentence, scores as a list's items, and the article under it wins."""
    article = [*ARTICLE, "Until then the town's swimmers can use the pool of the school on the hill every evening."]
    article.append("The council will pay for the work with a loan that the town repays over the next twenty years.")
    cards = [f"  •\n{sentence}" for sentence in SIDEBAR]
    assert _region_text(_page(cards, MENU, article)) == article
    # the same sentences as paragraphs outweigh the article: the bullets tell the cards
    assert _region_text(_page(SIDEBAR, MENU, article)) == SIDEBAR


@pytest.mark.parametrize("card", ["Sport news", "Sport"])
@pytest.mark.parametrize(("under_lone_bullet", "score"), [(True, SHORT_BULLET), (False, SHORT_LINE)])
def test_a_short_line_under_a_lone_bullet_is_a_list_item(card: str, under_lone_bullet: bool, score: float) -> None:
    """A card's title alone under its bullet scores as a menu's item does, as its description would; so does a
    card of one word."""
    found = _scored(_page(ARTICLE, [f"  •\n{card}" if under_lone_bullet else card]))
    assert found.scores[[line.text for line in found.lines].index(card)] == score
