"""Small pages for the generic reader's head tests: lines of a head over three paragraphs about seals on a
sandbank, and a ferry story whose dates are only under it; and how a test reads a page."""

from __future__ import annotations

from builder.extract.generic.reader import GenericReading, read_generic

SEAL_PARAGRAPHS = [
    "Seals have come back to the sandbank off the harbour mouth for the first time in a decade, the wardens who"
    " count them every spring said on Tuesday morning.",
    "Forty seals lay on the sandbank at low tide, and the wardens ask boat owners to keep their distance while the"
    " young are born in the coming weeks.",
    "The sandbank was closed to visitors last year, and the wardens believe the quiet brought the seals back to"
    " the harbour mouth.",
]


# A headline long enough to lose to a shorter line near the prose (the model's length signs)
LONG_HEADLINE = "Wardens count forty seals on the sandbank as the harbour mouth stays closed to visitors"


def read_page(page: str) -> GenericReading:
    """The generic reader's reading of the page, which must be one (no reject)."""
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    return reading


def seal_page(*head: str, paragraphs: list[str] = SEAL_PARAGRAPHS) -> str:
    """A page of the lines `head` (each a block of its own) over the article's paragraphs."""
    return "\n\n".join([*head, *paragraphs]) + "\n"


# A ferry story whose only date lines are under it ({footer}) and in its comments ({comment_meta}).
DATE_ONLY_IN_THE_FOOTER = """Harbour Weekly

Night ferries return to the northern islands

The first night ferry in two winters left the harbour on Saturday with more than two hundred passengers on board, most of them islanders going home for the weekend.

The company had stopped the crossings when the old ships failed their inspection in 2019, and the new ones were delivered only last month after a long delay at the yard in the south.

Islanders had waited for the crossings to return for a long time, and many of them said on the quay that the ferry was the only way for their families to visit them in the winter.

The harbour master said the timetable would stay the same through the spring, with one crossing each night and two on the weekend when the weather allows the ships to sail.

The second ship of the line is due in the harbour next month, once its crew has finished the training the company asked of them after the inspection of the old ships.

{footer}

Comments

{comment_meta}

I took the ferry last week and it was on time both ways.
"""
