"""Statistics of the written shards, computed with polars for the dataset card."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
import polars as pl

TOP_N = 10


def _counts(
    rows: pl.LazyFrame, column: pl.Expr, top: int | None = None, by_value: bool = False
) -> list[dict[str, Any]]:
    """Rows per value of `column` (exploded when it is a list), most frequent first or by value."""
    name = column.meta.output_name()
    counted = rows.select(column).drop_nulls().group_by(name).agg(pl.len().alias("count"))
    order = [pl.col(name)] if by_value else [pl.col("count"), pl.col(name)]
    counted = counted.sort(order, descending=[False] if by_value else [True, False])
    if top:
        counted = counted.head(top)
    return [
        {"value": row[name], "count": row["count"]} for row in counted.collect(engine="streaming").iter_rows(named=True)
    ]


def dataset_stats(shards: Mapping[str, Sequence[Path]], body_words: Sequence[int] | np.ndarray) -> dict[str, Any]:
    """Rows, date range, articles per year, top tags/authors, body length, language and extractor counts.

    Each figure is its own streaming query over the few columns it needs, so memory stays flat
    however many rows there are. `body_words` holds each row's word count, counted while the rows
    streamed by, so the bodies are not read back.
    """
    rows = pl.scan_parquet([str(path) for paths in shards.values() for path in paths])
    dates = rows.select(
        pl.len().alias("rows"),
        pl.col("published_at").min().alias("min"),
        pl.col("published_at").max().alias("max"),
        pl.col("published_at").null_count().alias("undated"),
        pl.col("title").null_count().alias("untitled"),
    ).collect(engine="streaming")
    first, last = dates["min"][0], dates["max"][0]
    words = pl.Series("body_words", body_words, dtype=pl.UInt32)
    return {
        "rows": dates["rows"][0],
        "splits": [{"name": name, "rows": sum(_rows(p) for p in paths)} for name, paths in shards.items()],
        "publishers": [item["value"] for item in _counts(rows, pl.col("publisher"), by_value=True)],
        "date_min": first.strftime("%Y-%m-%d") if first else None,  # None: no row is dated (--undated keep)
        "date_max": last.strftime("%Y-%m-%d") if last else None,
        "undated": dates["undated"][0],
        "untitled": dates["untitled"][0],  # rows of --untitled keep
        "extractors": _counts(rows, pl.col("extractor")),
        "per_year": _counts(rows, pl.col("published_at").dt.year().alias("year"), by_value=True),
        "languages": _counts(rows, pl.col("language")),
        "top_tags": _counts(rows, pl.col("tags").explode(), TOP_N),
        "top_authors": _counts(rows, pl.col("authors").explode(), TOP_N),
        "body_words": {
            "min": cast(int, words.min()),
            "median": int(cast(float, words.median())),
            "mean": round(cast(float, words.mean()), 1),
            "p90": int(cast(float, words.quantile(0.9, interpolation="nearest"))),
            "max": cast(int, words.max()),
        },
    }


def _rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows
