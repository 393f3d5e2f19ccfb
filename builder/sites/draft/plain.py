"""Plain lines inside the article that a rule reads: "Tags: a, b", "[Image: alt]" with its caption under it,
"Read more: ..." dropped from the body, and a "Tags" line with the tags as bullets after it.

Such a line starts with a label the dumps share ("Tags: ") and ends with text of its own dump; what the
label says tells which rule it is (the words below, in the languages the loader knows). A label that
says nothing known is left to the user, in a note.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from builder.sites.draft.content import Block, Content, headlines_after, recurs
from builder.sites.draft.corpus import Corpus, is_label, is_prose
from builder.sites.draft.dates import escape
from builder.sites.draft.guesses import Guess
from builder.sites.draft.words import IMAGE_WORDS, INSERT_WORDS, TAG_WORDS, label_word

_TAG_SEPARATORS = (", ", " | ", "; ", " · ", " / ")
# A label: a word or few (optionally in brackets) and a colon, then the line's own text.
_LABEL = re.compile(r"(\[?)([^\W\d][^:\[\]]{0,24}): (.+?)(\]?)")


@dataclass
class PlainRules:
    """Guesses by profile key, and insert rules (`{"pattern": ..., "paragraphs": ...}`) with their reasons."""

    entries: dict[str, Guess[Any]] = field(default_factory=dict)
    inserts: list[tuple[dict[str, object], str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Labelled:
    dumps: set[int] = field(default_factory=set)
    rests: list[str] = field(default_factory=list)
    with_lines_under: int = 0  # blocks with more lines under the labelled one
    headlines_after: Counter[int] = field(default_factory=Counter)


def _labelled(content: Content) -> dict[str, _Labelled]:
    """The paragraphs whose first line is labelled ("Tags: ", "[Image: "), by label."""
    found: dict[str, _Labelled] = {}
    for number, page in enumerate(content.pages):
        for i, block in enumerate(page):
            match = _LABEL.fullmatch(block[0].text)
            if block[0].bullet or match is None or (match.group(1) == "[") != (match.group(4) == "]"):
                continue
            seen = found.setdefault(f"{match.group(1)}{match.group(2)}: ", _Labelled())
            seen.dumps.add(number)
            seen.rests.append(match.group(3))
            seen.with_lines_under += len(block) > 1
            seen.headlines_after[headlines_after(page, i)] += 1
    return found


def plain_rules(corpus: Corpus, content: Content) -> PlainRules:
    """The rules for labelled lines that recur across the dumps, by what their label says."""
    rules = PlainRules()
    for label, seen in sorted(_labelled(content).items()):
        if not recurs(corpus, len(seen.dumps)):
            continue
        word, times = label_word(label), f"in {corpus.of(len(seen.dumps))}"
        if word in TAG_WORDS:
            _tags_line(rules, label, seen, times)
        elif word in IMAGE_WORDS:
            _image_line(rules, label, seen, times)
        elif word in INSERT_WORDS:
            paragraphs, count = min(seen.headlines_after.items(), key=lambda item: (-item[1], item[0]))
            rule = {"pattern": f"{escape(label)}.*", "paragraphs": paragraphs}
            rules.inserts.append(
                (rule, f"{label!r} lines mid-article {times}, {paragraphs} short lines after in {count}")
            )
        else:
            rules.notes.append(f"lines labelled {label!r} {times} are read as body: a rule may be missing")
    marker = tags_marker(corpus, content)
    if marker is not None:
        rules.entries["fields.tags.after_marker"] = marker
    return rules


def _tags_line(rules: PlainRules, label: str, seen: _Labelled, times: str) -> None:
    rules.entries["fields.tags.line_prefix"] = Guess(label, f"opens a line of tags {times}")
    used = [sep for sep in _TAG_SEPARATORS if any(sep in rest for rest in seen.rests)]
    rules.entries["fields.tags.separators"] = Guess(
        used or [", "], f"seen between tags: {', '.join(map(repr, used))}" if used else "none seen; the usual one"
    )


def _image_line(rules: PlainRules, label: str, seen: _Labelled, times: str) -> None:
    closing = r"\]" if label.startswith("[") else ""
    pattern = f"{escape(label)}(.+){closing}"
    rules.entries["fields.images.line_pattern"] = Guess(pattern, f"an image line {times}; group 1 is its alt text")
    if seen.with_lines_under * 2 > len(seen.rests):
        rules.entries["fields.images.caption_follows"] = Guess(
            True, f"lines stand under {seen.with_lines_under} of {len(seen.rests)} image lines"
        )


def tags_marker(corpus: Corpus, content: Content) -> Guess[str] | None:
    """A recurring label saying "Tags" with bullets after it (in its block, or the next)."""
    found: Counter[str] = Counter()
    for page in content.pages:
        marked = {block[0].text for i, block in enumerate(page) if _opens_bullets(page, i)}
        found.update(marked)
    ranked = sorted(((n, text) for text, n in found.items() if recurs(corpus, n)), reverse=True)
    return Guess(ranked[0][1], f"bullets (the tags) follow it in {corpus.of(ranked[0][0])}") if ranked else None


def _opens_bullets(page: Sequence[Block], i: int) -> bool:
    first = page[i][0]
    if not is_label(first) or label_word(first.text) not in TAG_WORDS:
        return False
    after = page[i][1:] or (page[i + 1] if i + 1 < len(page) else ())
    return bool(after) and all(line.bullet for line in after) and not is_prose(after)
