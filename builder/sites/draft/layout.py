"""The page around the article: how dumps of the site start (recognition, header) and where the article ends.

The site's own lines are those nearly every dump holds. At the top they are the recognition line and the
navigation, whose last plain line is the header's end; after the article they are the chrome whose first
line ends it. A line every dump holds that is followed by article prose is no end but an insert marker.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from builder.extract.textdump.lines import BLANK, Line, blocks
from builder.sites.draft.corpus import Corpus, Key, is_prose, key, most_common
from builder.sites.draft.guesses import Guess
from builder.sites.draft.words import TAG_WORDS, label_word


def recognition(corpus: Corpus) -> dict[str, Guess[Any]]:
    """The first non-blank line when every dump shares it; else whole lines every dump holds (a footer's)."""
    firsts = Counter(next((line.text for line in page if line is not BLANK), "") for page in corpus.pages)
    found = most_common(firsts)
    assert found is not None  # a corpus holds at least one dump
    line, count = found
    if count == corpus.size:
        return {"recognise.first_line": Guess(line, f"the first line of {corpus.of(count)}")}
    lines = _recognition_lines(corpus)
    if not lines:
        return {
            "recognise.first_line": Guess(
                line, f"the first line of {corpus.of(count)}: the others will not be recognised"
            )
        }
    why = f"first lines differ (the most common starts {corpus.of(count)})"
    return {
        "recognise.lines": Guess(lines, f"{why}; {' and '.join(map(repr, lines))} appear once in every dump"),
        "recognise.where": Guess("anywhere", "where those lines stand varies with the article's length"),
    }


_RECOGNITION_LINES = 2  # two distinctive lines: one alone may be shared by another site ("All Rights Reserved")


def _recognition_lines(corpus: Corpus) -> list[str]:
    """Plain lines found once in every dump, the most distinctive first."""
    once: Counter[str] = Counter()
    for counts in corpus.in_page:
        once.update(text for (text, bullet), n in counts.items() if n == 1 and not bullet)
    everywhere = [text for text, n in once.items() if n == corpus.size]
    # A line with digits may change (the copyright's year): lines without any first, the longest first.
    ranked = sorted(everywhere, key=lambda text: (any(c.isdigit() for c in text), -len(text), text))
    return ranked[:_RECOGNITION_LINES]


@dataclass(frozen=True)
class Header:
    marker: Guess[str] | None
    through_blank: Guess[bool] | None

    def start(self, page: Sequence[Line]) -> int:
        """Where the reader starts looking for the article in `page`: after the marker (and the ticker)."""
        if self.marker is None:
            return 0
        at = next((i for i, line in enumerate(page) if not line.bullet and line.text == self.marker.value), None)
        if at is None:
            return 0
        at += 1
        if self.through_blank and self.through_blank.value:
            while at < len(page) and page[at] is not BLANK:
                at += 1
        return at


def _top_run(corpus: Corpus, page: Sequence[Line]) -> list[int]:
    """Indexes of the site's lines at the top of `page`, up to its first line of its own."""
    run: list[int] = []
    for i, line in enumerate(page):
        if line is BLANK:
            continue
        if not corpus.is_site_line(line):
            break
        run.append(i)
    return run


def header_end(corpus: Corpus) -> Header:
    """The last plain line of the top run the dumps share, found once in each dump (the reader cuts at the
    first one), and whether varying lines (a ticker) follow it up to a blank line."""
    markers: Counter[str] = Counter()
    for page, once in zip(corpus.pages, corpus.in_page, strict=True):
        plain = [i for i in _top_run(corpus, page) if not page[i].bullet and once[key(page[i])] == 1]
        if plain:
            markers[page[plain[-1]].text] += 1
    found = most_common(markers)
    if found is None or found[1] < corpus.nearly_all:
        return Header(None, None)
    text, count = found
    marker = Guess(text, f"the last plain line shared by the top of {corpus.of(count)}")
    ticker = 0
    for page in corpus.pages:
        at = Header(marker, None).start(page)
        if 0 < at < len(page) and page[at] is not BLANK and corpus.is_varying(page[at]):
            ticker += 1
    if ticker * 2 <= corpus.size:
        return Header(marker, None)
    return Header(marker, Guess(True, f"varying lines (a ticker) follow it up to a blank line in {corpus.of(ticker)}"))


@dataclass(frozen=True)
class Tail:
    """The chrome after the article: its lines in page order, and in how many dumps each one comes first."""

    lines: tuple[str, ...]  # the site's plain lines after the article, each once a dump, in page order
    first: Counter[str]  # how many dumps each of them ends (comes first after the article)
    inserts: tuple[str, ...]  # lines every dump holds that article prose follows: insert markers, not ends


def _prose_follows(corpus: Corpus, page: Sequence[Line], at: int, stops: set[Key]) -> bool:
    """Whether a varying paragraph of prose follows line `at` before the next of the `stops` lines."""
    stop = next((i for i in range(at + 1, len(page)) if key(page[i]) in stops), len(page))
    return any(
        is_prose(page[a:b]) and all(corpus.is_varying(line) for line in page[a:b])
        for a, b in blocks(page, at + 1, stop)
    )


def _once_after(corpus: Corpus, anchors: Sequence[int | None]) -> tuple[Counter[Key], dict[Key, float]]:
    """The plain lines found once in a dump, after its anchor and never at or above any dump's anchor:
    in how many dumps each stands so, and where (its median share of the page's lines)."""
    after: Counter[Key] = Counter()
    above: set[Key] = set()
    positions: dict[Key, list[float]] = {}
    for page, once, anchor in zip(corpus.pages, corpus.in_page, anchors, strict=True):
        if anchor is None:
            continue
        above.update(key(line) for line in page[: anchor + 1] if line is not BLANK)
        for i in range(anchor + 1, len(page)):
            line = page[i]
            if line is not BLANK and not line.bullet and once[key(line)] == 1:
                after[key(line)] += 1
                positions.setdefault(key(line), []).append(i / len(page))
    kept = Counter({k: n for k, n in after.items() if k not in above})
    return kept, {k: median(positions[k]) for k in kept}


def _first_after(corpus: Corpus, anchors: Sequence[int | None], wanted: set[Key]) -> Counter[str]:
    """How many dumps each of the `wanted` lines is the first of after the anchor."""
    first: Counter[str] = Counter()
    for page, anchor in zip(corpus.pages, anchors, strict=True):
        found = (
            next((line.text for line in page[anchor + 1 :] if key(line) in wanted), None)
            if anchor is not None
            else None
        )
        if found is not None:
            first[found] += 1
    return first


def tail(corpus: Corpus, anchors: Sequence[int | None]) -> Tail:
    """The site's lines found once after the article's first meta line (`anchors`) of nearly every dump.

    A tags heading ("Tags", then the tags as bullets) is no end: the tags are the article's.
    """
    after, position = _once_after(corpus, anchors)
    candidates = {k for k, n in after.items() if n >= corpus.nearly_all and label_word(k[0]) not in TAG_WORDS}
    prose_after: Counter[Key] = Counter()
    for page, anchor in zip(corpus.pages, anchors, strict=True):
        for i in range(anchor + 1 if anchor is not None else len(page), len(page)):
            if key(page[i]) in candidates and _prose_follows(corpus, page, i, candidates):
                prose_after[key(page[i])] += 1
    inserts = {k for k in candidates if prose_after[k] * 2 > after[k]}
    ends = sorted(candidates - inserts, key=lambda k: (position[k], k))
    first = _first_after(corpus, anchors, set(ends))
    return Tail(tuple(text for text, _ in ends), first, tuple(sorted(text for text, _ in inserts)))


def article_end(corpus: Corpus, found: Tail) -> Guess[list[str]] | None:
    """Every line of the tail, those that end the article in most dumps first: a dump that lacks the usual
    end line (a sidebar left out) still ends at the next one."""
    if not found.lines:
        return None
    order = sorted(found.lines, key=lambda text: -found.first[text])  # stable: page order among equals
    ending = [text for text in order if found.first[text]]
    counts = [f"{ending[0]!r} ends the article in {corpus.of(found.first[ending[0]])}"]
    counts += [f"{text!r} in {found.first[text]}" for text in ending[1:]]
    later = len(order) - len(ending)
    reason = ", ".join(counts)
    if later:
        reason += f"; the {later} other line{'s' if later > 1 else ''} of the chrome after it follow in nearly all"
    return Guess(order, reason)
