"""What an embed leaves in a text dump, where the page showed a player, a script or another site's post: a notice
that the page needs JavaScript, Flash or a newer browser, or shows the embed elsewhere, or only with the reader's
consent; an embedded post's credit and its link to the post. None is a part of the article."""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.words import first_letters

# A notice that the page needs JavaScript or Flash to show something: said to the reader ("Please enable JavaScript
# to view the comments", "You need the latest Flash player to view video content.", "Get Adobe Flash player"), of what
# needs them ("Media requires JavaScript and Adobe Flash to play."), or of the browser ("Javascript is not enabled");
# that the browser is too old for the page ("You are using an outdated browser.", "Please upgrade your browser", "Your
# browser does not support the video tag.", "Dein Browser ist leider veraltet."); or that an embed is not shown here
# ("This content can also be viewed on the site it originates from."), or that the player cannot show a video ("This
# video is unavailable in the format required for your device/os.")
_PLUGIN: Final = r"\b(?:JavaScript|Javascript|javascript|Flash|flash player)\b"
_PLUGIN_NOTICE: Final = re.compile(
    rf"(?:\b(?:[Pp]lease|[Yy]ou (?:need|must|will need)|[Cc]lick here|[Tt]urn on)\b|^(?:Get|Download|Install|Enable)\b)"
    rf"[^.]{{0,80}}?{_PLUGIN}"
    rf"|\b(?:[Tt]his|[Mm]edia)\b[^.]{{0,60}}?\brequires?\b[^.]{{0,40}}?{_PLUGIN}"
    r"|\b(?:JavaScript|Javascript|javascript|Flash [Pp]layer) (?:is|must be) (?:not )?(?:enabled|disabled|required)"
    r"|\b[Yy]ou(?:'re|’re| are) using\b[^.]{0,30}?\b(?:older|outdated|old|unsupported) browser\b"
    r"|\b[Pp]lease (?:upgrade|update) your browser\b|\b[Yy]our browser does not support (?:the )?(?:video|audio|iframes?|script)\b"
    r"|\bcan also be viewed on the site it originates from\b"
    r"|\b[Tt]his video is (?:currently )?(?:unavailable|not available)\b"
    # in other languages: "Aktivieren Sie JavaScript um das Video zu sehen", "Sie müssen JavaScript aktivieren",
    # "JavaScript ist deaktiviert", "Veuillez activer JavaScript", "Activa JavaScript", "Attiva JavaScript"
    r"|\b(?:[Aa]ktivieren [Ss]ie|[Ss]ie müssen|[Aa]ctivez|[Vv]euillez activer|[Aa]ctiva|[Hh]abilite|[Aa]ttiva|[Aa]bilita)"
    rf"\b[^.]{{0,40}}?{_PLUGIN}|\b(?:JavaScript|Javascript) ist (?:deaktiviert|nicht aktiviert)\b"
)
# That the browser is out of date, said otherwise ("Your browser is out of date", "Dein Browser ist leider veraltet.",
# "Der Browser wird nicht mehr unterstützt!"): searched only in a line that names a browser
_OLD_BROWSER: Final = re.compile(
    r"\b(?:[Yy]our|[Dd]ein|[Ii]hr|[Dd]er) [Bb]rowser (?:is|ist|wird)\b[^.]{0,24}?"
    r"\b(?:out of date|outdated|no longer supported|not supported|veraltet|nicht (?:mehr )?unterstützt)"
    r"|\b(?:upgrade|switch) to a (?:newer|modern|supported) browser\b|\beinen (?:neueren|aktuellen) Browser\b"
)
PLUGIN_NOTICE_WORDS: Final = 40  # such a notice is no longer
VIDEO_NOTICE_WORDS: Final = 16  # a player's notice that a video is unavailable is no longer


def is_plugin_notice(text: str, words: int) -> bool:
    """A notice that the page needs JavaScript, Flash or a newer browser, or that an embed is shown elsewhere (a
    script's or a player's place, printed as text), a line of `words` words."""
    if words > PLUGIN_NOTICE_WORDS:
        return False
    # most lines are settled without a search: a notice holds one of these (written out, for speed)
    if not (
        "cript" in text
        or "lash" in text
        or "rowser" in text
        or "originates" in text
        or (words <= VIDEO_NOTICE_WORDS and "video is" in text)
    ):
        return False
    return _PLUGIN_NOTICE.search(text) is not None or ("rowser" in text and _OLD_BROWSER.search(text) is not None)


# An embed's placeholder that waits for the reader's consent to load another site's content (a tweet, a video):
# "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her.",
# "Um Deine persönlichen Daten zu schützen, haben wir das automatische Laden der Inhalte von twitter.com blockiert.",
# "We need your consent to load this YouTube content." It names the consent, the other site, and the reader; an
# article telling of a platform's consent names no reader, or not all three at once.
_CONSENT: Final = re.compile(r"\b(?:[Ee]inverständnis|[Ee]inverstanden|[Zz]ustimm(?:ung|en)|[Cc]onsent)\b")
_OTHER_SITE: Final = re.compile(
    r"\b(?:Twitter|YouTube|Instagram|Facebook|TikTok|Vimeo|Spotify|SoundCloud|Social-Media|third[- ]party|"
    r"[Ee]xterne[nr]? Inhalte?|[Dd]rittanbieter[ns]?|[a-z]+\.com)\b"
)
_READER: Final = re.compile(r"\b(?:[Dd]u|[Dd]ir|[Dd]eine?[mnrs]?|Ihre?[mnrs]?|[Yy]our?)\b")
CONSENT_WORDS: Final = 60  # such a placeholder is no longer


def is_consent_placeholder(text: str, words: int) -> bool:
    """An embed's placeholder asking the reader's consent to load another site's content, a line of `words` words
    (most lines are settled by the consent's words, looked for as substrings first)."""
    if words > CONSENT_WORDS or not ("nverst" in text or "ustimm" in text or "onsent" in text):
        return False
    return all(pattern.search(text) is not None for pattern in (_CONSENT, _OTHER_SITE, _READER))


# An embedded post's credit, with its writer's handle ("A post shared by Chateau La Coste (@chateaulacoste)",
# Instagram's words in the page's language), and its link ("View this post on Instagram").
_POST_CREDITS: Final = (
    "A post shared by", "Ein Beitrag geteilt von", "Une publication partagée par", "Una publicación compartida por",
    "Un post condiviso da", "Een bericht gedeeld door", "Uma publicação compartilhada por",
)  # fmt: skip
_POST_LINKS: Final = frozenset(
    ["View this post on Instagram", "Diesen Beitrag auf Instagram ansehen", "Sieh dir diesen Beitrag auf Instagram an",
     "Voir cette publication sur Instagram", "Ver esta publicación en Instagram"]
)  # fmt: skip
POST_LINK_CHARS: Final = max(map(len, _POST_LINKS))
_POST_FIRST: Final = first_letters((*_POST_CREDITS, *_POST_LINKS))


def is_embedded_post(text: str) -> bool:
    """An embedded post's credit with its writer's handle, or its link to the post (most lines are settled by their
    first letter; a long one by its length, before its hash is read)."""
    if text[:1] not in _POST_FIRST:
        return False
    if text.startswith(_POST_CREDITS):
        return "(@" in text
    return len(text) <= POST_LINK_CHARS and text in _POST_LINKS


# The renderer prints a plugin's place (an <embed>: a Flash player, a video) as "embed(" and its address:
# "embed(http://www.youtube.com/v/C0ME-6vh-4g&rel=1)". It is no text the page shows; text glued after it is the
# page's (a column beside it), so only the mark alone on its line is matched.
_PLAYER_OPENING: Final = "embed("


def is_player_mark(text: str) -> bool:
    """A plugin's place as the renderer prints it, its address in "embed(…)", alone on its line."""
    return text.startswith(_PLAYER_OPENING) and text[-1:] == ")" and " " not in text
