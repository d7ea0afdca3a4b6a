"""Quotation tags: the writer's clause after a quotation that names who spoke it (“...,” Bennett shot back.).

A quotation that opens its claim and closes with a comma, an exclamation mark or a dash inside its closing mark is
followed by the writer's tag: its subject and a verb ("Ms. Abedin answered", "the audience screamed back", "they
add") or the verb first ("beamed Donald Hartley"). Whatever the verb, in that slot it reports the
quotation as said (docs/guidelines.md, "Attribution": the cue of "“They told us to dig,” the soldier said"); the
model and the gate read the listed verbs of saying there, and this pass reads a tag they left with no attribution.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .attribution.words import is_past_participle, verb_classes
from .records import Attribution, Claim, Span, Step
from .source_lexicons import PRONOUNS
from .sources import classify_source

_CLOSED = r"(?:[,!—–]|--)\s*(?:[”\"’]|'')\s+"
"""A quotation's close before a tag; not a question's ("“...?” asked Manafort"): a sentence that is only a question
is no claim."""
_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*"
_SUBJECT = rf"(?P<subject>{_NAME}|(?:the|another|an?)\s+[a-z]+|[a-z]+)"
_TAG_PARTICLES = ("back", "on", "in", "up", "out")
"""The particles a tag's verb may take ("shot back"): the verb is the word before one."""
_VERB = rf"(?P<verb>(?:(?:had|has)\s+)?[a-z]+(?:\s+(?:{'|'.join(_TAG_PARTICLES)}))?)"
_END = r"(?=\s*(?:[.,;]|$)|\s+(?:with|when|as|at|in|on|after|before|while|during|to)\s)"
_SUBJECT_FIRST = re.compile(rf"{_CLOSED}{_SUBJECT}\s+{_VERB}{_END}")
_VERB_FIRST = re.compile(rf"{_CLOSED}{_VERB}\s+(?P<subject>{_NAME}|the\s+[a-z]+)(?=\s*(?:[.,;]|$)|\s+(?:of|from)\s)")
_OPENING_MARK = re.compile(r"[“\"‘]|''")
_A_CLOSE = re.compile(_CLOSED)
"""Both tag patterns open with ``_CLOSED``: a claim with no such close is not searched by either."""


def quotation_tags(text: str, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
                   ) -> tuple[Attribution | None, ...]:
    """Each claim with no attribution that opens with a quotation (or inside one) closed before a tag (see the
    module docstring) is attributed to the tag's subject, its verb the cue; every other claim keeps its own."""
    result = list(attributions)
    for claim in claims:
        if result[claim.index] is None and (claim.opens_inside_quote or _OPENING_MARK.match(claim.text)):
            result[claim.index] = _tagged(text, claim)
    return tuple(result)


def _tagged(text: str, claim: Claim) -> Attribution | None:
    """The attribution of the last tag in ``claim`` whose verb is a verb and whose subject names a source; None when
    there is none."""
    if _A_CLOSE.search(claim.text) is None:
        return None
    for pattern in (_SUBJECT_FIRST, _VERB_FIRST):
        for match in reversed(list(pattern.finditer(claim.text))):
            verb = match.group("verb").split()
            if not _is_verb(verb[-2] if verb[-1] in _TAG_PARTICLES and len(verb) > 1 else verb[-1]):
                continue
            start = claim.start + match.start("subject")
            source = Span(start, start + len(match.group("subject")), match.group("subject"))
            reading = classify_source(text, source)
            if reading.source_type == "unknown" and source.text.lower() not in PRONOUNS:
                continue
            cue_start = claim.start + match.start("verb")
            return Attribution(
                source=source, source_type=reading.source_type, named=reading.named,
                cue=Span(cue_start, cue_start + len(match.group("verb")), match.group("verb")), inherited=False,
                via=(), described=reading.described, direct_quote=True, steps=(Step("quotation_tag", source.text),),
            )
    return None


def _is_verb(word: str) -> bool:
    """Whether a lower-case word is a verb's past or present form as WordNet knows its verbs ("answered", "shot",
    "adds", "add")."""
    return is_past_participle(word) or verb_classes(word) is not None
