"""Shared fixtures: the app (model loaded once per process), its client, and the seeds."""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
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


# ---- the store -------------------------------------------------------------------
# Every app the tests build stores into a throw-away place: a temporary data directory,
# or, when CREDENCE_TEST_DATABASE_URL names a PostgreSQL database, a schema of its own.
TEST_DATABASE_URL = os.environ.get("CREDENCE_TEST_DATABASE_URL", "")
_session_dir = tempfile.mkdtemp(prefix="credence-tests-")
_session_schemas: list[str] = []


def _schema_url(schema: str) -> str:
    """TEST_DATABASE_URL with a fresh schema first on the search path."""
    from sqlalchemy import create_engine, text

    engine = create_engine(TEST_DATABASE_URL)
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    separator = "&" if "?" in TEST_DATABASE_URL else "?"
    return f"{TEST_DATABASE_URL}{separator}options=-csearch_path%3D{schema}"


def _drop_schema(schema: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(TEST_DATABASE_URL)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def pytest_configure(config):
    os.environ["CREDENCE_DATA_DIR"] = _session_dir
    if TEST_DATABASE_URL:
        schema = f"credence_session_{uuid.uuid4().hex[:12]}"
        _session_schemas.append(schema)
        os.environ["CREDENCE_DATABASE_URL"] = _schema_url(schema)


def pytest_unconfigure(config):
    shutil.rmtree(_session_dir, ignore_errors=True)
    for schema in _session_schemas:
        _drop_schema(schema)


@pytest.fixture()
def database_url(tmp_path):
    """An empty store for one test: SQLite in tmp_path, or a new PostgreSQL schema."""
    if not TEST_DATABASE_URL:
        yield f"sqlite:///{tmp_path / 'credence.sqlite3'}"
        return
    schema = f"credence_test_{uuid.uuid4().hex[:12]}"
    yield _schema_url(schema)
    _drop_schema(schema)


@pytest.fixture()
def store_app(database_url):
    from service import create_app

    return create_app({"TESTING": True, "CREDENCE_DATABASE_URL": database_url})


@pytest.fixture()
def store_client(store_app):
    return store_app.test_client()
