"""callbot: answers questions about one news event strictly from its articles (SEEDS_DIR names both)."""

__version__ = "0.1.0"
