"""trafilatura's article tree (its XML: p, head, list/item, quote, code, table/row/cell, graphic) as the
fields of a row: the body in the form of the text rows' (paragraphs joined by one blank line, a list one
`• item` line per item) and the images in page order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from builder.record import RENDERED_BULLET

PARAGRAPH_BREAK = "\n\n"
CELL_BREAK = " | "
_CONTAINERS = frozenset({"quote", "div", "note", "figure"})  # hold paragraphs: each is read on its own


@dataclass
class ArticleParts:
    """What the tree holds: paragraphs in page order, and an `{alt, caption}` per image."""

    paragraphs: list[str] = field(default_factory=list)
    images: list[dict[str, str | None]] = field(default_factory=list)
    text_chars: int = 0  # characters of text outside headings: how much article there is

    @property
    def body(self) -> str:
        return PARAGRAPH_BREAK.join(self.paragraphs)


def article_parts(tree: Any, captions: Mapping[str, str], title: str | None) -> ArticleParts:
    """The paragraphs and images of trafilatura's body `tree`; `captions` maps an image's source to the
    caption the page prints under it. A heading that repeats the title is left out (it is the title field)."""
    parts = ArticleParts()
    for element in tree:
        _read(element, captions, parts)
    if parts.paragraphs and title and _words(parts.paragraphs[0]) == _words(title):
        del parts.paragraphs[0]
    return parts


def _read(element: Any, captions: Mapping[str, str], parts: ArticleParts) -> None:
    tag = element.tag
    if tag in _CONTAINERS:  # its children are read on their own, images included
        own = _words(element.text or "")
        if own:
            parts.paragraphs.append(own)
            parts.text_chars += len(own)
        for child in element:
            _read(child, captions, parts)
        return
    for image in element.iter("graphic"):  # the element itself, or images inside a paragraph
        _add_image(image, captions, parts)
    if tag == "graphic":
        return
    text = _block_text(element)
    if text:
        parts.paragraphs.append(text)
        parts.text_chars += len(text) if tag != "head" else 0


def _block_text(element: Any) -> str:
    if element.tag == "list":
        return "\n".join(f"{RENDERED_BULLET} {text}" for text in _items(element))
    if element.tag == "code":
        return "".join(element.itertext()).strip("\n")  # code keeps its lines and indentation
    if element.tag == "table":
        rows = (CELL_BREAK.join(filter(None, map(_text, row.iter("cell")))) for row in element.iter("row"))
        return "\n".join(filter(None, rows))
    return _text(element)


def _items(element: Any) -> Iterator[str]:
    """A list's items, a nested list's items in place of it."""
    for item in element.iter("item"):
        own = _words(" ".join(_own_text(item)))
        if own:
            yield own


def _own_text(item: Any) -> Iterator[str]:
    """An item's text without the items of a list nested in it (those are items of their own)."""
    yield item.text or ""
    for child in item:
        if child.tag != "list":
            yield from child.itertext()
        yield child.tail or ""


def _text(element: Any) -> str:
    return _words("".join(element.itertext()))


def _words(text: str) -> str:
    return " ".join(text.split())


def _add_image(image: Any, captions: Mapping[str, str], parts: ArticleParts) -> None:
    """An image with alt text or a caption; one with neither says nothing the schema holds."""
    alt = _words(image.get("alt") or "") or None
    caption = captions.get(image.get("src") or "")
    if alt or caption:
        parts.images.append({"alt": alt, "caption": caption})
