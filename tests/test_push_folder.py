"""The push's folder check on the card's `download_size`: a card that is off by one byte is refused before any request."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from builder.errors import DatasetFolderError
from builder.hub import check_dataset_folder
from tests.conftest import DATA, run_build, run_cli


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _, out, _ = run_build([DATA], tmp_path_factory.mktemp("push-folder"))
    return out


@pytest.fixture
def dataset(built: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(built, tmp_path / "dataset"))


def shard_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in (folder / "data").glob("*.parquet"))


def set_download_size(folder: Path, size: int) -> None:
    card = folder / "README.md"
    text, count = re.subn(r"(?m)^(\s*download_size: )\d+$", rf"\g<1>{size}", card.read_text())
    assert count == 1
    card.write_text(text)


def test_an_intact_build_passes_the_check(dataset: Path) -> None:
    files = check_dataset_folder(dataset)
    assert sum(f.size for f in files if f.path_in_repo != "README.md") == shard_bytes(dataset)


@pytest.mark.parametrize("delta", [1, -1])
def test_a_download_size_off_by_one_byte_is_named(dataset: Path, delta: int) -> None:
    real = shard_bytes(dataset)
    set_download_size(dataset, real + delta)
    with pytest.raises(DatasetFolderError) as caught:
        check_dataset_folder(dataset)
    assert f"the card says the shards weigh {real + delta} bytes, they weigh {real}" in str(caught.value)


def test_a_dry_run_refuses_the_folder_with_one_line(dataset: Path) -> None:
    real = shard_bytes(dataset)
    set_download_size(dataset, real + 1)
    done = run_cli("push", str(dataset), "--repo-id", "alice/news", "--dry-run", "-q")
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith("error: ") and f"weigh {real + 1} bytes, they weigh {real}" in lines[0], done.stderr
    assert "Traceback" not in done.stderr + done.stdout
