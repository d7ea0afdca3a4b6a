"""Articles, their bodies and their sources.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dated", sa.Date, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("outlet", sa.String(500)),
        sa.Column("author", sa.String(500)),
        sa.Column("title", sa.String(2000)),
        sa.Column("url", sa.String(4000)),
        sa.Column("story", sa.String(500)),
        sa.Column("model_version", sa.String(200), nullable=False),
        sa.Column("rules_version", sa.String(200)),
        sa.Column("score", sa.Float),
        sa.Column("rating", sa.String(16), nullable=False),
        sa.Column("claim_count", sa.Integer, nullable=False),
        sa.Column("attributed_share", sa.Float, nullable=False),
        sa.Column("named_share", sa.Float, nullable=False),
        sa.Column("anonymous_share", sa.Float, nullable=False),
        sa.Column("hedged_share", sa.Float, nullable=False),
        sa.Column("unverified_share", sa.Float, nullable=False),
    )
    op.create_index("ix_articles_dated_seq", "articles", ["dated", "seq"])
    op.create_index("ix_articles_outlet_dated_seq", "articles", ["outlet", "dated", "seq"])
    op.create_index("ix_articles_story", "articles", ["story"])
    op.create_table(
        "article_bodies",
        sa.Column("article_seq", sa.Integer, sa.ForeignKey("articles.seq", ondelete="CASCADE"), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("body", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
    )
    op.create_table(
        "article_sources",
        sa.Column("article_seq", sa.Integer, sa.ForeignKey("articles.seq", ondelete="CASCADE"), nullable=False),
        sa.Column("name_key", sa.String(500)),
        sa.Column("text", sa.String(2000)),
        sa.Column("source_type", sa.String(32), nullable=False),
        sa.Column("claim_count", sa.Integer, nullable=False),
    )
    op.create_index("ix_article_sources_article", "article_sources", ["article_seq"])
    op.create_index("ix_article_sources_key", "article_sources", ["name_key", "article_seq", "claim_count"])
    op.create_index("ix_article_sources_type", "article_sources", ["source_type", "claim_count", "article_seq"])


def downgrade() -> None:
    op.drop_table("article_sources")
    op.drop_table("article_bodies")
    op.drop_table("articles")
