"""Connecting to the store and bringing its schema up to date.

SQLite (the default) gets WAL (readers never block the writer), a busy timeout (a
writer waits for another's lock instead of failing) and ``BEGIN IMMEDIATE`` for write
transactions: a write takes the lock when it starts, so it waits its turn under the busy
timeout rather than failing to upgrade a read lock. Any other URL is used as given
(PostgreSQL through psycopg 3 is tested). Migrations (Alembic, shipped in
``migrations/``) run when the store is opened, so a new file or database is created on
first start and an old one upgraded.
"""
from __future__ import annotations

import json
import os
import weakref
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from ..config import ConfigError

SQLITE_FILE = "credence.sqlite3"
MIGRATIONS = str(Path(__file__).with_name("migrations"))
WRITE = {"credence_write": True}
"""Execution options of a connection that will write (``BEGIN IMMEDIATE`` on SQLite)."""
ONE_READ = {"credence_one_read": True}
"""Execution options of a connection that runs one SELECT: no BEGIN on SQLite (a lone
statement is its own transaction), one round trip less on every look-up."""


def database_url(settings: dict) -> str:
    """CREDENCE_DATABASE_URL, or the SQLite file in CREDENCE_DATA_DIR (created if missing)."""
    if settings["CREDENCE_DATABASE_URL"]:
        return settings["CREDENCE_DATABASE_URL"]
    data_dir: Path = settings["CREDENCE_DATA_DIR"]
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"CREDENCE_DATA_DIR: cannot create {str(data_dir)!r}: {error.strerror}") from None
    return f"sqlite:///{data_dir / SQLITE_FILE}"


def connect(url: str, busy_seconds: int) -> Engine:
    """An engine for ``url``; a URL SQLAlchemy cannot use stops start-up naming the setting."""
    try:
        parsed = make_url(url)
        engine = create_engine(
            parsed,
            pool_pre_ping=parsed.get_backend_name() != "sqlite",
            json_serializer=partial(json.dumps, ensure_ascii=False, separators=(",", ":")),
        )
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as error:
        raise ConfigError(f"CREDENCE_DATABASE_URL cannot be used: {type(error).__name__}: {_without_url(error)}") from None
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine, busy_seconds)
    # gunicorn forks workers after the app (and this engine) is built: a child must not
    # reuse the parent's pooled connections, so it starts with a fresh pool. (A weak
    # reference: the hook cannot be removed, and must not keep a dropped engine alive.)
    reference = weakref.ref(engine)
    os.register_at_fork(after_in_child=lambda: _fresh_pool(reference()))
    return engine


def _fresh_pool(engine: Engine | None) -> None:
    if engine is not None:
        engine.dispose(close=False)


def _without_url(error: Exception) -> str:
    """An error message that cannot carry the URL's password."""
    return str(error).split("\n")[0].split("://")[0][:200]


def _tune_sqlite(engine: Engine, busy_seconds: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Transactions are begun below, by the store, not implicitly by the driver.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_seconds * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # NORMAL (in WAL mode): a committed article survives a killed process; a power cut
        # may lose the last commits before a checkpoint. FULL would fsync every commit.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        options = connection.get_execution_options()
        if options.get("credence_write"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif not options.get("credence_one_read"):
            connection.exec_driver_sql("BEGIN")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates every table on an empty database)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    try:
        with engine.connect().execution_options(**WRITE) as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
    except OperationalError as error:
        raise ConfigError(f"the store cannot be opened or migrated (CREDENCE_DATABASE_URL / CREDENCE_DATA_DIR): {_without_url(error.orig or error)}") from None
    except SQLAlchemyError as error:
        raise ConfigError(f"the store cannot be migrated: {type(error).__name__}: {_without_url(error)}") from None
