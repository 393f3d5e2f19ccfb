"""builder: turn raw dumps of news article pages into a clean, typed Hugging Face dataset."""

__version__ = "0.1.0"
