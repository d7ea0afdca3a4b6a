"""From an ``Item`` to the text that is scored, or the reason it cannot be (the row's ``error``).

Runs on the worker. Content left in its file (``Stored``) is read here, and a file's bytes are
decoded here, so a file that is not UTF-8 is an error row; then the one path the HTTP API and
``credence score`` take (``service.intake.read_article``) extracts a web page's article and
refuses a text that is not English.
"""
from __future__ import annotations

from ..intake import Refused, read_article
from .inputs import Item, Stored, unreadable


class Unscorable(ValueError):
    """The item cannot be scored; the message is the row's ``error``."""


def article_text(item: Item, max_chars: int) -> str:
    """The text to score: decoded or extracted from HTML, non-empty, within ``max_chars``, English.

    For an HTML input that is the extracted article (``service.extract``), which claim offsets
    point into.
    """
    if item.error:
        raise Unscorable(item.error)
    content = item.content
    if isinstance(content, Stored):
        try:
            content = content.read()
        except OSError as error:
            raise Unscorable(unreadable(error)) from None
    text = html = None
    if item.kind == "html":
        html = content  # bytes are decoded by the page's own declared or detected charset
    elif isinstance(content, bytes):
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise Unscorable(f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    else:
        text = content
    if text is not None:
        length = len(text.strip())
        if length == 0:
            raise Unscorable("empty text")
        if length > max_chars:
            raise Unscorable(f"the text is {length} characters; the limit is {max_chars} (CREDENCE_MAX_TEXT_CHARS)")
    try:
        return read_article(text=text, html=html, max_chars=max_chars).text
    except Refused as error:
        raise Unscorable(str(error)) from None
