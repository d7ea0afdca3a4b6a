"""The claim score: a base plus one named contribution per signal.

Every number comes from ``resources/lexicons/weights.toml`` (one file, a comment per weight
citing the standard behind it). Each term is a :class:`Contribution` with a reason in
plain words, and the terms add up exactly to the score before it is clamped to 0-100,
so a reader can see why a claim scored what it did.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Mapping

from .resources import read_toml
from .records import Attribution, ClaimFindings, ClaimRole, Contribution, ScoredClaim

SCORE_MIN = 0.0
SCORE_MAX = 100.0
POINT_DECIMALS = 3
"""Points are rounded once, where they are made, so the reported terms add up to the score."""

_SOURCE_TYPE_WORDS = {
    "person": "person",
    "organization": "organisation",
    "media": "news outlet",
    "social_media": "social-media account",
    "document": "document",
    "anonymous": "anonymous source",
    "unknown": "unidentified source",
}


ARTICLE_SIGNALS = ("identified", "vague", "unsourced", "opinion", "hedged", "thesis")
"""The article score's terms (``aggregate.py``), each worth ``article.points`` times its share."""


class WeightsError(ValueError):
    """The weights file is missing a value or holds one of the wrong type."""


@dataclass(frozen=True)
class Weights:
    """The scoring weights, read once from ``weights.toml`` and checked."""

    version: str
    base: float
    attribution_present: float
    attribution_absent: float
    source_type: Mapping[str, float]
    named: float
    anonymous_described: float
    anonymous_bare: float
    direct_quote: float
    per_via_hop: float
    hedge_first: Mapping[str, float]
    hedge_each_further: float
    source_hedge: float
    verification: Mapping[str, float]
    model_weight: float
    article_points: Mapping[str, float]
    claim_scores_share: float
    lead_weight: float
    thesis_claims: int
    high_from: float
    mixed_from: float

    @classmethod
    def from_mapping(cls, table: Mapping) -> "Weights":
        try:
            return cls(
                version=str(table["version"]),
                base=_number(table["base"]["points"]),
                attribution_present=_number(table["attribution"]["present"]),
                attribution_absent=_number(table["attribution"]["absent"]),
                source_type=MappingProxyType({k: _number(table["source_type"][k]) for k in _SOURCE_TYPE_WORDS}),
                named=_number(table["named"]["named"]),
                anonymous_described=_number(table["anonymous_specificity"]["described"]),
                anonymous_bare=_number(table["anonymous_specificity"]["bare"]),
                direct_quote=_number(table["directness"]["direct_quote"]),
                per_via_hop=_number(table["directness"]["per_via_hop"]),
                hedge_first=MappingProxyType(
                    {k: _number(table["hedges"][k]) for k in ("distancing", "speculation", "vague_attribution")}
                ),
                hedge_each_further=_number(table["hedges"]["each_further"]),
                source_hedge=_number(table["hedges"]["source"]),
                verification=MappingProxyType(
                    {k: _number(table["verification"][k]) for k in ("unverified", "caution", "confirmed")}
                ),
                model_weight=_number(table["model"]["weight"]),
                article_points=MappingProxyType({k: _number(table["article"]["points"][k]) for k in ARTICLE_SIGNALS}),
                claim_scores_share=_number(table["article"]["claim_scores_share"]),
                lead_weight=_number(table["article"]["lead_weight"]),
                thesis_claims=int(_number(table["article"]["thesis_claims"])),
                high_from=_number(table["article"]["high_from"]),
                mixed_from=_number(table["article"]["mixed_from"]),
            )
        except KeyError as missing:
            raise WeightsError(f"weights file is missing {missing}") from None

    @cached_property
    def fixed_terms(self) -> Mapping[str, Contribution]:
        """The terms whose points and reason never vary, made once and shared (records
        are frozen): the base every claim starts with, no attribution, anonymous
        specificity, a direct quotation."""
        return MappingProxyType({
            "base": Contribution("base", self.base, "starting point for any claim"),
            "absent": Contribution("attribution", self.attribution_absent, "no attribution: nobody is said to say so"),
            "described": Contribution("anonymous_specificity", self.anonymous_described, "anonymous but described"),
            "bare": Contribution("anonymous_specificity", self.anonymous_bare, "bare anonymous source"),
            "direct_quote": Contribution("direct_quote", self.direct_quote, "direct quotation of the source"),
        })


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise WeightsError(f"weight {value!r} is not a number")
    return float(value)


def load_weights(name: str = "weights.toml") -> Weights:
    return Weights.from_mapping(read_toml(name))


def score_claim(findings: ClaimFindings, weights: Weights, role: ClaimRole | None = None) -> ScoredClaim:
    """Score one claim from its findings; contributions sum to the unclamped score.

    The role does not change the claim's score (how well this claim can be traced); it
    decides how the claim counts in the article rating (``aggregate.py``).
    """
    fixed = weights.fixed_terms
    terms = [fixed["base"]]
    if findings.attribution is None:
        terms.append(fixed["absent"])
    else:
        _add_attribution_terms(terms, findings.attribution, weights)
    if findings.hedges:
        terms += _hedge_terms(findings, weights)
    if findings.verification:
        terms += _verification_terms(findings, weights)
    terms.append(_model_term(findings, weights))
    total = round(sum([term.points for term in terms]), POINT_DECIMALS)
    clamped = min(SCORE_MAX, max(SCORE_MIN, total))
    return ScoredClaim(findings, clamped, tuple(terms)) if role is None else ScoredClaim(findings, clamped, tuple(terms), role)


def _add_attribution_terms(terms: list[Contribution], attribution: Attribution, weights: Weights) -> None:
    cue_words = f'cue "{attribution.cue.text}"' if attribution.cue else "carried over from an earlier claim"
    terms.append(Contribution("attribution", weights.attribution_present, f"attributed: {cue_words}"))
    teller = attribution.teller
    source_words = f" ({teller.text})" if teller else ""
    source_type = attribution.source_type
    kind = _SOURCE_TYPE_WORDS[source_type]
    terms.append(Contribution("source_type", weights.source_type[source_type], f"{kind}{source_words}"))
    if attribution.named:
        terms.append(Contribution("named", weights.named, f"named {kind}{source_words}"))
    if source_type == "anonymous":
        terms.append(weights.fixed_terms["described" if attribution.described else "bare"])
    if attribution.direct_quote:
        terms.append(weights.fixed_terms["direct_quote"])
    if attribution.via:
        terms += [
            Contribution("via", weights.per_via_hop, f"second-hand via {_SOURCE_TYPE_WORDS[hop.source_type]} ({hop.span.text})")
            for hop in attribution.via
        ]


def _hedge_terms(findings: ClaimFindings, weights: Weights) -> list[Contribution]:
    """The writer's hedges count against the claim (the first by its category, further ones less); a source's
    own hedge lowers it a little, once."""
    writer = [hedge for hedge in findings.hedges if hedge.speaker == "writer"]
    terms = [
        Contribution(
            "hedge",
            weights.hedge_first[hedge.category] if position == 0 else weights.hedge_each_further,
            f'hedged ({_HEDGE_WORDS[hedge.category]}): "{hedge.span.text}"',
        )
        for position, hedge in enumerate(writer)
    ]
    source = next((hedge for hedge in findings.hedges if hedge.speaker == "source"), None)
    if source is not None:
        terms.append(Contribution("source_hedge", weights.source_hedge, f'the source hedges: "{source.span.text}"'))
    return terms


_HEDGE_WORDS = {"distancing": "distancing", "speculation": "speculation", "vague_attribution": "vague attribution"}


def _verification_terms(findings: ClaimFindings, weights: Weights) -> list[Contribution]:
    return [
        Contribution("verification", weights.verification[note.kind], f'{note.kind}: "{note.span.text}"')
        for note in findings.verification
    ]


def _model_term(findings: ClaimFindings, weights: Weights) -> Contribution:
    """The model reads one sentence; an inherited attribution lies outside it.

    For a quote continuation or "he added" resolved from an earlier claim, the model's
    low probability is right about the sentence but wrong about the claim, so its term
    is reported at zero points rather than counted against a traced claim.
    """
    probability = findings.prediction.probability
    if findings.attribution is not None and findings.attribution.inherited:
        return Contribution("model", 0.0, f"attribution model p={probability:.2f} not counted: attribution carried over")
    points = round(weights.model_weight * (probability - 0.5), POINT_DECIMALS)
    return Contribution("model", points, f"attribution model p={probability:.2f}")
