"""How much a line reads like prose: its length in words and the share of them that are stop words.

Stop words are the strongest sign of running text in any language that spaces its words: a headline
or a menu has few, a sentence many. The lists (stopwords.json, ~40 words a language) are small on
purpose: the most frequent function words carry the signal. Lines in scripts that do not space their
words (Chinese, Japanese, Thai, Burmese) are measured in characters instead: two characters count as one word,
and a full stop or a long line stands for the stop words (their share is 1.0 or 0.0).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from builder.extract.generic import DATA_DIR
from builder.textbytes import mostly_unspaced

_STOP_WORDS_FILE: Final = DATA_DIR / "stopwords.json"


def _load_stop_words() -> frozenset[str]:
    """One set for every language: a line is scored before its language is known, and the lists hardly
    overlap in a way that would make a menu look like prose."""
    by_language: dict[str, list[str]] = json.loads(_STOP_WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(word for words in by_language.values() for word in words)


STOP_WORDS: Final = _load_stop_words()
PROSE_SPACES: Final = 7  # a line of eight words or more may be prose without a sentence end
SAMPLE_CHARS: Final = 240  # the share of stop words is read on a paragraph's start: enough to tell, cheap
# A line of unspaced script is prose when it holds a full stop (Chinese and Japanese, Burmese) or is this
# long: a headline, a teaser or a menu line of those scripts runs as long as a sentence but has no full stop.
UNSPACED_PROSE_CHARS: Final = 60
_FULL_STOP: Final = re.compile("[。．။]")
# A line up to this long may be a headline: one in title case is no prose, nor is one of a run of them
HEADLINE_WORDS: Final = 20
# With the danda of Indian scripts (Bengali, Hindi: "।", "॥"), Arabic's question mark and Urdu's full stop
SENTENCE_ENDS: Final = frozenset(".!?。！？…\"”»)'’:।॥؟۔")
_HANDLE: Final = re.compile(r"\w{1,30}")  # a social network's user name, after its "@"


@dataclass(slots=True)  # never changed once built: the measures below are shared by many lines
class Prose:
    words: int  # words, or for unspaced scripts half the characters
    # share of the words that are stop words (for unspaced scripts, which have none, 1.0 for prose and 0.0
    # for a headline-like line: UNSPACED_PROSE_CHARS); None for a long
    # sentence, which is prose whatever its words: `share_of` reads it where a step needs it
    stop_share: float | None
    sentence_end: bool  # ends as a sentence or quotation does

    # Written out for the compiled module, as `Line.__init__` is (builder/extract/textdump/lines.py); and a
    # class rather than a NamedTuple, whose fields compiled code reads by name lookups, not from its struct.
    def __init__(self, words: int, stop_share: float | None, sentence_end: bool) -> None:
        self.words = words
        self.stop_share = stop_share
        self.sentence_end = sentence_end


# Most lines of a page are menu items of one to three words: their measures are built once.
SHORT_MEASURES: Final = [(Prose(words, 0.0, False), Prose(words, 0.0, True)) for words in (1, 2, 3)]


_MEDIUM: Final = {spaces: Prose(spaces + 1, 0.0, False) for spaces in range(3, PROSE_SPACES)}
# And the measures of most paragraphs (a sentence end, up to 400 words): a Prose costs more to build
# than to look up.
_SENTENCES: Final = [Prose(spaces + 1, None, True) for spaces in range(400)]


def first_letters(openings: Iterable[str]) -> str:
    """The first characters of `openings`, as one string: a pretest (`text[:1] in …`) that settles most lines
    before the openings themselves are compared."""
    return "".join(sorted({opening[0] for opening in openings}))


def measure(text: str, spaces: int | None = None) -> Prose:
    """The prose measures of one collapsed line; `spaces`, its count of spaces when the caller has it."""
    if spaces is None:
        spaces = text.count(" ")
    sentence_end = text[-1:] in SENTENCE_ENDS or (" @" in text and _signed_sentence(text))
    # Most lines are ASCII, and the rest mostly Latin: only the others are searched for unspaced script
    unspaced = 0 if text.isascii() else mostly_unspaced(text, len(text.encode("utf-8", "surrogatepass")))
    if unspaced:  # a third or more Chinese, Japanese, Thai... (Latin names in a sentence)
        prose = sentence_end or unspaced >= UNSPACED_PROSE_CHARS or _FULL_STOP.search(text) is not None
        return Prose(unspaced // 2 + spaces, 1.0 if prose else 0.0, sentence_end)
    if spaces < 3:  # too short to be prose whatever its words: skip the lookups
        return SHORT_MEASURES[spaces][sentence_end]
    if spaces < PROSE_SPACES and not sentence_end:  # a short line that is no sentence: nothing to weigh
        return _MEDIUM[spaces]
    if sentence_end and spaces >= PROSE_SPACES:  # most paragraphs: their share decides nothing in the scoring
        return _SENTENCES[spaces] if spaces < len(_SENTENCES) else Prose(spaces + 1, None, True)
    return Prose(spaces + 1, stop_share(text), sentence_end)


def _signed_sentence(text: str) -> bool:
    """A sentence signed with its writer's handle ("Repurposing food as art is creative. @TweetRightBrain"): it
    ends as its sentence does."""
    body, _, handle = text.rpartition(" @")
    return body[-1:] in SENTENCE_ENDS and _HANDLE.fullmatch(handle) is not None


def stop_share(text: str) -> float:
    """The share of stop words among the tokens of the line's start.

    Distinct stop words among the sample's tokens: a set intersection runs in C (a regex tokeniser costs
    ten times more); punctuation glued to a stop word ("the,") is rare enough to ignore."""
    sample = text[:SAMPLE_CHARS].lower().split(" ")
    return len(STOP_WORDS.intersection(sample)) / len(sample)


def share_of(prose: Prose, text: str) -> float:
    """The line's share of stop words, read now if `measure` left it unread."""
    return stop_share(text) if prose.stop_share is None else prose.stop_share


def is_title_case(text: str) -> bool:
    """Whether most words of four letters or more start with a capital (two such words at least)."""
    long_words = [w for w in text.split(" ") if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 2:
        return False
    return sum(w[0].isupper() for w in long_words) * 4 >= len(long_words) * 3


def is_headline_case(text: str) -> bool:
    """Whether every word of four letters or more but the stop words starts with a capital (three such words
    at least): a headline in title case. Stricter than `is_title_case`: German capitalises its nouns, and
    its prose most long words."""
    if text.endswith(")") and " (" in text:  # "(6 days ago)", "(Updated)": a note on the headline, in any case
        text = text[: text.rindex(" (")]
    capitalised = 0
    for word in text.split(" "):  # most lines are prose: the first long word in lower case settles them
        if len(word) < 4 or not word[0].isalpha() or word.lower() in STOP_WORDS:
            continue
        if not word[0].isupper():
            return False
        capitalised += 1
    return capitalised >= 3


def holds_word(text: str, word: str) -> bool:
    """Whether `word` is in `text` between word boundaries, as `re.search(rf"\\b{re.escape(word)}\\b", text)`
    answers: found with str.find, checked at each find. (The pattern opens with a boundary, so the regex
    engine tries it at every offset of the text: about 40 µs a KB of page, against under 1 µs.)"""
    at = text.find(word)
    while at != -1:
        if _at_boundary(text, at) and _at_boundary(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _at_boundary(text: str, at: int) -> bool:
    """Whether `\\b` matches at offset `at`: a word character on one side of it only (`\\w`: a letter or a
    digit of any script, or "_")."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after
