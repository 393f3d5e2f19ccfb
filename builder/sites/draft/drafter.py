"""Draft a site profile from dumps of the site: each key guessed from the lines the dumps share or vary in.

The steps follow the page from the top: recognition and header, the date under the headline (every
article has one: it anchors the rest), the meta lines around it, the chrome after the article, then
the article's own blocks (inserts, images, tags, and the prose that tells its language).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
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
    """A draft profile of the site whose dumps (decoded texts) are `texts`; raises DraftError when the
    dumps do not say enough, or when the draft does not validate (which would be a bug here)."""
    if len(texts) < MIN_DUMPS:
        raise DraftError(f"{len(texts)} dump{'s' if len(texts) != 1 else ''} given; at least {MIN_DUMPS} are needed")
    corpus = Corpus.read(texts)
    draft = Draft(site=site, dumps=corpus.size)
    recognise = layout.recognition(corpus)
    header = layout.header_end(corpus)
    dates = meta.find_dates(corpus, [header.start(page) for page in corpus.pages])
    names = meta.prefixes(corpus, dates)
    reading = meta.reading_time(corpus, dates)
    anchors = [_anchor(page, at, names) for page, at in zip(corpus.pages, dates.at, strict=True)]
    tail = layout.tail(corpus, anchors)
    spans = [_content_span(corpus, page, at, tail) for page, at in zip(corpus.pages, dates.at, strict=True)]
    found = article.Content.of(corpus, spans)
    image_start = article.image_block_start(corpus, found)
    language = facts.language(found.prose())

    draft.put("site", Guess(site, "the site's name in the dataset's rows", given=True))
    draft.put("publisher", facts.publisher(corpus, recognise))
    draft.put("language", language)
    draft.put("timezone", facts.timezone(timezone))
    draft.put("launched", facts.launched(dates.earliest))
    for path, guess in recognise.items():
        draft.put(path, guess)
    draft.put("layout.bullet", corpus.bullet)
    draft.put("layout.header_end.marker", header.marker)
    draft.put("layout.header_end.through_blank", header.through_blank)
    draft.put("layout.article_end", layout.article_end(corpus, tail))
    line_rules = plain.plain_rules(corpus, found)
    draft.put("layout.inserts", _inserts(article.inserts(corpus, found, tail.inserts), line_rules))
    draft.put("layout.image_block_start", image_start)
    draft.put(_rule_key("authors", names.authors_bullet, "prefix"), names.authors)
    draft.put("fields.authors.separators", meta.separators(names.bylines, language.value))
    draft.put(_rule_key("source", names.source_bullet, "prefix"), names.source)
    draft.put(_rule_key("published_at", dates.bullet, "pattern"), dates.pattern)
    draft.put("fields.published_at.format", dates.format)
    draft.put("fields.reading_time_minutes.line_pattern", reading)
    if "fields.tags.after_marker" not in line_rules.entries:
        draft.put("fields.tags.trailing_bullets", article.trailing_tags(corpus, found, _value(image_start)))
    for path in _PLAIN_KEYS:
        draft.put(path, line_rules.entries.get(path))
    draft.notes += line_rules.notes
    if names.others:
        draft.notes.append(f"meta line prefixes read into no field: {', '.join(names.others)}")
    if "layout.article_end" not in draft.entries:
        raise DraftError("no line after the article recurs in nearly every dump: the article's end is unknown")
    return draft


# The plain-line rules, in the order the format lists them.
_PLAIN_KEYS = (
    "fields.tags.after_marker",
    "fields.tags.line_prefix",
    "fields.tags.separators",
    "fields.images.line_pattern",
    "fields.images.caption_follows",
)


def _inserts(
    markers: Guess[list[dict[str, object]]] | None, line_rules: plain.PlainRules
) -> Guess[list[dict[str, object]]] | None:
    """The insert rules by marker line, then those by pattern, their reasons joined."""
    rules = [*(markers.value if markers else []), *(rule for rule, _ in line_rules.inserts)]
    reasons = [*([markers.reason] if markers else []), *(reason for _, reason in line_rules.inserts)]
    return Guess(rules, "; ".join(reasons)) if rules else None


def _value(guess: Guess[Any] | None) -> Any:
    return guess.value if guess is not None else None


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


def _content_span(
    corpus: Corpus, page: Sequence[Line], date_at: int | None, tail: layout.Tail
) -> tuple[int, int] | None:
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
