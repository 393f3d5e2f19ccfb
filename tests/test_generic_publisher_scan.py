"""The publisher's copyright scan looks for "(c)" and "(C)" without lower-casing each line: both forms, and
no other, still name the holder."""

from __future__ import annotations

import pytest

from builder.extract.generic.publisher import publisher_from_lines


@pytest.mark.parametrize("mark", ["(c)", "(C)", "©", "Copyright", "copyright"])
def test_every_copyright_mark_names_the_holder(mark: str) -> None:
    lines = ["Home", "News", "A story of the day with many words in it.", f"{mark} 2021 Daily Planet"]
    assert publisher_from_lines(lines) == "Daily Planet"


def test_a_c_in_other_brackets_is_no_copyright_mark() -> None:
    assert publisher_from_lines(["Home", "[C] 2021 Daily Planet", "Section (a) and (b)"]) is None
