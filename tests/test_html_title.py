"""The title chooser on small pages of its own: which statement wins, how a window title loses the site's
name, when a heading settles which part is the headline, and what stays whole."""

from __future__ import annotations

import pytest
from lxml import html

from builder.extract.html.title import (
    fold,
    meta_contents,
    page_title,
    title_statements,
    window_headline,
    without_site_name,
)

HEADLINE = "Harbour board approves the new north pier"


def page(head: str = "", body: str = "") -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}<p>Text.</p></body></html>"


def title_of(markup: str) -> str | None:
    return page_title(html.fromstring(markup))


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # the window title alone, with nothing to clean
        ("<title>Harbour board approves pier</title>", "<h1>Lorem</h1>", "Harbour board approves pier"),
        # a short site name after a separator: taken off, whichever separator
        (f"<title>{HEADLINE} | Gazette</title>", "", HEADLINE),
        (f"<title>{HEADLINE} - The Porthaven Gazette</title>", "", HEADLINE),
        (f"<title>{HEADLINE} » Gazette</title>", "", HEADLINE),
        (f"<title>{HEADLINE} :: Gazette</title>", "", HEADLINE),
        (f"<title>{HEADLINE} · Gazette</title>", "", HEADLINE),
        (f"<title>{HEADLINE} / Gazette</title>", "", HEADLINE),
        # the site's name the page states, taken off whatever its length; a part before it stays (no
        # more guessing once a name is known: it could belong to the headline)
        (
            f"<title>{HEADLINE} - Local news - The Porthaven Gazette Online</title>"
            "<meta property='og:site_name' content='The Porthaven Gazette Online'>",
            "",
            f"{HEADLINE} - Local news",
        ),
        # a heading repeats one part: that part is the headline, wherever it sits
        (
            f"<title>Local | {HEADLINE} | The Porthaven Gazette Online</title>",
            f"<h1>Porthaven Gazette</h1><h2>{HEADLINE}</h2>",
            HEADLINE,
        ),
        # too few words would be left: the title stays whole ("Product - Site", "Site - Section")
        ("<title>Firefox - Mozilla</title>", "", "Firefox - Mozilla"),
        # a colon is part of a headline, not a separator
        ("<title>Review: the pier at dusk</title>", "<h1>Pier</h1>", "Review: the pier at dusk"),
        # a site name that leads the title stays (its headings repeat such titles whole)
        (
            f"<title>Gazette - {HEADLINE}</title><meta property='og:site_name' content='Gazette'>",
            "",
            f"Gazette - {HEADLINE}",
        ),
        # an inline SVG's <title> names the image, not the page
        ("", f"<svg><title>Search icon</title></svg><h1>{HEADLINE}</h1>", HEADLINE),
        # no window title: the first heading
        ("", f"<h1>{HEADLINE}</h1><h2>Comments</h2>", HEADLINE),
        ("", "", None),
    ],
)
def test_window_title_and_headings(head: str, body: str, expected: str | None) -> None:
    assert title_of(page(head, body)) == expected


def test_metadata_comes_before_the_window_title_in_its_order() -> None:
    metas = {
        "twitter:title": "Twitter title",
        "og:title": "Open Graph title",
        "dc:title": "Dublin Core title",
    }
    head = "<title>Window title of the page</title>"
    for name in ("dc:title", "og:title", "twitter:title"):  # each wins over the ones after it
        tags = "".join(f"<meta property='{key}' content='{value}'>" for key, value in metas.items())
        assert title_of(page(head + tags)) == metas[name]
        del metas[name]
    assert title_of(page(head)) == "Window title of the page"


def test_one_meta_may_state_several_properties() -> None:
    tree = html.fromstring(page("<meta property='x:title dc:title' content='Preferred &amp; title'>"))
    assert meta_contents(tree)["dc:title"] == "Preferred & title"
    assert page_title(tree) == "Preferred & title"


def test_an_empty_meta_title_is_no_statement() -> None:
    assert title_of(page("<title>The window title here</title><meta property='og:title' content=' '>")) == (
        "The window title here"
    )


def test_the_json_ld_headline_comes_first_even_in_cdata() -> None:
    ld = (
        "<script type='application/ld+json'>\n<![CDATA[\n"
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Gazette"},'
        f'{{"@type": "NewsArticle", "headline": "{HEADLINE}", "publisher": {{"name": "Porthaven Gazette"}}}}]}}'
        "\n]]>\n</script>"
    )
    markup = page(f"<title>Pier news | Gazette</title><meta property='og:title' content='Pier news'>{ld}")
    assert title_of(markup) == HEADLINE
    statements = title_statements(html.fromstring(markup))
    assert statements.site_names == {"gazette", "porthaven gazette"}


def test_broken_json_ld_leaves_the_other_statements() -> None:
    markup = page("<script type='application/ld+json'>{\"headline\": </script><meta name='title' content='Meta'>")
    assert title_of(markup) == "Meta"


def test_of_an_articles_headline_and_name_the_one_the_page_repeats() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "Article", "name": "Hermitian matrix",'
        ' "headline": "matrix equal to its conjugate transpose"}</script>'
    )
    assert title_of(page(f"<title>Hermitian matrix - Wikipedia</title>{ld}")) == "Hermitian matrix"
    # neither repeated: the headline
    assert title_of(page(f"<title>Something else entirely</title>{ld}")) == "matrix equal to its conjugate transpose"


def test_a_stated_title_loses_a_trailing_site_name_too() -> None:
    markup = page(
        f"<meta property='og:title' content='{HEADLINE} | Aktuálně.cz'>"
        "<meta property='og:site_name' content='Aktuálně.cz - Víte, co se právě děje'>"
    )
    assert title_of(markup) == HEADLINE


def test_without_site_name_keeps_a_title_with_no_separator() -> None:
    statements = title_statements(html.fromstring(page()))
    statements.site_names = {fold("Gazette")}
    assert without_site_name("Gazette", statements) == "Gazette"
    assert without_site_name(f"{HEADLINE} — Gazette", statements) == HEADLINE
    assert window_headline(f"{HEADLINE} — Gazette", statements) == HEADLINE


def test_fold_ignores_case_spacing_and_edge_punctuation() -> None:
    assert fold("  The  GAZETTE. ") == fold("the gazette") == "the gazette"
