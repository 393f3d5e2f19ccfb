"""Text a page prints twice. A copy of the article on the same page: a page that prints its article twice (a
version for another screen, a print view) puts its paragraphs twice in the region. The second copy is left out; a
paragraph that only repeats itself (a refrain, a chorus) stays, since its neighbours are not copied with it. An
image's alt text over its caption: the same sentence a line or two apart, the caption maybe with its credit."""

from __future__ import annotations

from typing import Final

from builder.extract.generic.markers import is_alt_over_caption
from builder.extract.generic.region import PROSE_WORDS, RULE_REPEATED, Scored
from builder.extract.textdump.lines import BLANK, Line

# A line this long that the page prints twice, close together, is an image's alt text and caption...
TWIN_WORDS: Final = 6
TWIN_LINES: Final = 2  # ...when the copy is at most this many non-blank lines down (a credit may sit between them)
# Alt text and caption may quote differently: curly quotation marks and guillemets read as straight ones.
_PLAIN_QUOTES: Final = str.maketrans(dict.fromkeys("“”„«»", '"') | dict.fromkeys("‘’‚", "'"))


def is_sentence_printed_again(scored: Scored, i: int) -> bool:
    """Whether line i is chrome only for being printed twice in the page, and is a sentence (TWIN_WORDS words or
    more, a sentence's end): inside the article's region it is the article's, printed again elsewhere (a
    standfirst the page's head repeats, a pull quote). A menu's or a teaser's line is no sentence."""
    measured = scored.prose[i]
    return (
        measured is not None
        and measured.sentence_end
        and measured.words >= TWIN_WORDS
        and scored.chrome_rules.get(i) == RULE_REPEATED
    )


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


def alt_over_caption(lines: list[Line], i: int, stop: int) -> bool:
    """Whether line i is an image's alt text over its caption (`is_alt_over_caption`), on the next line, or
    the one after a blank line when the alt text is a sentence's length (a short line there is a heading:
    "Rand Fishkin" over "Rand Fishkin of SEOmoz") and a credit follows it there, not a full stop only (a
    paragraph printed twice)."""
    if i + 1 < stop and lines[i + 1] is not BLANK:
        return is_alt_over_caption(lines[i].text, lines[i + 1].text)
    if i + 2 >= stop:
        return False
    text, under = lines[i].text, lines[i + 2].text
    # Most lines are paragraphs over paragraphs: their first signs differ (a text printed twice starts so too).
    if text[:4] != under[:4] or text.count(" ") + 1 < TWIN_WORDS:
        return False
    return is_alt_over_caption(text, under) and under[len(text) :].strip(" .") != ""


def twin_lines(scored: Scored, start: int, stop: int, least_prose: int) -> set[int]:
    """Lines printed twice, a line or two apart, or on two lines in a row with other quotation marks: an
    image's alt text over its caption (a credit may sit between them). An article does not repeat a sentence
    so close; a pull quote comes paragraphs later. A page whose prose is mostly such pairs, less than
    `least_prose` words without them (a test page of one paragraph copied), keeps them."""
    lines, seen = scored.lines, scored.seen
    twins: set[int] = set()
    for i in range(start, stop):
        if lines[i] is BLANK:
            continue
        text = lines[i].text
        if seen[text] != 2:  # most lines: only the line right under it may be it with other quotation marks
            if (
                i + 1 < stop
                and lines[i + 1] is not BLANK
                and len(lines[i + 1].text) == len(text)
                and text.count(" ") + 1 >= TWIN_WORDS
                and _same_but_quotes(text, lines[i + 1].text)
            ):
                twins.update((i, i + 1))
            continue
        if text.count(" ") + 1 < TWIN_WORDS:
            continue
        below = 0
        for j in range(i + 1, stop):
            if lines[j] is BLANK:
                continue
            if lines[j].text == text:
                twins.update((i, j))
                break
            below += 1
            if below == TWIN_LINES:
                break
    if twins and _prose_words(scored, start, stop, twins) < least_prose:
        return set()
    return twins


def _same_but_quotes(text: str, other: str) -> bool:
    """Whether two lines of one length differ only in their quotation marks (alt text with straight quotes over
    the caption with curly ones). Two lines that differ at both ends are settled there: a translation costs
    a dictionary lookup a character."""
    if text == other or (text[:4] != other[:4] and text[-4:] != other[-4:]):
        return False
    return text.translate(_PLAIN_QUOTES) == other.translate(_PLAIN_QUOTES)


def _prose_words(scored: Scored, start: int, stop: int, leaving: set[int]) -> int:
    return sum(
        measured.words for i, measured in enumerate(scored.prose[start:stop], start) if measured and i not in leaving
    )
