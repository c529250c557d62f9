"""claimlint: a fact-checking claim linter for health writing in Markdown."""

__version__ = "0.1.0"
