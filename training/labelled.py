"""The hand-labelled real-world articles (``data/realworld``), read for training and measuring.

Each ``articles*.tsv`` row names a text file beside the table and the SHA-256 of the
stripped text the gold offsets refer to (``data/realworld/README.md``); its gold
sentences are in the ``gold*.jsonl`` of the same suffix ("-fold2"). The fold of an
article is that suffix, so cross-validation never splits an article's sentences.
"""
from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[1]
REALWORLD_DIR = REPO_DIR / "data" / "realworld"
TRAIN_DIR = REALWORLD_DIR / "train"
TEST_DIR = REALWORLD_DIR / "test"
RATING_RANK = {"low": 0, "mixed": 1, "high": 2}


@dataclass(frozen=True)
class LabelledArticle:
    id: str
    fold: str
    kind: str
    outlet: str
    rating: str
    text: str
    sentences: tuple[dict, ...]


def load_folder(folder: Path) -> list[LabelledArticle]:
    """Every labelled article of a folder, in table order; a text whose SHA-256 differs is refused."""
    articles = []
    for table in sorted(folder.glob("articles*.tsv")):
        suffix = table.stem.removeprefix("articles")
        gold_path = table.with_name(f"gold{suffix}.jsonl")
        with gold_path.open(encoding="utf-8") as handle:
            gold = {record["id"]: record["sentences"] for record in map(json.loads, filter(str.strip, handle))}
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                text = (table.parent / row["path"]).read_text(encoding="utf-8").strip()
                if hashlib.sha256(text.encode("utf-8")).hexdigest() != row["sha256"]:
                    raise ValueError(f"{row['id']}: the text does not match its SHA-256 in {table.name}")
                articles.append(LabelledArticle(row["id"], suffix.lstrip("-") or folder.name, row["kind"],
                                                row["outlet"], row["rating"], text, tuple(gold[row["id"]])))
    return articles


def primary_sentence(sentences: tuple[dict, ...], start: int, end: int) -> dict | None:
    """The gold sentence a span overlaps most (the first on a tie), or None."""
    best, best_overlap = None, 0
    for sentence in sentences:
        overlap = min(end, sentence["end"]) - max(start, sentence["start"])
        if overlap > best_overlap:
            best, best_overlap = sentence, overlap
    return best


def gold_role(sentences: tuple[dict, ...], start: int, end: int) -> str:
    """The role a claim at (start, end) should get: its gold sentence's; a gold non-claim
    (page furniture the segmenter kept) counts for nothing, like background."""
    sentence = primary_sentence(sentences, start, end)
    return sentence["role"] if sentence is not None and sentence["claim"] else "background"
