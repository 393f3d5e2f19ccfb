"""Group the dumps of a build by site and count each site's recurring lines: its chrome.

Dumps of one site open and close with the same navigation and footer, whatever the article. A survey
of the build's unprofiled dumps sketches each one (`sketch_page`: the keys of its first and last lines,
and of all its lines); `CorpusBuilder` takes the sketches in input order, puts each dump in the group
whose founding dump's frame it shares most (or founds a new group), and counts the lines of the first
`SAMPLE` dumps of every group. `CorpusIndex` then gives the `SiteChrome` of any dump, in any process (sites
of one dump are left out: a lone dump says nothing of its site's chrome).

Everything depends only on the sketches and their order (the order of the inputs), never on timing
or on which worker read what, so the same inputs give the same groups and counts.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Final, NamedTuple

import numpy as np

from builder.extract.generic.chrome import LISTED, SiteChrome, line_keys
from builder.extract.textdump.lines import line_texts
from builder.record import RENDERED_BULLET

FRAME_LINES: Final = 12  # distinct lines read at each end of a page for its frame
SAME_SITE: Final = 0.3  # least Jaccard similarity of two frames to call their dumps one site's
SAMPLE: Final = 200  # dumps of a group whose lines are counted: enough to tell chrome, and memory stays flat
MAX_LINES: Final = 2000  # distinct lines of a page counted, at most (a page of 10,000 lines is not an article)
# Fresh keys a group holds before they are folded into its counts (512 KB; not Final: a test lowers it)
FOLD_KEYS = 1 << 16


class PageSketch(NamedTuple):  # a tuple: it crosses from the survey's workers, and pickles as one when compiled
    """What the corpus needs of one dump: its frame (first and last lines), its lines, a name it shows."""

    frame: frozenset[int]
    lines: array[int]  # keys of its distinct lines, in page order: 8 bytes each, sent and counted whole
    name: str | None  # the publisher the page shows, if any
    first_line: str  # to name the group to users
    # `line_key` of the dump's text when it is laid out in columns (`unfold_columns` changes it), else None:
    # the reader need not search the others for columns again (`CorpusIndex.columned`)
    columned: int | None = None


def page_lines(text: str, printable: bool = False, raws: list[str] | None = None) -> list[str]:
    """The page's non-blank lines, collapsed, a list item's after `LISTED` (its bullet): the form every line key
    is taken of. `printable`, `raws`: as for `dump_lines`."""
    return line_texts(text, RENDERED_BULLET, LISTED, printable, raws)


def unlisted(lines: Iterable[str]) -> list[str]:
    """`page_lines` with no list item's mark: the lines as the rest of the reader reads them."""
    cut = len(LISTED)
    return [line[cut:] if line.startswith(LISTED) else line for line in lines]


def frame_of(lines: Sequence[str]) -> frozenset[int]:
    """Keys of the first and last FRAME_LINES distinct lines."""
    head = list(dict.fromkeys(lines[: FRAME_LINES * 2]))[:FRAME_LINES]
    tail = list(dict.fromkeys(reversed(lines[-FRAME_LINES * 2 :])))[:FRAME_LINES]
    return frozenset(line_keys(head + tail))


def page_frame(text: str) -> frozenset[int]:
    """`frame_of(page_lines(text))`, reading only the page's ends: a page may have thousands of lines."""
    raws = text.split("\n")
    if len(raws) <= FRAME_LINES * 16:
        return frame_of(page_lines(text))
    ends = FRAME_LINES * 8  # enough raw lines, blank ones and all, for the distinct non-blank ones wanted
    head, tail = page_lines("\n".join(raws[:ends])), page_lines("\n".join(raws[-ends:]))
    if len(head) < FRAME_LINES * 2 or len(tail) < FRAME_LINES * 2:
        return frame_of(page_lines(text))  # mostly blank ends: read it all
    return frame_of(head[: FRAME_LINES * 2] + tail[-FRAME_LINES * 2 :])


def sketch_page(lines: Sequence[str], name: str | None, columned: int | None = None) -> PageSketch:
    """The sketch of a page from its `page_lines` (`columned`: see `PageSketch`)."""
    # A page repeats many of its lines (menus, share bars): each key is kept once, in page order (every line is
    # keyed: ~50 us a page, a little less than putting the texts in a dict first to key each once).
    keys = array("Q", list(dict.fromkeys(line_keys(lines)))[:MAX_LINES])
    return PageSketch(frame_of(lines), keys, name, lines[0][:60] if lines else "", columned)


class FrameIndex:
    """Founding frames, with an index from a frame line to the frames holding it."""

    def __init__(self, frames: Iterable[Iterable[int]] = ()) -> None:
        # 8 bytes a key, not a frozenset's ~40: a corpus of many sites keeps a frame for each.
        self.frames: list[array[int]] = []
        self.holding: dict[int, int] = {}  # a frame line -> the first frame holding it
        self.more: dict[int, list[int]] = {}  # -> the other frames holding it (few: most lines are one site's)
        for frame in frames:
            self.add(frame)

    def add(self, frame: Iterable[int]) -> int:
        number = len(self.frames)
        keys = array("Q", sorted(frame))
        self.frames.append(keys)
        holding, more = self.holding, self.more
        for key in keys:
            if key in holding:
                more.setdefault(key, []).append(number)
            else:
                holding[key] = number
        return number

    def best(self, frame: frozenset[int]) -> int | None:
        """The frame this one shares most (the first added wins a tie), if similar enough: its number."""
        # Each frame holding one of this frame's lines, with how many of them it holds (the size of the two
        # frames' intersection, counted in C), rather than a set intersection with every candidate.
        holding, more = self.holding, self.more
        shared = Counter([number for key in frame if (number := holding.get(key)) is not None])
        if more and (others := [numbers for key in frame if (numbers := more.get(key))]):
            shared.update(chain.from_iterable(others))
        size, frames = len(frame), self.frames
        scored = [(count / (size + len(frames[number]) - count), -number) for number, count in shared.items()]
        best = max(scored, default=None)  # the frames' Jaccard similarity; the first frame added on a tie
        return -best[1] if best and best[0] >= SAME_SITE else None


@dataclass(slots=True)
class _Group:
    number: int
    first_line: str
    members: int = 0
    sampled: int = 0
    # The keys of the sampled dumps' lines as they come (8 bytes each, appended in C), folded now and then
    # into the distinct keys, sorted, with their counts (12 bytes a key; a Counter would cost ~100): a
    # corpus of many sites keeps thousands of groups.
    fresh: array[int] = field(default_factory=lambda: array("Q"))
    keys: np.ndarray = field(default_factory=lambda: np.empty(0, np.uint64))
    counts: np.ndarray = field(default_factory=lambda: np.empty(0, np.uint32))
    names: Counter[str] = field(default_factory=Counter)

    def count(self, lines: array[int]) -> None:
        """Counts the lines of one more sampled dump. When the last sample is counted, the lines seen in one
        dump only go (only lines of two dumps or more are the site's chrome): a big site keeps its chrome."""
        self.sampled += 1
        self.fresh.extend(lines)
        if self.sampled == SAMPLE:
            self.fold(least=2)
        elif len(self.fresh) >= FOLD_KEYS:
            self.fold()

    def fold(self, least: int = 1) -> None:
        """Merge the fresh keys into the counted ones, keeping the keys of `least` dumps or more."""
        if self.fresh:
            keys = np.concatenate((self.keys, np.frombuffer(self.fresh, np.uint64)))
            weights = np.concatenate((self.counts, np.ones(len(self.fresh), np.uint32)))
            self.keys, at = np.unique(keys, return_inverse=True)
            self.counts = np.bincount(at, weights, len(self.keys)).astype(np.uint32)
            self.fresh = array("Q")
        if least > 1:
            kept = self.counts >= least
            self.keys, self.counts = self.keys[kept], self.counts[kept]

    def recurring(self) -> tuple[array[int], array[int]]:
        """The lines of two sampled dumps or more and their counts, keys sorted, as `SiteChrome` keeps them."""
        self.fold(least=2)
        keys, counts = array("Q"), array("I")
        keys.frombytes(self.keys.tobytes())  # uint64 and uint32 as they were made: the arrays' item types
        counts.frombytes(self.counts.tobytes())
        return keys, counts


class CorpusBuilder:
    """Takes page sketches in input order; `index()` gives the groups and their recurring lines."""

    def __init__(self) -> None:
        self.frames = FrameIndex()
        self.groups: list[_Group] = []
        self.columned: set[int] = set()

    def add(self, sketch: PageSketch) -> None:
        if sketch.columned is not None:
            self.columned.add(sketch.columned)
        number = self.frames.best(sketch.frame)
        if number is None:
            number = self.frames.add(sketch.frame)
            self.groups.append(_Group(number, sketch.first_line))
        group = self.groups[number]
        group.members += 1
        if sketch.name:
            group.names[sketch.name] += 1
        if group.sampled < SAMPLE:
            group.count(sketch.lines)

    def add_all(self, sketches: Iterable[PageSketch | None]) -> None:
        for sketch in sketches:
            if sketch is not None:
                self.add(sketch)

    def index(self) -> CorpusIndex:
        """The groups of two dumps or more (one dump alone says nothing of its site's chrome)."""
        kept = [group for group in self.groups if group.sampled >= 2]
        return CorpusIndex(
            tuple(self.frames.frames[group.number] for group in kept),
            tuple(_site_chrome(g) for g in kept),
            frozenset(self.columned),
        )


def _site_chrome(group: _Group) -> SiteChrome:
    # The name most of its dumps show; among equally common ones the first in alphabetical order.
    name = min(group.names.items(), key=lambda item: (-item[1], item[0]))[0] if group.names else None
    label = f"site {group.number + 1}: {group.members} dumps, starting {group.first_line!r}"
    return SiteChrome.packed(label, group.sampled, *group.recurring(), name)


class CorpusIndex:
    """The sites of a build's unprofiled dumps: founding frames and the chrome of each; and the keys of the
    dumps laid out in columns (few: table layouts of old sites), for `GenericTextExtractor.surveyed`. Travels
    to workers."""

    def __init__(
        self,
        frames: tuple[array[int], ...] = (),
        chrome: tuple[SiteChrome, ...] = (),
        columned: frozenset[int] = frozenset(),
    ) -> None:
        self.frames, self.chrome, self.columned = frames, chrome, columned
        self._index = FrameIndex(frames)
        self._groups = {site.group: site for site in chrome}

    def __reduce__(
        self,
    ) -> tuple[type[CorpusIndex], tuple[tuple[array[int], ...], tuple[SiteChrome, ...], frozenset[int]]]:
        return CorpusIndex, (self.frames, self.chrome, self.columned)  # the frame index is rebuilt where used

    def chrome_for(self, text: str) -> SiteChrome | None:
        """The chrome of the site the dump belongs to, or None when it matches none."""
        return self._chrome_of(page_frame(text)) if self.frames else None

    def chrome_for_lines(self, lines: Sequence[str]) -> SiteChrome | None:
        """`chrome_for` a dump already read into its `page_lines`: its frame is taken of them, not read again."""
        return self._chrome_of(frame_of(lines)) if self.frames else None

    def chrome_of_group(self, group: str) -> SiteChrome | None:
        """The chrome of the group `SiteChrome.group` names ("" or a name no group has: None)."""
        return self._groups.get(group)

    def _chrome_of(self, frame: frozenset[int]) -> SiteChrome | None:
        number = self._index.best(frame)
        return None if number is None else self.chrome[number]

    @property
    def dumps(self) -> int:
        return sum(chrome.dumps for chrome in self.chrome)
