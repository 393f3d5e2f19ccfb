"""The meta lines under the headline: the date (the anchor every dump has), byline, source and reading time.

The first line after the header that reads as a date is taken as the article's date; the lines around it
(its block, and a one-line block after it) are the meta lines. Meta lines that start alike across dumps
("By ", "Source: ") give the prefixes; a short line with one number ("4 Min Read") the reading time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from builder.extract.textdump.lines import BLANK, Line, blocks
from builder.sites.draft.corpus import Corpus, block_at, is_prose, most_common
from builder.sites.draft.dates import DateText, best_format, date_in, escape, line_pattern, reads, rivals
from builder.sites.draft.guesses import DraftError, Guess

# First words of a byline, by language: "By Jane Doe", "Von Max Muster", "Par Jean Dupont", ...
_BYLINE_WORDS = {"by", "von", "par", "por", "door", "di", "da", "av", "af", "author", "authors", "written by"}
_SOURCE_WORDS = ("source", "quelle", "fuente", "fonte", "bron", "источник")
# Name separators a byline may use, in the order they are written; those usual in a language are added
# to those seen, as 20 dumps rarely show every one.
SEPARATORS = (", ", " and ", " & ", " und ", " et ", " y ", " e ", " en ", " и ")
_USUAL_SEPARATORS = {
    "en": (", ", " and ", " & "),
    "de": (", ", " und "),
    "fr": (", ", " et "),
    "es": (", ", " y "),
    "pt": (", ", " e "),
    "it": (", ", " e "),
    "nl": (", ", " en "),
    "ru": (", ", " и "),
}
_PREFIX = re.compile(r"^(\S[^:]{0,20}: |\S+ )")
_ONE_NUMBER = re.compile(r"\D*(\d+)\D*")
_SHORT_META = 5  # words: a one-line block after the meta lines that is longer is the lead, not "N Min Read"
_BLOCKS_TO_TEXT = 2  # the lead, or the body's first paragraph
_TEXT_WORDS = 15  # a paragraph of article text has more words than a headline
_LONG_META = 12  # words: a meta line that is longer is prose, whatever its first word


@dataclass(frozen=True)
class DateLines:
    """The article's date line in each dump (None where none was found) and the format reading them."""

    at: tuple[int | None, ...]
    format: Guess[str]
    pattern: Guess[str]
    bullet: bool  # whether the date lines are list items
    suffixes: tuple[str, ...]  # words printed after some dates (" EDT"), left out of the date read
    earliest: datetime


def _first_dates(corpus: Corpus, starts: Sequence[int]) -> tuple[list[int | None], list[DateText]]:
    """Each dump's first line after its header that holds a date with article text under it."""
    found: list[int | None] = []
    split: list[DateText] = []
    for page, start in zip(corpus.pages, starts, strict=True):
        at = next((i for i in range(start, len(page)) if date_in(page[i].text) and _text_follows(page, i)), None)
        found.append(at)
        if at is not None:
            split.append(date_in(page[at].text) or DateText("", "", ""))
    return found, split


def find_dates(corpus: Corpus, starts: Sequence[int]) -> DateLines:
    """The article's date line in each dump, and the format and pattern that read the most usual kind."""
    found, split = _first_dates(corpus, starts)
    if len(split) * 2 <= corpus.size:
        raise DraftError(f"no date line under a headline in {corpus.size - len(split)} of {corpus.size} dumps")
    prefix, with_prefix = min(Counter(p.prefix for p in split).items(), key=lambda item: (-item[1], item[0]))
    texts = [p.date for p in split if p.prefix == prefix]
    suffixes = sorted({p.suffix for p in split if p.prefix == prefix} - {""})
    format, count = best_format(texts)
    read = sorted((moment, text) for text in texts if (moment := reads(format, text)))
    example = read[0][1]  # the earliest: whatever the order of the dumps
    how = f"reads all {count} dates" if count == len(texts) else f"reads {count} of {len(texts)} dates"
    if prefix:
        how += f" after {prefix!r} ({with_prefix} of {len(split)} date lines)"
    how += f", e.g. {example!r} (the first date under the headline of {corpus.of(len(split))})"
    if others := rivals(format, texts):
        how += f"; {', '.join(map(repr, others))} read them too, as other dates: choose"
    around = f"; {', '.join(map(repr, suffixes))} after the date left out" if suffixes else ""
    bullets = sum(1 for page, i in zip(corpus.pages, found, strict=True) if i is not None and page[i].bullet)
    return DateLines(
        at=tuple(found),
        format=Guess(format, how),
        pattern=Guess(
            line_pattern(prefix, format, suffixes), f"made from the format; matches {prefix + example!r}{around}"
        ),
        bullet=bullets * 2 > len(split),
        suffixes=tuple(suffixes),
        earliest=read[0][0],
    )


def _text_follows(page: Sequence[Line], at: int) -> bool:
    """Whether article text (a paragraph of many words) follows line `at` within two paragraphs, lists and
    image blocks left aside: the date under a headline has the article under it (maybe after a short
    lead); a date atop the page (over the headline) or in a sidebar has none."""
    stop = block_at(page, at)[1]
    paragraphs = [page[a:b] for a, b in blocks(page, stop, len(page)) if not any(line.bullet for line in page[a:b])]
    return any(
        is_prose(paragraph) and sum(len(line.text.split()) for line in paragraph) >= _TEXT_WORDS
        for paragraph in paragraphs[:_BLOCKS_TO_TEXT]
    )


def meta_span(page: Sequence[Line], date_at: int) -> tuple[int, int]:
    """The date's block, with a byline block just above it and a one-line meta block just below it
    ("By Jane Doe" over the date, "4 Min Read" under it, each after a blank line)."""
    start, stop = block_at(page, date_at)
    if start >= 2 and page[start - 1] is BLANK and page[start - 2] is not BLANK:
        above = block_at(page, start - 2)
        if all(_is_byline(line) for line in page[above[0] : above[1]]):
            start = above[0]
    if stop + 1 < len(page) and page[stop] is BLANK and page[stop + 1] is not BLANK:
        below = block_at(page, stop + 1)
        line = page[below[0]]
        if below[1] - below[0] == 1 and (_is_byline(line) or _is_number_line(line)):
            stop = below[1]
    return start, stop


def _is_byline(line: Line) -> bool:
    match = _PREFIX.match(line.text)
    return match is not None and len(line.text.split()) <= _LONG_META and _prefix_kind(match.group(1)) == "authors"


def _is_number_line(line: Line) -> bool:
    return len(line.text.split()) <= _SHORT_META and _ONE_NUMBER.fullmatch(line.text) is not None


def _spans(corpus: Corpus, dates: DateLines) -> list[list[Line]]:
    return [
        [line for line in page[slice(*meta_span(page, at))] if line is not BLANK] if at is not None else []
        for page, at in zip(corpus.pages, dates.at, strict=True)
    ]


def reading_time(corpus: Corpus, dates: DateLines) -> Guess[str] | None:
    """A plain meta line with one number whose words recur: its pattern with the number as the group."""
    shapes: Counter[str] = Counter()
    for meta in _spans(corpus, dates):
        seen = set()
        for line in meta:
            match = _ONE_NUMBER.fullmatch(line.text)
            if match and not line.bullet and not date_in(line.text):
                text = line.text
                seen.add(escape(text[: match.start(1)]) + r"(\d+)" + escape(text[match.end(1) :]))
        shapes.update(seen)
    found = most_common(shapes)
    if found is None or found[1] < 2:
        return None
    return Guess(found[0], f"a meta line of one number in {corpus.of(found[1])}")


@dataclass(frozen=True)
class Prefixes:
    authors: Guess[str] | None
    authors_bullet: bool
    source: Guess[str] | None
    source_bullet: bool
    bylines: tuple[str, ...]  # the names after the authors' prefix, one per dump that has them
    others: tuple[str, ...]  # prefixes seen that fill no field


def _prefix_kind(prefix: str) -> str | None:
    word = prefix.strip().rstrip(":").lower()
    if word in _BYLINE_WORDS:
        return "authors"
    if any(name in word for name in _SOURCE_WORDS):
        return "source"
    return None


class _Picked(NamedTuple):
    prefix: str
    bullet: bool
    dumps: int  # dumps it opens a line in

    def guess(self, corpus: Corpus) -> Guess[str]:
        where = "list item" if self.bullet else "line"
        return Guess(self.prefix, f"opens a {where} under the headline in {corpus.of(self.dumps)}")


def _meta_prefixes(
    corpus: Corpus, dates: DateLines
) -> tuple[Counter[tuple[str, bool]], dict[tuple[str, bool], list[str]]]:
    """How many dumps open a short meta line (no date, no lone number) with each prefix, and what follows it."""
    counts: Counter[tuple[str, bool]] = Counter()
    values: dict[tuple[str, bool], list[str]] = {}
    for meta in _spans(corpus, dates):
        seen = set()
        for line in meta:
            match = _PREFIX.match(line.text)
            if match is None or len(line.text.split()) > _LONG_META or date_in(line.text) or _is_number_line(line):
                continue
            seen.add((match.group(1), line.bullet))
            values.setdefault((match.group(1), line.bullet), []).append(line.text[match.end() :])
        counts.update(seen)
    return counts, values


def prefixes(corpus: Corpus, dates: DateLines) -> Prefixes:
    """Meta line prefixes shared by two dumps or more, sorted into byline, source and the rest."""
    counts, values = _meta_prefixes(corpus, dates)
    picked: dict[str, _Picked] = {}
    others = []
    for (prefix, bullet), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        kind = _prefix_kind(prefix)
        if count >= 2 and (kind is None or kind in picked):
            others.append(f"{prefix!r} ({corpus.of(count)})")
        elif count >= 2 and kind is not None:
            picked[kind] = _Picked(prefix, bullet, count)
    authors, source = picked.get("authors"), picked.get("source")
    return Prefixes(
        authors=authors.guess(corpus) if authors else None,
        authors_bullet=authors.bullet if authors else True,
        source=source.guess(corpus) if source else None,
        source_bullet=source.bullet if source else True,
        bylines=tuple(values[(authors.prefix, authors.bullet)]) if authors else (),
        others=tuple(others),
    )


def separators(bylines: Sequence[str], language: str) -> Guess[list[str]] | None:
    """The separators seen between names, with those usual in the site's language."""
    if not bylines:
        return None
    seen = Counter(sep for sep in SEPARATORS for names in bylines if sep in names)
    usual = _USUAL_SEPARATORS.get(language, (", ",))
    chosen = [sep for sep in SEPARATORS if sep in seen or sep in usual]
    told = ", ".join(f"{sep!r} in {seen[sep]}" for sep in chosen if seen[sep]) or "none"
    added = [repr(sep) for sep in chosen if not seen[sep]]
    reason = f"seen between names: {told} of {len(bylines)} bylines"
    if added:
        reason += f"; {', '.join(added)} added as usual in `{language}`"
    return Guess(chosen, reason)
