"""Shared fixtures: the app (model loaded once per process), its client, and the seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parents[1] / "data" / "seeds"


def seed_text(prefix: str) -> str:
    """The seed article whose file name starts with ``prefix`` ("000" ... "004")."""
    (path,) = SEEDS_DIR.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def app():
    from service import create_app

    return create_app({"TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()
