"""Inputs: find the files under the given paths, open archives, read bytes safely."""
