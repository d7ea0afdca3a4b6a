"""Sentences that only comment on sourcing are notes on a claim, not claims (docs/guidelines.md, "Claims"); lead-in
lines that say nothing of their own are no claims either (``lead_ins.lead_in_lines``).

"The claim could not be independently verified." asserts nothing about the story; it tells
the reader how far the sentence before it can be trusted. Such a sentence is taken out of
the claims (kept in ``skipped`` with kind ``note``) and its verification note governs the
claim before it (where ``cues.py`` has not already made it govern earlier claims).

Rule: a claim after the first is only a sourcing note when a verification note stands in
it and at most ``NOTE_SUBJECT_MAX_WORDS`` of its words lie outside every note span ("The
GUR's assessment ... by independent reports", "Reuters ... the report"). Claims are then
numbered again in text order, and every note's ``claim_index`` and ``governs`` follow, as do the claims named in
the attribution steps (``STEP_CLAIM_DETAIL``; a claim taken out is named as None). Lead-ins are taken out after
they have handed on their source (kind ``lead_in``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from inspect import signature

from .records import Attribution, ClaimFindings, Segment, Step, StepRule, VerificationNote, replace
from .report import STEP_WORDS

NOTE_SUBJECT_MAX_WORDS = 6
STEP_CLAIM_DETAIL: dict[StepRule, int] = {
    rule: list(parameters).index("claim")
    for rule, words in STEP_WORDS.items() if "claim" in (parameters := signature(words).parameters)
}
"""Where in a step's detail the claim it points to stands: the position of the ``claim`` its words in
``report.STEP_WORDS`` take, read from them so that a step's layout is written down once."""
_NOTE = ("note", "a verification note on the claim before it, not a claim")
_LEAD_IN = ("lead_in", "a lead-in line: it introduces the block after it (and hands it its source, if it names one) "
                       "and says nothing of its own")
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def _words_outside_notes(findings: ClaimFindings) -> int:
    claim = findings.claim
    own = [note.span for note in findings.verification if note.claim_index == claim.index]
    covered = [(span.start - claim.start, span.end - claim.start) for span in own]
    return sum(
        1 for word in _WORD.finditer(claim.text)
        if not any(start <= word.start() < end for start, end in covered)
    )


def is_sourcing_note(findings: ClaimFindings) -> bool:
    """The claim is only a note on sourcing (see the module docstring)."""
    return (
        findings.claim.index > 0
        and any(note.claim_index == findings.claim.index for note in findings.verification)
        and _words_outside_notes(findings) <= NOTE_SUBJECT_MAX_WORDS
    )


def fold_non_claims(
    claims: Sequence[ClaimFindings], lead_ins: frozenset[int]
) -> tuple[tuple[ClaimFindings, ...], tuple[Segment, ...]]:
    """(the claims without sourcing-note sentences and the lead-in lines ``lead_ins``, renumbered; the sentences
    taken out)."""
    folded = {findings.claim.index for findings in claims[1:] if is_sourcing_note(findings)} | lead_ins
    if not folded:
        return tuple(claims), ()
    # Each folded sentence's own notes also govern the claim kept just before it.
    extra: dict[int, list[VerificationNote]] = {}
    kept_before = None
    for findings in claims:
        index = findings.claim.index
        if index in folded and kept_before is not None:
            own = [note for note in findings.verification if note.claim_index == index]
            extra.setdefault(kept_before, []).extend(own)
        elif index not in folded:
            kept_before = index
    renumber = {}
    for findings in claims:
        if findings.claim.index not in folded:
            renumber[findings.claim.index] = len(renumber)

    def moved(note: VerificationNote, to: int | None = None) -> VerificationNote:
        governs = {renumber[i] for i in note.governs if i in renumber}
        if to is not None:
            governs.add(renumber[to])
        return replace(note, claim_index=renumber.get(note.claim_index), governs=tuple(sorted(governs)))

    kept, skipped = [], []
    for findings in claims:
        index = findings.claim.index
        if index in folded:
            claim = findings.claim
            kind, reason = _LEAD_IN if index in lead_ins else _NOTE
            skipped.append(Segment(claim.start, claim.end, claim.text, kind, reason))
            continue
        notes = [moved(note) for note in findings.verification]
        seen = {(note.span.start, note.span.end) for note in notes}
        notes += [moved(note, index) for note in extra.get(index, ()) if (note.span.start, note.span.end) not in seen]
        kept.append(replace(findings, claim=replace(findings.claim, index=renumber[index]), verification=tuple(notes),
                            attribution=_renumbered(findings.attribution, renumber)))
    return tuple(kept), tuple(skipped)


def _renumbered(attribution: Attribution | None, renumber: dict[int, int]) -> Attribution | None:
    """The attribution with the claims its steps point to numbered again."""
    if attribution is None or not any(step.rule in STEP_CLAIM_DETAIL for step in attribution.steps):
        return attribution
    steps = []
    for step in attribution.steps:
        if (position := STEP_CLAIM_DETAIL.get(step.rule)) is not None:
            detail = list(step.detail)
            detail[position] = renumber.get(detail[position])
            step = Step(step.rule, *detail)
        steps.append(step)
    return replace(attribution, steps=tuple(steps))
