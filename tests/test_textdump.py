"""The text-dump reader in its two steps: classify (a role and a rule per line) and assemble (roles to fields)."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.extract.decode import decode
from builder.extract.textdump import Classified, Line, Role, assemble, classify
from builder.extract.textdump.classified import AFTER_END, IN_HEADER
from builder.extract.textdump.lines import BLANK, read_line
from builder.reasons import Reason
from builder.record import Record, Reject
from builder.sites import registry
from tests.golden.goldens import golden_dumps

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
