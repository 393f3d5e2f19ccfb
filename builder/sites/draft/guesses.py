"""A drafted profile: each value with the reason it was chosen, written as YAML with a comment per guess."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import yaml

from builder.errors import BuilderError

T = TypeVar("T")
_LONGEST_FLOW = 60  # characters: a longer list is written one item a line


class DraftError(BuilderError):
    """The dumps do not say enough to draft a profile (too few, or no date line in them)."""

    hint = "pass about 20 article dumps of one site"


@dataclass(frozen=True)
class Guess(Generic[T]):
    """A value and why: read from the dumps (a guess to review) or given by the user."""

    value: T
    reason: str
    given: bool = False  # stated by the user (an option), not read from the dumps
    items: tuple[str, ...] = ()  # for a list of rules: the reason of each

    def item_comment(self, index: int) -> str:
        return f"  # guess: {self.items[index]}" if index < len(self.items) else ""

    @property
    def comment(self) -> str:
        return f"# {'given' if self.given else 'guess'}: {self.reason}"


@dataclass
class Draft:
    """A draft profile: values by dotted key (`layout.header_end.marker`) in the order they are written."""

    site: str
    dumps: int
    entries: dict[str, Guess[Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the dumps suggest that the profile does not say

    def put(self, path: str, guess: Guess[Any] | None) -> None:
        """Set a key; None (nothing found) leaves it out, so the format's default applies."""
        if guess is not None:
            self.entries[path] = guess

    def value(self, path: str) -> Any:
        return self.entries[path].value

    def document(self) -> dict[str, Any]:
        """The profile as the nested document its YAML loads as."""
        doc: dict[str, Any] = {}
        for path, guess in self.entries.items():
            *parents, last = path.split(".")
            node = doc
            for part in parents:
                node = node.setdefault(part, {})
            node[last] = guess.value
        return doc

    def reasons(self) -> dict[str, str]:
        return {path: guess.reason for path, guess in self.entries.items()}

    def to_yaml(self) -> str:
        """The profile as commented YAML: the reason of every value at the end of its line."""
        lines = [
            f"# DRAFT profile of {self.site}, guessed from {self.dumps} dumps by `builder profile draft`.",
            "# Review every `# guess:` line, then keep this file in a folder passed to `builder build --profiles`.",
            *(f"# note: {note}" for note in self.notes),
        ]
        opened: list[str] = []
        for path, guess in self.entries.items():
            *parents, last = path.split(".")
            for depth, part in enumerate(parents):
                if opened[: depth + 1] != parents[: depth + 1]:
                    if depth == 0:
                        lines.append("")
                    lines.append(f"{'  ' * depth}{part}:")
            opened = parents
            lines += _entry(last, guess, "  " * len(parents))
        return "\n".join(lines) + "\n"


def scalar(value: Any, in_list: bool = False) -> str:
    """A YAML scalar that loads back as `value`: plain where that is safe, else single-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return str(value)
    if _plain_is_safe(value, in_list):
        return value
    return "'" + value.replace("'", "''") + "'"


def _plain_is_safe(value: str, in_list: bool) -> bool:
    if not value or value.strip() != value or "#" in value or (in_list and any(c in value for c in ",[]{}")):
        return False
    try:
        return yaml.safe_load(value) == value
    except yaml.YAMLError:  # "* x", "@x", "a: b: c": not a plain scalar
        return False


def _entry(key: str, guess: Guess[Any], indent: str) -> list[str]:
    value = guess.value
    if isinstance(value, list) and value and isinstance(value[0], dict):
        lines = [f"{indent}{key}:  {guess.comment}"]
        for index, item in enumerate(value):
            pairs = [f"{name}: {scalar(part)}" for name, part in item.items()]
            lines.append(f"{indent}  - {pairs[0]}{guess.item_comment(index)}")
            lines += [f"{indent}    {pair}" for pair in pairs[1:]]
        return lines
    if isinstance(value, list):
        text = "[" + ", ".join(scalar(item, in_list=True) for item in value) + "]"
        if len(text) > _LONGEST_FLOW:  # one item a line, the reason on the key's line
            return [f"{indent}{key}:  {guess.comment}", *(f"{indent}  - {scalar(item)}" for item in value)]
    else:
        text = scalar(value)
    return [f"{indent}{key}: {text}  {guess.comment}"]
