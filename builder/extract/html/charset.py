"""An HTML page's bytes to text: the charset from the byte-order mark, else UTF-8 when the bytes are UTF-8,
else the page's own declaration (`<meta charset>` or `http-equiv="Content-Type"`), else detection.

UTF-8 goes before the declaration: text in another charset is almost never valid UTF-8 by chance, while
pages that declare Latin-1 and hold UTF-8 are common (a template's old header); in a single-byte charset
such bytes would still decode, into mojibake."""

from __future__ import annotations

import codecs
import re

from builder.extract.bom import decode_marked, unreadable
from builder.record import Reject

# Where browsers look for the declaration is the first 1024 bytes; pages put it later behind long
# scripts often enough that a longer look pays, and a wrong early hit is no likelier.
DECLARATION_SPAN = 8192
# `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">` alike.
_DECLARED = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# As browsers read labels (WHATWG Encoding): Latin-1 and ASCII pages are windows-1252, whose extra
# characters (curly quotes, dashes) they often hold; a UTF-16 label in bytes that parsed as ASCII is wrong.
_READ_AS = {  # keys: codecs.lookup(label).name
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-32": "utf-8",
    "utf-32-le": "utf-8",
    "utf-32-be": "utf-8",
}


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset the page declares, or None (no declaration, or an unknown label)."""
    found = _DECLARED.search(data, 0, DECLARATION_SPAN)
    if found is None:
        return None
    try:
        name = codecs.lookup(found[1].decode("ascii")).name
    except LookupError:
        return None
    return _READ_AS.get(name, name)


def detected_charset(data: bytes) -> str | None:
    """charset_normalizer's best guess (trafilatura's own choice of detector), or None."""
    from charset_normalizer import from_bytes  # imported on the first undeclared non-UTF-8 page only

    best = from_bytes(data).best()
    return best.encoding if best is not None else None


def decode_html(data: bytes) -> tuple[str, str] | Reject:
    """The page's text and the codec it was read with."""
    marked = decode_marked(data)
    if marked is not None:
        return marked
    for encoding in filter(None, ("utf-8", declared_charset(data))):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    detected = detected_charset(data)
    if detected is None:
        return unreadable("an HTML page in no charset: undeclared, not UTF-8, and no detected charset reads it")
    return data.decode(detected), detected
