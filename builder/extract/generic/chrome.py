"""What the other dumps of a site say about a line: a line that recurs across a site's dumps is its chrome.

The build surveys the dumps no profile recognises, groups them by site (their shared header and footer
lines) and counts, per group, in how many dumps each line appears. A `SiteChrome` carries those counts
to the worker that reads one dump of the group.
"""

from __future__ import annotations

import zlib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple


def line_key(text: str) -> int:
    """A 64-bit key of a line's collapsed text, the same in every process (str's own hash is salted).

    CRC-32 and Adler-32 side by side: two independent checksums make collisions among a site's few
    thousand lines as unlikely as a cryptographic digest would, at a third of blake2b's cost (the survey
    keys every line of every dump).
    """
    return line_keys((text,))[0]


def line_keys(texts: Iterable[str]) -> list[int]:
    """`line_key` of each text, in one comprehension: the survey keys hundreds of lines a page, and a call
    per line cost as much as the checksums."""
    crc32, adler32 = zlib.crc32, zlib.adler32
    return [crc32(data) << 32 | adler32(data) for data in [text.encode("utf-8", "surrogatepass") for text in texts]]


class _Met(NamedTuple):
    texts: dict[str, int]  # the lines met that recur often enough, with their counts
    wanted: int  # how many lines recur that often


@dataclass(frozen=True)
class SiteChrome:
    """The recurring lines of one group of dumps (one site), counted over `dumps` of them."""

    group: str  # how the group is named to users ("site 3: starts 'The Daily Planet'")
    dumps: int  # how many dumps the counts were taken over
    recurring: Mapping[int, int] = field(default_factory=dict)  # line_key -> dumps holding it (2 or more)
    publisher: str | None = None  # the site's name as its dumps show it, when found
    # the recurring lines met so far in this process, by how many dumps they must be in (`found_in`)
    _met: dict[float, _Met] = field(default_factory=dict, init=False, repr=False, compare=False)

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
            wanted = sum(count >= least for count in self.recurring.values())
            met = self._met[least] = _Met({}, wanted)
        if len(met.texts) < met.wanted:  # some are still to be met: key the texts not met yet
            unknown = [text for text in texts if text not in met.texts]
            for text, count in zip(unknown, self.counts(unknown), strict=True):
                if count >= least:
                    met.texts[text] = count
        known = met.texts
        return {text: known[text] for text in texts if text in known}
