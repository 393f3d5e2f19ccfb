"""Input formats told apart by content: HTML pages to read as such, and formats builder does not read.

builder reads plain-text dumps of article pages and HTML pages (loose, in archives, or gzip-compressed and
named `.gz`), and WARC archives and JSON Lines/Parquet exports named as such (their containers read them).
`looks_like_html` tells an HTML page from a dump before decoding. A JSON file, a PDF or another compressed
file is rejected as `unsupported_format` with a detail naming the format, instead of `unreadable` or
`unknown_site`. The content decides; the file name only breaks a tie (a `{` that does not parse is JSON in
`data.json`, and nothing in `notes.txt`; a page of tags is HTML in `page.html` even when it opens with a tag
of no particular kind).
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass

from builder.inputs.archives import is_archive


@dataclass(frozen=True)
class InputFormat:
    name: str  # as the detail names it: "HTML", "JSON", "PDF"
    what: str  # the file, in words: "an HTML page"
    note: str = ""  # why it is not read; default: "{name} input is not supported yet"

    def detail(self) -> str:
        return f"not a text dump: {self.what} ({self.note or f'{self.name} input is not supported yet'})"


HTML = InputFormat("HTML", "an HTML page")
XML = InputFormat("XML", "an XML document")
JSON = InputFormat("JSON", "a JSON document")
# Read by their containers (builder.inputs.warc, builder.inputs.exports) when so named; only a file under
# another name, or inside an archive, is told apart here.
JSON_LINES = InputFormat(
    "JSON Lines", "a JSON Lines file", "JSON Lines exports are read when named .jsonl or .jsonl.gz"
)
PDF = InputFormat("PDF", "a PDF document")
WARC = InputFormat("WARC", "a WARC web archive", "WARC archives are read when named .warc or .warc.gz")
PARQUET = InputFormat("Parquet", "a Parquet file", "Parquet exports are read when named .parquet")
SQLITE = InputFormat("SQLite", "an SQLite database")
_ARCHIVE_NOTE = "only archives named .zip, .tar, .tar.gz, .tgz, .tar.bz2, .tar.xz or .tar.zst are read"
ZIP = InputFormat("ZIP", "a ZIP file under another name (or a .docx, .epub, .xlsx)", _ARCHIVE_NOTE)
NESTED_ARCHIVE = InputFormat("archive", "an archive inside an archive", "archives inside archives are not read")
SEVEN_ZIP = InputFormat("7z", "a 7z archive")
_IMAGE_NOTE = "images are not read"
PNG = InputFormat("PNG", "a PNG image", _IMAGE_NOTE)
JPEG = InputFormat("JPEG", "a JPEG image", _IMAGE_NOTE)
GIF = InputFormat("GIF", "a GIF image", _IMAGE_NOTE)

# Compressed single files: (magic number, compressor, the suffixes its files end in).
_COMPRESSORS: tuple[tuple[bytes, str, tuple[str, ...]], ...] = (
    (b"\x1f\x8b", "gzip", (".gz", ".gzip")),
    (b"\xfd7zXZ\x00", "xz", (".xz",)),
    (b"\x28\xb5\x2f\xfd", "zstd", (".zst", ".zstd")),
    (b"BZh", "bzip2", (".bz2", ".bzip2")),
)
_COMPRESSED_NOTE = "of compressed single files only gzip named .gz is read; " + _ARCHIVE_NOTE

# Magic numbers at offset 0. None can begin a dump a profile recognises: a dump begins with its
# site's first line, and these are binary or format markers.
_SIGNATURES: tuple[tuple[bytes, InputFormat], ...] = (
    (b"%PDF-", PDF),
    (b"WARC/1.", WARC),
    (b"PK\x03\x04", ZIP),
    (b"PK\x05\x06", ZIP),  # an empty ZIP file
    (b"7z\xbc\xaf\x27\x1c", SEVEN_ZIP),
    (b"SQLite format 3\x00", SQLITE),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
)
_MAGIC_PREFIXES = tuple(magic for magic, _ in _SIGNATURES) + tuple(magic for magic, _, _ in _COMPRESSORS) + (b"PAR1",)
_MAGIC_FIRST_BYTES = frozenset(magic[0] for magic in _MAGIC_PREFIXES)

# Formats a file name may hint at, by its last suffix.
_BY_SUFFIX: dict[str, InputFormat] = {
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".xml": XML,
    ".rss": XML,
    ".atom": XML,
    ".json": JSON,
    ".geojson": JSON,
    ".jsonl": JSON_LINES,
    ".ndjson": JSON_LINES,
    ".warc": WARC,
    ".pdf": PDF,
}
_XML_ROOTS = ("<?xml", "<rss", "<feed", "<urlset", "<sitemapindex")
# The start of a tag, comment, doctype or processing instruction.
_MARKUP = re.compile(r"<(?:[A-Za-z][A-Za-z0-9:-]*[\s/>]|!--|![Dd][Oo][Cc][Tt][Yy][Pp][Ee]\s|\?[A-Za-z])")
# The start of a JSON object or array: `{"`, `{}`, `[{`, `[[`, `["`, `[]` alone on its line (not "[1] a
# footnote", nor a rendered form field `[          ]`, nor an image with no alt text beside one, `[] [    ]`).
_JSON_START = re.compile(r'\{\s*["}]|\[\s*[\[{"]|\[\][ \t]*(?:\n|$)')
_LEADING_BLANKS = " \t\r\n\ufeff"
_HEAD = 4096  # enough of the text to see its first tags
JSON_LINES_CHECKED = 8  # a text's first lines that must all parse for it to be JSON Lines


def binary_format(data: bytes, source_file: str) -> InputFormat | None:
    """The format of raw bytes with a known magic number at their start, or None.

    Runs on every input before decoding: a text's first byte rules most magic numbers out (~30 ns,
    a tenth of a `startswith` over all of them).
    """
    if not data or data[0] not in _MAGIC_FIRST_BYTES or not data.startswith(_MAGIC_PREFIXES):
        return None
    if is_archive(source_file):  # a top-level archive never gets here: its members do
        return NESTED_ARCHIVE
    if data.startswith(b"PAR1"):  # Parquet ends with its magic too: "PAR1" alone may be a word
        return PARQUET if data.endswith(b"PAR1") and len(data) >= 8 else None
    for magic, found in _SIGNATURES:
        if data.startswith(magic):
            return found
    for magic, compressor, suffixes in _COMPRESSORS:
        if data.startswith(magic) and (compressor != "bzip2" or data[4:10] == b"1AY&SY"):
            return _compressed(compressor, suffixes, source_file)
    return None


def _compressed(compressor: str, suffixes: tuple[str, ...], source_file: str) -> InputFormat:
    """A compressed file, named after what its name says is inside (`crawl.warc.gz`: WARC)."""
    name = source_file.lower()
    inner_name = next((name[: -len(s)] for s in suffixes if name.endswith(s)), name)
    inner = _by_suffix(inner_name)
    if inner is None:
        return InputFormat(compressor, f"a {compressor}-compressed file", _COMPRESSED_NOTE)
    return InputFormat(inner.name, f"a {compressor}-compressed {inner.name} file", _COMPRESSED_NOTE)


def _by_suffix(source_file: str) -> InputFormat | None:
    dot = source_file.rfind(".")
    return _BY_SUFFIX.get(source_file[dot:].lower()) if dot > source_file.rfind("/") else None


_HTML_PROBE = 256  # bytes looked at to find the first character of a page: blanks rarely run longer
# Byte-order marks of the encodings an HTML page may be in, and how to read a head after each.
_HTML_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16's: its mark starts with UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_FIRST_BYTES = frozenset({ord("<"), *(bom[0] for bom, _ in _HTML_BOMS)})
_BLANK_BYTES = b" \t\r\n"
_HTML_OR_BLANK_FIRST_BYTES = _HTML_FIRST_BYTES | frozenset(_BLANK_BYTES)


def looks_like_html(data: bytes, source_file: str) -> bool:
    """Whether raw bytes are an HTML page, or a saved fragment of one: tags by content, the name breaking a tie.

    Runs on every input before decoding. A dump opens with its site's first line, neither a tag nor a
    byte-order mark: its first non-blank byte answers (~100 ns). Markup is judged on the decoded head as
    `text_format` judges it, so what one calls HTML the other does too.
    """
    if not data or data[0] not in _HTML_OR_BLANK_FIRST_BYTES:  # most dumps stop here
        return False
    start = data[3 if data.startswith(codecs.BOM_UTF8) else 0 : _HTML_PROBE].lstrip(_BLANK_BYTES)
    if not start or start[0] not in _HTML_FIRST_BYTES:  # UTF-16 and UTF-32 pages open with their mark
        return False
    head = _head_text(data)
    if not head.startswith("<"):
        return False
    return _markup_format(head, _by_suffix(_without_gz(source_file))) is HTML


def _head_text(data: bytes) -> str:
    """The first characters of the bytes, blanks and mark stripped; tags are ASCII, so without a mark any
    single-byte reading serves (latin-1 never fails)."""
    encoding = next((name for bom, name in _HTML_BOMS if data.startswith(bom)), "latin-1")
    return data[: _HEAD * 4].decode(encoding, errors="ignore").lstrip(_LEADING_BLANKS)[:_HEAD]


def _without_gz(source_file: str) -> str:
    return source_file[:-3] if source_file.lower().endswith(".gz") else source_file


def text_format(text: str, source_file: str) -> InputFormat | None:
    """The format of a decoded text that is markup or JSON rather than a page dump, or None.

    Only inputs no site profile recognised get here, so this may parse the whole text.
    """
    head = text[:_HEAD].lstrip(_LEADING_BLANKS)
    hinted = _by_suffix(source_file)
    if head.startswith("<"):
        return _markup_format(head, hinted)
    if head.startswith(("{", "[")):
        return _json_format(text.lstrip(_LEADING_BLANKS), hinted)
    return None


def _markup_format(head: str, hinted: InputFormat | None) -> InputFormat | None:
    if hinted not in (HTML, XML) and not (_MARKUP.match(head) and _mostly_markup(head)):
        return None
    lower = head.lower()
    if "<html" in lower or "<!doctype html" in lower or hinted is HTML:
        return HTML
    if lower.startswith(_XML_ROOTS) or hinted is XML:
        return XML
    return HTML  # a run of tags with no root element: most likely a saved fragment of a page


def _mostly_markup(head: str) -> bool:
    """Whether most lines of the head open with a tag: a dump may start with one stray tag (a tracking
    pixel the renderer printed as text), a page or a fragment of one is tags throughout."""
    lines = [line for line in head.split("\n")[:-1] or [head] if line.strip()]
    return sum(line.lstrip().startswith("<") for line in lines) * 2 >= len(lines)


def _json_format(text: str, hinted: InputFormat | None) -> InputFormat | None:
    first, _, rest = text.partition("\n")
    if rest.strip() and _JSON_START.match(first) and _parses(first):
        if _json_lines(first, rest):
            return JSON_LINES
        # JSON over text: a page whose renderer printed an image with no alt text as "[]" (one, or a few).
        return hinted if hinted in (JSON, JSON_LINES) else None
    if _parses(text) or _JSON_START.match(text):
        return JSON_LINES if hinted is JSON_LINES else JSON
    return hinted if hinted in (JSON, JSON_LINES) else None


def _json_lines(first: str, rest: str) -> bool:
    """Whether the text's first lines (`first`, which parses, then `rest`'s first nonblank ones) are JSON Lines:
    each of them parses, and one is more than "[]". A rendered page opens with a "[]" for each image with no
    alt text, then its text ("[]", "[]", "<", ">", "Menu"); an export's lines are its records."""
    lines = [first]
    at = 0
    while len(lines) < JSON_LINES_CHECKED and at < len(rest):
        end = rest.find("\n", at)
        end = len(rest) if end == -1 else end
        if rest[at:end].strip():
            lines.append(rest[at:end])
        at = end + 1
    return all(map(_parses, lines)) and any(line.strip() != "[]" for line in lines)


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser's stack
        return False
    return True
