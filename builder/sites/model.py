"""The schema of a site profile file, validated: unknown keys are errors that name the file, the key and a fix.

A profile keeps the site's facts (who publishes it, in which language and time zone, since when) at
its top level, apart from `recognise`, `layout` and `fields`, which say how its dumps look.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Literal, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from builder.record import RENDERED_BULLET


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compiles(pattern: str | None) -> str | None:
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"not a valid regular expression: {err}") from None
    return pattern


def _no_zone_directive(fmt: str) -> str:
    if "%z" in fmt or "%Z" in fmt:
        raise ValueError(
            "a printed zone is not read: leave it outside the pattern's group (the profile's `timezone` applies)"
        )
    return fmt


class Recognise(_Strict):
    """A dump is the site's when its first non-blank line is `first_line` and every one of `lines` appears."""

    first_line: str | None = Field(default=None, min_length=1, description="the first non-blank line of every page")
    lines: list[str] = Field([], description="whole lines (spaces collapsed) that must all appear")
    where: Literal["anywhere", "first", "last"] = "anywhere"  # where `lines` are looked for
    within: int | None = Field(default=None, ge=1, description="with `where: first|last`: how many non-blank lines")

    @model_validator(mode="after")
    def _something_to_recognise(self) -> Recognise:
        if self.first_line is None and not self.lines:
            raise ValueError("give `first_line` or `lines` (or both): a profile must recognise its pages")
        if (self.where == "anywhere") != (self.within is None):
            raise ValueError("`within` (a number of non-blank lines) goes with `where: first` or `where: last`")
        if any(not line.strip() for line in self.lines):
            raise ValueError("`lines` holds a blank line, which recognises nothing")
        return self


class HeaderEnd(_Strict):
    marker: str | None = None  # the whole line that ends the page header; none: the header is not cut
    through_blank: bool = False  # the header runs on after the marker up to the first blank line


class InsertRule(_Strict):
    """A line dropped from the body with the paragraphs after it: a `marker` line, or a line matching `pattern`."""

    marker: str | None = Field(default=None, min_length=1)
    pattern: str | None = None
    paragraphs: int = Field(0, ge=0)

    _pattern_compiles = field_validator("pattern")(_compiles)

    @model_validator(mode="after")
    def _one_way(self) -> InsertRule:
        if (self.marker is None) == (self.pattern is None):
            raise ValueError("give `marker` (a whole line) or `pattern` (a regular expression), one of them")
        return self


class Layout(_Strict):
    bullet: str = Field(RENDERED_BULLET, min_length=1)  # how the dump renders a list item: "  • item"
    header_end: HeaderEnd = HeaderEnd()
    article_end: list[str] = Field(min_length=1)  # whole lines; the first after the meta lines ends the article
    inserts: list[InsertRule] = []
    image_block_start: str | None = None  # a bullet opening an image block: bullets after it are alt texts


class AuthorsRule(_Strict):
    bullet_prefix: str | None = Field(default=None, min_length=1)  # a bullet starting so is the byline: "  • By A"
    line_prefix: str | None = Field(default=None, min_length=1)  # a plain line starting so is the byline: "By A and B"
    separators: list[str] = []  # what splits the names


class SourceRule(_Strict):
    bullet_prefix: str | None = Field(default=None, min_length=1)  # a bullet starting so names the source
    line_prefix: str | None = Field(default=None, min_length=1)  # a plain line starting so names the source


class DateRule(_Strict):
    """The date line: a whole bullet or plain line matching a pattern; its group 1 if any, else the whole
    line, is read with `format` (strptime) as a wall-clock time in the profile's `timezone`."""

    bullet_pattern: str | None = None
    line_pattern: str | None = None
    format: str = Field(min_length=1)

    _pattern_compiles = field_validator("bullet_pattern", "line_pattern")(_compiles)
    _format_has_no_zone = field_validator("format")(_no_zone_directive)

    @model_validator(mode="after")
    def _a_pattern(self) -> DateRule:
        if self.bullet_pattern is None and self.line_pattern is None:
            raise ValueError("give `bullet_pattern` or `line_pattern`: the date line's regular expression")
        return self


class ReadingTimeRule(_Strict):
    line_pattern: str | None = None  # a whole plain line; group 1 is the number of minutes

    _pattern_compiles = field_validator("line_pattern")(_compiles)


class TagsRule(_Strict):
    trailing_bullets: bool = False  # the bullet list that closes the article is its tags
    after_marker: str | None = Field(default=None, min_length=1)  # the bullets after this whole line are the tags
    line_prefix: str | None = Field(default=None, min_length=1)  # a plain line starting so lists the tags: "Tags: a, b"
    separators: list[str] = []  # what splits the tags of a `line_prefix` line


class ImagesRule(_Strict):
    """Images shown as plain lines (Al Mayadeen's bullet image blocks are `layout.image_block_start`)."""

    line_pattern: str | None = None  # a whole line that is an image; group 1 if any, else the line, is its alt
    caption_follows: bool = False  # the lines under an image line, in its paragraph, are its caption
    caption_pattern: str | None = None  # a paragraph of one line matching this, anywhere, is a caption

    _pattern_compiles = field_validator("line_pattern", "caption_pattern")(_compiles)


class Fields(_Strict):
    authors: AuthorsRule = AuthorsRule()
    source: SourceRule = SourceRule()
    published_at: DateRule
    reading_time_minutes: ReadingTimeRule = ReadingTimeRule()
    tags: TagsRule = TagsRule()
    images: ImagesRule = ImagesRule()


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
        """The profile as YAML, keys in the model's order, those left at their defaults left out; loading it
        back gives an equal profile."""
        doc = self.model_dump(mode="json", exclude_defaults=True)
        return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


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


class Problem(NamedTuple):
    """What is wrong with a profile: where (pydantic's location of the key), what, and how to fix it."""

    location: tuple[int | str, ...]
    message: str
    fix: str


GUIDE = "see `Site profiles` in the README for every key"


def explain(error: ValidationError) -> Problem:
    """The first problem; a misspelt key first, as it also explains a missing one."""
    first = min(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
    location = tuple(first["loc"])
    key = ".".join(str(part) for part in location) or "(top level)"
    if first["type"] == "extra_forbidden":
        model = _model_at(location)
        known = list(model.model_fields) if model else []
        close = difflib.get_close_matches(str(location[-1]), known, n=1)
        fix = f"did you mean `{close[0]}`?" if close else f"known keys here: {', '.join(known)}"
        return Problem(location, f"unknown key `{key}`", fix)
    if not location:  # an empty file, or a list or a string where the profile's keys belong
        return Problem(location, "the file holds no profile (a mapping of keys)", f"start from `site: ...`; {GUIDE}")
    if first["type"] == "missing":
        return Problem(location, f"`{key}` is missing", f"add it; {GUIDE}")
    return Problem(location, f"`{key}`: {first['msg'].removeprefix('Value error, ')}", GUIDE)
