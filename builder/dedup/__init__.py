"""Dedup: keys made in the workers, verdicts made in order in the parent."""
