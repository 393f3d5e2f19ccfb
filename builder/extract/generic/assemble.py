"""The fields of a generic reading, from its classified lines: the same group semantics as the profile
assembler (a BODY or LEAD group is one paragraph; a list keeps one item per line), with the generic
reading's own meta: authors from the head, captions under image file names, tags from a tag list."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from builder.extract.generic.markers import RULE_ALT, RULE_IMAGE
from builder.extract.textdump.classified import Classified
from builder.extract.textdump.lines import BODY, IMAGE, LEAD, TAGS, TITLE, Line, paragraph_text
from builder.record import RENDERED_BULLET

# A table's border that w3m printed on the headline's line ("US mulling extra Marines ┌──────"), and the marks it
# prints alone before or after it: a nested list's bullet ("* Ryan dismayed by Gloucester"), a linked image with no
# alt text ("_ The Free Lunch Is Over"). No words of the headline.
_BORDERS_AND_MARKS: Final = re.compile(r"^(?:[\s\u2500-\u257f]|[*_](?= ))+|(?:[\s\u2500-\u257f]|(?<= )[*_])+$")

# A paragraph of signs alone is none: empty list items of a gallery ("•"), a dialog's close button ("×"), an image
# with no text ("[]"), a rule ("————"). A program's brace and a diagram's box drawing are kept.
_BARE_SIGNS: Final = re.compile(r"[\s•·×|#+_.\-–—\[\]]*")
_COUNT_END: Final = re.compile(r"\s+\d+$")
# Images a text browser printed after the headline on its line, each its file's name in brackets ("Roasted Chicken
# [brands5c9b]", "UCLA in Chow's future? [20080114_1][20080114_0]"): no space, no capital, and a digit, "_" or "-"
# in it. A label the site puts after its headlines ("[Video]", "[guest post]", "[INFOGRAPHIC]") is the headline's.
_IMAGE_NAMES_AFTER: Final = re.compile(r"(?:\s*\[[a-z0-9._-]*[0-9_-][a-z0-9._-]*\])+$")
_NUMBERED: Final = re.compile(r"\d{1,2}\. ")  # an item of a numbered list, as a text browser prints it
CRUMB_LINES: Final = 15  # a breadcrumb stands this close over the headline
CRUMB_WORDS: Final = 3  # a page's name in a breadcrumb is this long or longer to be the headline's...
KICKER_WORDS: Final = 6  # ...after a kicker this short
PATH_SEPARATORS: Final = 2  # a breadcrumb printed as a path ("home / News / ...") has this many slashes or more
_DASHED: Final = re.compile(r" [-–—] ")

if TYPE_CHECKING:
    from builder.extract.generic.head import Head


def assemble(page: Classified, head: Head) -> dict[str, Any]:
    """title, authors, summary, body, tags, images, source and reading time (the last two never shown)."""
    fields: dict[str, Any] = {"title": None, "authors": list(head.authors), "summary": None, "body": ""}
    fields.update(tags=[], images=[], source=None, reading_time_minutes=None)
    body: list[str] = []
    images: list[dict[str, str | None]] = fields["images"]
    roles, values = page.roles, page.values
    for start, stop in page.groups:
        role = roles[start]
        if role is BODY:
            paragraph = _paragraph(page, start, stop)
            if paragraph[:1].isalnum() or _BARE_SIGNS.fullmatch(paragraph) is None:  # most open with a word
                body.append(paragraph)
        elif role is LEAD:
            fields["summary"] = _paragraph(page, start, stop)
            # The body's first paragraph too, over the byline and date (a standfirst) or under them: bodies made
            # by hand hold it, as readability.js's and trafilatura's often do not.
            body.append(fields["summary"])
        elif role is TITLE:
            fields["title"] = _title(page, start, head.title_end)
        elif role is TAGS:
            fields["tags"].extend(tag for tag in values.get(start, "").split(", ") if tag)
        elif role is IMAGE:
            _read_image(images, page.rules[start], values.get(start) or None)
    fields["body"] = "\n\n".join(body)
    return fields


def _title(page: Classified, at: int, end: int | None = None) -> str:
    """The headline's line up to `end` (where its date starts, `head.title_end`), without a table's border or a mark
    around it, nor an image's file name before it or after it, nor a count after it (a forum's comments: "Steve Jobs'
    Yacht Revealed 40") when the page prints the headline without it as a line of its own."""
    line = page.lines[at].text[:end]
    text = _BORDERS_AND_MARKS.sub("", line) or line
    if (bare := _without_image_names(text)) is not text:  # the signs before the images are the line's end now
        text = _BORDERS_AND_MARKS.sub("", bare) or bare
    text = _without_file_name(text)
    text = _without_kicker(page, at, text)
    count = _COUNT_END.search(text)
    if count is None or count.start() == 0:
        return text
    headline = text[: count.start()]
    return headline if any(line.text == headline for line in page.lines) else text


def _without_kicker(page: Classified, at: int, text: str) -> str:
    """The headline without the kicker a text browser glued before it ("Holocaust-Gedenktag Erinnerung an die
    Opfer der NS-Verbrechen", "Auftragshoch bei FACC : Luftfahrtbranche hebt ab"), when the breadcrumb over it
    names the page by the headline alone (`_crumb_names`)."""
    for crumb in _crumb_names(page, at, text):
        if crumb.count(" ") + 1 < CRUMB_WORDS or not text.endswith(" " + crumb):
            continue
        kicker = text[: -len(crumb)].rstrip(" :")
        if kicker and kicker.count(" ") < KICKER_WORDS:
            return crumb
    return text


def _crumb_names(page: Classified, at: int, text: str) -> list[str]:
    """The names a breadcrumb over the headline `text` (line `at`) may give the page: the last item of a list above
    (`_last_items`), its part before a dash (the headline, then the kicker: "Daten von Rheinmetall
    gehackt - Interne Unterlagen im Netz"), its part after the kicker's colon where the headline's line prints
    none ("Deutschlandtakt: Flixbus attackiert Deutsche Bahn" over "Deutschlandtakt Flixbus attackiert ..."); the
    last part of a path ("home / InfoStream / Eigentumsvorbehalt: Das sollten ...")."""
    names = []
    for item in _last_items(page, at):
        names.append(item)
        parts = _DASHED.split(item)
        if len(parts) == 2:
            names.append(parts[0])
        kicker, colon, headline = item.partition(": ")
        if colon and text.startswith(kicker + " ") and kicker + colon not in text:
            names.append(headline)
    for line in page.lines[max(0, at - CRUMB_LINES) : at]:
        if line.text.count(" / ") >= PATH_SEPARATORS:
            names.append(line.text.rsplit(" / ", 1)[1])
    return names


def _last_items(page: Classified, at: int) -> list[str]:
    """The text of the last item (a bullet, or a number and a dot) of each list over line `at`, within CRUMB_LINES
    lines, nearest first: a breadcrumb may stand over a list of links ("Anzeige") that a blank line sets apart."""
    items: list[str] = []
    below_is_item = False  # whether the line right under (blank or not) is a list's item: a blank line ends a list
    for line in reversed(page.lines[max(0, at - CRUMB_LINES + 1) : at]):
        item = _item_text(line) if line.text else None
        if item is not None and not below_is_item:
            items.append(item)
        below_is_item = item is not None
    return items


def _item_text(line: Line) -> str | None:
    if line.bullet:
        return line.text
    numbered = _NUMBERED.match(line.text)
    return line.text[numbered.end() :] if numbered is not None else None


def _without_image_names(text: str) -> str:
    """The headline without the bracketed file names of images printed after it (`_IMAGE_NAMES_AFTER`); a
    headline keeps a letter or a digit."""
    if not text.endswith("]"):  # most headlines: no search
        return text
    found = _IMAGE_NAMES_AFTER.search(text)
    if found is None:
        return text
    rest = text[: found.start()]
    return rest if any(c.isalnum() for c in rest) else text


def _without_file_name(text: str) -> str:
    """The headline without the file name of a linked image with no alt text, which a text browser prints in
    front of it ("Shutterstock_111999368 Enjoy That Cup Of Arabica", "New%20design%206 Sanaa Notebook"): a word
    with an escaped space, or with an underscore and a digit. A headline keeps at least two words."""
    first, _, rest = text.partition(" ")
    if rest.count(" ") < 1 or not ("%20" in first or ("_" in first and any(c.isdigit() for c in first))):
        return text
    return rest


def _read_image(images: list[dict[str, str | None]], rule: str, value: str | None) -> None:
    """A file name or an alt text opens an image; a caption goes to the image above it, if it has none."""
    if rule == RULE_ALT:
        images.append({"alt": value, "caption": None})
    elif rule == RULE_IMAGE:
        images.append({"alt": None, "caption": None})
    elif images and images[-1]["caption"] is None:
        images[-1]["caption"] = value
    else:
        images.append({"alt": None, "caption": value})


def _paragraph(page: Classified, start: int, stop: int) -> str:
    lines = page.lines[start:stop]
    if len(lines) == 1 and not lines[0].bullet:
        return lines[0].text
    return paragraph_text(lines, RENDERED_BULLET, as_list=any(line.bullet for line in lines))
