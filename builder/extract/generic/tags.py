"""A line of the article's tags: "Tags: a, b", "Filed under a, b", the label alone over a list of them, or a label
noun with no colon over three tags or more ("Schlagwörter cozy, shopping, Berlin")."""

from __future__ import annotations

import re
from typing import Final

from builder.extract.generic.markers import COMMENT_LINKS, is_comment_count

# The labels of a tag list that are verbs: they need no colon after them ("Filed under bill clinton , warner bros.",
# WordPress's German "Abgelegt unter Blogprojekte, Das Leben", "Veröffentlicht unter Allgemein").
_TAG_VERBS: Final = r"Filed under|Tagged(?: with| as| in| In)?|Abgelegt unter|Veröffentlicht unter"
_TAG_VERB_OPENINGS: Final = ("Filed", "Tagged", "Abgelegt", "Veröffentlicht")  # their first words
# A tag list: "Tags: a, b" on one line, or the label alone above a bullet list; or a label noun with no colon over
# three tags or more of a few words each ("Schlagwörter cozy, shopping, Berlin": `bare`, one pattern for both).
_TAGS_LABEL: Final = re.compile(
    rf"(?P<label>Tags|TAGS|{_TAG_VERBS}|Topics|Labels|Categories|Category|Schlagwörter|Schlagworte|Stichworte|Themen|"
    r"Kategorien|Kategorie|Mots-clés|Étiquettes|Catégories|Etiquetas|Temas|Categorías|"
    r"Tag|Argomenti|Onderwerpen|Теги|Метки|タグ|标签)(?:\s*[:：]\s*(?P<rest>.*)|\s+(?P<bare>.+))?"
)
_BARE_LABELS: Final = frozenset(
    ["Tags", "Schlagwörter", "Schlagworte", "Stichworte", "Topics", "Categories", "Kategorien"]
)
_TAGS_VERB: Final = re.compile(rf"(?:{_TAG_VERBS})\s+(?P<rest>[^\s:：].*)")
BARE_TAGS: Final = 3  # a label noun with no colon is over this many tags at least...
TAG_WORDS: Final = 4  # ...each of this many words at most (a sentence's parts are longer)
_TAG_SPLIT: Final = re.compile(r"\s*[,;|•·]\s*")


def tag_label(text: str) -> list[str] | None:
    """The tags of a "Tags: a, b" line ([] for the label alone), None when the line is no tag label."""
    if len(text) > 300:
        return None
    match = _TAGS_LABEL.fullmatch(text)
    if match is not None and match["bare"] is not None:  # the label noun with no colon
        tags = _TAG_SPLIT.split(match["bare"])
        if _bare_tags(match["label"], tags, text):
            return tags
        match = None  # a verb's list ("Filed under pools, council"), or a sentence
    if match is None and text.startswith(_TAG_VERB_OPENINGS):
        match = _TAGS_VERB.fullmatch(text)
    if match is None:
        return None
    rest = match["rest"]
    return [tag for tag in _TAG_SPLIT.split(rest) if _is_tag(tag)] if rest else []


def _bare_tags(label: str, tags: list[str], text: str) -> bool:
    """Whether the parts of a line opened by a label word with no colon are its tags, not a sentence's."""
    return (
        label in _BARE_LABELS
        and len(tags) >= BARE_TAGS
        and text[-1] != "."
        and all(0 < len(tag.split()) <= TAG_WORDS for tag in tags)
    )


def _is_tag(item: str) -> bool:
    """Whether an item of a tag line is a tag: a blog prints its comment link after them ("Filed under Travel | 48
    Comments »", "Veröffentlicht unter Allgemein | Hinterlasse einen Kommentar")."""
    return bool(item) and item.lower() not in COMMENT_LINKS and not is_comment_count(item.rstrip(" »"))
