"""Bylines: "By Jane Doe and John Roe", "Von Hans Müller", "Par Sébastien Farcis | 30 avril 2015"."""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.credits import credited_agency
from builder.extract.generic.date_words import KIND_LABELS
from builder.extract.generic.dates import FoundDate, find_date, is_accompanying
from builder.extract.generic.digits import holds_date_digit
from builder.extract.generic.markers import comments_mark, undoubled
from builder.extract.generic.names import (
    DOMAIN,
    NAME_SPLIT,
    SEPARATORS,
    bare_name,
    is_name,
    without_role,
)
from builder.extract.generic.relative import relative_time
from builder.extract.generic.words import STOP_WORDS

# A writer's label: "Autorin:", "Autor/in", "AUTOREN", "Authors"
_AUTHOR_WORDS: Final = r"Autor(?:in|en|innen|/in|\*in)?|AUTOR(?:IN|EN|/IN)?|Auteur|Authors?|Autore"
# The word that opens a byline, in the languages the reader knows (a forum's thread's: "Thread starter"); the names
# follow it. "Authors" opens one only with its colon: without it, it is a menu's link ("Authors / Submit").
_BYLINE: Final = re.compile(
    r"(?!Authors\s)(?:(?:Post|Article|Guest\s+post)\s+(?:written|posted)\s+by|Thread\s+starter|Themenstarter|Started\s+by|(?:Posted|Filed)\s+(?:in|under)\s+[^|]{1,80}?\s+by|(?:[Ww]ritten|[Pp]osted|Words|Reporting|Text|Story|[Pp]ublished|[Ss]ubmitted|Filed)\s+[Bb]y|(?:Eine?\s+\w+|Artikel|(?:Blog\s*|Gast)?[Bb]eitrag|[Gg]eschrieben|[Gg]espeichert|[Vv]erfasst|[Gg]epostet|[Ee]rstellt|[Ee]ingestellt|[Vv]eröffentlicht|[Pp]ubliziert|Text)\s+von|(?:Publicado|Escrito|Publié|Écrit|Rédigé|Pubblicato|Scritto|Geplaatst|Geschreven)\s+(?:por|par|da|door)|By|BY|by|Von|VON|von|Par|PAR|par|Por|POR|por|Di|Door|"
    # The names follow the word after a space, or glued to "By", "von" or "Author" ("Veröffentlicht vonChris Jung",
    # "ByNatasha Daly", "AuthorBlue Lily": link words a text browser printed with no space between them).
    rf"{_AUTHOR_WORDS}|Автор|Авторы|Od|Przez|بقلم|文|投稿者|著者)(?:\s*[:：]?\s+|(?<=[ynr])(?=[A-ZÄÖÜ]))(?P<names>\S.*)|"
    # "Text" opens a byline only with its colon ("Text: Anna Berg"): "Text Size" is a button; "Interview: Julia
    # Lauter" names who asked (a guest is named in the headline)
    r"(?:Texto|Text|Текст|Interview)(?:\s*(?:&|und|and|/)\s*(?:Fotos?|Bilder|Photos?|Interview))?\s*[:：]\s*(?P<labelled>\S.*)",
)
_HANDLE: Final = re.compile(r"[a-z][a-z0-9_.-]{2,23}")  # a blog's user name: "eseppelt", "c1ph4"
# The first words `_BYLINE` opens with, lower-cased (a pretest: the pattern, tried on every line, is long).
_OPENING_WORDS: Final = frozenset(
    """post article guest written posted words reporting text story published eine ein geschrieben verfasst gepostet
    gespeichert submitted erstellt eingestellt veröffentlicht publiziert artikel blog blogbeitrag gastbeitrag beitrag publicado escrito
    publié écrit rédigé pubblicato scritto geplaatst geschreven by von par por di door autor autorin autoren
    autorinnen autor/in autor*in auteur author authors autore thread themenstarter started filed автор авторы od przez بقلم 文 投稿者 著者""".split()  # noqa: SIM905 - a list of words reads best as one string
)
_SCREEN_READER_LABEL: Final = "Post author "  # a blog theme's label for screen readers, printed before "By"
_LABEL_OPENINGS: Final = ("text", "текст", "interview")  # "Text:", "Texto:", "Text & Fotos:", "Text&Fotos:"
_SENTENCE_END: Final = re.compile(r"(?<=[^\W\d_]{2}[a-z])\.$")  # a byline written as a sentence; not "Jr.", "J."
# Where the names end: a separator before a date, a role, a place or a category ("In Aktuell", "under Travel"), a
# label ("Kategorien: Mode", "Lesezeit: 4 Min.");
_NAMES_END: Final = re.compile(
    r"\s+[\w.+-]+@[\w-]+\.\w|\s*[|·•●—–@(\[]|\s+/|\s+-\s+|\s+(?i:on|at|am|um|vom|à|le|el|il|op)(?:\s+\d|\s*$)|\s+(?i:last\s+)?(?i:updated|published|posted)\b|\s+(?:[Ii]n|under)\s+[A-Z]|\s+(?:Follow|Discuss|RSS)\b|\s+\w+[:：]\s*\S|\d"
    # the outlet's logo, its alt text ("By J.R. Stone KGO logo")
    r"|\s+[A-Z]{2,6}\s+logo$"
    # a role in small letters after the name ("By Alan Boyle Science editor")
    r"|\s+(?:[A-Z]\w+\s+)?(?:editor|writer|reporter|correspondent|columnist)\b"
    # another credit ("Text von Christian Seiler Illustration von Markus Roost")
    r"|\s+(?:Illustrations?|Illustrationen|Fotos?|Bilder?|Photos?|Zeichnungen?)\s+(?:von|by)\b"
    # a role or a button glued to the name by a text browser ("Evan HalperStaff Writer", "Inga HoeltmannFollow")
    r"|(?<=[a-z])(?:Follow\b|(?:Staff|Senior|Contributing)\s+(?:Writer|Reporter|Editor)\b|(?:Categories|Kategorien|Tags)\b)"
)
_NAME_JOINTS: Final = re.compile(f"({NAME_SPLIT.pattern})")  # NAME_SPLIT, its joints kept
# A writer's role after the name with no comma between, an agency's desk before it ("AP Sports Writer")
_ROLES_AFTER: Final = ("Writer", "Reporter", "Columnist")
_ROLE_AFTER: Final = re.compile(rf"(?:^|\s+)(?:AP\s+(?:[A-Z]\w*\s+){{0,2}})?(?:{'|'.join(_ROLES_AFTER)})$")
NAME_WORDS: Final = 2  # the name before the role has this many words or more ("DaySpring Writer": no name)
DESK_CHARS: Final = 60  # a desk's or an agency's name alone is no longer ("From our own correspondent in Kiel")...
DESK_SPACES: Final = 7  # ...nor of more words
# A desk signing in place of a person: its word after an outlet's name, or alone ("By Staff Writer"). Names leave
# these words out (`names.is_name`: "By Jane Doe, Staff Writer"), so only a byline with no name is read so. A
# capitalised desk word after one name may be a person's ("Jörg Staff"): the outlet's name then has two words or
# more, a dot or a possessive ("NFL.com Staff", "World's Editorial Writers").
_DESK_WORDS: Final = (
    r"(?:[Ee]ditors|[Ss]taff(?: [Ww]riters?| [Rr]eports?)?|(?:[Nn]ews )?[Dd]esk|[Ee]ditorial [Ww]riters"
    r"|[Rr]edaktion|[Rr]édaction|[Rr]edacción|[Rr]edazione|[Rr]edactie)"  # the same desk in other languages
)
_DESK_BYLINE: Final = re.compile(
    r"(?:[A-Z][\w'’.&-]*\s+){0,4}(?:editors|staff(?: writers?| reports?)?|(?:news )?desk)"  # "Washington Post editors"
    # "Die Redaktion", "La rédaction", "SPIEGEL-Redaktion"
    rf"|(?:(?:[A-Z][\w'’&-]*\s+){{2,4}}|\S+\.\S+\s+|[A-Z]\S*['’]s\s+|Editorial\s+|(?i:die|la|de)\s+|\w+-)?{_DESK_WORDS}"
)
# The label after the byline's word ("von Autor: Georg Holzer"): no part of the name
_AUTHOR_LABEL: Final = re.compile(rf"(?:{_AUTHOR_WORDS})\s*[:：]\s*")
MAX_BYLINE_WORDS: Final = 25
# The names after the date, a byline's word before them; a blog theme's screen-reader label "Author" may be glued to
# the date ("Posted on August 2, 2019Author Daniel Lemire").
_BYLINE_AFTER_DATE: Final = re.compile(
    r"\s*[,|·•—–-]?\s*(?:(?:by|von|par|por|door):?\s+|(?-i:Author|Autor)\s*:?\s*)(?P<names>\S.*)", re.IGNORECASE
)
_IMAGE_MARK: Final = re.compile(r"^\s*\[[^\]]*\]\s*")  # "[6eef5bc5-c] James Akinaka": an avatar's placeholder
# The word that opens a byline alone on its line, the name on the next one ("By" then "David Fear").
_BYLINE_WORD: Final = re.compile(
    r"(?:(?:Written|Posted|Submitted|Article|Words|Story)\s+[Bb]y|(?:Geschrieben|Gespeichert|Verfasst|Veröffentlicht)\s+von|"
    rf"(?:Publicado|Escrito)\s+por|(?:Publié|Écrit)\s+par|By|BY|by|Von|VON|von|Par|par|Por|por|Door|door|{_AUTHOR_WORDS})"
    r"\s*[:：]?"
)
_NAME_AFTER_DATE: Final = re.compile(r"\s*[/|·•—–~-]\s*(?P<name>[^/|·•—–~]+?)\s*")  # fullmatch from the date's end
BYLINE_WORD_CHARS: Final = 16  # "Written by", "Geschrieben von:": longer lines are no byline's words alone
_FIELD_SEPARATOR: Final = re.compile(r"\s+[/|·•]\s+")


def byline_names(text: str) -> list[str] | None:
    """The authors a byline line names, or None when the line is not a byline: "By A and B", or a name
    followed by a date ("Dan Goodin - Apr 16, 2015 8:02 pm UTC")."""
    if len(text) > 200 or text.count(" ") >= MAX_BYLINE_WORDS:
        return None
    match = _explicit(text)
    if match is not None:
        named = _unbracketed(match[_named(match)])
        names = _names(named)
        if names is None and holds_date_digit(text) and find_date(text) is not None:
            return _handle(named)  # "von eseppelt · 31. Oktober 2023"
        return names
    date, end, after = _dated(text)
    if after is not None:  # "on March 10, 2015 by Nikhil Marathe", "Publiziert am 13. Januar 2014 von uriebe"
        named = _unbracketed(after["names"])
        mark = comments_mark(named)  # "1. Januar 2016 von KleineGrüneMonster Ein Kommentar"
        named = named if mark is None else named[:mark]
        return _names(named) or _handle(named)
    if date is not None and date.start > 0:
        return _name_before(text[: date.start])
    after = _NAME_AFTER_DATE.fullmatch(text, end) if date is not None else None
    if after is not None:  # "18/03/2019 | André Mindermann"
        return _one_name(after["name"])
    names = _name_before_comments(text[end:]) if date is not None else None
    if names is not None:  # "September 17, 2019 Helmut Rubik 0"
        return names
    relative = relative_time(text)
    if relative is not None and relative.start() > 0:  # "Alex Perry 1 day ago", "[avatar] James Akinaka • 8h"
        return _name_before(text[: relative.start()])
    return None


def _unbracketed(names: str) -> str:
    """The names without the bracket that closes the parenthesis they were printed in ("(last edited 2019-11-10
    by MatsWichmann)", "(Reporting by Laura Zuckerman; Editing by Martin Petty)")."""
    return names.rstrip()[:-1] if names.rstrip().endswith(")") and "(" not in names else names


def _name_before_comments(rest: str) -> list[str] | None:
    """The writer a blog theme's meta line names between its date and its comments' count or link, the categories
    after the name left out ("September 17, 2019 Helmut Rubik 0", "16. Mai 2019 Markus Elsberger Netzwerk, Windows
    2", "28. Januar 2015 karstenruppert Schreibe einen Kommentar")."""
    mark = comments_mark(rest)
    if mark is None:
        return None
    field = rest[:mark].strip()
    if "," in field:  # the categories: the word before the first comma opens them
        field = field[: field.index(",")].rpartition(" ")[0]
    return _one_name(field) or (_handle(field) if " " not in field else None)


def _handle(names: str) -> list[str] | None:
    """The user name a blog signs its posts with, in lower case, after a byline's word on a dated line: one word
    of letters and digits ("eseppelt", "uriebe", "c1ph4"), no stop word ("von heute" names no one)."""
    handle = names.split(maxsplit=1)[0].strip(" ,;:.") if names.strip() else ""
    if _HANDLE.fullmatch(handle) is None or handle in STOP_WORDS:
        return None
    return [handle]


HANDLE_LINE_CHARS: Final = 40  # a byline's word and a user name (24 characters at most) make a line this short


def opened_handle(text: str) -> list[str] | None:
    """The user name alone after a byline's word ("By oradmin", "von flerche"), which `byline_names` reads only
    with a date on its line: the head takes it beside a date line. A site's domain is no user ("von
    tennisnet.com")."""
    if len(text) > HANDLE_LINE_CHARS:
        return None
    space = text.rstrip().rfind(" ")
    if space < 0 or not "a" <= text[space + 1 : space + 2] <= "z":  # a user name opens with a small ASCII letter
        return None
    match = _explicit(text)
    named = _unbracketed(match[_named(match)]).strip() if match is not None else ""
    return _handle(named) if named and " " not in named and DOMAIN.search(named) is None else None


def _dates_end(text: str, end: int) -> int:
    """Where the dates that start at `end` or a space after it end: a blog's date of updating glued to its date of
    publishing ("3. April 20223. April 2022 by mady") stands between the first date and the name."""
    while (more := find_date(text[end:])) is not None and more.start <= 1:
        end += more.end
    return end


def named_after_date(text: str) -> bool:
    """Whether a byline's word opens the names after the line's date ("Veröffentlicht am 24. Januar 2020 von
    Creeny", "on March 10, 2015 by Nikhil Marathe"): they are named as surely as after an opening "By"."""
    return _dated(text)[2] is not None


def _dated(text: str) -> tuple[FoundDate | None, int, re.Match[str] | None]:
    """The line's first date (None when it holds none), where the dates from it end, and the byline's word and
    names right after them (`_BYLINE_AFTER_DATE`), if any."""
    date = find_date(text) if holds_date_digit(text) else None
    if date is None:
        return None, 0, None
    end = _dates_end(text, date.end)
    return date, end, _BYLINE_AFTER_DATE.match(text, end)


def is_explicit_byline(text: str) -> bool:
    """A byline opened by its word ("By", "Von", "Posted by"), not a name found before a date."""
    return _explicit(text) is not None


def signed_under_word(text: str) -> str | None:
    """The name on the line under a byline's word alone on its line: a person's ("David Fear") or a desk's ("Kulu
    Media News Desk"), which a byline's word names as surely as a person."""
    return bare_name(text) or desk_alone(text)


def desk_alone(text: str) -> str | None:
    """A line that is only a desk's or an agency's name ("Redaktion", "Kulu Media News Desk", "The Associated
    Press")."""
    if len(text) > DESK_CHARS or text.count(" ") > DESK_SPACES:  # most lines: a desk's name is short
        return None
    return _desk_or_agency(text)


def _desk_or_agency(text: str) -> str | None:
    """The desk ("By Washington Post editors", "Redaktion") or the agency ("By the Associated Press") that signs in
    place of a person, if the text names one."""
    return text if _DESK_BYLINE.fullmatch(text) is not None else credited_agency(text)


def is_byline_word(text: str) -> bool:
    """A line that is only a byline's opening word ("By", "Author:"): the name is on the line under it."""
    return len(text) <= BYLINE_WORD_CHARS and _BYLINE_WORD.fullmatch(text) is not None


OPENING_NAME_WORDS: Final = 2  # the first words after a byline's opening of two words ("Written by") are a name


def is_capitalised_byline(text: str) -> bool:
    """A byline opened by its word over capitalised words only ("By Smart Shopping Team"), whether or not the
    name rules take them for names; "By the numbers: a summer at sea" is no byline but a headline. After an
    opening of two words or a colon ("Written by", "Author:"), which no headline opens with, the first two
    words decide: a date or a section may follow ("Written By: Jason Shafrin - Nov 02")."""
    match = _explicit(text)
    if match is None:
        return False
    group = _named(match)
    opening = match.string[: match.start(group)].strip()
    words = match[group].split()
    if " " in opening or opening.endswith((":", "：")):
        words = words[:OPENING_NAME_WORDS]
    return all(word[:1].isupper() for word in words)


def _named(match: re.Match[str]) -> str:
    """The group of a byline's match that holds its names: after an opening word, or after a label's colon."""
    return "names" if match["names"] is not None else "labelled"


# The first two letters, lower-cased, that a byline's opening word may start with (`_may_open_byline`): most lines
# start otherwise, and are told no byline without splitting them. Signs a byline may open with before its word
# ("// By …", "[avatar] By …", "• Von …") send a line to the full test, as a separator between fields does.
# The opening words whose first two letters start too many lines ("The", "Story", "First") are told by their whole
# opening, which str.startswith reads in C.
_RARE_OPENINGS: Final = ("Thread starter", "Themenstarter", "Started by", "Filed ")
_RARE_WORDS: Final = frozenset(opening.split()[0].lower() for opening in _RARE_OPENINGS)
_RARE_STARTS: Final = frozenset(word[:2] for word in _RARE_WORDS)
_OPENING_STARTS: Final = frozenset(
    {word[:2] for word in _OPENING_WORDS - _RARE_WORDS} | {label[:2] for label in _LABEL_OPENINGS} | {"by", "vo"}
)
_SIGN_STARTS: Final = frozenset("/-—|•·[ ")
# The fields of a line of meta data, one of which a byline's word may open ("Le Monde | 04.05.2015 | Par …", "… //
# Autor: c1ph4 //"). Not a single slash, "·" or "•", which `_FIELD_SEPARATOR` parts a name before a date at: the
# names after a byline's word end at them anyway (`_NAMES_END`).
_BYLINE_FIELDS: Final = re.compile(r" \| | // ")


def _explicit(text: str) -> re.Match[str] | None:
    start = text[:2].lower()
    if (
        start not in _OPENING_STARTS
        and start[:1] not in _OPENING_STARTS  # "文", an opening word of one letter, is a start of its own
        and text[:1] not in _SIGN_STARTS
        and not (start in _RARE_STARTS and text.startswith(_RARE_OPENINGS))
        and " | " not in text
        and " // " not in text
    ):
        return None  # most lines
    # "Le Monde | 04.05.2015 | Par Martin Untersinger", "22. Januar 2020 @ 18:13 // Autor: c1ph4 // ~ Lesezeit: 1 Minute"
    for part in _BYLINE_FIELDS.split(text):
        part = part.lstrip("/-—|•· ")  # "// By Arun Sai Krishnan • Nov 11, 2020"
        if part.startswith(_SCREEN_READER_LABEL):
            part = part[len(_SCREEN_READER_LABEL) :]  # "Post author By Helge Fahrnberger": a theme's hidden label
        if part[:1] == "[":
            part = _IMAGE_MARK.sub("", part, count=1)  # "[e3d6d9295d] By Alejandro Villamor": an avatar before it
        if not _may_open_byline(part):
            continue  # most lines: their first word opens no byline, and the long pattern is not tried
        match = _BYLINE.fullmatch(part)
        if match is not None:
            return match
    return None


def _may_open_byline(part: str) -> bool:
    """Whether the first word of `part` is one `_BYLINE` may open with ("By", "Von:", "Text&Fotos:", "文")."""
    word = part.split(maxsplit=1)[0].rstrip(":：") if part.strip() else ""
    first = word.lower()
    return first in _OPENING_WORDS or first.startswith(_LABEL_OPENINGS) or _glued_opening(word)


def _name_parts(names: str) -> list[str]:
    """The names of a byline's parts. A part after a name that names no one (a job title: "Niti Mangtani, Group
    Product Manager, Google Offers and Michaela Feller") takes the parts a comma joins to it: they name where the
    writer works, up to the next joining word ("and"). A desk may sign in the first part ("TrekMovie.com Staff,
    Filed under: …")."""
    found: list[str] = []
    employer = False
    pieces = _NAME_JOINTS.split(names)  # the parts, and the joints between them (one C call, no match objects)
    for at in range(0, len(pieces), 2):
        part = without_role(pieces[at])
        if part.endswith(_ROLES_AFTER) and not is_name(part):
            part = _without_role_after(part)
        if is_name(part):
            if not employer:
                found.append(part)
        elif not found and _DESK_BYLINE.fullmatch(part) is not None:
            found.append(part)
            employer = True
        else:
            employer = bool(found)
        employer = employer and at + 1 < len(pieces) and "," in pieces[at + 1]
    return found


def _without_role_after(part: str) -> str:
    """A name with its role after it ("by Richard Mitchell Writer RSS", "By JOSEPH WHITE AP Sports Writer"): the
    name."""
    role = _ROLE_AFTER.search(part)
    if role is None or len(part[: role.start()].split()) < NAME_WORDS:
        return part
    return part[: role.start()]


def _glued_opening(word: str) -> bool:
    """ "ByNatasha", "vonChris", "AuthorBlue": "By", "von" or "Author" glued to a name's capital."""
    return (
        (word[:2] in ("By", "by") and word[2:3].isupper())
        or (word[:3] in ("von", "Von") and word[3:4].isupper())
        or (word[:6] == "Author" and word[6:7].isupper())
    )


def _name_before(text: str) -> list[str] | None:
    """The one name in the last field before a date ("[logo] / Cory Doctorow / 10:08 am Fri Jul 19, 2013"), the
    date's label and fillers left out ("Evgenia Karp Zuletzt geändert am 06.11.2023"), or a field of them ("Jacobo
    Betancur | Publicado hace 3 horas")."""
    fields = _FIELD_SEPARATOR.split(text.rstrip(SEPARATORS))
    field = fields[-1]
    if len(fields) > 1 and all(is_accompanying(word) for word in field.split()):
        field = fields[-2]
    words = field.split()
    kept = len(words)
    while kept and is_accompanying(words[kept - 1]):
        kept -= 1
    name = field if kept == len(words) else " ".join(words[:kept])
    alt, by, signed = name.partition(" by ")
    if by and alt == signed:  # "Al Tompkins by Al Tompkins": the writer's picture's alt text, then the byline
        name = signed
    if _DESK_BYLINE.fullmatch(name) is not None:  # "Redaktion - 31. Januar 2022": the desk signs
        return [name]
    return _one_name(name)


def _one_name(field: str) -> list[str] | None:
    """The one person's name a field of a dateline holds, if any."""
    names = _names(_IMAGE_MARK.sub("", field))
    name = bare_name(names[0]) if names is not None and len(names) == 1 else None
    # the bare name: without the picture's alt text beside it ("Avatar Frank Hahn am 18. September 2019")
    return None if name is None or name.lower() in _NOT_NAMES else [name]


# Capitalised words a page prints before a date that name no one: a date's label ("Last Modified: ..."), an
# image's default name ("Screen Shot 2011-08-13 at 4.55.35 PM").
_NOT_NAMES: Final = frozenset([*KIND_LABELS, "screen shot", "screenshot"])


def _names(names: str) -> list[str] | None:
    date = find_date(names)  # "By JANE DOE JULY 29"
    if date is not None:
        names = names[: date.start]
    end = _NAMES_END.search(names)
    if end is not None:
        names = names[: end.start()]
    names = _SENTENCE_END.sub("", names.strip(" ,;:/"))  # "Post written by Leo Babauta."
    label = _AUTHOR_LABEL.match(names) if names[:1] == "A" else None
    names = names if label is None else names[label.end() :]
    found = _name_parts(undoubled(names))
    if found:
        return found
    signer = _desk_or_agency(names)  # "By Staff Writer", "By the Associated Press": no person, the desk signs
    return [signer] if signer else None
