"""Draft a site profile from ~20 dumps of the site: `draft_profile(texts, site)` gives a `Draft`, whose
`to_yaml()` is the profile with a comment on every guessed value (`builder profile draft` writes it)."""

from builder.sites.draft.drafter import draft_profile, reading_check, validate
from builder.sites.draft.guesses import Draft, DraftError, Guess

__all__ = ["Draft", "DraftError", "Guess", "draft_profile", "reading_check", "validate"]
