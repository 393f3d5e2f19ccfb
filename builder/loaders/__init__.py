"""Loaders: parse a decoded dump into schema fields, driven by a site profile."""
