"""A deadline inside the app: a request still scoring at CREDENCE_TIMEOUT is stopped.

The scoring stages are pure Python; a thread cannot be killed, but CPython can raise an
exception in it (``PyThreadState_SetAsyncExc``, public C API), delivered at the next
bytecode the thread runs. A timer does that when the request's time is up; the view then
answers 503 in the error shape with the request id, the access line is written as for
every request, and the worker and its other threads go on. A single call into C code (one
regular-expression match) is not interrupted: it ends first.
"""
from __future__ import annotations

import ctypes
import logging
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from flask import current_app, g

from .errors import ApiError
from .observability import request_id

log = logging.getLogger(__name__)


class DeadlineExceeded(BaseException):
    """Raised inside the scoring thread; a BaseException, so no ``except Exception`` in a
    stage can swallow it."""


def _raise_in_thread(thread_id: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None)


@contextmanager
def _interrupt_after(seconds: float) -> Iterator[None]:
    """Raise DeadlineExceeded in this thread if the block runs longer than ``seconds``."""
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"finished": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["finished"]:
                state["fired"] = True
                _raise_in_thread(thread_id, DeadlineExceeded)

    timer = threading.Timer(max(seconds, 0.0), fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["finished"] = True
            timer.cancel()
            if state["fired"]:
                _raise_in_thread(thread_id, None)  # not delivered yet: withdraw it
    if state["fired"]:
        # The time was up but the exception never surfaced: it was delivered inside a destructor or a
        # callback, where Python reports it as unraisable and goes on. The request is still late.
        raise DeadlineExceeded


@contextmanager
def within_request_deadline() -> Iterator[None]:
    """Run the block within what is left of this request's CREDENCE_TIMEOUT; past it, 503."""
    limit = current_app.config["CREDENCE_TIMEOUT"]
    left = limit - (time.perf_counter() - g.request_started)
    try:
        with _interrupt_after(left):
            yield
    except DeadlineExceeded:
        log.warning("request %s stopped at its deadline (CREDENCE_TIMEOUT, %g s)", request_id(), limit)
        raise ApiError(
            503,
            f"the request took longer than the service allows ({limit:g} s, CREDENCE_TIMEOUT) and was stopped",
        ) from None
