"""Dumps of one made-up site (a shared header and footer around each article) for the tests of the generic
reader, and the site's chrome as the build's survey counts it."""

from __future__ import annotations

from builder.extract.generic.chrome import SiteChrome
from builder.extract.generic.corpus import CorpusBuilder, page_lines, sketch_page
from builder.extract.generic.reader import GenericReading
from builder.extract.textdump.lines import Role

SITE = "site 1: starts 'The Harbour Gazette'"


SITE_HEADER = "The Harbour Gazette\n\n  • News\n  • Port\n  • Weather\n\n"
SITE_FOOTER = (
    "\n\nThe Harbour Gazette is an independent newspaper owned by its readers, and it has reported on the port and "
    "the people who work in it since the first ferry crossed the bay in 1901.\n\n  • About\n  • Contact\n"
)


def site_dump(number: int) -> str:
    """One article of the site: its own headline and paragraphs between the shared header and footer."""
    paragraphs = [
        f"The harbour master said on Monday that berth {number}.{k} would be closed for repairs during the "
        f"winter, and that the ships which use it will be moved to the new quay at the north end of the port."
        for k in range(4)
    ]
    return (
        SITE_HEADER + f"Berth {number} closes for the winter\n\nBy Ann Lee\n\n" + "\n\n".join(paragraphs) + SITE_FOOTER
    )


def site_chrome(dumps: list[str]) -> SiteChrome:
    """What the build's survey hands over for these dumps: in how many of them each line appears."""
    corpus = CorpusBuilder()
    for dump in dumps:
        corpus.add(sketch_page(page_lines(dump), None)._replace(frame=frozenset({0})))  # one site, whatever it prints
    chrome = corpus.index().chrome[0]
    return SiteChrome.packed(SITE, chrome.dumps, chrome.keys, chrome.counts_of_keys, None)


def role_of(reading: GenericReading, text: str) -> tuple[Role, str]:
    page = reading.classified
    i = next(i for i, line in enumerate(page.lines) if line.text.startswith(text))
    return page.roles[i], page.rules[i]
