"""The site's name as its dumps print it: a copyright line, an "About <Name>" link, a name line that
opens the page and comes back in its footer. None when no line is credible: a wrong publisher on every
row of a site is worse than none."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from builder.extract.generic.phrases import CHROME_PHRASES, WORD
from builder.extract.textdump.lines import read_line
from builder.record import RENDERED_BULLET

# "©", "(c)", "Copyright" (any of them, repeated), maybe years, then the holder up to a separator.
_COPYRIGHT: Final = re.compile(
    r"(?:(?:©|\(c\)|copyright|&copy;)\s*)+(?P<years>(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?:by\s+)?(?P<holder>[^|•·;\n]+)",
    re.IGNORECASE,
)
# Where the holder's name stops: a sentence end, a rights clause in the common languages, a separator.
_HOLDER_END: Final = re.compile(
    r"\.\s|\.$|,|\s[-–—]\s|all rights|alle rechte|tous droits|todos los derechos|tutti i diritti|"
    r"todos os direitos|alle rechten|все права|جميع الحقوق|\bpowered by\b|\bdesigned by\b|\s(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
_SIGN: Final = re.compile(r"©|\(c\)|&copy;", re.IGNORECASE)
_SEPARATORS: Final = " |•·-–—"  # what may stand before the sign of a site's notice in its footer
_ABOUT: Final = re.compile(r"(?:About|Über|À propos de|Acerca de|Sobre|Chi siamo|Over|О)\s+(?P<name>.+)")
_ABOUT_FIRST: Final = "AÜÀSCOО"  # the letters its words open with: another line is not matched at all
_NOT_NAMES: Final = frozenset(
    {
        "us",
        "uns",
        "nous",
        "nosotros",
        "nós",
        "ons",
        "this site",
        "the author",
        "the site",
        "me",
        "home",
        "menu",
        "search",
    }
)
_LEGAL: Final = re.compile(r",?\s+(?:Inc|LLC|Ltd|GmbH|S\.A|SA|AG|plc|Limited|Corp|Corporation)\.?$")
MAX_NAME_WORDS: Final = 6
HEADER_NAME_WORDS: Final = 4  # a bare name line is short: "The Daily Planet"
HEADER_LINES: Final = 8  # a name line among the page's first lines...
FOOTER_LINES: Final = 40  # ...that comes back among its last ones
HEADER_RAW_LINES: Final = 60  # raw lines (blank ones too) where such a name line is looked for in the dump


def _credible(name: str) -> str | None:
    """The name cleaned of a legal suffix, if it reads as a name: 1-6 words, a capital, no address."""
    name = _LEGAL.sub("", " ".join(name.split()).strip(" -–—:©"))
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or len(name) < 2:
        return None
    if "://" in name or "@" in name or "/" in name or name.lower() in _NOT_NAMES or not any(c.isupper() for c in name):
        return None  # "/": a photo credit ("Jane Doe / AFP")
    if sum(c.isdigit() for c in name) > 2:
        return None
    return name


def copyright_holder(line: str) -> str | None:
    """The holder a copyright line names, or None when the line is none or names no credible publisher.

    The word "Copyright" with no sign needs its year right after it: else it is a link ("Copyright Notice")
    or a word of a sentence ("the WIPO copyright treaty"). A sign after other text, with no year in the
    line, is an image's credit ("Harbour at dawn © Jane Doe"). Neither names the site."""
    match = _COPYRIGHT.search(line)
    if match is None:
        return None
    if _SIGN.search(line, match.start(), match.start("holder")) is None:
        if match.group("years") is None:
            return None
    elif _YEAR.search(line) is None and line[: match.start()].strip(_SEPARATORS):
        return None
    holder = match.group("holder")
    end = _HOLDER_END.search(holder)
    return _credible(holder[: end.start()] if end else holder)


def publisher_from_lines(lines: Sequence[str], text: str = "") -> str | None:
    """The site's name from a dump's lines (collapsed text, bullets removed), or None. `text`: the dump the
    lines were read from, when known: it tells a name line from a menu entry printed in the header and again
    in the footer."""
    # The lines' characters are the text's, in order (only spaces are collapsed): without a sign in the
    # text, none is in a line.
    if not text or _holds_notice_sign(text):
        for line in reversed(lines):  # the footer's copyright line: the most deliberate name
            if _holds_notice_sign(line) and (name := copyright_holder(line)):
                return name
    for line in lines:
        match = _ABOUT.fullmatch(line) if len(line) < 60 and line[:1] in _ABOUT_FIRST else None
        # A name opens with a capital: "Über diesen Blog", "About the project" name none.
        name = _credible(match["name"]) if match and not match["name"][0].islower() else None
        if name:
            return name
    tail_start = max(0, len(lines) - FOOTER_LINES)
    for i, line in enumerate(lines[:HEADER_LINES]):  # printed again further down, in the footer
        short = bool(line) and len(line.split()) <= HEADER_NAME_WORDS and line[:1].isupper()
        if short and line in lines[max(i + 1, tail_start) :]:
            return _header_name(line, text)
    return None


def _holds_notice_sign(text: str) -> bool:
    """Whether the text holds a sign of a copyright notice: "©", "opyright", "(c)" or "(C)" ("(c)" in
    text.lower(), without lower-casing it: only "C" lower-cases to "c"). Written out, not a generator over
    the signs: it is asked of every line of a dump."""
    return "©" in text or "opyright" in text or "(c)" in text or "(C)" in text


def _header_name(line: str, text: str) -> str | None:
    """A header line the footer prints again, if it reads as a name: no menu entry (a list item where the
    header prints it, "• Features"), no chrome ("Become a member", "Skip navigation")."""
    lowered = line.lower()
    if CHROME_PHRASES.found_in(lowered, WORD.findall(lowered)) or _listed_first(line, text):
        return None
    return _credible(line)


def _listed_first(line: str, text: str) -> bool:
    """Whether the dump's first raw line that reads as `line` is a list item."""
    for raw in text.split("\n", HEADER_RAW_LINES)[:HEADER_RAW_LINES]:
        read = read_line(raw, RENDERED_BULLET)
        if read.text == line:
            return read.bullet
    return False
