"""`--engine ray`: the same output bytes as the local engine, Ray's failures handled as the local pool's are."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from builder.build import BuildOptions, build
from builder.cli.main import app
from builder.engines.local import Serial, run_pipeline
from builder.errors import EngineMissingError
from builder.pipeline import PipelineOptions
from builder.record import Record
from tests.bench_modules import import_bench
from tests.conftest import DATA, NOW, NOW_ISO, ROOT, files_of, run_build, run_cli, run_cli_in_terminal

GOLDEN = ROOT / "tests" / "golden" / "almayadeen_en"
FIXTURES = ROOT / "tests" / "fixtures"
OPTIONS = PipelineOptions(now=NOW)
GENERATED_DUMPS = 600  # several tasks of 256 inputs, so their order across the two actors is really tested
MAX_BYTES = 1 << 22


@pytest.fixture(scope="module")
def ray_local() -> Iterator[None]:
    """One local Ray of 2 CPUs for the module's builds (they use it as it runs); skipped only without Ray.

    Module-scoped: no other module uses it, and an idle Ray would share this machine's cores with the rest of the suite.
    """
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


def ray_executor() -> Any:
    from builder.engines.ray import RayExecutor

    return RayExecutor()


def build_both(paths: list[Path], tmp: Path, **options: object) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Every output file of a local build and of a Ray build of the same inputs, keyed `out/...` and `report/...`."""
    built = []
    for engine in ("local", "ray"):
        _, out, report = run_build(paths, tmp / engine, engine=engine, **options)
        built.append({**_prefixed("out", files_of(out)), **_prefixed("report", files_of(report))})
    return built[0], built[1]


def _prefixed(prefix: str, files: dict[str, bytes]) -> dict[str, bytes]:
    return {f"{prefix}/{name}": data for name, data in files.items()}


def generated_dumps(folder: Path, count: int) -> Path:
    """The benchmark generator's dumps (articles, re-crawls, edits and bad inputs), the last 100 also in a tar."""
    generator = import_bench("generate")
    kinds = set()
    folder.mkdir()
    for i in range(count):
        kind, data = generator.page(7, i)
        kinds.add(kind)
        (folder / f"{i:05d}.txt").write_bytes(data)
    assert {"dup_exact", "dup_recrawl", "dup_edit"} <= kinds  # dedup's verdicts are part of what is compared
    with tarfile.open(folder / "late.tar", "w") as tar:  # a part whose inputs only the worker counts
        for i in range(count - 100, count):
            tar.add(folder / f"{i:05d}.txt", arcname=f"tar/{i:05d}.txt")
    return folder


def mixed_inputs(folder: Path) -> Path:
    """HTML pages, WARC files, a JSON Lines export and text dumps in one tree, one dump twice (an exact duplicate)."""
    for name in ("html", "warc"):
        shutil.copytree(FIXTURES / name, folder / name, ignore=shutil.ignore_patterns("*.py"))
    shutil.copy(FIXTURES / "exports" / "export.jsonl", folder / "export.jsonl")
    for dump in sorted(DATA.glob("*.txt")):
        shutil.copy(dump, folder / dump.name)
        shutil.copy(dump, folder / f"copy-{dump.name}")
    return folder


@pytest.mark.usefixtures("ray_local")
def test_the_samples_build_to_the_same_bytes_on_ray(tmp_path: Path) -> None:
    local, ray = build_both([DATA, GOLDEN], tmp_path, test_size=0.3)
    assert any(name.startswith("out/data/test-") for name in local)  # both splits are compared
    assert ray == local


@pytest.mark.usefixtures("ray_local")
def test_generated_dumps_build_to_the_same_bytes_on_ray(tmp_path: Path) -> None:
    inputs = generated_dumps(tmp_path / "dumps", GENERATED_DUMPS)
    local, ray = build_both([inputs], tmp_path, test_size=0.2, max_shard_bytes=64 << 10)
    assert sum(name.startswith("out/data/train-") for name in local) > 1  # several shards: their cuts are compared
    assert ray == local


@pytest.mark.usefixtures("ray_local")
def test_mixed_formats_build_to_the_same_bytes_on_ray(tmp_path: Path) -> None:
    local, ray = build_both([mixed_inputs(tmp_path / "mixed")], tmp_path, keep="latest")
    assert ray == local


def test_the_engine_is_not_recorded(tmp_path: Path) -> None:
    """A dataset built on Ray says nothing of it: the summary and card list the options that shape the output."""
    from builder.build import recorded_options

    local = BuildOptions(out=tmp_path / "o", report=tmp_path / "r")
    assert recorded_options(local, NOW) == recorded_options(
        BuildOptions(out=local.out, report=local.report, engine="ray", ray_address="ray://h:1"), NOW
    )


@dataclass(frozen=True)
class DiesOnce:
    """The build's pipeline, except that the first batch anywhere kills its worker outright (as an OOM kill would)."""

    options: PipelineOptions
    marker: str  # created by the worker that dies, so it happens once whichever worker runs first

    def start(self) -> Callable[[list[Record]], pa.RecordBatch]:
        process = self.options.start()

        def run(records: list[Record]) -> pa.RecordBatch:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                return process(records)
            os.kill(os.getpid(), signal.SIGKILL)
            raise AssertionError("unreachable")

        return run


def records(count: int) -> list[Record]:
    texts = [p.read_bytes() for p in sorted(DATA.glob("*.txt"))]
    return [Record(source_file=f"{i:04d}.txt", data=texts[i % 2]) for i in range(count)]


@pytest.mark.usefixtures("ray_local")
def test_a_killed_worker_is_retried_and_the_batches_are_the_same(tmp_path: Path) -> None:
    marker = tmp_path / "killed"
    expected = list(run_pipeline(records(600), OPTIONS, MAX_BYTES, Serial()))
    got = list(run_pipeline(records(600), DiesOnce(OPTIONS, str(marker)), MAX_BYTES, ray_executor()))
    assert marker.exists()  # a worker was killed
    assert len(got) == len(expected) == 3
    assert all(g.equals(e) for g, e in zip(got, expected, strict=True))


@dataclass(frozen=True)
class Exploding:
    """An extractor whose step raises on the input that says EXPLODE (and claims no other)."""

    media_type: str = "text/plain"
    name: str = "exploding"

    def claim(self, record: Record) -> Callable[[Record], None] | None:
        return _explode if b"EXPLODE" in record.data else None


def _explode(record: Record) -> None:
    raise ValueError("cannot read this one")


@pytest.mark.usefixtures("ray_local")
def test_an_input_that_raises_is_its_reject_on_ray() -> None:
    inputs = [*records(3), Record(source_file="bad.txt", data=b"EXPLODE " * 40), *records(2)]
    options = PipelineOptions(now=NOW, sites=(), extractors=(Exploding(),))
    (got,) = run_pipeline(inputs, options, MAX_BYTES, ray_executor())
    (expected,) = run_pipeline(inputs, options, MAX_BYTES, Serial())
    assert got.equals(expected)
    assert got.column("reject_reason")[3].as_py() == "parse_error"
    assert "cannot read this one" in got.column("reject_detail")[3].as_py()


@dataclass(frozen=True)
class Unopenable:
    """A part whose opening fails outright, not as a reject (a bug in a container): the build fails, as locally."""

    records: int | None = 1

    def open(self, max_bytes: int) -> Iterator[Record]:
        raise RuntimeError("this part cannot be opened")


@pytest.mark.usefixtures("ray_local")
def test_a_task_that_raises_fails_the_build_with_its_own_error_as_locally() -> None:
    for executor in (Serial(), 2, ray_executor()):
        with pytest.raises(RuntimeError, match="this part cannot be opened"):
            list(run_pipeline([*records(3), Unopenable()], OPTIONS, MAX_BYTES, executor))


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never answers: a host that is up, but runs no Ray there."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield int(server.getsockname()[1])


def build_on(tmp_path: Path, args: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = run_cli("build", str(DATA), "--out", str(tmp_path / "o"), "--report", str(tmp_path / "r"), "-q",
                     "--engine", "ray", *args, env=env, timeout=120)  # fmt: skip
    return result, time.monotonic() - started


def test_a_refused_cluster_address_is_a_clear_error_in_seconds(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    result, seconds = build_on(tmp_path, [], {"RAY_ADDRESS": f"127.0.0.1:{closed_port()}"})
    assert result.returncode == 2, result.stderr
    assert "cannot reach the Ray cluster" in result.stderr and "Traceback" not in result.stderr
    assert seconds < 30 and not (tmp_path / "o").exists()


def test_a_cluster_that_never_answers_is_a_clear_error_in_seconds(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    with silent_server() as port:
        result, seconds = build_on(tmp_path, ["--ray-address", f"ray://127.0.0.1:{port}"], {})
    assert result.returncode == 2, result.stderr
    assert "did not answer within" in result.stderr and "Traceback" not in result.stderr
    assert seconds < 60 and not (tmp_path / "o").exists()


def test_without_the_extra_the_ray_engine_names_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails, as when the extra is not installed
    options = BuildOptions(out=tmp_path / "o", report=tmp_path / "r", now=NOW, engine="ray")
    with pytest.raises(EngineMissingError) as raised:
        build([DATA], options)
    assert "pip install 'builder[ray]'" in raised.value.hint
    assert not options.out.exists() and not options.report.exists()  # refused before anything was read
    result = CliRunner().invoke(app, ["build", str(DATA), "--out", str(options.out), "--engine", "ray", "-q"])
    assert result.exit_code == 2
    assert "pip install 'builder[ray]'" in result.output and "Traceback" not in result.output


def test_an_unknown_engine_is_an_option_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(DATA), "--out", str(tmp_path / "o"), "--engine", "spark", "-q"])
    assert result.exit_code == 2
    assert "--engine must be one of local, ray" in result.output


def test_the_cli_on_ray_shows_one_bar_and_leaves_nothing_in_the_users_tree(tmp_path: Path) -> None:
    """A fresh process starts its own Ray and stops it; the terminal gets the build's bar, not Ray Data's."""
    pytest.importorskip("ray")
    common = ["build", str(DATA), str(GOLDEN), "--now", NOW_ISO, "--test-size", "0.3"]
    (tmp_path / "ray").mkdir()
    terminal = run_cli_in_terminal(*common, "--out", "o", "--report", "r", "--engine", "ray", "--workers", "2",
                                   cwd=tmp_path / "ray")  # fmt: skip
    assert sorted(p.name for p in (tmp_path / "ray").iterdir()) == ["o", "r", "r.cache"]  # the cache: beside the report
    assert "building" in terminal  # the build's own bar
    assert "MapBatches" not in terminal and "Running Dataset" not in terminal  # none of Ray Data's
    (tmp_path / "local").mkdir()
    local = run_cli(*common, "--out", str(tmp_path / "local" / "o"), "--report", str(tmp_path / "local" / "r"), "-q")
    assert local.returncode == 0, local.stderr
    for folder in ("o", "r"):
        assert files_of(tmp_path / "ray" / folder) == files_of(tmp_path / "local" / folder)
