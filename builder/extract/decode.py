"""Bytes to clean text: BOM-aware decoding, UTF-8 then cp1252 (an HTML page: its declared charset, then
detection), control characters removed."""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from typing import Final

from builder.extract.bom import decode_marked, unreadable
from builder.extract.html.charset import decode_html
from builder.record import HTML_PAGE, Record, Reject

# C0 controls except tab/newline/CR, DEL, C1 controls, and U+FFFD left by an earlier lossy decode.
_JUNK: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
# More junk than this share of characters means binary content, not a damaged text.
MAX_JUNK_SHARE: Final = 0.01
# The ASCII characters that are not junk: deleting them from a text's UTF-8 leaves its junk and its
# non-ASCII characters.
_PLAIN_ASCII: Final = bytes(b for b in range(128) if not _JUNK.match(chr(b)))
NFC_CHUNK: Final = 4096  # characters `_nfc` normalises at a time, at least
# Where the non-ASCII characters of most pages come from, each character checked (`_inert_run`): Latin-1 and
# Latin Extended, Greek and Cyrillic, Arabic, Latin Extended Additional, General Punctuation and currency
# signs, letterlike symbols, arrows and mathematical operators, box drawing (a rendered page's rules, "━")
# with geometric shapes, symbols and dingbats, CJK punctuation with kana, full-width forms.
_COMMON_NON_ASCII: Final = (
    (0x00A0, 0x0250),
    (0x0370, 0x0530),
    (0x0600, 0x0700),
    (0x1E00, 0x1F00),
    (0x2000, 0x20D0),
    (0x2100, 0x2150),
    (0x2190, 0x2300),
    (0x2500, 0x27C0),
    (0x3000, 0x3100),
    (0xFF00, 0xFFF0),
)
# Blocks with no character that decomposes or composes, taken whole (checking their 32,000 characters one
# by one would cost each process 0.1 s; tests/test_decode_fast_paths.py checks every one): CJK Unified
# Ideographs, Hangul Syllables.
INERT_BLOCKS: Final = ((0x4E00, 0xA000), (0xAC00, 0xD7A4))
# The ASCII characters a canonical decomposition opens with: only after one of them may a character compose
# (the test derives them from every code point). Checking after these alone halves `_inert_run`'s cost.
COMPOSING_ASCII: Final = string.ascii_letters + ";<=>`"  # (a superset: "Q" and "q" open none)


def _decode_bytes(data: bytes, lenient: str | None = None) -> tuple[str, str] | Reject:
    """The text and the encoding it was decoded with. `lenient`: the data decoded as UTF-8 with errors
    replaced, when the caller has it: with no replacement character in it, it is the UTF-8 decoding."""
    marked = decode_marked(data)
    if marked is not None:
        return marked
    # Many NULs: binary, or UTF-16 without a mark. A stray one is junk that clean_text removes.
    nuls = data.count(0) if 0 in data else 0  # the membership test is a memchr, much cheaper than count
    if nuls > MAX_JUNK_SHARE * len(data):
        return unreadable(f"binary content: {nuls} NUL bytes in {len(data)}, the first at offset {data.find(0)}")
    if lenient is not None and "\ufffd" not in lenient:  # no byte was replaced: the data is UTF-8
        return lenient, "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as cp1252_error:
            return unreadable(
                f"neither UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) nor cp1252 "
                f"(byte 0x{data[cp1252_error.start]:02x} at offset {cp1252_error.start})"
            )


def _rare_chars(text: str, utf8: bytes | None) -> str:
    """The text's junk and non-ASCII characters, in order: a few percent of a typical text."""
    data = text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
    return data.translate(None, _PLAIN_ASCII).decode("utf-8", "surrogatepass")


@functools.cache
def _inert_run() -> re.Pattern[str]:
    """Matches a run of common non-ASCII characters that NFC leaves as they are after any ASCII character.
    Built once a process (~6 ms, most of it checking each character)."""

    def inert(char: str) -> bool:
        # Not a combining mark (nothing to reorder), and NFC after every ASCII character that composes: it
        # neither decomposes nor composes with the character before it.
        return unicodedata.combining(char) == 0 and unicodedata.is_normalized("NFC", char.join(COMPOSING_ASCII) + char)

    codes = [code for start, end in _COMMON_NON_ASCII for code in range(start, end) if inert(chr(code))]
    return re.compile(
        "[{}]*".format("".join(f"{chr(start)}-{chr(end - 1)}" for start, end in _runs(codes) + INERT_BLOCKS))
    )


def _runs(codes: list[int]) -> tuple[tuple[int, int], ...]:
    """The ascending code points as [start, end) runs of consecutive ones: a character class of 25 ranges
    compiles in a fourth of the time one of 3,000 characters takes (0.7 ms, not 3)."""
    runs: list[tuple[int, int]] = []
    for code in codes:
        if runs and runs[-1][1] == code:
            runs[-1] = (runs[-1][0], code + 1)
        else:
            runs.append((code, code + 1))
    return tuple(runs)


def _surely_nfc(rest: str) -> bool:
    """Whether a text without junk whose non-ASCII characters are `rest` is NFC, without reading the text.

    ASCII is NFC, and an inert character interacts with no ASCII neighbour; two non-ASCII neighbours in
    the text are neighbours in `rest` too, so `rest` being NFC covers them. Checking this costs a fraction
    of unicodedata.normalize's scan of the whole text (~1 ns a character).
    """
    return _inert_run().fullmatch(rest) is not None and unicodedata.is_normalized("NFC", rest)


def clean_text(text: str, utf8: bytes | None = None) -> tuple[str, bool] | Reject:
    """Unify line ends, drop stray control characters, NFC-normalise; reject what is mostly junk. The clean
    text, and whether every line of it is printable (`Record.printable`).

    `utf8`, when at hand, is the text's UTF-8 encoding (the file's bytes): it saves encoding the text again.
    """
    rest = _rare_chars(text, utf8)  # the junk regex costs ~3 ns a character: run it on these alone
    printable_rest = rest.isprintable()
    # Junk is control characters, which no printable text holds, and U+FFFD: most texts need no search
    junk = 0 if printable_rest and "\ufffd" not in rest else len(_JUNK.findall(rest))
    if junk:
        if junk > MAX_JUNK_SHARE * len(text):
            return unreadable(f"binary content: {junk} control characters in {len(text)}")
        text = _JUNK.sub("", text)
    if "\r" in text:  # cheaper than two replace calls that find nothing
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # as `not text.strip()`, with no copy of the page
        return unreadable("no text: the file holds only whitespace")
    # Printable ASCII, line breaks, tabs and `rest` make up the text: with no tab, and `rest` printable, every
    # line is, and stays so in NFC (no printable character decomposes into, or composes to, one that is not:
    # tests/test_generic_fast_paths.py checks every code point).
    printable = "\t" not in text and printable_rest
    if not junk and _surely_nfc(rest):
        return text, printable
    return _nfc(text), printable


def _nfc(text: str) -> str:
    """`unicodedata.normalize("NFC", text)`, a chunk of about NFC_CHUNK characters at a time, each cut before a
    line break. A line break is a boundary normalisation never crosses (a starter nothing composes with), and
    normalize settles a chunk at a quick check unless it holds a character that may compose: then it
    normalises that whole chunk, not the whole page (wikipedia-2, 157 KB with a few accents typed as combining
    marks, took 2.4 ms in one piece and takes 0.4 ms)."""
    if len(text) <= NFC_CHUNK:
        return unicodedata.normalize("NFC", text)
    parts = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + NFC_CHUNK)
        stop = len(text) if cut == -1 else cut
        parts.append(unicodedata.normalize("NFC", text[start:stop]))
        start = stop
    return "".join(parts)


def decode(record: Record, lenient: str | None = None) -> Reject | None:
    """Fill `record.text` from `record.data`. `lenient`: `record.data.decode("utf-8", "replace")`, when the
    caller has decoded it so (the survey's first look): a valid UTF-8 file is then not decoded again."""
    if not record.data:
        return unreadable("empty file (0 bytes)")
    data = record.data
    decoded = decode_html(data) if record.media_type == HTML_PAGE else _decode_bytes(data, lenient)
    if isinstance(decoded, Reject):
        return decoded
    text, encoding = decoded
    cleaned = clean_text(text, record.data if encoding == "utf-8" else None)
    if isinstance(cleaned, Reject):
        return cleaned
    record.text, record.printable = cleaned
    return None
