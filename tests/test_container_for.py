"""Which container reads an input: by its name's suffix, the loose file when none claims it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from builder.inputs.containers import Part, container_for, registered
from builder.inputs.files import InputFile


@pytest.mark.parametrize(
    ("name", "container"),
    [
        ("page.txt", "file"),
        ("noext", "file"),
        ("Dumps.ZIP", "zip"),
        ("crawl.tar.gz", "tar"),
        ("crawl.TGZ", "tar"),
        ("crawl.warc.gz", "warc"),
        ("export.jsonl.gz", "jsonl"),
        ("export.parquet", "parquet"),
        ("page.txt.gz", "gzip"),
        ("zip.txt", "file"),
    ],
)
def test_the_container_is_chosen_by_the_names_suffix(tmp_path: Path, name: str, container: str) -> None:
    (tmp_path / name).write_bytes(b"x")
    assert container_for(InputFile(name, str(tmp_path / name))).name == container


class Memo:
    """A container that says nothing of its suffixes: every input is asked of it."""

    name = "memo"

    def claims(self, name: str) -> bool:
        return name.startswith("memo")

    def plan(self, item: InputFile, max_bytes: int) -> Iterable[Part]:
        return (item,)


def test_a_container_that_does_not_list_its_suffixes_is_still_asked(tmp_path: Path) -> None:
    (tmp_path / "memo-1.txt").write_bytes(b"x")
    item = InputFile("memo-1.txt", str(tmp_path / "memo-1.txt"))
    with registered(Memo()):  # type: ignore[arg-type]
        assert container_for(item).name == "memo"
    assert container_for(item).name == "file"
