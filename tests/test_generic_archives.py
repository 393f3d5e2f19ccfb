"""A web archive's toolbar over the page it captured (the Wayback Machine's): its paragraphs say why the archive
collected the page, and its "Organization: …" line is no headline."""

from __future__ import annotations

from builder.extract.generic.archives import RULE_ARCHIVE_BANNER, archive_banner
from builder.extract.generic.reader import GenericReading, read_generic
from tests.seal_pages import SEAL_PARAGRAPHS, seal_page

TOOLBAR = """Wayback Machine
success
fail

[http://harbour-weekly.][Go]      Dec                 JAN   Apr
5 captures                      Previous capture    09    Next capture

About this capture
COLLECTED BY
Organization: Internet Archive
These crawls are part of an effort to archive pages as they are created and archive the pages that they refer to.

The goal is to fix all broken links on the web, so that a link to a page that was changed or taken down still leads somewhere.
Collection: News Sites and the Pages They Link To
TIMESTAMPS
loading
"""


def test_the_toolbar_s_lines_from_its_name_to_its_placeholder() -> None:
    page = TOOLBAR + "\n" + seal_page("Seals return to the sandbank")
    banner = archive_banner(page.split("\n"))
    assert (banner.start, banner.stop) == (0, TOOLBAR.count("\n"))


def test_a_page_under_the_toolbar_is_read_without_it() -> None:
    page = TOOLBAR + "\n" + seal_page("Seals return to the sandbank")
    reading = read_generic(page)
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank"
    assert reading.fields["body"].startswith(SEAL_PARAGRAPHS[0])
    rules = reading.classified.rules
    assert rules[0] == rules[TOOLBAR.count("\n") - 1] == RULE_ARCHIVE_BANNER


def test_no_toolbar_without_its_name_at_the_top_or_its_last_heading() -> None:
    assert not archive_banner(["Harbour Weekly", "", "Wayback Machine", "TIMESTAMPS"])
    assert not archive_banner(["Wayback Machine", "", "Seals return to the sandbank"])
