"""Attribution: who says each claim, through whom, and how we know.

Input: the claims and the trained model's per-claim reading (a cue span and a source
span, or None). Output: one ``Attribution`` (or None) per claim. The model finds cues;
rules make its spans right and type them, and add what it cannot know on its own.

Per claim, in order (one pass over the claims, bounded work per claim):

1. Cue. The claim's candidates, in the order the gate judges them (``Candidates``):
   the gate keeps the first it accepts and judges the next only when it refuses the one before
   (``gate.AttributionGate.apply``). The first is the model's cue when it gave one (one of only
   function words or hedge adverbs is not used; a rule-lexicon reporting verb right after it is:
   "has also detailed", and after a lone "-ly" adverb a verb of communication too: "sharply
   rebuked"; a rule cue before it that tags the quotation before it is too: "“...,” he said,
   adding that ..."). Otherwise a rule cue, but only for patterns clear enough not to be a guess:
   "according to X"; "X said that / : / “..." with X at the start of a clause, or a clause
   without "that" ("X says he escaped", "X denied the visit was a factor": a subject pronoun, or a
   finite auxiliary a few words on; not "X says little"); a reporting clause that ends the
   sentence ("..., the Ukrainian military said on Monday.", "“...,” said Umerov.") or stands
   between commas inside it ("The plan, the minister said, would fail"). After the first come the
   claim's other cues of such clear patterns, communication verbs before content (``class_cues``)
   among them: the model's cue is often an action ("The council voted on Tuesday, officials said,
   to ..."). A cue inside a quotation (the document's ``Quotations``) is never the claim's: it is the quoted
   speaker's own word.
2. Source. The model's span when it is a plausible noun phrase, tightened: an
   apposition or relative clause after a name is cut ("Andriy Kovalenko, the head of
   ..." -> "Andriy Kovalenko"), a possessive owner and a bracketed acronym are kept
   ("Ukraine's Main Military Intelligence Directorate (GUR)"), trailing adjuncts,
   auxiliaries and adverbs go ("on Monday", "has long", "cynically"). The rule source
   next to the cue completes a model span it overlaps ("Rustem" -> "Rustem Umerov") and
   stands in when the model gave none: the noun phrase that ends just before the cue
   (without "has", "also", "further", "on Tuesday"; or reaching past an apposition), or
   for "according to", "citing" and an inverted "said X" the one just after it. A rule
   source apart from the model's does not replace it (it is then an object after the
   cue or a clause before it), except after "according to". A phrase that ends in
   "and" or has no word in it ("''") is no source.
3. Chain. ``source`` is the original teller the article traces the claim to; ``via``
   lists the intermediaries, nearest to the article first (api.md). So "TASS reported,
   citing Denis Pushilin" is source Pushilin (person) via TASS (media): Pushilin told
   TASS, the article heard it from TASS. The same for "The ISW stressed that the GUR
   had claimed ..." (source GUR via ISW), for "X reported ..., according to the ISW"
   (source X via ISW) and "X said ..., CNN reported" (source X via CNN), for a
   carrier "in the video, shared by the X account 'Victoria', the soldier describes"
   (the account is a relay between the speaker and the article),
   and for a definite carrier ("the video") introduced by an earlier claim: that
   claim's tellers come first ("according to L'Independent").
4. Back-references. A pronoun or a name-less definite source ("it added", "he said",
   "the agency added", "The Washington-based think tank") is resolved to the nearest
   earlier source of a compatible type within ``LOOKBACK_CLAIMS`` claims; the claim
   keeps its own cue, ``inherited`` stays false, the source span stays on the words in
   the claim ("he": the tight span that names who says it), takes the earlier source's
   type, and ``refers_to`` points at the earlier mention. An intermediary in ``via`` is
   given by its earlier mention. Unresolved, the pronoun stays with type unknown.
5. Inheritance. A claim with no cue of its own inherits source, type and via (cue None,
   ``inherited`` true) when it continues a quotation: it opens inside one
   (``Claim.opens_inside_quote``), or it is wholly a quotation (closed in it, or running
   to the end of its paragraph and on into the next) right after a claim with a
   quotation in it, or right after a claim of its paragraph with a cue of its own. A claim that opens a quotation closed and attributed a few claims
   later ("“A. B,” she said.") takes that later attribution; when no later claim
   attributes it, it is the speaker's of a quoting claim right before it, as a whole
   quotation would be.

Each decision returns structured steps (``Step``: a rule and what it saw), kept in order in
``Attribution.steps``; ``report.py`` puts them into words.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from ..document import Document, Quotations
from ..sources import SourceReading
from ..records import Attribution, Claim, ClaimPrediction, Step, Via, replace
from .chain import trace_chain
from .cues import Candidate, Cue, CueIndex, Cues, candidates, class_cues, may_hold_class_cue
from .decide import choose_later, choose_primary, model_cue_within
from .inherit import Seen, inherit_backward, inherit_forward, is_direct_quote
from .references import GENDERED_PRONOUNS, LOOKBACK_CLAIMS, MENTION_MEMORY, Mention, person_asked, resolve

__all__ = ["LOOKBACK_CLAIMS", "Candidate", "Candidates", "attribute", "attribute_candidates", "candidates"]


@dataclass(frozen=True, slots=True)
class Candidates:
    """A claim's attribution, and the ones the gate judges after it when it refuses it (``decide.choose_later``),
    made only when asked, one by one: most first cues are kept, and the later ones cost a source search each.
    ``make_later`` is None when the claim has no cue that could follow its first."""

    first: Attribution | None
    make_later: Callable[[], Iterator[Attribution]] | None = None

    def later(self) -> Iterator[Attribution]:
        return iter(()) if self.make_later is None else self.make_later()


def attribute(
    document: Document, claims: Sequence[Claim], predictions: Sequence[ClaimPrediction]
) -> tuple[Attribution | None, ...]:
    """One ``Attribution`` or None per claim, in claim order (see the module docstring): each claim's first
    candidate (``attribute_candidates``)."""
    return tuple(candidates.first for candidates in attribute_candidates(document, claims, predictions))


def attribute_candidates(
    document: Document, claims: Sequence[Claim], predictions: Sequence[ClaimPrediction]
) -> tuple[Candidates, ...]:
    """Per claim, in claim order, its ``Candidates``: the attribution the module docstring describes, and the
    ones the gate judges after it. Only the first is seen by later claims (back-references, inheritance), as it
    was before the gate; the later ones read the sources and claims seen up to it."""
    text = document.text
    if len(claims) != len(predictions):
        raise ValueError(f"{len(claims)} claims but {len(predictions)} predictions")
    mentions: deque[Mention] = deque(maxlen=MENTION_MEMORY)
    seen: deque[Seen] = deque(maxlen=LOOKBACK_CLAIMS)
    results: list[Candidates] = []
    cues = CueIndex(text, document.tokens)
    quotations = document.quotations
    for claim, prediction in zip(claims, predictions):
        # A cue inside a quotation is the quoted speaker's own word, never the claim's (docs/guidelines.md).
        found = cues.of(claim)
        model_cue = model_cue_within(claim, prediction.cue)
        if not model_cue and (more := class_cues(text, claim)):
            # No model cue: verbs of a class the gate knows stand as candidates beside the rule lexicon's.
            found = tuple(sorted((*found, *more), key=lambda rule_cue: rule_cue[0].start))
        found = _outside_quotations(quotations, found)
        if prediction.cue is not None and quotations.open_at(prediction.cue.start):
            prediction = replace(prediction, cue=None, source=None)
        primary = None
        if found or model_cue_within(claim, prediction.cue):
            rule_cues = Cues(text, claim, found)
            primary, how = choose_primary(text, claim, prediction, rule_cues)
        if primary is not None:
            first = _own_attribution(document, claim, primary, how, rule_cues, mentions, seen)
            own = Candidates(first)
            # Most claims have no cue that could follow the first: settled here, before any scan or source search.
            if rule_cues.apart(primary.cue) or (model_cue and may_hold_class_cue(text, claim)):
                memory = (deque(mentions, maxlen=MENTION_MEMORY), deque(seen, maxlen=LOOKBACK_CLAIMS))
                own = Candidates(first, partial(_later, document, claim, primary, rule_cues, model_cue, *memory))
        else:  # no cue of the model's in the claim, nor a clear one of the rules': nothing to attribute by
            own = Candidates(inherit_backward(document.quotations, claim, seen))
        results.append(own)
        seen.append(Seen(claim, own.first))
    firsts = inherit_forward(document.quotations, claims, [own.first for own in results])
    return tuple(own if first is own.first else Candidates(first) for own, first in zip(results, firsts))


def _later(
    document: Document, claim: Claim, primary: Candidate, found: Cues, model_cue: bool, mentions: deque[Mention],
    seen: deque[Seen],
) -> Iterator[Attribution]:
    """The attributions the gate judges after the claim's first (``decide.choose_later``), each made when the gate
    asks for it; with a model cue, the communication verbs before content (``class_cues``), which ``found`` then
    leaves out, are among them."""
    text = document.text
    more = _outside_quotations(document.quotations, class_cues(text, claim)) if model_cue else ()
    return (
        _own_attribution(document, claim, candidate, how, found, mentions, seen, remember=False)
        for candidate, how in choose_later(text, primary, found, Cues(text, claim, more))
    )


def _outside_quotations(quotations: Quotations, found: tuple[Cue, ...]) -> tuple[Cue, ...]:
    """The cues of ``found`` outside the document's quotations (without a quotation in the text, all of them)."""
    if not found or not quotations.outer:
        return found
    return tuple(rule_cue for rule_cue in found if not quotations.open_at(rule_cue[0].start))


def _own_attribution(
    document: Document, claim: Claim, primary: Candidate, how: tuple[Step, ...], found: Cues,
    mentions: deque[Mention], seen: deque[Seen], remember: bool = True,
) -> Attribution:
    """The claim's attribution by the cue ``primary`` (``how``: the steps that chose it; ``found``: the rule
    cues); its sources join ``mentions`` for later back-references only when ``remember``."""
    text = document.text
    chain, notes = trace_chain(text, claim, primary, found, seen)
    typed = [resolve(text, span, claim.index, mentions) for span in chain]
    if remember:
        for span, reading, _, referent in typed:
            if reading.source_type != "unknown":
                pronoun = span.text.lower() if referent is not None and span.text.lower() in GENDERED_PRONOUNS else None
                mentions.append(Mention(referent or span, reading, claim.index, pronoun))
        if typed and (asked := person_asked(text, primary.cue, claim.end, claim.index)) is not None:
            mentions.append(asked)  # after the asker: the nearer mention a later pronoun takes
    steps = [*how, *notes]
    referent = None
    if typed:
        source, reading, resolution, referent = typed[-1]
        last = chain[-1]
        found = primary.found if last is primary.source or last == primary.source else "in_chain"
        steps.append(Step("source_found", last.text, found, primary.subject_of))
        if resolution is not None:
            steps.append(resolution)
        steps.append(Step("typed", reading.source_type, reading.explanation))
    else:
        source, reading = None, SourceReading("unknown", False, False, "no source found around the cue")
        steps.append(Step("no_source"))
    via = tuple([Via(referent_ or span, r.source_type) for span, r, _, referent_ in typed[:-1]]) if len(typed) > 1 else ()
    if via:
        steps.append(Step("via", *[part for hop in via for part in (hop.span.text, hop.source_type)]))
    return Attribution(
        source=source,
        source_type=reading.source_type,
        named=reading.named,
        cue=primary.cue,
        inherited=False,
        via=via,
        described=reading.described,
        direct_quote=is_direct_quote(document.quotations, claim, primary.cue, source),
        steps=tuple(steps),
        refers_to=referent,
    )
