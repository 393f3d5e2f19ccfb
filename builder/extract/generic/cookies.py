"""A site's notice of its cookies, printed as paragraphs among the article's, which the reader takes for chrome."""

from __future__ import annotations

import re
from typing import Final

RULE_COOKIES: Final = "the site's notice of its cookies ('We use cookies to …', 'Diese Website verwendet Cookies')"

# A site's notice of its cookies, said to the reader: it names cookies, speaks as the site or to the reader, and
# names what cookies are about or that the site uses them (the site, the browser, consent, data, "we use"). A
# cookie notice's dialog prints long paragraphs that outweigh a short article ("Wir verwenden Cookies, die unser
# Angebot nutzerfreundlicher …", "Nous utilisons des cookies pour …"); a recipe's "cookie sheet" or a joke about a
# cookie says none of the rest.
_COOKIE: Final = re.compile(r"\b[Cc]ookies?\b")
_TO_THE_READER: Final = re.compile(
    r"\b(?:we|our|us|you|your|wir|uns|unser\w*|ihnen|ihre?\w?|du|dir|dein\w*|nous|notre|nos|vous|votre|vos|"
    r"nosotros|nuestr\w*|usted|utilizamos|usamos|utilizziamo|noi|nostr\w*|wij|onze)\b",
    re.IGNORECASE,
)
_COOKIE_TOPIC: Final = re.compile(
    r"web ?site|webseite|\bsite|sitio|\bsito|browser|navigat|navegador|consent|einwillig|zustimm|accept|akzept|"
    r"privacy|datenschutz|\bdata|daten|données|datos|tracking|third|drittanbieter|analy|werbung|advertis|publicit|"
    # "we use cookies", "wir verwenden Cookies", "nous utilisons des cookies" (a recipe uses a cookie cutter)
    r"\b(?:uses?|using|verwende[nt]?|nutz(?:en|t)|setzen|utilis\w*|utiliz\w*|usamos|gebruiken)\s+(?:\w+\s+){0,2}[Cc]ookies",
    re.IGNORECASE,
)
COOKIE_WORDS: Final = 6  # shorter lines are the notice's buttons ("Accept cookies"), chrome as short lines anyway
COOKIE_MAX_WORDS: Final = 60  # a notice's paragraph is no longer...
COOKIE_AT: Final = 120  # ...and names cookies within this many characters (an article's paragraph on privacy may
# name them further on: "… von unserem eigenen Server. Cookies finden keine Anwendung.")


def is_cookie_notice(text: str, words: int) -> bool:
    """A sentence of the site's notice of its cookies, a line of `words` words."""
    return (
        COOKIE_WORDS <= words <= COOKIE_MAX_WORDS
        and _COOKIE.search(text, 0, COOKIE_AT) is not None
        and _TO_THE_READER.search(text) is not None
        and _COOKIE_TOPIC.search(text) is not None
    )
