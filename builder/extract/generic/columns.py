"""A page laid out in table columns, which a text browser prints side by side, read one column after another.

A dump rendered from a page whose layout is a table (most sites before ~2010) prints the navigation, the
article and a sidebar on the same lines: "Mike Conway       on his F1 career when he left his Williams
2008-01-15 18:25". Each line then mixes the article's words with the sidebar's, and no line is the
article's alone. The columns are found as gutters: spans of the page's width that stay blank on every line of
a block of lines, with text on both sides on several of them. Each such block is printed again column by
column, the lines of one column in their order, so the article's lines follow one another as in a page of
one column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

# A wide gap between two words: the sign of columns (a sentence has one space between words).
_WIDE_GAP: Final = re.compile(r"(?<=\S) {3,}(?=\S)")
MIN_WIDE_GAPS: Final = 8  # a page with fewer lines holding a wide gap has no columns: read as it is, at once
MIN_SPLIT_ROWS: Final = 4  # a block is columns when at least this many of its lines have text on both sides of a gutter
MIN_GUTTER: Final = 1  # a gutter may be one blank column wide (a text browser parts two cells by one space)
PROSE_WORDS, CONTINUED_LINES = 4, 2  # a column's wrapped paragraph: lines of this many words, this many go on
MIN_WRAPPED_WIDTH: Final = 30  # a column narrower than this is a menu or a list of teasers: its lines are no paragraph
_FULL_STOPS: Final = frozenset(".!?")  # a sentence's last sign
# A line opening with one of these is a list's item or an image, never a paragraph's tail
_ITEM_SIGNS: Final = frozenset("•*-–—·+[")
# The light box-drawing signs a text browser draws a table's borders with (the heavy rule, "━", is a page's
# horizontal rule and stays)
_BORDER_SIDE: Final = "│"
# (replaced one after another, each a scan in C: `str.translate` took 4 ms a page of 50 KB, a regular
# expression 0.37 ms, this 0.05 ms)
_BORDERS: Final = "─│┌┐└┘├┤┬┴┼"
# A line's characters as the bits' digits, a space "0" and any other character "1" (each character is one byte
# once encoded with "?" for those Latin-1 lacks; a table over bytes runs in C, 8 times a regular expression's speed)
_OCCUPIED_DIGITS: Final = bytes(0x30 if byte == 0x20 else 0x31 for byte in range(256))
_SPACES: Final = re.compile(" +")
SHORT_RUN: Final = 8  # a run of spaces longer than three and this is passed by `_SPACES`
_CELL_PARTS: Final = re.compile(r" {2,}")  # the cells of a row that no gutter parted (yet)
# Characters a text browser prints two cells wide: a line holding one has no column at its characters' offsets.
_WIDE: Final = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)

Gutter = tuple[int, int]  # [start, stop) of the page's width, blank on every line of a block


def unfold_columns(text: str) -> str:
    """The text as the generic reader reads it: its columns unfolded (`columns_unfolded`), then each paragraph
    a narrow cell wrapped on one line again (`unwrapped_text`)."""
    return unwrapped_text(columns_unfolded(text))[0]


def columns_unfolded(text: str) -> str:
    """The text with every block of side-by-side columns printed one column after another (the text itself
    when fewer than MIN_WIDE_GAPS of its lines have a wide gap). The survey tells the reader which dumps this
    changes (`CorpusIndex.columned`): it costs a page with wide gaps a few milliseconds."""
    if _BORDER_SIDE in text:  # a layout drawn with borders: its sides and rules are blank to find its columns
        unbordered = _unbordered(text)
        unfolded = _unfolded_page(unbordered)
        if unfolded != unbordered:  # a table of data keeps its borders
            return unfolded
    return _unfolded_page(text)


def _unbordered(text: str) -> str:
    """The text with every sign of a table's borders a space."""
    for sign in _BORDERS:
        if sign in text:
            text = text.replace(sign, " ")
    return text


def _unfolded_page(text: str) -> str:
    if not _has_columns(text, MIN_WIDE_GAPS):
        return text
    return "\n".join(_unfolded(text.split("\n"), None))


def unwrapped_text(text: str) -> tuple[str, list[str]]:
    """The text with each paragraph that a narrow table cell wrapped on one line again, and its raw lines
    (`unwrapped_lines`): the text itself when no cell was, split once for the caller to read its lines."""
    raws = text.split("\n")
    lines = unwrapped_lines(raws)
    return (text if lines is raws else "\n".join(lines)), lines


def unwrapped_lines(lines: list[str]) -> list[str]:
    """A page's raw lines with each paragraph that a narrow table cell wrapped on one line again: a block of lines
    between blank ones that holds a wrapped paragraph (`_wraps_prose`) and ends a sentence is unwrapped to its
    widest line. A text browser prints any other paragraph on one line (the dumps are 10,000 columns wide).
    `lines` itself when no block is (most pages): the caller then has the text it split them from."""
    wrapped: list[tuple[int, list[str]]] = []  # (start, lines) of each block to unwrap
    stop = 0  # the end of the last block looked at
    long_above = False
    for i, line in enumerate(lines):
        # A wrapped paragraph's line goes on in small letters under a line as long as a wrapped one (a paragraph is
        # wrapped to MIN_WRAPPED_WIDTH at least): only such a line has its first sign read, and its block looked at
        if long_above and i >= stop and line and _opens_in_small_letters(line):
            start, stop = _block_around(lines, i)
            block = lines[start:stop]
            if stop - start > CONTINUED_LINES and _ends_sentence(block) and _wraps_prose(block, []):
                wrapped.append((start, block))
        long_above = len(line) >= MIN_WRAPPED_WIDTH
    if not wrapped:
        return lines
    out: list[str] = []
    done = 0
    for start, block in wrapped:
        out.extend(lines[done:start])
        out.extend(_unwrapped(block, max(map(len, block)), cells=True))
        done = start + len(block)
    out.extend(lines[done:])
    return out


def _unfolded(lines: list[str], width: int | None) -> list[str]:
    """The lines with their blocks of columns unfolded. `width`: the lines are a column this wide, whose
    paragraphs the text browser wrapped (None: the page's own lines, left as they are)."""
    occupied = _Occupied(lines)
    out: list[str] = []
    plain: list[str] = []  # the lines since the last block, none of a block
    refused = (0, 0)  # (stop, gaps' bits) of the last block found to be no columns
    i = 0
    while i < len(lines):
        gaps = wide_gaps(lines[i])
        in_gaps = sum(((1 << (stop - start)) - 1) << start for start, stop in gaps)
        # A line inside a block refused, whose gaps lie in the refused block's, starts a part of that block
        # with no other gutter: it is refused too (and a page is read in one pass, not one a line).
        if not gaps or occupied[i] is None or (i < refused[0] and not in_gaps & ~refused[1]):
            plain.append(lines[i])
            i += 1
            continue
        stop, gutters = _block_at(occupied, i, gaps, in_gaps)
        if not _is_columns(occupied, i, stop, gutters):
            refused = (stop, in_gaps)
            plain.append(lines[i])
            i += 1
            continue
        out.extend(plain if width is None else _unwrapped(plain, width))
        plain = []
        out.extend(_one_column_after_another(lines[i:stop], gutters))
        i = stop
    out.extend(plain if width is None else _unwrapped(plain, width))
    return out


def _opens_in_small_letters(line: str) -> bool:
    """Whether the line's first sign, after its indent, is a small letter (a blank line's: no)."""
    first = line.lstrip()[:1] if line[0] == " " else line[0]
    return first.islower()


def _block_around(lines: list[str], at: int) -> tuple[int, int]:
    """(start, stop) of the block of lines between blank ones (or the page's ends) that holds line `at`."""
    start = at
    while start > 0 and lines[start - 1] and not lines[start - 1].isspace():
        start -= 1
    stop = at
    while stop < len(lines) and lines[stop] and not lines[stop].isspace():
        stop += 1
    return start, stop


def _ends_sentence(block: list[str]) -> bool:
    """Whether a line of the block ends a sentence: a wrapped paragraph does, a list of teasers wrapped in a
    narrow cell ("[bullet1] NBA Roundup: Allen, Celtics get / back on track, derail Trail") does not."""
    return any(line.rstrip()[-1:] in _FULL_STOPS for line in block)


def wide_gaps(line: str) -> list[Gutter]:
    """[start, stop) of each of the line's wide gaps: the spans `_WIDE_GAP` finds, a run of three spaces or more
    with a sign on both sides. Only a line that holds three spaces in a row once stripped can hold one, and only
    such a line is searched (most lines with three spaces are indented: lists, quotes). It is searched run by
    run, as `_has_columns` reads a page: the pattern opens with a look behind, which is tried at every offset
    of the line (a seventh of what a page with wide gaps but no columns cost)."""
    if "   " not in line or "   " not in line.strip():  # most lines hold none: no stripped copy of them
        return []
    gaps: list[Gutter] = []
    at = line.find("   ")
    while at != -1:  # `at` opens a run of spaces: one space before it would have been found first
        end = _spaces_end(line, at)
        if at and end < len(line) and not line[at - 1].isspace() and not line[end].isspace():
            gaps.append((at, end))
        at = line.find("   ", end)
    return gaps


def _has_columns(text: str, min_gaps: int) -> bool:
    """Whether `min_gaps` lines or more part two words by a wide gap (an indent, or a line's padding, is no
    gap)."""
    found = 0
    # A search for three spaces runs in C; a run of them is passed in one step (a regular expression tried
    # at each space of a line's padding took a millisecond a page)
    at = text.find("   ")
    while at != -1:
        end = _spaces_end(text, at)
        if end < len(text) and text[end] != "\n" and at and text[at - 1] != "\n":
            found += 1
            if found >= min_gaps:
                return True
        at = text.find("   ", end)
    return False


def _spaces_end(text: str, at: int) -> int:
    """Where the run of spaces that opens at `at` with three of them ends. A loop over a few characters,
    compiled, takes half the time of a regular expression's call, so a short run is read so; a table's
    padding, hundreds of spaces long, is passed by the expression, in C (a third of the survey's reading
    of columns went to such runs)."""
    end = at + 3
    stop = min(len(text), end + SHORT_RUN)
    while end < stop and text[end] == " ":
        end += 1
    if end < stop:
        return end
    found = _SPACES.match(text, end)
    return end if found is None else found.end()


class _Occupied:
    """Each line's offsets that hold a character other than a space, as the bits of an int, made when first
    asked (None for a line with wide characters): a block's blank columns are then the bits no line sets,
    found with one OR a line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.bits: dict[int, int | None] = {}

    def __getitem__(self, i: int) -> int | None:
        if i not in self.bits:
            line = self.lines[i]
            if not line.isascii() and _WIDE.search(line) is not None:  # `isascii` reads a flag
                self.bits[i] = None
            else:
                self.bits[i] = int(line.encode("latin-1", "replace").translate(_OCCUPIED_DIGITS)[::-1] or b"0", 2)
        return self.bits[i]


def _block_at(occupied: _Occupied, i: int, gaps: list[Gutter], in_gaps: int) -> tuple[int, list[Gutter]]:
    """(stop, gutters) of the block that starts at line i: it runs on while part of each of line i's wide
    gaps (`in_gaps`: their bits) stays blank on every line, and that part of each is its gutter."""
    masks = [((1 << (end - start)) - 1) << start for start, end in gaps]
    taken = 0
    stop = i + 1
    while stop < len(occupied.lines):
        line_bits = occupied[stop]
        # The block ends at a line that fills one of the gaps: a line across the page (a footer's menu) under
        # a table is the table's end, though it stops short of the last column
        if line_bits is None:
            break
        filled = taken | line_bits
        if _fills_a_gap(filled, masks):
            break
        taken = filled
        stop += 1
    while stop > i + 1 and not occupied[stop - 1]:  # the blank lines under the block are not its own
        stop -= 1
    blank = in_gaps & ~taken
    return stop, [gutter for gap in gaps if (gutter := _widest_run(blank, *gap)) is not None]


def _fills_a_gap(filled: int, masks: list[int]) -> bool:
    """Whether the bits `filled` cover one of the gaps' `masks` whole (a loop: a generator costs more than
    the test, run for every line of a block)."""
    for mask in masks:  # noqa: SIM110 - a loop, not any(): no generator to build for every line
        if filled & mask == mask:
            return True
    return False


def _is_columns(occupied: _Occupied, start: int, stop: int, gutters: list[Gutter]) -> bool:
    """Whether lines[start:stop] are columns: MIN_SPLIT_ROWS of them with text on both sides of a gutter,
    and a paragraph wrapped in one of the columns."""
    split = 0
    for i in range(start, stop):  # counted up to MIN_SPLIT_ROWS only: a block of a table may run a page long
        split += _split_by(occupied[i], gutters)
        if split >= MIN_SPLIT_ROWS:
            return _wraps_prose(occupied.lines[start:stop], gutters)
    return False


def _widest_run(bits: int, start: int, stop: int) -> Gutter | None:
    """The widest run of set bits in bits[start:stop] (the first of the widest), MIN_GUTTER wide at least.

    Run by run, not bit by bit: a bit test shifts the whole int, and a line of a wide page is a thousand bits
    (a loop over its offsets took a millisecond a page)."""
    best: Gutter | None = None
    span = (bits >> start) & ((1 << (stop - start)) - 1)
    while span:
        low = (span & -span).bit_length() - 1  # the run's first offset
        shifted = span >> low
        width = (~shifted & (shifted + 1)).bit_length() - 1  # its set bits in a row
        if width >= MIN_GUTTER and (best is None or width > best[1] - best[0]):
            best = (start + low, start + low + width)
        span &= ~(((1 << width) - 1) << low)
    return best


def _wraps_prose(block: list[str], gutters: list[Gutter]) -> bool:
    """Whether a column of the block holds paragraphs wrapped to its width: CONTINUED_LINES lines of
    PROSE_WORDS words or more that go on with the sentence of the line above, as long (a small letter
    first). A table of data inside an article (short cells, or one row a line, each a capital first) has
    none, and is left as the text browser printed it."""
    edges = [0, *(cut for gutter in gutters for cut in gutter), None]
    for k in range(0, len(edges), 2):
        continued = 0
        above_long = False
        for line in block:
            cell = line[edges[k] : edges[k + 1]].strip()
            if "  " in cell:  # the longest of the cells no gutter parted
                cell = max(_CELL_PARTS.split(cell), key=len)
            long = cell.count(" ") >= PROSE_WORDS - 1
            if long and above_long and cell[0].islower():
                continued += 1
                if continued >= CONTINUED_LINES:
                    return True
            above_long = long
    return False


def _split_by(line_bits: int | None, gutters: list[Gutter]) -> bool:
    """Whether the line (its `_Occupied` bits) has text on both sides of one of the gutters."""
    if not line_bits:
        return False
    return any(line_bits & ((1 << start) - 1) and line_bits >> stop for start, stop in gutters)


def _one_column_after_another(block: list[str], gutters: list[Gutter]) -> Iterator[str]:
    """The block's lines cut at the gutters, each column's lines in their order, a blank line between columns.
    A column may hold columns of its own (a block's first line shows only the widest gutter): each is
    unfolded in turn."""
    edges = [0, *(cut for gutter in gutters for cut in gutter), None]
    spans = [(edges[k], edges[k + 1]) for k in range(0, len(edges), 2)]
    for number, (start, stop) in enumerate(spans):
        if number:
            yield ""
        column = _dedented([line[start:stop].rstrip() for line in block])
        width = max(map(len, column), default=0)
        if _has_columns("\n".join(column), MIN_SPLIT_ROWS):
            yield from _unfolded(column, width)
        else:
            yield from _unwrapped(column, width)


def _unwrapped(column: list[str], width: int, cells: bool = False) -> Iterator[str]:
    """A column's lines with each paragraph the text browser wrapped to the column's width on one line again,
    as it prints a paragraph of a page of one column: a line joins the one above when the word it starts
    with would not have fitted at the end of that one. A narrow column (a menu) is left as it is. `cells`: the
    lines were not parted at gutters, and a line that holds two cells ("April 14, 2002  As normally conceived")
    takes no line onto it: the cell beside the wrapped one (a date, a label) stays a line of its own."""
    if width < MIN_WRAPPED_WIDTH:
        yield from column
        return
    paragraph: str | None = None
    last = ""  # the paragraph's last line as the column printed it
    for line in column:
        if paragraph and line and _wraps_into(last, line, width) and not (cells and "  " in last.strip()):
            paragraph += " " + line.lstrip()
        else:
            if paragraph is not None:
                yield paragraph
            paragraph = line
        last = line
    if paragraph is not None:
        yield paragraph


def _wraps_into(above: str, line: str, width: int) -> bool:
    """Whether `line` goes on with the paragraph whose line `above` it is: its first word would have made that
    line longer than the column."""
    first = line.lstrip()
    if not above.strip() or first[0] in _ITEM_SIGNS:
        return False
    return len(above) + 1 + len(first.split(" ", 1)[0]) > width


def _dedented(column: list[str]) -> list[str]:
    """The column's lines without the indent they all share (a gutter may end before its column's text)."""
    indent = min((len(line) - len(line.lstrip(" ")) for line in column if line), default=0)
    return [line[indent:] for line in column]
