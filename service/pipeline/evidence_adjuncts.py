"""Where a claim names where its content comes from in an adjunct or a poll's figure, that is its source, by four
recognizers:

- an opening adjunct that names a poll, survey, study or average ("In the latest Gallup poll, Hispanic voters
  favored ...", "In a Brown University poll last week, ..."): the document is the source (docs/guidelines.md, source
  type "document"), the preposition the cue, as the hand labels mark it;
- a poll that puts someone at a figure ("A Quinnipiac survey from mid-April put him at 48 percent"): "put" is the cue;
- a closing "per" and who says so, set off by a comma ("..., per the CDC.", "..., per a pool report."): "according
  to" in the shorter wording of wire copy and newsletters; "per" is the cue;
- a figure given "in" a poll later in the claim ("Kasich was at 25 percent support in the most recent Fox poll"): the
  poll is the source and "in" the cue, as for the opening adjunct.

They run last, on what inheritance left: a claim with a cue of its own ("In a study, researchers found") keeps its
teller, and one that goes on from an earlier claim keeps its source, except a poll's share carried from an earlier
poll to a claim that puts someone at a figure by a poll of its own or gives it in one. Nothing is handed on: held
out, letting the poll-share inheritance carry an adjunct's poll on gave 11 claims the labels leave unattributed or
attribute on their own a poll, for no right one."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .attribution.spans import source_after, source_before
from .records import Attribution, Claim, Span, Step
from .source_lexicons import PHRASE_WORDS
from .sources import SourceReading, classify_source

_OPENING = re.compile(r"In\s")
"""The preposition that opens such an adjunct, at the claim's start."""
_EVIDENCE_HEADS = frozenset(PHRASE_WORDS["evidence_heads"])
_REFERS_BACK = re.compile(rf"(?:{'|'.join(PHRASE_WORDS['referring_determiners'])})\s", re.IGNORECASE)
"""A phrase that points back to a poll named before ("In this most recent survey"): its figures are that poll's
further findings, which ``coreference`` carries over from it."""
_PREPOSITION = re.compile(r"(?<![\w'’-])(?:to|of|for|with|about|on|at|by|from|after|before)\s", re.IGNORECASE)
"""A preposition before the head makes the poll the object of another word ("In addition to the Fox poll")."""
_PUTS_AT = re.compile(
    r"(?<![\w'’-])(?P<verb>put|puts|putting)\s+(?:[^\s.;:,]+\s+){1,6}?at\s+(?:about\s+|around\s+|roughly\s+)?\d"
)
"""A poll's figure for someone: "put Trump at 49 percent", "puts his approval on the economy at 46 percent"."""
_CLOSING_PER = re.compile(r",\s+(?P<cue>per)\s+(?=[\w“\"])[^,;:]+$")
"""A closing "per" and who says so, after the claim's last comma ("..., per the CDC.")."""
_IN_POLL = re.compile(
    r"(?<![\w'’-])(?P<cue>in)\s+(?P<poll>(?:a|an|the|[A-Z][\w.&'’-]*)\s+(?:[\w.&'’-]+\s+){0,5}?"
    r"(?:poll|survey|study|average|analysis))(?![\w'’-])"
)
"""A poll named after "in" within the claim, up to its head: "in a new Fox News poll", "in the CBS survey"; the
head singular, as "in the polls" names none."""
_FIGURE = re.compile(r"\d[\d,.]*(?:\s*%|\s+(?:percent|per\s+cent|percentage\s+points?|points?)(?![\w'’-]))")
"""A share or a margin, what a poll gives: "45 percent", "38%", "6 points"."""
_UNIT = re.compile(r"[a-z]+")
"""One lower-case word after "per" is the unit of a rate ("$20, per person"), no teller."""
_PARTICIPLE_AFTER = re.compile(r"\s+[a-z]+ing(?![\w'’-])")
"""A participle after the head begins what the study did, not its name ("a 2015 study spanning 24 countries")."""


def evidence_adjuncts(
    text: str, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """Each claim's attribution, with the document it names where it has none or only an earlier poll's share."""
    return tuple(_documented(text, claim, attribution) for claim, attribution in zip(claims, attributions, strict=True))


def _documented(text: str, claim: Claim, attribution: Attribution | None) -> Attribution | None:
    """``claim``'s attribution after the recognizers (see the module's docstring)."""
    if attribution is None:
        return (_adjunct(text, claim) or _polls_figure(text, claim) or _closing_per(text, claim)
                or _figure_in_poll(text, claim))
    if attribution.inherited and attribution.steps and attribution.steps[0][0] == "poll_finding":
        return _polls_figure(text, claim) or _figure_in_poll(text, claim) or attribution
    return attribution


def _polls_figure(text: str, claim: Claim) -> Attribution | None:
    """The attribution of a poll that puts someone at a figure in ``claim`` ("a Quinnipiac survey from mid-April put
    him at 48 percent"): the poll, the subject right before "put", is the source; None otherwise."""
    # "put" first, by a plain find: the pattern opens with a lookbehind, so ``re`` would try it at every character
    puts = _PUTS_AT.search(text, claim.start, claim.end) if text.find("put", claim.start, claim.end) >= 0 else None
    if puts is None:
        return None
    source, _ = source_before(text, claim.start, puts.start())
    reading = _as_evidence(text, source) if source is not None else None
    if reading is None:
        return None
    return _stated_by(source, reading, Span(puts.start("verb"), puts.end("verb"), puts.group("verb")), "polls_figure")


def _closing_per(text: str, claim: Claim) -> Attribution | None:
    """The attribution a closing ", per X." gives ``claim``: X, when it ends the claim (no clause follows it) and
    types as a source; None otherwise."""
    per = _CLOSING_PER.search(text, claim.start, claim.end)
    if per is None:
        return None
    source = source_after(text, per.end("cue"), claim.end)
    if source is None or text[source.end : claim.end].strip(" .!?”\"’)") != "" or _UNIT.fullmatch(source.text):
        return None
    reading = classify_source(text, source)
    if reading.source_type == "unknown":
        return None
    return _stated_by(source, reading, Span(per.start("cue"), per.end("cue"), "per"), "closing_per")


def _figure_in_poll(text: str, claim: Claim) -> Attribution | None:
    """The attribution of a poll a figure of ``claim`` is given in ("... at 25 percent support in the most recent Fox
    poll"): the first poll after "in" that types as a document, in a claim with a share or a margin; None otherwise."""
    if _FIGURE.search(text, claim.start, claim.end) is None:
        return None
    for found in _IN_POLL.finditer(text, claim.start, claim.end):
        source = Span(found.start("poll"), found.end("poll"), found.group("poll"))
        if _REFERS_BACK.match(source.text):
            continue
        reading = _as_evidence(text, source)
        if reading is not None and not _PREPOSITION.search(source.text):
            return _stated_by(source, reading, Span(found.start("cue"), found.end("cue"), "in"), "figure_in_poll")
    return None


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
    reading = _as_evidence(text, source)
    if reading is None or _PREPOSITION.search(source.text, 0, source.text.lower().rfind(reading.head.lower())):
        return None
    return _stated_by(source, reading, Span(opening.start(), opening.end() - 1, "In"), "evidence_adjunct")


def _as_evidence(text: str, source: Span) -> SourceReading | None:
    """How ``source`` types when it is a document headed by a poll, survey, study or average; None otherwise."""
    reading = classify_source(text, source)
    return reading if reading.source_type == "document" and reading.head.lower() in _EVIDENCE_HEADS else None


def _stated_by(source: Span, reading: SourceReading, cue: Span, rule: str) -> Attribution:
    """A claim's own attribution to ``source``, typed as ``reading`` says, by ``cue``, found by ``rule``."""
    return Attribution(
        source=source, source_type=reading.source_type, named=reading.named, cue=cue, inherited=False, via=(),
        described=reading.described, direct_quote=False, steps=(Step(rule, source.text),),
    )
