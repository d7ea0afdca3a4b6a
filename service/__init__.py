"""credence: source-credibility scoring for news articles.

Two ways in: ``create_app(config)`` for the HTTP service, and ``score_article(text)``
for Python callers; both return the same body (docs/api.md). Flask is imported only
when an app is built, so the pipeline (``service.pipeline``) and the Python API stay
light to import.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["create_app", "score_article"]


def create_app(config: Mapping[str, Any] | None = None) -> "Flask":
    """Build the HTTP service: defaults < CREDENCE_* environment < ``config``.

    Loads the model once; a missing or foreign model file stops start-up with a message
    naming CREDENCE_MODEL_PATH.
    """
    from .app import create_app as build

    return build(config)


def score_article(text: str, title: str | None = None, *, url: str | None = None, explain: bool = False) -> dict:
    """Score one article in-process; the same body ``POST /v1/score`` returns.

    ``title`` and ``url`` are metadata, echoed like the API's: the headline is not a claim.
    Unlike the API, the text is scored whatever its language (``service.language`` checks it).
    """
    from .config import load_config
    from .engines import load_engine
    from .intake import Article, score_body

    if not isinstance(text, str):
        raise TypeError("text must be a str")
    scorer = load_engine(load_config()["CREDENCE_MODEL_PATH"])
    article = Article(text, title, url)
    return score_body(scorer, article, scorer.analyse(text), explain=explain)
