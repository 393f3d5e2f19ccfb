"""Classify the lines of a dump with its site profile: each line of the article gets a role and a rule.

The page is read as blocks of non-blank lines. The profile says where the page header ends, which
bullets carry the byline, source and date, which line ends the article, and which crawl-time inserts
must be cut out of the body. The title is the last line above the first meta line; the first block
after the meta lines is the lead; a bullet list closing the article may be its tags.
"""

from __future__ import annotations

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
    line_end,
    read_line,
)
from builder.reasons import Reason
from builder.record import Reject
from builder.sites.profile import SiteProfile

# The rule behind each role, named after the profile key that gave it where there is one.
RULE_TITLE = "the last line above the first meta line"
RULE_BEFORE_META = "a bullet between the title and the meta lines"
RULE_AUTHORS = "fields.authors.bullet_prefix"
RULE_SOURCE = "fields.source.bullet_prefix"
RULE_DATE = "fields.published_at.bullet_pattern"
RULE_READING_TIME = "fields.reading_time_minutes.line_pattern"
RULE_UNREAD_META = "in the meta lines, matching no meta rule"
RULE_LEAD = "the first paragraph after the meta lines"
RULE_TAGS = "fields.tags.trailing_bullets"
RULE_TAGS_NOT_BULLET = "fields.tags.trailing_bullets: not a bullet"
RULE_INSERT_MARKER = "layout.inserts.marker"
RULE_INSERT_PARAGRAPH = "layout.inserts.paragraphs"
RULE_IMAGE_START = "layout.image_block_start"
RULE_IMAGE_ALT = "an image's alt text: a bullet in an image block"
RULE_IMAGE_CAPTION = "an image's caption: the lines under its alt text"
RULE_IMAGE_STRAY = "a line in an image block above any alt text"
RULE_BODY = "a paragraph of the body"
RULE_END = "layout.article_end"


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
    if len(article) > 1 and not lines[article[1][0]].bullet and _is_meta(lines[article[1][0]], profile):
        _mark_meta(page, *article[1], profile)  # "N Min Read" after a blank line
        content = 2
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


def _is_meta(line: Line, profile: SiteProfile) -> bool:
    if line.bullet:
        text = line.text
        return bool(
            (profile.author_prefix and text.startswith(profile.author_prefix))
            or (profile.source_prefix and text.startswith(profile.source_prefix))
            or profile.date_pattern.fullmatch(text)
        )
    return bool(profile.reading_time_pattern and profile.reading_time_pattern.fullmatch(line.text))


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
        if anchor is None and _is_meta(line, profile):
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
    """The runs of non-blank lines in lines[start:stop], as (start, stop) pairs; the blank lines get their role."""
    lines, roles = page.lines, page.roles
    found: list[tuple[int, int]] = []
    first = None
    for i in range(start, stop):
        if lines[i] is BLANK:
            roles[i] = BLANK_ROLE
            if first is not None:
                found.append((first, i))
                first = None
        elif first is None:
            first = i
    if first is not None:
        found.append((first, stop))
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
        line = page.lines[i]
        text = line.text
        if not line.bullet:
            match = profile.reading_time_pattern.fullmatch(text) if profile.reading_time_pattern else None
            if match:
                roles[i], rules[i], values[i] = READING_TIME, RULE_READING_TIME, match.group(1)
            else:
                rules[i] = RULE_UNREAD_META
        elif profile.author_prefix and text.startswith(profile.author_prefix):
            roles[i], rules[i], values[i] = BYLINE, RULE_AUTHORS, text[len(profile.author_prefix) :]
        elif profile.source_prefix and text.startswith(profile.source_prefix):
            roles[i], rules[i], values[i] = SOURCE, RULE_SOURCE, text[len(profile.source_prefix) :]
        elif profile.date_pattern.fullmatch(text):
            roles[i], rules[i], values[i] = DATE, RULE_DATE, text
        else:
            rules[i] = RULE_UNREAD_META


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
    if content and not lines[content[0][0]].bullet:
        _mark(page, *content[0], LEAD, RULE_LEAD)
        content = content[1:]
    inserts = {insert.marker: insert.paragraphs for insert in profile.inserts}
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
        elif stop - start == 1:  # most paragraphs are one line: _mark's first case, without the call (~2% a page)
            roles[start], rules[start] = BODY, RULE_BODY
        else:
            _mark(page, start, stop, BODY, RULE_BODY)


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
