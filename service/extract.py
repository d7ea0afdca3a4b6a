"""HTML input: a web page -> the article's text, title, author and date (docs/api.md, v1 additions).

trafilatura does the work: it drops navigation, boilerplate and comments and falls back on
jusText and a readability port where its own rules find too little. What it extracts is
turned into ``Document.text`` once, here: one line per paragraph, each stripped, so that
every offset the service returns points into exactly that string.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

# A page with no article is the client's problem, answered with a 422: not an ERROR in our logs.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


MIN_ARTICLE_WORDS = 10
"""Fewer words than this is a menu or a caption, not an article (trafilatura, favouring recall, returns
what text a page has: a bare navigation bar gives "Home About")."""


class NoArticleText(ValueError):
    """The page holds no text that reads as an article (a 422 for the API)."""


@dataclass(frozen=True)
class Document:
    text: str
    title: str | None
    author: str | None
    date: str | None

    def as_dict(self) -> dict:
        return {"text": self.text, "title": self.title, "author": self.author, "date": self.date}


def extract_article(page: str | bytes) -> Document:
    """The article in ``page`` (bytes are decoded by the page's declared or detected charset).

    Raises NoArticleText when nothing in the page reads as an article.
    """
    try:
        found = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_images=False, deduplicate=False,
            favor_recall=True,
        )
    except (ValueError, TypeError) as error:  # an unparseable document, after trafilatura's own recovery
        raise NoArticleText(f"the page could not be read as HTML: {error}") from None
    lines = (line.strip() for line in (found.text or "").splitlines()) if found is not None else ()
    text = "\n".join(line for line in lines if line)
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise NoArticleText(f"no article text found in the page (fewer than {MIN_ARTICLE_WORDS} words)")
    return Document(text=text, title=_field(found.title), author=_field(found.author), date=_field(found.date))


def _field(value: object) -> str | None:
    return str(value).strip() or None if value else None
