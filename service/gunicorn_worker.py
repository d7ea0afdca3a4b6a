"""The gunicorn worker credence runs: gunicorn's threaded worker, made safe to face clients.

Chosen by measurement (bench/load_fault.py, README "Serving"): with sync workers, two
connections that send nothing hold both workers; with threads, an idle connection waits
in the worker's poller and a slow one holds one thread of many, while scoring runs in the
other threads (CPU-bound, never on an event loop). Three additions to gunicorn's worker:

- **New connections wait in the poller.** gunicorn hands a new connection to a thread,
  which waits up to 5 s for its first byte: a few idle connections per thread would starve
  the worker. Here a new connection waits in the poller like a kept-alive one (closed after
  gunicorn's keep-alive time if nothing comes) and gets a thread once it has sent something.
- **Read deadlines.** gunicorn reads a request's head and body with blocking reads and no
  time limit, so a client trickling one byte at a time would hold a thread for ever. Each
  read here stops at a deadline: the head must arrive within CREDENCE_HEADER_TIMEOUT of the
  connection becoming readable, the body within CREDENCE_TIMEOUT of the head. A read past
  it reads as end of input, so gunicorn closes the connection as if the client had gone.
- **Errors in the JSON shape.** gunicorn answers what it cannot parse (a bad request line,
  header or chunk framing, a request line or header over its limit) with an HTML page that
  echoes the offending text. Here the answer is the service's error shape
  ``{"code","status","message","errors"}`` with an ``X-Request-ID``, one access line like
  any request's, and a log line naming the kind of error only, never the bytes received.
- **Memory handed back after large requests.** glibc keeps freed memory in the arena that held it (one arena per
  thread that allocated at once, up to eight per core): after the pathological inputs of `bench.load_fault`
  (8 MB bodies among them) a worker stayed at 160-180 MB resident. The worker caps the arenas at two before its
  threads start and, after a request whose body is over a megabyte, asks glibc to return its free pages
  (``malloc_trim``): a few milliseconds, paid only by such requests.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import math
import selectors
import time
from functools import partial

from gunicorn import util
from gunicorn.http import errors as http_errors
from gunicorn.workers.gthread import ThreadWorker
from werkzeug.http import HTTP_STATUS_CODES

from .config import load_config
from .errors import error_body
from .observability import REQUEST_ID_HEADER, new_request_id, write_access_line

# Protocol errors that are the client's, with their status; any other ParseException is a 400.
_CLIENT_ERROR_STATUS = {
    http_errors.LimitRequestLine: (414, "the request line is longer than the server accepts (4094 bytes)"),
    http_errors.LimitRequestHeaders: (431, "the request headers are larger than the server accepts"),
    http_errors.UnsupportedTransferCoding: (501, "unsupported Transfer-Encoding: send chunked (optionally after gzip or deflate)"),
    http_errors.ExpectationFailed: (417, "unsupported Expect header"),
    http_errors.ForbiddenProxyRequest: (403, "request forbidden"),
}
_CHUNK_ERRORS = (http_errors.InvalidChunkSize, http_errors.ChunkMissingTerminator, http_errors.InvalidChunkExtension)
_SERVER_FAULTS = (http_errors.ConfigurationProblem, http_errors.InvalidResponseHeader, http_errors.InvalidResponseHeaderName)


def protocol_error(exc: BaseException) -> tuple[int, str]:
    """The status and message for an error raised while gunicorn handled a request."""
    for kind, answer in _CLIENT_ERROR_STATUS.items():
        if isinstance(exc, kind):
            return answer
    if isinstance(exc, _CHUNK_ERRORS):
        return 400, "malformed chunked body framing"
    if isinstance(exc, http_errors.ParseException) and not isinstance(exc, _SERVER_FAULTS):
        return 400, "malformed HTTP request: the request line or a header could not be parsed"
    return 500, "internal error: the request could not be answered"


def raw_error_response(status: int, message: str, request_id: str) -> bytes:
    body = json.dumps(error_body(status, message)).encode()
    head = (
        f"HTTP/1.1 {status} {HTTP_STATUS_CODES.get(status, 'Error')}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"{REQUEST_ID_HEADER}: {request_id}\r\n"
        "X-Content-Type-Options: nosniff\r\n\r\n"
    )
    return head.encode("latin-1") + body


class _DeadlineSocket:
    """A client socket whose reads end (as end of input) at ``read_deadline``."""

    def __init__(self, sock):
        self._sock = sock
        self.read_deadline = math.inf

    def __getattr__(self, name):
        return getattr(self._sock, name)

    def recv(self, size, *flags):
        remaining = self.read_deadline - time.monotonic()
        if remaining <= 0:
            return b""
        current = self._sock.gettimeout()
        if current == 0.0:  # a non-blocking caller (gunicorn's poller side) keeps its own rules
            return self._sock.recv(size, *flags)
        self._sock.settimeout(remaining if current is None else min(current, remaining))
        try:
            return self._sock.recv(size, *flags)
        except TimeoutError:
            return b""
        finally:
            self._sock.settimeout(current)


_M_ARENA_MAX = -8  # glibc's mallopt parameter
MALLOC_ARENAS = 2
TRIM_AFTER_BYTES = 1 << 20


def _glibc():
    """The C library when it is glibc (mallopt and malloc_trim are its own), else None."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except (OSError, TypeError):
        return None


_LIBC = _glibc()


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas; called before the worker starts its threads. False without glibc."""
    return _LIBC is not None and bool(_LIBC.mallopt(_M_ARENA_MAX, arenas))


def return_free_memory() -> bool:
    """Hand glibc's free pages back to the system. False without glibc, or when there were none."""
    return _LIBC is not None and bool(_LIBC.malloc_trim(0))


def _large_body(req) -> bool:
    """Whether a request's body was over ``TRIM_AFTER_BYTES``, or of a length not declared (chunked)."""
    for name, value in req.headers:
        if name == "CONTENT-LENGTH":
            return value.isdigit() and int(value) > TRIM_AFTER_BYTES
    return any(name == "TRANSFER-ENCODING" for name, _ in req.headers)


class CredenceWorker(ThreadWorker):
    """gunicorn's gthread worker with read deadlines and protocol errors in the JSON shape."""

    def init_process(self):
        settings = load_config()
        self.head_seconds = settings["CREDENCE_HEADER_TIMEOUT"]
        self.body_seconds = settings["CREDENCE_TIMEOUT"]
        limit_malloc_arenas()
        super().init_process()

    def enqueue_req(self, conn):
        # Runs in the main thread for every connection about to get a thread: a new one, a
        # pending one that became readable, a kept-alive one with a next request arriving.
        if not isinstance(conn.sock, _DeadlineSocket):
            conn.sock = _DeadlineSocket(conn.sock)
        if not conn.initialized and not conn.data_ready:
            self._wait_in_poller(conn)
            return
        conn.sock.read_deadline = time.monotonic() + self.head_seconds
        super().enqueue_req(conn)

    def _wait_in_poller(self, conn):
        """gunicorn's own path for a connection whose first byte is late, taken at once."""
        conn.sock.setblocking(False)
        conn.timeout = time.monotonic() + self.cfg.keepalive
        self.pending_conns.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn))

    def handle_request(self, req, conn):
        conn.sock.read_deadline = time.monotonic() + self.body_seconds
        try:
            return super().handle_request(req, conn)
        finally:
            if _large_body(req):
                return_free_memory()

    def handle_error(self, req, client, addr, exc):
        started = time.perf_counter()
        status, message = protocol_error(exc)
        remote_addr = (addr or ("", -1))[0] if isinstance(addr, tuple) else None
        if status == 500:  # not the client's doing: worth a traceback
            self.log.error("error handling a request: %s", type(exc).__name__, exc_info=exc)
        else:
            self.log.warning("refused a malformed request from %s: %s", remote_addr, type(exc).__name__)
        request_id = new_request_id()
        response = raw_error_response(status, message, request_id)
        write_access_line(
            request_id=request_id,
            method=getattr(req, "method", None),
            path=getattr(req, "path", None),
            status=status,
            duration_ms=(time.perf_counter() - started) * 1000,
            bytes_in=None,
            bytes_out=len(response),
            remote_addr=remote_addr,
        )
        try:
            util.write_nonblock(client, response)
        except OSError:
            self.log.debug("could not send the error response")
