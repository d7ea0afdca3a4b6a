"""``model.rules_version``: one digest of everything besides the attribution model that makes a score.

A stored score can be traced to what produced it: the digest covers every file the
pipeline reads (weights, lexicons, hedge and note patterns, the role model) and the
pipeline's own code (the rules), so it changes whenever any of them does. The attribution
model is left out: it is versioned on its own (``model.version``) and may be swapped with
``CREDENCE_MODEL_PATH``.
"""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PIPELINE_DIR = Path(__file__).resolve().parent
DIGEST_CHARS = 12
_ATTRIBUTION_MODEL_DIR = ("resources", "model")


def _covered(relative: tuple[str, ...]) -> bool:
    return "__pycache__" not in relative and relative[:2] != _ATTRIBUTION_MODEL_DIR


def rules_files(root: Path = PIPELINE_DIR) -> list[Path]:
    """The files the digest covers, in a fixed order: the code, and every resource but the attribution model."""
    files = set(root.rglob("*.py")) | {path for path in (root / "resources").rglob("*") if path.is_file()}
    return sorted(
        (path for path in files if _covered(path.relative_to(root).parts)),
        key=lambda path: path.relative_to(root).as_posix(),
    )


@cache
def rules_version() -> str:
    """The digest of the installed pipeline, computed once per process."""
    return rules_digest(PIPELINE_DIR)


def rules_digest(root: Path) -> str:
    """``rules-`` and the first hex digits of a SHA-256 over each covered file's relative path and bytes."""
    digest = hashlib.sha256()
    for path in rules_files(root):
        name = path.relative_to(root).as_posix().encode("utf-8")
        content = path.read_bytes()
        digest.update(len(name).to_bytes(4, "big") + name + len(content).to_bytes(8, "big") + content)
    return "rules-" + digest.hexdigest()[:DIGEST_CHARS]
