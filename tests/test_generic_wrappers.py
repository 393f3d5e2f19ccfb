"""A web archive's toolbar over the page it captured (the Wayback Machine's): its paragraphs say why the archive
collected the page, and its "Organization: …" line is no headline."""

from __future__ import annotations

from datetime import datetime

from builder.extract.generic.reader import GenericReading, read_generic
from builder.extract.generic.wrappers import RULE_ARCHIVE_BANNER, archive_banner, is_server_error
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


def test_the_dates_of_the_toolbar_s_captures_do_not_date_the_page() -> None:
    calendar = "09 Jan 2014 - 01 Jan 2017       2013                2014  2015"
    toolbar = TOOLBAR.replace("5 captures", f"5 captures\n{calendar}")
    reading = read_generic(toolbar + "\n" + seal_page("9. Dezember 2013", "Seals return to the sandbank"))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["title"] == "Seals return to the sandbank"
    assert reading.date is not None and reading.date.local == datetime(2013, 12, 9)


def test_no_toolbar_without_its_name_at_the_top_or_its_last_heading() -> None:
    assert not archive_banner(["Harbour Weekly", "", "Wayback Machine", "TIMESTAMPS"])
    assert not archive_banner(["Wayback Machine", "", "Seals return to the sandbank"])


PHP_NOTICE = (
    "Deprecated: Assigning the return value of new by reference is deprecated in /www/htdocs/w00a2ebd/wp-settings.php"
    " on line 520"
)


def test_the_site_s_php_messages_are_no_paragraphs_of_its_article() -> None:
    """A site whose PHP prints its warnings into the page: long lines of words, which outweigh a short article."""
    notices = [PHP_NOTICE] * 6
    reading = read_generic(seal_page("Seals return to the sandbank", paragraphs=[*notices, *SEAL_PARAGRAPHS]))
    assert isinstance(reading, GenericReading), reading
    assert reading.fields["body"].split("\n\n") == SEAL_PARAGRAPHS


def test_php_messages_and_sentences_about_php() -> None:
    assert is_server_error(PHP_NOTICE)
    assert is_server_error(
        "Warning: mysql_get_server_info(): Access denied for user ''@'localhost' (using password: NO) in "
        "/www/htdocs/wordpress/wp-content/plugins/simple-tagging-plugin/simpletagging.php on line 299"
    )
    assert is_server_error("Fatal error: Uncaught Error: Call to undefined function in /var/www/index.php:12")
    assert not is_server_error("Warning: the council says the harbour wall will not hold past 2030")
    assert not is_server_error("Notice how the script in index.php on line 12 opens the file twice")
