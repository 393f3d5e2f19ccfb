"""The card as the Hub gets it: its `load_dataset(...)` snippet names the repository, not the local folder.

`builder build --out dataset` writes `load_dataset("dataset")`, right for the folder but wrong once pushed. The
snippet is found through the card template itself (the text from its section heading up to `{{ load_path }}`),
so the two cannot drift apart; only the uploaded bytes change, never the folder.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from builder.hub.folder import LocalFile
from builder.resources import resource_path

_PLACEHOLDER = re.compile(r"\{\{-?\s*load_path\s*-?\}\}")


@cache
def _snippet_around_load_path() -> tuple[str, str]:
    """(the template's text from the snippet's section heading up to the load path, what follows it on its line)."""
    template = resource_path("dataset_card.md").read_text(encoding="utf-8")
    placeholder = _PLACEHOLDER.search(template)
    if placeholder is None:
        return "", ""
    heading = template.rfind("\n#", 0, placeholder.start()) + 1  # 0 when no heading precedes: start of the template
    line_end = template.find("\n", placeholder.end())
    return template[heading : placeholder.start()], template[placeholder.end() : line_end]


def card_for_hub(card: LocalFile, repo_id: str) -> tuple[LocalFile, str | None]:
    """The card to upload, and a note when its load snippet could not be pointed at `repo_id`."""
    before, after = _snippet_around_load_path()
    text = card.path.read_bytes().decode("utf-8")  # bytes as they are: no newline translation
    start = text.find(before) if before else -1
    if start < 0:
        return card, f"the card has no `load_dataset` snippet to point at {repo_id}: it is uploaded as it is"
    path_start = start + len(before)
    line_end = text.find("\n", path_start)
    path_end = text.rfind(after, path_start, len(text) if line_end < 0 else line_end)
    if path_end < 0:
        return card, "the card's `load_dataset` snippet is not as `builder build` writes it: it is uploaded as it is"
    content = (text[:path_start] + repo_id + text[path_end:]).encode("utf-8")
    return replace(card, size=len(content), content=content), None
