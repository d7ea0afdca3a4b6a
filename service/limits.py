"""The request body limit (CREDENCE_MAX_BODY_BYTES), for every way a body can arrive.

werkzeug refuses a declared ``Content-Length`` over the limit, but a chunked upload
declares no length, and for it werkzeug's stream silently stops at the limit: the view
would score a truncated article. So a body of unknown length is read here, up to one
byte past the limit: over it, 413; otherwise it is handed on as a body of known length.
Both 413s name the limit.
"""
from __future__ import annotations

import io

from flask import Flask, current_app, request

from .errors import ApiError


def _too_large() -> ApiError:
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    return ApiError(413, f"request body is larger than {limit} bytes (the limit, CREDENCE_MAX_BODY_BYTES)")


def install_body_limit(app: Flask) -> None:
    """Refuse over-limit bodies before the view reads them (register after authentication,
    so an unauthenticated client cannot make the service buffer a body)."""

    @app.before_request
    def limit_body() -> None:
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        declared = request.content_length
        if declared is not None:
            if declared > limit:
                raise _too_large()
            return
        environ = request.environ
        if not environ.get("wsgi.input_terminated"):
            return  # the server does not delimit a streamed body; werkzeug reads none of it
        body = environ["wsgi.input"].read(limit + 1)
        if len(body) > limit:
            raise _too_large()
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
