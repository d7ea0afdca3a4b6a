"""The stored-results endpoints: /v1/articles, /v1/audit, /v1/stories/{story}.

Views translate only: request -> ``ArticleStore`` (service/store) -> body. The store is
opened once per app (``create_app``) and kept in ``app.extensions``.
"""
from __future__ import annotations

import datetime as dt

from flask import current_app, url_for
from flask_smorest import Blueprint
from marshmallow import RAISE

from .api import _analyse, engine, read_request_article
from .deadline import within_request_deadline
from .errors import ApiError
from .intake import score_body
from .schemas import ErrorSchema, plain_text_body
from .store import ArticleStore, BadCursor, Filters
from .store_schemas import (
    ArticleListQuerySchema,
    ArticleListSchema,
    ArticleRequestSchema,
    AuditQuerySchema,
    AuditSchema,
    StoredArticleSchema,
    STORABLE_TEXT,
    UNSTORABLE,
    StorySchema,
    storable,
)

STORE_EXTENSION = "credence_store"

blp = Blueprint("store", __name__, url_prefix="/v1", description="Stored results, sourcing audits and stories.")

_article_request = ArticleRequestSchema()
_ERRORS = {
    401: "Missing or invalid API key (only when the service runs with CREDENCE_API_KEYS).",
    422: "Failed validation (malformed date, unknown parameter, bad cursor); `errors` has per-field messages.",
}


def _errors(*codes: int, **described: str):
    def document(view):
        for code in codes:
            view = blp.alt_response(code, schema=ErrorSchema, description=_ERRORS[code])(view)
        for code, description in described.items():
            view = blp.alt_response(int(code[1:]), schema=ErrorSchema, description=description)(view)
        return view
    return document


def _scored(article) -> dict:
    """The scoring body, within the request's deadline like /v1/score (the store write after
    it is not interrupted: it is one short transaction)."""
    with within_request_deadline():
        return score_body(engine(), article, _analyse(engine(), article.text))


def _page_value(value: str | None, limit: int) -> str | None:
    """A value read from a page, cut to its column's length; None if no column can hold it."""
    return value[:limit] if value and storable(value) else None


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def store() -> ArticleStore:
    return current_app.extensions[STORE_EXTENSION]


def _not_found(what: str):
    return ApiError(404, f"no stored {what}")


@blp.route("/articles", methods=["POST"])
@blp.doc(requestBody={
    "required": True,
    "content": {
        # Exactly one of text and html, as for /v1/score.
        "application/json": {"schema": {
            "allOf": [ArticleRequestSchema], "oneOf": [{"required": ["text"]}, {"required": ["html"]}],
        }},
        "text/plain": plain_text_body("The article text (no metadata).", STORABLE_TEXT),
        "text/html": {"schema": {"type": "string", "minLength": 1, "description": "A web page; its article is stored."}},
    },
})
@blp.response(201, StoredArticleSchema, description="Scored and stored; `Location` names it.")
@blp.alt_response(200, schema=StoredArticleSchema, description="The same text and metadata were stored before: that article.")
@_errors(401, 422, _400="Malformed JSON or undecodable text.", _413="Body larger than CREDENCE_MAX_BODY_BYTES.",
         _415="Unsupported media type.")
def post_article():
    """Score an article and store it with its metadata.

    The same text and metadata posted again is the same article: 200 with the stored one.
    """
    article, payload = read_request_article(_article_request)
    if not storable(article.text):  # also a page's extracted text
        raise ApiError(422, "request failed validation", errors={"text": [UNSTORABLE]})
    metadata = {name: payload.get(name) for name in ("outlet", "author", "published", "story")}
    metadata.update(title=article.title, url=article.url)
    if article.document is not None:  # a page: its own byline and date where the caller gave none
        metadata["author"] = metadata["author"] or _page_value(article.document.author, 500)
        metadata["published"] = metadata["published"] or _date(article.document.date)
    metadata["title"] = _page_value(metadata["title"], 2000)
    stored, created = store().put(article.text, metadata, lambda text: _scored(article))
    response = current_app.json.response(stored)
    if created:
        response.status_code = 201
        response.headers["Location"] = url_for("store.get_article", article_id=stored["id"])
    return response


@blp.route("/articles/<string:article_id>", methods=["GET"])
@blp.response(200, StoredArticleSchema)
@_errors(401, _404="No stored article has this id.")
def get_article(article_id: str):
    """One stored article: its metadata and the scoring body as stored."""
    found = store().get(article_id) if storable(article_id) else None
    if found is None:
        raise _not_found(f"article has id {article_id!r}")
    return current_app.json.response(found)


@blp.route("/articles", methods=["GET"])
@blp.arguments(ArticleListQuerySchema, location="query", as_kwargs=True, unknown=RAISE)
@blp.response(200, ArticleListSchema)
@_errors(401, 422)
def list_articles(limit: int, cursor: str | None = None, **filters):
    """Stored articles, newest first (published date, else the day stored), a page at a time."""
    try:
        page, next_cursor = store().list(Filters(**filters), limit, cursor)
    except BadCursor as error:
        raise ApiError(422, "request failed validation", errors={"cursor": [str(error)]}) from None
    return current_app.json.response({"articles": page, "next_cursor": next_cursor})


@blp.route("/audit", methods=["GET"])
@blp.arguments(AuditQuerySchema, location="query", as_kwargs=True, unknown=RAISE)
@blp.response(200, AuditSchema)
@_errors(401, 422)
def audit(top: int, **filters):
    """The sourcing profile of the matching stored articles."""
    return current_app.json.response(store().audit(Filters(**filters), top))


@blp.route("/stories/<string:story>", methods=["GET"])
@blp.response(200, StorySchema)
@_errors(401, _404="No stored article belongs to this story.")
def get_story(story: str):
    """The articles of one story and how they are sourced: sources merged across articles,
    who reaches each first-hand, and who is cited through whom."""
    return current_app.json.response(story_or_404(story))


def story_or_404(story: str) -> dict:
    view = store().story(story) if storable(story) else None
    if view is None:
        raise _not_found(f"article belongs to story {story!r}")
    return view
