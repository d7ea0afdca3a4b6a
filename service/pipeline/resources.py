"""Reading the data files that sit beside the pipeline (lexicons, patterns, weights).

Lexicons are data, not code: one entry a line, ``#`` starts a comment. Every detector
loads its lexicon through here, once, at import time.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from functools import cache
from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent / "resources"
LEXICON_DIR = RESOURCE_DIR / "lexicons"


def resource_path(name: str) -> Path:
    return RESOURCE_DIR / name


def lexicon_path(name: str) -> Path:
    """Every word list, pattern file and weight table lives in ``resources/lexicons/``."""
    return LEXICON_DIR / name


@cache
def read_entries(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of a lexicon file, stripped, in file order."""
    entries = []
    for raw in lexicon_path(name).read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            entries.append(line)
    return tuple(entries)


@cache
def read_toml(name: str) -> dict:
    with lexicon_path(name).open("rb") as handle:
        return tomllib.load(handle)


def compile_alternation(patterns: tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One compiled regex that matches any of ``patterns`` (longest alternatives first)."""
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile("|".join(f"(?:{p})" for p in ordered), flags)


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file, read in blocks: what every model manifest records of its arrays."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_path(model_path: Path) -> Path:
    """A model's JSON manifest, beside its arrays: ``name.npz`` -> ``name.json``."""
    return model_path.with_suffix(".json")
