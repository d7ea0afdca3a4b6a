"""Back-references: a pronoun or name-less definite source ("it", "the agency") takes the
type of the nearest earlier source it can stand for, and points at it (``refers_to``)."""
from __future__ import annotations

from collections import deque

from ..sources import SourceReading, classify_source, left_unresolved
from ..text.words import singular
from ..records import Span, Step, record
from .spans import name_in

LOOKBACK_CLAIMS = 4
"""How many claims back a back-reference or a quotation may reach for its source."""
MENTION_MEMORY = 12
"""How many recent sources are kept for back-references (bounds the work per claim)."""


@record
class Mention:
    """A source seen in an earlier claim, for back-references."""

    span: Span
    reading: SourceReading
    claim_index: int


def names_a_teller(text: str, source: Span) -> bool:
    """Whether a span types as a source (or a pronoun standing for one): "citing the
    release of political prisoners" cites no teller."""
    reading = classify_source(text, source)
    return reading.source_type != "unknown" or bool(reading.refers_back)


def resolve(
    text: str, span: Span, claim_index: int, mentions: deque[Mention]
) -> tuple[Span, SourceReading, Step | None, Span | None]:
    """Type a source; a pronoun or name-less definite phrase takes the reading of the
    nearest earlier source of a compatible type (for anonymous ones, the same head noun),
    and that source's span as its referent; the step says which (None for a source that names
    itself)."""
    span = name_in(text, span) or span
    reading = classify_source(text, span)
    if not reading.refers_back:
        return span, reading, None, None
    for mention in reversed(mentions):
        if claim_index - mention.claim_index > LOOKBACK_CLAIMS:
            break
        if mention.reading.source_type not in reading.refers_back:
            continue
        if reading.source_type == "anonymous" and singular(mention.reading.head) != singular(reading.head):
            continue
        if reading.source_type == "unknown" and mention.reading.plural and not reading.plural:
            continue
        step = Step("refers_back", span.text, mention.span.text, mention.claim_index)
        return span, mention.reading, step, mention.span
    return span, left_unresolved(reading), Step("refers_back_to_nothing", span.text, LOOKBACK_CLAIMS), None
