"""What a container opens an input file to, read in this process: for tests of WARC and export inputs."""

from __future__ import annotations

from pathlib import Path

from builder.inputs.containers import plan_inputs
from builder.inputs.files import InputFile
from builder.record import Record


def records_of(path: Path, max_bytes: int = 4 << 20) -> list[Record]:
    item = InputFile(path.name, str(path))
    return [record for part in plan_inputs([item], max_bytes) for record in part.open(max_bytes)]


def outcome(record: Record) -> str:
    """A record's reject reason, or its media type when it is a page to read."""
    return record.reject.reason.value if record.reject else record.media_type
