"""Chrome phrases (chrome_phrases.json): words of a page's links, buttons and labels, by language ("Skip to",
"Sign in", "Newsletter"). A line holding one is rarely an article's headline or its publisher's name."""

from __future__ import annotations

import json
import re
from typing import Final, NamedTuple

from builder.extract.generic import DATA_DIR

UNSPACED_START: Final = 0x3000  # characters from here on are of scripts that do not space their words (CJK)
WORD: Final = re.compile(r"\w+")
_PHRASES_FILE: Final = DATA_DIR / "chrome_phrases.json"


class ChromePhrases(NamedTuple):
    """chrome_phrases.json, ready to match: phrases of spaced scripts as word sequences by their first word
    (matched on whole words: "abo" is no match in "about"), those of unspaced scripts as strings."""

    by_first_word: dict[str, list[tuple[str, ...]]]
    unspaced: tuple[str, ...]

    def found_in(self, lowered: str, tokens: list[str]) -> bool:
        for k, token in enumerate(tokens):
            for phrase in self.by_first_word.get(token, ()):
                # the phrase's last word first: a phrase opening with a common word ("to your inbox", "der
                # browser wird") is settled without a slice
                last = k + len(phrase) - 1
                if last < len(tokens) and tokens[last] == phrase[-1] and tuple(tokens[k : last + 1]) == phrase:
                    return True
        return not lowered.isascii() and any(phrase in lowered for phrase in self.unspaced)


def _chrome_phrases() -> ChromePhrases:
    by_language: dict[str, list[str] | str] = json.loads(_PHRASES_FILE.read_text(encoding="utf-8"))
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    unspaced: list[str] = []
    for language, phrases in sorted(by_language.items()):
        if language.startswith("_"):
            continue
        for phrase in phrases:
            if ord(phrase[0]) >= UNSPACED_START:
                unspaced.append(phrase)
            else:
                words = tuple(WORD.findall(phrase.lower()))
                by_first_word.setdefault(words[0], []).append(words)
    return ChromePhrases(by_first_word, tuple(unspaced))


CHROME_PHRASES: Final = _chrome_phrases()
