"""An HTML page read with trafilatura 2.x: metadata (authors, date through htmldate, tags, description,
site name), the article's tree and the captions printed under its images; the title is `title.page_title`'s
choice from the same parsed tree.

Imported in worker processes only (by the extractor, on its first page): trafilatura takes ~0.3 s to load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import tld
import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import image_src, load_html

from builder.extract.html.title import page_title

DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"  # htmldate gives the time and offset when the page states them
_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")  # how trafilatura joins the names of a byline


@dataclass(frozen=True)
class PageReading:
    """trafilatura's findings on one page; `body` is its article tree (None: no article found)."""

    body: Any
    title: str | None
    authors: list[str]
    date: str | None
    tags: list[str]
    description: str | None
    sitename: str | None
    url: str | None  # the record's, else the one the page states (canonical link, og:url)
    captions: dict[str, str]


def read_page(html: str, url: str | None, max_date: str) -> PageReading:
    """Read one page; `max_date` (YYYY-MM-DD) bounds the dates htmldate accepts."""
    tree = load_html(html)
    if tree is None:
        return PageReading(None, None, [], None, [], None, None, url, {})
    document = trafilatura.bare_extraction(
        tree,  # trafilatura works on a copy: the tree stays whole for the captions
        url=url,
        with_metadata=True,
        include_images=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"original_date": True, "outputformat": DATE_FORMAT, "max_date": max_date},
    )
    if not isinstance(document, Document):  # None: nothing read (a dict only when asked for one)
        return PageReading(None, None, [], None, [], None, None, url, {})
    page_url = url or document.url
    return PageReading(
        body=document.body,
        title=page_title(tree) or document.title,  # the page's own statements, trafilatura's pick else
        authors=[name for name in _AUTHOR_SEPARATOR.split(document.author or "") if name],
        date=document.date,
        tags=list(document.tags or []),
        description=document.description,
        sitename=document.sitename,
        url=page_url,
        captions=figure_captions(tree, page_url),
    )


def figure_captions(tree: Any, url: str | None) -> dict[str, str]:
    """Image source -> the `<figcaption>` of the `<figure>` it is in (trafilatura drops captions), the
    source written as trafilatura writes its images' (made absolute against the page's URL)."""
    captions: dict[str, str] = {}
    for figure in tree.iter("figure"):
        caption = next(figure.iter("figcaption"), None)
        text = " ".join(caption.text_content().split()) if caption is not None else ""
        if not text:
            continue
        for image in figure.iter("img"):
            src = image_src(image)
            if src:
                captions[_absolute(src, url)] = text
    return captions


def _absolute(src: str, url: str | None) -> str:
    if src.startswith("http"):
        return src
    return urljoin(url, src) if url else re.sub(r"^//", "http://", src)


def registered_domain(url: str | None) -> str | None:
    """The registered domain of a URL (`www.bbc.co.uk/news` -> `bbc.co.uk`), or None."""
    domain = tld.get_fld(url, fail_silently=True) if url else None
    return str(domain) if domain else None
