"""An opening adjunct that names the poll, survey, study or average a claim's figures come from ("In the latest
Gallup poll, Hispanic voters favored ...", "In a Brown University poll last week, ..."): the document is the
claim's source and the preposition its cue (docs/guidelines.md, source type "document"; the hand labels mark "In"
as the cue). Only a claim left with no attribution once inheritance has run takes one: a cue of its own ("In a
study, researchers found") names its teller, and a claim that goes on from an earlier one keeps its source. Run last,
the adjunct hands nothing on: held out, letting the poll's later shares inherit it gave 11 claims the labels leave
unattributed or attribute on their own a poll, for no right one."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .attribution.spans import source_after
from .records import Attribution, Claim, Span, Step
from .source_lexicons import PHRASE_WORDS
from .sources import classify_source

_OPENING = re.compile(r"In\s")
"""The preposition that opens such an adjunct, at the claim's start."""
_EVIDENCE_HEADS = frozenset(PHRASE_WORDS["evidence_heads"])
_REFERS_BACK = re.compile(rf"(?:{'|'.join(PHRASE_WORDS['referring_determiners'])})\s", re.IGNORECASE)
"""A phrase that points back to a poll named before ("In this most recent survey"): its figures are that poll's
further findings, which ``coreference`` carries over from it."""
_PREPOSITION = re.compile(r"(?<![\w'’-])(?:to|of|for|with|about|on|at|by|from|after|before)\s", re.IGNORECASE)
"""A preposition before the head makes the poll the object of another word ("In addition to the Fox poll")."""
_PARTICIPLE_AFTER = re.compile(r"\s+[a-z]+ing(?![\w'’-])")
"""A participle after the head begins what the study did, not its name ("a 2015 study spanning 24 countries")."""


def evidence_adjuncts(
    text: str, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """Each claim's attribution, with the claims that have none and open with such an adjunct given its document."""
    return tuple(
        attribution if attribution is not None else _adjunct(text, claim)
        for claim, attribution in zip(claims, attributions, strict=True)
    )


def _adjunct(text: str, claim: Claim) -> Attribution | None:
    """The attribution an opening "In <poll>," gives ``claim``, or None."""
    opening = _OPENING.match(text, claim.start, claim.end)
    comma = text.find(",", claim.start, claim.end) if opening is not None else -1
    if comma < 0:
        return None
    source = source_after(text, opening.end(), comma)
    if source is None or _REFERS_BACK.match(source.text):
        return None
    if (participle := _PARTICIPLE_AFTER.search(text, source.start, source.end)) is not None:
        source = Span(source.start, participle.start(), text[source.start : participle.start()])
    reading = classify_source(text, source)
    head = reading.head.lower()
    if reading.source_type != "document" or head not in _EVIDENCE_HEADS:
        return None
    if _PREPOSITION.search(source.text, 0, source.text.lower().rfind(head)):
        return None
    return Attribution(
        source=source, source_type="document", named=reading.named, cue=Span(opening.start(), opening.end() - 1, "In"),
        inherited=False, via=(), described=False, direct_quote=False,
        steps=(Step("evidence_adjunct", source.text),),
    )
