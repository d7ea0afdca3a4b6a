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

Clock = Callable[[], float]

_OBSERVER: ContextVar[tuple[Observer, Clock] | None] = ContextVar("credence_stage_observer", default=None)
_UNOBSERVED = nullcontext()


@contextmanager
def observing(observer: Observer, clock: Clock = time.perf_counter) -> Iterator[None]:
    """Report every stage the engine runs in this block (this thread) to ``observer``, timed by
    ``clock`` (wall time for /metrics; bench/ passes CPU time)."""
    token = _OBSERVER.set((observer, clock))
    try:
        yield
    finally:
        _OBSERVER.reset(token)


def stage(name: str) -> AbstractContextManager[None]:
    """The block of one pipeline stage: timed when someone is observing, else nothing."""
    observed = _OBSERVER.get()
    return _UNOBSERVED if observed is None else _timed(name, *observed)


@contextmanager
def _timed(name: str, observer: Observer, clock: Clock) -> Iterator[None]:
    started = clock()
    try:
        yield
    finally:
        observer(name, clock() - started)
