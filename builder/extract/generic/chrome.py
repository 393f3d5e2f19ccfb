"""What the other dumps of a site say about a line: a line that recurs across a site's dumps is its chrome.

The build surveys the dumps no profile recognises, groups them by site (their shared header and footer
lines) and counts, per group, in how many dumps each line appears. A `SiteChrome` carries those counts
to the worker that reads one dump of the group.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field


def line_key(text: str) -> int:
    """A 64-bit key of a line's collapsed text, the same in every process (str's own hash is salted)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


@dataclass(frozen=True)
class SiteChrome:
    """The recurring lines of one group of dumps (one site), counted over `dumps` of them."""

    group: str  # how the group is named to users ("site 3: starts 'The Daily Planet'")
    dumps: int  # how many dumps the counts were taken over
    recurring: Mapping[int, int] = field(default_factory=dict)  # line_key -> dumps holding it (2 or more)
    publisher: str | None = None  # the site's name as its dumps show it, when found

    def count(self, text: str) -> int:
        """In how many of the group's dumps the line (collapsed, without its bullet) appears; 0 if in one only."""
        return self.recurring.get(line_key(text), 0)
