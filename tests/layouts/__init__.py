"""Synthetic sites in layouts unlike Al Mayadeen's: generators of their dumps and hand-written profiles."""
