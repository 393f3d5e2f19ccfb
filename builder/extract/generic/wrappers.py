"""What a server or a web archive prints around the page it serves, none of it the page's: the Wayback Machine's
toolbar over a page it captured (its captures' calendar, "About this capture" and who collected the page and why,
paragraphs of prose, as the dump's first lines), and the error messages a site's PHP prints among its lines."""

from __future__ import annotations

import re
from typing import Final

RULE_ARCHIVE_BANNER: Final = "a web archive's toolbar over the page it captured (the Wayback Machine's)"
BANNER_OPENING: Final = "Wayback Machine"  # the toolbar's first line...
BANNER_CLOSING: Final = "TIMESTAMPS"  # ...and its last heading, over a "loading" placeholder
BANNER_PLACEHOLDER: Final = "loading"
OPENING_LINES: Final = 3  # the toolbar's name is among the dump's first lines...
BANNER_LINES: Final = 60  # ...and its last heading this many lines under it at most


def archive_banner(raws: list[str]) -> range:
    """The lines of the Wayback Machine's toolbar when the dump opens with it, from its name through the
    placeholder under its last heading; an empty range when the dump does not open so."""
    first = next((i for i, raw in enumerate(raws[:OPENING_LINES]) if raw), None)
    if first is None or raws[first].strip() != BANNER_OPENING:
        return range(0)
    for i in range(first + 1, min(len(raws), first + BANNER_LINES)):
        if raws[i].strip() == BANNER_CLOSING:
            end = i + 2 if i + 1 < len(raws) and raws[i + 1].strip() == BANNER_PLACEHOLDER else i + 1
            return range(first, end)
    return range(0)


RULE_SERVER_ERROR: Final = "an error message of the site's software ('Warning: … in /…/file.php on line 520')"
# PHP's messages name the file and the line; a sentence of an article about PHP names neither so.
_SERVER_ERROR: Final = re.compile(
    r"(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable )?[Ff]atal error|Parse error)\s*:\s.*"
    r"\bin \S+\.php(?: on line |:)\d+"
)


def is_server_error(text: str) -> bool:
    """An error message PHP printed into the page ("Deprecated: Assigning the return value of new by reference is
    deprecated in /www/htdocs/wp-settings.php on line 520")."""
    return text[-1:].isdigit() and _SERVER_ERROR.match(text) is not None
