"""Access control: optional API keys, and response headers that keep browsers honest.

With ``CREDENCE_API_KEYS`` set, every request except ``/v1/health`` (which load balancers
and orchestrators probe without credentials), the API's description (``/docs``, its assets
and ``/v1/openapi.json``: the page loads without a key, and its "Authorize" button sends the
key with each call made from it) and CORS preflights must carry ``Authorization: Bearer KEY``;
without a valid one the answer is a 401 in the one error shape with a
``WWW-Authenticate: Bearer`` challenge (RFC 6750). The service holds only SHA-256
digests of the keys (service.config); a presented key is hashed and compared with every
digest by ``hmac.compare_digest``, without stopping at the first match, so neither the
comparison nor the number of keys tried leaks through timing. Keys are never logged.
"""
from __future__ import annotations

import hashlib
import hmac
from typing import Sequence

from flask import Flask, request

from .errors import ApiError

# Probed by load balancers and orchestrators, which carry no credentials.
OPEN_PATHS = frozenset({"/v1/health"})
# The API's description: public, so /docs loads and authorises its calls with the key given on the page.
DOCUMENTATION_PATHS = frozenset({"/docs", "/v1/openapi.json"})
DOCUMENTATION_ASSETS = "/docs/assets/"
# The name of the security scheme in the OpenAPI document.
BEARER_SCHEME = "bearerAuth"
BEARER_SCHEME_SPEC = {
    "type": "http",
    "scheme": "bearer",
    "description": (
        "Required on every endpoint but /v1/health and the API's description when the service "
        "is started with CREDENCE_API_KEYS; without it (or with a wrong key) the answer is 401."
    ),
}
_REALM = 'Bearer realm="credence"'


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer TOKEN`` header (scheme case-insensitive)."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def key_matches(token: str, digests: Sequence[bytes]) -> bool:
    """Whether ``token`` hashes to one of ``digests``, in time independent of which one."""
    presented = hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()
    matched = False
    for digest in digests:
        matched |= hmac.compare_digest(presented, digest)
    return matched


def needs_no_key() -> bool:
    """Health, the API's description, and CORS preflights (a browser sends those without credentials)."""
    path = request.path
    return (
        path in OPEN_PATHS
        or path in DOCUMENTATION_PATHS
        or path.startswith(DOCUMENTATION_ASSETS)
        or request.method == "OPTIONS"
    )


def install_api_keys(app: Flask) -> None:
    """Require a key on every path but OPEN_PATHS when the app was configured with keys."""
    digests = app.config["CREDENCE_API_KEYS"]
    if not digests:
        return

    @app.before_request
    def require_api_key() -> None:
        if needs_no_key():
            return
        token = bearer_token(request.headers.get("Authorization"))
        if token is None:
            raise ApiError(
                401,
                "this service needs an API key: send Authorization: Bearer KEY",
                headers={"WWW-Authenticate": _REALM},
            )
        if not key_matches(token, digests):
            raise ApiError(
                401,
                "the API key is not valid",
                headers={"WWW-Authenticate": f'{_REALM}, error="invalid_token"'},
            )


def install_security_headers(app: Flask) -> None:
    """``nosniff`` on every answer, so text/plain echoes of article text are never run as HTML."""

    @app.after_request
    def no_sniffing(response):
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response
