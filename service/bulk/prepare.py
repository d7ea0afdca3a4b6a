"""From an ``Item`` to the text that is scored, or the reason it cannot be (the row's ``error``).

Runs on the worker. Two hooks wait for issue 15 (branch ``html``), which adds HTML
extraction and the language check to the service: ``extract_html`` and ``check_language``.
Until they are on main, an HTML input is an error row "HTML extraction not available" and
the language is not checked; when they land, each hook becomes one call to their public
function, and every input kind goes through it.
"""
from __future__ import annotations

from .inputs import Item


class Unscorable(ValueError):
    """The item cannot be scored; the message is the row's ``error``."""


def extract_html(page: str | bytes) -> str:
    """HOOK (issue 15): the article text of a web page."""
    raise Unscorable("HTML extraction not available")


def check_language(text: str) -> None:
    """HOOK (issue 15): raise Unscorable naming the language when ``text`` is not English."""


def article_text(item: Item, max_chars: int) -> str:
    """The text to score: decoded, extracted from HTML, non-empty, within ``max_chars``, English."""
    if item.error:
        raise Unscorable(item.error)
    if item.kind == "html":
        text = extract_html(item.content)
    elif isinstance(item.content, bytes):
        try:
            text = item.content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise Unscorable(f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    else:
        text = item.content
    length = len(text.strip())
    if length == 0:
        raise Unscorable("empty text")
    if length > max_chars:
        raise Unscorable(f"the text is {length} characters; the limit is {max_chars} (CREDENCE_MAX_TEXT_CHARS)")
    check_language(text)
    return text
