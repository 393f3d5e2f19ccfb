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


# A paragraph a table's column wrapped: each line goes on with the sentence of the line over it, in lower case.
WRAPPED = [
    "The harbour master said that the new timetable will bring the first boat in at six",
    "in the morning, an hour earlier than the old one, from the first of May.",
    "Families who live on the islands had asked for the change for many years and",
    "welcomed it at the meeting on Tuesday evening in the town hall by the quay.",
    "The company will add a night boat on Fridays and on Saturdays from the start of",
    "the summer season, when the crossings are always full of visitors and bikes.",
]


def test_a_paragraph_wrapped_to_a_column_is_no_list_of_teasers() -> None:
    """Its lines pair as a headline's length over a sentence's, again and again, but a teaser's summary never
    opens in lower case: the paragraph stays the article's."""
    region = _region_text(_page(ARTICLE[:2], ["\n".join(WRAPPED)], ARTICLE[2:]))
    assert region == [*ARTICLE[:2], *WRAPPED, *ARTICLE[2:]]


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


# A feed's items in a sidebar: each a bulleted headline ending with its date, its excerpt indented under it as the
# item's second block, cut after so many words (longer than a teaser's one sentence).
FEED_ITEMS = [
    "    • Pool to open a month early after the council finds the money for its roof November 9, 2012\n"
    "        The council says the roof of the old pool will be finished before the spring, and the swimmers who "
    "signed the petition can come back in May, two months before the summer holidays start and long before "
    "anyone had hoped when the storm tore the roof off six years ago and the changing rooms [...]",
    "    • River path closed for repairs November 9, 2012\n"
    "        The path along the river will be closed for three weeks while the council repairs the damage that "
    "the floods of the winter did to its banks, its lamps and the old wooden bridge by the mill, which the "
    "walkers of the town have crossed every Sunday for a hundred years and more [...]",
    "    • New library opens on Sundays November 8, 2012\n"
    "        The town library will open its doors on Sundays from next month, the first time in its history, "
    "after the volunteers who run the reading room for children offered to stay for the afternoon and the "
    "council agreed to pay for the heating of the old building through the winter [...]",
]


def test_a_feed_s_items_with_their_cut_excerpts_are_not_the_article_s_prose() -> None:
    """Each excerpt is one long paragraph of prose, so the feed outweighs a short article above it."""
    text = _page(["RSS Town News"], ARTICLE[:3], ["\n".join(FEED_ITEMS)], ["RSS Daily Quote"])
    assert _region_text(text) == ARTICLE[:3]


def test_an_article_s_list_of_headed_paragraphs_is_no_feed() -> None:
    """The same layout with each paragraph ending as a sentence ends ("• New process", its paragraph indented
    under it) is the article's own list."""
    items = [item.replace(" [...]", ".").replace(" November 9, 2012", "") for item in FEED_ITEMS]
    region = _region_text(_page(ARTICLE[:3], ["\n".join(items)], ARTICLE[3:]))
    assert region[-1] == ARTICLE[-1] and len(region) == len(ARTICLE) + 2 * len(items)


def test_excerpts_cut_with_a_bracketed_ellipsis_weigh_nothing() -> None:
    """A blog's listing under a short post ("Editor's picks"): each post's headline, its excerpt cut with "[...]"
    and its meta line, apart by blank lines. The excerpts are long prose, but they tease other posts."""
    picks = [
        [item.split("\n")[0].strip().removeprefix("• "), item.split("\n")[1].strip(), "Ann Lee | 0 Comments"]
        for item in FEED_ITEMS
    ]
    text = _page(["Pool to reopen next summer"], ARTICLE[:2], ["Editor's picks »"], *picks)
    assert _region_text(text) == ARTICLE[:2]
    quoted = [ARTICLE[0], picks[0][1], ARTICLE[1], picks[1][1], ARTICLE[2]]
    assert _region_text(_page(quoted)) == quoted  # an article quoting such excerpts keeps them


GALLERY = [
    "Exercise rider takes the favourite over the track before the big race at the park on Wednesday morning. "
    "(Photo by Rob Carr) A Look At The Favourite's...",
    "Second game of the final series between the two oldest clubs Finals: Game 4",
    "The new arena is seen from the helicopter over the town on a sunny afternoon in June Arena Update",
    "(credit: Al Dukes) Morning Show Photos Of The Week And The Guests In The Studio...",
    "The favourite practices on the track at the park ahead of the race The Favourite Practices...",
    "City team against the visitors in the first game of the season City Team Photos Of...",
]


def test_a_gallery_s_teasers_cut_short_one_a_line_are_not_the_article_s_prose() -> None:
    """A short article over a gallery whose captions, one a line with no blank line between, run long and
    are mostly cut with an ellipsis: the captions outweigh the article, but they are teasers."""
    text = _page(["Home"], ARTICLE[:2], ["Sports Galleries", "Previous Next"], ["\n".join(GALLERY)], ["Page 1"])
    assert _region_text(text) == ARTICLE[:2]


def test_lines_one_under_another_few_of_them_cut_short_are_the_article_s() -> None:
    """An article whose paragraphs the page parts with line breaks only, one of four trailing off ("..."),
    is read whole."""
    lines = [*ARTICLE[:3], ARTICLE[3].rstrip(".") + "..."]
    assert _region_text(_page(["Home"], ["\n".join(lines)], ["Page 1"])) == lines


# The site's latest stories, each headline after the time it was posted (a topic's label before the time and a
# count of comments after it on some sites), a blank line between: longer than a short post above them.
RIVER = [
    "frankenstorm 10:15 PM 0 Storm Gives the Mayor of the City a Long Night at the Office",
    "snap judgment 10:05 PM 0 Photo of Two Actresses Looking at Each Other at a Premiere",
    "twins 9:15 PM 0 Twins Get Perfect Scores on the Test and Share the Prize Between Them",
    "weighty matters 5:45 PM 0 Horror Movies Totally Burn Calories, Says a Study of Viewers",
    "12:22AM British Prime Minister Visits India in a Push for Trade and Climate Change",
    "11:48PM Actress Barred From Museum for Her Protest About the War in Darfur",
]
SHORT_POST = [ARTICLE[0] + " " + ARTICLE[1]]


def test_a_river_of_stories_each_after_its_time_is_not_the_article_s_prose() -> None:
    """Headlines each opening with the time they were posted: the site's river of stories, however long,
    not the short post above it."""
    assert _region_text(_page(SHORT_POST, ["Latest Stories"], RIVER, ["More Stories"])) == SHORT_POST


def test_a_live_blog_s_entries_each_after_its_time_are_the_article_s() -> None:
    """A live blog's entries open with their times too, but each is a sentence: they are the article."""
    entries = [f"{hour}:15 {sentence}" for hour, sentence in zip(range(9, 13), ARTICLE, strict=True)]
    assert _region_text(_page(["Live: the pool vote"], entries, ["More Stories"])) == entries


# A numbered list of the site's stories, each a linked image's alt text beside its link's text (the renderer
# prints the headline twice): longer than the article as prose, but the site's teasers.
DOUBLED_HEADLINES = [
    "This blow-drying hair brush is the game-changing hair tool you have been waiting for all year long",
    "The harbour town that banned cars from its old streets is now the busiest it has been in years",
    "Why the best winter sale of the year on coats, shoes and boots starts on a Tuesday in the morning",
    "A retired teacher has been swimming in the cold sea every single morning for the last forty years",
    "Everything we know so far about the new ferry line that will link the islands to the mainland",
]
NUMBERED_DOUBLED_TEASERS = [f"{n}. {text} {text}" for n, text in enumerate(DOUBLED_HEADLINES, 1)]


def test_a_numbered_list_of_headlines_each_printed_twice_is_not_the_article_s_prose() -> None:
    page = _page(ARTICLE, ["Popular Shopping"], ["\n".join(NUMBERED_DOUBLED_TEASERS)], ["More Stories"])
    assert _region_text(page) == ARTICLE


# The site's stories under a short article, a paragraph each: headlines of a sentence's length, none ending as one.
HEADLINE_PARAGRAPHS = [
    "Who can sign up for the new ferry pass and when the first boats will sail",
    "The harbour town that banned cars from its streets is the busiest it has been",
    "Why the old lighthouse on the northern point is to be sold to the highest bidder",
    "A retired teacher has been swimming in the sea every morning for forty years",
    "Everything we know so far about the new ferry line to the islands in the north",
    "Fishermen say the catch of the spring is the best they have seen in a decade",
    "The town council is to decide on the future of the market hall by the end of May",
    "How the islands are getting ready for the visitors of the summer season this year",
    "What the new timetable of the buses means for the villages along the coast road",
    "The harbour master on the storms of the winter and the damage to the old pier",
]


def test_a_run_of_headlines_a_paragraph_each_is_not_the_article_s_prose() -> None:
    page = _page(ARTICLE[:2], ["See more"], HEADLINE_PARAGRAPHS)
    assert _region_text(page) == ARTICLE[:2]


def test_an_article_s_subheadings_are_no_run_of_headlines() -> None:
    """Each subheading ends as no sentence does, but a paragraph that does stands between two of them."""
    subheaded = [part for pair in zip(HEADLINE_PARAGRAPHS[:4], ARTICLE, strict=True) for part in pair]
    assert _region_text(_page(subheaded)) == subheaded
