"""Statistics of the written shards, computed with polars for the dataset card."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polars as pl

TOP_N = 10


def _counts(frame: pl.DataFrame, column: str, top: int | None = None, by_value: bool = False) -> list[dict[str, Any]]:
    counted = frame.select(pl.col(column).drop_nulls().value_counts(name="count")).unnest(column)
    counted = counted.sort(
        [column] if by_value else [pl.col("count"), pl.col(column)], descending=[False] if by_value else [True, False]
    )
    if top:
        counted = counted.head(top)
    return [{"value": row[column], "count": row["count"]} for row in counted.iter_rows(named=True)]


def dataset_stats(shards: dict[str, Sequence[Path]], body_words: Sequence[int]) -> dict[str, Any]:
    """Rows, date range, articles per year, top tags/authors, body length and language counts.

    `body_words` holds each row's word count, counted while the rows streamed by, so the bodies
    are not read back.
    """
    files = [str(path) for paths in shards.values() for path in paths]
    frame = (
        pl.scan_parquet(files)
        .select(
            pl.col("publisher"),
            pl.col("published_at"),
            pl.col("published_at").dt.year().alias("year"),
            pl.col("language"),
            pl.col("tags"),
            pl.col("authors"),
        )
        .collect()
    )
    words = pl.Series("body_words", body_words, dtype=pl.UInt32)
    return {
        "rows": frame.height,
        "splits": [{"name": name, "rows": sum(_rows(p) for p in paths)} for name, paths in shards.items()],
        "publishers": sorted(frame["publisher"].unique().to_list()),
        "date_min": frame["published_at"].min().strftime("%Y-%m-%d"),
        "date_max": frame["published_at"].max().strftime("%Y-%m-%d"),
        "per_year": _counts(frame, "year", by_value=True),
        "languages": _counts(frame, "language"),
        "top_tags": _counts(frame.explode("tags"), "tags", TOP_N),
        "top_authors": _counts(frame.explode("authors"), "authors", TOP_N),
        "body_words": {
            "min": int(words.min()),
            "median": int(words.median()),
            "mean": round(float(words.mean()), 1),
            "p90": int(words.quantile(0.9, interpolation="nearest")),
            "max": int(words.max()),
        },
    }


def _rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows
