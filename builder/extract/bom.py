"""Byte-order marks: the one sure sign of a text's encoding, for text dumps and HTML pages alike."""

from __future__ import annotations

import codecs

from builder.reasons import Reason
from builder.record import Reject

BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_FIRST_BYTES = bytes({bom[0] for bom, _ in BOMS})


def unreadable(detail: str) -> Reject:
    return Reject(Reason.UNREADABLE, detail, stage="decode")


def decode_marked(data: bytes) -> tuple[str, str] | Reject | None:
    """The text and encoding of bytes that open with a byte-order mark, a Reject when they do not decode
    as it says, or None when there is no mark."""
    if data[:1] not in _BOM_FIRST_BYTES:  # most files have no mark: one test instead of five
        return None
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                return unreadable(f"starts with a {encoding} byte-order mark but does not decode: {err.reason}")
    return None
