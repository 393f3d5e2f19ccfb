"""What the other dumps of a site say about a line: a line that recurs across a site's dumps is its chrome.

The build surveys the dumps no profile recognises, groups them by site (their shared header and footer
lines) and counts, per group, in how many dumps each line appears. A `SiteChrome` carries those counts
to the worker that reads one dump of the group.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Final, NamedTuple

from xxhash import xxh3_64_intdigest

from builder.record import RENDERED_BULLET

# A list item's text is keyed after this mark. A site's "Recent posts" list prints the headlines of its
# other articles in every dump: as list items they recur, but the same words standing alone, one dump's
# headline, are not its chrome.
LISTED: Final = RENDERED_BULLET + " "


def line_key(text: str) -> int:
    """A 64-bit key of a line's collapsed text, the same in every process (str's own hash is salted).

    XXH3's 64 bits make collisions among a site's few thousand lines as unlikely as a cryptographic
    digest would, at 155 ns a line with its encoding: the survey keys every line of every dump. (A CRC-32
    and an Adler-32 side by side took 383 ns, and Adler-32 spreads short lines, most of a menu, badly.)
    """
    return line_keys((text,))[0]


def line_keys(texts: Iterable[str]) -> list[int]:
    """`line_key` of each text, in one comprehension: the survey keys hundreds of lines a page, and a call
    per line cost as much as the hashing."""
    digest = xxh3_64_intdigest
    return [digest(data) for data in [text.encode("utf-8", "surrogatepass") for text in texts]]


def packed_counts(counts: Mapping[int, int]) -> tuple[array[int], array[int]]:
    """Line keys and their counts as two arrays, keys sorted: 12 bytes a line, where a dict takes ~100."""
    ordered = sorted(counts.items())
    return array("Q", [key for key, _ in ordered]), array("I", [count for _, count in ordered])


class _Met(NamedTuple):
    texts: dict[str, int]  # the lines met that recur often enough, with their counts
    wanted: int  # how many lines recur that often


LIVE_SITES: Final = 1024  # sites whose counts a process keeps as a dict at once (~20-50 KB each, with the lines met)


class SiteChrome:
    """The recurring lines of one group of dumps (one site), counted over `dumps` of them.

    The counts travel and wait as two arrays (12 bytes a line: a build of thousands of sites sends every
    site's to every worker); a process that reads a site's dumps makes them a dict, for the last
    LIVE_SITES sites it read, with the lines it has met (`found_in`).
    """

    __slots__ = ("_lookup", "_met", "ad_marked", "counts_of_keys", "dumps", "group", "keys", "publisher")

    def __init__(self, group: str, dumps: int, recurring: Mapping[int, int], publisher: str | None = None) -> None:
        self.group = group  # how the group is named to users ("site 3: starts 'The Daily Planet'")
        self.dumps = dumps  # how many dumps the counts were taken over
        # The line keys of the lines in 2 dumps or more, and in how many.
        self.keys, self.counts_of_keys = packed_counts(recurring)
        self.publisher = publisher  # the site's name as its dumps show it, when found
        self._lookup: dict[int, int] | None = None
        self._met: dict[float, _Met] = {}  # the recurring lines met, by how many dumps they must be in
        self.ad_marked: dict[str, bool] = {}  # recurring lines met, whether each holds an advertisement's mark

    @staticmethod
    def packed(group: str, dumps: int, keys: array[int], counts: array[int], publisher: str | None) -> SiteChrome:
        """A SiteChrome from `packed_counts`' two arrays (keys sorted, each in 2 dumps or more)."""
        site = SiteChrome(group, dumps, {}, publisher)
        site.keys, site.counts_of_keys = keys, counts
        return site

    def __reduce__(self) -> tuple[Callable[..., SiteChrome], tuple[str, int, array[int], array[int], str | None]]:
        return _unpickled, (self.group, self.dumps, self.keys, self.counts_of_keys, self.publisher)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SiteChrome):
            return NotImplemented
        return (self.group, self.dumps, self.keys, self.counts_of_keys, self.publisher) == (
            other.group,
            other.dumps,
            other.keys,
            other.counts_of_keys,
            other.publisher,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SiteChrome({self.group!r}, {self.dumps}, {len(self.keys)} recurring lines, {self.publisher!r})"

    @property
    def recurring(self) -> Mapping[int, int]:
        """line_key -> dumps holding the line (2 or more), in key order."""
        if self._lookup is None:
            self._lookup = dict(zip(self.keys, self.counts_of_keys, strict=True))
        _keep_live(self)
        return self._lookup

    def count(self, text: str) -> int:
        """In how many of the group's dumps the line (collapsed, without its bullet) appears; 0 if in one only."""
        return self.recurring.get(line_key(text), 0)

    def counts(self, texts: Iterable[str]) -> list[int]:
        """`count` of each text."""
        get = self.recurring.get
        return [get(key, 0) for key in line_keys(texts)]

    def found_in(self, texts: Collection[str], least: float) -> dict[str, int]:
        """The texts (distinct) that `least` of the group's dumps or more hold, with their counts.

        A worker reads many dumps of a site, and their recurring lines are the same few texts: it keeps
        each one it has met. Once it has met every line that recurs that often, a text it has not met is
        none of them (two texts of one key are out of reach, see `line_key`), and no text is keyed any more.
        """
        met = self._met.get(least)
        if met is None:
            wanted = sum(count >= least for count in self.counts_of_keys)
            met = self._met[least] = _Met({}, wanted)
        if len(met.texts) < met.wanted:  # some are still to be met: key the texts not met yet
            unknown = [text for text in texts if text not in met.texts]
            for text, count in zip(unknown, self.counts(unknown), strict=True):
                if count >= least:
                    met.texts[text] = count
        else:
            _keep_live(self)
        known = met.texts
        return {text: known[text] for text in texts if text in known}

    def _forget(self) -> None:
        """Drop the dict and the lines met: the arrays stay, and give them again when asked."""
        self._lookup = None
        self._met = {}
        self.ad_marked = {}


def _unpickled(group: str, dumps: int, keys: array[int], counts: array[int], publisher: str | None) -> SiteChrome:
    """A SiteChrome from its arrays, as it travels to a worker (no dict made on the way)."""
    return SiteChrome.packed(group, dumps, keys, counts, publisher)


# The sites whose dicts a process keeps, least recently read first: held here, so an id is never reused
# while it is a key.
_LIVE: Final[OrderedDict[int, SiteChrome]] = OrderedDict()


def _keep_live(site: SiteChrome) -> None:
    key = id(site)
    if key in _LIVE:
        _LIVE.move_to_end(key)
        return
    _LIVE[key] = site
    if len(_LIVE) > LIVE_SITES:
        _LIVE.popitem(last=False)[1]._forget()
