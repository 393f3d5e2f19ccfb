"""Site profiles: the declarative per-site knowledge the engine reads (one YAML file per site)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from builder.errors import ConfigError


@dataclass(frozen=True)
class Insert:
    """Crawl-time content dropped between body paragraphs: a marker line and the paragraphs after it."""

    marker: str
    paragraphs: int


@dataclass(frozen=True)
class SiteProfile:
    site: str
    publisher: str
    language: str
    timezone: ZoneInfo
    launched: date
    first_line: str
    bullet: str
    header_marker: str | None
    header_through_blank: bool
    article_end: frozenset[str]
    inserts: tuple[Insert, ...]
    image_block_start: str | None
    author_prefix: str | None
    author_separators: re.Pattern[str] | None
    source_prefix: str | None
    date_pattern: re.Pattern[str]
    date_format: str
    reading_time_pattern: re.Pattern[str] | None
    trailing_tags: bool

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # Records cross process boundaries: send the site's name, not its compiled patterns and zone.
        from builder.sites import site_by_name

        return site_by_name, (self.site,)

    def recognises(self, text: str) -> bool:
        """A dump belongs to this site when its first non-blank line is the site's marker line."""
        head = text.lstrip()
        return head.startswith(self.first_line) and head[: len(self.first_line) + 1].strip() == self.first_line


def _get(doc: dict[str, Any], dotted: str, default: Any = ...) -> Any:
    node: Any = doc
    for key in dotted.split("."):
        if not isinstance(node, dict) or key not in node:
            if default is ...:
                raise ConfigError(f"site profile is missing `{dotted}`")
            return default
        node = node[key]
    return node


def _separators(values: list[str] | None) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(v) for v in values)) if values else None


def parse_profile(doc: dict[str, Any]) -> SiteProfile:
    try:
        zone = ZoneInfo(_get(doc, "timezone"))
    except ZoneInfoNotFoundError as err:
        raise ConfigError(f"site profile {doc.get('site')}: unknown time zone {err}") from err
    reading = _get(doc, "fields.reading_time_minutes.line_pattern", None)
    inserts = tuple(Insert(i["marker"], int(i["paragraphs"])) for i in _get(doc, "layout.inserts", []))
    return SiteProfile(
        site=_get(doc, "site"),
        publisher=_get(doc, "publisher"),
        language=_get(doc, "language"),
        timezone=zone,
        launched=_get(doc, "launched"),
        first_line=_get(doc, "recognise.first_line"),
        bullet=_get(doc, "layout.bullet"),
        header_marker=_get(doc, "layout.header_end.marker", None),
        header_through_blank=bool(_get(doc, "layout.header_end.through_blank", False)),
        article_end=frozenset(_get(doc, "layout.article_end")),
        inserts=inserts,
        image_block_start=_get(doc, "layout.image_block_start", None),
        author_prefix=_get(doc, "fields.authors.bullet_prefix", None),
        author_separators=_separators(_get(doc, "fields.authors.separators", None)),
        source_prefix=_get(doc, "fields.source.bullet_prefix", None),
        date_pattern=re.compile(_get(doc, "fields.published_at.bullet_pattern")),
        date_format=_get(doc, "fields.published_at.format"),
        reading_time_pattern=re.compile(reading) if reading else None,
        trailing_tags=bool(_get(doc, "fields.tags.trailing_bullets", False)),
    )


def load_profile(path: Path) -> SiteProfile:
    try:
        return parse_profile(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as err:
        raise ConfigError(f"site profile {path.name} is malformed: {err}") from err
