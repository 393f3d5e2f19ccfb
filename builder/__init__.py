"""builder: turn raw dumps of news article pages into a clean, typed Hugging Face dataset."""

from pathlib import Path

from builder._compiled import choose

__version__ = "0.1.0"

choose(__name__, Path(__file__).parent)  # before any other module of the package is imported
