"""Configuration: embedded defaults, overridden by environment variables, overridden
by the mapping passed to ``create_app`` (tests).

Every setting is named ``CREDENCE_*`` and documented in the README. A value that cannot
be used stops the service at start-up with a message naming the setting.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Mapping

from .pipeline.resources import resource_path

DEFAULT_MODEL_PATH = resource_path("model/attribution.joblib")


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


def _text(name: str, value: Any) -> str:
    return "" if value is None else str(value)


SETTINGS: dict[str, tuple[Any, Callable[[str, Any], Any], str]] = {
    "CREDENCE_MAX_BODY_BYTES": (
        8 * 1024 * 1024,
        _positive_int,
        "largest request body accepted, in bytes (larger: 413)",
    ),
    "CREDENCE_MAX_TEXT_CHARS": (
        200_000,
        _positive_int,
        "longest article text accepted, in characters after stripping whitespace (longer: 422)",
    ),
    "CREDENCE_MAX_BATCH_ARTICLES": (
        100,
        _positive_int,
        "most articles in one POST /v1/score/batch (more: 422)",
    ),
    "CREDENCE_MODEL_PATH": (
        str(DEFAULT_MODEL_PATH),
        _text,
        "the trained attribution model (joblib) with its manifest beside it",
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
