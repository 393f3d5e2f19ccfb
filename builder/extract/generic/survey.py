"""The survey: a first pass over a build's inputs that sketches every text dump no profile recognises.

It is an engine job (`builder.engines.Job`) like the pipeline, so inputs are read where they are
opened, in parallel; the build feeds the sketches, in input order, to a `CorpusBuilder`.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from builder.engines import Executor, WorkItem, planned_inputs
from builder.engines.local import run_pipeline, run_task
from builder.extract.decode import decode
from builder.extract.generic.chrome import line_key
from builder.extract.generic.columns import columns_unfolded, unwrapped_text
from builder.extract.generic.corpus import (
    CorpusBuilder,
    CorpusIndex,
    PageSketch,
    page_lines,
    sketch_page,
    unlisted,
)
from builder.extract.generic.publisher import publisher_from_lines
from builder.extract.recognise import recognise_format
from builder.inputs.containers import plan_inputs
from builder.inputs.files import InputFile
from builder.inputs.formats import looks_like_html, text_format
from builder.record import TEXT_DUMP, Record
from builder.sites.profile import SiteProfile

# The survey reads its first inputs in the build process, this many at a time, for about as long as
# starting the worker processes takes: 50 to 90 ms from the forkserver, which has imported their modules
# by then (a longer wait leaves the other core idle in a big build: 0.3 s cost it ~0.15 s of its time).
SURVEY_HERE_SECONDS = 0.1
HERE_CHUNK = 64


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
    unfolded = columns_unfolded(text)
    columned = None if unfolded == text else line_key(text)
    read, raws = unwrapped_text(unfolded)  # the lines as the reader reads them (`unfold_columns`)
    lines = page_lines(read, record.printable, raws)
    return sketch_page(lines, publisher_from_lines(unlisted(lines), read), columned)


@dataclass(frozen=True)
class Survey:
    """The survey as an engine job: a batch of records in, their sketches (None where none) out."""

    sites: tuple[SiteProfile, ...]

    def start(self) -> Callable[[list[Record]], list[PageSketch | None]]:
        sites = self.sites
        return lambda records: [sketch_record(record, sites) for record in records]


def survey(
    inputs: Iterable[InputFile], sites: tuple[SiteProfile, ...], max_bytes: int, workers: int | Executor
) -> CorpusIndex:
    """The first pass, for the generic reader: the unprofiled dumps grouped by site, each site's chrome counted."""
    return surveyed(plan_inputs(inputs, max_bytes), sites, max_bytes, workers)


def surveyed(
    items: Iterable[WorkItem], sites: tuple[SiteProfile, ...], max_bytes: int, workers: int | Executor
) -> CorpusIndex:
    """The survey's sketches of the work items, gathered by site."""
    corpus = CorpusBuilder()
    rest: Iterable[WorkItem] = items
    if isinstance(workers, int) and workers > 1:
        rest = _surveyed_here(items, corpus, Survey(sites), max_bytes)
    for sketches in run_pipeline(rest, Survey(sites), max_bytes, workers):
        corpus.add_all(sketches)
    return corpus.index()


def _surveyed_here(items: Iterable[WorkItem], corpus: CorpusBuilder, job: Survey, max_bytes: int) -> Iterator[WorkItem]:
    """Survey the first items in this process, for as long as starting worker processes would take: an
    incremental build's few changed files need no workers (no worker starts for no work). The items
    left, in order; where they are read changes no sketch, and the sketches are gathered in order."""
    sketch = job.start()
    iterator = iter(items)
    deadline = time.monotonic() + SURVEY_HERE_SECONDS
    while time.monotonic() < deadline:
        chunk = list(itertools.islice(iterator, HERE_CHUNK))
        if not chunk:
            break
        big = next((at for at, item in enumerate(chunk) if (planned_inputs(item) or HERE_CHUNK + 1) > HERE_CHUNK), None)
        for done in run_task(sketch, chunk[:big], max_bytes):
            corpus.add_all(done.batch)
        if big is not None:  # an archive of many records (or of a count only opening tells) goes to the workers
            return itertools.chain(chunk[big:], iterator)
    return iterator
