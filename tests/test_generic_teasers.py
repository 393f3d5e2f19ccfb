"""Lists of teasers (a headline over its one-sentence summary, again and again) are no prose of the article:
headlines right over their summaries, or bulleted a blank line over them; a numbered list of steps, an
article's bulleted list and a roundup post's paragraphs are the article's."""

from __future__ import annotations

from tests.region_pages import ARTICLE
from tests.region_pages import page as _page
from tests.region_pages import region_text as _region_text

TEASER_LIST = [
    "Hops shortage spurs microbreweries\nA worldwide shortage of hops is forcing some breweries to change their beers.",
    "Man arrested in hit-and-run\nA young man from the valley has been charged in connection with the crash.",
    "Student fights school's piercing ban\nA culinary school will not allow one of its students to finish her course.",
    "Minister summoned over isotope row\nOpposition parties say they hope to get to the bottom of the shortage soon.",
]


def test_a_list_of_teasers_under_the_article_is_not_its_prose() -> None:
    """Headlines each over a one-sentence summary, with no blank line between (the site's other stories):
    the summaries read as prose, but the list is not the article's."""
    assert _region_text(_page(ARTICLE, ["\n".join(TEASER_LIST)], ["Advertisement"])) == ARTICLE


def test_a_numbered_list_of_steps_is_no_list_of_teasers() -> None:
    """The same shape with each line opening with a number (steps, a table's rows) stays the article's."""
    steps = [f"{n}. Step {n} of the plan\n{n}0 workers will fix the roof of the pool this autumn." for n in range(1, 5)]
    region = _region_text(_page(ARTICLE, ["\n".join(steps)], ARTICLE))
    assert region[-1] == ARTICLE[-1] and len(region) > 2 * len(ARTICLE)


# Bulleted headlines a blank line over their summaries, each next one right under the last summary.
BULLETED_TEASERS = [
    "  • Pool to open a month early\n\n    The council says the roof of the old pool will be finished before the spring and swimmers can come back in May.",
    "  • River path closed for repairs\n\n    The path along the river will be closed for three weeks while the council repairs the flood damage.",
    "  • New library opens on Sundays\n\n    The town library will open its doors on Sundays from next month, the first time in its history.",
    "  • School wins the regional swim cup\n\n    Pupils from the town's school won the regional swimming cup on Saturday after a close final.",
]


def test_bulleted_teasers_a_blank_line_over_their_summaries_are_not_the_article_s_prose() -> None:
    text = _page(ARTICLE, ["\n".join(BULLETED_TEASERS)], ["Top Video Pick"])
    assert _region_text(text) == ARTICLE


def test_an_article_s_bulleted_list_is_no_list_of_teasers() -> None:
    """Items of a list inside the article, each a bullet, some reading as a headline and some as a sentence:
    a summary is never a bullet when a blank line parts it from its headline."""
    items = [
        "  • the pool will open at seven on weekdays",
        "  • the roof will be rebuilt with the money the neighbours raised over two years.",
        "  • a new changing room for the swimming club",
        "  • the council will pay for a lifeguard on every day of the summer holidays.",
        "  • the river path to the pool will be lit",
        "  • the old diving board stays, though it will be closed for the first summer.",
    ]
    region = _region_text(_page(ARTICLE[:2], items, ARTICLE[2:]))
    assert region == ARTICLE[:2] + [item.strip().removeprefix("• ") for item in items] + ARTICLE[2:]


def test_a_roundup_post_s_titled_paragraphs_are_the_article() -> None:
    """Each title right over its sentence, the pairs apart by blank lines (a post gathering the week's posts)."""
    roundup = [
        "Hops shortage spurs microbreweries\nA worldwide shortage of hops is forcing some breweries to change their beers.",
        "Man arrested in hit-and-run\nA young man from the valley has been charged in connection with the crash.",
        "Student fights school's piercing ban\nA culinary school will not allow one of its students to finish her course.",
    ]
    region = _region_text(_page(ARTICLE, roundup, ARTICLE))
    assert len(region) == 2 * len(ARTICLE) + 2 * len(roundup)
