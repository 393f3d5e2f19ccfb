"""The text-dump reader in its two steps: classify (a role and a rule per line) and assemble (roles to fields)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from builder.extract.decode import decode
from builder.extract.textdump import Classified, Line, Role, assemble, classify
from builder.extract.textdump.classified import AFTER_END, IN_HEADER, NO_RULE
from builder.extract.textdump.classifier import (
    RULE_BODY,
    RULE_INSERT_PARAGRAPH,
    RULE_LEAD,
    RULE_TITLE,
    RULE_UNREAD_META,
)
from builder.extract.textdump.lines import BLANK, read_line
from builder.reasons import Reason
from builder.record import Record, Reject
from builder.sites import registry
from builder.sites.profile import SiteProfile, parse_profile
from tests.golden.goldens import golden_dumps
from tests.layouts.ledger import PROFILE as LEDGER_PROFILE

SITE = next(profile for profile in registry() if profile.site == "almayadeen_en")
HEAD = "Al Mayadeen English\n\nNews\nBREAKING\nA ticker headline\n\n"


def _text(dump: Path) -> str:
    record = Record(source_file=dump.name, data=dump.read_bytes())
    assert decode(record) is None
    return record.text


def _classified(name: str) -> Classified:
    page = classify(_text(next(d for d in golden_dumps(SITE.site) if d.name == name)), SITE)
    assert isinstance(page, Classified), page
    return page


def test_each_line_of_the_article_gets_its_role_and_rule() -> None:
    page = _classified("two_authors.txt")
    read = [(role, line.text) for line, role in zip(page.lines, page.roles, strict=True) if role is not Role.BLANK]
    roles = [role for role, _ in read]
    assert roles == [
        *[Role.TITLE, Role.BYLINE, Role.SOURCE, Role.DATE, Role.READING_TIME, Role.LEAD],
        *[Role.CHROME, Role.IMAGE, Role.IMAGE, Role.BODY, Role.BODY],  # the gallery's close button is chrome
        *[Role.INSERT] * 3,
        *[Role.BODY, Role.BODY, Role.TAGS, Role.TAGS, Role.TAGS, Role.END],
    ]
    assert read[0] == (Role.TITLE, "Scientists Map Ancient Olive Groves in South Lebanon")
    assert read[-1] == (Role.END, "Most Read")
    rules = dict(zip(page.roles, page.rules, strict=True))
    assert rules[Role.BYLINE] == "fields.authors.bullet_prefix"
    assert rules[Role.END] == "layout.article_end"
    assert [page.values[i] for i, role in enumerate(page.roles) if role is Role.BYLINE] == ["Rana Haddad, Karim Saleh"]
    inserts = [rule for rule, role in zip(page.rules, page.roles, strict=True) if role is Role.INSERT]
    assert inserts == ["layout.inserts.marker", "layout.inserts.paragraphs", "layout.inserts.paragraphs"]


def test_every_role_is_given_by_some_golden_dump() -> None:
    seen: set[Role] = set()
    for profile in registry():
        for dump in golden_dumps(profile.site):
            page = classify(_text(dump), profile)
            if isinstance(page, Classified):
                seen.update(page.roles)
    assert seen == set(Role)


@pytest.mark.parametrize("dump", golden_dumps(SITE.site), ids=lambda d: d.name)
def test_rows_give_every_line_of_the_page_once(dump: Path) -> None:
    text = _text(dump)
    page = classify(text, SITE)
    assert isinstance(page, Classified)
    rows = list(page.rows(SITE.bullet))
    raws = text.split("\n")
    assert [line for line, _, _ in rows] == [read_line(raw, SITE.bullet) for raw in raws]
    first = len(raws) - page.after_header
    header, tail = rows[:first], rows[first + len(page.lines) :]
    assert {(role, rule) for line, role, rule in header if line is not BLANK} == {(Role.CHROME, IN_HEADER)}
    assert {(role, rule) for line, role, rule in tail if line is not BLANK} <= {(Role.CHROME, AFTER_END)}
    assert rows[first + len(page.lines) - 1][1] is Role.END
    assert all(role is Role.BLANK for line, role, _ in rows if line is BLANK)


@pytest.mark.parametrize(
    ("text", "reason", "detail"),
    [
        (HEAD + "A headline\n\nNo byline, no date\nMost Read\n", Reason.NO_ARTICLE, "no headline with a byline"),
        (HEAD + "  • 3 Jun 2024 18:30\n\nBody\nMost Read\n", Reason.NO_ARTICLE, "no headline with a byline"),
        (HEAD + "A headline\n  • 3 Jun 2024 18:30\n\nA body cut short\n", Reason.TRUNCATED, "(no Coverage / Most"),
    ],
    ids=["no meta line", "no title above the meta line", "no article end"],
)
def test_a_page_without_an_article_is_rejected(text: str, reason: Reason, detail: str) -> None:
    found = classify(text, SITE)
    assert isinstance(found, Reject)
    assert (found.reason, found.stage) == (reason, "parse")
    assert detail in found.detail


def test_assemble_reads_roles_not_layout() -> None:
    """Any classifier's output assembles the same way: here a page classified by hand, with no profile markers."""
    rows = [
        ("Headline", False, Role.TITLE, None),
        ("Ann Lee and Bo Chan", True, Role.BYLINE, "Ann Lee and Bo Chan"),
        ("2 Jan 2025 09:00", True, Role.DATE, "2 Jan 2025 09:00"),
        ("", False, Role.BLANK, None),
        ("First part of the lead,", False, Role.LEAD, None),
        ("second part.", False, Role.LEAD, None),
        ("", False, Role.BLANK, None),
        ("A body paragraph.", False, Role.BODY, None),
        ("", False, Role.BLANK, None),
        ("Dropped", False, Role.INSERT, None),
        ("", False, Role.BLANK, None),
        ("one", True, Role.BODY, None),
        ("two", True, Role.BODY, None),
        ("", False, Role.BLANK, None),
        ("An alt", True, Role.IMAGE, None),
        ("its caption", False, Role.IMAGE, None),
        ("", False, Role.BLANK, None),
        ("A tag", True, Role.TAGS, None),
        ("End", False, Role.END, None),
    ]
    lines = [BLANK if role is Role.BLANK else Line(text, bullet) for text, bullet, role, _ in rows]
    values = {i: value for i, (*_, value) in enumerate(rows) if value is not None}
    groups = [(0, 3), (4, 6), (7, 8), (9, 10), (11, 13), (14, 16), (17, 18)]
    page = Classified("", len(rows), lines, [role for *_, role, _ in rows], ["by hand"] * len(rows), values, groups)
    fields, extracted = assemble(page, SITE)
    assert fields == {
        "publisher": SITE.facts.publisher,
        "title": "Headline",
        "authors": ["Ann Lee", "Bo Chan"],
        "source": None,
        "reading_time_minutes": None,
        "summary": "First part of the lead, second part.",
        "images": [{"alt": "An alt", "caption": "its caption"}],
        "body": "A body paragraph.\n\n• one\n• two",
        "tags": ["A tag"],
    }
    assert extracted == {"published_at": "2 Jan 2025 09:00"}


# Layouts unlike Al Mayadeen's: plain-line meta, image lines, tags lines and markers, insert patterns.

LEDGER = yaml.safe_load(LEDGER_PROFILE.read_text(encoding="utf-8"))
LEDGER_HEAD = "The Harbour Ledger\nHome  World\nSearch  Subscribe | Sign in\n\nWorld\n\nA storm floods the quay\n\n"
LEDGER_META = "By Ann Lee and Bo Chan\nJuly 21, 2021 2:49 PM EDT\nUpdated July 22, 2021 9:00 AM\n3 min read\n\n"
LEDGER_FOOT = "Share this article\n\nAbout us | Contact | Privacy | Terms\n"


def _ledger(changes: dict[str, dict[str, object]] | None = None) -> SiteProfile:
    """The Harbour Ledger's profile, with some of its `fields` rules replaced."""
    doc = copy.deepcopy(LEDGER)
    for key, rule in (changes or {}).items():
        doc["fields"][key] = rule
    return parse_profile(doc)


def _read(body: str, profile: SiteProfile) -> tuple[list[tuple[Role, str, str]], dict[str, object]]:
    """The (role, rule, text) of each non-blank line of a ledger page with this body, and its fields."""
    page = classify(LEDGER_HEAD + LEDGER_META + body + LEDGER_FOOT, profile)
    assert isinstance(page, Classified), page
    read = [(r, rule, line.text) for line, r, rule in zip(page.lines, page.roles, page.rules, strict=True)]
    return [row for row in read if row[0] is not Role.BLANK], assemble(page, profile).fields


def test_a_plain_line_layout_gets_its_roles_and_fields() -> None:
    body = (
        "The lead.\n\n[Image: The quay at noon]\nWater on the quay. (Photo: AP)\n\nFirst paragraph.\n\n"
        "Read more: Another story\n\nAdvertisement\n\nSecond paragraph.\n\nTags: Weather, Floods\n\n"
    )
    read, fields = _read(body, _ledger())
    assert [(role, rule) for role, rule, _ in read] == [
        (Role.CHROME, NO_RULE),  # the section's name, between the header and the title
        (Role.TITLE, RULE_TITLE),
        (Role.BYLINE, "fields.authors.line_prefix"),
        (Role.DATE, "fields.published_at.line_pattern"),
        (Role.CHROME, RULE_UNREAD_META),  # "Updated ...": a meta line no rule reads
        (Role.READING_TIME, "fields.reading_time_minutes.line_pattern"),
        (Role.LEAD, RULE_LEAD),
        (Role.IMAGE, "fields.images.line_pattern"),
        (Role.IMAGE, "fields.images.caption_follows"),
        (Role.BODY, RULE_BODY),
        (Role.INSERT, "layout.inserts.pattern"),
        (Role.INSERT, "layout.inserts.marker"),
        (Role.BODY, RULE_BODY),
        (Role.TAGS, "fields.tags.line_prefix"),
        (Role.END, "layout.article_end"),
    ]
    assert fields == {
        "publisher": "The Harbour Ledger",
        "title": "A storm floods the quay",
        "authors": ["Ann Lee", "Bo Chan"],
        "source": None,
        "reading_time_minutes": 3,
        "summary": "The lead.",
        "images": [{"alt": "The quay at noon", "caption": "Water on the quay. (Photo: AP)"}],
        "body": "First paragraph.\n\nSecond paragraph.",
        "tags": ["Weather", "Floods"],
    }


def test_the_date_is_the_patterns_group_the_zone_printed_after_it_left_out() -> None:
    page = classify(LEDGER_HEAD + LEDGER_META + "Lead.\n\n" + LEDGER_FOOT, _ledger())
    assert isinstance(page, Classified)
    assert assemble(page, _ledger()).extracted == {"published_at": "July 21, 2021 2:49 PM"}


def test_captions_by_their_pattern_anywhere() -> None:
    images = {"line_pattern": r"\[Image: (.+)\]", "caption_pattern": r"Photo: .+"}
    body = "Lead.\n\n[Image: A boat]\n\nPhoto: the boat at dawn\n\nBody.\n\nPhoto: a crane\n\n"
    read, fields = _read(body, _ledger({"images": images}))
    captions = [text for role, rule, text in read if rule == "fields.images.caption_pattern"]
    assert captions == ["Photo: the boat at dawn", "Photo: a crane"]
    assert fields["images"] == [{"alt": "A boat", "caption": "Photo: the boat at dawn Photo: a crane"}]
    _, alone = _read("Lead.\n\nPhoto: a crane\n\nBody.\n\n", _ledger({"images": images}))
    assert alone["images"] == [{"alt": "", "caption": "Photo: a crane"}]  # no image line before it


def test_an_image_line_without_caption_follows_keeps_the_lines_under_it_out() -> None:
    read, fields = _read(
        "Lead.\n\n[Image: A boat]\nnot a caption\n\nBody.\n\n",
        _ledger({"images": {"line_pattern": r"\[Image: (.+)\]"}}),
    )
    assert (Role.CHROME, "fields.images.line_pattern: a line under an image, not its caption", "not a caption") in read
    assert fields["images"] == [{"alt": "A boat", "caption": None}]


@pytest.mark.parametrize(
    "tags_block",
    ["Topics\n\n  • Weather\n  • Ports\n\n", "Topics\n  • Weather\n  • Ports\n\n"],
    ids=["marker alone", "marker over its bullets"],
)
def test_tags_as_the_bullets_after_a_marker_anywhere(tags_block: str) -> None:
    profile = _ledger({"tags": {"after_marker": "Topics"}})
    read, fields = _read("Lead.\n\n" + tags_block + "Body after the tags.\n\n", profile)
    assert fields["tags"] == ["Weather", "Ports"] and fields["body"] == "Body after the tags."
    assert (Role.CHROME, "fields.tags.after_marker", "Topics") in read


def test_an_insert_pattern_drops_the_paragraphs_after_it() -> None:
    layout = copy.deepcopy(LEDGER)
    layout["layout"]["inserts"] = [{"pattern": "Related: .+", "paragraphs": 1}]
    profile = parse_profile(layout)
    read, fields = _read("Lead.\n\nOne.\n\nRelated: more\n\nA headline of it\n\nTwo.\n\n", profile)
    assert fields["body"] == "One.\n\nTwo."
    assert [rule for role, rule, _ in read if role is Role.INSERT] == ["layout.inserts.pattern", RULE_INSERT_PARAGRAPH]


def test_a_lead_opening_like_a_byline_stays_the_lead() -> None:
    _, fields = _read("By noon the water had gone.\nThe quay reopened.\n\nBody.\n\n", _ledger())
    assert fields["summary"] == "By noon the water had gone. The quay reopened."


def test_a_first_paragraph_a_plain_rule_claims_is_no_lead() -> None:
    _, fields = _read("[Image: A boat]\nIts caption\n\nBody.\n\n", _ledger())
    assert fields["summary"] is None and fields["body"] == "Body."
    assert fields["images"] == [{"alt": "A boat", "caption": "Its caption"}]


def test_a_meta_paragraph_after_a_blank_line_is_read_as_meta() -> None:
    page = classify(LEDGER_HEAD + "By Ann Lee\n\nJuly 21, 2021 2:49 PM\n\nLead.\n\n" + LEDGER_FOOT, _ledger())
    assert isinstance(page, Classified)
    fields = assemble(page, _ledger()).fields
    assert (fields["authors"], fields["summary"]) == (["Ann Lee"], "Lead.")


def test_an_insert_first_after_the_meta_lines_is_no_lead() -> None:
    _, fields = _read("Advertisement\n\nFirst paragraph.\n\nSecond.\n\n", _ledger())
    assert fields["summary"] is None and fields["body"] == "First paragraph.\n\nSecond."
