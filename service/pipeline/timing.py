"""Time spent in each stage of the pipeline, for whoever asks (``/metrics``, service/metrics.py).

The engine names its stages (``with stage("segment"): ...``); a caller that wants their
times runs the engine inside ``observing(observer)``, and ``observer(stage, seconds)`` is
called as each stage ends. Nobody observing, a stage costs one context-variable read. The
observer is per thread (a ContextVar), so concurrent requests never see each other's stages.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar

Observer = Callable[[str, float], None]

_OBSERVER: ContextVar[Observer | None] = ContextVar("credence_stage_observer", default=None)
_UNOBSERVED = nullcontext()


@contextmanager
def observing(observer: Observer) -> Iterator[None]:
    """Report every stage the engine runs in this block (this thread) to ``observer``."""
    token = _OBSERVER.set(observer)
    try:
        yield
    finally:
        _OBSERVER.reset(token)


def stage(name: str) -> AbstractContextManager[None]:
    """The block of one pipeline stage: timed when someone is observing, else nothing."""
    observer = _OBSERVER.get()
    return _UNOBSERVED if observer is None else _timed(name, observer)


@contextmanager
def _timed(name: str, observer: Observer) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        observer(name, time.perf_counter() - started)
