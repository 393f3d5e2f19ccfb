"""Where the article is: each line scored for how much it reads like the article's prose, then the run of
lines with the best total.

A line of prose (eight words or more, with stop words or a sentence end) scores up with its length; a short
line, a menu item, a form field, a line seen twice in the page or in many dumps of the site scores down.
The article region is the contiguous run of non-blank lines with the highest sum (gaps of chrome inside it
are allowed when the prose on both sides outweighs them), the classic maximum-subarray reading of a page.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Final

from builder.extract.generic import DATA_DIR
from builder.extract.generic.contents import RULE_CONTENTS, contents_lines
from builder.extract.generic.cookies import COOKIE_AT, RULE_COOKIES, is_cookie_notice
from builder.extract.generic.forms import is_form_field
from builder.extract.generic.markers import ENTRY_FOOTER_OPENINGS, is_doubled_item, is_entry_footer
from builder.extract.generic.programs import PROGRAM_LINE, PROGRAM_SIGNS, is_statement_or_row, program_lines
from builder.extract.generic.teasers import headline_run_lines, is_cut_excerpt, teaser_lines
from builder.extract.generic.widgets import RULE_WIDGET, interleaved_lines
from builder.extract.generic.words import (
    HEADLINE_WORDS,
    SENTENCE_ENDS,
    SHORT_MEASURES,
    Prose,
    is_headline_case,
    measure,
)
from builder.extract.generic.wrappers import RULE_ARCHIVE_BANNER, RULE_SERVER_ERROR, archive_banner, is_server_error
from builder.extract.textdump.lines import BLANK, Line

PROSE_WORDS: Final = 8  # a line this long with stop words or a sentence end is prose

SCRIPT_SIGNS: Final = 0.04  # program text has more brackets, semicolons and "=" than this share of its characters
PROSE_MAX_WORDS: Final = 60  # a paragraph longer than this scores as one of this length

# The scores of the kinds of lines, fitted on the training pages by bench/train_generic.py (weights.json).
WEIGHTS: Final = json.loads((DATA_DIR / "weights.json").read_text(encoding="utf-8"))
PROSE_PER_WORD: Final = WEIGHTS["prose_per_word"]  # a line of prose scores this much a word...
PROSE_OFFSET: Final = WEIGHTS["prose_offset"]  # ...plus this
BULLET_PROSE: Final = WEIGHTS["bullet_prose_factor"]  # a list item of prose scores this share of a paragraph
SENTENCE_LINE: Final = WEIGHTS["sentence_line"]  # a short sentence (4 to 7 words, with stop words)
SHORT_LINE: Final = WEIGHTS["short_line"]  # a short line that is no sentence
SHORT_BULLET: Final = WEIGHTS["short_bullet"]  # a short list item (a menu entry)
REPEATED: Final = WEIGHTS["repeated"]  # a short line the page prints twice or more
BLOCK_LINE: Final = WEIGHTS["block_line"]  # a short line under another in one block (a table, a program)
BRACKETED: Final = WEIGHTS["bracketed"]  # a bracketed line: an image's alt text or a button
SCRIPT: Final = WEIGHTS["script"]  # a long line of program text

RULE_SHORT: Final = "a short line outside the article's prose"
RULE_OUTSIDE: Final = "outside the article's region"
RULE_FORM: Final = "a form field"
RULE_REPEATED: Final = "repeated in the page (menu, share or footer line)"
RULE_ENTRY_FOOTER: Final = "a blog engine's footer under the post ('This entry was posted in …')"
# The end of the rule of a line the site's other dumps print ("repeated in 9 of 10 dumps of this site")
SITE_RULE_END: Final = "dumps of this site"


@dataclass(slots=True)
class Scored:
    """The page's lines with what the region search and the later steps need to know about each."""

    lines: list[Line]
    prose: list[Prose | None]  # None for blank lines
    scores: list[float]
    chrome_rules: dict[int, str]  # lines the corpus or the page itself marks as chrome, with why
    seen: Counter[str]  # how many lines of the page read the same
    # The site's other dumps do not print the page's first line: the page's edge sets it apart as a blank line
    # would (a blog whose dumps open with the post's headline). Alone, a first line is as often the site's name.
    first_own: bool = False


def nonblank_above(scored: Scored, start: int, count: int, forms: bool = True) -> list[int]:
    """Up to `count` non-blank lines above line `start`, nearest first; with `forms` false, a form's fields are
    passed over and not counted (a comment form printed between an article's head and its prose)."""
    found: list[int] = []
    i = start - 1
    while i >= 0 and len(found) < count:
        if scored.prose[i] is not None and (forms or scored.chrome_rules.get(i) != RULE_FORM):
            found.append(i)
        i -= 1
    return found


def is_site_line(scored: Scored, i: int) -> bool:
    """Whether the corpus made line i chrome: many of the site's other dumps print it."""
    rule = scored.chrome_rules.get(i)
    return rule is not None and rule.endswith(SITE_RULE_END)


def neighbours(scored: Scored, i: int) -> tuple[int, int]:
    """The nearest non-blank lines above and below line i (-1 where there is none)."""
    # Plain loops: a generator and next() for each side cost more than the three lines they look at.
    prose = scored.prose
    before = after = -1
    for j in range(i - 1, max(-1, i - 4), -1):
        if prose[j] is not None:
            before = j
            break
    for j in range(i + 1, min(len(prose), i + 4)):
        if prose[j] is not None:
            after = j
            break
    return before, after


def following(scored: Scored, i: int, count: int) -> list[int]:
    """Up to `count` non-blank lines under line i, nearest first, within 3 * `count` lines."""
    found: list[int] = []
    for j in range(i + 1, min(len(scored.prose), i + 3 * count + 1)):
        if scored.prose[j] is not None:
            found.append(j)
            if len(found) == count:
                break
    return found


def is_bracketed(text: str) -> bool:
    """w3m prints an image's alt text, and a button, in brackets: "[Harbour at dawn]", "[Search]"."""
    return text.startswith("[") and text.endswith("]") and len(text) > 2


def _is_script(text: str) -> bool:
    """A long line of program text (a page's inline script printed as text): brackets, semicolons and
    equals signs where prose has a few commas."""
    if "(" not in text and "{" not in text and ";" not in text and "=" not in text and "}" not in text:
        return False  # most prose has none of them: five scans that stop early cost less than five counts
    signs = text.count("(") + text.count("{") + text.count(";") + text.count("=") + text.count("}")
    return signs > SCRIPT_SIGNS * len(text)


def _is_code(text: str) -> bool:
    """A line of a program: it ends with a bracket or punctuation, or assigns."""
    return text[-1] in "{}[]();,:" or " = " in text


_LETTER: Final = re.compile(r"[^\W\d_]")  # any letter


def _score(text: str, item: bool, prose: Prose) -> float:
    """The score of a line of text measured as `prose`; `item`: the line is a list item's."""
    words = prose.words
    share = prose.stop_share  # None only for a long sentence, which the first test takes
    if words >= PROSE_WORDS and (prose.sentence_end or (share is not None and share >= 0.12)):
        if _is_script(text):
            return SCRIPT
        # A long paragraph is much stronger evidence than a short one.
        gain = min(words, PROSE_MAX_WORDS) * PROSE_PER_WORD + PROSE_OFFSET
        return gain * BULLET_PROSE if item else gain
    if words >= 4 and prose.sentence_end and share is not None and share >= 0.15:
        return SENTENCE_LINE
    return SHORT_BULLET if item else SHORT_LINE


ONE_WORD: Final = measure("word")
ONE_WORD_CHARS: Final = 20  # longer runs of letters may be CJK sentences: measured in full


def _may_be_headline(prose: Prose) -> bool:
    return not prose.sentence_end and prose.words <= HEADLINE_WORDS


def _one_word(seen: int, line: Line, previous: Line) -> float:
    """The score of a one-word line: the same rules as any short line, in their order."""
    if seen > 1:
        return REPEATED
    if not line.bullet and previous is not BLANK and not previous.bullet:
        return BLOCK_LINE
    return SHORT_BULLET if _is_item(line, previous) else SHORT_LINE


def _is_item(line: Line, previous: Line) -> bool:
    """Whether the line is a list item's text: a bullet's, or the line under a lone bullet. A list item whose first
    part is an image or a box prints its bullet alone, its text on the next line: a card of a menu or of a list of
    teasers, its description read as an item's, not as a paragraph (a church's menu of topics, each a heading and a
    sentence, outweighed its news story)."""
    return line.bullet or (previous.bullet and not previous.text)


def _listed_headline(raws: list[str], i: int, line: Line, previous: Line, prose: Prose) -> bool:
    """A headline in a list of links ("Most read", a teaser's list): in title case, no full stop at its end, and
    a list item or in a block of lines. The article's own headline stands alone; a line of prose is no title."""
    if prose.words > HEADLINE_WORDS or line.text[-1] == ".":
        return False
    in_block = line.bullet or previous is not BLANK or (i + 1 < len(raws) and raws[i + 1].strip() != "")
    return in_block and is_headline_case(line.text)


def holds_letter(text: str) -> bool:
    """Whether the line holds a letter (`_LETTER`). A rule drawn with one sign ("━━━━": a text browser draws
    a page's rule its whole width, a thousand signs) is told by that sign: the pattern would read every one."""
    sign = text[:1]
    if sign and not text.strip(sign):
        return _LETTER.match(sign) is not None
    return _LETTER.search(text) is not None


def score_lines(raws: list[str], lines: list[Line]) -> Scored:
    """Every line's score, read from the page alone (`site_lines.with_corpus` adds what the site's dumps say).

    An indented line of code and a line with no letter ("}", "...") weigh almost nothing either way: they
    break no article in two and make none."""
    seen = Counter([line.text for line in lines])
    prose: list[Prose | None] = [None] * len(lines)  # blank lines keep None and score 0
    scores = [0.0] * len(lines)
    chrome_rules: dict[int, str] = {}
    sign_lines: list[int] = []  # lines that end as a program's statements do, or are a table's rows
    heads: list[int] = []  # paragraphs of a headline's length, no sentence (`headline_run_lines`)
    previous = BLANK
    for i, line in enumerate(lines):
        if line is BLANK:
            previous = line
            continue
        text = line.text
        if text.isalpha() and len(text) < ONE_WORD_CHARS:  # a one-word menu item: the common case, settled here
            prose[i] = ONE_WORD
            repeats = seen[text]
            score = _one_word(repeats, line, previous)
            if repeats > 1:
                chrome_rules[i] = RULE_REPEATED
        else:
            spaces = text.count(" ")
            item = _is_item(line, previous)
            if spaces < 3 and text.isascii():  # a short line: no prose to weigh (measure's first case, inlined)
                prose[i] = measured = SHORT_MEASURES[spaces][text[-1:] in SENTENCE_ENDS]
                score = SHORT_BULLET if item else SHORT_LINE
            else:
                prose[i] = measured = measure(text, spaces)
                score = _score(text, item, measured)
            if is_form_field(text):
                score, chrome_rules[i] = -1.5, RULE_FORM
            elif text[:1] == "[" and is_bracketed(text):
                score = BRACKETED  # an image inside the article as often as a button outside it
            # (a line scoring no higher is neither: both read as prose; a float's test first, for most lines)
            elif score > 0.0 and text.startswith(ENTRY_FOOTER_OPENINGS) and is_entry_footer(text):  # comments follow
                score, chrome_rules[i] = SHORT_LINE, RULE_ENTRY_FOOTER
            elif score > 0.0 and text.endswith("]") and is_cut_excerpt(text):
                score = 0.0  # another post's teaser weighs nothing; an article quoting one keeps it
            elif score > 0.0 and text.find("ookie", 0, COOKIE_AT) >= 0 and is_cookie_notice(text, measured.words):
                score, chrome_rules[i] = SHORT_LINE, RULE_COOKIES  # its dialog's paragraphs may outweigh the article
            elif score > 0.0 and is_server_error(text):
                score, chrome_rules[i] = SHORT_LINE, RULE_SERVER_ERROR  # a page of them outweighs a short article
            elif score < 0.0 and (
                (not text[:1].isalpha() and not holds_letter(text))  # most lines open with a letter: no search
                or (raws[i].startswith("    ") and _is_code(text))
            ):
                score = -0.1
            elif seen[text] > 1 and measured.words < 15:
                score, chrome_rules[i] = min(score, REPEATED), RULE_REPEATED
            elif score < 0.0 and not line.bullet and previous is not BLANK and not previous.bullet:
                score = BLOCK_LINE  # a table or a program: its block pays for its first line only
            elif score > 0.0 and text[0].isdigit() and is_doubled_item(text):
                score = 0.0  # a teaser of the site's: an article's numbered list prints each item once
            elif score > 0.0 and _listed_headline(raws, i, line, previous, measured):
                score = SHORT_BULLET if line.bullet else SHORT_LINE
            # a program's line scores below zero, and is no list item (one is no program's block)
            if score < 0.0 and not line.bullet and is_statement_or_row(text):
                sign_lines.append(i)
            elif score > 0.0 and previous is BLANK and not line.bullet and _may_be_headline(measured):
                heads.append(i)  # one of a list of the site's headlines, a paragraph each, maybe
        scores[i] = score
        previous = line
    if len(sign_lines) >= PROGRAM_SIGNS:  # a program's keywords recur in the page as a menu's links do: its lines
        for i in program_lines(lines, sign_lines):
            if scores[i] < 0.0 and chrome_rules.get(i, RULE_REPEATED) == RULE_REPEATED:  # a form field stays one
                scores[i] = PROGRAM_LINE
                chrome_rules.pop(i, None)
    for i, rule in teaser_lines(raws, lines, prose).items():  # their summaries read as prose
        scores[i], chrome_rules[i] = min(scores[i], REPEATED), rule
    repeated = [k for k, rule in chrome_rules.items() if rule == RULE_REPEATED]
    for i in interleaved_lines(lines, scores, repeated, seen):
        scores[i], chrome_rules[i] = 0.0, RULE_WIDGET  # a widget between the article's paragraphs breaks no article
    contents, subheadings = contents_lines(lines, scores, repeated)
    for i in contents:
        scores[i], chrome_rules[i] = 0.0, RULE_CONTENTS  # a table of contents over the article breaks no article
    for i in subheadings:  # printed twice only because the contents list them: as any other short line
        if chrome_rules.get(i) == RULE_REPEATED:
            scores[i] = SHORT_LINE
            del chrome_rules[i]
    for i in headline_run_lines(lines, heads, scores):
        scores[i] = 0.0  # the headlines of the site's stories, a paragraph each; no rule: the article's may be one
    for i in archive_banner(raws):  # its paragraphs say why the archive collected the page
        scores[i], chrome_rules[i] = min(scores[i], REPEATED), RULE_ARCHIVE_BANNER
    return Scored(lines, prose, scores, chrome_rules, seen)


def prose_lines(scored: Scored, start: int, stop: int) -> tuple[int, int]:
    """How many lines of prose lines[start:stop] holds, and their words."""
    count = words = 0
    for i in range(start, stop):
        prose = scored.prose[i]
        if prose is not None and scored.scores[i] >= 0.3:
            count += 1
            words += prose.words
    return count, words
