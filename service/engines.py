"""The engine a process uses, loaded once per model file and shared."""
from __future__ import annotations

import gc
from functools import cache
from pathlib import Path

from threadpoolctl import threadpool_limits

from .pipeline.engine import Engine

FULL_COLLECTION_EVERY = 100
"""Collections of the middle generation between two full ones (Python's default is 10).

An article keeps every claim's findings alive until it is answered, and scoring makes almost
no cyclic garbage (a full collection after 50 articles scored with the collector off finds 3
objects). With the default, a full collection, which visits every live object (about 2 µs
each here), ran each time an article's live objects grew by a quarter: 3 to 4 times for one
160 kB article of one-line claims, 0.2-0.3 s, which made the time per byte grow with the
size (bench/worst_cases.py). At 100, one article up to the text limit runs without one; the
collector's own rule (a full collection only when the long-lived objects grew by a quarter)
still keeps its work linear across requests.
"""


BLAS_THREADS = 1
"""Threads numpy's BLAS (OpenBLAS) may use in a process that scores; its default is one per core.

The pipeline's matrix products are small (claims x features, in the attribution and role models)
and each request is scored on one thread of its own. Past about 3,000 claims OpenBLAS split the
role model's product over its threads, which then spun after it: at 160 kB of one-line claims the
role probabilities took 3.5-5.3 ms of CPU instead of 0.7-1.3 ms, and the claim loop right after them
8.6-18.9 ms instead of 4.6-10.4 (bench/worst_cases.py counts the process's CPU time, as a worker's
cores would). The products are split by rows, so one thread gives the same numbers.
"""


def tune_for_scoring() -> None:
    """Set this process up as a scoring one: full collections spaced (``FULL_COLLECTION_EVERY``) and numpy's
    BLAS kept to the scoring thread (``BLAS_THREADS``); benchmarks that load engines themselves call it too."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    threadpool_limits(BLAS_THREADS, user_api="blas")


@cache
def load_engine(model_path: str) -> Engine:
    """One engine per model file per process: the model is loaded once, then shared, in a process tuned for
    scoring (``tune_for_scoring``)."""
    tune_for_scoring()
    return Engine.load(Path(model_path))
