"""What ``credence bulk`` reads: the articles of an archive, one ``Item`` at a time.

An INPUT is a directory (every ``.txt``, ``.html`` and ``.htm`` file under it, in sorted
order; the id is the file's path relative to the directory), a single such file (the id is
its name), a JSON Lines file (``.jsonl``, ``.ndjson``) or a CSV file with a header (``.csv``).
A record of the last two has an ``id`` and either ``text`` or ``html``; its other fields are
the article's metadata. Items are produced lazily, so an archive of any size is read in
constant memory. A record that cannot be read becomes an item carrying its ``error``: the
run writes it as an error row rather than stopping.
"""
from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

ARTICLE_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv")
_CSV_FIELD_LIMIT = 64 * 1024 * 1024
"""csv's default field limit (128 kB) is below the longest article the service accepts."""
_UNDECODED_BYTE = re.compile("[\udc80-\udcff]")
"""How a byte that is not UTF-8 shows in a CSV read with errors="surrogateescape"."""


class InputError(ValueError):
    """An INPUT that cannot be read at all (missing, or of an unknown kind): nothing is scored."""


@dataclass(frozen=True)
class Item:
    """One article to score: its id, where it was found, its content and metadata.

    ``content`` is bytes for a file (decoded on the worker, so a file that is not UTF-8 is
    an error row there) and str for a record; ``kind`` is "text" or "html".
    """

    id: str
    origin: str
    kind: str
    content: bytes | str
    metadata: dict = field(default_factory=dict)
    error: str | None = None


def check_inputs(paths: Sequence[str]) -> None:
    """Refuse, before anything runs, an INPUT that does not exist or is of no known kind."""
    if not paths:
        raise InputError("no INPUT given")
    for name in paths:
        path = Path(name)
        if path.is_dir():
            continue
        if not path.is_file():
            raise InputError(f"{name}: no such file or directory")
        if path.suffix.lower() not in (*ARTICLE_SUFFIXES, *RECORD_SUFFIXES):
            known = ", ".join((*ARTICLE_SUFFIXES, *RECORD_SUFFIXES))
            raise InputError(f"{name}: not a directory nor a file of a known kind ({known})")


def iter_items(paths: Sequence[str]) -> Iterator[Item]:
    """Every article of every INPUT, in order."""
    for name in paths:
        path = Path(name)
        suffix = path.suffix.lower()
        if path.is_dir():
            yield from _directory_items(name, path)
        elif suffix in ARTICLE_SUFFIXES:
            yield Item(path.name, name, ARTICLE_SUFFIXES[suffix], path.read_bytes())
        elif suffix == ".csv":
            yield from _csv_items(name, path)
        else:
            yield from _json_lines_items(name, path)


def count_items(paths: Sequence[str]) -> int:
    """How many items ``iter_items`` will yield, without reading any article: the progress total."""
    total = 0
    for name in paths:
        path = Path(name)
        if path.is_dir():
            total += sum(1 for _ in _article_files(path))
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            total += 1
        elif path.suffix.lower() == ".csv":
            with _open_csv(path) as handle:
                total += sum(1 for _ in csv.DictReader(handle))
        else:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
    return total


def _article_files(directory: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(directory):
        folders.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(root, name)


def _directory_items(name: str, directory: Path) -> Iterator[Item]:
    for path in _article_files(directory):
        item_id = path.relative_to(directory).as_posix()
        try:
            content = path.read_bytes()
        except OSError as error:
            yield Item(item_id, name, "text", b"", error=f"cannot read the file: {error.strerror}")
            continue
        yield Item(item_id, name, ARTICLE_SUFFIXES[path.suffix.lower()], content)


def _json_lines_items(name: str, path: Path) -> Iterator[Item]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:  # JSONDecodeError and UnicodeDecodeError alike
                yield _broken(name, path, number, f"line {number} is not a JSON object: {error}")
                continue
            if not isinstance(record, dict):
                yield _broken(name, path, number, f"line {number} is not a JSON object")
                continue
            yield _record_item(name, path, number, record)


def _open_csv(path: Path):
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    return path.open(encoding="utf-8", errors="surrogateescape", newline="")


def _csv_items(name: str, path: Path) -> Iterator[Item]:
    with _open_csv(path) as handle:
        for number, record in enumerate(csv.DictReader(handle), start=1):
            record = {key: value for key, value in record.items() if key is not None and value not in (None, "")}
            if any(_UNDECODED_BYTE.search(value) for value in record.values()):
                yield _broken(name, path, number, f"row {number} is not UTF-8 text")
                continue
            yield _record_item(name, path, number, record)


def _record_item(name: str, path: Path, number: int, record: dict) -> Item:
    """A JSON Lines or CSV record: ``id`` and ``text`` or ``html``; every other field is metadata."""
    record = dict(record)
    item_id = record.pop("id", None)
    if item_id is None or isinstance(item_id, (dict, list)) or str(item_id).strip() == "":
        return _broken(name, path, number, f"record {number} has no id")
    item_id = str(item_id)
    text, html = record.pop("text", None), record.pop("html", None)
    if (text is None) == (html is None):
        return Item(item_id, name, "text", "", record, error="the record needs one of text or html")
    kind, content = ("text", text) if html is None else ("html", html)
    if not isinstance(content, str):
        return Item(item_id, name, kind, "", record, error=f"{kind} must be a string")
    return Item(item_id, name, kind, content, record)


def _broken(name: str, path: Path, number: int, error: str) -> Item:
    """A record too broken to have an id of its own: it is named after its file and line."""
    return Item(f"{path.name}:{number}", name, "text", "", error=error)
