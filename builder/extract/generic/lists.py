"""Lists inside an article: the ingredients and steps of a recipe, the points of a guide. Their items are short
lines that score below zero, so the best-scoring run of prose stops at them; a list between the article's
paragraphs (prose after it), one its last paragraph announces ("… on the following devices:"), or one under
a label ("Zutaten:", "Ingredients:") just above them, is the article's and joins the region. Inside the
region, a run of very short bullets is a menu or a share bar, unless it belongs to such a list.
"""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.markers import LABEL_WORDS, is_label
from builder.extract.generic.recipes import recipe_after, recipe_before
from builder.extract.generic.region import Scored

LIST_ITEM_WORDS: Final = 12  # a list item is no longer than this
MIN_ITEMS: Final = 2  # fewer items than this are no list
MIN_PLAIN_ITEMS: Final = 3  # fewer plain lines (no bullet, no number) than this under a paragraph's colon are no list
LOOK_ABOVE: Final = 60  # how far above the region a labelled list is looked for
PROSE_LINE: Final = 1.0  # a line scoring this much is a paragraph of prose
MIN_PARAGRAPHS: Final = 2  # the article goes on after a list when this many paragraphs follow it
MENU_ITEM_WORDS: Final = 3  # a list whose items have no more words than this on average is a menu
MENU_BULLET_WORDS: Final = 3  # a bullet this short...
MENU_RUN: Final = 3  # ...in a run of this many or more is a menu or share bar
# "1. Stir", "2) Bake", "300 g Mehl", "1/2 cup", or a dash typed for a bullet ("- Quick Office 5.3")
_NUMBERED: Final = re.compile(r"\d+(?:[.,/]\d+)?[.)]?\s|[-–] ")


def with_lists(scored: Scored, start: int, stop: int) -> tuple[int, int]:
    """The region widened over the lists that belong to it: after its end while prose follows a list or a recipe
    follows (`recipe_after`), and before its start over a recipe whose steps open it (`recipe_before`) and over
    labelled lists."""
    while True:
        after = _list_after(scored, stop)
        if after is None:
            after = _counted_list_after(scored, start, stop)
        if after is None:
            after = recipe_after(scored, stop)
        if after is None:
            break
        stop = after
    before = recipe_before(scored, start)
    return _labelled_lists_before(scored, start if before is None else before), stop


def _kind(scored: Scored, i: int, marked: bool) -> str | None:
    """'item' for a list item, 'label' for a label line, 'blank', or None for any other line. With `marked`,
    an item is a bullet or starts with a number; without, any short line (under a label) is one."""
    measured = scored.prose[i]
    if measured is None:
        return "blank"
    if i in scored.chrome_rules:  # a repeated line, a form field: chrome, not a list item
        return None
    text = scored.lines[i].text
    if is_label(text, measured.words):
        return "label"
    if marked and scored.lines[i].bullet:
        return "item"  # a bullet's line, however long
    if measured.words <= LIST_ITEM_WORDS and (not marked or scored.lines[i].bullet or _NUMBERED.match(text)):
        return "item"
    return None


def _list_after(scored: Scored, stop: int) -> int | None:
    """The new stop when a list of MIN_ITEMS or more follows the region and paragraphs follow the list: after
    the prose right under it. None when no such list follows, or when its items are as short as a menu's
    ("Apps", "Cookies", "Terms of Use") or a single line follows it (a footer's notice). A list that the
    region's last paragraph announces ("… on the following devices:") is the article's with no paragraph
    under it, its items as short as a menu's or not: the article may end with it. So is the rest of a list the
    region ends inside (its last MIN_ITEMS lines items, the next line another), its items no menu's."""
    is_announced = announced(scored, stop)
    goes_on = MIN_ITEMS <= stop < len(scored.prose) and all(
        scored.lines[i].bullet for i in range(stop - MIN_ITEMS, stop + 1)
    )
    if is_announced and not _is_marked(scored, _next_line(scored, stop)):
        return _plain_list_after(scored, stop)
    items = words = 0
    i = stop
    while i < len(scored.prose):
        kind = _kind(scored, i, marked=True)
        if kind is None:
            break
        if kind == "item":
            items += 1
            words += scored.prose[i].words  # type: ignore[union-attr]  # an item is never blank
        i += 1
    if items < MIN_ITEMS or (words <= MENU_ITEM_WORDS * items and not is_announced):
        return None
    return _after_prose(scored, i, 0 if is_announced or goes_on else MIN_PARAGRAPHS)


_COUNT: Final = re.compile(r"(\d{1,3})[.)]\s")  # "1. Stir", "01. Robert Plant", "2) Bake"
MIN_COUNTED: Final = 3  # a list counted under the article joins it with this many items


def _counted_list_after(scored: Scored, start: int, stop: int) -> int | None:
    """The new stop after a numbered list right under the region whose count goes on from the region's last
    numbered line ("7. Mit Sahne servieren." over "8. Ergänzungsvorschläge: …"), or starts at one under a
    paragraph ("Here's the full list:" or not, over "01. Robert Plant", "02. Rob Halford" ...): a ranking or a
    recipe's steps, MIN_COUNTED items at least, each one more than the last. None when no such list follows, or
    when an item opens in lower case (tags that a page prints as a numbered list)."""
    first = _next_line(scored, stop)
    if first >= len(scored.prose) or (found := _COUNT.match(scored.lines[first].text)) is None:
        return None
    count = int(found[1])
    above = _previous_line(scored, stop)
    before = _COUNT.match(scored.lines[above].text) if above >= start else None
    goes_on = before is not None and int(before[1]) == count - 1  # the count of the article's own last line
    if count != 1 and not goes_on:
        return None
    items, i, last = 0, first, first
    while i < len(scored.prose):
        if scored.prose[i] is not None:
            text = scored.lines[i].text
            found = _COUNT.match(text)
            if found is None or int(found[1]) != count + items or i in scored.chrome_rules:
                break
            if text[found.end() : found.end() + 1].islower():  # a tag list a page numbers: "1. bags", "2. video"
                return None
            items, last = items + 1, i
        i += 1
    return last + 1 if items >= MIN_COUNTED or (goes_on and items) else None


def _plain_list_after(scored: Scored, stop: int) -> int | None:
    """The new stop after a list of plain short lines, or of lines opening with their label ("Ohio: Ann Allen,
    Bob Baker, …"), that the region's last paragraph announces ("Below is the list of players invited:" over
    "Brian Edwards (Wake Forest University)"), MIN_PLAIN_ITEMS of them at least; a bullet, a number or a label
    ends it (a menu or another list under it). None if too short."""
    items = 0
    i = stop
    while i < len(scored.prose) and (scored.prose[i] is None or not _is_marked(scored, i)):
        if _kind(scored, i, marked=False) is None and not _is_labelled_item(scored, i):
            break
        items += scored.prose[i] is not None
        i += 1
    return None if items < MIN_PLAIN_ITEMS else _after_prose(scored, i, 0)


def _is_labelled_item(scored: Scored, i: int) -> bool:
    """A list's item that opens with its label and a colon, however long ("Colorado: Ryan Call, Laura Carno, …")."""
    if i in scored.chrome_rules:
        return False
    head, colon, _ = scored.lines[i].text.partition(": ")
    return bool(colon) and head.count(" ") < LABEL_WORDS


def _after_prose(scored: Scored, i: int, min_paragraphs: int) -> int | None:
    """The stop after the lines from i on that score above zero (blank lines between) or are a subheading over
    a paragraph, when min_paragraphs of them are paragraphs of prose; else None."""
    paragraphs = 0
    while i < len(scored.prose) and (scored.prose[i] is None or scored.scores[i] > 0.0 or _subheading(scored, i)):
        paragraphs += scored.scores[i] >= PROSE_LINE
        i += 1
    if paragraphs < min_paragraphs:
        return None
    while scored.prose[i - 1] is None:
        i -= 1
    return i


def _subheading(scored: Scored, i: int) -> bool:
    """A short line, no list item and no chrome, right over a paragraph of prose ("Was beeinflusst die
    Legeleistung?" under a list): the article's subheading."""
    if scored.lines[i].bullet or i in scored.chrome_rules or scored.prose[i].words > LIST_ITEM_WORDS:  # type: ignore[union-attr]
        return False
    below = _next_line(scored, i + 1)
    return below < len(scored.prose) and scored.scores[below] >= PROSE_LINE


def menu_lines(scored: Scored, start: int, stop: int) -> set[int]:
    """Lines of lines[start:stop] in runs of MENU_RUN or more short bullets: a menu or share bar inside the
    region. A list that a paragraph announces is the article's, its short items too ("• Apple iPad")."""
    found: set[int] = set()
    run: list[int] = []
    for i in range(start, stop + 1):
        prose = scored.prose[i] if i < stop else None
        if prose is not None and scored.lines[i].bullet and prose.words <= MENU_BULLET_WORDS:
            run.append(i)
            continue
        if prose is None and i < stop:
            continue
        if len(run) >= MENU_RUN and not _is_articles_list(scored, run):
            found.update(run)
        run = []
    return found


def _is_articles_list(scored: Scored, run: list[int]) -> bool:
    """Whether a run of short bullets belongs to a list of the article's: one a paragraph announces, or one
    whose other items make it a list of points ("• Delete whole words (before and after the cursor)")."""
    first = _first_item(scored, run[0])
    if announced(scored, first):
        return True
    items = words = 0
    i = first
    while i < len(scored.prose) and (scored.prose[i] is None or scored.lines[i].bullet):
        if (measured := scored.prose[i]) is not None:
            items += 1
            words += measured.words
        i += 1
    return items > len(run) and words > MENU_ITEM_WORDS * items


def announced(scored: Scored, first: int) -> bool:
    """Whether the line above `first` announces a list: prose longer than a label, ending with a colon, however
    short a sentence ("The following schools will be closed on Thursday, Nov. 1:"); not a share bar's invitation."""
    above = _previous_line(scored, first)
    return (
        above >= 0
        and scored.scores[above] > 0.0
        and scored.prose[above].words > LABEL_WORDS  # type: ignore[union-attr]  # a line scoring above 0 is prose
        and _announces(scored.lines[above].text)
        and "share" not in scored.lines[above].text.lower()  # "Click to share this via:" over a share bar
    )


# A sentence announcing what follows ("The dates are as follows."), read on the paragraph's end only
_AS_FOLLOWS: Final = (" as follows.", " the following.")
_AS_FOLLOWS_CHARS: Final = max(map(len, _AS_FOLLOWS))


def _announces(text: str) -> bool:
    """Whether a paragraph ends as one announcing a list does: with a colon (a semicolon typed for one: "Here is
    the full changelog;"), or saying so ("The dates are as follows.")."""
    return text[-1:] in ":;" or (text[-1:] == "." and text[-_AS_FOLLOWS_CHARS:].lower().endswith(_AS_FOLLOWS))


def _first_item(scored: Scored, i: int) -> int:
    """The first bullet of the list that holds bullet line `i` (its items' lines, blank lines between)."""
    while (above := _previous_line(scored, i)) >= 0 and scored.lines[above].bullet:
        i = above
    return i


def _labelled_lists_before(scored: Scored, start: int) -> int:
    """The start moved up over lists right above it that a label opens (a recipe's ingredients above its
    steps, "Zutaten:" over "300 g Mehl"). A label's list is the unbroken run of lines under it: labels each
    over one value ("Words:" over "67379") are a table of facts, and short lines with no label over them may
    be a menu; both stay out."""
    first = start
    adjacent = _previous_line(scored, start)
    for i in range(start - 1, max(-1, start - LOOK_ABOVE), -1):
        kind = _kind(scored, i, marked=False)
        if kind is None:
            break
        if kind != "label":
            continue
        if i != adjacent and _items_under(scored, i) < MIN_ITEMS:
            break
        first = i
    return first


def _items_under(scored: Scored, label: int) -> int:
    """How many list items follow a label in one unbroken run of lines (one blank line after it allowed)."""
    i = label + 1
    if i < len(scored.prose) and scored.prose[i] is None:
        i += 1
    count = 0
    while i < len(scored.prose) and _kind(scored, i, marked=False) == "item":
        count += 1
        i += 1
    return count


def _is_marked(scored: Scored, i: int) -> bool:
    """Whether line i is a list's bullet or numbered item, or a label (no line left: True)."""
    if i >= len(scored.prose):
        return True
    text = scored.lines[i].text
    return scored.lines[i].bullet or text.endswith(":") or _NUMBERED.match(text) is not None


def _next_line(scored: Scored, start: int) -> int:
    i = start
    while i < len(scored.prose) and scored.prose[i] is None:
        i += 1
    return i


def _previous_line(scored: Scored, start: int) -> int:
    i = start - 1
    while i >= 0 and scored.prose[i] is None:
        i -= 1
    return i
