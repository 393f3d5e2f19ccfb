"""A survey of few inputs (an incremental build's) runs in the build process; a big one on the workers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import builder.extract.generic.survey as survey
from builder.inputs.files import InputFile
from builder.sites import registry


@pytest.mark.parametrize(("files", "workers_used"), [(3, 1), (survey.SMALL_SURVEY, 1), (survey.SMALL_SURVEY + 1, 2)])
def test_the_survey_runs_here_when_it_has_few_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: int, workers_used: int
) -> None:
    seen: dict[str, Any] = {}

    def recording(items: Any, job: Any, max_bytes: int, workers: Any) -> list[Any]:
        seen["items"], seen["workers"] = list(items), workers
        return []

    monkeypatch.setattr(survey, "run_pipeline", recording)
    inputs = [InputFile(f"{number:05}.txt", str(tmp_path / f"{number:05}.txt")) for number in range(files)]
    survey.surveyed(inputs, registry(()), 1 << 20, 2)
    assert seen["workers"] == workers_used
    assert seen["items"] == inputs  # every item, in order, whether read ahead or not
