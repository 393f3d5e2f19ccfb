"""The schema of a site profile file, validated: unknown keys are errors that name the file, the key and a fix.

A profile keeps the site's facts (who publishes it, in which language and time zone, since when) at
its top level, apart from `recognise`, `layout` and `fields`, which say how its dumps look.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compiles(pattern: str | None) -> str | None:
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"not a valid regular expression: {err}") from None
    return pattern


class Recognise(_Strict):
    first_line: str = Field(min_length=1, description="the first non-blank line of every page of the site")


class HeaderEnd(_Strict):
    marker: str | None = None
    through_blank: bool = False


class InsertRule(_Strict):
    marker: str = Field(min_length=1)
    paragraphs: int = Field(ge=0)


class Layout(_Strict):
    bullet: str = Field(min_length=1)
    header_end: HeaderEnd = HeaderEnd()
    article_end: list[str] = Field(min_length=1)
    inserts: list[InsertRule] = []
    image_block_start: str | None = None


class AuthorsRule(_Strict):
    bullet_prefix: str | None = None
    separators: list[str] = []


class SourceRule(_Strict):
    bullet_prefix: str | None = None


class DateRule(_Strict):
    bullet_pattern: str
    format: str = Field(min_length=1)

    _pattern_compiles = field_validator("bullet_pattern")(_compiles)


class ReadingTimeRule(_Strict):
    line_pattern: str | None = None

    _pattern_compiles = field_validator("line_pattern")(_compiles)


class TagsRule(_Strict):
    trailing_bullets: bool = False


class Fields(_Strict):
    authors: AuthorsRule = AuthorsRule()
    source: SourceRule = SourceRule()
    published_at: DateRule
    reading_time_minutes: ReadingTimeRule = ReadingTimeRule()
    tags: TagsRule = TagsRule()


class ProfileFile(_Strict):
    """One `builder/sites/<site>.yaml`: the site's facts, then how its dumps are recognised and read."""

    site: str = Field(pattern=r"^[a-z0-9_]+$")
    publisher: str = Field(min_length=1)
    language: str = Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code")
    timezone: str
    launched: date
    recognise: Recognise
    layout: Layout
    fields: Fields

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {name!r}; use an IANA name such as Asia/Beirut") from None
        return name

    def to_yaml(self) -> str:
        """The profile as YAML, keys in the model's order; loading it back gives an equal profile."""
        return yaml.safe_dump(self.model_dump(mode="json"), sort_keys=False, allow_unicode=True)


def _model_at(location: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model that holds the key at `location` (the key's parent), to suggest a spelling."""
    model: type[BaseModel] | None = ProfileFile
    for key in location[:-1]:
        if isinstance(key, int) or model is None:
            continue  # a list index: the list's item model is already in hand
        field = model.model_fields.get(key)
        candidates = getattr(field.annotation, "__args__", None) or (field.annotation,) if field else ()
        model = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
    return model


def explain(error: ValidationError) -> str:
    """The first problem as `key: what is wrong (fix)`; a misspelt key first, as it also explains a missing one."""
    first = min(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
    location = first["loc"]
    key = ".".join(str(part) for part in location) or "(top level)"
    if first["type"] == "extra_forbidden":
        model = _model_at(location)
        known = list(model.model_fields) if model else []
        close = difflib.get_close_matches(str(location[-1]), known, n=1)
        fix = f"did you mean `{close[0]}`?" if close else f"known keys here: {', '.join(known)}"
        return f"unknown key `{key}` ({fix})"
    if first["type"] == "missing":
        return f"`{key}` is missing (add it; see builder/sites/almayadeen_en.yaml for an example)"
    return f"`{key}`: {first['msg'].removeprefix('Value error, ')}"
