"""A table of contents at the top of an article (its items are the article's subheadings, printed again below):
it breaks no article, so the lead paragraph above it is the article's, and the subheadings stay in the body."""

from __future__ import annotations

from builder.extract.generic.contents import contents_lines
from builder.extract.textdump.lines import read_line
from tests.seal_pages import read_page

SECTIONS = {
    "When do hens start laying eggs": "Most hens lay their first egg when they are about five months old, and breeds"
    " that grow slowly start a few weeks later than the others in the same yard.",
    "How many eggs a year": "A good laying hen gives about three hundred eggs in her first year, and fewer in"
    " each of the years after it, as the hours of daylight and her age allow.",
    "Light and warmth": "Hens lay when the days are long, so many keepers add a lamp in the winter months to"
    " keep the laying going while the weather is cold and the nights are long.",
    "Moulting": "Every autumn the hens lose their feathers and stop laying for a few weeks, while their bodies"
    " put the food they eat into new feathers instead of eggs.",
}
LEAD = (
    "Everyone knows the saying that a hen lays an egg every day, but is it true? We look at when hens start to lay,"
    " how long they go on laying, and what keeps them laying through the year."
)


def _page(contents: str) -> str:
    sections = "\n\n".join(f"{heading}\n\n{text}" for heading, text in SECTIONS.items())
    menu = "\n".join(f"  • {heading}" for heading in ("Home", "Garden", "Animals"))
    return f"Smallholder\n\n{menu}\n\nWhen hens lay eggs, and for how long\n\n{LEAD}\n\n{contents}\n\n{sections}\n\nImprint\n"


def test_a_table_of_contents_breaks_no_article_and_its_subheadings_stay() -> None:
    contents = "Contents\n\n" + "\n".join(f"  • {heading}" for heading in SECTIONS)
    fields = read_page(_page(contents)).fields
    assert fields["title"] == "When hens lay eggs, and for how long"
    paragraphs = fields["body"].split("\n\n")
    assert paragraphs[0] == LEAD
    assert [heading for heading in SECTIONS if heading in paragraphs] == list(SECTIONS)  # each once, as a heading
    assert fields["body"].count("When do hens start laying eggs") == 1


def test_a_list_whose_items_come_again_with_no_prose_under_them_is_no_table_of_contents() -> None:
    items = ["Our garden shop", "Animals and their care", "Recipes from the farm", "Contact the editors"]
    raws = ["  • " + item for item in items] + ["", "An article paragraph that is long enough to read as prose here."]
    raws += ["", *items, ""]  # the footer prints the header's links again, one a line
    lines = [read_line(raw, "•") for raw in raws]
    scores = [1.0 if line.text.startswith("An article") else -0.5 for line in lines]
    repeated = [i for i, line in enumerate(lines) if line.text in items]
    assert contents_lines(lines, scores, repeated) == ([], [])
    # the same items printed again each over a paragraph are the article's sections
    raws = ["  • " + item for item in items] + [""] + [f"{item}\n\nA paragraph of prose under it." for item in items]
    lines = [read_line(raw, "•") for raw in "\n".join(raws).split("\n")]
    scores = [1.0 if line.text.startswith("A paragraph") else -0.5 for line in lines]
    repeated = [i for i, line in enumerate(lines) if line.text in items]
    items_at, subheadings = contents_lines(lines, scores, repeated)
    assert items_at == [0, 1, 2, 3] and [lines[i].text for i in subheadings] == items


def test_a_subheading_over_an_image_and_its_caption_is_one_the_contents_list() -> None:
    """Each section opens with its heading, then a photo (its alt text printed twice, glued, and its caption)
    over the prose: the prose is the third line under the heading."""
    items = ["Our garden shop", "Animals and their care", "Recipes from the farm"]
    raws = ["  • " + item for item in items] + [""]
    photo = "A photo of the farm"
    raws += [f"{item}\n\n{photo}{photo}\n{photo}, in May\n\nA paragraph of prose under it." for item in items]
    lines = [read_line(raw, "•") for raw in "\n".join(raws).split("\n")]
    scores = [1.0 if line.text.startswith("A paragraph") else -0.5 for line in lines]
    repeated = [i for i, line in enumerate(lines) if line.text in items]
    items_at, subheadings = contents_lines(lines, scores, repeated)
    assert items_at == [0, 1, 2] and [lines[i].text for i in subheadings] == items
