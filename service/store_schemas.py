"""Marshmallow schemas of the stored-results endpoints (docs/api.md, "Stored results,
audits and stories"): requests validate, responses document (tests validate every body
the service returns against them).
"""
from __future__ import annotations

import re

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from .pipeline.records import SOURCE_TYPES
from .schemas import ScoreRequestSchema, ScoreResponseSchema, StrictSchema, SummarySchema, text_field

RATINGS = ["high", "mixed", "low", "unrated"]
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
MAX_PAGE = 100


def storable(value: str) -> bool:
    """NUL and unpaired surrogates are legal in JSON strings but no database text column
    holds them (PostgreSQL refuses NUL; UTF-8 has no surrogates): such input is refused,
    never mangled, and can match nothing stored."""
    return not _UNSTORABLE.search(value)


# A text to store, as a JSON Schema pattern: no NUL, and not only whitespace. (A text/plain
# body is UTF-8, which cannot carry an unpaired surrogate.)
STORABLE_TEXT = r"^[^\u0000]*[^\s\u0000\u001c-\u001f\u0085][^\u0000]*$"
UNSTORABLE = "contains NUL or an unpaired surrogate, which cannot be stored (POST /v1/score scores it)"


def _must_be_storable(value: str) -> None:
    if not storable(value):
        raise ValidationError(UNSTORABLE)


def _label(description: str, max_length: int = 500) -> fields.String:
    return fields.String(
        allow_none=True,
        validate=[validate.Length(min=1, max=max_length), _must_be_storable],
        metadata={"description": description + " null: not given."},
    )


def _story_id() -> fields.String:
    return _label("The caller's id grouping articles on one event.")


class ArticleRequestSchema(ScoreRequestSchema):
    text = text_field(STORABLE_TEXT)
    title = _label("The headline (metadata; not scored as a claim).", 2000)
    url = _label("Where the article was found.", 4000)
    outlet = _label("The publication.")
    author = _label("Who wrote it (for a page, its own byline if not given).")
    published = fields.Date(
        allow_none=True,
        metadata={"description": "Publication date, ISO 8601 (YYYY-MM-DD); for a page, its own date if not given."},
    )
    story = _story_id()


class _StoredMetadata(Schema):
    id = fields.String(required=True)
    title = fields.String(required=True, allow_none=True)
    url = fields.String(required=True, allow_none=True)
    outlet = fields.String(required=True, allow_none=True)
    author = fields.String(required=True, allow_none=True)
    published = fields.Date(required=True, allow_none=True)
    story = fields.String(required=True, allow_none=True)
    stored_at = fields.DateTime(required=True, metadata={"description": "When it was stored (UTC)."})


class StoredArticleSchema(ScoreResponseSchema, _StoredMetadata):
    """The stored article: its id and metadata, then the scoring body as it was stored."""


class _Window(Schema):
    """Query filters shared by the list and the audit; unknown parameters are refused."""

    class Meta:
        unknown = RAISE

    outlet = _label("Only articles of this outlet.")
    since = fields.Date(metadata={"description": "Only articles dated (published, else stored) on or after this day."})
    until = fields.Date(metadata={"description": "Only articles dated on or before this day."})

    @validates_schema
    def _ordered(self, data, **kwargs):
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ValidationError("since is after until", field_name="since")


class ArticleListQuerySchema(_Window):
    story = _story_id()
    limit = fields.Integer(load_default=20, validate=validate.Range(1, MAX_PAGE), metadata={"description": "Page size."})
    cursor = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "`next_cursor` of the previous page."},
    )


class AuditQuerySchema(_Window):
    top = fields.Integer(load_default=10, validate=validate.Range(1, 100), metadata={"description": "How many top sources."})


class ModelVersionsSchema(StrictSchema):
    version = fields.String(required=True)
    rules_version = fields.String(required=True, allow_none=True)


class ArticleSummarySchema(_StoredMetadata):
    score = fields.Float(required=True, allow_none=True)
    rating = fields.String(required=True, validate=validate.OneOf(RATINGS))
    claim_count = fields.Integer(required=True)
    model = fields.Nested(ModelVersionsSchema, required=True)


class ArticleListSchema(StrictSchema):
    articles = fields.List(fields.Nested(ArticleSummarySchema), required=True, metadata={"description": "Newest first."})
    next_cursor = fields.String(required=True, allow_none=True, metadata={"description": "null on the last page."})


class RatingCountsSchema(StrictSchema):
    high = fields.Integer(required=True)
    mixed = fields.Integer(required=True)
    low = fields.Integer(required=True)
    unrated = fields.Integer(required=True)


class MeanSummarySchema(SummarySchema):
    """Means over the matching articles that have claims (null when none has)."""

    attributed_share = fields.Float(required=True, allow_none=True)
    named_share = fields.Float(required=True, allow_none=True)
    anonymous_share = fields.Float(required=True, allow_none=True)
    hedged_share = fields.Float(required=True, allow_none=True)
    unverified_share = fields.Float(required=True, allow_none=True)


class TopSourceSchema(StrictSchema):
    text = fields.String(required=True)
    source_type = fields.String(required=True)
    article_count = fields.Integer(required=True)
    claim_count = fields.Integer(required=True)


class AuditSchema(StrictSchema):
    article_count = fields.Integer(required=True)
    score = fields.Float(required=True, allow_none=True, metadata={"description": "Mean score of the rated articles."})
    ratings = fields.Nested(RatingCountsSchema, required=True)
    summary = fields.Nested(MeanSummarySchema, required=True)
    source_types = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        required=True,
        metadata={"description": f"Attributed claims per source type ({', '.join(SOURCE_TYPES)}, ...)."},
    )
    top_sources = fields.List(
        fields.Nested(TopSourceSchema),
        required=True,
        metadata={"description": "Sources cited by most articles (then most claims), names normalised."},
    )


class StoryArticleSchema(StrictSchema):
    id = fields.String(required=True)
    outlet = fields.String(required=True, allow_none=True)
    title = fields.String(required=True, allow_none=True)
    score = fields.Float(required=True, allow_none=True)
    rating = fields.String(required=True, validate=validate.OneOf(RATINGS))


class StorySourceArticleSchema(StrictSchema):
    id = fields.String(required=True)
    outlet = fields.String(required=True, allow_none=True)
    claim_count = fields.Integer(required=True)
    first_hand = fields.Boolean(required=True, metadata={"description": "False when reached only through an intermediary."})


class StorySourceSchema(StrictSchema):
    name = fields.String(required=True)
    source_type = fields.String(required=True)
    mentions = fields.List(fields.String(), required=True, metadata={"description": "Every way the articles name it."})
    articles = fields.List(fields.Nested(StorySourceArticleSchema), required=True)


class ChainSchema(StrictSchema):
    source = fields.String(required=True)
    via = fields.List(fields.String(), required=True, metadata={"description": "Intermediaries, nearest the article first."})
    articles = fields.List(fields.String(), required=True)


class StorySchema(StrictSchema):
    story = fields.String(required=True)
    articles = fields.List(fields.Nested(StoryArticleSchema), required=True)
    sources = fields.List(fields.Nested(StorySourceSchema), required=True, metadata={"description": "Most-used first."})
    chains = fields.List(fields.Nested(ChainSchema), required=True)
