"""A push after a 1 % change sends only the shards that changed: shard ends follow the rows' ids, not
their positions, so an insert early in the stream does not re-write every later shard."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.changes_helpers import article, build_into, name, write_articles
from tests.dumps import write_dump
from tests.hub_server import HubServer
from tests.push_helpers import push

pytest_plugins = ["tests.push_fixtures"]

ARTICLES = 300
SHARD_BYTES = 30_000  # several shards of about 100 articles' text each


def _shards(out: Path) -> dict[str, str]:
    """sha256 -> shard name."""
    return {hashlib.sha256(p.read_bytes()).hexdigest(): p.name for p in sorted((out / "data").iterdir())}


def _change_one_percent(inputs: Path) -> None:
    """Three of 300 inputs: one inserted before all others, one edited in the middle, one deleted near the end."""
    write_dump(inputs, "a0000-first.txt", article(0))
    write_dump(inputs, name(150), article(150, version=1))
    (inputs / name(260)).unlink()


def test_a_push_after_a_small_change_sends_only_the_changed_shards(hub: HubServer, tmp_path: Path) -> None:
    inputs, out = write_articles(tmp_path / "in", range(1, ARTICLES + 1)), tmp_path / "dataset"
    build_into(inputs, out, max_shard_bytes=SHARD_BYTES)
    before = _shards(out)
    assert push(str(out), "--repo-id", "alice/news", "-q").returncode == 0
    assert sorted(hub.state.lfs_puts) == sorted(before)  # the first push sends every shard once

    _change_one_percent(inputs)
    build_into(inputs, out, max_shard_bytes=SHARD_BYTES)
    after = _shards(out)
    sent_before = len(hub.state.lfs_puts)
    done = push(str(out), "--repo-id", "alice/news", "-q")
    assert done.returncode == 0, done.stderr
    sent = hub.state.lfs_puts[sent_before:]

    new_shards = set(after) - set(before)
    assert sorted(sent) == sorted(new_shards)  # exactly the shards whose bytes are new, nothing else
    # each edit re-writes its shard, and at most one more: the next shard's end resyncs with the old ones
    assert len(after) >= 6 and len(new_shards) <= 4
    sent_bytes = sum(len(hub.state.lfs[oid]) for oid in sent)
    total = sum((out / "data" / shard).stat().st_size for shard in after.values())
    assert sent_bytes <= total * 0.6
    files = hub.state.repos["alice/news"].resolve("main").files  # the Hub holds exactly the new build
    assert {
        path: hashlib.sha256(blob.content).hexdigest() for path, blob in files.items() if path.startswith("data/")
    } == {f"data/{shard}": digest for digest, shard in after.items()}
