"""The generic reader's head: byline forms, names alone, datelines, and which date and byline the head takes."""

from __future__ import annotations

from datetime import datetime

import pytest

from builder.extract.generic.byline import byline_names
from builder.extract.generic.names import bare_name
from builder.extract.generic.reader import GenericReading, read_generic
from builder.extract.textdump.lines import Line


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Ein Artikel von Anja Franzenburg 06.05.2019", ["Anja Franzenburg"]),
        ("von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40 Uhr", ["Anja Schmoll-Trautmann"]),
        ("[logo] / Cory Doctorow / 10:08 am Fri Jul 19, 2013", ["Cory Doctorow"]),
        ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", ["Dan Goodin"]),
        ("on March 10, 2015 by Nikhil Marathe", ["Nikhil Marathe"]),
        ("by Bob Yirka , Phys.org", ["Bob Yirka"]),
        ("By J.R. Smith", ["J.R. Smith"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe and John Roe, CNN", ["Jane Doe", "John Roe"]),  # the outlet after the names
        ("By John Smith, Reuters", ["John Smith"]),  # a news agency
        ("By Brenda Goodman, MA", ["Brenda Goodman"]),  # a degree
        ("Sections / News / 10:08 am Fri Jul 19, 2013", None),
        ("Gespeichert von rasos am 24. Juli 2017 - 18:55", ["rasos"]),  # Drupal's byline, a user name in it
        ("Eine Analyse von Caspar Schwietering", ["Caspar Schwietering"]),
        ("Posted by Maciej Fijalkowski at 5:06 AM", ["Maciej Fijalkowski"]),
        ("By Richard Lawler [writer_rss] posted Aug 18th 2010 7:30PM", ["Richard Lawler"]),
        ("Text: Anna Berg", ["Anna Berg"]),
        ("By Daniel Bader last updated 4 April 17", ["Daniel Bader"]),  # the date's label after the name
        ("Written by Michael Larabel in Valve on 1 June 2019 at 08:34 PM EDT.", ["Michael Larabel"]),  # a section
        ("18/03/2019 | André Mindermann", ["André Mindermann"]),  # the name after the date
        ("18/03/2019 | Politik", None),
        # a blog's dates of publishing and of updating, glued, before the name
        ("22. Dezember 201922. Dezember 2019 von Peter Addor", ["Peter Addor"]),
        ("January 21, 2022January 22, 2022 by Jane Doe", ["Jane Doe"]),
        ("By Michael Russell Follow", ["Michael Russell"]),  # the profile's button after the name
        ("06 November 2012 by Cory Gunther Discuss (0)", ["Cory Gunther"]),  # the comments' link after it
        ("By  Ada Moss RSS feed", ["Ada Moss"]),  # the writer's feed's link after it
        ("Filed by Ada Moss  |", ["Ada Moss"]),
        ("AuthorAda Moss | Comment4 Comments", ["Ada Moss"]),  # the writer's label glued to the name
        ("投稿者 Masafumi Negishi", ["Masafumi Negishi"]),
        ("by Andrea WongAndrea Wong", ["Andrea Wong"]),  # a name printed twice, glued
        ("Taylor Hatmaker @tayhatmaker / 6 days", ["Taylor Hatmaker"]),  # the page's age, no "ago"
        ("Seals came back after 6 days", None),
        ("Author ArchivesWebsiteTwitterGithub", None),  # links glued into one word name no one
        ("Text Size", None),  # a button: "Text" opens a byline only with its colon
        ("Last Modified: 11/18/2011 4:06 AM", None),  # a date's label before the date, no name
        ("Screen Shot 2011-08-13 at 4.55.35 PM", None),  # an image's default name
        ("Post written by Leo Babauta.", ["Leo Babauta"]),  # a sentence: its full stop is no initial's
        ("Article written by Jane Doe and John Roe.", ["Jane Doe", "John Roe"]),
        ("By Martin Luther King Jr.", ["Martin Luther King Jr."]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),  # a desk's word after a person's name is left out
        ("By Jane Doe Science editor", ["Jane Doe"]),  # ...as is a role in small letters with no comma
        ("Von Jörg Staff", None),  # one name before a capitalised desk word: a person's surname, no desk
        ("Submitted by Ada Moss on Wednesday, December 17, 2003", ["Ada Moss"]),  # Drupal's byline
        ("Autor: Rechtsanwalt Ada Moss", ["Ada Moss"]),  # a job title before the name is left out...
        ("Autorin: Ada Moss, Projektleiterin der Stiftung in Kiel.", ["Ada Moss"]),  # ...with the words after it
        # the writer's label in the forms a byline's word alone takes on its line (`_AUTHOR_WORDS`)
        ("Autor/in: Ada Moss", ["Ada Moss"]),
        ("AUTORIN: Ada Moss", ["Ada Moss"]),
        ("Authors: Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Autore: Marco Rossi", ["Marco Rossi"]),
        ("Authors / Submit", None),  # "Authors" with no colon: a menu's link
        ("Authors - Top 100", None),
        ("Thread starter Tiberius", ["Tiberius"]),  # a forum's thread's starter
        ("Themenstarter Pepemaus", ["Pepemaus"]),
        ("Started by Ada Moss, 12 March 2019", ["Ada Moss"]),
        # a blog theme's "Author" label glued to the date, the categories' label to the name
        ("Posted on August 2, 2019August 2, 2019Author Ada MossCategories Seals", ["Ada Moss"]),
        ("Datum: 13. April 2017Autor: Ada Moss 2 Kommentare", ["Ada Moss"]),
        ("Posted in Seals, Tides by Ada Moss on January 7th, 2008", ["Ada Moss"]),  # the categories before "by"
        ("Filed under Seals by Ada Moss", ["Ada Moss"]),
    ],
)
def test_byline_forms(line: str, names: list[str] | None) -> None:
    assert byline_names(line) == names


DATELINE_AMONG_FIELDS = """Notes from the harbour

  • Home
  • Archive

Why the ferries stopped running in the winter

{dateline}

The first night ferry in two winters left the harbour on Saturday with more than two hundred passengers on board, most of them islanders going home for the weekend.

The company had stopped the crossings when the old ships failed their inspection, and the new ones were delivered only last month after a long delay at the yard in the south.

Islanders had waited for the crossings to return for a long time, and many of them said on the quay that the ferry was the only way for their families to visit them in the winter.
"""


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        (
            "January 13, 2020 at 08:45 AM | categories: Ferries, Islands, Winter | View Comments",
            datetime(2020, 1, 13, 8, 45),
        ),
        ("12. September 2013 getaggt mit: Fähre Hafen Winter Inseln Nächste Vorherige", datetime(2013, 9, 12)),
        ("NDR Info - Das Hafen-Update mit der Redaktion am Kai - 18.03.2020 13:15 Uhr", datetime(2020, 3, 18, 13, 15)),
        ("Ferries and islands: what changed since the report of 12 March 2019 and why.", None),
    ],
)
def test_a_dateline_holding_other_fields(dateline: str, expected: datetime | None) -> None:
    """A line opening with a date, or a date with its time, is the dateline however much else it holds; a
    sentence that mentions a date inside it is not."""
    reading = read_generic(DATELINE_AMONG_FIELDS.format(dateline=dateline))
    assert isinstance(reading, GenericReading), reading
    assert (reading.date.local if reading.date else None) == expected


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Aleš Vávra Aleš Vávra", "Aleš Vávra"),
        ("John C. Welch", "John C. Welch"),
        ("Sony’s PlayStation VR.", None),
        ("Link Copied", None),
        ("Ships and crews", None),
        ("Alex Shephard/", "Alex Shephard"),  # a separator before the date line under it
        ("Gina TrapaniCEO", None),  # a name glued to a title is no name ("DiChristopher" is one)
        ("Tom DiChristopher", "Tom DiChristopher"),
        ("Text Size", None),  # a button's words
        ("Kate Fazzini@KateFazzini", "Kate Fazzini"),  # the handle glued after the name
        ("Chris Hayes, @chrislhayes", "Chris Hayes"),  # the handle after a comma
        ("Azerbaijan’s Rising Gas Negotiators", None),  # a possessive: a headline's words, no name
        ("Harbour's Seal Count", None),
        ("Brandon Laurino's Avatar", "Brandon Laurino"),  # the alt text of the writer's picture
        ("Martin Farrer and agencies", "Martin Farrer"),  # the writer, with the wires' copy
        ("Anne Fischer mit Agenturen", "Anne Fischer"),
        ("Travel agencies", None),
        ("ByNatasha Daly", "Natasha Daly"),  # "By" glued to the name
        ("Olaf KempinOlaf Kempin", "Olaf Kempin"),
        ("Social Sharing", None),
        ("Ähnliche Beiträge", None),  # an end heading
        ("Print Email", None),
        ("Das Imperialismus-Phantom", None),  # a German article opens no name, though "das" may be inside one
        ("Der Bundesrat", None),
        ("Maria das Dores", "Maria das Dores"),
        ("Van Morrison", "Van Morrison"),  # other particles may open one
        ("Olympische Winterspiele", None),  # a German adjective opens no name
        ("Fröhliche Weihnachten", None),
        ("Unsere Geschichte", None),  # nor does a possessive
        ("Anne Fischer", "Anne Fischer"),
        ("Hafen-Experte Ada Moss", "Ada Moss"),  # a job title before the name
        ("Hafen-Experte Moss", None),  # a job title and one word: a surname alone is no name
        ("Projektleiterin der HSS", None),  # a job title and no name after it
        ("Rezept von", None),  # a label over the name: a particle ends no name
        ("Hablando de", None),
        ("Teilen Twittern", None),  # a share bar's buttons: chrome phrases
        ("Click Here", None),
        ("Article Tools", None),  # a section's or a link's words ("Travel Stories", "Top Searches")
        ("Hockey Best Bets", None),
    ],
)
def test_a_name_alone(line: str, name: str | None) -> None:
    """A name printed twice (an avatar's alt text, then the name) is one name; a dot ends only an initial."""
    assert bare_name(line) == name


BYLINE_BESIDE_A_LATE_DATE = """Harbour Weekly

Night ferries return to the northern islands

The first night ferry in two winters left the harbour on Saturday with more than two hundred passengers on board, most of them islanders going home for the weekend.

The company had stopped the crossings when the old ships failed their inspection, and the new ones were delivered only last month after a long delay at the yard in the south.

Islanders had waited for the crossings to return for a long time, and many of them said on the quay that the ferry was the only way for their families to visit them in the winter.

The harbour master said the timetable would stay the same through the spring, with one crossing each night and two on the weekend when the weather allows the ships to sail.

By Nelson D. Schwartz
Sept. 25, 2018

The second ship of the line is due in the harbour next month, once its crew has finished the training the company asked of them after the inspection of the old ships.
"""


def test_a_byline_beside_a_date_found_under_the_head() -> None:
    reading = read_generic(BYLINE_BESIDE_A_LATE_DATE)
    assert isinstance(reading, GenericReading), reading
    assert reading.date is not None and reading.date.local == datetime(2018, 9, 25)
    assert reading.fields["authors"] == ["Nelson D. Schwartz"]


TEASERS_ABOVE_THE_ARTICLE = """\
Harbour Weekly

More news

New quay for the fishing boats
05.10.2016

Ferry prices stay the same
04.10.2016

Zurück zur Übersicht

Night ferries return to the northern islands
22.05.2014 - Islands

The first night ferry in two winters left the harbour on Saturday with more than two hundred passengers on board, most of them islanders going home for the weekend.

The company had stopped the crossings when the old ships failed their inspection, and the new ones were delivered only last month after a long delay at the yard in the south.

Islanders had waited for the crossings to return for a long time, and many of them said on the quay that the ferry was the only way for their families to visit them in the winter.
"""


def test_the_date_under_the_headline_wins_over_teasers_above() -> None:
    reading = read_generic(TEASERS_ABOVE_THE_ARTICLE)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Night ferries return to the northern islands"
    assert reading.date is not None and reading.date.local == datetime(2014, 5, 22)


# The headline of another article (a teaser in a sidebar) sits closer to the prose than the article's own.
TEASER_BETWEEN_HEADLINE_AND_PROSE = """\
The Coast Courier

Skip to main content

Lighthouse keepers return to Granite Point after forty years

Council approves the new bus timetable

The lighthouse at Granite Point has a keeper again: two retired sailors moved into the cottage below the lamp on Monday, forty years after the last keeper left the rock.

The keepers will guide visitors, log the weather and look after the lamp, which the coast guard still runs from the mainland but which needs someone on the rock to keep it clean.

Boats to the point leave the harbour twice a day in summer, and the keepers say they hope to welcome school classes again from the autumn on.
"""


def test_the_headline_shares_its_words_with_the_lead_and_a_teaser_does_not() -> None:
    reading = read_generic(TEASER_BETWEEN_HEADLINE_AND_PROSE)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Lighthouse keepers return to Granite Point after forty years"


# A site's slogan and its chrome lines above a headline the prose run swallowed (no blank line under it); the
# rule `explain` shows names the signs that chose it.
HEADLINE_AT_THE_TOP_OF_THE_PROSE = """\
Sign in to read the newsletter

Harbour news since 1921

Seals are back on the sandbank off the harbour mouth
Seals have come back to the sandbank off the harbour mouth for the first time in a decade, the wardens who count them every spring said on Tuesday morning.
Forty seals lay on the sandbank at low tide, and the wardens ask boat owners to keep their distance while the young are born in the coming weeks.
The sandbank was closed to visitors last year, and the wardens believe the quiet brought the seals back to the harbour mouth.
"""


def test_a_headline_at_the_top_of_the_prose_wins_over_a_slogan_above_and_says_why() -> None:
    reading = read_generic(HEADLINE_AT_THE_TOP_OF_THE_PROSE)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals are back on the sandbank off the harbour mouth"
    rule = reading.classified.rules[reading.classified.lines.index(Line(reading.fields["title"], False))]
    assert rule.startswith("the headline: the best of") and "its words in the article's first lines" in rule


# Teasers with their dates, then the headline, its date and the headline again over the prose (a German
# party's site): the date between the two copies is the article's.
HEADLINE_DATE_HEADLINE = """\
Harbour Weekly
More news
New quay for the fishing boats
05.10.2016
Ferry prices stay the same
04.10.2016
Zurück zur Übersicht
[pdf] [print]
Night ferries return to the northern islands
22.05.2014 - Islands
Night ferries return to the northern islands

The first night ferry in two winters left the harbour on Saturday with more than two hundred passengers on board, most of them islanders going home for the weekend.

The company had stopped the crossings when the old ships failed their inspection, and the new ones were delivered only last month after a long delay at the yard in the south.
"""


def test_the_date_between_the_headline_and_its_copy_wins_over_teasers_above() -> None:
    reading = read_generic(HEADLINE_DATE_HEADLINE)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Night ferries return to the northern islands"
    assert reading.date is not None and reading.date.local == datetime(2014, 5, 22)


# A French headline quotes words in guillemets; the breadcrumb above it uses "»" as a separator.
HEADLINE_WITH_GUILLEMETS = """\
Le Courrier du Port
Accueil » Politique » Région
Politique

Le maire «assume» et «revendique» le nouveau quai

12 mars 2021 à 18:27

Le maire du port a défendu mardi soir devant le conseil municipal le nouveau quai des pêcheurs, dont le chantier a pris six mois de retard et coûté deux millions de plus que prévu.

Les pêcheurs attendent le quai depuis dix ans, et le maire a promis que les premiers bateaux pourraient y accoster avant la fin de l'été, si la mer le permet.

L'opposition demande une enquête sur le coût du chantier et sur le choix de l'entreprise, que le maire a défendu en rappelant qu'elle était la seule à avoir répondu.
"""


def test_a_headline_quoting_words_in_guillemets_is_no_breadcrumb() -> None:
    reading = read_generic(HEADLINE_WITH_GUILLEMETS)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Le maire «assume» et «revendique» le nouveau quai"


# A blog post that prints no date of its own, then its comments, each with its date.
UNDATED_POST_WITH_COMMENTS = """\
Harbour Blog

The seals are back

Seals have come back to the sandbank off the harbour mouth for the first time in a decade, the wardens who count them every spring said on Tuesday morning.

Forty seals lay on the sandbank at low tide, and the wardens ask boat owners to keep their distance while the young are born in the coming weeks.

2 comments to The seals are back

  • Anna
15. Dezember 2015 at 11:21 · Reply

What a sight that must have been, we will come down with the children at the weekend.
"""


def test_a_comment_s_date_under_the_article_is_not_its_date() -> None:
    reading = read_generic(UNDATED_POST_WITH_COMMENTS)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "The seals are back"
    assert reading.date is None
    assert "comments to" not in reading.fields["body"]


BYLINE_OF_A_DESK = """\
The Coast Courier

A new life far out at sea

Coast Desk

By Coast Desk Team
Dec 19, 2016

The lighthouse at Granite Point has a keeper again: two retired sailors moved into the cottage below the lamp on Monday, forty years after the last keeper left the rock.

The keepers will guide visitors, log the weather and look after the lamp, which the coast guard still runs from the mainland but which needs someone on the rock to keep it clean.
"""


def test_a_byline_naming_no_person_is_no_headline() -> None:
    """ "By" and a desk's name, whose words are no person's name: still a byline, so never the headline, even
    right above the date."""
    reading = read_generic(BYLINE_OF_A_DESK)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "A new life far out at sea"


@pytest.mark.parametrize(
    ("under", "local"),
    [
        ("Thursday, October 25, 2012 at 9:15AM", datetime(2012, 10, 25, 9, 15)),
        ("Updated Thursday, October 25, 2012 at 9:15AM", datetime(2012, 10, 25)),  # an update's time
        ("Friday, October 26, 2012 at 9:15AM", datetime(2012, 10, 25)),  # another day
    ],
)
def test_a_date_badge_takes_its_time_from_the_line_under_the_headline(under: str, local: datetime) -> None:
    """A blog's date badge over the headline ("Oct252012") prints no time; the line under the headline that
    prints the same day with its time tells it more precisely."""
    prose = " ".join(["The harbour reopened on Monday after a winter of repairs to its two old piers."] * 3)
    page = f"Harbour Weekly\n\nThursday\nOct252012\n\nPiers reopen after a winter of repairs\n\n{under}\n\n{prose}\n"
    reading = read_generic(page + f"\n{prose}\n")
    assert isinstance(reading, GenericReading), reading
    assert reading.date is not None and reading.date.local == local
