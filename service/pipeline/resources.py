"""Reading the data files that sit beside the pipeline (lexicons, patterns, weights).

Lexicons are data, not code: one entry a line, ``#`` starts a comment. Every detector
loads its lexicon through here, once, at import time.
"""
from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent / "resources"


def resource_path(name: str) -> Path:
    return RESOURCE_DIR / name


@cache
def read_entries(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of a lexicon file, stripped, in file order."""
    entries = []
    for raw in resource_path(name).read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            entries.append(line)
    return tuple(entries)


@cache
def read_toml(name: str) -> dict:
    with resource_path(name).open("rb") as handle:
        return tomllib.load(handle)


def compile_alternation(patterns: tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One compiled regex that matches any of ``patterns`` (longest alternatives first)."""
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile("|".join(f"(?:{p})" for p in ordered), flags)
