"""The request body: read once, within CREDENCE_MAX_BODY_BYTES, decoded, before any view.

- **Size.** werkzeug refuses a declared ``Content-Length`` over the limit, but a chunked
  upload declares no length, and for it werkzeug's stream silently stops at the limit: the
  view would score a truncated article. So every body is read here, up to one byte past
  the limit: over it, 413 naming the limit.
- **Framing.** A body the server cannot read (bad chunk framing, a client that stops
  early or too slowly) is a 400. The server's exception may quote the bytes received, so
  it is neither shown nor logged.
- **Encodings.** ``Content-Encoding`` and ``Transfer-Encoding`` codings other than
  ``chunked`` (``gzip``, ``deflate``, ``identity``) are decoded, the output capped at the
  same limit (a decompression bomb is a 413 after at most limit + 1 bytes of output); any
  other coding is a 415. A compressed body is never handed on as if it were plain.

The view then sees a plain body of known length.
"""
from __future__ import annotations

import io
import zlib

from flask import Flask, current_app, request

from .errors import ApiError

# Codings decoded here, and the zlib window that reads each (gzip header, or zlib's).
_DECODERS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
_NO_OP_CODINGS = {"", "identity", "chunked"}


def _too_large(what: str = "request body") -> ApiError:
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    return ApiError(413, f"{what} is larger than {limit} bytes (the limit, CREDENCE_MAX_BODY_BYTES)")


def _codings(environ: dict) -> list[str]:
    """The codings applied to the body, in the order the sender applied them."""
    content = environ.get("HTTP_CONTENT_ENCODING", "")
    transfer = environ.get("HTTP_TRANSFER_ENCODING", "")
    named = [part.strip().lower() for header in (content, transfer) for part in header.split(",")]
    codings = [coding for coding in named if coding not in _NO_OP_CODINGS]
    for coding in codings:
        if coding not in _DECODERS:
            raise ApiError(415, f"unsupported body coding {coding[:40]!r}: send the body plain, gzip or deflate")
    return codings


def _decode(coding: str, body: bytes, limit: int) -> bytes:
    decoder = zlib.decompressobj(_DECODERS[coding])
    try:
        decoded = decoder.decompress(body, limit + 1)
    except zlib.error:
        raise ApiError(400, f"the body is not valid {coding} data") from None
    if len(decoded) > limit:
        raise _too_large(f"the {coding}-decoded body")
    if not decoder.eof or decoder.unused_data:
        raise ApiError(400, f"the {coding} data is truncated or followed by other bytes")
    return decoded


def _read(stream, size: int) -> bytes:
    try:
        return stream.read(size)
    except Exception:  # noqa: BLE001 - whatever the server's reader raises; its text may quote the body
        raise ApiError(400, "the request body could not be read: malformed chunked framing, or it ended early or arrived too slowly") from None


def install_body_limit(app: Flask) -> None:
    """Read, limit and decode every body before the view (register after authentication,
    so an unauthenticated client cannot make the service buffer a body)."""

    @app.before_request
    def read_body() -> None:
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        environ = request.environ
        declared = request.content_length
        if declared is not None and declared > limit:
            raise _too_large()
        codings = _codings(environ)
        if declared is None and not environ.get("wsgi.input_terminated"):
            return  # the server does not delimit a streamed body; werkzeug reads none of it
        body = _read(environ["wsgi.input"], limit + 1 if declared is None else declared)
        if declared is not None and len(body) < declared:
            raise ApiError(400, f"the request body ended after {len(body)} of the {declared} bytes declared")
        if len(body) > limit:
            raise _too_large()
        for coding in reversed(codings):
            if body:
                body = _decode(coding, body, limit)
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        for header in ("HTTP_TRANSFER_ENCODING", "HTTP_CONTENT_ENCODING"):
            environ.pop(header, None)
