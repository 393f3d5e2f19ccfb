"""Validators: each judges what the extract steps filled in and answers ok (None) or a Reject.

A site's expectations (its language, its launch date) apply only to a record read with a site profile.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

from builder.extract import dates
from builder.extract.measure import LANGUAGE_CONFIDENCE
from builder.reasons import Reason
from builder.record import Record, Reject

UNDATED_CHOICES: Final = ("reject", "keep")  # what becomes of an article that prints no date: `--undated`
UNTITLED_CHOICES: Final = ("reject", "keep")  # ...and of one whose headline was not found: `--untitled`


class TitleValidator:
    """Reject an article whose reader found its prose but no headline, unless untitled articles are kept
    (`untitled="keep"`: a null title). A reader that finds no article at all rejects it itself (no_article)."""

    stage = "title"

    def __init__(self, untitled: str = "reject") -> None:
        self.keep_untitled = untitled == "keep"

    def __call__(self, record: Record) -> Reject | None:
        if record.fields.get("title") or self.keep_untitled:
            return None
        return Reject(
            Reason.MISSING_TITLE, "the page shows an article but no headline (--untitled keep keeps it)", self.stage
        )


class DateValidator:
    """Reject a future publication instant, one before the site's launch, and a missing one unless
    undated articles are kept (`undated="keep"`: a null date)."""

    stage = dates.STAGE

    def __init__(self, now: datetime, undated: str = "reject") -> None:
        # A naive `now` (from a library caller) is UTC: comparing it with aware instants would raise per record.
        self.now = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
        self.keep_undated = undated == "keep"

    def __call__(self, record: Record) -> Reject | None:
        instant = record.fields.get("published_at")
        if instant is None:
            if self.keep_undated:
                return None
            return Reject(
                Reason.MISSING_DATE, "the article prints no publication date (--undated keep keeps it)", self.stage
            )
        if instant > self.now:
            return Reject(
                Reason.FUTURE_DATE, f"{instant.isoformat()} is after now ({self.now.isoformat()})", self.stage
            )
        local = record.fields.get("published_at_local")
        site = record.site
        if site is not None and local is not None and local.date() < site.facts.launched:
            return Reject(
                Reason.DATE_BEFORE_MIN,
                f"{local.date()} is before the site's launch on {site.facts.launched}",
                self.stage,
            )
        return None


class BodyLengthValidator:
    stage = "body"

    def __init__(self, min_words: int) -> None:
        self.min_words = min_words

    def __call__(self, record: Record) -> Reject | None:
        words = record.body_words
        if words < self.min_words:
            return Reject(Reason.SHORT_BODY, f"body has {words} words, fewer than {self.min_words}", self.stage)
        return None


class LanguageValidator:
    """Reject a body whose detected language is not its site's."""

    stage = "language"

    def __init__(self, detector_name: str) -> None:
        self.detector_name = detector_name  # named in the reject, beside the confidence

    def __call__(self, record: Record) -> Reject | None:
        site = record.site
        language = record.fields.get("language")
        if site is None or language == site.facts.language:
            return None
        confidence = float(record.extracted.get(LANGUAGE_CONFIDENCE, "nan"))
        return Reject(
            Reason.WRONG_LANGUAGE,
            f"detected {language!r} ({confidence:.2f}, {self.detector_name}), the site's language is {site.facts.language!r}",
            self.stage,
        )
