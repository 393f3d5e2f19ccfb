"""The card's license: a Hub license id, or `other` with --license-name and --license-link, checked offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.errors import OptionError
from builder.export.card import CardOptions
from builder.export.licenses import HUB_LICENSES, check_license
from tests.conftest import DATA, NOW_ISO, run_build, run_cli

Built = tuple[object, Path, Path]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--license", "mti"], "--license 'mti' is not a Hub license id (did you mean 'mit'?)"),
        (["--license", "Apache"], "did you mean 'apache-2.0'?"),
        (["--license", "proprietary"], "https://huggingface.co/docs/hub/repositories-licenses"),
        (["--license", "mit", "--license-name", "my-terms"], "goes with --license other, not --license mit"),
        (["--license", "cc-by-4.0", "--license-link", "LICENSE.md"], "--license-link describes a license"),
        (["--license-name", "Al Mayadeen Terms"], "(e.g. --license-name al-mayadeen-terms)"),
        (["--license-name", "mit"], "is a Hub license id (pass --license mit instead)"),
        (["--license-name", "t", "--license-link", "ftp://example.com/t"], "is not an http(s) URL"),
        (["--license-name", "t", "--license-link", "/etc/LICENSE"], "is not a path inside the dataset repository"),
        (["--license-name", "t", "--license-link", "../LICENSE"], "is not a path inside the dataset repository"),
        (["--license-name", "t", "--license-link", "my terms.md"], "holds spaces"),
    ],
)
def test_bad_license_options_are_one_error_line_and_exit_2(tmp_path: Path, options: list[str], message: str) -> None:
    out = tmp_path / "out"
    done = run_cli("build", str(DATA), "--out", str(out), "--report", str(tmp_path / "r"), *options)
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1, done.stderr
    assert message in done.stderr
    assert not out.exists()


def test_every_hub_license_id_is_accepted() -> None:
    assert {"apache-2.0", "mit", "cc-by-4.0", "cc-by-nc-4.0", "cc0-1.0", "other", "unknown"} <= set(HUB_LICENSES)
    assert len(set(HUB_LICENSES)) == len(HUB_LICENSES)
    for license in HUB_LICENSES:
        check_license(license)


def test_the_library_refuses_a_bad_license_before_writing(tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="is not a Hub license id") as raised:
        run_build([DATA], tmp_path, card=CardOptions(license="cc-by-nc4.0"))
    assert raised.value.hint.startswith("did you mean 'cc-by-nc-4.0'")
    assert not (tmp_path / "out").exists() and not (tmp_path / "report").exists()


@pytest.fixture(scope="module")
def named_license(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    tmp = tmp_path_factory.mktemp("license")
    args = ["--license", "other", "--license-name", "al-mayadeen-terms", "--license-link", "LICENSE.md"]
    done = run_cli("build", str(DATA), "--out", str(tmp / "out"), "--report", str(tmp / "r"), "--now", NOW_ISO, *args)
    assert done.returncode == 0, done.stderr
    return tmp / "out", tmp / "r", done.stderr


def test_license_name_and_link_are_card_metadata(named_license: tuple[Path, Path, str]) -> None:
    from huggingface_hub import DatasetCard

    out, _, _ = named_license
    card = DatasetCard.load(out / "README.md")
    assert card.data.license == "other"
    assert card.data.license_name == "al-mayadeen-terms"
    assert card.data.license_link == "LICENSE.md"
    assert "| License | `other`: [al-mayadeen-terms](LICENSE.md) |" in card.text


def test_license_name_and_link_are_recorded_in_the_summary(named_license: tuple[Path, Path, str]) -> None:
    _, report, _ = named_license
    options = json.loads((report / "summary.json").read_text())["options"]
    assert options["card_license_name"] == "al-mayadeen-terms" and options["card_license_link"] == "LICENSE.md"


def test_a_link_to_a_repository_file_warns_that_push_does_not_upload_it(named_license: tuple[Path, Path, str]) -> None:
    _, _, stderr = named_license
    assert "warning: the card links to LICENSE.md in the dataset repository" in stderr
    assert "no --license-name" not in stderr


def test_a_link_without_a_name_is_accepted_with_a_warning(tmp_path: Path) -> None:
    url = "https://example.com/terms"
    args = ["--out", str(tmp_path / "o"), "--report", str(tmp_path / "r"), "--now", NOW_ISO, "--license-link", url]
    done = run_cli("build", str(DATA), *args)
    assert done.returncode == 0, done.stderr
    assert "warning: the card's license is 'other' with no --license-name" in done.stderr
    assert "in the dataset repository" not in done.stderr  # a URL, not a file to add
    assert f"| License | `other`: [{url}]({url}) |" in (tmp_path / "o" / "README.md").read_text()


def test_default_options_add_no_license_metadata(sample_build: Built) -> None:
    _, out, report = sample_build
    card = (out / "README.md").read_text()
    assert "license: other\n" in card
    assert "license_name" not in card and "license_link" not in card and "| License |" not in card
    options = json.loads((report / "summary.json").read_text())["options"]
    assert "card_license_name" not in options and "card_license_link" not in options
