"""Configuration: embedded defaults, overridden by environment variables, overridden
by the mapping passed to ``create_app`` (tests).

Every setting is named ``CREDENCE_*`` and documented in the README. A value that cannot
be used stops the service at start-up with a message naming the setting.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any, Callable, Mapping

from .pipeline.model import DEFAULT_MODEL_PATH


class ConfigError(RuntimeError):
    """A setting is missing or unusable; the message names it."""


def _positive_int(name: str, value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a whole number, got {value!r}") from None
    if number <= 0:
        raise ConfigError(f"{name} must be positive, got {number}")
    return number


def _positive_seconds(name: str, value: Any) -> float:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a number of seconds, got {value!r}") from None
    if not 0 < seconds < float("inf"):
        raise ConfigError(f"{name} must be a positive number of seconds, got {value!r}")
    return seconds


def _text(name: str, value: Any) -> str:
    return "" if value is None else str(value)


def _bind(name: str, value: Any) -> str:
    """``HOST:PORT`` (an IPv6 host in brackets), the one form gunicorn and ``credence serve`` share."""
    text = "" if value is None else str(value).strip()
    host, colon, port = text.rpartition(":")
    if not colon or not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise ConfigError(f"{name} must be HOST:PORT with a port from 1 to 65535 (e.g. 127.0.0.1:8000), got {value!r}")
    return text


# ---- the store (service/store) ----

def _data_dir(name: str, value: Any) -> Path:
    """A directory for the default SQLite store; ``~`` expanded, created on first start."""
    text = "" if value is None else str(value).strip()
    if not text:
        raise ConfigError(f"{name} must name a directory, got an empty value")
    return Path(text).expanduser()


# scheme[+driver]://... as SQLAlchemy reads it; the store turns a URL it still cannot use
# (unknown dialect, missing driver) into a message naming CREDENCE_DATABASE_URL.
_DATABASE_URL = re.compile(r"[A-Za-z][A-Za-z0-9_]*(\+[A-Za-z0-9_]+)?://.*", re.DOTALL)


def _database_url(name: str, value: Any) -> str:
    """Empty: SQLite in CREDENCE_DATA_DIR; otherwise an SQLAlchemy URL."""
    text = "" if value is None else str(value).strip()
    if text and not _DATABASE_URL.fullmatch(text):
        raise ConfigError(f"{name} must be an SQLAlchemy URL such as postgresql+psycopg://user@host/db (got a value without a scheme)")
    return text


# A key is sent as an RFC 6750 bearer token, so it is limited to that token's characters;
# the minimum length keeps keys out of guessing range.
API_KEY_PATTERN = re.compile(r"[A-Za-z0-9._~+/=-]{16,256}")
_SHA256_HEX = re.compile(r"[0-9a-fA-F]{64}")


def hash_api_key(key: str) -> bytes:
    """The SHA-256 digest under which a key is stored and compared (never the key itself)."""
    return hashlib.sha256(key.encode("ascii")).digest()


def _api_key_digests(name: str, value: Any) -> tuple[bytes, ...]:
    """Parse CREDENCE_API_KEYS into SHA-256 digests; the keys themselves are not kept.

    Either ``KEY1,KEY2`` (the keys) or ``@/path/to/file`` (one hex SHA-256 digest of a
    key per line, as ``sha256sum`` prints it; blank lines and ``#`` comments skipped).
    Error messages name the position of a bad entry, never its value: it may be a key.
    """
    spec = "" if value is None else str(value).strip()
    if not spec:
        return ()
    if spec.startswith("@"):
        return _digests_from_file(name, Path(spec[1:]))
    keys = [key.strip() for key in spec.split(",") if key.strip()]
    if not keys:
        raise ConfigError(f"{name} is set but names no key (unset it to turn authentication off)")
    for position, key in enumerate(keys, start=1):
        if not API_KEY_PATTERN.fullmatch(key):
            raise ConfigError(
                f"{name}: key number {position} is not 16 to 256 characters of A-Z a-z 0-9 . _ ~ + / = -"
            )
    return tuple(dict.fromkeys(hash_api_key(key) for key in keys))


def _digests_from_file(name: str, path: Path) -> tuple[bytes, ...]:
    try:
        lines = path.read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not ASCII text"
        raise ConfigError(f"{name}: cannot read the key file {str(path)!r}: {reason}") from None
    digests = []
    for number, line in enumerate(lines, start=1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if not _SHA256_HEX.fullmatch(words[0]):
            raise ConfigError(f"{name}: line {number} of {str(path)!r} is not a hex SHA-256 digest")
        digests.append(bytes.fromhex(words[0]))
    if not digests:
        raise ConfigError(f"{name}: the key file {str(path)!r} holds no digests (authentication would lock out every client)")
    return tuple(dict.fromkeys(digests))


def _flag(name: str, value: Any) -> bool:
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("", "0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be on or off (1/0, true/false, yes/no), got {value!r}")


def _rate_limits(name: str, value: Any) -> str:
    """Flask-Limiter's notation, e.g. ``60/minute`` or ``10/second;1000/hour``; empty: off."""
    text = "" if value is None else str(value).strip()
    if text:
        from limits import parse_many

        try:
            parse_many(text)
        except ValueError:
            raise ConfigError(f"{name} must be limits such as 60/minute or 10/second;1000/hour, got {value!r}") from None
    return text


_STORAGE_SCHEMES = ("memory://", "redis://", "rediss://", "redis+unix://", "redis+sentinel://", "redis+cluster://")


def _rate_limit_storage(name: str, value: Any) -> str:
    text = str(value).strip()
    if not text.startswith(_STORAGE_SCHEMES):
        raise ConfigError(f"{name} must be memory:// or a Redis URL (redis://HOST:PORT/DB, rediss://...), got a value starting {text[:12]!r}")
    return text


def _origins(name: str, value: Any) -> tuple[str, ...]:
    """Comma-separated origins allowed to call from a browser (``https://app.example``)."""
    origins = tuple(part.strip().rstrip("/") for part in str(value or "").split(",") if part.strip())
    for origin in origins:
        scheme, separator, host = origin.partition("://")
        if scheme not in ("http", "https") or not separator or not host or "/" in host or "*" in host:
            raise ConfigError(f"{name}: {origin!r} is not an origin such as https://app.example or http://localhost:3000")
    return origins


SETTINGS: dict[str, tuple[Any, Callable[[str, Any], Any], str]] = {
    "CREDENCE_MAX_BODY_BYTES": (
        8 * 1024 * 1024,
        _positive_int,
        "largest request body accepted, in bytes (larger: 413)",
    ),
    "CREDENCE_MAX_TEXT_CHARS": (
        200_000,
        _positive_int,
        "longest article text accepted, in characters as posted, whitespace included (longer: 422)",
    ),
    "CREDENCE_MAX_BATCH_CHARS": (
        2_000_000,
        _positive_int,
        "most characters of text in one batch, all articles together (more: 413)",
    ),
    "CREDENCE_MAX_BATCH_ARTICLES": (
        100,
        _positive_int,
        "most articles in one POST /v1/score/batch (more: 422)",
    ),
    "CREDENCE_API_KEYS": (
        "",
        _api_key_digests,
        "API keys: KEY1,KEY2 or @/path/to/file of SHA-256 digests; empty: no authentication",
    ),
    "CREDENCE_MODEL_PATH": (
        str(DEFAULT_MODEL_PATH),
        _text,
        "the trained attribution model (joblib) with its manifest beside it",
    ),
    # ---- serving (gunicorn, `credence serve`) ----
    "CREDENCE_BIND": (
        "127.0.0.1:8000",
        _bind,
        "where the server listens, HOST:PORT",
    ),
    "CREDENCE_WORKERS": (
        2,
        _positive_int,
        "gunicorn worker processes (one per core)",
    ),
    "CREDENCE_THREADS": (
        64,
        _positive_int,
        "threads per worker: requests in progress, slow clients included (scoring shares the worker's core)",
    ),
    "CREDENCE_TIMEOUT": (
        30,
        _positive_seconds,
        "seconds a request may take (then 503)",
    ),
    "CREDENCE_HEADER_TIMEOUT": (
        10,
        _positive_seconds,
        "seconds a client has to send a request's line and headers once it starts (then the connection is closed)",
    ),
    # ---- operators' features, all off by default ----
    "CREDENCE_RATE_LIMIT": (
        "",
        _rate_limits,
        "requests per API key (or per client address without one), e.g. 60/minute; empty: no limit",
    ),
    "CREDENCE_RATE_LIMIT_STORAGE": (
        "memory://",
        _rate_limit_storage,
        "where rate-limit counters live: memory:// (per worker) or a Redis URL (shared)",
    ),
    "CREDENCE_CORS_ORIGINS": (
        "",
        _origins,
        "origins whose browser pages may call the API, comma-separated; empty: none",
    ),
    "CREDENCE_METRICS": (
        "off",
        _flag,
        "serve Prometheus metrics at /metrics",
    ),
    # ---- the store (POST /v1/articles, audit, stories) ----
    "CREDENCE_DATA_DIR": (
        "~/.local/share/credence",
        _data_dir,
        "directory of the default SQLite store (credence.sqlite3), created on first start",
    ),
    "CREDENCE_DATABASE_URL": (
        "",
        _database_url,
        "SQLAlchemy URL of the store; empty: SQLite in CREDENCE_DATA_DIR",
    ),
    "CREDENCE_DATABASE_BUSY_SECONDS": (
        10,
        _positive_int,
        "seconds a write waits for another writer's lock before failing (SQLite busy timeout)",
    ),
}


def load_config(environ: Mapping[str, str] | None = None, overrides: Mapping[str, Any] | None = None) -> dict:
    """Resolve every CREDENCE_* setting: defaults < environment < overrides."""
    environ = os.environ if environ is None else environ
    overrides = overrides or {}
    resolved = {}
    for name, (default, parse, _doc) in SETTINGS.items():
        raw = overrides.get(name, environ.get(name, default))
        resolved[name] = parse(name, raw)
    return resolved
