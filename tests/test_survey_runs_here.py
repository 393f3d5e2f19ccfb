"""The survey reads its first inputs in the build process, as long as starting workers would take; the rest,
in order, on the workers. An incremental build's few changed files start no worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import builder.extract.generic.survey as survey
from builder.cache.keys import chrome_digest
from builder.extract.generic.corpus import CorpusBuilder
from builder.extract.generic.survey import sketch_record, surveyed
from builder.inputs.containers import Whole
from builder.inputs.files import InputFile, read_record
from builder.sites import registry
from tests.dumps import write_dump
from tests.test_unknown_sites import planet_page


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What the survey hands the engine (nothing is run there)."""
    seen: dict[str, Any] = {}

    def recording(items: Any, job: Any, max_bytes: int, workers: Any) -> list[Any]:
        seen["items"], seen["workers"] = list(items), workers
        return []

    monkeypatch.setattr(survey, "run_pipeline", recording)
    return seen


def dumps(folder: Path, count: int) -> list[InputFile]:
    for number in range(count):
        write_dump(folder, f"planet_{number:03}.txt", planet_page(number % 3))
    return [InputFile(path.name, str(path)) for path in sorted(folder.iterdir())]


def test_few_inputs_are_surveyed_here(tmp_path: Path, handed: dict[str, Any]) -> None:
    inputs = dumps(tmp_path, 5)
    corpus = surveyed(inputs, registry(()), 1 << 20, 2)
    assert handed["items"] == []  # no worker starts
    reference = CorpusBuilder()  # the same sketches, gathered the same way
    reference.add_all([sketch_record(read_record(item, 1 << 20), registry(())) for item in inputs])
    texts = [Path(item.path).read_text(encoding="utf-8") for item in inputs]
    chrome = [chrome_digest(corpus.chrome_for(text)) for text in texts]
    assert chrome == [chrome_digest(reference.index().chrome_for(text)) for text in texts]
    assert len(set(chrome)) == 1 and chrome[0] != chrome_digest(None)  # one site, its chrome found


def test_past_the_time_the_rest_goes_to_the_workers_in_order(
    tmp_path: Path, handed: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(survey, "SURVEY_HERE_SECONDS", 0)
    inputs = dumps(tmp_path, 5)
    surveyed(inputs, registry(()), 1 << 20, 2)
    assert handed["items"] == inputs and handed["workers"] == 2


def test_an_archive_of_unknown_count_goes_to_the_workers(tmp_path: Path, handed: dict[str, Any]) -> None:
    inputs = dumps(tmp_path, 4)
    tar = Whole(InputFile("many.tar", str(tmp_path / "many.tar")), None)  # type: ignore[arg-type]
    items = [*inputs[:2], tar, *inputs[2:]]
    surveyed(items, registry(()), 1 << 20, 2)
    assert handed["items"] == [tar, *inputs[2:]]
