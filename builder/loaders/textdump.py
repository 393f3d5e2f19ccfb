"""Loader for plain-text renderings of article pages, driven by a declarative site profile.

The page is read as blocks of non-blank lines. The profile says where the page header ends,
which bullets carry the byline, source and date, which line ends the article, and which
crawl-time inserts must be cut out of the body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.profile import SiteProfile
from builder.reasons import Reason
from builder.record import Record, Reject


@dataclass(frozen=True, slots=True)
class Line:
    text: str  # whitespace collapsed; for a bullet, the item without its bullet
    bullet: bool


Block = list[Line]


def split_lines(text: str, bullet: str) -> list[Line | None]:
    """One entry per line; None for a blank line. Tabs and runs of spaces collapse to one space."""
    lines: list[Line | None] = []
    for raw in text.split("\n"):
        words = raw.split()
        if not words:
            lines.append(None)
        elif words[0] == bullet:
            lines.append(Line(" ".join(words[1:]), True))
        else:
            lines.append(Line(" ".join(words), False))
    return lines


def _header_end(lines: list[Line | None], profile: SiteProfile) -> int:
    """Index of the first line after the navigation and ticker (0 when the page has no ticker)."""
    marker = profile.header_marker
    for i, line in enumerate(lines):
        if line is not None and not line.bullet and line.text == marker:
            if not profile.header_through_blank:
                return i + 1
            while i < len(lines) and lines[i] is not None:
                i += 1
            return i
    return 0


def _is_meta(line: Line, profile: SiteProfile) -> bool:
    if line.bullet:
        text = line.text
        return bool(
            (profile.author_prefix and text.startswith(profile.author_prefix))
            or (profile.source_prefix and text.startswith(profile.source_prefix))
            or profile.date_pattern.fullmatch(text)
        )
    return bool(profile.reading_time_pattern and profile.reading_time_pattern.fullmatch(line.text))


def _blocks(lines: list[Line | None]) -> list[Block]:
    blocks: list[Block] = []
    current: Block = []
    for line in lines:
        if line is None:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _read_meta(block: Block, profile: SiteProfile, fields: dict[str, Any], extracted: dict[str, str]) -> None:
    for line in block:
        text = line.text
        if not line.bullet:
            match = profile.reading_time_pattern.fullmatch(text) if profile.reading_time_pattern else None
            if match:
                fields["reading_time_minutes"] = int(match.group(1))
        elif profile.author_prefix and text.startswith(profile.author_prefix):
            names = text[len(profile.author_prefix) :]
            parts = profile.author_separators.split(names) if profile.author_separators else [names]
            fields["authors"] = [p.strip() for p in parts if p.strip()]
        elif profile.source_prefix and text.startswith(profile.source_prefix):
            fields["source"] = text[len(profile.source_prefix) :].strip() or None
        elif profile.date_pattern.fullmatch(text):
            extracted["published_at"] = text


def _images(block: Block) -> list[dict[str, str | None]]:
    """Items after the gallery's close button: a bullet is an alt text, the lines under it its caption."""
    images: list[dict[str, str | None]] = []
    for line in block[1:]:
        if line.bullet:
            images.append({"alt": line.text, "caption": None})
        elif images:
            caption = images[-1]["caption"]
            images[-1]["caption"] = f"{caption} {line.text}" if caption else line.text
    return images


def _paragraph(block: Block, bullet: str) -> str:
    if block[0].bullet:  # a list inside the body keeps one item per line
        return "\n".join(f"{bullet} {line.text}" if line.bullet else line.text for line in block)
    return " ".join(line.text for line in block)


def _is_image_block(block: Block, profile: SiteProfile) -> bool:
    return block[0].bullet and block[0].text == profile.image_block_start


def _fill_content(blocks: list[Block], profile: SiteProfile, fields: dict[str, Any]) -> None:
    """Summary, images, body and tags from the blocks between the meta lines and the article's end."""
    if profile.trailing_tags and blocks and blocks[-1][0].bullet and not _is_image_block(blocks[-1], profile):
        fields["tags"] = [line.text for line in blocks.pop() if line.bullet]
    if blocks and not blocks[0][0].bullet:
        fields["summary"] = _paragraph(blocks.pop(0), profile.bullet)
    inserts = {insert.marker: insert.paragraphs for insert in profile.inserts}
    body: list[str] = []
    skip = 0
    for block in blocks:
        if skip and not block[0].bullet:
            skip -= 1
        elif len(block) == 1 and not block[0].bullet and block[0].text in inserts:
            skip = inserts[block[0].text]
        elif _is_image_block(block, profile):
            fields["images"].extend(_images(block))
        else:
            body.append(_paragraph(block, profile.bullet))
    fields["body"] = "\n\n".join(body)


def parse_article(record: Record) -> Reject | None:
    """Fill the article's schema fields from `record.text` using `record.site`."""
    profile = record.site
    assert profile is not None, "recognise runs before parse"
    lines = split_lines(record.text, profile.bullet)
    start = _header_end(lines, profile)
    anchor = next((i for i in range(start, len(lines)) if lines[i] and _is_meta(lines[i], profile)), None)
    title_at = None
    if anchor is not None:
        title_at = next((i for i in range(anchor - 1, start - 1, -1) if lines[i] and not lines[i].bullet), None)
    if anchor is None or title_at is None:
        return Reject(Reason.NO_ARTICLE, "no headline with a byline, date or reading-time line", "parse")
    end = next(
        (
            i
            for i in range(anchor, len(lines))
            if lines[i] and not lines[i].bullet and lines[i].text in profile.article_end
        ),
        None,
    )
    if end is None:
        markers = " / ".join(sorted(profile.article_end))
        return Reject(Reason.TRUNCATED, f"the dump ends before the article's end (no {markers} line)", "parse")
    fields = record.fields
    fields.update(publisher=profile.publisher, title=lines[title_at].text, authors=[], source=None)
    fields.update(reading_time_minutes=None, summary=None, images=[], tags=[])
    blocks = _blocks(lines[anchor:end])
    meta = blocks.pop(0)
    _read_meta(meta, profile, fields, record.extracted)
    if blocks and not blocks[0][0].bullet and _is_meta(blocks[0][0], profile):
        _read_meta(blocks.pop(0), profile, fields, record.extracted)  # "N Min Read" after a blank line
    _fill_content(blocks, profile, fields)
    return None
