"""Site profiles: the declarative per-site knowledge the engine reads (one YAML file per site)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from pydantic import ValidationError

from builder.errors import ConfigError
from builder.sites.marks import line_of
from builder.sites.model import ProfileFile, explain
from builder.sites.recognition import has_lines


@dataclass(frozen=True)
class Insert:
    """Crawl-time content dropped between body paragraphs: a marker line (or a line matching a pattern)
    and the paragraphs after it."""

    marker: str | None
    paragraphs: int
    pattern: re.Pattern[str] | None = None


@dataclass(frozen=True)
class SiteFacts:
    """What is true of the site whatever its pages look like: the rows' publisher and what validation expects."""

    publisher: str
    language: str  # ISO 639-1: the language its articles are written in
    timezone: ZoneInfo  # the zone its printed times are in
    launched: date  # no article can be older


@dataclass(frozen=True, slots=True)  # slots: ~30 fields; attribute reads stay fast (no shared-keys dict)
class SiteProfile:
    """One site: its name, its facts, and how its dumps are recognised and read (the layout, below).

    Profiles travel to worker processes by value (in PipelineOptions, and on the records they read):
    zones and compiled patterns pickle as their names and sources.
    """

    site: str
    facts: SiteFacts
    first_line: str | None
    bullet: str
    header_marker: str | None
    header_through_blank: bool
    article_end: frozenset[str]
    inserts: tuple[Insert, ...]
    image_block_start: str | None
    author_prefix: str | None
    author_separators: re.Pattern[str] | None
    source_prefix: str | None
    date_pattern: re.Pattern[str] | None
    date_format: str
    reading_time_pattern: re.Pattern[str] | None
    trailing_tags: bool
    # Recognition by whole lines (`recognise.lines`): which, and where (anywhere, or within the first or
    # last `recognise_within` non-blank lines).
    recognise_lines: frozenset[str] = frozenset()
    recognise_where: str = "anywhere"
    recognise_within: int | None = None
    # Meta lines printed as plain lines rather than bullets.
    author_line_prefix: str | None = None
    source_line_prefix: str | None = None
    date_line_pattern: re.Pattern[str] | None = None
    # Tags as a run of bullets after a marker line, or as one plain line split by separators.
    tags_marker: str | None = None
    tags_line_prefix: str | None = None
    tag_separators: re.Pattern[str] | None = None
    # Images as plain lines, their captions under them or as lines of their own.
    image_line_pattern: re.Pattern[str] | None = None
    caption_follows: bool = False
    caption_pattern: re.Pattern[str] | None = None

    def recognises(self, text: str) -> bool:
        """A dump belongs to this site when its first non-blank line is the site's marker line (where the
        profile names one) and every line of `recognise_lines` appears where the profile says."""
        if self.by_lines:
            return self._recognises_by_lines(text)
        first: str = self.first_line  # type: ignore[assignment]  # a profile without lines has a first line
        head = text.lstrip()
        return head.startswith(first) and head[: len(first) + 1].strip() == first

    def _recognises_by_lines(self, text: str) -> bool:
        first = self.first_line
        if first is not None:
            head = text.lstrip()
            if not (head.startswith(first) and head[: len(first) + 1].strip() == first):
                return False
        return has_lines(text, self.recognise_lines, self.recognise_where, self.recognise_within)

    # Derived, so that the reader of Al Mayadeen's layout skips the rules it does not use with one test.
    by_lines: bool = field(init=False)  # recognised by `recognise_lines` (else by its first line alone)
    plain_meta: bool = field(init=False)  # a plain line (not a bullet) can be a byline, source or date line
    plain_content: bool = field(init=False)  # a plain line of the body can be an image, caption, tags line or insert

    def __post_init__(self) -> None:
        plain_meta = bool(self.author_line_prefix or self.source_line_prefix or self.date_line_pattern)
        plain_content = bool(
            self.image_line_pattern
            or self.caption_pattern
            or self.tags_line_prefix
            or any(insert.pattern for insert in self.inserts)
        )
        object.__setattr__(self, "by_lines", bool(self.recognise_lines))
        object.__setattr__(self, "plain_meta", plain_meta)  # frozen: set once, here
        object.__setattr__(self, "plain_content", plain_content)


def _separators(values: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(v) for v in values)) if values else None


def _compiled(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern is not None else None


def parse_profile(doc: Any) -> SiteProfile:
    """A profile from a loaded YAML document; raises pydantic's ValidationError when it is not a valid one."""
    spec = ProfileFile.model_validate(doc)
    fields, layout, recognise = spec.fields, spec.layout, spec.recognise
    return SiteProfile(
        site=spec.site,
        facts=SiteFacts(
            publisher=spec.publisher, language=spec.language, timezone=ZoneInfo(spec.timezone), launched=spec.launched
        ),
        first_line=recognise.first_line,
        recognise_lines=frozenset(" ".join(line.split()) for line in recognise.lines),
        recognise_where=recognise.where,
        recognise_within=recognise.within,
        bullet=layout.bullet,
        header_marker=layout.header_end.marker,
        header_through_blank=layout.header_end.through_blank,
        article_end=frozenset(layout.article_end),
        inserts=tuple(Insert(rule.marker, rule.paragraphs, _compiled(rule.pattern)) for rule in layout.inserts),
        image_block_start=layout.image_block_start,
        author_prefix=fields.authors.bullet_prefix,
        author_line_prefix=fields.authors.line_prefix,
        author_separators=_separators(fields.authors.separators),
        source_prefix=fields.source.bullet_prefix,
        source_line_prefix=fields.source.line_prefix,
        date_pattern=_compiled(fields.published_at.bullet_pattern),
        date_line_pattern=_compiled(fields.published_at.line_pattern),
        date_format=fields.published_at.format,
        reading_time_pattern=_compiled(fields.reading_time_minutes.line_pattern),
        trailing_tags=fields.tags.trailing_bullets,
        tags_marker=fields.tags.after_marker,
        tags_line_prefix=fields.tags.line_prefix,
        tag_separators=_separators(fields.tags.separators),
        image_line_pattern=_compiled(fields.images.line_pattern),
        caption_follows=fields.images.caption_follows,
        caption_pattern=_compiled(fields.images.caption_pattern),
    )


def load_profile(path: Path) -> SiteProfile:
    """One profile file, validated; any problem is one ConfigError naming the file, the line, what is wrong
    and (as its hint) a fix."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"site profile {path} cannot be read: {err}", "pass a UTF-8 text file") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        doc = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        raise ConfigError(f"site profile {path}{_yaml_problem(err)}", _YAML_FIX) from None
    except yaml.YAMLError as err:
        raise ConfigError(f"site profile {path}: {err}", _YAML_FIX) from None
    try:
        return parse_profile(doc)
    except ValidationError as err:
        problem = explain(err)
        line = line_of(root, problem.location)
        raise ConfigError(f"site profile {path} line {line}: {problem.message}", problem.fix) from None


def _yaml_problem(err: yaml.MarkedYAMLError) -> str:
    """` line N: the problem` as the YAML parser marks it, with the construct it was reading and where that began."""
    mark = err.problem_mark or err.context_mark
    told = f" line {mark.line + 1}: {err.problem or err}" if mark else f": {err}"
    if err.context and err.context_mark:
        told += f" ({err.context} that begins on line {err.context_mark.line + 1})"
    return told


_YAML_FIX = "this is not valid YAML: check the indentation and quote values holding `: `, `#` or a leading `*`"
