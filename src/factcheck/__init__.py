"""factcheck: a linter for facts. Checks a claim ledger against its evidence."""

__version__ = "0.1.0"
