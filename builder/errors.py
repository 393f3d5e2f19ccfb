"""Typed exceptions raised by the library; only the CLI turns them into messages."""

from __future__ import annotations


class BuilderError(Exception):
    """Base class: every error the library raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint or self.hint


class ConfigError(BuilderError):
    """A schema or site profile shipped with the tool is malformed."""


class InputPathError(BuilderError):
    """A PATH given to the build does not exist or cannot be read."""

    hint = "check the path, or quote it if it contains spaces"


class OutputPathError(BuilderError):
    """An output folder cannot be used (it is a file, or inside an input)."""

    hint = "pass --out/--report a folder path that is not an existing file"


class OptionError(BuilderError):
    """An option value is out of range or malformed."""


class NoRowsError(BuilderError):
    """Every input was rejected: there is no dataset to write."""

    hint = "see the rejects table in the report folder for the reason of each input"


class StrictModeError(BuilderError):
    """--fail-on-reject was given and some inputs were rejected."""

    hint = "see the rejects table in the report folder, or drop --fail-on-reject"
