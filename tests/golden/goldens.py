"""Golden files: dumps under tests/golden/<site>/ and the fields expected from each, as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from builder.pipeline import Pipeline, PipelineOptions
from builder.record import Record
from builder.sites.profile import SiteProfile

GOLDEN_DIR = Path(__file__).resolve().parent
# A fixed clock, so no golden dump can become a future date.
NOW = datetime(2026, 11, 22, tzinfo=UTC)


def golden_dumps(site: str) -> list[Path]:
    return sorted((GOLDEN_DIR / site).glob("*.txt"))


def expected_path(dump: Path) -> Path:
    return dump.with_suffix(".json")


@contextmanager
def pipeline_for(profiles: tuple[SiteProfile, ...]) -> Iterator[Pipeline]:
    """A pipeline that knows exactly these site profiles, for as long as the block runs.

    The only place that says how a pipeline gets its sites: through its options, as a build hands them over.
    """
    yield Pipeline(PipelineOptions(now=NOW, sites=profiles))


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def extract(dump: Path, pipeline: Pipeline) -> tuple[str | None, dict[str, Any]]:
    """(site that recognised it, fields as JSON values) for one dump; a reject is returned as its fields."""
    record = pipeline.process(Record(source_file=dump.name, data=dump.read_bytes()))
    if record.reject is not None:
        return None, {"reject": str(record.reject.reason), "detail": record.reject.detail}
    site = record.site.site if record.site else None
    return site, {name: _jsonable(value) for name, value in record.fields.items() if name != "id"}


def render(fields: dict[str, Any]) -> str:
    return json.dumps(fields, indent=2, ensure_ascii=False) + "\n"


def expected(dump: Path) -> dict[str, Any]:
    return json.loads(expected_path(dump).read_text(encoding="utf-8"))
