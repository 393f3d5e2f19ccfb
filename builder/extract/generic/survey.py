"""The survey: a first pass over a build's inputs that sketches every text dump no profile recognises.

It is an engine job (`builder.engines.Job`) like the pipeline, so inputs are read where they are
opened, in parallel; the build feeds the sketches, in input order, to a `CorpusBuilder`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from builder.extract.decode import decode
from builder.extract.generic.corpus import PageSketch, page_lines, sketch_page
from builder.extract.generic.publisher import publisher_from_lines
from builder.extract.recognise import recognise_format
from builder.inputs.formats import looks_like_html, text_format
from builder.record import TEXT_DUMP, Record
from builder.sites.profile import SiteProfile


def sketch_record(record: Record, sites: tuple[SiteProfile, ...]) -> PageSketch | None:
    """The sketch of a readable text dump that no profile recognises and that is no markup or JSON; else None.

    The checks are the pipeline's own, in its order, so the survey sketches exactly the dumps the
    generic reader will read. Most dumps of a build are usually profiled: a lenient decoding answers
    for them at a tenth of the cost of the full one (recognition reads whole lines, which the full
    decoding's cleaning leaves alone; a dump it misses goes the full way).
    """
    if record.reject is not None or record.media_type != TEXT_DUMP:
        return None
    if looks_like_html(record.data, record.source_file):  # the pipeline's first look, on the first bytes:
        return None  # an HTML page is never decoded here (a dump answers at its first byte, ~100 ns)
    lenient = record.data.decode("utf-8", "replace")
    if any(site.recognises(lenient) for site in sites):
        return None
    if recognise_format(record) is not None or decode(record, lenient) is not None:
        return None
    text = record.text
    if any(site.recognises(text) for site in sites) or text_format(text, record.source_file) is not None:
        return None
    lines = page_lines(text)
    return sketch_page(lines, publisher_from_lines(lines))


@dataclass(frozen=True)
class Survey:
    """The survey as an engine job: a batch of records in, their sketches (None where none) out."""

    sites: tuple[SiteProfile, ...]

    def start(self) -> Callable[[list[Record]], list[PageSketch | None]]:
        sites = self.sites
        return lambda records: [sketch_record(record, sites) for record in records]
