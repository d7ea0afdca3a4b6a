"""What ``credence bulk`` reads: the articles of an archive, one ``Item`` at a time.

An INPUT is a directory (every ``.txt``, ``.html`` and ``.htm`` file under it, in sorted
order; the id is the file's path relative to the directory), a single such file (the id is
its name), a JSON Lines file (``.jsonl``, ``.ndjson``) or a CSV file with a header (``.csv``).
A record of the last two has an ``id`` and either ``text`` or ``html``; its other fields are
the article's metadata. Items are produced lazily, so an archive of any size is read in
constant memory. A record that cannot be read becomes an item carrying its ``error``: the
run writes it as an error row rather than stopping.

Read ``by_reference`` (when the workers see the client's files: a local cluster), an article
file or a JSON Lines record's text is not read by the client but named by a ``Stored`` slice
of its file, which the worker reads; the client then reads only what it needs to know the
ids (file names, JSON Lines records). A CSV record's text is always carried in the item.
"""
from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass, field, replace
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
class Stored:
    """An item's content left in its file: ``length`` bytes at ``start`` of ``path``; a whole
    article file, or (``field`` set) a JSON Lines record whose ``field`` is the content."""

    path: str
    start: int
    length: int
    field: str | None = None

    def read(self) -> bytes | str:
        """The content, read on the worker; OSError when the file cannot be read."""
        with open(self.path, "rb") as handle:
            handle.seek(self.start)
            data = handle.read(self.length)
        return data if self.field is None else json.loads(data)[self.field]


@dataclass(frozen=True)
class Item:
    """One article to score: its id, where it was found, its content and metadata.

    ``content`` is bytes for a file (decoded on the worker, so a file that is not UTF-8 is
    an error row there), str for a record, or where to read either (``Stored``); ``kind`` is
    "text" or "html".
    """

    id: str
    origin: str
    kind: str
    content: bytes | str | Stored
    metadata: dict = field(default_factory=dict)
    error: str | None = None

    @property
    def size(self) -> int:
        """The content's length (bytes or characters): what a partition is sized by."""
        return self.content.length if isinstance(self.content, Stored) else len(self.content)


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


def iter_items(paths: Sequence[str], by_reference: bool = False) -> Iterator[Item]:
    """Every article of every INPUT, in order; ``by_reference``: files and JSON Lines texts as ``Stored``."""
    for name in paths:
        path = Path(name)
        suffix = path.suffix.lower()
        if path.is_dir():
            yield from _directory_items(name, path, by_reference)
        elif suffix in ARTICLE_SUFFIXES:
            yield _file_item(path.name, name, path, by_reference)
        elif suffix == ".csv":
            yield from _csv_items(name, path)
        else:
            yield from _json_lines_items(name, path, by_reference)


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


def _directory_items(name: str, directory: Path, by_reference: bool) -> Iterator[Item]:
    for path in _article_files(directory):
        yield _file_item(path.relative_to(directory).as_posix(), name, path, by_reference)


def _file_item(item_id: str, name: str, path: Path, by_reference: bool) -> Item:
    """An article file's item: its bytes, or (``by_reference``) where they are."""
    kind = ARTICLE_SUFFIXES[path.suffix.lower()]
    try:
        if by_reference:
            return Item(item_id, name, kind, Stored(os.path.abspath(path), 0, path.stat().st_size))
        return Item(item_id, name, kind, path.read_bytes())
    except OSError as error:
        return Item(item_id, name, "text", b"", error=unreadable(error))


def unreadable(error: OSError) -> str:
    """The error row of an article file that cannot be read (on the client, or on a worker)."""
    return f"cannot read the file: {error.strerror}"


def _json_lines_items(name: str, path: Path, by_reference: bool) -> Iterator[Item]:
    absolute = os.path.abspath(path)
    start = 0
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            start, line_start = start + len(line), start
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
            item = _record_item(name, path, number, record)
            if by_reference and not item.error:
                item = replace(item, content=Stored(absolute, line_start, len(line), item.kind))
            yield item


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
