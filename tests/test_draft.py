"""`builder profile draft`: a profile drafted from generated dumps of a site, unedited, reads the site's
other dumps as its hand-written profile does; every value carries its reason; the CLI writes only --out."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow.parquet as pq
import pytest
import yaml

from builder.extract.decode import decode
from builder.record import Record
from builder.sites import SITES_DIR
from builder.sites.draft import Draft, DraftError, draft_profile, reading_check, validate
from builder.sites.draft.dates import best_format, date_in, line_pattern, pattern_of, rivals
from builder.sites.draft.facts import timezone
from builder.sites.draft.guesses import Guess, scalar
from builder.sites.profile import SiteProfile, load_profile, parse_profile
from tests.bench_modules import import_bench
from tests.conftest import run_build, run_cli
from tests.golden.goldens import expected, extract, golden_dumps, pipeline_for
from tests.layouts import ledger

DRAFT_DUMPS = 20
SEED = 7  # the benchmark generator's seed: its dumps are no golden dump


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    """bench/generate.py, which writes Al Mayadeen dumps of made-up articles (it imports its word lists as `words`)."""
    return import_bench("generate")


def decoded(data: bytes) -> str | None:
    """The dump's text as a build decodes it; None for the generator's unreadable inputs."""
    record = Record(source_file="dump", data=data)
    return None if decode(record) is not None else record.text


@pytest.fixture(scope="module")
def almayadeen_texts(generator: ModuleType) -> list[str]:
    pages = (decoded(generator.page(SEED, i)[1]) for i in range(DRAFT_DUMPS))
    return [text for text in pages if text is not None]


@pytest.fixture(scope="module")
def almayadeen_draft(almayadeen_texts: list[str]) -> Draft:
    return draft_profile(almayadeen_texts, "almayadeen_en", timezone="Asia/Beirut")


def bundled() -> dict[str, Any]:
    return yaml.safe_load((SITES_DIR / "almayadeen_en.yaml").read_text(encoding="utf-8"))


def read_goldens(profile: SiteProfile) -> dict[str, tuple[str | None, dict[str, Any]]]:
    with pipeline_for((profile,)) as pipeline:
        return {dump.name: extract(dump, pipeline) for dump in golden_dumps("almayadeen_en")}


def test_a_draft_from_generated_dumps_reads_every_golden_dump_as_the_bundled_profile(almayadeen_draft: Draft) -> None:
    profile = parse_profile(yaml.safe_load(almayadeen_draft.to_yaml()))  # the file as written, unedited
    read = read_goldens(profile)
    assert len(read) == len(golden_dumps("almayadeen_en")) > 10
    for dump in golden_dumps("almayadeen_en"):
        site, fields = read[dump.name]
        assert site == "almayadeen_en", fields
        assert fields == expected(dump), dump.name


def test_the_draft_finds_the_hand_written_rules(almayadeen_draft: Draft) -> None:
    """Each rule of the bundled profile is guessed as written; the article end lists more lines, the usual first."""
    drafted, written = almayadeen_draft.document(), bundled()
    for part in ("recognise", "fields"):
        assert drafted[part] == written[part], part
    layout = dict(drafted["layout"])
    ends = layout.pop("article_end")
    assert set(written["layout"].pop("article_end")) <= set(ends)
    assert ends[0] == "Most Read"
    assert layout == written["layout"]
    assert (drafted["publisher"], drafted["language"]) == (written["publisher"], written["language"])


def test_a_guessed_zone_is_utc_and_shifts_only_the_instant(almayadeen_texts: list[str]) -> None:
    drafted = draft_profile(almayadeen_texts, "almayadeen_en")
    assert "timezone: UTC  # guess: confirm" in drafted.to_yaml()
    read = read_goldens(validate(drafted))
    for dump in golden_dumps("almayadeen_en"):
        want = expected(dump)
        _, got = read[dump.name]
        local = datetime.fromisoformat(want["published_at_local"])
        assert got.pop("published_at") == local.replace(tzinfo=UTC).isoformat()
        want.pop("published_at")
        assert got == want, dump.name


def value_lines(text: str) -> Iterator[str]:
    """The lines that set a value, but the items of a list of rules (their reason is on the list's key line)."""
    item_indent = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if line.lstrip().startswith("- "):
            item_indent = indent + 2
        elif item_indent is not None and indent >= item_indent:
            continue
        elif ": " in line:
            item_indent = None
            yield line


def test_every_value_says_why_and_the_yaml_loads_as_the_draft(almayadeen_draft: Draft) -> None:
    text = almayadeen_draft.to_yaml()
    assert yaml.safe_load(text) == almayadeen_draft.document()
    valued = [line for line in value_lines(text) if not line.startswith("#")]
    assert len(valued) > 15 and all("  # guess: " in line or "  # given: " in line for line in valued), valued
    reasons = almayadeen_draft.reasons()
    assert (
        reasons["recognise.first_line"] == "the first line of 19 of 19 dumps"
    )  # one of the 20 generated inputs is binary
    assert reasons["layout.article_end"].startswith("'Most Read' ends the article in 19 of 19 dumps;")


def test_the_drafted_profile_reads_its_own_dumps(almayadeen_draft: Draft, almayadeen_texts: list[str]) -> None:
    assert reading_check(validate(almayadeen_draft), almayadeen_texts) == {"article": len(almayadeen_texts)}


def test_the_draft_does_not_depend_on_the_order_of_the_dumps(
    almayadeen_draft: Draft, almayadeen_texts: list[str]
) -> None:
    again = draft_profile(almayadeen_texts[::-1], "almayadeen_en", timezone="Asia/Beirut")
    assert again.to_yaml() == almayadeen_draft.to_yaml()


def test_too_few_dumps_or_no_dates_are_a_draft_error(almayadeen_texts: list[str]) -> None:
    with pytest.raises(DraftError, match="at least"):
        draft_profile(almayadeen_texts[:2], "x")
    undated = ["Site\n\nMenu\n\nHeadline\n\nA paragraph of the article, with no date above it.\n\nFooter"] * 5
    with pytest.raises(DraftError, match="no date line"):
        draft_profile(undated, "x")


def test_pages_that_are_no_article_do_not_change_the_draft(
    generator: ModuleType, almayadeen_texts: list[str], almayadeen_draft: Draft
) -> None:
    """A home page or two among the dumps (the site's chrome, no article under a date) change no value."""
    pools = generator.pools(SEED)
    homes = [generator.home_page(generator.rng_for(SEED, 10_000 + i), pools) for i in range(2)]
    again = draft_profile([*almayadeen_texts, *homes], "almayadeen_en", timezone="Asia/Beirut")
    assert again.document() == almayadeen_draft.document()
    assert again.reasons()["fields.published_at.format"].endswith("of 19 of 21 dumps)")


@pytest.mark.parametrize(
    ("line", "found", "pattern"),
    [
        ("21 Jul 2021 14:49", ("", "21 Jul 2021 14:49", ""), r"\d{1,2} [A-Za-z]{3} \d{4} \d{1,2}:\d{2}"),
        ("Published: 21 July 2021", ("Published: ", "21 July 2021", ""), r"Published: (\d{1,2} [A-Za-z]+ \d{4})"),
        ("July 21, 2021 2:49 PM EDT", ("", "July 21, 2021 2:49 PM", " EDT"), None),
        ("The council met on 21 July 2021 to vote on the plan", None, None),
        ("Page 2 of 3", None, None),
    ],
)
def test_a_date_is_found_with_words_around_it(
    line: str, found: tuple[str, str, str] | None, pattern: str | None
) -> None:
    assert date_in(line) == found
    if found is not None:
        prefix, date, suffix = found
        made = line_pattern(prefix, best_format([date])[0], [suffix] if suffix else [])
        match = re.fullmatch(made, line)
        assert match is not None and (match.group(1) if match.re.groups else match.group(0)) == date
        assert pattern is None or made == pattern


@pytest.mark.parametrize(
    ("printed", "format"),
    [
        (["21 Jul 2021 14:49", "3 May 2022 09:05"], "%d %b %Y %H:%M"),
        (["3 May 2022 09:05", "21 September 2021 14:49"], "%d %B %Y %H:%M"),  # %b cannot read September
        (["July 21, 2021 2:49 PM", "May 3, 2022 11:05 AM"], "%B %d, %Y %I:%M %p"),
        (["2021-07-21 14:49", "2022-05-03 09:05"], "%Y-%m-%d %H:%M"),
        (["21 July 2021", "3 May 2022"], "%d %B %Y"),
    ],
)
def test_the_date_format_reads_every_date_and_its_pattern_matches_them(printed: list[str], format: str) -> None:
    assert best_format(printed) == (format, len(printed))
    assert rivals(format, printed) == []
    assert all(re.fullmatch(pattern_of(format), text) for text in printed)


def test_a_format_that_reads_the_dates_as_other_dates_is_named() -> None:
    """03/04/2021 is 3 April or 4 March: as long as no day is over 12, both formats read every date."""
    printed = ["03/04/2021", "11/12/2022"]
    assert best_format(printed) == ("%d/%m/%Y", 2)
    assert rivals("%d/%m/%Y", printed) == ["%m/%d/%Y"]
    assert best_format([*printed, "25/12/2022"]) == ("%d/%m/%Y", 3)
    assert rivals("%d/%m/%Y", [*printed, "25/12/2022"]) == []


@pytest.mark.parametrize("value", ["By ", "Source: ", "a # b", "*x", "'quoted'", ": x", "yes", "12", "[x]", "a, b"])
def test_scalars_load_back_as_written(value: str) -> None:
    assert yaml.safe_load(f"key: {scalar(value)}  # guess: x") == {"key": value}
    assert yaml.safe_load(f"key: [{scalar(value, in_list=True)}]  # guess: x") == {"key": [value]}


@pytest.mark.parametrize(
    ("printed", "zone"),
    [
        ((" EDT", " EST"), "America/New_York"),
        ((" CET",), "Europe/Berlin"),
        ((" EET",), "UTC"),  # shared by zones whose summer times differ: no guess
        ((" EST", " CET"), "UTC"),  # two zones: no guess
        ((), "UTC"),
    ],
)
def test_the_zone_is_guessed_from_abbreviations_that_name_one(printed: tuple[str, ...], zone: str) -> None:
    guess = timezone(None, printed)
    assert guess.value == zone and guess.reason.startswith("confirm: ") and not guess.given


def test_a_given_value_says_so() -> None:
    assert Guess("Asia/Beirut", "given with --timezone", given=True).comment == "# given: given with --timezone"


# The second layout: The Harbour Ledger (tests/layouts/ledger.py), plain-line meta lines, tags and images.

LEDGER_ZONE = "America/New_York"  # guessed from the EDT and EST some of its dates end with


@pytest.fixture(scope="module")
def ledger_dumps(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path], list[ledger.Article]]:
    """40 dumps: 20 to draft from, and 20 others to read, with what each of the others holds."""
    folder = tmp_path_factory.mktemp("ledger")
    articles = ledger.write_dumps(folder, 2 * DRAFT_DUMPS)
    dumps = sorted(folder.glob("*.txt"))
    return dumps[:DRAFT_DUMPS], dumps[DRAFT_DUMPS:], articles[DRAFT_DUMPS:]


@pytest.fixture(scope="module")
def ledger_draft(ledger_dumps: tuple[list[Path], list[Path], list[ledger.Article]]) -> Draft:
    texts = [path.read_text(encoding="utf-8") for path in ledger_dumps[0]]
    return draft_profile(texts, "harbour_ledger")


def read_with(profile: SiteProfile, dumps: list[Path]) -> list[tuple[str | None, dict[str, Any]]]:
    with pipeline_for((profile,)) as pipeline:
        return [extract(dump, pipeline) for dump in dumps]


def test_a_ledger_draft_reads_other_dumps_as_the_hand_written_profile(
    ledger_dumps: tuple[list[Path], list[Path], list[ledger.Article]], ledger_draft: Draft
) -> None:
    _, others, _ = ledger_dumps
    drafted = parse_profile(yaml.safe_load(ledger_draft.to_yaml()))  # the file as written, unedited
    by_hand = read_with(load_profile(ledger.PROFILE), others)
    assert [site for site, _ in by_hand] == ["harbour_ledger"] * DRAFT_DUMPS
    assert read_with(drafted, others) == by_hand


def test_a_ledger_draft_reads_every_field_the_dumps_hold(
    ledger_dumps: tuple[list[Path], list[Path], list[ledger.Article]], ledger_draft: Draft
) -> None:
    _, others, truths = ledger_dumps
    read = read_with(validate(ledger_draft), others)
    for (_, fields), truth in zip(read, truths, strict=True):
        want = {key: value for key, value in asdict(truth).items() if key != "source_file"}
        assert {key: fields[key] for key in want} == want, truth.source_file


def test_the_ledger_draft_uses_the_plain_line_keys(ledger_draft: Draft) -> None:
    doc = ledger_draft.document()
    assert doc["timezone"] == LEDGER_ZONE
    assert ledger_draft.reasons()["timezone"] == "confirm: the dates are printed with EDT, EST"
    assert doc["fields"]["authors"]["line_prefix"] == "By "
    assert doc["fields"]["source"]["line_prefix"] == "Source: "
    assert doc["fields"]["tags"] == {"line_prefix": "Tags: ", "separators": [", "]}
    assert doc["fields"]["images"] == {"line_pattern": r"\[Image: (.+)\]", "caption_follows": True}
    assert {"pattern": "Read more: .*", "paragraphs": 0} in doc["layout"]["inserts"]
    assert {"marker": "Advertisement", "paragraphs": 0} in doc["layout"]["inserts"]


def test_recognition_by_shared_lines_when_first_lines_differ(
    ledger_dumps: tuple[list[Path], list[Path], list[ledger.Article]],
) -> None:
    """Dumps that open with a line of their own are told by lines every one of them holds."""
    texts = [f"Edition {i}\n{path.read_text(encoding='utf-8')}" for i, path in enumerate(ledger_dumps[0])]
    drafted = draft_profile(texts, "harbour_ledger")
    recognise = drafted.document()["recognise"]
    assert "first_line" not in recognise and len(recognise["lines"]) == 2
    profile = validate(drafted)
    assert all(profile.recognises(text) for text in texts)
    assert reading_check(profile, texts) == {"article": DRAFT_DUMPS}


# The command line: it reads the dumps, writes --out and nothing else.


def write_dumps(folder: Path, generator: ModuleType, count: int = DRAFT_DUMPS) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03d}.txt").write_bytes(generator.page(SEED, i)[1])
    return folder


def test_the_cli_writes_a_valid_draft_and_nothing_else(tmp_path: Path, generator: ModuleType) -> None:
    dumps = write_dumps(tmp_path / "dumps", generator)
    before = sorted(dumps.iterdir())
    out = tmp_path / "Al-Mayadeen English.yaml"
    done = run_cli("profile", "draft", str(dumps), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "valid" in done.stdout and "article: 19" in done.stdout
    assert "skipped" in done.stderr  # the generator's binary input
    assert sorted(dumps.iterdir()) == before
    assert sorted(tmp_path.iterdir()) == [out, dumps]
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert doc["site"] == "al_mayadeen_english"  # from the file's name
    assert parse_profile(doc).site == "al_mayadeen_english"


def test_the_cli_never_overwrites_without_force(tmp_path: Path, generator: ModuleType) -> None:
    dumps = write_dumps(tmp_path / "dumps", generator, count=6)
    out = tmp_path / "site.yaml"
    out.write_text("mine\n", encoding="utf-8")
    refused = run_cli("profile", "draft", str(dumps), "--out", str(out), "--site", "mine")
    assert refused.returncode != 0 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"
    forced = run_cli("profile", "draft", str(dumps), "--out", str(out), "--site", "mine", "--force")
    assert forced.returncode == 0, forced.stderr
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["site"] == "mine"


def test_the_cli_reports_a_draft_error_and_writes_nothing(tmp_path: Path, generator: ModuleType) -> None:
    dumps = write_dumps(tmp_path / "dumps", generator, count=2)
    out = tmp_path / "site.yaml"
    done = run_cli("profile", "draft", str(dumps), "--out", str(out), "--timezone", "Mars/Olympus")
    assert done.returncode == 2 and done.stderr.startswith("error: ")
    assert not out.exists()


def dataset_rows(out: Path) -> list[dict[str, Any]]:
    return [row for shard in sorted((out / "data").glob("*.parquet")) for row in pq.read_table(shard).to_pylist()]


def test_draft_then_build_with_profiles_gives_the_rows_of_the_hand_written_profile(
    tmp_path: Path, ledger_dumps: tuple[list[Path], list[Path], list[ledger.Article]]
) -> None:
    """`builder profile draft` into a folder, then `builder build --profiles` that folder: the rows of a
    build with the hand-written profile, byte for byte the same values."""
    drafts, others, _ = ledger_dumps
    mine, by_hand = tmp_path / "mine", tmp_path / "by_hand"
    mine.mkdir()
    by_hand.mkdir()
    shutil.copy(ledger.PROFILE, by_hand / "harbour_ledger.yaml")
    done = run_cli("profile", "draft", *map(str, drafts), "--out", str(mine / "harbour_ledger.yaml"))
    assert done.returncode == 0, done.stderr
    rows = {}
    for folder in (mine, by_hand):
        _, out, _ = run_build(others, tmp_path / f"build-{folder.name}", profiles=(folder,))
        rows[folder.name] = dataset_rows(out)
    assert len(rows["mine"]) == DRAFT_DUMPS
    assert rows["mine"] == rows["by_hand"]
