"""The extractor for text dumps no site profile recognises: the generic reader, helped by the corpus."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC

from builder.extract.generic.chrome import LISTED, line_key
from builder.extract.generic.columns import columns_unfolded, unwrapped_text
from builder.extract.generic.corpus import CorpusIndex
from builder.extract.generic.publisher import publisher_from_lines
from builder.extract.generic.reader import dump_lines, read_generic
from builder.extract.steps import Step
from builder.extract.textdump.lines import BLANK, listed_texts
from builder.inputs.formats import text_format
from builder.record import TEXT_DUMP, Record, Reject

GENERIC = "generic"  # the `extractor` of its rows
# `record.extracted[SITE_GROUP]`: the group of the site whose chrome the dump was read with ("" for none),
# for the build cache, which keys a generic reading by that chrome and need not find the group again
SITE_GROUP = "site_group"


@dataclass(frozen=True)
class GenericTextExtractor:
    """Claims a text dump that is not markup or JSON (those are left to the fallback, which names them).

    `corpus` holds what the build's survey found of each site's recurring lines; with an empty one,
    each dump is read on its own. `surveyed`: every dump it reads was surveyed into `corpus` (a build's
    extractor), so a dump the survey did not find laid out in columns is not searched for them again
    (~130 µs a dump, most of them); any other reader of dumps searches each one.
    """

    corpus: CorpusIndex = field(default_factory=CorpusIndex)
    media_type: str = TEXT_DUMP
    name: str = GENERIC
    surveyed: bool = False

    def claim(self, record: Record) -> Step | None:
        if text_format(record.text, record.source_file) is not None:
            return None
        return self.parse

    def parse(self, record: Record) -> Reject | None:
        """Title, byline, body... from the reader; the publisher from the site's dumps; the printed date."""
        text = record.text
        columned = self.corpus.columned  # most builds have no dump in columns: no dump's text is keyed
        if not self.surveyed or (columned and line_key(text) in columned):
            text = columns_unfolded(text)
        text, raws = unwrapped_text(text)  # a narrow cell's paragraphs one line again (`unfold_columns`)
        read = dump_lines(text, record.printable, raws)
        lines = [line for line in read[1] if line is not BLANK]
        chrome = self.corpus.chrome_for_lines(listed_texts(lines, LISTED))  # the page's `page_lines`
        record.extracted[SITE_GROUP] = chrome.group if chrome is not None else ""
        reading = read_generic(text, chrome, read)
        if isinstance(reading, Reject):
            return reading
        fields = record.fields
        fields.update(reading.fields)
        named = chrome.publisher if chrome is not None else None
        if named is None:  # no other dump of its site names it: the page's own lines may
            named = publisher_from_lines([line.text for line in lines], text)
        fields["publisher"] = named
        if reading.date is not None:
            fields["published_at_local"] = reading.date.local
            fields["published_at"] = reading.date.instant(UTC)  # a time printed with no zone is UTC
        return None
