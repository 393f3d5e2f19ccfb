"""The publisher a page names: the holder in its copyright line ("© 2021 The Daily Planet. All rights reserved").

Only the copyright line is trusted: a header's first line is as often "Skip to content" or "Menu" as
the site's name. The build takes, for each site, the name most of its dumps show (`corpus.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# "©", "(c)", "Copyright" or the words for it, then maybe years, then the holder up to the end of
# its sentence or a separator.
_COPYRIGHT = re.compile(
    r"(?:(?:©|\(c\)|copyright|&copy;)\s*)+(?:(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?:by\s+)?(?P<holder>[^|•·;\n]+)",
    re.IGNORECASE,
)
# Where the holder's name stops: a sentence end, a rights clause in the common languages, a separator.
_HOLDER_END = re.compile(
    r"\.\s|\.$|,|\s[-–—]\s|all rights|alle rechte|tous droits|todos los derechos|tutti i diritti|"
    r"todos os direitos|alle rechten|все права|جميع الحقوق|\bpowered by\b|\bdesigned by\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:19|20)\d\d\b")
MAX_NAME_WORDS = 6
SEARCHED_LINES = 60  # copyright lines sit in the footer: only the page's last lines are searched


def copyright_holder(line: str) -> str | None:
    """The holder a copyright line names, or None when the line is none or names no plausible publisher."""
    match = _COPYRIGHT.search(line)
    if match is None:
        return None
    holder = match.group("holder")
    end = _HOLDER_END.search(holder)
    name = (holder[: end.start()] if end else holder).strip(" .,:-–—")
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or _YEAR.match(name) or not any(c.isalpha() for c in name):
        return None
    return " ".join(words)


def publisher_from_lines(lines: Sequence[str]) -> str | None:
    """The publisher named by the last copyright line of the page, searched from its end; None if none."""
    for line in reversed(lines[-SEARCHED_LINES:]):
        if len(line) < 200 and (name := copyright_holder(line)):
            return name
    return None
