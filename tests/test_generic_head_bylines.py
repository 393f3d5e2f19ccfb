"""The generic reader's head on small pages of one layout: bylines in their forms and places (a name before
a date, a name alone, a byline's word over the name, the author's card, a signature at the end, a name over the
section) and the dates beside them; the openings of a byline and a blog's user name in it."""

from __future__ import annotations

from datetime import datetime

import pytest

from builder.extract.generic.byline import byline_names
from builder.extract.generic.names import bare_name, is_names_list
from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import SEAL_PARAGRAPHS, seal_page

# A label before a date in the head, then the byline under the headline; the page prints "case study" too.
CASE_STUDY = [
    "Seals have come back to the sandbank for the first time in a decade, a case study of the wardens said.",
    *SEAL_PARAGRAPHS[1:],
]


@pytest.mark.parametrize(
    ("label", "byline", "authors"),
    [
        ("Case Study", "By Ada Moss", ["Ada Moss"]),
        ("Jane Roe", "By Ada Moss", ["Ada Moss"]),
        ("Case Study", "Share this page", []),
        ("Jane Roe", "Share this page", ["Jane Roe"]),
    ],
)
def test_a_name_before_a_date_and_a_byline_opened_by_its_word(label: str, byline: str, authors: list[str]) -> None:
    """ "Case Study August 12, 2010" reads like a name before a date, but the page prints both words in lower
    case too: no name; "Jane Roe August 12, 2010" is one. A "By" line wins over either."""
    page = seal_page(
        f"{label} August 12, 2010, 5:00PM EST", "Seals return to the sandbank", byline, paragraphs=CASE_STUDY
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors
    assert reading.date is not None and reading.date.local == datetime(2010, 8, 12, 17, 0)


LAST_MODIFIED = [
    "Seals have come back to the sandbank for the first time in a decade; the count was last modified on Tuesday.",
    *SEAL_PARAGRAPHS[1:],
]


@pytest.mark.parametrize(("line", "authors"), [("Ada Moss", ["Ada Moss"]), ("Last Modified", [])])
def test_a_name_alone_under_the_headline_is_no_pair_of_common_words(line: str, authors: list[str]) -> None:
    page = seal_page(
        "Harbour Weekly", "Seals return to the sandbank off the harbour mouth", line, paragraphs=LAST_MODIFIED
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank off the harbour mouth"
    assert reading.fields["authors"] == authors


@pytest.mark.parametrize(
    ("word", "authors"),
    [
        ("By", ["Ada Moss"]),
        ("by", ["Ada Moss"]),
        ("Author:", ["Ada Moss"]),
        ("Article by", ["Ada Moss"]),  # a byline's two words
        ("Geschrieben von:", ["Ada Moss"]),
        ("Escrito por", ["Ada Moss"]),
        ("Share", []),
        ("Published by", []),  # a publisher's label: an organisation follows it
    ],
)
def test_a_byline_word_alone_over_the_name(word: str, authors: list[str]) -> None:
    """ "By" (or "Author:") alone on its line opens the byline on the line under it; the name is not beside
    the headline, where a name alone would be read anyway (two lines under it: "Share" is no byline's word)."""
    page = seal_page(
        "Seals return to the sandbank",
        "The wardens believe the quiet of a closed sandbank brought the seals home to the harbour mouth.",
        word,
        "Ada Moss",
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors


def test_an_image_s_alt_text_holding_a_date_does_not_date_the_article() -> None:
    """w3m prints an image's alt text in brackets; a video's thumbnail names its file by a date and time."""
    page = seal_page(
        "Harbour Weekly", "Seals return to the sandbank", "[2016-12-20T03-00-09-933Z--1280x720]", "3 May 2021"
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.date is not None and reading.date.local == datetime(2021, 5, 3)


@pytest.mark.parametrize(("cards", "authors"), [(1, ["Ada Moss"]), (2, ["Ada Moss"]), (3, [])])
def test_a_name_under_the_headline_printed_again_on_the_author_s_card(cards: int, authors: list[str]) -> None:
    """The name under the headline, printed again on the author's card under the article, is still the byline;
    a line printed four times is a menu's or the site's."""
    card = ["Ada Moss", "Ada Moss counts seals for the harbour trust."] * cards
    page = seal_page("Harbour Weekly", "Seals return to the sandbank", "Ada Moss", paragraphs=[*SEAL_PARAGRAPHS, *card])
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors


def test_the_date_beside_the_byline_wins_over_a_teaser_s_date_above_the_headline() -> None:
    page = seal_page(
        "Harbour Weekly",
        "Ferry timetable changes",
        "2 May 2021",
        "Seals return to the sandbank",
        "By Ada Moss",
        "3 May 2021",
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.date is not None and reading.date.local == datetime(2021, 5, 3)


def test_a_date_under_a_byline_among_the_first_lines_of_the_prose() -> None:
    """The byline and its labelled date sit under the headline and standfirst, which the prose run took in:
    the date under the byline is looked at, past the prose's first lines."""
    standfirst = "The wardens believe the quiet of a closed sandbank brought the seals home to the harbour mouth."
    page = seal_page(
        "Harbour Weekly",
        "2 May 2021",
        "Seals return to the sandbank after a decade away from the harbour mouth",
        standfirst,
        "Author:\nAda Moss\nPublish date:\n3 May 2021",
    )
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == ["Ada Moss"]
    assert reading.date is not None and reading.date.local == datetime(2021, 5, 3)


@pytest.mark.parametrize(
    ("signature", "authors"),
    [
        ("Par Ada Moss", ["Ada Moss"]),
        ("Ada Moss", []),
        ("Cheers,\nAda\n\nPosted by Ada Moss at 5:06 AM", ["Ada Moss"]),  # under the greeting
        ("Related stories\n\nBy Ada Moss", []),  # a teaser's byline
    ],
)
def test_a_byline_signing_the_article_at_its_end(signature: str, authors: list[str]) -> None:
    """With none in the head, a byline opened by its word right under the last paragraph signs the article; a
    name alone there may be anyone's."""
    page = seal_page("Harbour Weekly", "Seals return to the sandbank", paragraphs=[*SEAL_PARAGRAPHS, signature])
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors
    assert signature not in reading.fields["body"] or not authors


@pytest.mark.parametrize(("section", "authors"), [("Science", ["Ada Moss"]), ("Published:", [])])
def test_a_name_over_the_section_over_the_date(section: str, authors: list[str]) -> None:
    """ "Ada Moss", "Science", "Aug 22, 2016 5:30 AM": the name over the article's section over its date; a
    field's label ("Published:") over the date is no section, and the line above it may be anything."""
    page = seal_page("Harbour Weekly", "Ada Moss", f"{section}\nAug 22, 2016 5:30 AM", "Seals return to the sandbank")
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Ada Moss, Harbour Weekly", ["Ada Moss"]),
        ("Ada Moss and Ben Lowe, Coast News Service; Harbour Weekly", ["Ada Moss", "Ben Lowe"]),
        ("Ada Moss, Warden of the Harbour", []),  # a headline's form: lower-case words after the comma
        ("Categories Seals, Photo Essays", []),  # a list's label, no name
    ],
)
def test_a_name_and_its_outlet_over_the_date(line: str, authors: list[str]) -> None:
    """ "Erin Hitchcock, Burnaby Now" over "Published: Friday, January 11, 2008": the author and the outlet
    the author writes for; the byline, not the headline over it (a line of a headline's form may be one)."""
    page = seal_page("Harbour Weekly", "Seals return to the sandbank", f"{line}\nPublished: Friday, January 11, 2008")
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors
    assert (reading.fields["title"] == "Seals return to the sandbank") is bool(authors) or line.startswith("Categories")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Gepostet von Katharina Volkwein | Wohnen", ["Katharina Volkwein"]),
        ("Erstellt von Fabian", ["Fabian"]),
        ("Veröffentlicht von HansG", ["HansG"]),
        ("Publicado por Alberto González", ["Alberto González"]),
        ("Pubblicato da Anna Rossi", ["Anna Rossi"]),
        ("Geplaatst door Jan de Vries", ["Jan de Vries"]),
        ("Autoren Jelko Djuren und Jutta Klaukien", ["Jelko Djuren", "Jutta Klaukien"]),
        ("Text & Fotos: Ivan Valetny [icn_commen] 0", ["Ivan Valetny"]),
        ("Por Mariano Martín mmartin@ambito.com.ar", ["Mariano Martín"]),  # the e-mail address ends the name
        ("By Tom Warren@tomwarren", ["Tom Warren"]),  # a handle glued to it does not
        ("[e3d6d9295d] By Alejandro Villamor Last updated Nov 8, 2023", ["Alejandro Villamor"]),  # an avatar first
        ("Evgenia Karp Zuletzt geändert am 06.11.2023", ["Evgenia Karp"]),  # the date's label left out
        ("By Barbara Russ / Kategorien: Event, Fashion", ["Barbara Russ"]),
        ("By Cat Lafuente/", ["Cat Lafuente"]),
        ("Dezember 26, 2019 von Andrea Kategorien: Allgemein | Hinterlasse einen Kommentar", ["Andrea"]),
        ("By Lars Sobiraj Lesezeit: 4 Min.", ["Lars Sobiraj"]),  # a label after the names ends them
        ("Autor Mark Newton:", ["Mark Newton"]),  # not a colon that ends the line
        ("by Sky Friedlander. Posted on 3:30 pm Tuesday Nov 13, 2012", ["Sky Friedlander"]),
        ("Publié par Jeanne Roux à 08:00", ["Jeanne Roux"]),
        ("Interview: Julia Lauter", ["Julia Lauter"]),  # who asked; a guest is named in the headline
        ("Text und Interview: Harald Willenbrock", ["Harald Willenbrock"]),
        ("Interview mit Angela Merkel", None),
        ("Veröffentlicht vonChris Jung 28. Februar 2016", ["Chris Jung"]),  # "von" glued to the name
        ("Geschrieben vonElisa Marvena", ["Elisa Marvena"]),
        ("Text von Christian Seiler     Illustration von Markus Roost", ["Christian Seiler"]),  # another credit
        ("By Evan HalperStaff Writer", ["Evan Halper"]),  # a role glued to the name
        ("Post author By Helge Fahrnberger", ["Helge Fahrnberger"]),  # a theme's label for screen readers first
        ("written by Tony Hamilton, October 24, 2012", ["Tony Hamilton"]),  # in small letters
        ("posted by Sofia ● August 6, 2012", ["Sofia"]),
        ("Von Jule Radeck Vom 3. Februar 2022", ["Jule Radeck"]),  # "vom" before the date, capitalised
        ("Am 13. November 2019 Von Henry In Aktuell", ["Henry"]),  # "in" and the post's category
        ("Posted by Nesselsetzer under Just For Fun, Rebloggt | Schlagwörter: Antipoden", ["Nesselsetzer"]),
        ("By John Under", ["John Under"]),  # "under" before a category only
        ("Artikel von Alexa von Heyden", ["Alexa von Heyden"]),  # "article by"
        ("Artikel von: Jessie", ["Jessie"]),
        ("Blog Beitrag von Margarita Koreneva", ["Margarita Koreneva"]),  # "blog post by"
        ("Gastbeitrag von Ada Moss", ["Ada Moss"]),  # "guest post by"
        ("von Autor: Georg Holzer", ["Georg Holzer"]),  # the writer's label after the byline's word
        ("By Author: Jane Doe", ["Jane Doe"]),
        ("By Aurora Smith", ["Aurora Smith"]),
        ("ByteDance opens an office at the harbour", None),  # a capital after "By" only
        ("Vonnegut returns to the harbour", None),
    ],
)
def test_a_byline_opened_by_a_verb_and_its_word(line: str, names: list[str] | None) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("November 3, 2012 By George Ambler Leave a Comment", ["George Ambler"]),
        ("1. Januar 2016 von Ada Moss Ein Kommentar", ["Ada Moss"]),
        ("1. Januar 2016 von Ada Moss 2 Kommentare", ["Ada Moss"]),
    ],
)
def test_the_name_after_a_date_and_its_word_ends_at_the_comments_link(line: str, names: list[str]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("von eseppelt · 31. Oktober 2023", ["eseppelt"]),
        ("Publiziert am 13. Januar 2014 von uriebe", ["uriebe"]),
        ("Posted on March 3, 2012 by c1ph4", ["c1ph4"]),
        ("von eseppelt", None),  # no date on the line: a phrase's words, maybe
        ("Posted on March 3, 2012 by the", None),  # a stop word names no one
        ("von einer · 31. Oktober 2023", None),
    ],
)
def test_a_blog_s_user_name_in_lower_case_after_the_byline_s_word_on_a_dated_line(
    line: str, names: list[str] | None
) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("meta", "authors"),
    [
        ("Veröffentlicht am Fr, 24. Januar 2020, 18:18 von Creeny", ["Creeny"]),  # after the date and its word
        ("Creeny - 24. Januar 2020", []),  # before a date, no word: "creeny" is common words (the site's address)
    ],
)
def test_a_name_after_a_date_and_a_byline_s_word_is_no_common_word(meta: str, authors: list[str]) -> None:
    """The page prints the name in lower case too (its address, https://creeny.example.org): after the byline's
    word on a dated line the name is named as surely as after an opening "By"."""
    paragraphs = [*SEAL_PARAGRAPHS, "Pictures of the seals at https://creeny.example.org under a free licence."]
    page = seal_page("News of the harbour and the islands", meta, "Seals return to the sandbank", paragraphs=paragraphs)
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors


@pytest.mark.parametrize(
    ("meta", "authors"),
    [
        ("By ada_moss\nMarch 3, 2012", ["ada_moss"]),  # a user name alone after "By", beside the date line
        ("March 3, 2012\nvon amoss", ["amoss"]),
        ("By ada_moss", []),  # no date beside it: a phrase's words, maybe
        ("By harbourweekly.com\nMarch 3, 2012", []),  # a site's domain is no user
    ],
)
def test_a_blog_s_user_name_alone_after_the_byline_s_word_beside_the_date_line(meta: str, authors: list[str]) -> None:
    reading = read_generic(seal_page("Harbour Weekly", "Seals return to the sandbank", meta))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == authors


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Avatar Frank Hahn", "Frank Hahn"),
        ("Alex Bozarjian Image", "Alex Bozarjian"),
        ("Ada Moss", "Ada Moss"),
        ("Enlarge Image", None),  # a button under the picture: one word is left, no name
    ],
)
def test_a_name_beside_its_picture_s_alt_text(line: str, name: str | None) -> None:
    assert bare_name(line) == name


def test_a_name_before_a_date_beside_its_picture_s_alt_text() -> None:
    assert byline_names("Avatar Frank Hahn am 18. September 2019") == ["Frank Hahn"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Clara Löw, Siddharth Prakash & Klaus Jacob", True),
        ("Lars Fischer und Alina Schadwinkel", True),
        ("Ada Moss", False),  # one name: `bare_name`'s
        ("Obama and Romney clash again", False),
        ("Berlin, Paris and London", False),
    ],
)
def test_a_list_of_names(line: str, names: bool) -> None:
    assert is_names_list(line) is names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("September 17, 2019 Helmut Rubik 0", ["Helmut Rubik"]),
        ("16. Mai 2019 Markus Elsberger Netzwerk, Windows 2", ["Markus Elsberger"]),
        ("2. Februar 2020 Alexander Roll 1 Kommentar Inklusion, Kapitalismus", ["Alexander Roll"]),
        ("28. Januar 2015 karstenruppert Schreibe einen Kommentar", ["karstenruppert"]),
        ("17. Februar 2020 Frau Sabienes Kommentare 4 Kommentare", ["Frau Sabienes"]),
        ("3. März 2020 Berlin 3", None),  # a place, no name
        ("28. Jan. 2022 Paula Balov", None),  # no count of comments: the words after a date may be anything
        ("Jan 5, 2020 Updates | Alex Perry 1 day ago", ["Alex Perry"]),  # no count: the name before a time ago
    ],
)
def test_a_blog_theme_s_meta_line_of_date_writer_categories_and_comments(line: str, names: list[str] | None) -> None:
    """A blog theme prints the date, the writer, the categories (a comma parts them) and the count of comments
    or a link to them on one line, with no separator: the count or the link tells the name ends before it."""
    assert byline_names(line) == names


def test_the_writer_on_a_blog_theme_s_meta_line_under_the_headline() -> None:
    reading = read_generic(seal_page("Seals return to the sandbank", "September 17, 2019 Ada Moss 0"))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == ["Ada Moss"]
    assert reading.date is not None and reading.date.local == datetime(2019, 9, 17)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Redaktion - 31. Januar 2022", ["Redaktion"]),
        ("Redaktion 1. November 2023 10:29", ["Redaktion"]),
        ("Politik 1. November 2023", None),  # a section's name is no desk
        ("Harbour Weekly Redaktion | 3. Mai 2021", ["Harbour Weekly Redaktion"]),  # the outlet's name before it
        ("Hafen-Redaktion - 3. Mai 2021", ["Hafen-Redaktion"]),
        ("News Desk | May 3, 2021", ["News Desk"]),  # the desks a byline's word opens are read before a date too
    ],
)
def test_the_desk_signing_before_the_date(line: str, names: list[str] | None) -> None:
    """A site's desk ("Redaktion", "News Desk") signs an article as a writer does; one word, or the outlet's
    name and the desk's word, so it is no person's name, and only a desk's own word is read so."""
    assert byline_names(line) == names


def test_a_name_over_the_date_with_the_comma_that_goes_on_below() -> None:
    """ "Ada Moss," over "am Sonntag, 11.12.2022 - 05:00": one byline broken over two lines."""
    reading = read_generic(seal_page("Seals return to the sandbank", "Ada Moss,", "am Sonntag, 11.12.2022 - 05:00"))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["authors"] == ["Ada Moss"]
    assert reading.date is not None and reading.date.local == datetime(2022, 12, 11, 5, 0)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("22. Januar 2020 @ 18:13 // Autor: c1ph4 // ~ Lesezeit: 1 Minute", ["c1ph4"]),  # a user's name, dated
        ("Seals // Von Ada Moss // Harbour", ["Ada Moss"]),
        ("Le Monde | 04.05.2015 | Par Martin Untersinger", ["Martin Untersinger"]),
        ("Home // Sport // By the harbour", None),  # a menu's fields, none a byline
    ],
)
def test_a_byline_in_a_field_of_a_line_of_meta_data(line: str, names: list[str] | None) -> None:
    """The fields of a line that a site parts by bars or double slashes: one field may be the byline."""
    assert byline_names(line) == names
