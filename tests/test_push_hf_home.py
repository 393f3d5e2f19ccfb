"""A malformed answer cached under HF_HOME by huggingface_hub must not break pushes (it lasted 24 h otherwise)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hub_server import HubServer
from tests.push_helpers import push

pytest_plugins = ["tests.push_fixtures"]  # built, dataset, hub, in_process
# huggingface_hub's own LFS upload passes a file as `data=`, which httpx2 deprecates: not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning")

# The agent-harness registry in a shape huggingface_hub 2.4 does not expect (a list where it reads a mapping). It
# caches the registry in HF_HOME/.agent_harnesses.json for 24 h, and every request it then built headers for raised.
MALFORMED_REGISTRY = {"standardEnvVars": ["AI_AGENT"], "harnesses": [{"id": "editor", "envVars": {"EDITOR": "*"}}]}
TELEMETRY_ON = {"HF_HUB_DISABLE_TELEMETRY": "0"}  # the fixture turns it off; a user's machine has it on
REGISTRY = ("GET", "/api/agent-harnesses")


def test_a_malformed_registry_served_by_the_hub_is_neither_fetched_nor_cached(
    hub: HubServer, dataset: Path, tmp_path: Path
) -> None:
    hub.state.agent_harnesses = MALFORMED_REGISTRY
    for repo_id in ("alice/news", "alice/again"):  # the second run would have read the cached copy
        done = push(str(dataset), "--repo-id", repo_id, "-q", **TELEMETRY_ON)
        assert done.returncode == 0, done.stderr
    assert REGISTRY not in hub.state.requests
    assert not (tmp_path / "hf-home" / ".agent_harnesses.json").exists()


def test_a_malformed_registry_already_cached_is_ignored_and_left_alone(
    hub: HubServer, dataset: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "hf-home" / ".agent_harnesses.json"
    cache.write_text(json.dumps(MALFORMED_REGISTRY))  # fresh: the library would trust it for 24 h
    done = push(str(dataset), "--repo-id", "alice/news", "-q", **TELEMETRY_ON)
    assert done.returncode == 0, done.stderr
    assert "alice/news" in hub.state.repos
    assert json.loads(cache.read_text()) == MALFORMED_REGISTRY  # not ours to delete
