"""WARC web archives (`.warc`, `.warc.gz`): each page a crawl saved is one record, read with FastWARC.

Which records are inputs: a `response` whose HTTP status is 2xx and whose payload is HTML (by its
Content-Type, else sniffed from its first bytes), and a `resource` or `conversion` record holding HTML
or plain text (a text dump). Every other record (request, revisit, metadata, warcinfo, a response that
is an image or a redirect) becomes a `skipped_record`: counted, shown apart from the rejects, never a row.
A record cut short, or whose payload is not the length its headers declare, is a `truncated_record`
reject naming its offset; the records after it are read on. A stream that cannot be read at all past
some point (a broken gzip member) ends in one `corrupt_archive` reject.

`source_file` is `crawl.warc.gz#<offset>`: the record's offset in the file as stored, the compressed
offset for a per-record gzip (as Common Crawl indexes it), so `dd`/a range request finds the record.
A WARC gzipped as one stream has no such offsets: it is inflated here and the offset is the record's
in the inflated WARC (so is a per-record gzip whose first member is over 64 KiB: it cannot be told
from one stream without inflating it all).

A WARC is split for the workers in the build process (`plan_warc`): a streaming scan finds where each
record starts (a plain WARC: reading each record's header and seeking past its content; a per-record
gzip: inflating each member, output thrown away), and the records are cut into `WarcRange`s a worker
seeks to, of PART_PLACES task places each: a record that is likely a page to extract (a response, or an
HTML resource) takes HTML_PAGE_WEIGHT places, as a loose page does, any other record one, so a part of
pages is a short task (both workers end together) and a part of text records or skipped ones a long one.
Only records whose size the scan can check are boundaries: from the first record that is cut short, malformed or not one gzip member, the last part runs to the end of the file, so a worker
reads it as the whole file would be read (its rejects, a corrupt stream's one reject). A WARC gzipped as
one stream cannot be entered in the middle: it stays one part, read from start to end in one worker.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import IO, Any, NamedTuple

from builder.inputs.files import HTML_PAGE_WEIGHT, InputFile, open_regular
from builder.reasons import Reason
from builder.record import HTML_PAGE, TEXT_DUMP, Record, Reject

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_SNIFF = 1024  # bytes of a payload looked at for an HTML start when its type says nothing
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")
_STAGE = "read"
_PROBE = 64 * 1024  # compressed bytes inflated to tell a per-record gzip (a member ends in them) from a whole one
PART_PLACES = 256  # task places a part holds (`builder.engines.planned_weight`): the engine's BATCH_SIZE
_RESOURCE_KINDS = ("resource", "conversion")  # records whose own Content-Type says what they hold
_PEEK = 4096  # bytes read at a record's start: its WARC header as a rule
_HEAD = 64 * 1024  # a WARC header longer than this is not trusted as a boundary by the scan
_CHUNK = 1 << 20  # compressed bytes read, and inflated bytes made, at a time by the scan
_GZIP_MAGIC = b"\x1f\x8b"
_END = b"\r\n\r\n"  # ends a record's header, and the record itself after its content


class WarcRange(NamedTuple):
    """The records of one WARC that start at offsets in [start, end) of the file as stored (end None: to
    the end of the file), for a worker to read. `before` is the offset of the record before `start`, which
    a corrupt stream's reject names as when the whole file is read. How many records it holds is not
    planned (None): the engine makes each part a task of its own."""

    item: InputFile
    start: int = 0
    end: int | None = None
    before: int = 0

    @property
    def records(self) -> int | None:
        return None

    def open(self, max_bytes: int) -> Iterator[Record]:
        return warc_records(self.item, max_bytes, self)


def plan_warc(
    item: InputFile, per_part: int | None = None, weigh: Callable[[dict[bytes, bytes]], int] | None = None
) -> Iterator[WarcRange]:
    """The WARC's parts of `per_part` task places (PART_PLACES), each record taking `weigh(its header)`
    (`record_weight`), in file order, from a streaming scan for record starts (offsets only: memory flat)."""
    opened = item.error or open_regular(item.path)
    if isinstance(opened, Reject):
        yield WarcRange(item)  # opened in a worker, to its reject
        return
    descriptor, size = opened
    with open(descriptor, "rb") as raw:
        gzipped = raw.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC
        raw.seek(0)
        if gzipped and _whole_gzip(raw):
            yield WarcRange(item)
            return
        starts = _member_starts(raw) if gzipped else _record_starts(raw, size)
        yield from _ranges(item, starts, per_part or PART_PLACES, weigh or record_weight)


def record_weight(header: dict[bytes, bytes]) -> int:
    """Task places a record takes, from its WARC header: a page to extract weighs as a loose page (a
    response counts as one: one that is not HTML is skipped cheaply, and only its task is the shorter)."""
    kind = header.get(b"warc-type", b"").decode("latin-1").lower()
    mime = _mime(header.get(b"content-type", b"").decode("latin-1"))
    is_page = kind == "response" or (kind in _RESOURCE_KINDS and mime in _HTML_TYPES)
    return HTML_PAGE_WEIGHT if is_page else 1


def _ranges(
    item: InputFile,
    starts: Iterator[tuple[int, dict[bytes, bytes]]],
    per_part: int,
    weigh: Callable[[dict[bytes, bytes]], int],
) -> Iterator[WarcRange]:
    """Ranges of at most `per_part` places each (at least one record); the last one runs to the end of the
    file, past the scan's end."""
    start, before, previous, used = 0, 0, 0, 0
    for offset, header in starts:
        weight = weigh(header)
        if used and used + weight > per_part:
            yield WarcRange(item, start, offset, before)
            start, before, used = offset, previous, 0
        previous = offset
        used += weight
    yield WarcRange(item, start, None, before)


def _header(head: bytes) -> dict[bytes, bytes] | None:
    """A record's WARC header fields (names in lower case) from its first bytes; None when they are not a
    WARC header the scan can trust (the reader then decides what they are)."""
    header_end = head.find(_END)
    if not head.startswith(b"WARC/") or header_end < 0:
        return None
    fields: dict[bytes, bytes] = {}
    for line in head[:header_end].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        fields.setdefault(name.strip().lower(), value.strip())
    return fields


def _record_size(head: bytes, header: dict[bytes, bytes]) -> int | None:
    """A record's size as stored (header, content, closing CRLFs); None when the scan cannot trust it."""
    length = header.get(b"content-length", b"")
    return head.find(_END) + len(_END) + int(length) + len(_END) if length.isdigit() else None


def _record_starts(raw: IO[bytes], size: int) -> Iterator[tuple[int, dict[bytes, bytes]]]:
    """The offset and header of each record of a plain WARC, while each is whole and followed by the next:
    its header read, its content skipped by a seek."""
    offset = 0
    while offset < size:
        raw.seek(offset)
        head = raw.read(_PEEK)
        if _END not in head and len(head) == _PEEK:
            head += raw.read(_HEAD - _PEEK)
        header = _header(head)
        if header is None or (length := _record_size(head, header)) is None or offset + length > size:
            return
        raw.seek(offset + length - len(_END))
        if raw.read(len(_END)) != _END:
            return
        yield offset, header
        offset += length


def _member_starts(raw: IO[bytes]) -> Iterator[tuple[int, dict[bytes, bytes]]]:
    """The offset and record header of each gzip member of a per-record gzip WARC, while each member
    inflates to exactly one whole record: inflated a chunk at a time, only its first and last bytes kept."""
    offset, pending = 0, b""
    while pending or (pending := raw.read(_CHUNK)):
        inflater = zlib.decompressobj(wbits=31)
        head, tail, inflated, used = b"", b"", 0, 0
        while not inflater.eof:
            if not pending and not (pending := raw.read(_CHUNK)):
                return  # the file ends inside the member
            try:
                out = inflater.decompress(pending, _CHUNK)
            except zlib.error:
                return
            rest = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
            used, pending = used + len(pending) - len(rest), rest
            head += out[: max(0, _HEAD - len(head))]
            tail = (tail + out)[-len(_END) :]
            inflated += len(out)
        header = _header(head)
        if header is None or _record_size(head, header) != inflated or tail != _END:
            return
        yield offset, header
        offset += used


def warc_records(item: InputFile, max_bytes: int, part: WarcRange | None = None) -> Iterator[Record]:
    """Every record of the WARC (of `part` of it), in file order: a page, a skip or a reject; memory
    bounded by one record."""
    from fastwarc.warc import ArchiveIterator  # imported in the worker only: `builder --help` stays fast

    opened = item.error or open_regular(item.path)
    if isinstance(opened, Reject):
        yield Record(source_file=item.source_file, reject=opened)
        return
    descriptor, _ = opened
    with open(descriptor, "rb") as raw:
        part = part or WarcRange(item)
        raw.seek(part.start)  # a part past the start is a per-record gzip or plain: FastWARC reads on from there
        stream: IO[bytes] | gzip.GzipFile = gzip.GzipFile(fileobj=raw) if not part.start and _whole_gzip(raw) else raw
        records = ArchiveIterator(stream, parse_http=False, auto_decode="none", fsspec_args=False)
        position = part.before
        try:
            for warc_record in records:
                position = warc_record.stream_pos
                if part.end is not None and position >= part.end:
                    return
                yield _guarded(warc_record, f"{item.source_file}#{position}", max_bytes)
        except (OSError, EOFError, zlib.error, ValueError) as err:
            detail = f"WARC cannot be read past the record at offset {position}: {type(err).__name__}: {err}"
            yield Record(source_file=item.source_file, reject=Reject(Reason.CORRUPT_ARCHIVE, detail, _STAGE))


def _whole_gzip(raw: IO[bytes]) -> bool:
    """Whether the file is gzip in one stream for the whole WARC: its first member does not end within its
    first bytes, or nothing follows it (a per-record gzip's first member is one record, the small warcinfo
    as a rule)."""
    head = raw.read(_PROBE)
    raw.seek(0)
    if not head.startswith(b"\x1f\x8b"):
        return False
    inflater = zlib.decompressobj(wbits=31)
    try:
        inflater.decompress(head, _PROBE * 16)  # bounded: a bomb's first bytes inflate no further than this
    except zlib.error:
        return False  # not gzip after all: FastWARC says what it is
    per_record = inflater.eof and (bool(inflater.unused_data) or len(head) == _PROBE)  # a member ends, more follow
    return not per_record


def _guarded(warc_record: Any, source_file: str, max_bytes: int) -> Record:
    """The record, or its reject when reading it fails unexpectedly: one bad record never stops the archive."""
    try:
        return _record(warc_record, source_file, max_bytes)
    except Exception as err:  # the reader skips to the next record on the next step of the iterator
        detail = f"WARC record at offset {_offset(source_file)} cannot be read: {type(err).__name__}: {err}"
        return Record(source_file=source_file, reject=Reject(Reason.PARSE_ERROR, detail[:500], _STAGE))


def _record(warc_record: Any, source_file: str, max_bytes: int) -> Record:
    """One WARC record as a page, a skip or a reject."""
    kind = str(warc_record.record_type)
    if kind == "response":
        return _response(warc_record, source_file, max_bytes)
    if kind in _RESOURCE_KINDS:
        return _resource(warc_record, source_file, kind, max_bytes)
    return skipped(source_file, f"a WARC {kind} record: not a page")


def skipped(source_file: str, detail: str) -> Record:
    return Record(source_file=source_file, reject=Reject(Reason.SKIPPED_RECORD, detail, _STAGE))


def _response(warc_record: Any, source_file: str, max_bytes: int) -> Record:
    warc_record.parse_http()
    headers = warc_record.http_headers
    status = headers.status_code if headers is not None else None
    if status is None:
        detail = f"WARC record at offset {_offset(source_file)}: its HTTP response head cannot be parsed"
        return Record(source_file=source_file, reject=Reject(Reason.CORRUPT_ARCHIVE, detail, _STAGE))
    if not 200 <= status < 300:
        return skipped(source_file, f"a WARC response record of HTTP status {status}: not a page")
    body = _payload(warc_record, source_file, max_bytes)
    if isinstance(body, Record):
        return body
    declared = headers.get("Content-Length")
    encoded = headers.get("Content-Encoding", "identity").strip().lower()
    chunked = "chunked" in headers.get("Transfer-Encoding", "").lower()
    if declared and declared.strip().isdigit() and not chunked and int(declared) != len(body):
        detail = f"WARC record at offset {_offset(source_file)}: its HTTP payload is {len(body)} bytes, its Content-Length says {declared.strip()}"
        return _truncated(source_file, detail)
    decoded = _decoded(body, chunked, encoded, max_bytes)
    if isinstance(decoded, Reject):
        return Record(source_file=source_file, reject=decoded)
    mime = (warc_record.http_content_type or "").lower()
    if mime not in _HTML_TYPES and not (_untyped(mime) and _sniffed_html(decoded)):
        return skipped(source_file, f"a WARC response record of {mime or 'unknown type'}: not HTML")
    return _page(warc_record, source_file, decoded, HTML_PAGE)


def _resource(warc_record: Any, source_file: str, kind: str, max_bytes: int) -> Record:
    mime = _mime(warc_record.headers.get("Content-Type", ""))
    body = _payload(warc_record, source_file, max_bytes)
    if isinstance(body, Record):
        return body
    if mime in _HTML_TYPES or (_untyped(mime) and _sniffed_html(body)):
        return _page(warc_record, source_file, body, HTML_PAGE)
    if mime in ("text/plain", ""):
        return _page(warc_record, source_file, body, TEXT_DUMP)
    return skipped(source_file, f"a WARC {kind} record of {mime}: not HTML or text")


def _payload(warc_record: Any, source_file: str, max_bytes: int) -> bytes | Record:
    """The record's payload as stored, or its reject: over --max-bytes, cut short, or truncated by the crawler."""
    expected = warc_record.content_length
    if expected > max_bytes:
        detail = f"WARC record at offset {_offset(source_file)}: {expected} bytes, over --max-bytes {max_bytes}"
        return Record(source_file=source_file, reject=Reject(Reason.TOO_LARGE, detail, _STAGE))
    body = warc_record.reader.read(expected)
    if len(body) < expected:
        return _truncated(
            source_file, f"WARC record at offset {_offset(source_file)} is cut short: {len(body)} of {expected} bytes"
        )
    cut = warc_record.headers.get("WARC-Truncated")
    if cut:
        return _truncated(
            source_file, f"WARC record at offset {_offset(source_file)}: the crawler truncated its payload ({cut})"
        )
    return bytes(body)


def _truncated(source_file: str, detail: str) -> Record:
    return Record(source_file=source_file, reject=Reject(Reason.TRUNCATED_RECORD, detail, _STAGE))


def _offset(source_file: str) -> str:
    return source_file.rpartition("#")[2]


def _mime(content_type: str) -> str:
    """The media type of a Content-Type value, without its parameters."""
    return content_type.partition(";")[0].strip().lower()


def _untyped(mime: str) -> bool:
    """A type that says nothing of the content: absent, or the servers' catch-alls."""
    return mime in ("", "application/octet-stream", "text/plain", "application/unknown", "unknown/unknown")


def _sniffed_html(body: bytes) -> bool:
    head = body[:_SNIFF].lstrip(b" \t\r\n\xef\xbb\xbf").lower()
    return head.startswith(_HTML_STARTS) or (head.startswith(b"<!--") and b"<html" in head)


def _page(warc_record: Any, source_file: str, body: bytes, media_type: str) -> Record:
    headers = warc_record.headers
    return Record(
        source_file=source_file,
        data=body,
        media_type=media_type,
        url=headers.get("WARC-Target-URI") or None,
        crawled_at=_crawled_at(warc_record),
        metadata={"warc_record_id": headers.get("WARC-Record-ID", "")},
    )


def _crawled_at(warc_record: Any) -> datetime | None:
    """WARC-Date as an aware UTC instant (the standard says UTC; a date without a zone is taken as UTC)."""
    date = warc_record.record_date
    if date is None:
        return None
    return date.replace(tzinfo=UTC) if date.tzinfo is None else date.astimezone(UTC)


def _decoded(body: bytes, chunked: bool, encoding: str, max_bytes: int) -> bytes | Reject:
    """The HTTP body without its transfer and content encodings, inflated no further than --max-bytes."""
    if chunked:
        body = _dechunked(body)
    if encoding in ("identity", ""):
        return body
    try:
        if encoding in ("gzip", "x-gzip", "deflate"):
            wbits = 47 if encoding != "deflate" else (15 if body[:1] == b"\x78" else -15)  # 47: gzip or zlib header
            inflater = zlib.decompressobj(wbits=wbits)
            decoded = inflater.decompress(body, max_bytes + 1)
        elif encoding == "br":
            import brotli  # FastWARC's own dependency

            decoded = brotli.decompress(body)
        else:
            return Reject(
                Reason.UNSUPPORTED_FORMAT, f"HTTP payload in an unknown Content-Encoding {encoding!r}", _STAGE
            )
    except Exception as err:  # zlib.error, brotli.error: a payload the crawler stored broken
        return Reject(
            Reason.CORRUPT_ARCHIVE, f"HTTP payload cannot be decoded ({encoding}): {type(err).__name__}: {err}", _STAGE
        )
    if len(decoded) > max_bytes:
        return Reject(Reason.TOO_LARGE, f"HTTP payload decodes past --max-bytes {max_bytes}", _STAGE)
    return decoded


def _dechunked(body: bytes) -> bytes:
    """A chunked HTTP body joined; a body that is not well-formed chunks is kept as it is (crawlers often
    store the body already joined under the original header)."""
    parts: list[bytes] = []
    at = 0
    while True:
        end = body.find(b"\r\n", at)
        size_text = body[at:end].split(b";", 1)[0].strip() if end >= 0 else b""
        try:
            size = int(size_text, 16)
        except ValueError:
            return body
        if size == 0:
            return b"".join(parts)
        parts.append(body[end + 2 : end + 2 + size])
        at = end + 2 + size + 2
        if at > len(body):
            return body
