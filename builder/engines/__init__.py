"""Engines: run the per-input pipeline over work items (the local process pool today)."""
