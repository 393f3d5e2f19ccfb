"""The dataset card: YAML metadata built as data, the body rendered from `dataset_card.md`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from builder.export.layout import split_pattern
from builder.export.licenses import OTHER, check_license
from builder.resources import resource_path
from builder.schema import ArticleSchema

DEFAULT_LICENSE = OTHER
# Recorded only when given, so that reports of builds without them stay as they were.
_RECORDED_WHEN_GIVEN = ("license_name", "license_link")
_SIZE_CATEGORIES = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
    (1_000_000_000, "100M<n<1B"),
    (10_000_000_000, "1B<n<10B"),
    (100_000_000_000, "10B<n<100B"),
    (1_000_000_000_000, "100B<n<1T"),
)  # the Hub's labels (datasets/utils/resources/size_categories.json)


@dataclass(frozen=True)
class CardOptions:
    title: str | None = None
    description: str | None = None
    license: str = DEFAULT_LICENSE
    load_path: str | None = None  # what the card's load_dataset snippet loads: the Hub repo id (default: --out's name)
    license_name: str | None = None  # with license `other`: the license's id, e.g. my-license-1.0
    license_link: str | None = None  # with license `other`: a URL, or a file of the repository such as LICENSE.md

    def check(self) -> None:
        """Raise OptionError when the license metadata is not valid for the Hub."""
        check_license(self.license, self.license_name, self.license_link)

    def recorded(self) -> dict[str, Any]:
        """The options as the build report records them (not load_path, which changes no output)."""
        return {
            f"card_{key}": value
            for key, value in asdict(self).items()
            if key != "load_path" and not (value is None and key in _RECORDED_WHEN_GIVEN)
        }


def size_category(rows: int) -> str:
    return next((label for limit, label in _SIZE_CATEGORIES if rows < limit), "n>1T")


def _dataset_info(schema: ArticleSchema, shards: Mapping[str, Sequence[Path]]) -> dict[str, Any]:
    """The card's `dataset_info`: features, and each split's size as `datasets` counts it (the row groups'
    uncompressed bytes), in the keys and order `datasets.DatasetInfo` writes."""
    splits = []
    download_size = 0
    for name, paths in shards.items():
        metas = [pq.ParquetFile(path).metadata for path in paths]
        num_bytes = sum(m.row_group(i).total_byte_size for m in metas for i in range(m.num_row_groups))
        splits.append({"name": name, "num_bytes": num_bytes, "num_examples": sum(m.num_rows for m in metas)})
        download_size += sum(path.stat().st_size for path in paths)
    return {
        "features": schema.features_yaml(),
        "splits": splits,
        "download_size": download_size,
        "dataset_size": sum(split["num_bytes"] for split in splits),
    }


def card_data(
    schema: ArticleSchema, shards: Mapping[str, Sequence[Path]], stats: dict[str, Any], options: CardOptions
) -> Any:
    from huggingface_hub import DatasetCardData

    languages = [row["value"] for row in stats["languages"]]
    return DatasetCardData(
        pretty_name=options.title or default_title(stats),
        license=options.license,
        language=languages,
        multilinguality="monolingual" if len(languages) == 1 else "multilingual",
        task_categories=["text-generation", "summarization"],
        size_categories=[size_category(stats["rows"])],
        source_datasets=["original"],
        language_creators=["found"],
        annotations_creators=["no-annotation"],
        license_name=options.license_name,  # None is left out of the metadata
        license_link=options.license_link,
        tags=["news", "builder"],
        configs=[
            {
                "config_name": "default",
                "data_files": [{"split": name, "path": split_pattern(name)} for name in shards],
            }
        ],
        dataset_info=_dataset_info(schema, shards),
    )


def publishers_phrase(stats: dict[str, Any]) -> str:
    """Who published the rows, short enough for a title: up to three names, else how many publishers."""
    names = stats["publishers"]
    if not names:
        return "unnamed publishers"
    return ", ".join(names) if len(names) <= 3 else f"{len(names)} publishers"


def default_title(stats: dict[str, Any]) -> str:
    names = stats["publishers"]
    return (
        f"{', '.join(names)} news articles" if 0 < len(names) <= 3 else f"News articles from {publishers_phrase(stats)}"
    )


def license_cell(options: CardOptions) -> str | None:
    """The summary table's License cell: only for a license the metadata names or links to."""
    if options.license_name is None and options.license_link is None:
        return None
    text = (options.license_name or options.license_link or "").replace("|", "\\|")
    if options.license_link is None:
        return f"`{options.license}`: {text}"
    target = options.license_link.replace("(", "%28").replace(")", "%29").replace("|", "%7C")
    return f"`{options.license}`: [{text}]({target})"


def render_card(
    schema: ArticleSchema,
    shards: Mapping[str, Sequence[Path]],
    stats: dict[str, Any],
    report: dict[str, Any],
    build_options: dict[str, Any],
    options: CardOptions,
    changes: dict[str, Any] | None = None,
) -> str:
    """The card's text, validated by huggingface_hub by parsing it back; `changes` (builder.export.changes)
    adds the "Changes" section, only when there was a previous build to compare with."""
    from huggingface_hub import DatasetCard

    data = card_data(schema, shards, stats, options)
    description = options.description or (
        f"{stats['rows']} news articles from {publishers_phrase(stats)}, extracted from raw page dumps "
        "into a typed schema, validated and deduplicated."
    )
    card = DatasetCard.from_template(
        data,
        template_path=str(resource_path("dataset_card.md")),
        pretty_name=data.pretty_name,
        description=description,
        stats=stats,
        report=report,
        options=build_options,
        fields=schema.fields,
        load_path=options.load_path,
        license_cell=license_cell(options),
        changes=changes,
    )
    DatasetCard(str(card))  # parses the YAML header again: a broken header fails here, not on the Hub
    return str(card).rstrip("\n") + "\n"
