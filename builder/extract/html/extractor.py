"""The extractor of HTML pages: trafilatura's reading of a page as a row's fields."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from builder.extract.steps import Step
from builder.reasons import Reason
from builder.record import HTML_PAGE, Record, Reject

if TYPE_CHECKING:
    from builder.extract.html.reading import PageReading

TRAFILATURA = "html:trafilatura"  # the `extractor` of its rows
STAGE = "parse"
# Less text than this outside headings is no article (a section front, a gallery, an error page):
# readability.js's least content for a readable page (isProbablyReaderable's minContentLength).
MIN_ARTICLE_CHARS = 140
_JSON_OPENERS = ("{", "[")
_MARKUP_SPAN = 1024  # a page opens with a tag within its first characters (a stray line before it at most)


@dataclass(frozen=True)
class HtmlExtractor:
    """Claims every `text/html` record. `max_date` (YYYY-MM-DD) is htmldate's latest date: fixed by the
    build's `--now` (htmldate's default, today, would make a build depend on the day it runs)."""

    max_date: str
    media_type: str = HTML_PAGE
    name: str = TRAFILATURA

    @classmethod
    def at(cls, now: datetime) -> HtmlExtractor:
        """The extractor of a build run at `now`. htmldate gives a date past its bound as the bound itself,
        so the bound is a year on: a page dated after `now` keeps its date and the date validator rejects
        it as `future_date`, as it does any other row's."""
        return cls(max_date=f"{now.year + 1}-12-31")

    def claim(self, record: Record) -> Step:
        return self.parse

    def parse(self, record: Record) -> Reject | None:
        """Title, authors, date, tags, summary, publisher, body and images; a page with no article is
        `no_article`, a record said to be HTML that holds none `unsupported_format`."""
        not_html = _not_html(record.text)
        if not_html is not None:
            return not_html
        from builder.extract.html.reading import read_page  # trafilatura loads in the worker, once

        reading = read_page(record.text, record.url, self.max_date)
        return _fill(record.fields, reading)


def _not_html(text: str) -> Reject | None:
    """A record a container declared `text/html` whose text is no markup (plain text, JSON)."""
    head = text[:_MARKUP_SPAN].lstrip()
    if head.startswith("<") or ("<" in head and not head.startswith(_JSON_OPENERS) and "</" in text):
        return None
    first = head.split("\n", 1)[0][:60]
    detail = f"not HTML: declared text/html but holds no markup (it starts {first!r})"
    return Reject(Reason.UNSUPPORTED_FORMAT, detail, "recognise")


def _fill(fields: dict[str, Any], reading: PageReading) -> Reject | None:
    from builder.extract.html.body import article_parts
    from builder.extract.html.reading import registered_domain

    if reading.body is None:
        return Reject(Reason.NO_ARTICLE, "trafilatura found no article text on the page", STAGE)
    parts = article_parts(reading.body, reading.captions, reading.title)
    if parts.text_chars < MIN_ARTICLE_CHARS:
        detail = f"{parts.text_chars} characters of text besides headings: too little to be an article"
        return Reject(Reason.NO_ARTICLE, detail, STAGE)
    fields.update(
        title=reading.title or None,  # none: the title check rejects it (missing_title) or keeps it
        authors=reading.authors,
        summary=reading.description or None,
        tags=reading.tags,
        publisher=reading.sitename or registered_domain(reading.url),
        body=parts.body,
        images=parts.images,
    )
    if reading.date:
        fields["published_at_local"], fields["published_at"] = page_times(reading.date)
    return None


def page_times(printed: str) -> tuple[datetime, datetime]:
    """(wall clock as printed, naive; the instant in UTC) of htmldate's `%Y-%m-%dT%H:%M:%S%z` (the offset
    only when the page states one, midnight when it states a date alone): a time with no zone is UTC, as
    the generic rows read theirs."""
    moment = datetime.fromisoformat(printed)
    if moment.tzinfo is None:
        return moment, moment.replace(tzinfo=UTC)
    return moment.replace(tzinfo=None), moment.astimezone(UTC)
