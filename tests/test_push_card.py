"""The card on the Hub loads the repository: `load_dataset("OWNER/NAME")`, not the name of the local folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import NOW_ISO, files_of, run_cli
from tests.hub_server import HubServer
from tests.push_helpers import ROOT, commits_in, push, snapshot, uploaded, writes

pytest_plugins = ["tests.push_fixtures"]  # built, dataset, hub, in_process
# huggingface_hub's own LFS upload passes a file as `data=`, which httpx2 deprecates: not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning")


def test_the_pushed_card_loads_the_repo_and_the_folder_is_left_as_built(hub: HubServer, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    built = run_cli("build", str(ROOT / "data"), "--out", str(out), "--report", str(tmp_path / "report"),
                    "--now", NOW_ISO, "--workers", "1", "-q")  # fmt: skip
    assert built.returncode == 0, built.stderr
    local, before = files_of(out), snapshot(out)
    assert 'load_dataset("dataset")' in local["README.md"].decode()  # what the build wrote for the folder

    done = push(str(out), "--repo-id", "alice/news", "-q")
    assert done.returncode == 0, done.stderr
    card = hub.state.repos["alice/news"].files()["README.md"]
    assert 'load_dataset("alice/news")' in card.decode() and 'load_dataset("dataset")' not in card.decode()
    assert card == uploaded(out, "alice/news")["README.md"]  # that one line changed, every other byte is the build's
    assert files_of(out) == local and snapshot(out) == before  # the folder is byte-identical, not even touched

    commits, sent = commits_in(hub, "alice/news"), len(writes(hub))
    again = push(str(out), "--repo-id", "alice/news", "-q")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("nothing changed: alice/news@main already holds these 2 files")
    assert commits_in(hub, "alice/news") == commits and len(writes(hub)) == sent


def test_each_repo_gets_its_own_name_in_the_card(hub: HubServer, dataset: Path) -> None:
    for repo_id in ("alice/news", "acme/archive"):
        done = push(str(dataset), "--repo-id", repo_id, "-q")
        assert done.returncode == 0, done.stderr
        assert f'load_dataset("{repo_id}")' in hub.state.repos[repo_id].files()["README.md"].decode()


def test_a_card_without_the_load_snippet_is_uploaded_as_it_is_with_a_note(hub: HubServer, dataset: Path) -> None:
    card = dataset / "README.md"
    card.write_text(card.read_text().replace("## How to load it", "## Loading"))  # still a valid card
    done = push(str(dataset), "--repo-id", "alice/news", "-q")
    assert done.returncode == 0, done.stderr
    assert hub.state.repos["alice/news"].files()["README.md"] == card.read_bytes()
    assert "note: the card has no `load_dataset` snippet to point at alice/news" in done.stderr
