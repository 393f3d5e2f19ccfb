"""What a site's other dumps say about a page's lines: a line that recurs in many of them is the site's chrome.

The build's survey counts, for each group of dumps (a site), in how many dumps each line appears
(`SiteChrome`); `with_corpus` marks a page's recurring lines as chrome on a copy of its scores, before the
region search (region.py) reads them. Two kinds of recurring lines stay the page's own: a headline over this
dump's own byline or date line (other dumps list it, or hold the same article crawled again), and a long
paragraph that fewer than half the dumps print (a series' standing paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import partial
from typing import Final

from builder.extract.generic.byline import byline_names
from builder.extract.generic.chrome import LISTED, SiteChrome
from builder.extract.generic.corpus import unlisted
from builder.extract.generic.dates import is_date_line
from builder.extract.generic.markers import AD_MARK_WORDS, AD_WORDS
from builder.extract.generic.names import bare_name
from builder.extract.generic.region import SITE_RULE_END, Scored, following, neighbours
from builder.extract.textdump.lines import listed_texts

CORPUS_MIN_DUMPS: Final = 3  # below this many dumps of a site, its counts say nothing about a line
CORPUS_SHARE: Final = 0.3  # a line in at least this share of the site's dumps is the site's chrome
CORPUS_CHROME: Final = -4.0  # ...and scores this, as a menu's line does
STANDING_WORDS: Final = 20  # a paragraph this long that recurs in fewer than STANDING_SHARE of the site's dumps...
STANDING_SHARE: Final = 0.5  # ...is a series' standing paragraph, not chrome (`_standing`)
# The words a site marks an advertisement or a break in its article with
_AD_MARK: Final = re.compile(rf"(?i)\b(?:{AD_WORDS}|story continues|continue story)\b")
# The ASCII stems of `_AD_MARK`'s words (the others hold a letter out of ASCII): a text in ASCII with none of
# them holds no mark
_AD_STEMS: Final = ("advertis", "story continues", "continue story", "anzeige", "werbung", "publicidad", "advertentie")
# A site's recurring lines between paragraphs, this many or fewer, are marks inside its articles
INSERT_LINES: Final = 2
WRAPPED_LINES: Final = 8  # the lines of a wrapped paragraph looked through for its prose, from either end
OWN_HEADLINE_WORDS: Final = 4  # a recurring line over this dump's own byline is its headline when this long (no menu)
NAMES_OVER_DATE: Final = 2  # ...or over its own date, an author's name printed once or twice between them
_WORDED: Final = re.compile(r"[^\W_]")  # a letter or a digit


def uses_corpus(chrome: SiteChrome | None) -> bool:
    """Whether the site's dumps are enough for their counts to say anything about a line."""
    return chrome is not None and chrome.dumps >= CORPUS_MIN_DUMPS


def with_corpus(scored: Scored, chrome: SiteChrome) -> Scored:
    """A copy of the page's scores with the lines that recur in many dumps of the site made chrome (the page
    alone may be read again: it is left as it was). Each distinct line is looked up once: a page prints its
    menus and share bars more than once."""
    least = max(2.0, CORPUS_SHARE * chrome.dumps)  # a line in one dump only is never counted
    texts = listed_texts(scored.lines, LISTED)  # a list item is keyed apart from the same words alone
    recurring = chrome.found_in(dict.fromkeys(texts), least)
    scores, chrome_rules = scored.scores.copy(), scored.chrome_rules.copy()
    if recurring:
        worded = {count: f"repeated in {count} of {chrome.dumps} {SITE_RULE_END}" for count in {*recurring.values()}}
        # A rule or a dash between paragraphs ("-", "—————") recurs on any site: it says nothing of this one's
        # chrome, and would cut the article. An empty list item (an icon's link) is a menu's, and counts.
        rules = {text: worded[count] for text, count in recurring.items() if text == LISTED or _is_worded(text)}
        marked = []  # the lines made chrome, in order
        for i, text in enumerate(texts):
            rule = rules.get(text)
            # a blank line's text is "" (a lone bullet's is "• ", and may recur)
            if rule is None or not text or _standing(scored, chrome, recurring, i, text):
                continue
            if not _over_own_head(scored, chrome, recurring, texts, i):
                scores[i], chrome_rules[i] = CORPUS_CHROME, rule
                marked.append(i)
        if _holds_ad_mark(rules, chrome.ad_marked):  # most sites print none: the page's lines are not walked
            _inserts_cost_less(scored, scores, marked)
    first_own = bool(texts) and texts[0] != "" and chrome.counts(texts[:1])[0] < 2  # no other dump prints it
    return Scored(scored.lines, scored.prose, scores, chrome_rules, scored.seen, first_own)


def _is_worded(text: str) -> bool:
    """Whether the text holds a letter or a digit (`_WORDED`, which is `str.isalnum`'s): most open with one (a list
    item after its mark), told without a search."""
    first = text[len(LISTED) : len(LISTED) + 1] if text.startswith(LISTED) else text[:1]
    return first.isalnum() or _WORDED.search(text) is not None


def _holds_ad_mark(texts: Collection[str], asked: dict[str, bool]) -> bool:
    """Whether one of the texts holds an advertisement's mark (`_AD_MARK`). `asked`: the answers for the texts
    already asked (`SiteChrome.ad_marked`: a site's dumps share their recurring lines, so a worker searches each
    once); the others are asked now, and kept there."""
    unasked = [text for text in texts if text not in asked]
    if unasked:
        marked = _marked(unasked)
        for text in unasked:
            asked[text] = text in marked
    return any(asked[text] for text in texts)


def _marked(texts: list[str]) -> set[str]:
    """The texts that hold an advertisement's mark. The texts in ASCII (a list item's mark aside) are first
    looked in for the mark's words' ASCII stems, all at once and in C: a search ignoring case costs ~100 ns a
    character, and a site's recurring lines are thousands of characters, which seldom hold one."""
    marked = set()
    plain = []  # the texts in ASCII, each without its list item's mark (which opens no word), and as given
    for text, words in zip(texts, unlisted(texts), strict=True):
        if not words.isascii():
            if _AD_MARK.search(words) is not None:
                marked.add(text)
        else:
            plain.append((words, text))
    joined = "\n".join([words for words, _ in plain])
    lowered = joined.lower()
    for stem in _AD_STEMS:  # each line holding a stem is searched, alone (the search's bounds are its ends)
        at = lowered.find(stem)
        while at != -1:
            start, end = lowered.rfind("\n", 0, at) + 1, lowered.find("\n", at)
            if _AD_MARK.search(joined, start, len(joined) if end == -1 else end):
                marked.add(plain[lowered.count("\n", 0, start)][1])
            at = -1 if end == -1 else lowered.find(stem, end)
    return marked


def _inserts_cost_less(scored: Scored, scores: list[float], marked: list[int]) -> None:
    """A recurring advertisement's mark or two between paragraphs of prose ("Story continues", "ADVERTISEMENT")
    weigh what the page alone gives them, not a menu's cost: the region runs on past them (they stay chrome, out
    of the body). `marked`: the lines the corpus made chrome, in order."""
    run: list[int] = []  # marked lines with only blank lines between them
    for i in [*marked, -1]:  # -1 closes the last run
        if run and i > run[-1] and all(scored.prose[k] is None for k in range(run[-1] + 1, i)):
            run.append(i)
            continue
        if run and _is_insert(scored, scores, run):
            for k in run:
                scores[k] = min(scored.scores[k], 0.0)
        run = [i]


def _is_insert(scored: Scored, scores: list[float], run: list[int]) -> bool:
    """Whether the run of recurring lines is a mark or two of an advertisement with a paragraph of prose right above
    and under (`_in_prose`)."""
    if len(run) > INSERT_LINES or not all(map(partial(_is_ad_mark, scored), run)):
        return False
    above, below = neighbours(scored, run[0])[0], neighbours(scored, run[-1])[1]
    return above >= 0 and below >= 0 and _in_prose(scored, scores, above, -1) and _in_prose(scored, scores, below, 1)


def _in_prose(scored: Scored, scores: list[float], i: int, step: int) -> bool:
    """Whether line i is in a paragraph of prose: a line of its block (the lines with no blank line between, read
    from i by `step`, WRAPPED_LINES at most) scores above zero. A paragraph the site wrapped ends on its last
    words ("in power."), which score as a short line."""
    end = max(-1, i - WRAPPED_LINES) if step < 0 else min(len(scores), i + WRAPPED_LINES)
    for k in range(i, end, step):
        if scored.prose[k] is None:
            return False
        if scores[k] > 0.0:
            return True
    return False


def _is_ad_mark(scored: Scored, i: int) -> bool:
    prose = scored.prose[i]
    return prose is not None and prose.words <= AD_MARK_WORDS and _AD_MARK.search(scored.lines[i].text) is not None


def _standing(scored: Scored, chrome: SiteChrome, recurring: Mapping[str, int], i: int, text: str) -> bool:
    """A long paragraph that fewer than half the site's dumps print: a series' standing paragraph ("Each week this
    blog features a recently added gadget ..."), the article's own. A site's own blurb or notice is in nearly all."""
    prose = scored.prose[i]
    if prose is None or prose.words < STANDING_WORDS or scored.lines[i].bullet:
        return False
    return recurring[text] < STANDING_SHARE * chrome.dumps


def _over_own_head(scored: Scored, chrome: SiteChrome, recurring: Mapping[str, int], texts: list[str], i: int) -> bool:
    """Whether a recurring line stands right over a byline that only this dump prints (`recurring`: the recurring
    lines' texts, with their counts): it is this dump's headline, which the site's other dumps list ("Popular",
    "Next post"). Over a date line only this dump prints, so is a line half the dumps print or fewer (a line
    in most is the site's own: its blog's motto over each post's date), the author's name alone between them or
    not ("Reforming Wall Street ..." over "Anthony Reyes" over "July 19, 2012")."""
    prose = scored.prose[i]
    if prose is None or prose.words < OWN_HEADLINE_WORDS or scored.lines[i].bullet:
        return False
    under = following(scored, i, 1)
    if not under:
        return False
    if texts[under[0]] not in recurring and byline_names(texts[under[0]]) is not None:
        return True
    if recurring[texts[i]] > STANDING_SHARE * chrome.dumps:  # most recurring lines: a menu's, in most dumps
        return False
    under = following(scored, i, 1 + NAMES_OVER_DATE)  # the lines a name and its date take, read only now
    names = 0  # the author's name alone over the date, which the site's other dumps may print, once or twice
    while names < min(NAMES_OVER_DATE, len(under) - 1) and bare_name(texts[under[names]]) is not None:
        names += 1
    dated = texts[under[names]]
    return dated not in recurring and is_date_line(dated)
