"""Marshmallow schemas: the v1 contract (docs/api.md), from which the OpenAPI document
is generated. Request schemas validate; response schemas describe (and tests check
that every body the service returns validates against them).
"""
from __future__ import annotations

from flask import current_app, has_app_context
from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from .config import SETTINGS
from .pipeline.records import ATTRIBUTION_KINDS, ROLES, SOURCE_TYPES, VERIFICATION_KINDS

_DEFAULT_MAX_TEXT = SETTINGS["CREDENCE_MAX_TEXT_CHARS"][0]
_DEFAULT_MAX_BATCH = SETTINGS["CREDENCE_MAX_BATCH_ARTICLES"][0]


def _setting(name: str, default: int) -> int:
    return current_app.config[name] if has_app_context() else default


# What str.strip() leaves, in the pattern syntax of JSON Schema (ECMA-262), whose \s lacks
# the separators U+001C-U+001F and U+0085 that Python counts as whitespace: so the documented
# pattern refuses exactly the texts the field refuses as only whitespace.
NOT_ONLY_WHITESPACE = r"[^\s\u001c-\u001f\u0085]"


def plain_text_body(description: str, pattern: str = NOT_ONLY_WHITESPACE) -> dict:
    """The OpenAPI schema of an article posted as text/plain, refused as the text field refuses it."""
    return {"schema": {"type": "string", "minLength": 1, "pattern": pattern, "description": description}}


class ArticleText(fields.String):
    """Article text: at most CREDENCE_MAX_TEXT_CHARS characters as posted (whitespace counts:
    the pipeline reads every character), and not only whitespace."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        limit = _setting("CREDENCE_MAX_TEXT_CHARS", _DEFAULT_MAX_TEXT)
        if len(text) > limit:
            raise ValidationError(f"text is {len(text)} characters; the limit is {limit}")
        if not text.strip():
            raise ValidationError("text is empty (only whitespace)")
        return text


def text_field(pattern: str = NOT_ONLY_WHITESPACE) -> ArticleText:
    """The text field, documented with the ``pattern`` of the texts it takes."""
    return ArticleText(
        metadata={
            "description": "The article text (or send `html`). Offsets in the response index into it exactly as posted.",
            "minLength": 1,
            "maxLength": _DEFAULT_MAX_TEXT,
            "pattern": pattern,
        },
    )


class StrictSchema(Schema):
    class Meta:
        unknown = RAISE


class ScoreRequestSchema(StrictSchema):
    text = text_field()
    html = fields.String(
        metadata={
            "description": "A web page, in place of `text`: its article is extracted and returned as "
            "`document.text`, which every offset then points into."
        }
    )
    title = fields.String(
        allow_none=True,
        metadata={"description": "The headline, if known (metadata; not scored as a claim). Echoed in the response."},
    )
    url = fields.String(allow_none=True, metadata={"description": "Where the article was found (metadata). Echoed in the response."})

    @validates_schema
    def _text_or_html(self, data, **kwargs):
        if ("text" in data) == ("html" in data):
            raise ValidationError("send exactly one of `text` and `html`", field_name="text")


class BatchArticleSchema(ScoreRequestSchema):
    id = fields.String(required=True, validate=validate.Length(min=1), metadata={"description": "Caller's id, unique in the batch."})


def _batch_size(articles: list) -> None:
    limit = _setting("CREDENCE_MAX_BATCH_ARTICLES", _DEFAULT_MAX_BATCH)
    if not 1 <= len(articles) <= limit:
        raise ValidationError(f"a batch holds 1 to {limit} articles; got {len(articles)}")


class BatchRequestSchema(StrictSchema):
    articles = fields.List(
        fields.Nested(BatchArticleSchema),
        required=True,
        validate=_batch_size,
        metadata={"minItems": 1, "maxItems": _DEFAULT_MAX_BATCH},
    )

    @validates_schema
    def _unique_ids(self, data, **kwargs):
        seen: dict[str, int] = {}
        duplicates = {}
        for index, article in enumerate(data.get("articles", [])):
            if article["id"] in seen:
                duplicates[index] = {"id": [f"duplicate id {article['id']!r} (first at index {seen[article['id']]})"]}
            seen.setdefault(article["id"], index)
        if duplicates:
            raise ValidationError({"articles": duplicates})


class ScoreQuerySchema(Schema):
    format = fields.String(
        load_default="json",
        validate=validate.OneOf(["json", "text"]),
        metadata={"description": "`text` answers text/plain: one line per claim with its score and reasons."},
    )
    explain = fields.Boolean(
        load_default=False,
        metadata={"description": "Add the decision process: reasons, attribution explanations, skipped segments."},
    )


class BatchQuerySchema(ScoreQuerySchema):
    format = fields.String(
        load_default="json",
        validate=validate.OneOf(["json"]),
        metadata={"description": "The batch endpoint answers JSON only."},
    )


# ---- responses -------------------------------------------------------------------

class SpanSchema(StrictSchema):
    text = fields.String(required=True)
    start = fields.Integer(required=True, metadata={"description": "Character offset, inclusive."})
    end = fields.Integer(required=True, metadata={"description": "Character offset, exclusive."})


class ViaSchema(SpanSchema):
    source_type = fields.String(required=True, validate=validate.OneOf(SOURCE_TYPES))


class HedgeSchema(SpanSchema):
    category = fields.String(required=True, validate=validate.OneOf(["distancing", "speculation", "vague_attribution"]))
    speaker = fields.String(
        required=True,
        validate=validate.OneOf(["writer", "source"]),
        metadata={"description": "writer: the article hedges the claim (counts in the score); source: inside a "
                                 "quotation or what a source is said to say (listed, not counted against the claim)."},
    )
    negated = fields.Boolean(required=True, metadata={"description": "A negation governs the hedge (\"not likely\")."})
    explanation = fields.String(metadata={"description": "Why it is a hedge and whose (explain=true only)."})


class VerificationSchema(SpanSchema):
    kind = fields.String(required=True, validate=validate.OneOf(VERIFICATION_KINDS))
    explanation = fields.String(metadata={"description": "What the wording says and which claims it governs, why "
                                                         "(explain=true only)."})


class AttributionSchema(StrictSchema):
    source = fields.Nested(SpanSchema, required=True, allow_none=True, metadata={"description": "Who says so."})
    source_type = fields.String(required=True, validate=validate.OneOf(SOURCE_TYPES))
    named = fields.Boolean(required=True)
    cue = fields.Nested(SpanSchema, required=True, allow_none=True, metadata={"description": "The reporting words."})
    inherited = fields.Boolean(required=True, metadata={"description": "Carried over from an earlier claim."})
    via = fields.List(fields.Nested(ViaSchema), required=True, metadata={"description": "Intermediaries, nearest first."})
    refers_to = fields.Nested(
        SpanSchema,
        allow_none=True,
        metadata={"description": "For a pronoun or name-less source (\"he said\", \"the agency added\"): the earlier mention it refers to, whose type it takes."},
    )
    kind = fields.String(
        required=True,
        validate=validate.OneOf(ATTRIBUTION_KINDS),
        metadata={"description": "report: a reporting cue ties the content to the source; belief: the source's stated belief or expectation."},
    )
    explanation = fields.String(metadata={"description": "How the attribution was found (explain=true only)."})


class ContributionSchema(StrictSchema):
    signal = fields.String(required=True)
    points = fields.Float(required=True)
    reason = fields.String(metadata={"description": "The term in words (explain=true only)."})


class ClaimSchema(StrictSchema):
    index = fields.Integer(required=True)
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    score = fields.Float(required=True, validate=validate.Range(0, 100))
    attribution = fields.Nested(AttributionSchema, required=True, allow_none=True)
    hedges = fields.List(fields.Nested(HedgeSchema), required=True)
    verification = fields.List(fields.Nested(VerificationSchema), required=True)
    model_probability = fields.Float(required=True, validate=validate.Range(0, 1))
    role = fields.String(
        required=True,
        validate=validate.OneOf(ROLES),
        metadata={"description": "key: carries the story; background: context that needs no source (does not count "
                                 "in the rating); opinion: the writer's own judgement (docs/guidelines.md)."},
    )
    role_reason = fields.String(metadata={"description": "How the role was decided (explain=true only)."})
    contributions = fields.List(
        fields.Nested(ContributionSchema),
        required=True,
        metadata={"description": "Base and every rule/model term; they sum to `score` before clamping to 0-100."},
    )


class SummarySchema(StrictSchema):
    attributed_share = fields.Float(required=True, validate=validate.Range(0, 1))
    named_share = fields.Float(required=True, validate=validate.Range(0, 1))
    anonymous_share = fields.Float(required=True, validate=validate.Range(0, 1))
    hedged_share = fields.Float(required=True, validate=validate.Range(0, 1))
    unverified_share = fields.Float(required=True, validate=validate.Range(0, 1))


class SourceSchema(StrictSchema):
    text = fields.String(required=True)
    source_type = fields.String(required=True, validate=validate.OneOf(SOURCE_TYPES))
    claim_count = fields.Integer(required=True)


class ArticleSchema(StrictSchema):
    score = fields.Float(
        required=True,
        allow_none=True,
        validate=validate.Range(0, 100),
        metadata={"description": "Sum of `contributions`, clamped to 0-100; null when the article is unrated."},
    )
    rating = fields.String(required=True, validate=validate.OneOf(["high", "mixed", "low", "unrated"]))
    claim_count = fields.Integer(required=True)
    summary = fields.Nested(SummarySchema, required=True)
    sources = fields.List(fields.Nested(SourceSchema), required=True, metadata={"description": "Most cited first."})
    reasons = fields.List(fields.String(), required=True, metadata={"description": "The rating in plain words."})
    contributions = fields.List(
        fields.Nested(ContributionSchema),
        required=True,
        metadata={"description": "The article score's terms, one per class of key claims and the writer's opinion; "
                                 "they sum to `score` before clamping to 0-100."},
    )


class ModelInfoSchema(StrictSchema):
    version = fields.String(required=True)
    rules_version = fields.String(
        metadata={"description": "Digest of the weights, lexicons, role model and rules that made the score."}
    )


class SkippedSegmentSchema(SpanSchema):
    kind = fields.String(required=True)
    reason = fields.String(required=True)


class DocumentSchema(StrictSchema):
    text = fields.String(required=True, metadata={"description": "The extracted article text; every offset points into it."})
    title = fields.String(required=True, allow_none=True)
    author = fields.String(required=True, allow_none=True)
    date = fields.String(required=True, allow_none=True, metadata={"description": "Publication date, YYYY-MM-DD."})


class ScoreResponseSchema(StrictSchema):
    article = fields.Nested(ArticleSchema, required=True)
    claims = fields.List(fields.Nested(ClaimSchema), required=True)
    model = fields.Nested(ModelInfoSchema, required=True)
    document = fields.Nested(DocumentSchema, metadata={"description": "HTML input only: what was extracted from the page."})
    title = fields.String(allow_none=True, metadata={"description": "The request's title (for HTML input: else the page's)."})
    url = fields.String(allow_none=True, metadata={"description": "The request's url."})
    skipped = fields.List(
        fields.Nested(SkippedSegmentSchema),
        metadata={"description": "Text that was not scored, and why (explain=true only)."},
    )


class BatchResultSchema(ScoreResponseSchema):
    id = fields.String(required=True)


class BatchResponseSchema(StrictSchema):
    results = fields.List(fields.Nested(BatchResultSchema), required=True, metadata={"description": "In request order."})


class HealthSchema(StrictSchema):
    status = fields.String(required=True)
    model = fields.Nested(ModelInfoSchema, required=True)


class ErrorSchema(Schema):
    code = fields.Integer(required=True, metadata={"description": "HTTP status code."})
    status = fields.String(required=True, metadata={"description": "HTTP status name."})
    message = fields.String(required=True, metadata={"description": "What went wrong, in words."})
    errors = fields.Dict(required=True, metadata={"description": "Per-field messages (may be empty)."})
