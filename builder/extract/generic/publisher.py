"""The site's name as its dumps print it: a copyright line, an "About <Name>" link, a name line that
opens the page and comes back in its footer. None when no line is credible: a wrong publisher on every
row of a site is worse than none."""

from __future__ import annotations

import re
from collections.abc import Sequence

# "©", "(c)", "Copyright" (any of them, repeated), maybe years, then the holder up to a separator.
_COPYRIGHT = re.compile(
    r"(?:(?:©|\(c\)|copyright|&copy;)\s*)+(?:(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?:by\s+)?(?P<holder>[^|•·;\n]+)",
    re.IGNORECASE,
)
# Where the holder's name stops: a sentence end, a rights clause in the common languages, a separator.
_HOLDER_END = re.compile(
    r"\.\s|\.$|,|\s[-–—]\s|all rights|alle rechte|tous droits|todos los derechos|tutti i diritti|"
    r"todos os direitos|alle rechten|все права|جميع الحقوق|\bpowered by\b|\bdesigned by\b|\s(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_ABOUT = re.compile(r"(?:About|Über|À propos de|Acerca de|Sobre|Chi siamo|Over|О)\s+(?P<name>.+)")
_NOT_NAMES = frozenset(
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
_LEGAL = re.compile(r",?\s+(?:Inc|LLC|Ltd|GmbH|S\.A|SA|AG|plc|Limited|Corp|Corporation)\.?$")
MAX_NAME_WORDS = 6
HEADER_NAME_WORDS = 4  # a bare name line is short: "The Daily Planet"
HEADER_LINES = 8  # a name line among the page's first lines...
FOOTER_LINES = 40  # ...that comes back among its last ones


def _credible(name: str) -> str | None:
    """The name cleaned of a legal suffix, if it reads as a name: 1-6 words, a capital, no address."""
    name = _LEGAL.sub("", " ".join(name.split()).strip(" -–—:"))
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or len(name) < 2:
        return None
    if "://" in name or "@" in name or name.lower() in _NOT_NAMES or not any(c.isupper() for c in name):
        return None
    if sum(c.isdigit() for c in name) > 2:
        return None
    return name


def copyright_holder(line: str) -> str | None:
    """The holder a copyright line names, or None when the line is none or names no credible publisher."""
    match = _COPYRIGHT.search(line)
    if match is None:
        return None
    holder = match.group("holder")
    end = _HOLDER_END.search(holder)
    return _credible(holder[: end.start()] if end else holder)


def publisher_from_lines(lines: Sequence[str]) -> str | None:
    """The site's name from a dump's lines (collapsed text, bullets removed), or None."""
    for text in reversed(lines):  # the footer's copyright line is the most deliberate statement of it
        # "(c)" in text.lower(), without lower-casing every line: only "C" lower-cases to "c"
        if ("©" in text or "opyright" in text or "(c)" in text or "(C)" in text) and (name := copyright_holder(text)):
            return name
    for text in lines:
        match = _ABOUT.fullmatch(text) if len(text) < 60 else None
        name = _credible(match["name"]) if match else None
        if name:
            return name
    tail_start = max(0, len(lines) - FOOTER_LINES)
    for i, text in enumerate(lines[:HEADER_LINES]):  # printed again further down, in the footer
        short = bool(text) and len(text.split()) <= HEADER_NAME_WORDS and text[:1].isupper()
        if short and text in lines[max(i + 1, tail_start) :]:
            return _credible(text)
    return None
