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
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import NamedTuple

from builder.extract.generic.chrome import SiteChrome, line_keys, packed_counts
from builder.extract.textdump.lines import line_texts
from builder.record import RENDERED_BULLET

FRAME_LINES = 12  # distinct lines read at each end of a page for its frame
SAME_SITE = 0.3  # least Jaccard similarity of two frames to call their dumps one site's
SAMPLE = 200  # dumps of a group whose lines are counted: enough to tell chrome, and memory stays flat
MAX_LINES = 2000  # distinct lines of a page counted, at most (a page of 10,000 lines is not an article)
COUNTING = 1024  # groups kept with a Counter at once (the others packed): sites whose dumps came lately


class PageSketch(NamedTuple):  # a tuple: it crosses from the survey's workers, and pickles as one when compiled
    """What the corpus needs of one dump: its frame (first and last lines), its lines, a name it shows."""

    frame: frozenset[int]
    lines: tuple[int, ...]  # distinct, in page order
    name: str | None  # the publisher the page shows, if any
    first_line: str  # to name the group to users


def page_lines(text: str) -> list[str]:
    """The page's non-blank lines, collapsed, bullets removed: the form every line key is taken of."""
    return line_texts(text, RENDERED_BULLET)


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


def sketch_page(lines: Sequence[str], name: str | None) -> PageSketch:
    """The sketch of a page from its `page_lines`."""
    # A page repeats many of its lines (menus, share bars): each distinct one is keyed once.
    keys = tuple(dict.fromkeys(line_keys(dict.fromkeys(lines))))[:MAX_LINES]
    return PageSketch(frame_of(lines), keys, name, lines[0][:60] if lines else "")


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
    # A Counter costs ~100 bytes a key: a group not counted lately keeps its counts packed in arrays
    # (12 bytes a key), keys sorted, and a group of one dump its dump's keys alone (`counts` None: once each).
    # A corpus of many sites is mostly such groups.
    keys: array[int] | None = None
    counts: array[int] | None = None
    counter: Counter[int] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)

    def count(self, lines: tuple[int, ...]) -> None:
        """Counts the lines of one more sampled dump. When the last sample is counted, the lines seen in one
        dump only go (only lines of two dumps or more are the site's chrome): a big site keeps its chrome."""
        self.sampled += 1
        if self.sampled == 1:
            self.keys = array("Q", lines)
            return
        self.unpack()
        self.counter.update(lines)
        if self.sampled == SAMPLE:
            self.counter = Counter({key: count for key, count in self.counter.items() if count >= 2})

    def pack(self) -> None:
        self.keys, self.counts = packed_counts(self.counter)
        self.counter = Counter()

    def unpack(self) -> None:
        if self.keys is None:
            return
        if self.counts is None:
            self.counter.update(self.keys)
        else:
            self.counter.update(dict(zip(self.keys, self.counts, strict=True)))
        self.keys = self.counts = None

    def recurring(self) -> dict[int, int]:
        """The lines of two sampled dumps or more, with their counts."""
        if self.keys is None:
            return {key: count for key, count in self.counter.items() if count >= 2}
        if self.counts is None:
            return {}
        return {key: count for key, count in zip(self.keys, self.counts, strict=True) if count >= 2}


class CorpusBuilder:
    """Takes page sketches in input order; `index()` gives the groups and their recurring lines."""

    def __init__(self) -> None:
        self.frames = FrameIndex()
        self.groups: list[_Group] = []
        self.counting: OrderedDict[int, _Group] = OrderedDict()  # groups with a Counter, least recent first

    def add(self, sketch: PageSketch) -> None:
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
            if group.sampled >= 2:
                self._counted(group)

    def _counted(self, group: _Group) -> None:
        """Keeps the COUNTING groups counted last with a Counter; the one counted least lately is packed."""
        counting = self.counting
        if group.number in counting:
            counting.move_to_end(group.number)
            return
        counting[group.number] = group
        if len(counting) > COUNTING:
            counting.popitem(last=False)[1].pack()

    def add_all(self, sketches: Iterable[PageSketch | None]) -> None:
        for sketch in sketches:
            if sketch is not None:
                self.add(sketch)

    def index(self) -> CorpusIndex:
        """The groups of two dumps or more (one dump alone says nothing of its site's chrome)."""
        kept = [group for group in self.groups if group.sampled >= 2]
        return CorpusIndex(
            tuple(self.frames.frames[group.number] for group in kept), tuple(_site_chrome(g) for g in kept)
        )


def _site_chrome(group: _Group) -> SiteChrome:
    # The name most of its dumps show; among equally common ones the first in alphabetical order.
    name = min(group.names.items(), key=lambda item: (-item[1], item[0]))[0] if group.names else None
    label = f"site {group.number + 1}: {group.members} dumps, starting {group.first_line!r}"
    return SiteChrome(label, group.sampled, group.recurring(), name)


class CorpusIndex:
    """The sites of a build's unprofiled dumps: founding frames and the chrome of each. Travels to workers."""

    def __init__(self, frames: tuple[array[int], ...] = (), chrome: tuple[SiteChrome, ...] = ()) -> None:
        self.frames, self.chrome = frames, chrome
        self._index = FrameIndex(frames)
        self._groups = {site.group: site for site in chrome}

    def __reduce__(self) -> tuple[type[CorpusIndex], tuple[tuple[array[int], ...], tuple[SiteChrome, ...]]]:
        return CorpusIndex, (self.frames, self.chrome)  # the frame index is rebuilt where it is used

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
