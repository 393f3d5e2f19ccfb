"""An HTML page's title: the headline the page states in its metadata, else its window title with the site's
name cleaned off.

Pages state their headline several times over, in a rough order of care taken: the article's JSON-LD
(`headline`, written for search engines from the article itself), the Dublin Core, Open Graph and Twitter
card titles (written for sharing, rarely with the site's name), a `<meta name="title">`, and the window
`<title>`, which templates build as "Headline | Section | Site". The first stated one is the title; a
window title is cleaned of the site's name before it is used (`window_headline`). Headings (`<h1>`,
`<h2>`) are the last resort: a page's first heading is often the site's banner or a section's name, so a
heading serves only to confirm which part of a window title is the headline, or when nothing else is there.

Works on the lxml tree of the page (the one trafilatura reads), in a few tree walks: no second parse.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# Meta properties that state the article's title, most trusted first (each page's own order does not matter).
META_TITLES = (
    "dc:title",
    "dcterm:title",
    "dcterms:title",
    "og:title",
    "title",
    "twitter:title",
    "parsely-title",
    "sailthru.title",
)
# Meta properties that name the site: a part of a window title equal to one of them is the site's name.
META_SITE_NAMES = (
    "og:site_name",
    "application-name",
    "apple-mobile-web-app-title",
    "twitter:site",
    "al:ios:app_name",
    "publisher",
)
# JSON-LD types whose `headline` is an article's headline (schema.org's Article and its common subtypes).
ARTICLE_TYPES = re.compile(r"Article$|^BlogPosting$|^Report$|^WebPage$|^SocialMediaPosting$|^LiveBlogPosting$")
# How window titles join a headline to a section or site name: a separator between spaces. A colon is
# no separator here (it is part of many headlines: "Daring Fireball: Colophon", "Review: a console ..."),
# nor is a bare underscore (CJK titles join words with it).
SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|›|>|/|·|•|~)\s+")
# A headline left with fewer words than this after taking a part off was no headline: the title was
# "Site - Section" or "Product - Site" all along, and stays whole.
MIN_HEADLINE_WORDS = 3
# A last part of at most this many words, after a longer headline, is taken to be the site's name even
# when the page names its site nowhere else ("How to Build a Terrarium | eHow").
MAX_SITE_NAME_WORDS = 4
HEADING_TAGS = ("h1", "h2")
_JSON_LD_TYPE = "application/ld+json"
# Some pages wrap their JSON-LD in a CDATA section (an XHTML habit): markers outside the JSON.
_CDATA_MARKERS = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")


@dataclass
class TitleStatements:
    """What a page says its title and its site's name are, in the order the chooser trusts them."""

    stated: list[str] = field(default_factory=list)  # JSON-LD headline, then the meta titles
    window: str | None = None  # the <title>
    site_names: set[str] = field(default_factory=set)  # folded (`fold`)
    headings: list[str] = field(default_factory=list)  # h1 then h2 texts, page order within each


def page_title(tree: Any) -> str | None:
    """The title of the page whose lxml tree is `tree`, or None when it states none."""
    return choose_title(title_statements(tree))


def choose_title(statements: TitleStatements) -> str | None:
    """The first stated title, cleaned of the site's name; else the cleaned window title; else the first
    heading."""
    if statements.stated:
        return without_site_name(statements.stated[0], statements)
    if statements.window:
        return window_headline(statements.window, statements)
    return next(iter(statements.headings), None)


def title_statements(tree: Any) -> TitleStatements:
    """The page's statements of its title, its site's name and its headings."""
    statements = TitleStatements()
    window = next((title for title in tree.iter("title") if not _in_svg(title)), None)
    statements.window = _words(window.text_content()) if window is not None else None
    statements.headings = [text for tag in HEADING_TAGS for text in map(_element_words, tree.iter(tag)) if text]
    metas = meta_contents(tree)
    article_names, publishers = json_ld_statements(tree)
    headline = agreed_name(article_names, statements)
    statements.stated = [text for text in (headline, *(metas.get(name) for name in META_TITLES)) if text]
    statements.site_names = {fold(name) for name in (*publishers, *map(metas.get, META_SITE_NAMES)) if name}
    return statements


def agreed_name(names: list[str], statements: TitleStatements) -> str | None:
    """Of an article's JSON-LD `headline` and `name` (in that order), the first that the window title
    contains or a heading repeats; else the headline. Some pages put a description in one of the two
    (Wikipedia's "headline" is its article's one-line summary)."""
    window = fold(statements.window or "")
    headings = {fold(text) for text in statements.headings}
    agreeing = (name for name in names if fold(name) in headings or (window and fold(name) in window))
    return next(agreeing, names[0] if names else None)


def meta_contents(tree: Any) -> dict[str, str]:
    """Each meta property's first non-empty content. An attribute may name several properties at once
    (`property="og:title twitter:title"`, as RDFa allows)."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = _words(html.unescape(meta.get("content") or ""))
        names = " ".join(meta.get(key) or "" for key in ("property", "name", "itemprop")).lower().split()
        for name in names if content else ():
            found.setdefault(name, content)
    return found


def json_ld_statements(tree: Any) -> tuple[list[str], list[str]]:
    """The headline and name of the page's first JSON-LD article (those it states) and the names of its
    publishers and web sites."""
    article: list[str] | None = None
    publishers: list[str] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != _JSON_LD_TYPE:
            continue
        try:
            data = json.loads(_CDATA_MARKERS.sub("", script.text or ""))
        except ValueError:  # JSON-LD in the wild is often broken: a page's other statements remain
            continue
        for thing in _things(data):
            kind = thing.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if article is None and any(isinstance(k, str) and ARTICLE_TYPES.search(k) for k in kinds):
                article = [text for key in ("headline", "name") if (text := _text_value(thing.get(key)))]
            if "WebSite" in kinds or "Organization" in kinds or "NewsMediaOrganization" in kinds:
                publishers.extend(filter(None, [_text_value(thing.get("name"))]))
            publisher = thing.get("publisher")
            if isinstance(publisher, dict):
                publishers.extend(filter(None, [_text_value(publisher.get("name"))]))
    return article or [], publishers


def _things(data: Any) -> Iterator[dict[str, Any]]:
    """The objects of a JSON-LD document: a list of them, a `@graph` of them, or one."""
    if isinstance(data, list):
        for item in data:
            yield from _things(item)
    elif isinstance(data, dict):
        yield data
        yield from _things(data.get("@graph"))


def _text_value(value: Any) -> str | None:
    return _words(html.unescape(value)) or None if isinstance(value, str) else None


def window_headline(window: str, statements: TitleStatements) -> str:
    """The headline inside a window title: the run of its parts a heading repeats, else the title without
    the site's name (`without_site_name`)."""
    parts = SEPARATOR.split(window)
    if len(parts) > 1:
        headings = {fold(text) for text in statements.headings}
        for run in _runs(window, len(parts)):
            if fold(run) in headings:
                return run
    return without_site_name(window, statements, guess=True)


def without_site_name(title: str, statements: TitleStatements, guess: bool = False) -> str:
    """`title` without the parts at its end that name the site (one of `site_names`). A name that leads
    the title ("Site - Headline") stays: such templates are rarer, and a leading part is as often a
    series or product name that belongs to the title.

    With `guess` (a window title), when no part names the site, a last part of a few words is taken off
    as the site's name all the same. The title stays whole rather than be left with fewer than
    MIN_HEADLINE_WORDS words.
    """
    pieces = SEPARATOR.split(title)
    end = len(pieces)
    while end > 1 and _is_site_name(pieces[end - 1], statements.site_names):
        end -= 1
    if guess and end == len(pieces) > 1 and len(pieces[-1].split()) <= MAX_SITE_NAME_WORDS:
        end -= 1
    if end == len(pieces):
        return title
    headline = _joined(pieces[:end], SEPARATOR.findall(title)[: end - 1])
    return headline if len(headline.split()) >= MIN_HEADLINE_WORDS else title


def _is_site_name(piece: str, site_names: set[str]) -> bool:
    """Whether a part of a title is the site's name: equal to one, or one begins with it ("Aktuálně.cz"
    of "Aktuálně.cz - Víte, co se právě děje"), or it with one ("Wikipedia, the free encyclopedia")."""
    folded = fold(piece)
    return bool(folded) and any(
        folded == name or name.startswith(folded + " ") or folded.startswith(name + " ") for name in site_names
    )


def _runs(title: str, count: int) -> Iterator[str]:
    """The runs of consecutive parts of a separated title, longest first: the text between separators."""
    bounds = [0, *(end for found in SEPARATOR.finditer(title) for end in (found.start(), found.end())), len(title)]
    starts, ends = bounds[0::2], bounds[1::2]
    for length in range(count, 0, -1):
        for first in range(count - length + 1):
            yield title[starts[first] : ends[first + length - 1]]


def _joined(pieces: Iterable[str], separators: list[str]) -> str:
    pieces = list(pieces)
    return "".join(piece + separator for piece, separator in zip(pieces, [*separators, ""], strict=True))


def fold(text: str) -> str:
    """A title or name as compared: case, whitespace and edge punctuation ignored."""
    return " ".join(text.casefold().split()).strip(" .,:;!?'\"“”‘’«»[]()@")


def _in_svg(element: Any) -> bool:
    """Whether an element is inside an inline SVG image (whose `<title>` names the image, not the page)."""
    return any(ancestor.tag == "svg" for ancestor in element.iterancestors())


def _element_words(element: Any) -> str:
    return _words(element.text_content())


def _words(text: str) -> str:
    return " ".join(text.split())
