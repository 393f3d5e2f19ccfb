"""The headline: every headline-like line in a window above the article's prose (and its first line) scored
by a small linear model, the best one kept.

A candidate's features are what a dump keeps of a headline: its length, its case and last sign, a byline or
date beside it, how many headline-like lines lie between it and the prose (`rank`), the page printing it
twice (the headline and a breadcrumb, a "Section|Headline" line, a sticky header), its words coming back
in the article's first lines (a headline names what the lead tells; a teaser of another article, a slogan,
a section label do not), and chrome words ("Skip to", "Sign in", "Newsletter": chrome_phrases.json). The
weights (headline_weights.json) are fitted on the training pages by bench/train_headline.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import mul
from typing import Final, NamedTuple

from builder.extract.generic import DATA_DIR
from builder.extract.generic.credits import holds_photo_credit
from builder.extract.generic.dates import find_date
from builder.extract.generic.digits import holds_date_digit
from builder.extract.generic.headline_lines import (
    FULL_STOPS,
    TITLE_MAX_WORDS,
    is_headline,
    name_over_meta,
    never_headline,
    under_end_heading,
)
from builder.extract.generic.headline_neighbours import (
    agency_credit_under,
    blank,
    credited_below,
    credited_copy_above,
    path_slash,
    pipe_kicker,
)
from builder.extract.generic.markers import is_image_file
from builder.extract.generic.names import bare_name, is_names_list, is_writers_picture
from builder.extract.generic.phrases import CHROME_PHRASES, UNSPACED_START, WORD
from builder.extract.generic.region import Scored, neighbours
from builder.extract.generic.words import STOP_WORDS, is_title_case

MENU_DOT, MENU_DOTS = " · ", 2  # links a middle dot parts, three or more: a menu ("Archiv · Druckversion")
RANKED: Final = 2  # a candidate of more words than this counts in the rank of those above it
LEAD_LINES: Final = 3  # the headline's words are looked for in this many prose lines of the article's start
LEAD_CHARS: Final = 1200  # ...and in at most this many of their characters
KEY_WORD_CHARS: Final = 3  # a word this long or longer, not a stop word, is a key word of a headline
STEM_CHARS: Final = 4  # key words are compared on their first characters ("ferries", "ferry"; "islands", "islanders")
# A copyright sign or word, then only years and dashes, right before a text: the text is the rights holder.
_COPYRIGHT: Final = re.compile(r"(?:©|\([cC]\)|[cC]opyright)[\s\d,–-]*$")
COPYRIGHT_CHARS: Final = 30  # how far before a text its copyright sign is looked for
_GLUED_WORDS: Final = re.compile(r"[a-z](?=[A-Z])")  # a small letter, then a capital: two words glued
_ABBREVIATION_END: Final = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "… Relationship With U.S.": no sentence's full stop

FEATURES: Final = (
    "rank",  # headline-like lines between the candidate and the prose
    "medium_length",  # 4 to 20 words
    "one_or_two_words",
    "long",  # more than 20 words
    "ends_with_period",  # or the full stop of Chinese and Japanese
    "meta_below",  # a byline or date line right under it
    "meta_above",
    # navigation ("Previous | Next", "News · Archive · Print", "Sport * News Article") or a photo credit ("AFP/Getty")
    "pipe_or_slash",
    "lower_start",  # a headline starts with a capital (scripts with no case never get this)
    "holds_date",  # "Published on 6 July 2015 by ...": a meta line no rule read
    "printed_twice",
    "lead_words",  # share of its key words found in the article's first lines
    "chrome_phrase",  # holds a word or phrase of chrome_phrases.json
    "title_case",  # most of its words are capitalised ("The Spectacular Story Of Metroid")
    "ends_with_colon",  # a label ("Related:", "Read more:")
    "repeated_line",  # the page, or the site's other dumps, print it again
    "first_prose_line",  # the first line of the article's region (a headline the prose run swallowed)
    "in_region",  # a line inside the article's region, under its first line
    "blank_above",  # a blank line above it, as a heading is rendered
    "blank_below",
    "after_paragraph",  # a line of the region under a paragraph of its prose: a subheading
    "over_12_words",  # standfirsts run longer than headlines
    "photo_credit",  # "Photograph: …", "Bild: dpa", "Courtesy of …", or the line under it that repeats it so: a caption
    "name_line",  # only a person's name ("Michael Cockerill"), a desk's or an outlet's: the byline's, not a headline
    "ends_with_comma",  # "From Aaron Gold,": a byline's start, cut by a text browser
)
META_BELOW: Final = FEATURES.index("meta_below")
PIPE_OR_SLASH: Final = FEATURES.index("pipe_or_slash")
PRINTED_TWICE: Final = FEATURES.index("printed_twice")
HOLDS_DATE: Final = FEATURES.index("holds_date")
LEAD_WORDS: Final = FEATURES.index("lead_words")
CHROME_PHRASE: Final = FEATURES.index("chrome_phrase")
TITLE_CASE: Final = FEATURES.index("title_case")
# The features that cost a search of the line or the page: read only for a candidate they may make the best.
COSTLY: Final = (HOLDS_DATE, PRINTED_TWICE, LEAD_WORDS, CHROME_PHRASE, TITLE_CASE)
# How `explain` names a feature that raised the chosen headline's score.
REASONS: Final = {
    "medium_length": "4 to 20 words",
    "meta_below": "a byline or date under it",
    "meta_above": "a byline or date above it",
    "printed_twice": "printed twice in the page",
    "lead_words": "its words in the article's first lines",
    "title_case": "title case",
    "first_prose_line": "the region's first line",
    "blank_above": "a blank line above",
    "blank_below": "a blank line below",
}
REASONS_SHOWN: Final = 3
RULE_TITLE: Final = "the headline: the best of {count} headline-like line{s} ({reasons})"
_WEIGHTS_FILE: Final = DATA_DIR / "headline_weights.json"


def _load_weights() -> tuple[tuple[float, ...], float]:
    weights: dict[str, float] = json.loads(_WEIGHTS_FILE.read_text(encoding="utf-8"))
    return tuple(weights[name] for name in FEATURES), weights["threshold"]


WEIGHTS, THRESHOLD = _load_weights()
COSTLY_GAIN: Final = sum(max(WEIGHTS[k], 0.0) for k in COSTLY)  # the most the costly features (0 to 1 each) add


@dataclass(slots=True)
class Candidate:
    at: int  # the line's index
    features: list[float]  # in the order of FEATURES; the COSTLY ones are 0 until `complete` reads them
    complete: bool = False
    # Never the headline, whatever its score (`headline_lines.never_headline`, read by `complete` for the few best
    # candidates only).
    excluded: bool = False

    def score(self, weights: tuple[float, ...] = WEIGHTS) -> float:
        # map(mul) runs in C; sum adds the same products in the same order as a loop would
        return sum(map(mul, weights, self.features))


class Window(NamedTuple):
    """Where the headline is looked for: lines above the article's prose, nearest first, and the first lines of
    the article's region."""

    above: list[int]
    in_region: list[int]
    names: frozenset[str] = frozenset()  # the head's bylines: a line that is only one of them is no headline
    # Lines of `above` beyond the head's, looked in only where the head shows no headline: only a line the page
    # prints twice may be it there (title_pick.pick_title)
    distant: tuple[int, ...] = ()
    above_only: bool = False  # the region is a short post's text (a photo's caption): its headline is above it


def title_rule(chosen: Candidate, count: int) -> str:
    """The rule for `explain`: how many lines were weighed, and the features that most raised the chosen one."""
    gains = sorted(
        ((w * f, name) for name, w, f in zip(FEATURES, WEIGHTS, chosen.features, strict=True) if name in REASONS),
        key=lambda gain: -gain[0],
    )
    reasons = [REASONS[name] for gain, name in gains[:REASONS_SHOWN] if gain > 0]
    return RULE_TITLE.format(count=count, s="" if count == 1 else "s", reasons=", ".join(reasons) or "no strong sign")


def choose(ranked: list[Candidate], completing: Callable[[Candidate], None]) -> int | None:
    """The best-scoring candidate, if it scores above the threshold (the nearest one on a tie) and is not
    `excluded`. The costly features are read best cheap score first, and no more once the rest could not win
    even with all of them."""
    best, best_score = None, THRESHOLD
    for k in sorted(range(len(ranked)), key=lambda k: -ranked[k].score()):
        candidate = ranked[k]
        if candidate.score() + COSTLY_GAIN < best_score:
            break
        completing(candidate)
        if candidate.excluded:
            continue
        score = candidate.score()
        if score > best_score or (score == best_score and best is not None and k < best):
            best, best_score = k, score
    return None if best is None else ranked[best].at


def complete(scored: Scored, page: str, lead: frozenset[str], candidate: Candidate) -> None:
    """The COSTLY features of a candidate, read once."""
    if candidate.complete:
        return
    candidate.complete = True
    text = scored.lines[candidate.at].text
    lowered = text.lower()
    tokens = WORD.findall(lowered)
    features = candidate.features
    features[HOLDS_DATE] = float(holds_date_digit(text) and find_date(text) is not None)
    prose = scored.prose[candidate.at]
    features[PRINTED_TWICE] = float(
        prose is not None and prose.words >= 4 and _printed_twice(scored, page, candidate.at)
    )
    features[LEAD_WORDS] = _share_in(_key_words(lowered, tokens), lead)
    features[CHROME_PHRASE] = float(CHROME_PHRASES.found_in(lowered, tokens) or _glued_chrome(text))
    features[TITLE_CASE] = float(is_title_case(text))
    candidate.excluded = never_headline(scored, candidate.at)


def _glued_chrome(text: str) -> bool:
    """Link words w3m printed with no space between them ("Funded by readers like you DonateSubscribe"): their
    chrome phrases, read with the words apart where a capital follows a small letter."""
    if _GLUED_WORDS.search(text) is None:
        return False
    parted = _GLUED_WORDS.sub(r"\g<0> ", text).lower()
    return CHROME_PHRASES.found_in(parted, WORD.findall(parted))


def _names_writer(text: str, names: frozenset[str]) -> bool:
    """Whether the line is a byline's names, or one of them beside the alt text of the writer's picture ("J.R.
    Stone Image" over "By J.R. Stone")."""
    return bool(names) and (text in names or is_writers_picture(text, names))


def headline_candidates(scored: Scored, window: Window, checked: set[int], meta: set[int]) -> list[Candidate]:
    """The headline-like lines of the window with their cheap features, those of the region first, then
    upwards."""
    first = window.in_region[:1]
    found: list[Candidate] = []
    rank = 0
    after_paragraph = False

    def headline_like(i: int) -> bool:  # a byline's name alone is the author's, no headline
        return (
            is_headline(scored, i, checked, meta)
            and not _names_writer(scored.lines[i].text, window.names)
            and not under_end_heading(scored, i, meta)
        )

    for i in () if window.above_only else window.in_region:
        # A long headline ending as a sentence would ("?", a quote) may open the region: in title case, it is none.
        if _is_sentence(scored, i) and not (i in first and is_title_case(scored.lines[i].text)):
            after_paragraph = True
        elif headline_like(i) and not _is_caption(scored, i):
            found.append(_candidate(scored, i, 0, meta, (i in first, i not in first, after_paragraph)))
    for i in window.above:
        if not headline_like(i) or _ends_a_paragraph(scored, i):
            continue
        found.append(_candidate(scored, i, rank, meta, (False, False, False)))
        if scored.prose[i].words > RANKED:  # type: ignore[union-attr]  # a label or a name pushes none down
            rank += 1
    return found


def _ends_a_paragraph(scored: Scored, i: int) -> bool:
    """A line ending in a full stop right under a sentence of prose: the last, short paragraph of a run of them
    ("James Jones and Travis Outlaw added 12 points each for Portland (18-12)."), not a headline."""
    if not _ends_with_full_stop(scored.lines[i].text):
        return False
    above = neighbours(scored, i)[0]
    return above >= 0 and _is_sentence(scored, above)


def _ends_with_full_stop(text: str) -> bool:
    """Whether the line ends with a sentence's full stop, not an abbreviation's ("… Relationship With U.S.")."""
    return text.endswith(FULL_STOPS) and _ABBREVIATION_END.search(text) is None


def _is_sentence(scored: Scored, i: int) -> bool:
    prose = scored.prose[i]
    return prose is not None and prose.sentence_end and prose.words > TITLE_MAX_WORDS // 2


def _candidate(scored: Scored, i: int, rank: int, meta: set[int], place: tuple[bool, bool, bool]) -> Candidate:
    """`place`: the region's first line, a later line of the region, a line of the region under a paragraph."""
    first, inside, after_paragraph = place
    prose = scored.prose[i]
    assert prose is not None
    text = scored.lines[i].text
    words = prose.words
    above, below = neighbours(scored, i)
    features = [
        float(rank),
        float(4 <= words <= 20),
        float(words <= 2),
        float(words > 20),
        float(_ends_with_full_stop(text)),
        float(below in meta or agency_credit_under(scored, below) or name_over_meta(scored, below, meta)),
        float(above in meta and below not in meta),
        float("|" in text or path_slash(text) or " * " in text or text.count(MENU_DOT) >= MENU_DOTS),
        float(not text[0].isupper() and text[0].isalpha()),
        0.0,  # holds_date, printed_twice, lead_words, chrome_phrase, title_case: `complete` reads them
        0.0,
        0.0,
        0.0,
        0.0,
        float(text.endswith(":")),
        float(i in scored.chrome_rules),
        float(first),
        float(inside),
        float(blank(scored, i - 1) or pipe_kicker(scored, i - 1)),
        float(blank(scored, i + 1)),
        float(after_paragraph),
        float(words > 12),
        float(
            holds_photo_credit(text) or credited_below(scored, below, text) or credited_copy_above(scored, above, text)
        ),
        float(bare_name(text) is not None or is_names_list(text)),
        float(text.endswith(",")),
    ]
    return Candidate(i, features)


def _key_words(lowered: str, tokens: list[str]) -> set[str]:
    """Words of three characters or more that are no stop words; for unspaced scripts, their characters."""
    words = {w[:STEM_CHARS] for w in tokens if len(w) >= KEY_WORD_CHARS and w not in STOP_WORDS}
    if not words or (not lowered.isascii() and any(ord(c) >= UNSPACED_START for c in lowered[:4])):
        return {c for c in lowered if c.isalnum()}
    return words


def lead_words(scored: Scored, region: list[int]) -> frozenset[str]:
    """The key words of the article's first lines of prose."""
    texts: list[str] = []
    for i in region:  # a region may run a thousand lines: only its first sentences are wanted
        if _is_sentence(scored, i):
            texts.append(scored.lines[i].text)
            if len(texts) == LEAD_LINES:
                break
    lowered = " ".join(texts)[:LEAD_CHARS].lower()
    return frozenset(_key_words(lowered, WORD.findall(lowered)))


def _share_in(words: set[str], lead: frozenset[str]) -> float:
    return len(words & lead) / len(words) if words else 0.0


def _printed_twice(scored: Scored, page: str, i: int) -> bool:
    """The page prints the line again, alone or inside a longer line (a breadcrumb, "Section|Headline"); the
    site's name in its copyright line ("© 2021 Le Courrier du Lac") is no headline printed twice, nor is a line
    whose only copy is its neighbour (a teaser's image alt text over its link, a carousel's doubled item)."""
    text = scored.lines[i].text
    twins = 2 if _twin_beside(scored, i) else 1  # the copies that do not count
    if scored.seen[text] > twins:
        return True
    printed = 0
    at = page.find(text)
    while at >= 0:
        if _COPYRIGHT.search(page, max(0, at - COPYRIGHT_CHARS), at) is None:
            printed += 1
            if printed > twins:
                return True
        at = page.find(text, at + len(text))
    return False


def _twin_beside(scored: Scored, i: int) -> bool:
    """Whether the nearest non-blank line above or below the line prints the same text, not as a list's item (a
    breadcrumb's last item over the headline is the headline printed twice)."""
    text = scored.lines[i].text
    return any(j >= 0 and scored.lines[j].text == text and not scored.lines[j].bullet for j in neighbours(scored, i))


def _is_caption(scored: Scored, i: int) -> bool:
    """A line right under an image's file name, in the article: its caption."""
    above = neighbours(scored, i)[0]
    return above >= 0 and is_image_file(scored.lines[above].text)
