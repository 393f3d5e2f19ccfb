"""`explain`: how one dump is read, line by line (role and why), and what row or reject it gives.

The same steps as a build: the site profile that recognises the dump reads it, else the generic
reader (helped by the corpus of the site's other dumps when one is given). The CLI prints the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from builder.engines.local import Serial
from builder.errors import InputPathError
from builder.extract.decode import decode
from builder.extract.extractors import SiteTextExtractor
from builder.extract.generic.chrome import SiteChrome
from builder.extract.generic.columns import unfold_columns
from builder.extract.generic.corpus import CorpusIndex
from builder.extract.generic.extractor import GENERIC, GenericTextExtractor
from builder.extract.generic.reader import dump_lines, read_generic
from builder.extract.generic.survey import survey
from builder.extract.textdump import Line, Role, classify
from builder.extract.textdump.lines import BLANK, read_line
from builder.inputs.files import DEFAULT_MAX_BYTES, discover
from builder.pipeline import Pipeline, PipelineOptions
from builder.record import RENDERED_BULLET, Record, Reject
from builder.sites.profile import SiteProfile


@dataclass(frozen=True)
class Explanation:
    source_file: str
    extractor: str  # `profile:<site>`, `generic`, or "none" when nothing reads the dump
    site: str | None  # the corpus's name for the dump's site (generic), when the corpus knows it
    lines: list[tuple[Line, Role, str]]  # every line of the page: its role and why
    fields: dict[str, Any]  # the row's fields when it became one
    reject: Reject | None  # else why not


def corpus_of(paths: Sequence[Path], sites: tuple[SiteProfile, ...]) -> CorpusIndex:
    """The corpus index of the unprofiled dumps under `paths` (a build's survey, in this process)."""
    return survey(discover(paths), sites, DEFAULT_MAX_BYTES, Serial())


def explain(
    path: Path, sites: tuple[SiteProfile, ...], corpus: CorpusIndex | None = None, now: datetime | None = None
) -> Explanation:
    """How the dump at `path` is read. `corpus`: its site's other dumps (None: the dump is read alone)."""
    if path.stat().st_size > DEFAULT_MAX_BYTES:
        raise InputPathError(f"{path} is larger than {DEFAULT_MAX_BYTES} bytes: not a page a build would read")
    data = path.read_bytes()
    generic = GenericTextExtractor(corpus or CorpusIndex())
    options = PipelineOptions(now=now or datetime.now(UTC), sites=sites, generic=generic, fingerprint=False)
    record = Pipeline(options).process(Record(source_file=path.name, data=data))
    text = _text(path.name, data)
    extractor = record.fields.get("extractor") or "none"
    if extractor == GENERIC:
        text = unfold_columns(text)  # the lines as the generic reader reads them
    chrome = generic.corpus.chrome_for(text) if extractor == GENERIC else None
    site = chrome.group if chrome is not None else None
    lines = list(_lines(text, extractor, sites, chrome))
    fields = record.fields if record.reject is None else {}
    return Explanation(path.name, extractor, site, lines, fields, record.reject)


def _text(source_file: str, data: bytes) -> str:
    """The dump decoded as the pipeline decodes it."""
    record = Record(source_file=source_file, data=data)
    return "" if decode(record) is not None else record.text


def _lines(
    text: str, extractor: str, sites: Iterable[SiteProfile], chrome: SiteChrome | None
) -> Iterable[tuple[Line, Role, str]]:
    """Every line with its role and rule, from the reader that read the dump (none: every line unread)."""
    profile = next((site for site in sites if SiteTextExtractor(site).name == extractor), None)
    if profile is not None:
        classified = classify(text, profile)
        if not isinstance(classified, Reject):
            return classified.rows(profile.bullet)
    elif extractor == GENERIC:
        reading = read_generic(text, chrome, dump_lines(text))
        if not isinstance(reading, Reject):
            return reading.classified.rows(RENDERED_BULLET)
    unread = (read_line(raw, RENDERED_BULLET) for raw in text.split("\n"))
    return ((line, Role.BLANK if line is BLANK else Role.CHROME, "not read") for line in unread)
