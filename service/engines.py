"""The engine a process uses, loaded once per model file and shared."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from .pipeline.engine import Engine


@cache
def load_engine(model_path: str) -> Engine:
    """One engine per model file per process: the model is loaded once, then shared."""
    return Engine.load(Path(model_path))
