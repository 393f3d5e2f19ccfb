"""Loader for plain-text renderings of article pages, driven by a declarative site profile.

The page is read as blocks of non-blank lines. The profile says where the page header ends,
which bullets carry the byline, source and date, which line ends the article, and which
crawl-time inserts must be cut out of the body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.reasons import Reason
from builder.record import Record, Reject
from builder.sites.profile import SiteProfile


@dataclass(slots=True)  # not frozen: a frozen dataclass is slower to build, and there are ~50 a page
class Line:
    text: str  # whitespace collapsed; for a bullet, the item without its bullet
    bullet: bool


Block = list[Line]


def _is_collapsed(raw: str) -> bool:
    """Whether `raw` is non-blank and equals `" ".join(raw.split())`, told without splitting it.

    Every whitespace character but the space is non-printable, so a printable line with no leading,
    trailing or doubled space has nothing to collapse.
    """
    return bool(raw) and raw[0] != " " and raw[-1] != " " and "  " not in raw and raw.isprintable()


def _line(raw: str, bullet: str) -> Line | None:
    """One raw line read as a `Line`; None when blank. Tabs and runs of spaces collapse to one space."""
    if _is_collapsed(raw) and not raw.startswith(bullet):  # most lines: prose, kept as it is
        return Line(raw, False)
    words = raw.split()
    if not words:
        return None
    if words[0] == bullet:
        return Line(" ".join(words[1:]), True)
    return Line(" ".join(words), False)


def _line_end(text: str, marker: str, bullet: str) -> int | None:
    """Offset of the end of the first line that reads `marker` (not as a bullet), or None.

    str.find looks for the marker's first word, so the navigation before it is never split into
    lines; each hit is confirmed on its whole line, so the word inside a longer line does not count.
    """
    words = marker.split()
    pos = text.find(words[0]) if words else -1
    while pos >= 0:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = _line(text[text.rfind("\n", 0, pos) + 1 : end], bullet)
        if line is not None and not line.bullet and line.text == marker:
            return end
        pos = text.find(words[0], end + 1)
    return None


def _after_header(text: str, profile: SiteProfile) -> list[str]:
    """The raw lines after the navigation and ticker (the whole page when it has no header marker)."""
    end = _line_end(text, profile.header_marker, profile.bullet) if profile.header_marker else None
    if end is None:
        return text.split("\n")
    raws = text[end + 1 :].split("\n") if end < len(text) else []
    if profile.header_through_blank:  # the ticker runs up to the first blank line
        blank = next((i for i, raw in enumerate(raws) if not raw.strip()), len(raws))
        raws = raws[blank:]
    return raws


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


def _read_article(raws: list[str], profile: SiteProfile) -> tuple[list[Line | None], int, int, int] | Reject:
    """The lines through the article's end, with the indexes of the title, the first meta line and the end.

    Lines are built only up to the first article-end line after the meta line: the chrome after it is
    never needed. Before the meta line an article-end line ends nothing.
    """
    lines: list[Line | None] = []
    anchor = end = None
    for raw in raws:
        line = _line(raw, profile.bullet)
        lines.append(line)
        if line is None:
            continue
        if anchor is None and _is_meta(line, profile):
            anchor = len(lines) - 1
        if anchor is not None and not line.bullet and line.text in profile.article_end:
            end = len(lines) - 1
            break
    title_at = None
    if anchor is not None:
        title_at = next((i for i in range(anchor - 1, -1, -1) if lines[i] and not lines[i].bullet), None)
    if anchor is None or title_at is None:
        return Reject(Reason.NO_ARTICLE, "no headline with a byline, date or reading-time line", "parse")
    if end is None:
        markers = " / ".join(sorted(profile.article_end))
        return Reject(Reason.TRUNCATED, f"the dump ends before the article's end (no {markers} line)", "parse")
    return lines, title_at, anchor, end


def parse_article(record: Record) -> Reject | None:
    """Fill the article's schema fields from `record.text` using `record.site`."""
    profile = record.site
    assert profile is not None, "recognise runs before parse"
    found = _read_article(_after_header(record.text, profile), profile)
    if isinstance(found, Reject):
        return found
    lines, title_at, anchor, end = found
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
