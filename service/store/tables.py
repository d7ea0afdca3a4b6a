"""The store's tables (SQLAlchemy Core). Migrations in ``migrations/versions`` create them;
this module only describes them for queries, and a test checks the two agree.

``articles`` is narrow (metadata and the article summary) so the audit scans little;
the text and the full scoring body live in ``article_bodies``; ``article_sources`` has
one row per source (name key) an article cites, for the audit's source counts in SQL.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

# The scoring body: JSONB on PostgreSQL (queryable there), JSON text elsewhere.
BODY_JSON = JSON().with_variant(JSONB(), "postgresql")

articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("stored_at", DateTime(timezone=True), nullable=False),
    Column("dated", Date, nullable=False),
    Column("published", Date),
    Column("outlet", String(500)),
    Column("author", String(500)),
    Column("title", String(2000)),
    Column("url", String(4000)),
    Column("story", String(500)),
    Column("model_version", String(200), nullable=False),
    Column("rules_version", String(200)),
    Column("score", Float),
    Column("rating", String(16), nullable=False),
    Column("claim_count", Integer, nullable=False),
    Column("attributed_share", Float, nullable=False),
    Column("named_share", Float, nullable=False),
    Column("anonymous_share", Float, nullable=False),
    Column("hedged_share", Float, nullable=False),
    Column("unverified_share", Float, nullable=False),
    Index("ix_articles_dated_seq", "dated", "seq"),
    Index("ix_articles_outlet_dated_seq", "outlet", "dated", "seq"),
    Index("ix_articles_story", "story"),
)

article_bodies = Table(
    "article_bodies",
    metadata,
    Column("article_seq", Integer, ForeignKey("articles.seq", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False),
    Column("body", BODY_JSON, nullable=False),
)

article_sources = Table(
    "article_sources",
    metadata,
    Column("article_seq", Integer, ForeignKey("articles.seq", ondelete="CASCADE"), nullable=False),
    # The normalised name (names.name_key); NULL for attributions that name no source.
    Column("name_key", String(500)),
    Column("text", String(2000)),
    Column("source_type", String(32), nullable=False),
    Column("claim_count", Integer, nullable=False),
    Index("ix_article_sources_article", "article_seq"),
    Index("ix_article_sources_key", "name_key", "article_seq", "claim_count"),
    Index("ix_article_sources_type", "source_type", "claim_count", "article_seq"),
)
