"""Assemble a classified dump into the article's schema fields: roles in, field values out."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from builder.extract.textdump.classified import Classified
from builder.extract.textdump.lines import (
    BODY,
    BYLINE,
    DATE,
    IMAGE,
    INSERT,
    LEAD,
    READING_TIME,
    SOURCE,
    TAGS,
    TITLE,
    paragraph_text,
)
from builder.sites.profile import SiteProfile


class Assembled(NamedTuple):
    fields: dict[str, Any]  # schema fields by name
    extracted: dict[str, str]  # raw strings for later steps: the date as printed


def assemble(classified: Classified, profile: SiteProfile) -> Assembled:
    """The fields read from the classified lines; when a meta line appears twice, the last one counts."""
    fields: dict[str, Any] = {"publisher": profile.facts.publisher, "title": None, "authors": [], "source": None}
    fields.update(reading_time_minutes=None, summary=None, images=[], tags=[])
    extracted: dict[str, str] = {}
    body: list[str] = []
    lines, roles = classified.lines, classified.roles
    for start, stop in classified.groups:
        role = roles[start]
        if role is BODY:
            line = lines[start]
            one_line = stop - start == 1 and not line.bullet  # most paragraphs
            body.append(line.text if one_line else _paragraph(classified, start, stop, profile.bullet))
        elif role is LEAD:
            fields["summary"] = _paragraph(classified, start, stop, profile.bullet)
        elif role is not INSERT:
            for i in range(start, stop):
                _read(classified, i, profile, fields, extracted)
    fields["body"] = "\n\n".join(body)
    return Assembled(fields, extracted)


def _paragraph(classified: Classified, start: int, stop: int, bullet: str) -> str:
    lines = classified.lines
    return paragraph_text(lines[start:stop], bullet, as_list=lines[start].bullet)  # a list opens with a bullet


def _read(
    classified: Classified, i: int, profile: SiteProfile, fields: dict[str, Any], extracted: dict[str, str]
) -> None:
    """One line that fills a field by itself (a line of any other role fills none)."""
    role, line = classified.roles[i], classified.lines[i]
    if role is IMAGE:
        images = fields["images"]
        if line.bullet:
            images.append({"alt": line.text, "caption": None})
        elif i in classified.values:  # an image line (fields.images.line_pattern): the value is its alt
            images.append({"alt": classified.values[i], "caption": None})
        elif not images:  # a caption by its pattern with no image before it: an image known by its caption
            images.append({"alt": "", "caption": line.text})
        else:
            caption = images[-1]["caption"]
            images[-1]["caption"] = f"{caption} {line.text}" if caption else line.text
    elif role is TAGS:
        listed = classified.values.get(i)  # a tags line (fields.tags.line_prefix), else one tag a bullet
        if listed is None:
            fields["tags"].append(line.text)
        else:
            fields["tags"].extend(_split(listed, profile.tag_separators))
    elif role is TITLE:
        fields["title"] = line.text
    elif role is BYLINE:
        fields["authors"] = _split(classified.values[i], profile.author_separators)
    elif role is SOURCE:
        fields["source"] = classified.values[i].strip() or None
    elif role is READING_TIME:
        fields["reading_time_minutes"] = int(classified.values[i])
    elif role is DATE:
        extracted["published_at"] = classified.values[i]


def _split(listed: str, separators: re.Pattern[str] | None) -> list[str]:
    """The names or tags of one line, split at its separators, blank parts dropped."""
    parts = separators.split(listed) if separators else [listed]
    return [part.strip() for part in parts if part.strip()]
