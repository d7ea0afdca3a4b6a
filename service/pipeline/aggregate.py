"""The article rating: an aggregate of its claims, with shares and distinct sources.

Rule (documented in the README and tested):
- The article score is the weighted mean of its claim scores. The first
  ``lead_claims`` claims (the lead) weigh ``lead_weight`` each, every other claim 1:
  the lead is what most readers take away (inverted pyramid). The headline is not a
  claim and is not scored.
- ``rating`` bands: ``high`` from ``high_from``, ``mixed`` from ``mixed_from``, ``low``
  below; ``unrated`` when there is no claim to score.
- ``summary`` shares are over claims: attributed (any attribution, inherited
  included), named (a named source), anonymous (source type anonymous), hedged (at least
  one hedge of the writer's), unverified (at least one note of kind ``unverified`` governs it).
- ``sources`` are distinct primary sources, most cited first (ties: first mentioned
  first), each counted under the mention that names it ("he" under "Rustem Umerov").
  Mentions are merged when they normalise to the same key: an acronym in
  brackets stands for its long form ("Ukraine's military intelligence agency (GUR)" and
  "the GUR" are one source), and a leading "the" and a possessive "'s" are ignored.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .scoring import Weights
from .text.words import without_possessive
from .types import ArticleResult, ArticleSummary, Rating, ScoredClaim, Segment, SourceTally

SHARE_DECIMALS = 4
SCORE_DECIMALS = 2
SOURCE_KEY_CACHE_SIZE = 4096
"""Distinct source mentions whose key is remembered (bounded: a worker runs for days)."""

_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9.&-]{1,11})\)")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def aggregate(claims: Sequence[ScoredClaim], skipped: Sequence[Segment], weights: Weights) -> ArticleResult:
    score = article_score(claims, weights)
    return ArticleResult(
        score=score,
        rating=rating_for(score, len(claims), weights),
        claims=tuple(claims),
        summary=summarise(claims),
        sources=tally_sources(claims),
        skipped=tuple(skipped),
    )


def article_score(claims: Sequence[ScoredClaim], weights: Weights) -> float:
    if not claims:
        return 0.0
    total = weight_sum = 0.0
    for position, claim in enumerate(claims):
        weight = weights.lead_weight if position < weights.lead_claims else 1.0
        total += weight * claim.score
        weight_sum += weight
    return round(total / weight_sum, SCORE_DECIMALS)


def rating_for(score: float, claim_count: int, weights: Weights) -> Rating:
    if claim_count == 0:
        return "unrated"
    if score >= weights.high_from:
        return "high"
    if score >= weights.mixed_from:
        return "mixed"
    return "low"


def summarise(claims: Sequence[ScoredClaim]) -> ArticleSummary:
    count = len(claims)
    if count == 0:
        return ArticleSummary(0.0, 0.0, 0.0, 0.0, 0.0)
    attributions = [claim.findings.attribution for claim in claims]

    def share(hits: int) -> float:
        return round(hits / count, SHARE_DECIMALS)

    return ArticleSummary(
        attributed_share=share(sum(a is not None for a in attributions)),
        named_share=share(sum(a is not None and a.named for a in attributions)),
        anonymous_share=share(sum(a is not None and a.source_type == "anonymous" for a in attributions)),
        hedged_share=share(sum(any(h.speaker == "writer" for h in claim.findings.hedges) for claim in claims)),
        unverified_share=share(
            sum(any(note.kind == "unverified" for note in claim.findings.verification) for claim in claims)
        ),
    )


@lru_cache(maxsize=SOURCE_KEY_CACHE_SIZE)
def source_key(text: str) -> str:
    """The key under which mentions of one source are merged (see module docstring).

    Cached: articles name the same few sources again and again ("he", "the Pentagon"),
    and the key is a pure function of the mention's text.
    """
    acronym = _BRACKETED_ACRONYM.search(text)
    if acronym:
        return acronym.group(1).replace(".", "").casefold()
    words = _SPACES.sub(" ", _LEADING_ARTICLE.sub("", text.strip()))
    return without_possessive(words).replace(".", "").casefold()


def tally_sources(claims: Sequence[ScoredClaim]) -> tuple[SourceTally, ...]:
    first_mention: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = {}
    for claim in claims:
        attribution = claim.findings.attribution
        if attribution is None or attribution.teller is None:
            continue
        key = source_key(attribution.teller.text)
        first_mention.setdefault(key, (attribution.teller.text, attribution.source_type))
        counts[key] = counts.get(key, 0) + 1
    order = {key: position for position, key in enumerate(first_mention)}
    ranked = sorted(counts, key=lambda key: (-counts[key], order[key]))
    return tuple(SourceTally(*first_mention[key], claim_count=counts[key]) for key in ranked)
