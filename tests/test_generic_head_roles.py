"""A byline's names without the words printed with them that name no one: a writer's job title and employer, a
desk's category, a section's name."""

from __future__ import annotations

import pytest

from builder.extract.generic.names import bare_name


@pytest.mark.parametrize("line", ["Product Manager", "Software Engineer", "Marketing Coordinator", "Travel Stories"])
def test_a_job_title_or_a_section_alone_names_no_one(line: str) -> None:
    assert bare_name(line) is None
