"""Site profiles: the declarative per-site knowledge the engine reads (one YAML file per site)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from pydantic import ValidationError

from builder.errors import ConfigError
from builder.sites.model import ProfileFile, explain


@dataclass(frozen=True)
class Insert:
    """Crawl-time content dropped between body paragraphs: a marker line and the paragraphs after it."""

    marker: str
    paragraphs: int


@dataclass(frozen=True)
class SiteFacts:
    """What is true of the site whatever its pages look like: the rows' publisher and what validation expects."""

    publisher: str
    language: str  # ISO 639-1: the language its articles are written in
    timezone: ZoneInfo  # the zone its printed times are in
    launched: date  # no article can be older


@dataclass(frozen=True)
class SiteProfile:
    """One site: its name, its facts, and how its dumps are recognised and read (the layout, below).

    Profiles travel to worker processes by value (in PipelineOptions, and on the records they read):
    zones and compiled patterns pickle as their names and sources.
    """

    site: str
    facts: SiteFacts
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

    def recognises(self, text: str) -> bool:
        """A dump belongs to this site when its first non-blank line is the site's marker line."""
        head = text.lstrip()
        return head.startswith(self.first_line) and head[: len(self.first_line) + 1].strip() == self.first_line


def _separators(values: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(v) for v in values)) if values else None


def parse_profile(doc: Any) -> SiteProfile:
    """A profile from a loaded YAML document; raises pydantic's ValidationError when it is not a valid one."""
    spec = ProfileFile.model_validate(doc)
    fields, layout = spec.fields, spec.layout
    reading = fields.reading_time_minutes.line_pattern
    return SiteProfile(
        site=spec.site,
        facts=SiteFacts(
            publisher=spec.publisher, language=spec.language, timezone=ZoneInfo(spec.timezone), launched=spec.launched
        ),
        first_line=spec.recognise.first_line,
        bullet=layout.bullet,
        header_marker=layout.header_end.marker,
        header_through_blank=layout.header_end.through_blank,
        article_end=frozenset(layout.article_end),
        inserts=tuple(Insert(rule.marker, rule.paragraphs) for rule in layout.inserts),
        image_block_start=layout.image_block_start,
        author_prefix=fields.authors.bullet_prefix,
        author_separators=_separators(fields.authors.separators),
        source_prefix=fields.source.bullet_prefix,
        date_pattern=re.compile(fields.published_at.bullet_pattern),
        date_format=fields.published_at.format,
        reading_time_pattern=re.compile(reading) if reading else None,
        trailing_tags=fields.tags.trailing_bullets,
    )


def load_profile(path: Path) -> SiteProfile:
    """One profile file, validated; any problem is one ConfigError naming the file, the key and a fix."""
    try:
        return parse_profile(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as err:
        raise ConfigError(f"site profile {path}: {explain(err)}") from None
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"site profile {path} cannot be read: {err}") from None
