"""Extractors: what fills a record's fields, chosen per record by its media type, then by what recognises it.

For each media type the extractors are tried in order; the first to claim a record reads it. Text
dumps go to the profile of the site whose page it is, then to extractors added through the pipeline's
options, then to the fallback that names the input's format or calls its site unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from builder.extract.recognise import unrecognised_text, unsupported_media_type
from builder.extract.steps import Step, run_step
from builder.extract.textdump import parse_article
from builder.record import TEXT_DUMP, Record, Reject
from builder.sites.profile import SiteProfile


class Extractor(Protocol):
    @property
    def media_type(self) -> str:
        """The media type of the records it reads (`Record.media_type`)."""
        ...

    @property
    def name(self) -> str:
        """How the rows it reads say they were read (their `extractor` column): `profile:<site>`, `generic`."""
        ...

    def claim(self, record: Record) -> Step | None:
        """The step that fills the record's fields, or None when the record is not this extractor's to read.

        Claiming may note on the record what was recognised (the site of a page).
        """
        ...


@dataclass(frozen=True)
class SiteTextExtractor:
    """A text dump of one site, read with the site's profile."""

    profile: SiteProfile
    parse: Step = parse_article
    media_type: str = TEXT_DUMP

    @property
    def name(self) -> str:
        return f"profile:{self.profile.site}"

    def claim(self, record: Record) -> Step | None:
        if not self.profile.recognises(record.text):
            return None
        record.site = self.profile
        return self.parse


@dataclass(frozen=True)
class UnrecognisedText:
    """Last for text dumps: claims every one, and rejects it as an unsupported format or an unknown site."""

    media_type: str = TEXT_DUMP
    name: str = "none"  # it reads no row

    def claim(self, record: Record) -> Step:
        return unrecognised_text


def standard_extractors(
    sites: Sequence[SiteProfile], parse: Step = parse_article, more: Iterable[Extractor] = ()
) -> tuple[Extractor, ...]:
    """The sites' text extractors in the sites' order, then `more`, then the text fallback."""
    return (*(SiteTextExtractor(profile, parse) for profile in sites), *more, UnrecognisedText())


class Extractors:
    """The extract step: the first extractor of the record's media type to claim it fills its fields."""

    stage = "recognise"  # a failure while the extractors look at a record; one in a claimed step names that step

    def __init__(self, extractors: Iterable[Extractor]) -> None:
        self.by_media_type: dict[str, list[Extractor]] = {}
        for extractor in extractors:
            self.by_media_type.setdefault(extractor.media_type, []).append(extractor)

    def __call__(self, record: Record) -> Reject | None:
        for extractor in self.by_media_type.get(record.media_type, ()):
            step = extractor.claim(record)
            if step is not None:
                record.fields["extractor"] = extractor.name
                return run_step(step, record)
        return unsupported_media_type(record)
