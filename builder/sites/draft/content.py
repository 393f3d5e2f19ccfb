"""The article between its meta lines and its end: inserted blocks, image blocks, tags and the body's prose.

Each dump's content is read as blocks (runs of non-blank lines). A short line that recurs across dumps in
the middle of articles, with article prose after it, marks an insert; the short lines right after it are
the inserted paragraphs. A bullet that recurs at the head of bulleted blocks opens image blocks. A bullet
run as the last block closes the article with its tags.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from builder.extract.textdump.lines import Line, blocks
from builder.sites.draft.corpus import Corpus, is_label, is_prose, most_common
from builder.sites.draft.guesses import Guess

Block = tuple[Line, ...]
# An insert marker or an image block's opening bullet must recur in this share of the dumps (and in two).
_RECURRING = 0.1


@dataclass(frozen=True)
class Content:
    """The blocks of each dump's article after its meta lines, up to the line that ends it."""

    pages: tuple[tuple[Block, ...], ...]

    @classmethod
    def of(cls, corpus: Corpus, spans: Sequence[tuple[int, int] | None]) -> Content:
        return cls(
            tuple(
                tuple(page[a:b] for a, b in blocks(page, *span)) if span is not None else ()
                for page, span in zip(corpus.pages, spans, strict=True)
            )
        )

    def prose(self) -> list[str]:
        """Each dump's article prose as one text (for its language)."""
        return [
            " ".join(" ".join(line.text for line in block) for block in page if is_prose(block)) for page in self.pages
        ]


def recurs(corpus: Corpus, count: int) -> bool:
    """Whether a thing seen in `count` dumps recurs: in two dumps or more, and in a tenth of them."""
    return count >= 2 and count >= _RECURRING * corpus.size


def headlines_after(page: Sequence[Block], at: int) -> int:
    """How many one-line blocks that read as no sentence follow block `at` (the inserted headlines)."""
    count = 0
    for block in page[at + 1 :]:
        if len(block) != 1 or block[0].bullet or is_prose(block):
            break
        count += 1
    return count


def inserts(
    corpus: Corpus, content: Content, markers: Sequence[str], read: Sequence[re.Pattern[str]] = ()
) -> list[tuple[dict[str, object], str]]:
    """Short recurring lines with article prose after them, and how many paragraphs follow each.

    `markers` are the lines the tail analysis found in nearly every dump with prose after them; lines
    that a pattern of `read` matches are another rule's ("Read more: ..." repeats a headline).
    """
    seen: Counter[str] = Counter()
    follow: dict[str, Counter[int]] = {}
    for page in content.pages:
        for i, block in enumerate(page):
            line = block[0]
            if len(block) != 1 or not is_label(line) or not (line.text in markers or corpus.count(line) >= 2):
                continue
            if any(pattern.fullmatch(line.text) for pattern in read):
                continue
            if any(is_prose(later) for later in page[i + 1 :]):  # mid-article: prose follows
                seen[line.text] += 1
                follow.setdefault(line.text, Counter())[headlines_after(page, i)] += 1
    found = [(text, count) for text, count in sorted(seen.items()) if recurs(corpus, count)]
    rules: list[tuple[dict[str, object], str]] = []
    for text, count in found:
        paragraphs, times = min(follow[text].items(), key=lambda item: (-item[1], item[0]))
        rule: dict[str, object] = {"marker": text, "paragraphs": paragraphs}
        rules.append((rule, f"mid-article in {corpus.of(count)}, {paragraphs} short lines after it in {times}"))
    return rules


def _closing_bullets(page: Sequence[Block], image_start: str | None) -> bool:
    if not page:
        return False
    last = page[-1]
    return all(line.bullet for line in last) and not (image_start and last[0].text == image_start)


def image_block_start(corpus: Corpus, content: Content) -> Guess[str] | None:
    """The bullet that opens blocks of several lines in the middle of articles (a gallery's button)."""
    opens: Counter[str] = Counter()
    for page in content.pages:
        opening = {block[0].text for block in page[:-1] if block[0].bullet and len(block) > 1}
        opens.update(opening)
    found = most_common(opens)
    if found is None or not recurs(corpus, found[1]):
        return None
    text, count = found
    return Guess(text, f"opens a block of bullets and captions in the article in {corpus.of(count)}")


def trailing_tags(corpus: Corpus, content: Content, image_start: str | None) -> Guess[bool] | None:
    """Whether a bullet run closes the article in a good share of the dumps."""
    count = sum(1 for page in content.pages if _closing_bullets(page, image_start))
    if not recurs(corpus, count):
        return None
    return Guess(True, f"a bullet list closes the article in {corpus.of(count)}")
