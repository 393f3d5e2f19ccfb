"""Letters quoted in an article: a letter's head (its sender over its date, the addressee under it) reads as another
article's head, a headline-like line over a date line, unless its salutation ("Dear Sophia,") follows."""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.region import Scored, following

SALUTATION_UNDER: Final = 3  # a letter's salutation follows its date within this many lines (the addressee's between)
# "Dear Sophia,", "Liebe Martina,", "Sehr geehrte Frau Hinrichs,", "Chère Anne,", "Querida Ana,"; not a closing
# ("Liebe Grüße,")
_SALUTATION: Final = re.compile(
    r"(?:Dear|Liebe[rs]?|Sehr\s+geehrte[rs]?|Cher|Chère|Chers|Chères|Querid[oa]s?|Estimad[oa]s?|Caro|Cara|Beste)"
    r"\s+(?!Grüße)[^.!?]{1,60},"
)


def opens_letter(scored: Scored, i: int) -> bool:
    """Whether a letter's salutation follows line i (a date line) closely: the date is a letter's, not another
    article's."""
    return any(_SALUTATION.fullmatch(scored.lines[j].text) for j in following(scored, i, SALUTATION_UNDER))
