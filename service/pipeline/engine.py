"""The engine: runs the stages in order over one article.

text -> Document -> segment -> model -> attribute -> gate, source spans refined, people resolved, posts
signed, quotations led in, quotations continued, blocks after lead-ins, quotations no one opens, opening poll
adjuncts -> hedges, verification notes -> sourcing notes -> roles -> score -> aggregate

The ``Document`` (the text, its one case folding, its lines, its quotations) is built
once and handed to every stage.

Heavy things (the models, the weights) are loaded once when the engine is built and
shared by every call; the engine keeps no per-request state, so one instance serves
many threads. Each stage runs inside ``timing.stage`` (its time, for /metrics, when observed).
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .aggregate import aggregate
from .appositions import Refinements, refine_sources
from .attribution import attribute_candidates
from .claims import segment
from .coreference import (
    continue_quotations, credited_excerpts, embedded_posts, marked_up_posts, nearer_mentions, resolve_people, speaker_labels,
)
from .cues import find_hedges, find_verification_notes
from .document import Document
from .evidence_adjuncts import evidence_adjuncts
from .gate import AttributionGate
from .lead_ins import blocks_after_lead_ins, lead_in_lines, quotations_after_lead_ins, unattributed_quotations
from .hedge_model import HedgeCueModel
from .model import AttributionModel
from .quotation_tags import quotation_tags
from .roles import RoleModel
from .scoring import Weights, load_weights, score_claim
from .sourcing_notes import fold_non_claims
from .timing import stage
from .records import ArticleResult, Attribution, ClaimFindings, Segment


class Engine:
    def __init__(self, model: AttributionModel, weights: Weights, hedge_detector: HedgeCueModel,
                 roles: RoleModel | None = None, gate: AttributionGate | None = None) -> None:
        self.model = model
        self.weights = weights
        self.hedge_detector = hedge_detector
        self.roles = roles if roles is not None else RoleModel.load()
        self.gate = gate if gate is not None else AttributionGate.load()

    @classmethod
    def load(cls, model_path: Path | str | None = None) -> "Engine":
        """Build an engine from the files we ship (or the attribution model at ``model_path``)."""
        return cls(AttributionModel.load(model_path), load_weights(), HedgeCueModel.load(), RoleModel.load())

    @property
    def model_version(self) -> str:
        return self.model.version

    def analyse(self, text: str) -> ArticleResult:
        with stage("document"):
            document = Document.of(text)
        findings, skipped = find(document, self.model, self.hedge_detector, self.gate)
        with stage("roles"):
            roles = self.roles.predict(document, findings)
        with stage("score"):
            scored = tuple(score_claim(claim, self.weights, role) for claim, role in zip(findings, roles, strict=True))
        with stage("aggregate"):
            return aggregate(scored, skipped, self.weights)


def find(document: Document, model: AttributionModel, hedge_detector: HedgeCueModel, gate: AttributionGate
         ) -> tuple[tuple[ClaimFindings, ...], tuple[Segment, ...]]:
    """Every claim's findings before roles and scores, and the segments that are not claims."""
    text = document.text
    with stage("segment"):
        segmentation = segment(document)
    claims = segmentation.claims
    with stage("model"):
        predictions = model.predict(text, claims, document.tokens)
    with stage("attribute"):
        attributed = attribute_candidates(document, claims, predictions)
    with stage("gate"):
        refinements = Refinements(text)
        gated = gate.apply(document.quotations, claims, predictions, attributed, refinements)
    with stage("appositions"):
        refined = refine_sources(text, claims, gated, refinements)
    with stage("people"):
        people = resolve_people(document.quotations, claims, quotation_tags(text, claims, refined))
        posts = marked_up_posts(text, claims, embedded_posts(text, document.lines, claims, people))
        signed = credited_excerpts(text, document.lines, document.quotations, claims, speaker_labels(
            text, document.lines, document.quotations, claims, posts))
        opened = quotations_after_lead_ins(text, document.quotations, claims, signed)
        continued = continue_quotations(document, claims, opened)
        blocks = blocks_after_lead_ins(text, document.quotations, claims, continued)
        found = unattributed_quotations(text, document.quotations, claims, blocks)
        # a quotation given a speaker only now goes on over the paragraphs after it as any other does; when the
        # last two steps gave no claim a new attribution there is nothing new to carry on
        quoted = continue_quotations(document, claims, found) if _gave_any(found, continued) else found
        documented = evidence_adjuncts(text, claims, quoted)
        # a poll named in an adjunct ("In an NBC News poll released Monday, 50 percent ...") is found only now: its
        # further findings carry it on as any other document's
        if _gave_any(documented, quoted):
            documented = continue_quotations(document, claims, documented)
        attributions = nearer_mentions(document.quotations, claims, documented)
    with stage("hedges"):
        hedges = find_hedges(document, claims, attributions, hedge_detector)
    with stage("verification_notes"):
        notes = find_verification_notes(document, claims, attributions)
    with stage("sourcing_notes"):
        findings, taken_out = fold_non_claims([
            ClaimFindings(claim, prediction, attribution, claim_hedges, claim_notes)
            for claim, prediction, attribution, claim_hedges, claim_notes in zip(
                claims, predictions, attributions, hedges, notes, strict=True
            )
        ], lead_in_lines(text, claims, attributions))
    skipped = tuple(sorted(segmentation.skipped + taken_out, key=lambda segment: segment.start))
    return findings, skipped


def _gave_any(after: Sequence[Attribution | None], before: Sequence[Attribution | None]) -> bool:
    """Whether the steps between ``before`` and ``after`` gave any claim a new attribution (records are never changed in
    place, so a claim's is new exactly when it is another object): only then has ``continue_quotations`` anything
    new to carry on."""
    return any(new is not old for new, old in zip(after, before, strict=True))
