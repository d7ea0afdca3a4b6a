"""Stored results: the article store (SQLAlchemy + Alembic), sourcing audits and stories.

``ArticleStore.open(settings)`` connects and migrates; ``names`` merges source names
across articles; ``stories`` builds the story view. No Flask in this package.
"""
from .repository import ArticleStore, BadCursor, Filters

__all__ = ["ArticleStore", "BadCursor", "Filters"]
