"""The one record type that flows through the pipeline steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from builder.reasons import Reason

if TYPE_CHECKING:
    from builder.sites.profile import SiteProfile


@dataclass(frozen=True, slots=True)
class Reject:
    """Why an input did not become a row: a reason code, a human-readable detail, the step that said so."""

    reason: Reason
    detail: str
    stage: str = ""


@dataclass(slots=True)
class Record:
    """One input on its way to becoming a row (or a reject).

    `fields` holds schema fields by name as they are filled in; `extracted` holds raw strings the
    loader found for later steps (the date as printed, for instance).
    """

    source_file: str
    data: bytes = b""
    text: str = ""
    site: SiteProfile | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    extracted: dict[str, str] = field(default_factory=dict)
    dedup_keys: tuple[int, ...] = ()  # computed in a worker by fingerprint.Fingerprinter
    body_words: int = 0  # counted once by the body validator, for the card's statistics
    reject: Reject | None = None
