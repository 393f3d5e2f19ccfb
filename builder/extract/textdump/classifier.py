"""Classify the lines of a dump with its site profile: each line of the article gets a role and a rule.

The page is read as blocks of non-blank lines. The profile says where the page header ends, which
bullets carry the byline, source and date, which line ends the article, and which crawl-time inserts
must be cut out of the body. The title is the last line above the first meta line; the first block
after the meta lines is the lead; a bullet list closing the article may be its tags.
"""

from __future__ import annotations

import re
from typing import Final

from builder.extract.textdump.classified import NO_RULE, Classified
from builder.extract.textdump.lines import (
    BLANK,
    BLANK_ROLE,
    BODY,
    BYLINE,
    CHROME,
    DATE,
    END,
    IMAGE,
    INSERT,
    LEAD,
    READING_TIME,
    SOURCE,
    TAGS,
    TITLE,
    Line,
    Role,
    blocks,
    line_end,
    read_line,
)
from builder.reasons import Reason
from builder.record import Reject
from builder.sites.profile import SiteProfile

# The rule behind each role, named after the profile key that gave it where there is one.
RULE_TITLE: Final = "the last line above the first meta line"
RULE_BEFORE_META: Final = "a bullet between the title and the meta lines"
RULE_AUTHORS: Final = "fields.authors.bullet_prefix"
RULE_AUTHORS_LINE: Final = "fields.authors.line_prefix"
RULE_SOURCE: Final = "fields.source.bullet_prefix"
RULE_SOURCE_LINE: Final = "fields.source.line_prefix"
RULE_DATE: Final = "fields.published_at.bullet_pattern"
RULE_DATE_LINE: Final = "fields.published_at.line_pattern"
RULE_READING_TIME: Final = "fields.reading_time_minutes.line_pattern"
RULE_UNREAD_META: Final = "in the meta lines, matching no meta rule"
RULE_LEAD: Final = "the first paragraph after the meta lines"
RULE_TAGS: Final = "fields.tags.trailing_bullets"
RULE_TAGS_NOT_BULLET: Final = "fields.tags.trailing_bullets: not a bullet"
RULE_TAGS_MARKER: Final = "fields.tags.after_marker"
RULE_TAGS_AFTER_MARKER: Final = "fields.tags.after_marker: a bullet after it"
RULE_TAGS_LINE: Final = "fields.tags.line_prefix"
RULE_TAGS_LINE_REST: Final = "fields.tags.line_prefix: the rest of its paragraph"
RULE_INSERT_MARKER: Final = "layout.inserts.marker"
RULE_INSERT_PATTERN: Final = "layout.inserts.pattern"
RULE_INSERT_PARAGRAPH: Final = "layout.inserts.paragraphs"
RULE_IMAGE_START: Final = "layout.image_block_start"
RULE_IMAGE_ALT: Final = "an image's alt text: a bullet in an image block"
RULE_IMAGE_CAPTION: Final = "an image's caption: the lines under its alt text"
RULE_IMAGE_STRAY: Final = "a line in an image block above any alt text"
RULE_IMAGE_LINE: Final = "fields.images.line_pattern"
RULE_IMAGE_CAPTION_FOLLOWS: Final = "fields.images.caption_follows"
RULE_IMAGE_NO_CAPTION: Final = "fields.images.line_pattern: a line under an image, not its caption"
RULE_CAPTION_PATTERN: Final = "fields.images.caption_pattern"
RULE_BODY: Final = "a paragraph of the body"
RULE_END: Final = "layout.article_end"


def classify(text: str, profile: SiteProfile) -> Classified | Reject:
    """The lines of the page's article region, each with its role; a Reject when no article is found."""
    raws = _after_header(text, profile)
    found = _read_article(raws, profile)
    if isinstance(found, Reject):
        return found
    lines, title_at, anchor, end = found
    page = Classified(text, len(raws), lines, [CHROME] * len(lines), [NO_RULE] * len(lines), {}, [])
    _mark_head(page, title_at, anchor)
    _mark(page, end, end + 1, END, RULE_END)
    article = _blocks(page, anchor, end)
    page.groups = [(title_at, title_at + 1), *article]
    _mark_meta(page, *article[0], profile)
    content = 1
    # More meta paragraphs after a blank line: "N Min Read", or a date line under a byline.
    while content < len(article) and _is_meta_paragraph(page, *article[content], profile):
        _mark_meta(page, *article[content], profile)
        content += 1
    _mark_content(page, article[content:], profile)
    return page


def _after_header(text: str, profile: SiteProfile) -> list[str]:
    """The raw lines after the navigation and ticker (the whole page when it has no header marker)."""
    end = line_end(text, profile.header_marker, profile.bullet) if profile.header_marker else None
    if end is None:
        return text.split("\n")
    raws = text[end + 1 :].split("\n") if end < len(text) else []
    if profile.header_through_blank:  # the ticker runs up to the first blank line
        blank = next((i for i, raw in enumerate(raws) if not raw.strip()), len(raws))
        raws = raws[blank:]
    return raws


def _meta(line: Line, profile: SiteProfile) -> tuple[Role, str, str] | None:
    """The meta field a line fills, the rule that says so and the part of the line the field is read from."""
    text = line.text
    if line.bullet:
        if profile.author_prefix and text.startswith(profile.author_prefix):
            return BYLINE, RULE_AUTHORS, text[len(profile.author_prefix) :]
        if profile.source_prefix and text.startswith(profile.source_prefix):
            return SOURCE, RULE_SOURCE, text[len(profile.source_prefix) :]
        return _date(profile.date_pattern, text, RULE_DATE)
    if profile.plain_meta:
        if profile.author_line_prefix and text.startswith(profile.author_line_prefix):
            return BYLINE, RULE_AUTHORS_LINE, text[len(profile.author_line_prefix) :]
        if profile.source_line_prefix and text.startswith(profile.source_line_prefix):
            return SOURCE, RULE_SOURCE_LINE, text[len(profile.source_line_prefix) :]
        found = _date(profile.date_line_pattern, text, RULE_DATE_LINE)
        if found:
            return found
    match = profile.reading_time_pattern.fullmatch(text) if profile.reading_time_pattern else None
    return (READING_TIME, RULE_READING_TIME, match.group(1)) if match else None


def _date(pattern: re.Pattern[str] | None, text: str, rule: str) -> tuple[Role, str, str] | None:
    """A date line: its pattern's group 1 is the printed date, or the whole line when it has no group."""
    match = pattern.fullmatch(text) if pattern else None
    if match is None:
        return None
    return DATE, rule, match.group(1) if match.re.groups else text


def _is_meta_paragraph(page: Classified, start: int, stop: int, profile: SiteProfile) -> bool:
    """Whether a paragraph after the meta lines is more of them: every line a meta line, and no list (a
    lead that happens to open with a byline's prefix stays the lead)."""
    lines = page.lines
    for i in range(start, stop):  # noqa: SIM110 - a loop, not all(): no generator to build on every page
        if lines[i].bullet or _meta(lines[i], profile) is None:
            return False
    return True


def _read_article(raws: list[str], profile: SiteProfile) -> tuple[list[Line], int, int, int] | Reject:
    """The lines through the article's end, with the indexes of the title, the first meta line and the end.

    Lines are built only up to the first article-end line after the meta line: the chrome after it is
    never needed. Before the meta line an article-end line ends nothing.
    """
    lines: list[Line] = []
    anchor = end = None
    for raw in raws:
        line = read_line(raw, profile.bullet)
        lines.append(line)
        if line is BLANK:
            continue
        if anchor is None and _meta(line, profile) is not None:
            anchor = len(lines) - 1
        if anchor is not None and not line.bullet and line.text in profile.article_end:
            end = len(lines) - 1
            break
    title_at = None
    if anchor is not None:
        title_at = next((i for i in range(anchor - 1, -1, -1) if lines[i] is not BLANK and not lines[i].bullet), None)
    if anchor is None or title_at is None:
        return Reject(Reason.NO_ARTICLE, "no headline with a byline, date or reading-time line", "parse")
    if end is None:
        markers = " / ".join(sorted(profile.article_end))
        return Reject(Reason.TRUNCATED, f"the dump ends before the article's end (no {markers} line)", "parse")
    return lines, title_at, anchor, end


def _mark_head(page: Classified, title_at: int, anchor: int) -> None:
    """The lines above the first meta line: blank ones, chrome, the title."""
    lines, roles, rules = page.lines, page.roles, page.rules
    for i in range(anchor):
        if lines[i] is BLANK:
            roles[i] = BLANK_ROLE
        elif i > title_at:
            rules[i] = RULE_BEFORE_META
    roles[title_at], rules[title_at] = TITLE, RULE_TITLE


def _blocks(page: Classified, start: int, stop: int) -> list[tuple[int, int]]:
    """The runs of non-blank lines in lines[start:stop], as (start, stop) pairs; the blank lines between get their role."""
    found = blocks(page.lines, start, stop)
    roles = page.roles
    edge = start
    for first, last in found:
        for i in range(edge, first):
            roles[i] = BLANK_ROLE
        edge = last
    for i in range(edge, stop):
        roles[i] = BLANK_ROLE
    return found


def _mark(page: Classified, start: int, stop: int, role: Role, rule: str) -> None:
    if stop - start == 1:  # most blocks are one line
        page.roles[start] = role
        page.rules[start] = rule
    else:
        page.roles[start:stop] = [role] * (stop - start)
        page.rules[start:stop] = [rule] * (stop - start)


def _mark_meta(page: Classified, start: int, stop: int, profile: SiteProfile) -> None:
    """Byline, source, date and reading time; the value is the part of the line the field is read from."""
    roles, rules, values = page.roles, page.rules, page.values
    for i in range(start, stop):
        found = _meta(page.lines[i], profile)
        if found is None:
            rules[i] = RULE_UNREAD_META
        else:
            roles[i], rules[i], values[i] = found


def _is_image_block(line: Line, profile: SiteProfile) -> bool:
    """Whether the block opening with `line` is an image block."""
    return line.bullet and line.text == profile.image_block_start


def _mark_content(page: Classified, content: list[tuple[int, int]], profile: SiteProfile) -> None:
    """Lead, images, inserts, body and tags: the blocks between the meta lines and the article's end."""
    lines, roles, rules = page.lines, page.roles, page.rules
    if profile.trailing_tags and content:
        start, stop = content[-1]
        if lines[start].bullet and not _is_image_block(lines[start], profile):
            for i in range(start, stop):
                roles[i], rules[i] = (TAGS, RULE_TAGS) if lines[i].bullet else (CHROME, RULE_TAGS_NOT_BULLET)
            content = content[:-1]
    if profile.tags_marker:
        content = _take_marked_tags(page, content, profile.tags_marker)
    plain = profile.plain_content  # Al Mayadeen's layout has no plain-line rules: one test a block
    inserts = {insert.marker: insert.paragraphs for insert in profile.inserts if insert.marker is not None}
    if content and _is_lead(page, *content[0], profile, inserts):
        _mark(page, *content[0], LEAD, RULE_LEAD)
        content = content[1:]
    skip = 0
    for start, stop in content:
        first = lines[start]
        if skip and not first.bullet:
            skip -= 1
            _mark(page, start, stop, INSERT, RULE_INSERT_PARAGRAPH)
        elif stop - start == 1 and not first.bullet and first.text in inserts:
            skip = inserts[first.text]
            _mark(page, start, stop, INSERT, RULE_INSERT_MARKER)
        elif _is_image_block(first, profile):
            _mark_images(page, start, stop)
        elif plain and (found := _mark_plain(page, start, stop, profile)):
            skip = found - 1
        elif stop - start == 1:  # most paragraphs are one line: _mark's first case, without the call (~2% a page)
            roles[start], rules[start] = BODY, RULE_BODY
        else:
            _mark(page, start, stop, BODY, RULE_BODY)


def _is_lead(page: Classified, start: int, stop: int, profile: SiteProfile, inserts: dict[str, int]) -> bool:
    """Whether the first paragraph after the meta lines is the lead: not a list, an insert, or a paragraph a
    plain-line rule claims (that one is marked here and read again by the content loop, for its skips)."""
    first = page.lines[start]
    if first.bullet or (stop - start == 1 and first.text in inserts):
        return False
    return not (profile.plain_content and _mark_plain(page, start, stop, profile))


def _take_marked_tags(page: Classified, content: list[tuple[int, int]], marker: str) -> list[tuple[int, int]]:
    """The tags after their marker line (its bullets, or the next block's when it stands alone), marked
    and taken out of `content`, which is returned without them."""
    lines = page.lines
    at = next(
        (n for n, (start, _) in enumerate(content) if lines[start].text == marker and not lines[start].bullet), None
    )
    if at is None:
        return content
    start, stop = content[at]
    page.rules[start] = RULE_TAGS_MARKER
    taken = 1
    if stop - start == 1 and at + 1 < len(content) and lines[content[at + 1][0]].bullet:
        start, stop = content[at + 1]
        taken = 2
    else:
        start += 1
    for i in range(start, stop):
        if lines[i].bullet:
            page.roles[i], page.rules[i] = TAGS, RULE_TAGS_AFTER_MARKER
        else:
            page.rules[i] = RULE_TAGS_NOT_BULLET
    return content[:at] + content[at + taken :]


def _mark_plain(page: Classified, start: int, stop: int, profile: SiteProfile) -> int:
    """A block opening with a plain line that an image, caption, tags-line or insert-pattern rule claims:
    0 when none does (the block is left unmarked), else 1 + the paragraphs an insert drops after it."""
    lines, roles, rules, values = page.lines, page.roles, page.rules, page.values
    first = lines[start]
    if first.bullet:
        return 0
    text = first.text
    image = profile.image_line_pattern.fullmatch(text) if profile.image_line_pattern else None
    if image:
        roles[start], rules[start] = IMAGE, RULE_IMAGE_LINE
        values[start] = image.group(1) if image.re.groups else text
        rule = RULE_IMAGE_CAPTION_FOLLOWS if profile.caption_follows else RULE_IMAGE_NO_CAPTION
        _mark(page, start + 1, stop, IMAGE if profile.caption_follows else CHROME, rule)
        return 1
    if stop - start == 1 and profile.caption_pattern and profile.caption_pattern.fullmatch(text):
        roles[start], rules[start] = IMAGE, RULE_CAPTION_PATTERN
        return 1
    if profile.tags_line_prefix and text.startswith(profile.tags_line_prefix):
        roles[start], rules[start] = TAGS, RULE_TAGS_LINE
        values[start] = text[len(profile.tags_line_prefix) :]
        _mark(page, start + 1, stop, CHROME, RULE_TAGS_LINE_REST)
        return 1
    if stop - start == 1:
        for insert in profile.inserts:
            if insert.pattern and insert.pattern.fullmatch(text):
                roles[start], rules[start] = INSERT, RULE_INSERT_PATTERN
                return 1 + insert.paragraphs
    return 0


def _mark_images(page: Classified, start: int, stop: int) -> None:
    """After the gallery's close button (chrome), a bullet is an alt text and the lines under it its caption."""
    page.rules[start] = RULE_IMAGE_START
    alt_seen = False
    for i in range(start + 1, stop):
        bullet = page.lines[i].bullet
        alt_seen = alt_seen or bullet
        if alt_seen:
            page.roles[i], page.rules[i] = IMAGE, RULE_IMAGE_ALT if bullet else RULE_IMAGE_CAPTION
        else:
            page.rules[i] = RULE_IMAGE_STRAY
