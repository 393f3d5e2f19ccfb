"""What labels say, in the languages the loader knows: a line labelled so is tags, an image or an insert."""

from __future__ import annotations

TAG_WORDS = frozenset(
    [
        "tags",
        "tag",
        "topics",
        "topic",
        "keywords",
        "tagged",
        "themen",
        "schlagwörter",
        "schlagworte",
        "étiquettes",
        "mots-clés",
        "sujets",
        "etiquetas",
        "temas",
        "tópicos",
        "argomenti",
        "trefwoorden",
        "onderwerpen",
        "теги",
    ]
)
IMAGE_WORDS = frozenset(
    ["image", "img", "photo", "picture", "figure", "foto", "bild", "imagen", "immagine", "afbeelding", "фото"]
)
INSERT_WORDS = frozenset(
    {"read more", "read also", "also read", "related", "see also", "more", "lesen sie auch", "mehr zum thema"}
    | {"lire aussi", "à lire aussi", "leer más", "lea también", "leia também", "leggi anche", "lees ook"}
)


def label_word(text: str) -> str:
    """A label as these lists hold it: "[Image: " -> "image", "Tags:" -> "tags"."""
    return text.strip(" []:").lower()
