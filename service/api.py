"""The v1 HTTP API (docs/api.md). Views only translate: request -> engine -> body.

The score view accepts JSON or text/plain, so it reads its body itself (webargs would
refuse text/plain) and validates with the same marshmallow schema that documents it.
"""
from __future__ import annotations

import json

from flask import Response, current_app, request
from flask_smorest import Blueprint
from marshmallow import Schema, ValidationError

from .errors import ApiError
from .pipeline.engine import Engine
from .pipeline.report import render, render_text
from .schemas import (
    BatchQuerySchema,
    BatchRequestSchema,
    BatchResponseSchema,
    ErrorSchema,
    HealthSchema,
    ScoreQuerySchema,
    ScoreRequestSchema,
    ScoreResponseSchema,
)

ENGINE_EXTENSION = "credence_engine"

blp = Blueprint("v1", __name__, url_prefix="/v1", description="Score how well a news article sources its claims.")

_score_request = ScoreRequestSchema()
_batch_request = BatchRequestSchema()
_JSON_BODY = {"application/json": {"schema": ScoreRequestSchema}}
_ERRORS = {
    400: "Malformed JSON or undecodable text.",
    401: "Missing or invalid API key (only when the service runs with CREDENCE_API_KEYS).",
    413: "Body larger than CREDENCE_MAX_BODY_BYTES.",
    415: "Unsupported media type.",
    422: "Failed validation; `errors` has per-field messages.",
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


def _json_response(body: dict) -> Response:
    return current_app.json.response(body)


@blp.route("/score", methods=["POST"])
@blp.arguments(ScoreQuerySchema, location="query", as_kwargs=True)
@blp.doc(
    requestBody={
        "required": True,
        "content": {
            **_JSON_BODY,
            "text/plain": {"schema": {"type": "string", "minLength": 1, "description": "The article text."}},
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

    Send JSON `{"text": ..., "title"?: ..., "url"?: ...}` or the bare text as
    `text/plain; charset=utf-8`. `?format=text` answers with a plain-text explanation.
    """
    if _is_json(request.mimetype):
        payload = _validate(_score_request, _read_json())
    elif request.mimetype == "text/plain":
        payload = _validate(_score_request, _read_plain_text())
    else:
        raise ApiError(415, f"unsupported media type {request.mimetype or '(none)'!r}: send application/json or text/plain")
    result = engine().analyse(payload["text"])
    if format == "text":
        # A lone surrogate (legal in a JSON string) has no UTF-8 form: it prints as "?".
        return Response(render_text(result).encode("utf-8", "replace"), mimetype="text/plain")
    return _json_response(render(result, engine().model_version, explain=explain))


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
    scorer = engine()
    results = [
        {"id": article["id"], **render(scorer.analyse(article["text"]), scorer.model_version, explain=explain)}
        for article in payload["articles"]
    ]
    return _json_response({"results": results})


@blp.route("/health", methods=["GET"])
@blp.response(200, HealthSchema)
@blp.doc(security=[])
def health():
    """Liveness and the model version in use."""
    return {"status": "ok", "model": {"version": engine().model_version}}
