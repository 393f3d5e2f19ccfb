r"""File and member names as valid UTF-8, reversibly.

A name on disk or in a tar archive is bytes; Python hands over the bytes that are not UTF-8 as lone
surrogates, which Arrow cannot store. `escape_name` writes such a name as valid UTF-8:

- each byte that is not part of valid UTF-8 becomes `\xhh` (a backslash, `x`, two lowercase hex
  digits; such a byte is always 80 to ff);
- a backslash already in the name becomes `\x5c` only when it is followed by `x` and two lowercase
  hex digits that read as an escape (80 to ff, or 5c), so it cannot be taken for one;
- nothing else changes: a name that is valid UTF-8 and holds no such `\x..` is kept as it is
  (names with `%`, spaces or any other character included).

`name_bytes` reverses it: every `\xhh` with hh in 80-ff or 5c is the byte hh, the rest is UTF-8.
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\x(5c|[89a-f][0-9a-f])")
_BACKSLASH_BEFORE_ESCAPE = re.compile(r"\\(?=x(?:5c|[89a-f][0-9a-f]))")


def escape_name(name: str) -> str:
    """`name` (undecodable bytes as surrogates, as `os` and `tarfile` give them) as valid UTF-8."""
    if "\\" in name:
        name = _BACKSLASH_BEFORE_ESCAPE.sub(r"\\x5c", name)
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte: keep its 3 UTF-8-like bytes
        raw = name.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")  # writes each undecodable byte as \xhh


def name_bytes(escaped: str) -> bytes:
    """The bytes of the name that `escape_name` turned into `escaped`."""
    parts: list[bytes] = []
    start = 0
    for escape in _ESCAPE.finditer(escaped):
        parts += (escaped[start : escape.start()].encode("utf-8"), bytes([int(escape.group(1), 16)]))
        start = escape.end()
    parts.append(escaped[start:].encode("utf-8"))
    return b"".join(parts)
