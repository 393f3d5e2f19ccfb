"""A copy of the article on the same page: a page that prints its article twice (a version for another
screen, a print view) puts its paragraphs twice in the region. The second copy is left out; a paragraph that
only repeats itself (a refrain, a chorus) stays, since its neighbours are not copied with it."""

from __future__ import annotations

from builder.extract.generic.region import PROSE_WORDS, Scored


def copied_lines(scored: Scored, start: int, stop: int) -> set[int]:
    """The lines of lines[start:stop] that repeat an earlier paragraph of the region together with their
    neighbour above or below (the copy of a run of paragraphs, in the same order)."""
    lines, prose, seen = scored.lines, scored.prose, scored.seen
    texts = [
        (i, lines[i].text)
        for i in range(start, stop)
        if (measured := prose[i]) is not None and measured.words >= PROSE_WORDS
    ]
    if not any(seen[text] > 1 for _, text in texts):  # most pages print no paragraph twice
        return set()
    last = {text: n for n, (_, text) in enumerate(texts)}
    copies: set[int] = set()
    for n, (i, text) in enumerate(texts):
        m = last[text]
        if m == n:
            continue
        for step in (-1, 1):
            if _same_neighbour(texts, n, m, step):
                copies.add(i)
                break
    return copies


def _same_neighbour(texts: list[tuple[int, str]], n: int, m: int, step: int) -> bool:
    """Whether paragraph n's neighbour (`step` away) is paragraph m's, and another paragraph than n."""
    if not (0 <= n + step < len(texts) and 0 <= m + step < len(texts)):
        return False
    neighbour = texts[n + step][1]
    return neighbour == texts[m + step][1] and neighbour != texts[n][1]
