"""The generic reader on two layouts of today's news pages: a kicker that the text browser glued before the
headline (the breadcrumb over it names the page by the headline alone, or by the headline and the kicker apart),
and a photo's caption among the
paragraphs that its credit closes after a label ("Foto: …", "Photograph: …")."""

from __future__ import annotations

import pytest

from builder.extract.generic.markers import is_credit_closed
from tests.seal_pages import DATE_ONLY_IN_THE_FOOTER, read_page

HEADLINE = "Night ferries return to the northern islands"
ARTICLE = "\n\n".join(DATE_ONLY_IN_THE_FOOTER.split("\n\n")[2:7])


def _page(crumbs: str, headline_line: str, body: str = ARTICLE) -> str:
    return f"Harbour Weekly\n\n{crumbs}\n\n{headline_line}\n\nBy Jane Doe\nMarch 2, 2020\n\n{body}\n"


@pytest.mark.parametrize(
    ("crumbs", "headline_line", "title"),
    [
        # the breadcrumb's last item is the headline; the line under it holds a kicker before it
        ("  • Home\n  • Islands\n  • " + HEADLINE, "Winter timetable " + HEADLINE, HEADLINE),
        (" 1. Home\n 2. Islands\n 3. " + HEADLINE, "Winter timetable : " + HEADLINE, HEADLINE),
        # no kicker: the headline as printed
        ("  • Home\n  • Islands\n  • " + HEADLINE, HEADLINE, HEADLINE),
        # the breadcrumb's last item is a section of two words, which many headlines end with
        ("  • Home\n  • Northern islands", HEADLINE, HEADLINE),
        # an item that is not its list's last is no page's name
        ("  • " + HEADLINE + "\n  • Islands", "Winter timetable " + HEADLINE, "Winter timetable " + HEADLINE),
        # the breadcrumb's last item prints the headline, then the kicker after a dash
        ("  • Home\n  • " + HEADLINE + " - Winter timetable", "Winter timetable " + HEADLINE, HEADLINE),
        # ...or the kicker, a colon and the headline, where the headline's line prints no colon
        ("  • Home\n  • Winter timetable: " + HEADLINE, "Winter timetable " + HEADLINE, HEADLINE),
        ("  • Home\n  • Winter timetable: " + HEADLINE, "Winter timetable : " + HEADLINE, HEADLINE),
        # a colon the headline prints is its own ("Ferries: Night ferries return ..."), as is another start
        ("  • Home\n  • Ferries: " + HEADLINE, "Ferries: " + HEADLINE, "Ferries: " + HEADLINE),
        ("  • Home\n  • Winter timetable: " + HEADLINE, "Ferries " + HEADLINE, "Ferries " + HEADLINE),
        # a list of links under the breadcrumb, a blank line between them
        ("  • Home\n  • " + HEADLINE + "\n\n  • Subscribe\n  • Shop", "Winter timetable " + HEADLINE, HEADLINE),
        (
            "  • Home\n  • " + HEADLINE + "\n  • Subscribe\n  • Shop",
            "Winter timetable " + HEADLINE,
            "Winter timetable " + HEADLINE,
        ),
        # a breadcrumb printed as a path, its last part the headline
        ("home / Islands / " + HEADLINE, "Winter timetable " + HEADLINE, HEADLINE),
        ("home / " + HEADLINE, "Winter timetable " + HEADLINE, "Winter timetable " + HEADLINE),  # one slash: no path
        # a "kicker" of seven words or more is the headline's own start
        (
            "  • Home\n  • " + HEADLINE,
            "After a long wait on the quay at last " + HEADLINE,
            "After a long wait on the quay at last " + HEADLINE,
        ),
    ],
)
def test_a_kicker_glued_before_the_headline_is_cut_when_the_breadcrumb_names_the_page(
    crumbs: str, headline_line: str, title: str
) -> None:
    assert read_page(_page(crumbs, headline_line)).fields["title"] == title


CAPTION = "Passengers wait on the quay for the first night ferry on Saturday"


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        (f"{CAPTION}. Photograph: Jane Lee/Harbour Weekly", True),
        (f"{CAPTION}. Foto: Hafenamt/Jane Lee", True),
        (f"{CAPTION} / Źródło: Pixabay", True),
        (f"{CAPTION}. (Credit: Jane Lee/Harbour Weekly)", True),
        (f"{CAPTION}. Photo credit: Jane Lee", True),
        ("Jane Lee, harbour master, photo: Archives of the harbour office", True),  # in lower case
        (f"{CAPTION}. (Bildquelle: Hafenamt)", True),
        (f"{CAPTION}. Titelbild: Jane Lee/Harbour Weekly", True),
        (f"{CAPTION}. Quelle: Hafenamt", True),  # after a sentence, the source of the photo
        ("Quelle: Hafenamt Hamburg", False),  # a line of its own: the source of what the article says
        (f"{CAPTION}. Source: the harbour office", False),  # a source may be the article's own
        ("The harbour master listed what the ferry needs: Photo ID, a ticket and a seat", False),  # a sentence
        ("The harbour master said: the photo was taken on Saturday.", False),
    ],
)
def test_a_caption_its_credit_closes_after_a_label(line: str, caption: bool) -> None:
    assert is_credit_closed(line) is caption


def test_a_credited_caption_among_the_paragraphs_is_the_image_s_not_the_body_s() -> None:
    paragraphs = ARTICLE.split("\n\n")
    credited = f"{CAPTION}. Photograph: Jane Lee/Harbour Weekly"
    body = "\n\n".join([*paragraphs[:2], "[ferry]", credited, *paragraphs[2:]])
    reading = read_page(_page("  • Home", HEADLINE, body))
    assert "Passengers wait" not in reading.fields["body"]
    assert reading.fields["body"].count("\n\n") == len(paragraphs) - 1
    assert {"alt": "ferry", "caption": credited} in reading.fields["images"]
