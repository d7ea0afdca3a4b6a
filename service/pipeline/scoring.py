"""The claim score: a base plus one named contribution per signal.

Every number comes from ``resources/lexicons/weights.toml`` (one file, a comment per weight
citing the standard behind it). Each term is a :class:`Contribution` with a reason in
plain words, and the terms add up exactly to the score before it is clamped to 0-100,
so a reader can see why a claim scored what it did. A scored claim keeps its terms as made
(``claim_terms``: the signal, the points, the reason's format string and its values), which a
body writes; their reasons are formatted only when they are read.
"""
from __future__ import annotations

from dataclasses import dataclass
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


ARTICLE_SIGNALS = ("identified", "relayed", "reported", "vague", "unsourced", "opinion", "hedged", "thesis")
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
    reported_lead_cap: float
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
                reported_lead_cap=_number(table["article"]["reported_lead_cap"]),
                thesis_claims=int(_number(table["article"]["thesis_claims"])),
                high_from=_number(table["article"]["high_from"]),
                mixed_from=_number(table["article"]["mixed_from"]),
            )
        except KeyError as missing:
            raise WeightsError(f"weights file is missing {missing}") from None


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise WeightsError(f"weight {value!r} is not a number")
    return float(value)


def load_weights(name: str = "weights.toml") -> Weights:
    return Weights.from_mapping(read_toml(name))


ClaimTerm = tuple
"""One term of a claim score: (signal, points, its reason as a format string, then the values that fill it)."""


def score_claim(findings: ClaimFindings, weights: Weights, role: ClaimRole | None = None) -> ScoredClaim:
    """Score one claim from its findings; its terms (``claim_terms``) sum to the unclamped score.

    The role does not change the claim's score (how well this claim can be traced); it
    decides how the claim counts in the article rating (``aggregate.py``). The terms are kept
    as made, unformatted: every body writes them, and most requests never read a term's reason,
    which ``contributions`` formats when asked.
    """
    terms = tuple(claim_terms(findings, weights))
    total = round(sum([term[1] for term in terms]), POINT_DECIMALS)
    clamped = min(SCORE_MAX, max(SCORE_MIN, total))
    return ScoredClaim(findings, clamped, terms) if role is None else ScoredClaim(findings, clamped, terms, role)


def contributions(scored: ScoredClaim) -> tuple[Contribution, ...]:
    """The claim score's terms, base first, each with its reason in words."""
    return tuple(Contribution(term[0], term[1], term_reason(term)) for term in scored.terms)


def term_reason(term: ClaimTerm) -> str:
    """A term's reason in words."""
    return term[2].format(*term[3:])


def claim_terms(findings: ClaimFindings, weights: Weights) -> list[ClaimTerm]:
    """The terms of a claim's score in order, base first; their points add up to the score before clamping."""
    terms: list[ClaimTerm] = [("base", weights.base, "starting point for any claim")]
    attribution = findings.attribution
    if attribution is None:
        terms.append(("attribution", weights.attribution_absent, "no attribution: nobody is said to say so"))
    else:
        _add_attribution_terms(terms, attribution, weights)
    if findings.hedges:
        _add_hedge_terms(terms, findings, weights)
    for note in findings.verification:
        terms.append(("verification", weights.verification[note.kind], '{}: "{}"', note.kind, note.span.text))
    terms.append(_model_term(findings, weights))
    return terms


def _add_attribution_terms(terms: list[ClaimTerm], attribution: Attribution, weights: Weights) -> None:
    if attribution.cue:
        terms.append(("attribution", weights.attribution_present, 'attributed: cue "{}"', attribution.cue.text))
    else:
        terms.append(("attribution", weights.attribution_present, "attributed: carried over from an earlier claim"))
    teller = attribution.teller
    source_type = attribution.source_type
    kind = _SOURCE_TYPE_WORDS[source_type]
    shape, values = ("{} ({})", (kind, teller.text)) if teller else ("{}", (kind,))
    terms.append(("source_type", weights.source_type[source_type], shape, *values))
    if attribution.named:
        terms.append(("named", weights.named, "named " + shape, *values))
    if source_type == "anonymous":
        if attribution.described:
            terms.append(("anonymous_specificity", weights.anonymous_described, "anonymous but described"))
        else:
            terms.append(("anonymous_specificity", weights.anonymous_bare, "bare anonymous source"))
    if attribution.direct_quote:
        terms.append(("direct_quote", weights.direct_quote, "direct quotation of the source"))
    for hop in attribution.via:
        terms.append(("via", weights.per_via_hop, "second-hand via {} ({})", _SOURCE_TYPE_WORDS[hop.source_type], hop.span.text))


def _add_hedge_terms(terms: list[ClaimTerm], findings: ClaimFindings, weights: Weights) -> None:
    """The writer's hedges count against the claim (the first by its category, further ones less); a source's
    own hedge lowers it a little, once."""
    first = True
    for hedge in findings.hedges:
        if hedge.speaker == "writer":
            points = weights.hedge_first[hedge.category] if first else weights.hedge_each_further
            first = False
            terms.append(("hedge", points, 'hedged ({}): "{}"', _HEDGE_WORDS[hedge.category], hedge.span.text))
    source = next((hedge for hedge in findings.hedges if hedge.speaker == "source"), None)
    if source is not None:
        terms.append(("source_hedge", weights.source_hedge, 'the source hedges: "{}"', source.span.text))


_HEDGE_WORDS = {"distancing": "distancing", "speculation": "speculation", "vague_attribution": "vague attribution"}


def _model_term(findings: ClaimFindings, weights: Weights) -> ClaimTerm:
    """The model reads one sentence; an inherited attribution lies outside it.

    For a quote continuation or "he added" resolved from an earlier claim, the model's
    low probability is right about the sentence but wrong about the claim, so its term
    is reported at zero points rather than counted against a traced claim.
    """
    probability = findings.prediction.probability
    if findings.attribution is not None and findings.attribution.inherited:
        return "model", 0.0, "attribution model p={:.2f} not counted: attribution carried over", probability
    points = round(weights.model_weight * (probability - 0.5), POINT_DECIMALS)
    return "model", points, "attribution model p={:.2f}", probability
