"""The forms a text browser prints: an input box is "[ ]", and a comment form is several of them that ask what a
comment form asks (a newsletter's form, which asks for an e-mail address alone, is none)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from builder.extract.generic.region import Scored

FORM_FIELDS: Final = 3  # a comment form shows at least this many fields...
FORM_WINDOW: Final = 16  # ...within this many lines


def _is_form(text: str) -> bool:
    """w3m prints an input box as "[    ]" (collapsed to "[ ]")."""
    return "[ " in text or " ]" in text


def is_form_field(text: str) -> bool:
    """A line with an input box, whether or not the site's corpus has already made it chrome."""
    return "[" in text and _is_form(text)


def comment_form_at(scored: Scored, start: int, stop: int) -> int | None:
    """The first line of lines[start:stop] that opens a form of several fields (a comment form: name, e-mail,
    website, text), or None. A single field (a search box, a newsletter sign-up) is no comment form."""
    fields: list[int] = []
    for i in range(start, stop):
        if not is_form_field(scored.lines[i].text):  # the text, not the rule: the corpus may have set another
            continue
        fields.append(i)
        while fields[0] < i - FORM_WINDOW:
            fields.pop(0)
        if len(fields) >= FORM_FIELDS and _labelled(scored, fields[0], i + 1):
            return fields[0]
    return None


# What a comment form asks besides an e-mail address: a newsletter's form (an address, a box to tick, "Sign up") is
# none, and the article may go on under it
_FORM_LABEL: Final = re.compile(
    r"\b(?:name|website|url|comments?|message|reply|post|nom|kommentare?|nombre|nome|commento|reactie|naam|"
    r"antworten|publicar)\b",
    re.IGNORECASE,
)


def _labelled(scored: Scored, start: int, stop: int) -> bool:
    """Whether a line of lines[start:stop] names what a comment form asks ("Name", "Website", "Post comment"):
    bare boxes beside the article's lines (a sidebar's search, w3m printing a table beside it) are none."""
    return any(_FORM_LABEL.search(scored.lines[i].text) for i in range(start, stop))
