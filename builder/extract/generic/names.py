"""People's names as pages print them: a name's words ("Jane van Doe", not "Senior Staff Writer" nor "Phys.org"), a
line that is only a name (beside its picture's alt text or its handle), a list of names, a name and the outlet its
author writes for. Bylines (byline.py) and the head's authors read them."""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.markers import is_end_heading, undoubled
from builder.extract.generic.phrases import CHROME_PHRASES, WORD
from builder.extract.generic.tags import tag_label
from builder.extract.generic.words import STOP_WORDS

SEPARATORS: Final = " /|·•-—–"  # what stands between a name and the fields beside it

_JOINERS: Final = ("and", "&", "und", "et", "y", "e", "en", "и", "i")  # the words that join two names
NAME_SPLIT: Final = re.compile(r"\s*,\s*|\s+(?:" + "|".join(map(re.escape, _JOINERS)) + r")\s+")
# Words of a job title or a desk, never of a name: "Daniel Kahn Gillmor, Senior Staff Technologist"; a button's or a
# link's words: "Text Size", "Print Email"; a section's: "Travel Stories", "Hockey Best Bets" ("Sports" and "Wire"
# are left out: they end a desk's name that signs, "CBC Sports", "CNN Wire").
_ROLE_WORDS: Final = frozenset(
    """staff senior editor editors correspondent reporter writer writers contributor columnist technologist
    news project desk team agency press bureau photographer photos photo chief political science health
    analyst associated manager engineer coordinator director president officer founder ceo specialist consultant
    strategist scientist researcher designer developer intern evangelist attorney professor spokesperson
    logo updated published minutes min read ago link copied
    size print email share comments subscribe menu search close sharing
    tools searches edition stories league playoffs bets supply travel
    entertainment weather technology opinion politics lifestyle gallery classifieds shopping scores standings
    tickets politik wirtschaft kultur panorama ratgeber nachrichten""".split()  # noqa: SIM905
)
_POSSESSIVE: Final = ("'s", "’s")  # a word ending so is no part of a person's name
_PARTICLES: Final = frozenset(
    "de da del della di van von der den le la du dos das bin al el ten ter".split()  # noqa: SIM905
)
# The particles that are German articles too: a name never opens with one ("Van Morrison", "De Niro" do open one).
_ARTICLES: Final = frozenset(["das", "der", "den", "dem", "des"])
# A German adjective's endings and the possessives: a name never opens with one either ("Olympische Winterspiele",
# "Künstlerischer Lebenslauf", "Fröhliche Weihnachten", "Unsere Geschichte").
_ADJECTIVE_ENDS: Final = ("ische", "ischen", "ischer", "isches", "liche", "lichen", "licher", "liches")
_POSSESSIVES: Final = frozenset("unser unsere unseren unserer mein meine meinen dein deine our my your".split())  # noqa: SIM905
# The endings of a German or English job title before a person's name ("Rechtsanwalt Sebastian Einbock",
# "FOCUS-Online-Experte Robin Tschöpe", "Projektleiterin der HSS"): no part of the name.
_ROLE_ENDS: Final = (
    "experte", "expertin", "anwalt", "anwältin", "redakteur", "redakteurin", "leiter", "leiterin", "korrespondent",
    "korrespondentin", "reporter", "reporterin", "sprecher", "sprecherin", "journalist", "journalistin", "attorney",
    "professor", "professorin",
)  # fmt: skip
NAME_LINE_CHARS: Final = 120  # a name (50 characters at most) printed twice, with a handle
_GLUED_BY: Final = re.compile(r"^By(?=[A-Z][a-z])")
_PICTURE_WORDS: Final = frozenset(["Avatar", "Image", "Photo", "Foto", "Bild"])  # beside a name: its picture's alt text
_PICTURE_ENDS: Final = tuple(sorted(" " + word for word in _PICTURE_WORDS))
_PICTURE_OPENINGS: Final = tuple(sorted(word + " " for word in _PICTURE_WORDS))
_AVATAR_END: Final = re.compile(r"['’]s (?:avatar|picture|photo|profile picture)$", re.IGNORECASE)
_AGENCIES_END: Final = re.compile(
    r"\s+(?:and|with|und|mit|et|avec|y|con)\s+(?:agencies|agenturen|agences|agencias)$", re.IGNORECASE
)
_HANDLE_END: Final = re.compile(r"[\s,]*@\w+$")  # "Kate Fazzini@KateFazzini", "Chris Hayes, @chrislhayes"
_GLUED_CAPITALS: Final = re.compile(r"[a-z][A-Z]{2}|[a-z][A-Z].*[a-z][A-Z]")
DOMAIN: Final = re.compile(r"\w\.\w{2}")
OUTLET_WORDS: Final = 6  # the outlet after a name and a comma ("Canwest News Service; Ottawa Citizen") is this short
# One word after the names that is their outlet, not a name: an acronym ("CNN", "AFP"), a news agency.
ACRONYM_CHARS: Final = 5
_AGENCIES: Final = frozenset(
    ["reuters", "bloomberg", "dpa", "afp", "ansa", "efe", "xinhua", "tass", "kyodo", "apa", "sda", "kna"]
)


def is_name(part: str) -> bool:
    """One to five words, each capitalised (or a particle like "de", "van"), none a job title's word, not
    an end heading ("Ähnliche Beiträge")."""
    words = part.split()
    if not 1 <= len(words) <= 5 or is_end_heading(part, len(words)):
        return False
    if len(words) == 1 and (words[0].lower() in _AGENCIES or (words[0].isupper() and len(words[0]) <= ACRONYM_CHARS)):
        return False  # "By Jane Doe, CNN", "By John Smith, Reuters": the outlet the author writes for
    for word in words:
        low = word.lower()
        if low in _ROLE_WORDS or DOMAIN.search(word):  # "by Bob Yirka , Phys.org": the site, not a name
            return False
        if _GLUED_CAPITALS.search(word) is not None:
            return False  # "TrapaniCEO", "ArchivesWebsiteTwitter": glued words ("DiChristopher", "McLeod" are names)
        if not (word[0].isupper() or low in _PARTICLES or not word[0].isalpha()):
            return False
    return any(word[0].isalpha() for word in words)


def bare_name(text: str) -> str | None:
    """A line that is only a person's name ("Ben Silverman"): two to four capitalised words of letters,
    no stop word. Read as a byline only beside the headline or a date line."""
    if len(text) > NAME_LINE_CHARS:  # most lines: no name's line is that long, even printed twice
        return None
    if "@" in text:
        text = _HANDLE_END.sub("", text)  # "Kate Fazzini@KateFazzini"
    if "s " in text:
        text = _AVATAR_END.sub("", text)  # "Brandon Laurino's Avatar": the alt text of the writer's picture
    if "gen" in text:  # "agencies", "Agenturen": one scan
        text = _AGENCIES_END.sub("", text)  # "Martin Farrer and agencies": the writer, with the wires' copy
    # "Alex Shephard/" over the date; "Amelie Siekmann," over "am Sonntag, 11.12.2022": the byline goes on below
    text = text.strip(SEPARATORS).rstrip(",")
    if text[:2] == "By":
        text = _GLUED_BY.sub("", text)  # "ByTravis Haney"
    text = undoubled(text)  # "Andrea WongAndrea Wong"
    words = text.split()
    half = len(words) // 2
    if half >= 2 and words[:half] == words[half:]:  # "Aleš Vávra Aleš Vávra": an avatar's alt text, then the name
        words = words[:half]
        text = " ".join(words)
    if words and (words[0] in _PICTURE_WORDS or words[-1] in _PICTURE_WORDS):
        # "Avatar Frank Hahn", "Alex Bozarjian Image": the writer's picture and name; "Enlarge Image": a button
        words = _without_picture_word(words)
        text = " ".join(words)
    if len(words) > 1 and _opens_with_role(words):  # a job title before the name, left out as in a byline
        text = without_role(text)
        words = text.split()
    if not 2 <= len(words) <= 4 or len(text) > 50:
        return None
    if not all(_is_name_word(word) for word in words):
        return None
    if any(word.lower() in STOP_WORDS and word.lower() not in _PARTICLES for word in words):
        return None
    first = words[0].lower()
    if first in _ARTICLES or first in _POSSESSIVES or first.endswith(_ADJECTIVE_ENDS):
        return None  # "Das Imperialismus-Phantom", "Der Bundesrat": a particle never opens a name
    if words[-1] in _PARTICLES:  # "Rezept von", "Tweets de": a label over the name, which a particle never ends
        return None
    if not is_name(text):
        return None
    lowered = text.lower()  # a button's or a link's words ("Sign Up", "Teilen Twittern") name no one
    return None if CHROME_PHRASES.found_in(lowered, WORD.findall(lowered)) else text


def name_with_handle(text: str) -> list[str] | None:
    """The writer a line names with their handle on a social network, which spells their name ("Tom
    DiChristopher@tdichristopher", "Kate Fazzini @KateFazzini"): a byline wherever it stands in the head, as one
    opened by "By" is. A handle that does not hold the name's last word ("Ada Moss @harbourweekly") is the site's."""
    handle = _HANDLE_END.search(text)
    if handle is None or (name := bare_name(text)) is None:
        return None
    last = "".join(filter(str.isalnum, name.split()[-1])).casefold()
    return [name] if last in handle[0].casefold() else None


def is_writers_picture(text: str, names: frozenset[str]) -> bool:
    """Whether the line is the alt text of a writer's picture: one of `names` with a picture's word after or before
    it ("J.R. Stone Image", "Avatar Ana Costa")."""
    if not (text.endswith(_PICTURE_ENDS) or text.startswith(_PICTURE_OPENINGS)):  # most lines: no split
        return False
    return " ".join(_without_picture_word(text.split(" "))) in names


def _without_picture_word(words: list[str]) -> list[str]:
    """The words without a picture's word at either end ("Avatar", "Image"): the name its alt text gives."""
    return words[words[0] in _PICTURE_WORDS : len(words) - (words[-1] in _PICTURE_WORDS)]


def without_role(part: str) -> str:
    """A name without the job title before it ("Rechtsanwalt Sebastian Einbock"): the name alone; none where no
    name follows the title ("Projektleiterin der HSS", "Hafen-Experte Moss"). A byline's names and a name alone
    (`bare_name`) both leave the title out so."""
    words = part.split()
    if len(words) < 2 or not _opens_with_role(words):
        return part
    return " ".join(words[1:]) if len(words) > 2 and words[1][:1].isupper() else ""


def _opens_with_role(words: list[str]) -> bool:
    """Whether the first of a name's words is a job title (`_ROLE_ENDS`)."""
    return words[0].lower().endswith(_ROLE_ENDS)


def is_names_list(text: str) -> bool:
    """A line of two names or more and nothing else ("Clara Löw, Siddharth Prakash & Klaus Jacob"): the
    writers of an article, never its headline."""
    if "," not in text and " & " not in text and " and " not in text and " und " not in text:
        return False  # most lines: no list at all
    if not all(word[0].isupper() or word in _JOINERS for word in text.replace(",", " ").split()):
        return False  # a headline's lower-case word: no list of names (asked before the pattern's split)
    parts = NAME_SPLIT.split(text.strip())
    # a name has two to four words (bare_name asks it too, at many times the cost): most lists are of other things
    if len(parts) < 2 or not all(2 <= len(part.split()) <= 4 for part in parts):
        return False
    return all(bare_name(part) is not None for part in parts)


def _is_name_word(word: str) -> bool:
    """Letters, a hyphen or an apostrophe ("Schmoll-Trautmann", "O'Neil"); a dot only after an initial ("D.");
    no possessive ("Azerbaijan’s Rising Gas Negotiators" is a headline, "Ben's Kitchen" a shop)."""
    if "." in word and (len(word) > 2 or not word.endswith(".")):
        return False  # "Phys.org", "www.site.com"
    if word.endswith(_POSSESSIVE):
        return False
    return word.rstrip(".").replace("-", "").replace("'", "").replace("’", "").isalpha()


def name_and_outlet(text: str) -> list[str] | None:
    """The names of a line that is a name (or two joined by "and") and, after a comma, the outlet the author
    writes for: "Erin Hitchcock, Burnaby Now", "Tim Shufelt, Canwest News Service; Ottawa Citizen". A headline
    may take that form ("Mitt Romney, Prisoner of the Tea Party"), so every word of the outlet is capitalised,
    none ends an exclamation or a question, and the head reads such a line only beside a date line."""
    names, comma, outlet = text.partition(",")
    if not comma or len(text) > NAME_LINE_CHARS or "'s" in names or "’s" in names:  # "David Barton's Terrible, ..."
        return None
    words = outlet.replace(";", " ").split()
    if not 1 <= len(words) <= OUTLET_WORDS or not all(word[0].isupper() for word in words) or outlet[-1] in "?!":
        return None
    parts = NAME_SPLIT.split(names.strip())
    if tag_label(parts[0].split(" ", 1)[0].capitalize() + ":") is not None:  # "Categories Iceland, Photo Essays"
        return None  # a tag list's label opens no name
    found = [name for part in parts if (name := bare_name(part)) is not None]
    return found if len(found) == len(parts) else None
