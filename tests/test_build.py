"""`builder build` end to end: Hub layout, load_dataset round trip, card, report, CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from builder.build import BuildResult
from builder.schema import load_schema
from tests.conftest import DATA, NOW_ISO, files_of, run_build, run_cli, run_cli_in_terminal

GOLDEN = Path(__file__).resolve().parent / "golden" / "almayadeen_en"

Built = tuple[BuildResult, Path, Path]


def test_output_holds_only_the_card_and_shards(sample_build: Built) -> None:
    _, out, _ = sample_build
    assert sorted(files_of(out)) == ["README.md", "data/train-00000-of-00001.parquet"]


def test_rows_equal_the_golden_contract(sample_build: Built) -> None:
    _, out, _ = sample_build
    rows = {r["source_file"]: r for r in pq.read_table(out / "data").to_pylist()}
    contracts = sorted(GOLDEN.glob("0*.json"))
    assert len(contracts) == len(rows) == 2
    for contract in contracts:
        expected = json.loads(contract.read_text(encoding="utf-8"))
        row = rows[expected["source_file"]]
        for name, value in expected.items():
            got = row[name].isoformat() if name.startswith("published_at") else row[name]
            assert got == value, name


def test_parquet_schema_is_the_declared_one(sample_build: Built) -> None:
    _, out, _ = sample_build
    shard = pq.ParquetFile(out / "data" / "train-00000-of-00001.parquet")
    schema = shard.schema_arrow
    assert schema.equals(load_schema().arrow(), check_metadata=False)
    assert schema.field("published_at").metadata[b"description"].startswith(b"Publication instant in UTC")
    column = shard.metadata.row_group(0).column(0)
    assert column.compression == "ZSTD"
    assert column.has_offset_index and column.has_column_index  # the page index


def test_load_dataset_round_trip(sample_build: Built) -> None:
    from datasets import load_dataset

    _, out, _ = sample_build
    dataset = load_dataset(str(out))
    train = dataset["train"]
    assert train.num_rows == 2
    features = train.features
    assert features["published_at"].dtype == "timestamp[us, tz=UTC]"
    assert features["published_at_local"].dtype == "timestamp[us]"
    for name in ("authors", "tags", "images"):
        assert type(features[name]).__name__ in {"List", "Sequence", "LargeList"}, name
    assert features == load_schema().features()
    ids = train["id"]
    assert len(set(ids)) == 2 and all(len(i) == 32 for i in ids)


def test_a_build_imports_neither_datasets_nor_pandas(tmp_path: Path) -> None:
    """`datasets` takes ~0.4 s to import and pandas ~0.25 s (pyarrow imports it to ask whether a list is a
    pandas object): the card's YAML is written without the first (tests/test_schema.py checks it is what
    `datasets` writes), and the build process keeps the second out as its workers do."""
    args = ["build", str(DATA), "--out", str(tmp_path / "out"), "--report", str(tmp_path / "report")]
    args += ["--now", NOW_ISO, "--workers", "1", "-q"]
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted({'datasets', 'pandas', 'pyarrow.parquet'} & set(sys.modules))))\n"
        f"sys.argv = ['builder', *{args!r}]\n"
        "from builder.cli.main import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "['pyarrow.parquet']"  # built and written, with neither imported


def test_card_metadata_and_counts(sample_build: Built) -> None:
    from huggingface_hub import DatasetCard

    _, out, _ = sample_build
    card = DatasetCard.load(out / "README.md")
    meta = card.data.to_dict()
    for key in ("pretty_name", "license", "language", "task_categories", "size_categories", "configs", "dataset_info"):
        assert meta.get(key), key
    assert meta["configs"] == [{"config_name": "default", "data_files": [{"split": "train", "path": "data/train-*"}]}]
    info = meta["dataset_info"]
    assert [s["num_examples"] for s in info["splits"]] == [2]
    assert info["download_size"] == (out / "data" / "train-00000-of-00001.parquet").stat().st_size
    assert [f["name"] for f in info["features"]] == load_schema().names
    assert "| `published_at` | `timestamp[us, tz=UTC]` |" in card.text
    assert "load_dataset(" in card.text


def test_report_reconciles(sample_build: Built) -> None:
    _, _, report = sample_build
    summary = json.loads((report / "summary.json").read_text())
    assert summary["inputs"] == 2 and summary["rows"] == 2 and summary["rejected"] == 0
    assert summary["reconciled"] is True
    assert pq.read_table(report / "rejects.parquet").num_rows == 0


def test_unknown_site_is_a_reject_not_a_crash(tmp_path: Path) -> None:
    other = tmp_path / "in" / "other.txt"
    other.parent.mkdir()
    other.write_text("The Daily Planet\n\nSome other newspaper's page.\n" * 20)
    result, _, report = run_build([DATA, other.parent], tmp_path, unknown_sites="reject")
    assert result.summary["rows"] == 2
    rejects = pq.read_table(report / "rejects.parquet").to_pylist()
    assert [(r["source_file"], r["reason"]) for r in rejects] == [("other.txt", "unknown_site")]
    assert "The Daily Planet" in rejects[0]["detail"]


def test_test_split_by_id_hash(tmp_path: Path) -> None:
    result, out, _ = run_build([GOLDEN], tmp_path, test_size=0.5)
    assert set(result.shards) == {"test", "train"}
    names = sorted(files_of(out / "data"))
    assert names == ["test-00000-of-00001.parquet", "train-00000-of-00001.parquet"]
    again, _, _ = run_build([GOLDEN], tmp_path / "again", test_size=0.5)
    assert again.summary["rows_by_split"] == result.summary["rows_by_split"]


def test_shards_roll_over_at_max_shard_size(tmp_path: Path) -> None:
    result, out, _ = run_build([GOLDEN], tmp_path, max_shard_bytes=2000)
    shards = sorted(files_of(out / "data"))
    assert len(shards) > 1
    assert shards[0] == f"train-00000-of-{len(shards):05d}.parquet"
    assert sum(pq.ParquetFile(out / "data" / s).metadata.num_rows for s in shards) == result.summary["rows"]


def test_cli_build_prints_a_summary_and_exits_zero(tmp_path: Path) -> None:
    done = run_cli("build", str(DATA), "--out", str(tmp_path / "o"), "--report", str(tmp_path / "r"), "--now", NOW_ISO)
    assert done.returncode == 0, done.stderr
    assert "reconciled" in done.stdout and "row (train)" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "no/such/path"], "input path does not exist"),
        (["build", str(DATA), "--out", "{file}"], "exists and is not a folder"),
        (["build", str(DATA), "--now", "yesterday"], "is not ISO 8601"),
        (["build", str(DATA), "--lang-detector", "magic"], "unknown language detector"),
    ],
)
def test_cli_bad_invocation_is_one_line_no_traceback(tmp_path: Path, args: list[str], message: str) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    args = [a.replace("{file}", str(a_file)) for a in args]
    if "--out" not in args:
        args += ["--out", str(tmp_path / "o")]
    done = run_cli(*args, "--report", str(tmp_path / "r"))
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_card_metadata_is_built_as_data(tmp_path: Path) -> None:
    """A title full of YAML and Markdown syntax cannot break the card's header."""
    from huggingface_hub import DatasetCard

    from builder.export.card import CardOptions

    title = "Breaking: 'X' --- #1 | [y] & \"z\"\n---"
    _, out, _ = run_build([DATA], tmp_path, card=CardOptions(title=title, description="Mine.", license="cc-by-4.0"))
    card = DatasetCard.load(out / "README.md")
    assert card.data.pretty_name == title
    assert card.data.license == "cc-by-4.0"
    assert "Mine." in card.text


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    args = ("build", str(GOLDEN), "--out", str(tmp_path / "o"), "--report", str(tmp_path / "r"), "--now", NOW_ISO)
    shown = run_cli_in_terminal(*args, "--workers", "1")
    assert "building" in shown and "rejects:" in shown
    assert "rejects:" not in run_cli_in_terminal(*args, "--quiet")
    piped = run_cli(*args)
    assert piped.returncode == 0 and "rejects:" not in piped.stderr
