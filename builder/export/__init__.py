"""Exporters: Parquet shards in the Hub's layout, the dataset card, the build report."""
