"""A bar of buttons to share or print the article among its paragraphs, told by its words alone: the reader's
boilerplate (`boilerplate.py`) leaves it out of the body."""

from __future__ import annotations

import re
from typing import Final

# A bar of buttons to share or print the article, printed as their labels ("Email|Print| Text size – +", "Digg it |
# Facebook | Newsvine | Reddit", "[icon-print]Print [icon-email]Email [icon-uparr]Return to Top", "Share 613 Tweet 0"):
# two or more of the actions, and the other words the buttons' too; or one button alone, all its words the buttons'
# and no sentence ("Print this page", "E-mail to a friend"). Labels the page glues together are parted at their
# capitals ("Email to a friendPrinter friendly"). No line of the eight development sets' labelled bodies reads so.
# A button's verb, which may stand alone on its line ("Tweet", "Teilen", "Partager"), in the languages the reader knows
_BUTTON_VERBS: Final = frozenset(
    ["tweet", "share", "email", "print", "teilen", "drucken", "twittern", "partager", "imprimer", "compartir",
     "imprimir", "condividi"]
)  # fmt: skip
_TOOLBAR_ACTIONS: Final = _BUTTON_VERBS | frozenset(  # and the actions that name a network or an object
    [
        "enlarge",  # "Enlarge this image": a photo's button
        "mail",
        "printer",
        "printable",
        "facebook",
        "twitter",
        "digg",
        "reddit",
        "stumbleupon",
        "delicious",
        "pinterest",
        "linkedin",
        "whatsapp",
        "bookmark",
        "reblog",
    ]
)
_TOOLBAR_WORDS: Final = _TOOLBAR_ACTIONS | frozenset(
    [
        "e",
        "friendly",
        "version",
        "shares",
        "text",
        "size",
        "font",
        "diggit",
        "newsvine",
        "stumble",
        "stumbleit",
        "del",
        "icio",
        "us",
        "comments",
        "comment",
        "save",
        "tweets",
        "recommend",
        "it",
        "this",
        "article",
        "story",
        "image",
        "page",
        "to",
        "a",
        "colleague",
        "friend",
        "send",
        "return",
        "top",
        "back",
        "icon",
        "uparr",
        "add",
        "toolbar",
        "permalink",
        "rss",
        "subscribe",
        "post",
        "upon",
        "linked",
        "in",
        "whats",
        "app",
        "on",
        "flipboard",
        "tumblr",
        "telegram",
        "pocket",
        "skype",
        "flattr",
        "pin",
        "xing",
        # a share button's words in German ("Klick, um über Twitter zu teilen", "Zum Teilen auf Flattr klicken"; a
        # label's word is ASCII letters, so "über" reads as "ber", a word of no button)
        "klick",
        "klicken",
        "um",
        "zu",
        "zum",
        "auf",
    ]
)
# What a share button says of the window it opens ("Share on Twitter (opens in a new window)", "Auf Skype teilen (Wird
# in neuem Fenster geöffnet)"): read as none of its words
_NEW_WINDOW: Final = re.compile(
    r"\s*\((?:opens in a new (?:window|tab)|Wird in neuem Fenster geöffnet|s['’]ouvre dans une nouvelle fenêtre)\)"
)
_LABEL_WORD: Final = re.compile(r"[A-Za-z][a-z]*")  # a word of a button's label, a capital opening the next
TOOLBAR_LINE_WORDS: Final = 25  # such a bar is no longer
TOOLBAR_SHARE: Final = 0.7  # this share of its words at least are its buttons'
TOOLBAR_ACTIONS: Final = 2  # and this many of them name an action
BUTTON_WORDS: Final = 8  # one button's label is no longer


def is_toolbar(text: str, words: int) -> bool:
    """A bar of buttons to share or print the article (their labels), or one such button (a line that does not end
    as a sentence), a line of `words` words."""
    # most lines are settled at once: a paragraph ends with a full stop, a bar of buttons with a button (but for
    # short ones: "Like It. Tweet It. Digg It.")
    if text[-1:] == ")" and ("ffne" in text or "open" in text or "ouvre" in text):  # its last button's too
        text = _NEW_WINDOW.sub("", text)
        words = len(text.split())
    sentence = words > BUTTON_WORDS and text.endswith(".")
    if words > TOOLBAR_LINE_WORDS or sentence or not _may_name_a_button(text, words):
        return False
    found = [word.lower() for word in _LABEL_WORD.findall(text)]
    actions = sum(1 for word in found if word in _TOOLBAR_ACTIONS)
    known = sum(1 for word in found if word in _TOOLBAR_WORDS)
    if actions >= TOOLBAR_ACTIONS and known >= TOOLBAR_SHARE * len(found):
        return True
    if len(found) == 1:  # a button's verb alone ("Tweet", "Share"); a network's name alone may be a subheading
        return found[0] in _BUTTON_VERBS
    one_button = bool(actions) and 2 <= known == len(found) and words <= BUTTON_WORDS
    return one_button and not text.endswith((".", "!", "?"))


def _may_name_a_button(text: str, words: int) -> bool:
    """Whether the text holds a part of an action's name (a test written out: it is asked of many lines). The
    verbs of the other languages are looked for in short lines only: a longer bar names a network or e-mail too."""
    return (
        "rint" in text
        or "mail" in text
        or "hare" in text
        or "igg" in text
        or "weet" in text
        or "acebook" in text
        or "itter" in text
        or (words <= BUTTON_WORDS and _BUTTON_VERB_PART.search(text) is not None)
    )


# Parts of the buttons' verbs in German, French, Spanish and Italian: teilen, drucken, partager, imprimer and
# imprimir, compartir, condividi (twittern holds "itter"); and a photo's "Enlarge"
_BUTTON_VERB_PART: Final = re.compile("eilen|ruck|artag|mprim|ompart|ondivid|nlarge")
