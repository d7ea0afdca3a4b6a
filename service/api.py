"""The v1 HTTP API (docs/api.md). Views only translate: request -> engine -> body.

The score view accepts JSON or text/plain, so it reads its body itself (webargs would
refuse text/plain) and validates with the same marshmallow schema that documents it.
"""
from __future__ import annotations

import json

from flask import Response, current_app, request
from flask_smorest import Blueprint
from marshmallow import Schema, ValidationError

from .deadline import within_request_deadline
from .errors import ApiError
from .intake import Article, Refused, read_article, score_body
from .metrics import timed_stage
from .pipeline.engine import Engine
from .pipeline.report import render_text
from .schemas import (
    BatchQuerySchema,
    BatchRequestSchema,
    BatchResponseSchema,
    ErrorSchema,
    HealthSchema,
    ScoreQuerySchema,
    ScoreRequestSchema,
    ScoreResponseSchema,
    plain_text_body,
)

ENGINE_EXTENSION = "credence_engine"

blp = Blueprint("v1", __name__, url_prefix="/v1", description="Score how well a news article sources its claims.")

_score_request = ScoreRequestSchema()
_batch_request = BatchRequestSchema()
# "Exactly one of text and html", which the marshmallow schema checks in code, said in JSON Schema.
_JSON_BODY = {"application/json": {"schema": {
    "allOf": [ScoreRequestSchema], "oneOf": [{"required": ["text"]}, {"required": ["html"]}],
}}}
_ERRORS = {
    400: "Malformed JSON or undecodable text.",
    401: "Missing or invalid API key (only when the service runs with CREDENCE_API_KEYS).",
    413: "Body larger than CREDENCE_MAX_BODY_BYTES (after decoding gzip/deflate), or a batch over CREDENCE_MAX_BATCH_CHARS.",
    415: "Unsupported media type or body coding.",
    422: "Failed validation; `errors` has per-field messages.",
    429: "Over the rate limit (only when the service runs with CREDENCE_RATE_LIMIT); see Retry-After.",
    503: "Scoring took longer than CREDENCE_TIMEOUT and was stopped.",
}


def _document_errors(view):
    for code, description in _ERRORS.items():
        view = blp.alt_response(code, schema=ErrorSchema, description=description)(view)
    return view


def engine() -> Engine:
    return current_app.extensions[ENGINE_EXTENSION]


def _is_json(mimetype: str) -> bool:
    return mimetype == "application/json" or mimetype.endswith("+json")


def _read_json() -> object:
    try:
        return json.loads(request.get_data(cache=False))
    except (ValueError, RecursionError) as error:
        raise ApiError(400, f"malformed JSON: {error}") from None


def _read_plain_text() -> dict:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8", "us-ascii"):
        raise ApiError(415, f"text/plain must be UTF-8; got charset={charset}")
    try:
        return {"text": request.get_data(cache=False).decode("utf-8")}
    except UnicodeDecodeError as error:
        raise ApiError(400, f"body is not valid UTF-8: {error.reason} at byte {error.start}") from None


def _read_html() -> str | bytes:
    """A text/html body: decoded by its declared charset, else handed over as bytes for the
    extractor to decode by the page's own <meta charset> or by detection."""
    body = request.get_data(cache=False)
    charset = request.mimetype_params.get("charset")
    if charset is None:
        return body
    try:
        return body.decode(charset)
    except LookupError:
        raise ApiError(415, f"unknown charset={charset}") from None
    except UnicodeDecodeError as error:
        raise ApiError(400, f"body is not valid {charset}: {error.reason} at byte {error.start}") from None


def article_of(payload: dict) -> Article:
    """What the engine scores: the text, or the article of a page, checked to be English."""
    return read_article(
        text=payload.get("text"), html=payload.get("html"), title=payload.get("title"), url=payload.get("url"),
        max_chars=current_app.config["CREDENCE_MAX_TEXT_CHARS"],
    )


def read_request_article(schema: Schema = _score_request) -> tuple[Article, dict]:
    """The article of a /v1/score-style request (JSON, text/plain or text/html) and the
    request document validated by ``schema`` (/v1/articles adds metadata); 4xx otherwise."""
    if _is_json(request.mimetype):
        payload = _validate(schema, _read_json())
    elif request.mimetype == "text/plain":
        payload = _validate(schema, _read_plain_text())
    elif request.mimetype == "text/html":
        payload = {"html": _read_html()}
    else:
        raise ApiError(
            415, f"unsupported media type {request.mimetype or '(none)'!r}: send application/json, text/plain or text/html"
        )
    try:
        return article_of(payload), payload
    except Refused as error:
        raise ApiError(422, str(error), errors={error.field: [str(error)]}) from None


def validate_score_request(document: object) -> dict:
    """A /v1/score JSON document (also the viewer's form), validated; 422 otherwise."""
    return _validate(_score_request, document)


def _validate(schema: Schema, document: object) -> dict:
    try:
        return schema.load(document)
    except ValidationError as error:
        raise ApiError(422, _validation_message(error.messages), errors=_as_dict(error.messages)) from None


def _as_dict(messages) -> dict:
    return messages if isinstance(messages, dict) else {"_schema": messages}


def _validation_message(messages) -> str:
    articles = messages.get("articles") if isinstance(messages, dict) else None
    if isinstance(articles, dict) and articles:
        indexes = ", ".join(str(index) for index in sorted(articles, key=lambda i: int(i) if str(i).isdigit() else -1))
        return f"request failed validation: articles at index {indexes}"
    return "request failed validation"


def _analyse(scorer: Engine, text: str):
    with timed_stage("analyse"):
        return scorer.analyse(text)


def _json_response(body: dict) -> Response:
    return current_app.json.response(body)


@blp.route("/score", methods=["POST"])
@blp.arguments(ScoreQuerySchema, location="query", as_kwargs=True)
@blp.doc(
    requestBody={
        "required": True,
        "content": {
            **_JSON_BODY,
            "text/plain": plain_text_body("The article text."),
            "text/html": {"schema": {"type": "string", "minLength": 1, "description": "A web page; its article is scored."}},
        },
    }
)
@blp.response(200, ScoreResponseSchema)
# Written out whole: a manual 200 replaces the generated one, and ?format=text answers text/plain.
@blp.doc(responses={"200": {
    "description": "The article's claims, attributions, scores and rating.",
    "content": {
        "application/json": {"schema": ScoreResponseSchema},
        "text/plain": {"schema": {"type": "string", "description": "With ?format=text: one line per claim."}},
    },
}})
@_document_errors
def score(format: str, explain: bool):
    """Score one article.

    Send JSON `{"text": ..., "title"?: ..., "url"?: ...}` (or `"html"` in place of `text`), the
    bare text as `text/plain; charset=utf-8`, or a web page as `text/html`. A page's article is
    extracted and returned as `document`; text that is not English is a 422 naming its language.
    `?format=text` answers with a plain-text explanation.
    """
    article, _ = read_request_article()
    with within_request_deadline():
        result = _analyse(engine(), article.text)
        with timed_stage("render"):
            if format == "text":
                # A lone surrogate (legal in a JSON string) has no UTF-8 form: it prints as "?".
                return Response(render_text(result).encode("utf-8", "replace"), mimetype="text/plain")
            return _json_response(score_body(engine(), article, result, explain=explain))


@blp.route("/score/batch", methods=["POST"])
@blp.arguments(BatchQuerySchema, location="query", as_kwargs=True)
@blp.doc(requestBody={"required": True, "content": {"application/json": {"schema": BatchRequestSchema}}})
@blp.response(200, BatchResponseSchema, description="One result per article, in request order.")
@_document_errors
def score_batch(format: str, explain: bool):
    """Score up to CREDENCE_MAX_BATCH_ARTICLES articles; one bad article fails the whole batch (422 naming its index)."""
    if not _is_json(request.mimetype):
        raise ApiError(415, f"unsupported media type {request.mimetype or '(none)'!r}: send application/json")
    payload = _validate(_batch_request, _read_json())
    articles, refused = [], {}
    for index, item in enumerate(payload["articles"]):
        try:
            articles.append((item["id"], article_of(item)))
        except Refused as error:
            refused[index] = {error.field: [str(error)]}
    if refused:
        errors = {"articles": refused}
        raise ApiError(422, _validation_message(errors), errors=errors)
    total = sum(len(article.text) for _, article in articles)
    limit = current_app.config["CREDENCE_MAX_BATCH_CHARS"]
    if total > limit:
        raise ApiError(413, f"the batch holds {total} characters of text; the limit is {limit} (CREDENCE_MAX_BATCH_CHARS)")
    scorer = engine()
    with within_request_deadline():
        results = []
        for id_, article in articles:
            result = _analyse(scorer, article.text)
            with timed_stage("render"):
                results.append({"id": id_, **score_body(scorer, article, result, explain=explain)})
        return _json_response({"results": results})


@blp.route("/health", methods=["GET"])
@blp.response(200, HealthSchema)
@blp.doc(security=[])
def health():
    """Liveness and the model version in use."""
    return {"status": "ok", "model": {"version": engine().model_version}}
