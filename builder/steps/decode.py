"""Bytes to clean text: BOM-aware decoding, UTF-8 then cp1252, control characters removed."""

from __future__ import annotations

import codecs
import re
import unicodedata

from builder.reasons import Reason
from builder.record import Record, Reject

# C0 controls except tab/newline/CR, DEL, C1 controls, and U+FFFD left by an earlier lossy decode.
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
# More junk than this share of characters means binary content, not a damaged text.
MAX_JUNK_SHARE = 0.01
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _reject(detail: str) -> Reject:
    return Reject(Reason.UNREADABLE, detail, stage="decode")


def _decode_bytes(data: bytes) -> str | Reject:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                return _reject(f"starts with a {encoding} byte-order mark but does not decode: {err.reason}")
    # Many NULs: binary, or UTF-16 without a mark. A stray one is junk that clean_text removes.
    nuls = data.count(0)
    if nuls > MAX_JUNK_SHARE * len(data):
        return _reject(f"binary content: {nuls} NUL bytes in {len(data)}, the first at offset {data.find(0)}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as cp1252_error:
            return _reject(
                f"neither UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) nor cp1252 "
                f"(byte 0x{data[cp1252_error.start]:02x} at offset {cp1252_error.start})"
            )


def clean_text(text: str) -> str | Reject:
    """Unify line ends, drop stray control characters, NFC-normalise; reject what is mostly junk."""
    junk = len(_JUNK.findall(text))
    if junk:
        if junk > MAX_JUNK_SHARE * len(text):
            return _reject(f"binary content: {junk} control characters in {len(text)}")
        text = _JUNK.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return _reject("no text: the file holds only whitespace")
    return unicodedata.normalize("NFC", text)


def decode(record: Record) -> Reject | None:
    """Fill `record.text` from `record.data`."""
    if not record.data:
        return _reject("empty file (0 bytes)")
    text = _decode_bytes(record.data)
    if isinstance(text, Reject):
        return text
    cleaned = clean_text(text)
    if isinstance(cleaned, Reject):
        return cleaned
    record.text = cleaned
    return None
