"""Picking the headline: the best-scoring headline-like line of the window (the model in headline.py), or its
neighbour where the layout says the model was misled: the longer line over a standfirst, the line under a
kicker. Each correction names itself in the rule `explain` prints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from builder.extract.generic import headline
from builder.extract.generic.credits import holds_photo_credit
from builder.extract.generic.dates import is_date_line
from builder.extract.generic.headline import (
    CHROME_PHRASE,
    LEAD_WORDS,
    META_BELOW,
    PIPE_OR_SLASH,
    PRINTED_TWICE,
    THRESHOLD,
    TITLE_CASE,
    Candidate,
    Window,
    complete,
    lead_words,
    title_rule,
)
from builder.extract.generic.headline_lines import FULL_STOPS, is_count_line
from builder.extract.generic.region import Scored, neighbours, nonblank_above

STANDFIRST_WORDS: Final = 8  # a standfirst under the headline is this long or longer
DECK_WORDS: Final = 5  # a standfirst under a shorter headline is this long or longer...
DECK_HEADLINE_WORDS: Final = 6  # ...and the headline over it this long or longer (a caption, a source line are shorter)
SHORT_STANDFIRST_WORDS: Final = 6  # ...or this long, with the byline or date under it
LONGER_DECK_HEADLINE_WORDS: Final = 5  # a headline over a longer standfirst is this long or longer
KICKER_WORDS: Final = 2  # a kicker over the headline ("Cybersecurity", "Business Monday") is this short...
KICKER_HEADLINE_WORDS: Final = 6  # ...and the headline under it this long or longer
_KICKER_JOINERS: Final = frozenset(["&", "and", "und", "et", "y", "e"])  # two kicker's words joined count as two

# A headline scoring under this, with no byline or date under it, is weak: one printed twice further up may win,
# among this many non-blank lines above the prose.
WEAK_TITLE: Final = 4.0
TITLE_LINES: Final = 60

RULE_OVER_STANDFIRST: Final = "; over the best one, which is its standfirst (the byline under it)"
RULE_UNDER_KICKER: Final = "; under the best one, which is its kicker (a word or two over it)"
RULE_DISTANT: Final = "; far above the article's head, where it shows none, and printed twice in the page"

Completing = Callable[[Candidate], None]


def pick_title(
    scored: Scored, page: str, window: Window, checked: set[int], meta: set[int], start: int
) -> tuple[int | None, str]:
    """The headline in the window over the prose at line `start` (None when no line looks like one) and the rule
    that says why. Where the window shows no headline (none, or a weak one with no byline or date under it: a
    sidebar's heading, a button's label), it is looked for further up, up to TITLE_LINES non-blank lines above
    the prose, in a line the page prints twice (a gallery or a sidebar between the headline and the prose: "For
    Astronaut, a Frustrating Wait" in the list of the story's parts, then over it). Those lines are read only
    then: most windows show their headline."""
    lead = lead_words(scored, window.in_region)  # the same for the window and the farther one: read once
    best, rule, chosen = _pick(scored, page, window, checked, meta, lead)
    if not _weak(chosen):
        return best, rule
    top = min(window.above, default=start)
    distant = tuple(i for i in nonblank_above(scored, start, TITLE_LINES) if i < top)
    if not distant:
        return best, rule
    farther = window._replace(above=[*window.above, *distant], distant=distant)
    far_best, far_rule, _ = _pick(scored, page, farther, checked, meta, lead)
    if far_best is None or far_best not in distant:
        return best, rule
    return far_best, far_rule + RULE_DISTANT


def _pick(
    scored: Scored, page: str, window: Window, checked: set[int], meta: set[int], lead: frozenset[str]
) -> tuple[int | None, str, Candidate | None]:
    """The window's headline, its rule and its candidate; `lead`: the key words of the article's first lines."""
    ranked = headline.headline_candidates(scored, window, checked, meta)
    distant = set(window.distant)

    def completing(candidate: Candidate) -> None:
        complete(scored, page, lead, candidate)
        if candidate.at in distant and not candidate.features[PRINTED_TWICE]:
            candidate.excluded = True

    scored_best = headline.choose(ranked, completing)  # looked up on the module: bench/train_headline.py records it
    best, correction = over_standfirst(scored, ranked, scored_best, completing), RULE_OVER_STANDFIRST
    if best == scored_best:
        best, correction = under_kicker(scored, ranked, scored_best, completing), RULE_UNDER_KICKER
    chosen = next((candidate for candidate in ranked if candidate.at == best), None)
    if chosen is None:
        return best, "", None
    return best, title_rule(chosen, len(ranked)) + (correction if best != scored_best else ""), chosen


def _weak(chosen: Candidate | None) -> bool:
    """Whether the window's headline may be none: no line, or one scoring under WEAK_TITLE with no byline or date
    under it."""
    return chosen is None or (chosen.score() < WEAK_TITLE and not chosen.features[META_BELOW])


def over_standfirst(scored: Scored, ranked: list[Candidate], best: int | None, completing: Completing) -> int | None:
    """The headline right above the chosen line, when that line is a standfirst under a headline-like line that
    is no sentence or label: a sentence of a standfirst's length ("An inquest into Eloise Parry's death has been
    told ...", under "Student Dies After Diet Pills She Bought Online"; shorter with the byline or date under it,
    "Second storm now threatens the country's southeast."), or a line with the byline or date under
    it (their sign, `meta_below`) either longer than the line over it or a headline's length whose words the
    article's first lines take up as much (a standfirst retells the story in other words: "EU opens new cases
    against Microsoft" over "Commission kicks off pair of antitrust investigations"). A line in title case with
    no full stop is a headline, not a standfirst (the longer line over it is a blog's tagline, a teaser). Where
    the headline's comment count stands between them ("Windows Phone dies today", "New, 119 comments", "An end
    of an era", the byline), the line with the byline under it is the standfirst, whatever its length."""
    if best is None:
        return None
    chosen = next(candidate for candidate in ranked if candidate.at == best)
    above = neighbours(scored, best)[0]
    counted = above >= 0 and is_count_line(scored.lines[above].text)  # "New, 119 comments" under the headline
    if counted:
        above = neighbours(scored, above)[0]
    over = next((candidate for candidate in ranked if candidate.at == above), None)
    if over is None:
        return best
    if counted and chosen.features[META_BELOW]:  # the headline, its comment count, the standfirst, the byline
        return above if _may_be_headline(scored, over, completing) else best
    text = scored.lines[above].text
    # a sentence, a label or a clause ("Sport news from The Evening Standard London,"); a breadcrumb
    if text.endswith((*FULL_STOPS, ":", ",")) or scored.lines[best].text in text:
        return best
    words, over_words = scored.prose[best].words, scored.prose[above].words  # type: ignore[union-attr]
    sentence = (  # a sentence of a standfirst's length, not in title case, under two words or more
        words >= (SHORT_STANDFIRST_WORDS if chosen.features[META_BELOW] else STANDFIRST_WORDS)
        and over_words > 1
        and scored.lines[best].text.endswith(FULL_STOPS)
        and not chosen.features[TITLE_CASE]
    )
    if not (sentence or _standfirst_over_meta(words, over_words, over, chosen, completing)):
        return best
    return above if _may_be_headline(scored, over, completing) else best


def _standfirst_over_meta(
    words: int, over_words: int, over: Candidate, chosen: Candidate, completing: Completing
) -> bool:
    """Whether the chosen line, with the byline or date under it and not in title case, is a standfirst: of a
    standfirst's length under a longer line (the headline over it), or a deck under it (`_deck_under`)."""
    if not chosen.features[META_BELOW] or chosen.features[TITLE_CASE]:
        return False
    longer = words >= STANDFIRST_WORDS and over_words > words
    return (
        longer
        or _deck_under(words, over_words, over, chosen, completing)
        or _longer_deck(words, over_words, over, completing)
    )


def _deck_under(words: int, over_words: int, over: Candidate, chosen: Candidate, completing: Completing) -> bool:
    """Whether the chosen line is a standfirst under a headline no shorter than a headline is: the article's first
    lines take up the words of the line over it as much as its own."""
    if words < DECK_WORDS or over_words < DECK_HEADLINE_WORDS:
        return False
    completing(over)
    completing(chosen)
    return over.features[LEAD_WORDS] >= chosen.features[LEAD_WORDS]


def _longer_deck(words: int, over_words: int, over: Candidate, completing: Completing) -> bool:
    """Whether the chosen line is a standfirst longer than the headline over it ("Why Wendy's is making fun of
    Burger King" over "Brands are finding there can be benefits to using a negative voice online"): the line over
    it a headline's length, whose words the article's first lines take up (a section's label, a teaser of another
    story or a banner's alt text over the headline are shorter, or their words are not the article's)."""
    if words < STANDFIRST_WORDS or over_words < LONGER_DECK_HEADLINE_WORDS:
        return False
    completing(over)
    return over.features[LEAD_WORDS] > 0


def under_kicker(scored: Scored, ranked: list[Candidate], best: int | None, completing: Completing) -> int | None:
    """The headline right under the chosen line, when that line is a kicker: a word or two over a long
    headline-like line that is no sentence (the kicker's date may stand between them)."""
    if best is None or _longer_than_kicker(scored.prose[best].words, scored.lines[best].text):  # type: ignore[union-attr]
        return best
    below = neighbours(scored, best)[1]
    if below >= 0 and is_date_line(scored.lines[below].text):
        below = neighbours(scored, below)[1]
    under = next((candidate for candidate in ranked if candidate.at == below), None)
    if under is None or scored.lines[below].text.endswith(FULL_STOPS):
        return best
    if scored.prose[below].words < KICKER_HEADLINE_WORDS:  # type: ignore[union-attr]
        return best
    return below if _may_be_headline(scored, under, completing) else best


def _longer_than_kicker(words: int, text: str) -> bool:
    """Whether a line of `words` words is longer than a kicker, the sign or word joining two of them left out
    ("Health & Medicine", "Arts and Culture": two words)."""
    if words <= KICKER_WORDS:
        return False
    return words > KICKER_WORDS + 1 or words - sum(word in _KICKER_JOINERS for word in text.split()) > KICKER_WORDS


def _may_be_headline(scored: Scored, candidate: Candidate, completing: Completing) -> bool:
    """Whether the model would take the line at all: not excluded, no chrome phrase, no menu's or credit's pipe or
    slash, no photo's credit, above the threshold."""
    completing(candidate)
    if holds_photo_credit(scored.lines[candidate.at].text):  # an image's caption over the standfirst
        return False
    features = candidate.features
    return not (
        candidate.excluded or features[CHROME_PHRASE] or features[PIPE_OR_SLASH] or candidate.score() <= THRESHOLD
    )
