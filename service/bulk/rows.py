"""Scoring one partition on a worker, and the two tables it yields (README, "Scoring an archive").

``articles``: one row per input, with its error when it could not be scored; ``claims``: one
row per claim. Every value is read from the body ``render`` builds, the body
``score_article`` and ``POST /v1/score`` return, so the tables cannot disagree with them.
The pipeline (and HTML extraction, the language detector) are imported inside the functions
that run on workers: the client never scores, and starts faster without them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import pyarrow as pa

from .inputs import Item

if TYPE_CHECKING:
    from ..pipeline.engine import Engine

SHARES = ("attributed_share", "named_share", "anonymous_share", "hedged_share", "unverified_share")

ARTICLES_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("input", pa.string()),
        ("score", pa.float64()),
        ("rating", pa.string()),
        ("claim_count", pa.int32()),
        *[(share, pa.float64()) for share in SHARES],
        ("metadata", pa.string()),
        ("model_version", pa.string()),
        ("rules_version", pa.string()),
        ("error", pa.string()),
    ]
)
CLAIMS_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("index", pa.int32()),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("score", pa.float64()),
        ("source", pa.string()),
        ("source_type", pa.string()),
        ("named", pa.bool_()),
        ("cue", pa.string()),
        ("inherited", pa.bool_()),
        ("via", pa.list_(pa.string())),
        ("hedges", pa.list_(pa.struct([("text", pa.string()), ("category", pa.string()), ("speaker", pa.string())]))),
        ("verification", pa.list_(pa.struct([("text", pa.string()), ("kind", pa.string())]))),
        ("model_probability", pa.float64()),
        ("role", pa.string()),
    ]
)

_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(text: str | None) -> str | None:
    """Parquet strings are UTF-8: a lone surrogate (legal in a JSON string) becomes U+FFFD,
    one code point for one, so claim offsets still count the same characters."""
    return text if text is None else _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True)
class PartitionResult:
    articles: pa.Table
    claims: pa.Table
    errors: int


def _metadata(item: Item) -> str | None:
    return _storable(json.dumps(item.metadata, ensure_ascii=False, sort_keys=True)) if item.metadata else None


def _article_row(item: Item, body: dict | None, error: str | None) -> dict:
    article = body["article"] if body else {}
    model = body["model"] if body else {}
    summary = article.get("summary", {})
    return {
        "id": _storable(item.id),
        "input": _storable(item.origin),
        "score": article.get("score"),
        "rating": article.get("rating"),
        "claim_count": article.get("claim_count"),
        **{share: summary.get(share) for share in SHARES},
        "metadata": _metadata(item),
        "model_version": model.get("version"),
        "rules_version": model.get("rules_version"),
        "error": _storable(error),
    }


def _span_text(span: dict | None) -> str | None:
    return None if span is None else _storable(span["text"])


def _claim_rows(item_id: str, body: dict) -> list[dict]:
    rows = []
    for claim in body["claims"]:
        attribution = claim["attribution"] or {}
        rows.append(
            {
                "id": _storable(item_id),
                "index": claim["index"],
                "text": _storable(claim["text"]),
                "start": claim["start"],
                "end": claim["end"],
                "score": claim["score"],
                "source": _span_text(attribution.get("source")),
                "source_type": attribution.get("source_type"),
                "named": attribution.get("named"),
                "cue": _span_text(attribution.get("cue")),
                "inherited": attribution.get("inherited"),
                "via": [_storable(hop["text"]) for hop in attribution.get("via", [])],
                "hedges": [
                    {"text": _storable(hedge["text"]), "category": hedge["category"], "speaker": hedge["speaker"]}
                    for hedge in claim["hedges"]
                ],
                "verification": [
                    {"text": _storable(note["text"]), "kind": note["kind"]} for note in claim["verification"]
                ],
                "model_probability": claim["model_probability"],
                "role": claim.get("role"),
            }
        )
    return rows


def error_rows(items: Sequence[Item], error: str) -> PartitionResult:
    """Every item of a partition as an error row: what is written when the whole partition fails."""
    articles = [_article_row(item, None, error) for item in items]
    return PartitionResult(
        pa.Table.from_pylist(articles, ARTICLES_SCHEMA), CLAIMS_SCHEMA.empty_table(), len(articles)
    )


def worker_engine(model_path: str | None) -> "Engine":
    """This process's engine for ``model_path``, or for the worker's own CREDENCE_MODEL_PATH when None
    (on a cluster, each worker's installation has its own path to the shipped model)."""
    from ..config import load_config
    from ..engines import load_engine

    return load_engine(model_path or load_config()["CREDENCE_MODEL_PATH"])


def score_partition(items: Sequence[Item], model_path: str | None = None) -> PartitionResult:
    """Score ``items`` with this process's engine (loaded once per process); one item's failure is its row."""
    from ..config import load_config
    from ..pipeline.report import render
    from .prepare import Unscorable, article_text

    max_chars = load_config()["CREDENCE_MAX_TEXT_CHARS"]
    engine = worker_engine(model_path)
    articles, claims, errors = [], [], 0
    for item in items:
        try:
            body = render(engine.analyse(article_text(item, max_chars)), engine.model_version)
        except Unscorable as error:
            articles.append(_article_row(item, None, str(error)))
            errors += 1
            continue
        except Exception as error:  # noqa: BLE001 -- one article's failure must not cost the others
            articles.append(_article_row(item, None, f"internal error: {type(error).__name__}: {error}"))
            errors += 1
            continue
        articles.append(_article_row(item, body, None))
        claims.extend(_claim_rows(item.id, body))
    return PartitionResult(
        pa.Table.from_pylist(articles, ARTICLES_SCHEMA), pa.Table.from_pylist(claims, CLAIMS_SCHEMA), errors
    )
