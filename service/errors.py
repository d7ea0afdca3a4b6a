"""Errors: every outcome other than success is JSON in one shape.

``{"code": int, "status": str, "message": str, "errors": {...}}`` (docs/api.md). Client
mistakes map to 400/413/415/422, unknown routes to 404, wrong methods to 405. An
unexpected failure is logged with its traceback and answered with a 500 in the same
shape, never a stack trace.
"""
from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from .observability import request_id

log = logging.getLogger(__name__)

# Headers of an HTTP error that a client needs (Allow on 405, WWW-Authenticate on 401).
_KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After")


class ApiError(HTTPException):
    """An HTTP error raised by our own code, with optional per-field ``errors``."""

    def __init__(self, code: int, message: str, errors: dict | None = None, headers: dict | None = None):
        super().__init__(description=message)
        self.code = code
        self.errors = errors or {}
        self.extra_headers = headers or {}


def error_body(code: int, message: str, errors: dict | None = None) -> dict:
    return {
        "code": code,
        "status": HTTP_STATUS_CODES.get(code, "Error"),
        "message": message,
        "errors": errors or {},
    }


def http_error_response(error: HTTPException):
    """Turn any werkzeug/flask-smorest HTTP exception into the error shape."""
    code = error.code or 500
    data = getattr(error, "data", None) or {}
    errors = getattr(error, "errors", None) or data.get("errors") or data.get("messages") or {}
    message = data.get("message") or error.description or HTTP_STATUS_CODES.get(code, "Error")
    response = jsonify(error_body(code, message, errors))
    response.status_code = code
    headers = dict(error.get_headers())
    headers.update(getattr(error, "extra_headers", {}))
    headers.update(data.get("headers") or {})
    for name in _KEPT_HEADERS:
        if name in headers:
            response.headers[name] = headers[name]
    return response


def unexpected_error_response(error: Exception):
    log.exception("unexpected error while handling request %s", request_id())
    return http_error_response(InternalServerError("internal error: the request could not be scored"))


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, http_error_response)
    app.register_error_handler(Exception, unexpected_error_response)
