"""The output directory: ``articles.parquet/`` and ``claims.parquet/``, each a folder of parts.

A partition's parts are written under a hidden temporary name and renamed into place, the
claims part first and the articles part last, so a reader (pyarrow, pandas, DuckDB, Spark:
all skip names starting with "." or "_") never sees half a part, and an article id is
"done" exactly when its articles part exists. After an interruption, ``OutputStore`` removes
leftover temporary files and any claims part whose articles part never appeared; the ids in
the articles parts are then skipped (``done_ids``). The client names each partition's part
(``next_part``); whoever holds its rows writes it (``write_part``): the client, or the worker
itself when it sees the directory (a local cluster).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

ARTICLES = "articles.parquet"
CLAIMS = "claims.parquet"
_PART = re.compile(r"part-(\d{6,})\.parquet")


class OutputStore:
    def __init__(self, out_dir: Path | str) -> None:
        self.root = Path(out_dir).resolve()
        self.articles_dir = Path(out_dir) / ARTICLES
        self.claims_dir = Path(out_dir) / CLAIMS
        for folder in (self.articles_dir, self.claims_dir):
            folder.mkdir(parents=True, exist_ok=True)
            for leftover in folder.glob(".*.tmp"):
                leftover.unlink()
        committed = {path.name for path in self.articles_dir.iterdir() if _PART.fullmatch(path.name)}
        for orphan in self.claims_dir.iterdir():
            if _PART.fullmatch(orphan.name) and orphan.name not in committed:
                orphan.unlink()
        self._next_part = max((int(_PART.fullmatch(name).group(1)) for name in committed), default=-1) + 1

    def done_ids(self) -> set[str]:
        """The ids already written: only the ``id`` column is read."""
        if not any(self.articles_dir.glob("part-*.parquet")):
            return set()
        return set(ds.dataset(self.articles_dir, format="parquet").to_table(columns=["id"]).column("id").to_pylist())

    def next_part(self) -> str:
        """The name of the next partition's parts."""
        self._next_part += 1
        return f"part-{self._next_part - 1:06d}.parquet"


def write_part(out_dir: Path | str, name: str, articles: pa.Table, claims: pa.Table) -> None:
    """One partition's rows; its articles appear, atomically, only once its claims are in place.

    Without claims, a claims part of that name (left by a failed attempt) goes first.
    """
    claims_path = Path(out_dir) / CLAIMS / name
    if claims.num_rows:
        _write_atomically(claims, claims_path)
    else:
        claims_path.unlink(missing_ok=True)
    _write_atomically(articles, Path(out_dir) / ARTICLES / name)


def _write_atomically(table: pa.Table, path: Path) -> None:
    """Written and flushed to disk under a hidden name, then renamed: the part is whole or absent."""
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb") as handle:
        pq.write_table(table, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
