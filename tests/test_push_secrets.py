"""No token in any message, even when the Hub (or a proxy before it) echoes the Authorization header back."""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest
import typer

from builder.cli.options import fail
from builder.errors import HubError
from builder.hub import push_dataset
from tests.hub_server import HubServer
from tests.push_helpers import assert_refused, push

pytest_plugins = ["tests.push_fixtures"]  # built, dataset, hub, in_process

# None is shaped like a Hub token: only knowing where the token came from can mask it.
SECRET = "not-shaped-like-a-hub-token-7f3a"
# The server echoes these besides the token in use (see HubState.echo_authorization): masked by their shape.
ALSO_ECHOED = ("hf_" + "Q" * 34, "another-credential-value")


@pytest.mark.parametrize(
    ("status", "source"),
    [(400, "--token"), (500, "HF_TOKEN"), (502, "saved login"), (500, "HUGGING_FACE_HUB_TOKEN")],
)
def test_an_echoed_token_is_masked_whatever_its_source(
    hub: HubServer, dataset: Path, tmp_path: Path, status: int, source: str
) -> None:
    hub.state.echo_authorization = status
    if source == "saved login":
        (tmp_path / "hf-home" / "token").write_text(SECRET)  # what `hf auth login` saves
    option = ("--token", SECRET) if source == "--token" else ()
    env = {source: SECRET} if source.isupper() else {}
    done = push(str(dataset), "--repo-id", "alice/news", *option, token=None, **env)
    assert_refused(done, hub, 1, f"the Hub answered {status} Reason Bearer ***")
    for leaked in (SECRET, *ALSO_ECHOED):
        assert leaked not in done.stdout + done.stderr


def test_the_library_error_and_its_traceback_hold_no_token(in_process: HubServer, dataset: Path) -> None:
    in_process.state.echo_authorization = 500
    with pytest.raises(HubError) as caught:
        push_dataset(dataset, "alice/news", token=SECRET)
    printed = "".join(traceback.format_exception(caught.value))
    assert "the Hub answered 500 Reason Bearer ***" in printed
    for leaked in (SECRET, *ALSO_ECHOED):
        assert leaked not in printed and leaked not in caught.value.hint


def test_every_cli_error_line_is_masked_whatever_produced_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`fail` is the one way the CLI reports an error: a message it did not make itself is masked there too."""
    from huggingface_hub import constants

    monkeypatch.setenv("HF_TOKEN", "env-token-value-01")
    monkeypatch.setenv("HUGGING_FACE_HUB_TOKEN", "legacy-env-token-02")
    (tmp_path / "token").write_text("saved-login-token-03\n")
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", str(tmp_path / "token"))
    tokens = ("env-token-value-01", "legacy-env-token-02", "saved-login-token-03", SECRET)
    message = f"unexpected KeyError: {' '.join(tokens)} hf_{'Q' * 34}, Bearer another-credential-value"
    with pytest.raises(typer.Exit) as exited:
        fail(message, f"Bearer {SECRET}", code=1, token=SECRET)
    line = capsys.readouterr().err
    assert exited.value.exit_code == 1
    assert line == "error: unexpected KeyError: *** *** *** *** ***, Bearer *** (Bearer ***)\n"


@pytest.mark.parametrize("padding", range(244, 404, 8))  # the token crosses where a message is cut
def test_a_long_answer_is_cut_after_masking_so_no_part_of_the_token_shows(
    in_process: HubServer, dataset: Path, padding: int
) -> None:
    in_process.state.echo_authorization, in_process.state.echo_padding = 500, padding
    with pytest.raises(HubError) as caught:
        push_dataset(dataset, "alice/news", token=SECRET)
    message = str(caught.value)
    assert message.startswith("the Hub answered 500 Reason Bearer ***: ") and len(message) <= 400
    assert not any(SECRET[:length] in message for length in range(6, len(SECRET) + 1))
