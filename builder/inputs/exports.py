"""Exports of scraping pipelines: JSON Lines (`.jsonl`, `.jsonl.gz`) and Parquet (`.parquet`), one input per row.

A row's page is its `html` column (media type text/html) or, without one, its `text` column (a text
dump, text/plain); `url` is kept when present, and the crawl time from `crawled_at` or `timestamp`
(ISO 8601, or seconds since the epoch; a Parquet timestamp). `date` is deliberately not read as the
crawl time: in news exports it is the publication date, which the extractor reads from the page.
`--column FIELD=NAME` reads FIELD from the column NAME instead (`html=raw_content`, `url=link`,
`crawled_at=fetch_time`). A crawl time that cannot be read leaves `crawled_at` empty: it is optional.

A line that is not a JSON object is an `invalid_json` reject, a row with neither page column a
`missing_column` reject; the rest of the file is read on. `source_file` names the row:
`export.jsonl#L123` (the 1-based line), `pages.parquet#17` (the 0-based row).

A plain JSON Lines file is split in the build process (`plan_jsonl`): a scan counts its newlines a
chunk at a time (nothing parsed, nothing kept) and every PART_LINES lines are a `JsonLinesRange` a
worker seeks to, knowing the number of the line before it. A gzip-compressed one cannot be entered in
the middle: it is one part, inflated and read in one worker. A Parquet file is planned from its footer into one part per row group, each
read in a worker in slices of rows, so memory stays flat whatever the file's size.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import IO, Any, NamedTuple

from builder.errors import OptionError
from builder.inputs.files import InputFile, open_regular
from builder.reasons import Reason
from builder.record import HTML_PAGE, TEXT_DUMP, Record, Reject

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet",)
_STAGE = "read"
_SLICE = 256  # Parquet rows read at a time: a slice of a row group, never a whole file
_BUFFER = 1 << 20  # bytes of a column chunk read at a time
_EPOCH_MS = 10**11  # an epoch number past this is in milliseconds (10**11 s is the year 5138)
PART_LINES = 256  # lines of a plain JSON Lines file a part holds: the engine's BATCH_SIZE, so about a task
_SCAN_CHUNK = 1 << 20  # bytes read at a time by the scan for newlines
_GZIP_MAGIC = b"\x1f\x8b"

# The columns each field is read from, in order of preference; `--column FIELD=NAME` replaces a field's list.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "html": ("html",),
    "text": ("text",),
    "url": ("url",),
    "crawled_at": ("crawled_at", "timestamp"),
}


class ExportColumns(NamedTuple):
    """Which column each field of an export row is read from (small: it travels with every part)."""

    html: tuple[str, ...] = DEFAULT_COLUMNS["html"]
    text: tuple[str, ...] = DEFAULT_COLUMNS["text"]
    url: tuple[str, ...] = DEFAULT_COLUMNS["url"]
    crawled_at: tuple[str, ...] = DEFAULT_COLUMNS["crawled_at"]

    @classmethod
    def mapped(cls, mapping: Iterable[tuple[str, str]]) -> ExportColumns:
        """The default columns with `--column FIELD=NAME` pairs applied; an unknown FIELD is an OptionError."""
        chosen = dict(cls()._asdict())
        for field_name, column in mapping:
            if field_name not in DEFAULT_COLUMNS:
                raise OptionError(f"--column {field_name}={column}: FIELD must be one of {', '.join(DEFAULT_COLUMNS)}")
            if not column:
                raise OptionError(f"--column {field_name}=: NAME is empty")
            chosen[field_name] = (column,)
        return cls(**chosen)

    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for names in self for name in names))


DEFAULT_EXPORT_COLUMNS = ExportColumns()


def parse_column_options(values: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """`--column FIELD=NAME` values as (FIELD, NAME) pairs, checked."""
    pairs = []
    for value in values:
        field_name, sep, column = value.partition("=")
        if not sep:
            raise OptionError(f"--column {value}: expected FIELD=NAME, e.g. html=raw_content")
        pairs.append((field_name.strip(), column.strip()))
    ExportColumns.mapped(pairs)
    return tuple(pairs)


def row_record(source_file: str, row: Mapping[str, Any], columns: ExportColumns, max_bytes: int) -> Record:
    """One export row as a record: its page (html, else text), url and crawl time; or its reject."""
    page = _first(row, columns.html)
    media_type = HTML_PAGE
    if page is None:
        page, media_type = _first(row, columns.text), TEXT_DUMP
    if page is None:
        wanted = " or ".join(repr(name) for name in (*columns.html, *columns.text))
        detail = f"the row has no {wanted} column with a value (map another with --column html=NAME or text=NAME)"
        return Record(source_file=source_file, reject=Reject(Reason.MISSING_COLUMN, detail, _STAGE))
    if not isinstance(page, str | bytes):
        detail = f"the row's page column holds a JSON {type(page).__name__}, not text"
        return Record(source_file=source_file, reject=Reject(Reason.MISSING_COLUMN, detail, _STAGE))
    data = page.encode("utf-8", "replace") if isinstance(page, str) else page  # "replace": a lone surrogate from JSON
    if len(data) > max_bytes:
        detail = f"the row's page is {len(data)} bytes, over --max-bytes {max_bytes}"
        return Record(source_file=source_file, reject=Reject(Reason.TOO_LARGE, detail, _STAGE))
    url = _first(row, columns.url)
    return Record(
        source_file=source_file,
        data=data,
        media_type=media_type,
        url=str(url) if url is not None else None,
        crawled_at=crawl_time(_first(row, columns.crawled_at)),
    )


def _first(row: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    """The first of the columns that holds a value (not null, not an empty string)."""
    for name in names:
        value = row.get(name)
        if value is not None and value != "" and value != b"":
            return value
    return None


def crawl_time(value: Any) -> datetime | None:
    """A crawl time as an aware UTC instant: a datetime (zone-less taken as UTC), ISO 8601 text or epoch
    seconds (milliseconds when that large); None when it cannot be read."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        try:
            moment = datetime.fromtimestamp(value / 1000 if abs(value) >= _EPOCH_MS else value, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class JsonLinesRange(NamedTuple):
    """`lines` lines of a JSON Lines file from byte `start` (None: to the end of the file), `first` lines
    coming before them, for a worker to read. How many records they hold (blank lines are none) is left
    to reading: the engine makes each part a task of its own."""

    item: InputFile
    columns: ExportColumns
    start: int = 0
    first: int = 0
    lines: int | None = None

    @property
    def records(self) -> int | None:
        return None

    def open(self, max_bytes: int) -> Iterator[Record]:
        return jsonl_records(self.item, self.columns, max_bytes, self)


def plan_jsonl(item: InputFile, columns: ExportColumns, per_part: int | None = None) -> Iterator[JsonLinesRange]:
    """The file's parts of `per_part` lines (PART_LINES), in order; a gzip-compressed file is one part."""
    opened = item.error or open_regular(item.path)
    if isinstance(opened, Reject):
        yield JsonLinesRange(item, columns)  # opened in a worker, to its reject
        return
    descriptor, size = opened
    with open(descriptor, "rb") as raw:
        if raw.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC:
            yield JsonLinesRange(item, columns)
            return
        raw.seek(0)
        per_part = per_part or PART_LINES
        start, first = 0, 0
        for end in _line_cuts(raw, per_part):
            yield JsonLinesRange(item, columns, start, first, per_part)
            start, first = end, first + per_part
        if start < size or not first:  # the lines after the last cut (none when it fell at the file's end)
            yield JsonLinesRange(item, columns, start, first)


def jsonl_records(
    item: InputFile, columns: ExportColumns, max_bytes: int, part: JsonLinesRange | None = None
) -> Iterator[Record]:
    """Every non-blank line of a JSON Lines file (of `part` of it; gzip-compressed or not) as a record, in order."""
    opened = item.error or open_regular(item.path)
    if isinstance(opened, Reject):
        yield Record(source_file=item.source_file, reject=opened)
        return
    descriptor, _ = opened
    part = part or JsonLinesRange(item, columns)
    with open(descriptor, "rb") as raw:
        gzipped = not part.start and raw.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC  # only a plain file is split
        raw.seek(part.start)
        stream: IO[bytes] | gzip.GzipFile = gzip.GzipFile(fileobj=raw) if gzipped else raw
        number = part.first
        try:
            for number, line in _lines(stream, max_bytes, part.first, part.lines):
                yield _line_record(f"{item.source_file}#L{number}", line, columns, max_bytes)
        except (OSError, EOFError) as err:
            detail = f"JSON Lines file cannot be read after line {number}: {type(err).__name__}: {err}"
            source = f"{item.source_file}#L{number + 1}"
            yield Record(source_file=source, reject=Reject(Reason.CORRUPT_ARCHIVE, detail, _STAGE))


def _line_cuts(raw: IO[bytes], per_part: int) -> Iterator[int]:
    """The offset after every `per_part`-th newline, from a read of the file a chunk at a time."""
    at, wanted = 0, per_part  # newlines still wanted before the next cut
    while chunk := raw.read(_SCAN_CHUNK):
        newlines, position = chunk.count(b"\n"), 0
        while newlines >= wanted:
            for _ in range(wanted):
                position = chunk.index(b"\n", position) + 1
            yield at + position
            newlines, wanted = newlines - wanted, per_part
        wanted -= newlines
        at += len(chunk)


def _lines(
    stream: IO[bytes] | gzip.GzipFile, max_bytes: int, first: int = 0, count: int | None = None
) -> Iterator[tuple[int, bytes | None]]:
    """(1-based number, line) of each non-blank line of the next `count` lines (None: all), `first` lines
    coming before them; None for a line longer than max_bytes, read past in bounded pieces so that one
    huge line does not fill memory."""
    number, last = first, None if count is None else first + count
    while number != last and (line := stream.readline(max_bytes + 1)):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        elif line.strip():
            yield number, line


def _line_record(source_file: str, line: bytes | None, columns: ExportColumns, max_bytes: int) -> Record:
    if line is None:
        detail = f"the line is longer than --max-bytes {max_bytes}"
        return Record(source_file=source_file, reject=Reject(Reason.TOO_LARGE, detail, _STAGE))
    try:
        row = json.loads(line.rstrip(b"\r\n").removeprefix(b"\xef\xbb\xbf"))  # a BOM: some tools write one
    except (ValueError, RecursionError) as err:  # UnicodeDecodeError is a ValueError
        detail = f"the line is not valid JSON: {err}"[:300]
        return Record(source_file=source_file, reject=Reject(Reason.INVALID_JSON, detail, _STAGE))
    if not isinstance(row, dict):
        detail = f"the line is a JSON {type(row).__name__}, not an object"
        return Record(source_file=source_file, reject=Reject(Reason.INVALID_JSON, detail, _STAGE))
    return row_record(source_file, row, columns, max_bytes)


class ParquetSlice(NamedTuple):
    """One row group of a Parquet export, read in a worker; `first_row` is its first row's number in the file.

    Its `records` are left to reading (None), though the footer tells them: the engine would cut a part of
    known records into tasks of a batch, and Parquet cannot start reading in the middle of a row group, so
    every cut would decode the group again up to it (writers often put a whole export in one row group).
    Opened whole in one worker instead, the row group is decoded once, a slice of rows at a time.
    """

    item: InputFile
    columns: ExportColumns
    row_group: int
    first_row: int
    rows: int

    @property
    def records(self) -> int | None:
        return None

    def open(self, max_bytes: int) -> Iterator[Record]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        parquet = pq.ParquetFile(self.item.path, buffer_size=_BUFFER, pre_buffer=False)  # pages streamed, not the group
        present = [name for name in self.columns.names() if name in parquet.schema_arrow.names]
        number, end = self.first_row, self.first_row + self.rows
        try:
            for batch in parquet.iter_batches(batch_size=_SLICE, row_groups=[self.row_group], columns=present):
                for row in batch.to_pylist():
                    yield row_record(f"{self.item.source_file}#{number}", row, self.columns, max_bytes)
                    number += 1
        except (OSError, pa.ArrowException) as err:  # the plan counted these rows: each still gets its outcome
            reject = Reject(
                Reason.CORRUPT_ARCHIVE, f"Parquet row group cannot be read: {type(err).__name__}: {err}", _STAGE
            )
            for missing in range(number, end):
                yield Record(source_file=f"{self.item.source_file}#{missing}", reject=reject)


def plan_parquet(item: InputFile, columns: ExportColumns) -> list[ParquetSlice] | None:
    """A part per row group, from the file's footer (read here, in the build process: a few KB); None
    when the footer cannot be read (the file is then opened whole in a worker, to its reject)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        metadata = pq.ParquetFile(item.path).metadata
    except (OSError, pa.ArrowException):
        return None
    parts, first = [], 0
    for index in range(metadata.num_row_groups):
        rows = metadata.row_group(index).num_rows
        parts.append(ParquetSlice(item, columns, index, first, rows))
        first += rows
    return parts


def unreadable_parquet(item: InputFile) -> Iterator[Record]:
    """The reject of a Parquet file whose footer cannot be read (or the reject the input already has)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    reject = item.error
    if reject is None:
        try:
            pq.ParquetFile(item.path)
            detail = "Parquet file changed while being read"
        except (OSError, pa.ArrowException) as err:
            detail = f"Parquet file cannot be read: {type(err).__name__}: {err}"
        reject = Reject(Reason.CORRUPT_ARCHIVE, detail, _STAGE)
    yield Record(source_file=item.source_file, reject=reject)
