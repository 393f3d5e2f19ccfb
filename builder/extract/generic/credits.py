"""Credit lines: a news agency or a desk credited in place of a byline. Such a line stands where a byline does,
under the headline or over the prose; the agency or desk is the article's author, and the line is never the
headline. And a photo's credit: a caption's label or an agency, which make the line, or the one over it, an
image's."""

from __future__ import annotations

import re
from typing import Final

# A news agency or a desk credited alone, or with its writer's role, in place of a byline: "The Associated
# Press", "By the Associated Press", "CanWest News Service", "By staff writers", "By Staff and news service
# reports", "Washington Post Staff Writer", "AP Golf Writer", "AP White House Correspondent", "Special to The Star".
_CREDIT_LINE: Final = re.compile(
    r"(?i:by\s+|from\s+)?(?:(?i:the)\s+)?"
    # an agency's name in capitals too ("THE CANADIAN PRESS", "By REUTERS"), as wire copy prints it
    r"(?:(?i:(?:Australian )?Associated Press|Canadian Press|Press Association|United Press International"
    r"|Agence France-Presse|Press Trust of India|Jiji Press|Europa Press)|AFP|AAP|PTI|IANS|JIJI|EFE|ANSA|TASS|Yonhap|"
    r"Interfax|Reuters|REUTERS|Bloomberg News|Kyodo(?: News)?|Xinhua|(?:[A-Z][\w.-]*\s+){1,3}News Service|"
    # a broadcaster's newsroom, its name an acronym ("CBC News", "NBC News Channel"), not a section ("Local News")
    r"[A-Z]{2,5}\s+News(?:\s+(?:Channel|Network|Wire|Online))?|(?i:staff writers?|staff(?:\s+and\s+(?:wire|news\s+services?|agency))?\s+reports?)|"
    # a desk, where it writes from: "From correspondents in Karachi, Pakistan", "From wire reports", "From our ANI
    # Correspondent", "From our own correspondent"
    r"(?:(?i:(?:our\s+)?(?:correspondents?|wire\s+reports|wire\s+services|news\s+services|news\s+agencies|agencies))|"
    r"(?i:our)\s+(?:[A-Z][\w.-]*|(?i:own|special))\s+(?i:correspondents?))"
    r"(?:\s+in\s+[A-Z][\w.'-]*(?:,?\s+[A-Z][\w.'-]*){0,3})?)"
    r"|(?:[A-Z][\w.'-]*\s+){1,4}(?i:staff\s+(?:writer|reporter|correspondent))|AP\s+(?:[A-Z]\w*\s+){0,2}(?:Writer|Correspondent)|"
    r"Special to (?:the\s+|The\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}"
)
CREDIT_CHARS: Final = 60


def is_credit_line(text: str) -> bool:
    """A line that credits an agency, a desk or a writer's role instead of naming an author: a byline's
    line, never a headline."""
    return len(text) <= CREDIT_CHARS and _CREDIT_LINE.fullmatch(text.strip(" ,.;:")) is not None


_CREDIT_OPENING: Final = re.compile(r"(?i:by|from)\s+")
_CREDIT_PLACE: Final = re.compile(r"\s+in\s+[A-Z][\w.'-]*(?:,?\s+[A-Z][\w.'-]*){0,3}$")  # "… in Karachi, Pakistan"


def credited_agency(text: str) -> str | None:
    """The agency or desk a credit line names, as the article's author ("By the Associated Press": "the Associated
    Press"; "From correspondents in Karachi, Pakistan": "correspondents"); None for a line that is no credit, or
    that credits the outlet a writer writes for ("Special to The Star")."""
    if not is_credit_line(text):
        return None
    credit = text.strip(" ,.;:")
    opening = _CREDIT_OPENING.match(credit)
    credit = _CREDIT_PLACE.sub("", credit[opening.end() :] if opening else credit)
    return None if credit.startswith("Special to") else credit


_CREDIT_ENDS: Final = ("Getty Images", "Shutterstock", "AFP", "Reuters", "dpa", "AP Photo")  # a credit ending a line
# A photo's credit or caption label anywhere in the line (the label alone at its start is `is_caption_label`).
PHOTO_CREDIT: Final = re.compile(
    r"\b(?:Photograph|Photo|Foto|Bild|Picture|Image|Credits?|Crédits?|Crédito|Fotó)(?: photos?)?\s*:|\bCourtesy of\b|"
    rf"\b(?:{'|'.join(map(re.escape, _CREDIT_ENDS))})\s*$",
)
# A photo agency alone on its line: the credit of the image above it.
_LONE_CREDIT: Final = re.compile(
    r"AP|AFP|EPA|Reuters|REUTERS|dpa|DPA|Getty Images|Getty|Shutterstock|imago|IMAGO|picture alliance"
)
AGENCY_CHARS: Final = 16  # such a line is no longer ("picture alliance")


def holds_photo_credit(text: str) -> bool:
    """Whether the line holds a photo's credit or caption label ("Foto: …", "Photograph: …", "… Getty Images").

    Most lines hold none of what the pattern needs, and its search (a word boundary first) is tried at every
    character of a line: those are told by str methods."""
    if ":" not in text and "Courtesy of" not in text and not text.rstrip().endswith(_CREDIT_ENDS):
        return False
    return PHOTO_CREDIT.search(text) is not None


def is_lone_credit(text: str) -> bool:
    """A photo agency alone on its line, after a copyright sign or not ("Getty Images", "© dpa")."""
    agency = text.lstrip("© ")
    return len(agency) <= AGENCY_CHARS and _LONE_CREDIT.fullmatch(agency) is not None
