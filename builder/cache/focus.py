"""Dedup focused on what changed: an incremental build judges only the rows a change can reach.

A row's verdict depends only on the earlier rows that share a dedup key with it. So a row holding no key
that another input of the build holds is kept, whatever the others are: it need not be judged, indexed
or spilled. Which keys two inputs hold is known without looking at every row when:

- the build that committed the cache kept the keys it found shared (`Deduplicator.shared_keys`, over
  every input that reached the date check, so a moved `--now` changes nothing), and
- the inputs the cache does not vouch for by their stat (new, edited, renamed files, archives) are run
  first, so their keys are known before the stream starts.

A key two inputs of this build hold is then either held by two inputs of the previous build (vouched
files are that build's inputs, unchanged), or by an input of the first pass: the focus is the union of
both. The first pass's outcomes are kept in memory and handed out in their turn by the build's own pass
(`builder.cache.here`), and cached like any others. When too much changed, or the previous build kept no
shared keys, every row is judged as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from builder.cache.session import BuildCache
from builder.cache.stats import StatedFile, StatIndex
from builder.engines import Executor, WorkItem, planned_inputs
from builder.engines.local import run_pipeline
from builder.inputs.containers import Part
from builder.pipeline import PipelineOptions

MOST_CHANGED = 0.1  # share of the inputs not vouched for above which every row is judged
KEPT_AT_MOST = 20_000  # changed parts remembered by the walk (~5 MB); more: every row is judged
_UNKNOWN = 1 << 40  # an archive whose members only reading tells: too many to run first


class Changed:
    """The first walk over the inputs (`StatIndex.unvouched`: what the survey reads), keeping the parts the
    cache does not vouch for while they are few enough to run first."""

    def __init__(self, stats: StatIndex, parts: Iterable[Part], keep: bool = True) -> None:
        """`keep`: whether a first pass may follow (the cache kept shared keys); if not, no part is kept."""
        self.total = 0
        self.changed = 0
        self.parts: list[WorkItem] | None = [] if keep else None
        self._walk = stats.unvouched(self._counted(parts))
        self._walked = False

    def _counted(self, parts: Iterable[Part]) -> Iterator[Part]:
        for part in parts:
            self.total += planned_inputs(part) or _UNKNOWN
            yield part

    def __iter__(self) -> Iterator[Part]:
        for part in self._walk:
            self.changed += planned_inputs(part) or _UNKNOWN
            if self.parts is not None:
                self.parts.append(part)
                if len(self.parts) > KEPT_AT_MOST:  # the share is known only at the end; memory is bounded now
                    self.parts = None
            yield part
        self._walked = True

    @property
    def walked_all(self) -> bool:
        """Whether the walk is over and yielded every part: the cache vouched for none (a first build, or one of
        dumps no profile reads, which are always read again), so the survey that walked it read every input."""
        return self._walked and self.changed == self.total

    def first(self) -> list[WorkItem] | None:
        """The parts to run first, or None when too many changed (the walk is finished here if the survey did not)."""
        if not self._walked:
            for _ in self:
                pass
        return self.parts if self.changed <= MOST_CHANGED * self.total else None


def focus_dedup(
    cache: BuildCache, changed: Changed, pipeline: PipelineOptions, max_bytes: int, workers: int | Executor
) -> None:
    """Run the changed inputs first and focus the build's dedup (`cache.focus`), when it pays and is sound."""
    previous = cache.previous_shared()
    if previous is None:  # no shared keys kept
        return
    parts = changed.first()
    if parts is None or not all(isinstance(part, StatedFile) for part in parts):
        return  # too many changed, or an archive among them (its members are not loose files)
    cache.first_pass(run_pipeline(parts, cache.job(pipeline, max_bytes), max_bytes, workers), previous)
