"""The fixtures of the `builder push` tests: built folders and a fresh local Hub.

Test modules load them with `pytest_plugins = ["tests.push_fixtures"]` (and never import this module), so pytest
registers them once: the builds are made once per session, whichever modules run.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hub_server import HubServer, HubState, running_hub
from tests.push_helpers import SETTINGS, UNSET, build_dataset


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled samples as one shard, and as two shards of one row each (tests copy them before any change)."""
    root = tmp_path_factory.mktemp("push-builds")
    return {"one": build_dataset(root / "one"), "two": build_dataset(root / "two", max_shard_bytes=1)}


@pytest.fixture
def dataset(built: dict[str, Path], tmp_path: Path) -> Path:
    """A private copy of the two-shard build: tests may break it."""
    return Path(shutil.copytree(built["two"], tmp_path / "dataset"))


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[HubServer]:
    """A fresh server, and an environment where the CLI finds it and nothing else (no saved login, no real Hub)."""
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "hf-home").mkdir()
    with running_hub(HubState()) as server:
        for name, value in {**SETTINGS, "HF_ENDPOINT": server.url, "HF_HOME": str(tmp_path / "hf-home")}.items():
            monkeypatch.setenv(name, value)
        yield server


@pytest.fixture
def in_process(hub: HubServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> HubServer:
    """huggingface_hub read its settings when this process imported it: point them at the server."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "ENDPOINT", hub.url)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_XET", True)
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", str(tmp_path / "no-saved-token"))
    return hub
