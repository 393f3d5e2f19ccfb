"""A byline's names without the words printed with them that name no one: a writer's job title and employer, a
desk's category, a section's name."""

from __future__ import annotations

import pytest

from builder.extract.generic.byline import byline_names
from builder.extract.generic.names import bare_name


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # the employer after a job title is no name; the next writer after "and" is
        (
            "Posted by Ada Moss, Group Product Manager, Harbour Maps and Jo Bell, Product Manager, Harbour Shopping",
            ["Ada Moss", "Jo Bell"],
        ),
        ("By Ada Moss, Software Engineer, Harbour Crisis Response", ["Ada Moss"]),
        ("By Jane Doe, John Roe and Ada Moss", ["Jane Doe", "John Roe", "Ada Moss"]),
        ("By Attorney Ada Moss and Professor Jo Bell", ["Ada Moss", "Jo Bell"]),  # a title before the name
        ("by Harbour.com Staff , Filed under: Seals, Tides", ["Harbour.com Staff"]),  # a desk, then its category
    ],
)
def test_a_bylines_names_without_titles_and_employers(line: str, names: list[str]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize("line", ["Product Manager", "Software Engineer", "Marketing Coordinator", "Travel Stories"])
def test_a_job_title_or_a_section_alone_names_no_one(line: str) -> None:
    assert bare_name(line) is None
