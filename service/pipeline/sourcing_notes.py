"""Sentences that only comment on sourcing are notes on a claim, not claims (docs/guidelines.md, "Claims").

"The claim could not be independently verified." asserts nothing about the story; it tells
the reader how far the sentence before it can be trusted. Such a sentence is taken out of
the claims (kept in ``skipped`` with kind ``note``) and its verification note governs the
claim before it (where ``cues.py`` has not already made it govern earlier claims).

Rule: a claim after the first is only a sourcing note when a verification note stands in
it and at most ``NOTE_SUBJECT_MAX_WORDS`` of its words lie outside every note span ("The
GUR's assessment ... by independent reports", "Reuters ... the report"). Claims are then
numbered again in text order, and every note's ``claim_index`` and ``governs`` follow.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .records import ClaimFindings, Segment, VerificationNote, replace

NOTE_SUBJECT_MAX_WORDS = 6
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


def fold_sourcing_notes(claims: Sequence[ClaimFindings]) -> tuple[tuple[ClaimFindings, ...], tuple[Segment, ...]]:
    """(the claims without sourcing-note sentences, renumbered; the sentences taken out)."""
    folded = {findings.claim.index for findings in claims[1:] if is_sourcing_note(findings)}
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
            skipped.append(Segment(claim.start, claim.end, claim.text, "note",
                                   "a verification note on the claim before it, not a claim"))
            continue
        notes = [moved(note) for note in findings.verification]
        seen = {(note.span.start, note.span.end) for note in notes}
        notes += [moved(note, index) for note in extra.get(index, ()) if (note.span.start, note.span.end) not in seen]
        kept.append(replace(findings, claim=replace(findings.claim, index=renumber[index]), verification=tuple(notes)))
    return tuple(kept), tuple(skipped)
