"""Small pages of one layout for the generic reader's head tests: lines of a head over three paragraphs about
seals on a sandbank."""

from __future__ import annotations

SEAL_PARAGRAPHS = [
    "Seals have come back to the sandbank off the harbour mouth for the first time in a decade, the wardens who"
    " count them every spring said on Tuesday morning.",
    "Forty seals lay on the sandbank at low tide, and the wardens ask boat owners to keep their distance while the"
    " young are born in the coming weeks.",
    "The sandbank was closed to visitors last year, and the wardens believe the quiet brought the seals back to"
    " the harbour mouth.",
]


def seal_page(*head: str, paragraphs: list[str] = SEAL_PARAGRAPHS) -> str:
    """A page of the lines `head` (each a block of its own) over the article's paragraphs."""
    return "\n\n".join([*head, *paragraphs]) + "\n"
