"""Draft a site profile from dumps of the site: each key guessed from the lines the dumps share or vary in.

The steps follow the page from the top: recognition and header, the date under the headline (every
article has one: it anchors the rest), the meta lines around it, the chrome after the article, then
the article's own blocks (inserts, images, tags, and the prose that tells its language).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import ValidationError

from builder.extract.textdump.classifier import classify
from builder.extract.textdump.lines import Line
from builder.record import Reject
from builder.sites.draft import content as article
from builder.sites.draft import facts, layout, meta, plain
from builder.sites.draft.corpus import Corpus
from builder.sites.draft.guesses import Draft, DraftError, Guess
from builder.sites.model import explain
from builder.sites.profile import SiteProfile, parse_profile

MIN_DUMPS = 3  # fewer cannot tell the site's lines from an article's


def draft_profile(texts: Sequence[str], site: str, timezone: str | None = None) -> Draft:
    """A draft profile of the site whose dumps (decoded texts) are `texts`, validated as builder loads a
    profile; raises DraftError when the dumps do not say enough."""
    if len(texts) < MIN_DUMPS:
        raise DraftError(f"{len(texts)} dump{'s' if len(texts) != 1 else ''} given; at least {MIN_DUMPS} are needed")
    found = _Findings.of(Corpus.read(texts))
    draft = Draft(site=site, dumps=found.corpus.size)
    _put_facts(draft, found, timezone)
    _put_layout(draft, found)
    _put_fields(draft, found)
    if found.names.others:
        draft.notes.append(f"meta line prefixes read into no field: {', '.join(found.names.others)}")
    draft.notes += found.line_rules.notes
    validate(draft)
    return draft


@dataclass(frozen=True)
class _Findings:
    """What the dumps say, found from the top of the page down: each step leans on those before it."""

    corpus: Corpus
    recognise: dict[str, Guess[Any]]
    header: layout.Header
    dates: meta.DateLines
    names: meta.Prefixes
    reading: Guess[str] | None
    tail: layout.Tail
    content: article.Content
    image_start: Guess[str] | None
    line_rules: plain.PlainRules

    @classmethod
    def of(cls, corpus: Corpus) -> _Findings:
        header = layout.header_end(corpus)
        dates = meta.find_dates(corpus, [header.start(page) for page in corpus.pages])
        names = meta.prefixes(corpus, dates)
        anchors = [_anchor(page, at, names) for page, at in zip(corpus.pages, dates.at, strict=True)]
        tail = layout.tail(corpus, anchors)
        if not tail.lines:
            raise DraftError("no line after the article recurs in nearly every dump: the article's end is unknown")
        spans = [_content_span(page, at, tail) for page, at in zip(corpus.pages, dates.at, strict=True)]
        content = article.Content.of(corpus, spans)
        return cls(
            corpus=corpus,
            recognise=layout.recognition(corpus),
            header=header,
            dates=dates,
            names=names,
            reading=meta.reading_time(corpus, dates),
            tail=tail,
            content=content,
            image_start=article.image_block_start(corpus, content),
            line_rules=plain.plain_rules(corpus, content),
        )


def _put_facts(draft: Draft, found: _Findings, timezone: str | None) -> None:
    draft.put("site", Guess(draft.site, "the name the rows carry (--site, else the output file's name)", given=True))
    draft.put("publisher", facts.publisher(found.corpus, found.recognise))
    draft.put("language", facts.language(found.content.prose()))
    draft.put("timezone", facts.timezone(timezone, found.dates.suffixes))
    draft.put("launched", facts.launched(found.dates.earliest))
    for path, guess in found.recognise.items():
        draft.put(path, guess)


def _put_layout(draft: Draft, found: _Findings) -> None:
    corpus = found.corpus
    draft.put("layout.bullet", corpus.bullet)
    draft.put("layout.header_end.marker", found.header.marker)
    draft.put("layout.header_end.through_blank", found.header.through_blank)
    draft.put("layout.article_end", layout.article_end(corpus, found.tail))
    patterns = [re.compile(str(rule["pattern"])) for rule, _ in found.line_rules.inserts]
    markers = article.inserts(corpus, found.content, found.tail.inserts, patterns)
    draft.put("layout.inserts", _inserts(markers, found.line_rules))
    draft.put("layout.image_block_start", found.image_start)


def _put_fields(draft: Draft, found: _Findings) -> None:
    names, dates = found.names, found.dates
    draft.put(_rule_key("authors", names.authors_bullet, "prefix"), names.authors)
    draft.put("fields.authors.separators", meta.separators(names.bylines, draft.value("language")))
    draft.put(_rule_key("source", names.source_bullet, "prefix"), names.source)
    draft.put(_rule_key("published_at", dates.bullet, "pattern"), dates.pattern)
    draft.put("fields.published_at.format", dates.format)
    draft.put("fields.reading_time_minutes.line_pattern", found.reading)
    line_rules = found.line_rules.entries
    if "fields.tags.after_marker" not in line_rules:  # the bullets after the marker are the tags
        image_start = found.image_start.value if found.image_start else None
        draft.put("fields.tags.trailing_bullets", article.trailing_tags(found.corpus, found.content, image_start))
    for path in _PLAIN_KEYS:
        draft.put(path, line_rules.get(path))


# The plain-line rules, in the order the format lists them.
_PLAIN_KEYS = (
    "fields.tags.after_marker",
    "fields.tags.line_prefix",
    "fields.tags.separators",
    "fields.images.line_pattern",
    "fields.images.caption_follows",
)


def _inserts(markers: list[tuple[dict[str, object], str]], line_rules: plain.PlainRules) -> Guess[Any] | None:
    """The insert rules by marker line, then those by pattern, each with its reason."""
    found = [*markers, *line_rules.inserts]
    if not found:
        return None
    reason = "lines dropped from the body, and the paragraphs after each"
    return Guess([rule for rule, _ in found], reason, items=tuple(why for _, why in found))


def _rule_key(field: str, bullet: bool, kind: str) -> str:
    """`fields.<field>.bullet_<kind>` for list items, `line_<kind>` for plain lines."""
    return f"fields.{field}.{'bullet' if bullet else 'line'}_{kind}"


def _anchor(page: Sequence[Line], date_at: int | None, names: meta.Prefixes) -> int | None:
    """The first meta line of the article: a byline or source line above the date in its block, or the date."""
    if date_at is None:
        return None
    start, _stop = meta.meta_span(page, date_at)
    prefixes = tuple(guess.value for guess in (names.authors, names.source) if guess is not None)
    return next((i for i in range(start, date_at) if prefixes and page[i].text.startswith(prefixes)), date_at)


def _content_span(page: Sequence[Line], date_at: int | None, tail: layout.Tail) -> tuple[int, int] | None:
    """From after the meta lines to the first line of the chrome after the article."""
    if date_at is None:
        return None
    start = meta.meta_span(page, date_at)[1]
    ends = set(tail.lines)
    stop = next((i for i in range(start, len(page)) if not page[i].bullet and page[i].text in ends), None)
    return (start, stop) if stop is not None else None


def validate(draft: Draft) -> SiteProfile:
    """The draft's YAML loaded back as builder loads a profile; DraftError names the key that is wrong."""
    try:
        return parse_profile(yaml.safe_load(draft.to_yaml()))
    except ValidationError as err:
        raise DraftError(f"the drafted profile does not validate: {explain(err)}") from None


def reading_check(profile: SiteProfile, texts: Sequence[str]) -> Counter[str]:
    """How the profile reads the dumps it was drafted from: `article`, or the reason of each reject."""
    outcomes: Counter[str] = Counter()
    for text in texts:
        if not profile.recognises(text):
            outcomes["not recognised"] += 1
            continue
        read = classify(text, profile)
        outcomes[str(read.reason) if isinstance(read, Reject) else "article"] += 1
    return outcomes
