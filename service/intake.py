"""From what a client sends (text or a web page, with a title and a URL) to the text that is scored.

One path for the HTTP API, the viewer and the command line: a page is reduced to its
article (service.extract), the text is checked to be English (service.language), and the
scoring body echoes the title and URL and, for a page, adds ``document`` whose ``text``
every offset points into (docs/api.md, v1 additions).
"""
from __future__ import annotations

from dataclasses import dataclass

from .extract import Document, NoArticleText, extract_article
from .language import NotEnglish, check_english
from .pipeline.engine import Engine
from .pipeline.report import render
from .pipeline.records import ArticleResult


class Refused(ValueError):
    """The input cannot be scored; ``field`` is the request field to blame ("text" or "html")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    url: str | None = None
    document: Document | None = None


def read_article(
    *, text: str | None = None, html: str | bytes | None = None, title: str | None = None,
    url: str | None = None, max_chars: int | None = None,
) -> Article:
    """The article to score: ``text`` as given, or the article extracted from ``html``.

    A page's own title stands in when the caller gives none. Raises Refused for a page with
    no article text, extracted text over ``max_chars``, or a text that is not English.
    """
    document = None
    field = "text"
    if html is not None:
        field = "html"
        try:
            document = extract_article(html)
        except NoArticleText as error:
            raise Refused(field, str(error)) from None
        text = document.text
        if max_chars is not None and len(text) > max_chars:
            raise Refused(field, f"the page's article text is {len(text)} characters; the limit is {max_chars}")
        title = title or document.title
    if text is None:
        raise TypeError("read_article needs text or html")
    try:
        check_english(text)
    except NotEnglish as error:
        raise Refused(field, str(error)) from None
    return Article(text, title, url, document)


def score_body(engine: Engine, article: Article, result: ArticleResult, *, explain: bool = False) -> dict:
    """The scoring body of docs/api.md for ``article``, with its metadata echoed."""
    body = render(result, engine.model_version, explain=explain)
    if article.document is not None:
        body["document"] = article.document.as_dict()
    body["title"] = article.title
    body["url"] = article.url
    return body
