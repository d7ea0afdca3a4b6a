"""The engine a process uses, loaded once per model file and shared."""
from __future__ import annotations

import gc
from functools import cache
from pathlib import Path

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


@cache
def load_engine(model_path: str) -> Engine:
    """One engine per model file per process: the model is loaded once, then shared; the
    process's full collections are spaced for scoring (``FULL_COLLECTION_EVERY``)."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    return Engine.load(Path(model_path))
