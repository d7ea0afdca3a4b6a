"""Operators' features, each off until its setting is given: rate limits and CORS.

**Rate limits** (CREDENCE_RATE_LIMIT, Flask-Limiter): counted per API key when the request
carries a valid one, otherwise per client address, so random keys cannot mint fresh
budgets. Over the limit the answer is 429 in the error shape with ``Retry-After`` (seconds)
and the ``X-RateLimit-*`` headers. Counters live in CREDENCE_RATE_LIMIT_STORAGE: memory is
per worker process (with N workers a client can get up to N times the limit), a Redis URL
shares them between workers and instances (if it cannot be reached, requests pass
and the error is logged). Health checks and CORS preflights are not
counted. Checked before the key itself, so guessing keys is limited too.

**CORS** (CREDENCE_CORS_ORIGINS, flask-cors): browser pages from the listed origins may call
the API with ``Authorization`` and ``Content-Type`` and read ``X-Request-ID`` and the rate
limit headers; no other origin gets an ``Access-Control-Allow-Origin``. A preflight
(``OPTIONS``) needs no key (service.security).
"""
from __future__ import annotations

import hashlib

from flask import Flask, current_app, request

from .security import OPEN_PATHS, bearer_token, key_matches

RATE_LIMIT_HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After")


def rate_limit_key() -> str:
    """The valid API key's digest when there is one, else the client address."""
    digests = current_app.config["CREDENCE_API_KEYS"]
    token = bearer_token(request.headers.get("Authorization"))
    if digests and token is not None and key_matches(token, digests):
        return "key:" + hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
    return "address:" + (request.remote_addr or "unknown")


def install_rate_limits(app: Flask) -> None:
    """Register before the API-key check (app.py), so refused keys count against the address."""
    limits = app.config["CREDENCE_RATE_LIMIT"]
    if not limits:
        return
    from flask_limiter import Limiter

    limiter = Limiter(
        rate_limit_key,
        app=app,
        default_limits=[limits],
        storage_uri=app.config["CREDENCE_RATE_LIMIT_STORAGE"],
        headers_enabled=True,
        retry_after="delta-seconds",
        key_prefix="credence",
        # A storage outage (Redis down) lets requests through and is logged, rather than
        # turning every request into a 500.
        swallow_errors=True,
    )
    limiter.request_filter(lambda: request.path in OPEN_PATHS or request.method == "OPTIONS")


def install_cors(app: Flask) -> None:
    origins = app.config["CREDENCE_CORS_ORIGINS"]
    if not origins:
        return
    from flask_cors import CORS

    CORS(
        app,
        origins=list(origins),
        methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type", "Content-Encoding", "X-Request-ID"],
        expose_headers=["X-Request-ID", *RATE_LIMIT_HEADERS],
        max_age=600,
        vary_header=True,
    )
