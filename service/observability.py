"""Request ids and the access log: one JSON line per request on ``credence.access``.

Each line has the time, request id, method, path, status, duration_ms, bytes in and out
and the client address. It never has the article text, the query string, any header
value (so never the Authorization header or an API key): only what an operator needs to
count, time and trace requests. JSON encoding escapes control characters, so a hostile
path cannot forge log lines.

The request id is the client's ``X-Request-ID`` when it is sane (1 to 128 characters of
``A-Z a-z 0-9 . _ -``), so a caller can follow one request through its own logs and
ours; otherwise a fresh one. It is echoed in the ``X-Request-ID`` response header.
"""
from __future__ import annotations

import json
import logging
import re
import time
import uuid
from datetime import datetime, timezone

from flask import Flask, g, request

REQUEST_ID_HEADER = "X-Request-ID"
ACCESS_LOGGER = "credence.access"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
# Paths are client-chosen; a bounded excerpt is enough to see what was asked for.
_LOGGED_PATH_CHARS = 256

access_log = logging.getLogger(ACCESS_LOGGER)


def request_id() -> str:
    """This request's id: the client's sane X-Request-ID, else a new one (kept in ``g``)."""
    if "request_id" not in g:
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = offered if _SANE_REQUEST_ID.fullmatch(offered) else new_request_id()
    return g.request_id


def install_request_logging(app: Flask) -> None:
    """Time every request, echo its id and write its access line.

    Registered before any other request hook, so the clock starts first and requests
    refused by a later hook (a 401) are logged too.
    """

    @app.before_request
    def start_clock() -> None:
        g.request_started = time.perf_counter()
        request_id()

    @app.after_request
    def log_request(response):
        response.headers[REQUEST_ID_HEADER] = request_id()
        write_access_line(
            request_id=request_id(),
            method=request.method,
            path=request.path,
            status=response.status_code,
            duration_ms=(time.perf_counter() - g.request_started) * 1000,
            bytes_in=request.content_length,
            bytes_out=response.calculate_content_length(),
            remote_addr=request.remote_addr,
        )
        return response


def new_request_id() -> str:
    return uuid.uuid4().hex


def write_access_line(*, request_id: str, method: str | None, path: str | None, status: int, duration_ms: float,
                      bytes_in: int | None, bytes_out: int | None, remote_addr: str | None) -> None:
    """The one access-line format, for requests the app answers and for those the server
    refuses before the app sees them (service.gunicorn_worker: method and path then None)."""
    access_log.info(
        json.dumps(
            {
                "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                "request_id": request_id,
                "method": method,
                "path": None if path is None else path[:_LOGGED_PATH_CHARS],
                "status": status,
                "duration_ms": round(duration_ms, 2),
                "bytes_in": bytes_in,
                "bytes_out": bytes_out,
                "remote_addr": remote_addr,
            }
        )
    )
