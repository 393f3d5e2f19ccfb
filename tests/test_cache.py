"""The build cache: a build that reuses cached outcomes writes the same bytes as a clean build."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.ipc as ipc
import pytest

from builder.build import BuildOptions, BuildResult, build
from builder.cache.store import MANIFEST, SEGMENTS
from builder.errors import OutputPathError, StrictModeError
from builder.sites import SITES_DIR, registry
from tests.conftest import NOW, NOW_ISO, files_of, run_cli
from tests.dumps import make_dump, write_dump
from tests.test_unknown_sites import paragraphs, planet_page

LATER = datetime(2026, 12, 20, tzinfo=UTC)  # the same year as NOW: HTML pages' date bound (a year on) is the same


def profiled(number: int, date: str = "21 Jul 2021 14:49", words: int = 9) -> str:
    """An Al Mayadeen dump of its own (no two are near copies); `words` sentences of body at most."""
    body = paragraphs(number + 1000)
    return make_dump(title=f"Harbour story number {number}", date=date, body=body if words >= 9 else [body[0][:40]])


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Profiled dumps, a short one, an undated one, two dated after NOW (one short), unprofiled dumps of one site, a JSON file."""
    folder = tmp_path / "inputs"
    for number in range(8):
        write_dump(folder, f"am_{number:02}.txt", profiled(number))
    write_dump(folder, "am_short.txt", profiled(50, words=1))
    write_dump(folder, "am_undated.txt", make_dump(title="A page with no date", body=paragraphs(1053), date=None))
    write_dump(folder, "am_future.txt", profiled(51, date="03 Dec 2026 10:00"))
    write_dump(folder, "am_future_short.txt", profiled(52, date="04 Dec 2026 10:00", words=1))
    for number in range(3):
        write_dump(folder, f"planet_{number}.txt", planet_page(number))
    write_dump(folder, "notes.json", '{"not": "a page"}')
    return folder


def built(
    paths: list[Path], where: Path, cache: Path | None, **options: object
) -> tuple[BuildResult, dict[str, bytes]]:
    """Build into `where/out` (same name in every build: the card names it); the dataset's files and the rejects."""
    shutil.rmtree(where, ignore_errors=True)
    out, report = where / "out", where / "report"
    settings: dict[str, object] = {"now": NOW, "workers": 1, "test_size": 0.3, "cache": cache, **options}
    result = build(paths, BuildOptions(out=out, report=report, **settings))  # type: ignore[arg-type]
    return result, {**files_of(out), "rejects.parquet": (report / "rejects.parquet").read_bytes()}


def same_as_clean(paths: list[Path], tmp: Path, cache: Path, **options: object) -> tuple[dict[str, int], BuildResult]:
    """A cached build and a clean one of the same inputs write the same bytes; the cached build's counts."""
    cached, cached_files = built(paths, tmp / "cached", cache, **options)
    _, clean_files = built(paths, tmp / "clean", None, **options)
    assert cached_files.keys() == clean_files.keys()
    for name, data in clean_files.items():
        assert cached_files[name] == data, f"{name} differs from a clean build's"
    return cached.summary["cache"], cached


def test_second_build_reuses_every_input(inputs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    counts, first = same_as_clean([inputs], tmp_path, cache)
    total = first.summary["inputs"]
    assert counts == {"reused": 0, "unread": 0, "parsed": total}
    counts, second = same_as_clean([inputs], tmp_path, cache)
    assert counts == {"reused": total, "unread": 0, "parsed": 0}
    assert second.summary["rejects_by_reason"]["future_date"] == 2  # judged again from the cached dates
    assert second.summary["rejects_by_reason"]["missing_date"] == 1


def test_added_edited_deleted_and_renamed_inputs_are_parsed(inputs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    write_dump(inputs, "am_new.txt", profiled(60))
    write_dump(inputs, "am_03.txt", profiled(61))  # edited
    (inputs / "am_05.txt").unlink()
    (inputs / "am_07.txt").unlink()
    (inputs / "am_06.txt").rename(inputs / "am_renamed.txt")
    counts, result = same_as_clean([inputs], tmp_path, cache)
    assert counts == {"reused": result.summary["inputs"] - 3, "unread": 0, "parsed": 3}
    manifest = ipc.open_file(str(cache / MANIFEST)).read_all()
    assert manifest.num_rows == result.summary["inputs"]  # the deleted, edited and renamed inputs' entries dropped


def test_a_changed_profile_parses_its_site_again(inputs: Path, tmp_path: Path) -> None:
    cache, profiles = tmp_path / "cache", tmp_path / "profiles"
    profiles.mkdir()
    bundled = (SITES_DIR / "almayadeen_en.yaml").read_text(encoding="utf-8")
    (profiles / "almayadeen_en.yaml").write_text(bundled, encoding="utf-8")
    same_as_clean([inputs], tmp_path, cache, profiles=(profiles,))
    edited = bundled.replace("launched: 2012-06-11", "launched: 2021-07-22")  # every dump now before the launch
    assert edited != bundled
    (profiles / "almayadeen_en.yaml").write_text(edited, encoding="utf-8")
    registry.cache_clear()  # the profiles of a folder are read once per process
    counts, result = same_as_clean([inputs], tmp_path, cache, profiles=(profiles,))
    assert counts["reused"] == 0
    assert result.summary["rejects_by_reason"]["date_before_min"] == 9  # the undated one stays missing_date


def test_a_changed_option_parses_everything_again(inputs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, before = same_as_clean([inputs], tmp_path, cache)
    counts, after = same_as_clean([inputs], tmp_path, cache, min_words=135)  # bodies have 130 to 141 words
    assert counts == {"reused": 0, "unread": 0, "parsed": after.summary["inputs"]}
    assert after.summary["rejects_by_reason"]["short_body"] > before.summary["rejects_by_reason"]["short_body"]


@pytest.mark.parametrize("option", [{"untitled": "keep"}, {"undated": "keep"}])
def test_keeping_untitled_or_undated_articles_parses_everything_again(
    inputs: Path, tmp_path: Path, option: dict[str, str]
) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    counts, after = same_as_clean([inputs], tmp_path, cache, **option)
    assert counts == {"reused": 0, "unread": 0, "parsed": after.summary["inputs"]}


def test_a_moved_now_judges_the_dates_again_from_the_cache(inputs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, before = same_as_clean([inputs], tmp_path, cache)
    assert before.summary["rejects_by_reason"]["future_date"] == 2
    counts, after = same_as_clean([inputs], tmp_path, cache, now=LATER)
    assert counts == {"reused": after.summary["inputs"], "unread": 0, "parsed": 0}
    assert "future_date" not in after.summary["rejects_by_reason"]
    assert after.summary["rows"] == before.summary["rows"] + 1  # the long one is a row now...
    reasons = {row["example"]: row["reason"] for row in after.rejects_by_reason}
    assert after.summary["rejects_by_reason"]["short_body"] == 2  # ...the short one a short body, as when clean
    assert "short_body" in reasons.values()
    counts, back = same_as_clean([inputs], tmp_path, cache)  # and back again
    assert back.summary == {**before.summary, "cache": counts}


def test_generic_dumps_are_read_again_when_their_sites_chrome_changes(inputs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    for number in range(3, 6):  # more dumps of the site: its recurring lines are counted over six now
        write_dump(inputs, f"planet_{number}.txt", planet_page(number))
    counts, result = same_as_clean([inputs], tmp_path, cache)
    assert counts == {"reused": result.summary["inputs"] - 6, "unread": 0, "parsed": 6}  # the three old ones again
    counts, _ = same_as_clean([inputs], tmp_path, cache)
    assert counts["parsed"] == 0


def test_a_site_laid_out_in_columns_read_again_is_read_as_in_a_clean_build(tmp_path: Path) -> None:
    """Read again when their site's chrome changes, dumps laid out in columns are unfolded as in a clean build."""
    inputs, cache = tmp_path / "inputs", tmp_path / "cache"
    layout = (Path(__file__).parent / "generic" / "en_table_layout.txt").read_text(encoding="utf-8")
    for number in range(6):
        if number == 3:  # more dumps of the site: its recurring lines are counted over six now
            same_as_clean([inputs], tmp_path, cache)
        page = layout.replace("after two winters", f"after {number:03} winters")  # as long: the columns stay
        write_dump(inputs, f"layout_{number}.txt", page.replace("Monday", f"day {number:02}"))
    counts, result = same_as_clean([inputs], tmp_path, cache)
    assert counts == {"reused": 0, "unread": 0, "parsed": 6}
    assert result.summary["rows"] == 6


@pytest.mark.parametrize("damage", ["truncate segment", "garbage manifest", "truncate manifest", "foreign marker"])
def test_a_damaged_cache_is_ignored_with_a_warning(inputs: Path, tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    segment = next((cache / SEGMENTS).iterdir())
    if damage == "truncate segment":
        segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])
    elif damage == "garbage manifest":
        (cache / MANIFEST).write_bytes(b"\x00garbage" * 100)
    elif damage == "truncate manifest":
        (cache / MANIFEST).write_bytes((cache / MANIFEST).read_bytes()[:-30])
    else:
        (cache / "builder-cache.json").write_text('{"made_by": "builder", "format": 0}\n')
    counts, result = same_as_clean([inputs], tmp_path, cache)
    assert counts == {"reused": 0, "unread": 0, "parsed": result.summary["inputs"]}
    assert len(result.warnings) == 1 and "ignored" in result.warnings[0]
    counts, result = same_as_clean([inputs], tmp_path, cache)  # rewritten: whole again
    assert counts["parsed"] == 0 and not result.warnings


def test_a_segment_damaged_inside_is_parsed_again_with_a_warning(inputs: Path, tmp_path: Path) -> None:
    """Its footer whole (the parent's check passes), its record batch garbled: the worker reading it says so."""
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    segment = next((cache / SEGMENTS).iterdir())
    data = bytearray(segment.read_bytes())
    middle = len(data) // 2
    data[middle - 200 : middle + 200] = b"\xaa" * 400
    segment.write_bytes(bytes(data))
    counts, result = same_as_clean([inputs], tmp_path, cache)
    assert counts["parsed"] > 0
    assert len(result.warnings) == 1 and "could not be used in part" in result.warnings[0]


def test_a_failed_build_leaves_the_cache_as_it_was(inputs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    manifest = (cache / MANIFEST).read_bytes()
    write_dump(inputs, "am_new.txt", profiled(70))
    with pytest.raises(StrictModeError):
        built([inputs], tmp_path / "failed", cache, fail_on_reject=True)
    assert (cache / MANIFEST).read_bytes() == manifest
    with pytest.raises(StrictModeError):  # a cache this failed build made goes with it
        built([inputs], tmp_path / "failed", tmp_path / "new cache", fail_on_reject=True)
    assert not (tmp_path / "new cache").exists()
    orphans = len(list((cache / SEGMENTS).iterdir()))
    counts, _ = same_as_clean([inputs], tmp_path, cache)
    assert counts["parsed"] == 1  # the failed build's outcome of the new dump was not trusted
    assert len(list((cache / SEGMENTS).iterdir())) < orphans


def test_many_small_builds_keep_the_cache_compact(inputs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    same_as_clean([inputs], tmp_path, cache)
    for day in range(4):
        write_dump(inputs, f"am_day_{day}.txt", profiled(80 + day))
        (inputs / f"am_{day:02}.txt").unlink()
        counts, result = same_as_clean([inputs], tmp_path, cache)
        assert counts["parsed"] == 1
    assert len(list((cache / SEGMENTS).iterdir())) <= 2
    assert ipc.open_file(str(cache / MANIFEST)).read_all().num_rows == result.summary["inputs"]


def test_a_folder_holding_other_files_is_refused_untouched(inputs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "notes.txt").write_text("mine")
    with pytest.raises(OutputPathError, match="not a build cache"):
        built([inputs], tmp_path / "b", cache)
    assert files_of(cache) == {"notes.txt": b"mine"}
    with pytest.raises(OutputPathError, match="inside, or holds"):
        built([inputs], tmp_path / "b", inputs / "cache")


def test_the_cli_caches_beside_the_report_unless_told_not_to(inputs: Path, tmp_path: Path) -> None:
    args = [str(inputs), "--now", NOW_ISO, "--workers", "2"]  # worker processes: outcomes and entries cross over
    first = run_cli("build", *args, "--out", str(tmp_path / "o1"), "--report", str(tmp_path / "r1"))
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "r1.cache" / MANIFEST).is_file()
    assert '"parsed": 16' in (tmp_path / "r1" / "summary.json").read_text()
    again = run_cli("build", *args, "--out", str(tmp_path / "o1"), "--report", str(tmp_path / "r1"))
    assert '"reused": 16' in (tmp_path / "r1" / "summary.json").read_text()
    assert "reused (cache)" in again.stdout
    plain = run_cli("build", *args, "--out", str(tmp_path / "o2"), "--report", str(tmp_path / "r2"), "--no-cache")
    assert plain.returncode == 0, plain.stderr
    assert not (tmp_path / "r2.cache").exists()
    assert '"cache"' not in (tmp_path / "r2" / "summary.json").read_text()
    assert files_of(tmp_path / "o1" / "data") == files_of(tmp_path / "o2" / "data")
