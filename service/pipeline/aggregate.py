"""The article rating: the key claims' sourcing, with shares, distinct sources and reasons in words.

Rule (docs/guidelines.md "The article rating"; weights in ``weights.toml`` [article]; tested):
- Counted claims: the ``key`` claims and the writer's ``opinion`` (``roles.py``);
  ``background`` claims neither raise nor lower the rating. An article with no key or
  opinion claim is judged on all its claims.
- Each counted claim falls in one class: ``opinion``; else ``identified`` (attributed to
  a named source, or an organisation or document, first-hand); else ``relayed`` (such a
  source that is another outlet, or reached through a chain, ``via``: the guidelines'
  "mixed", "a chain through other outlets or social media"; a named social-media account
  speaking for itself, as in an embedded post, is on record, data/realworld/README.md); ``reported``
  when the writer marks it "reportedly" (``relaying_hedges.txt``: known only through reports nobody is named
  for, whoever the source; not hedged again); else
  ``vague`` (an anonymous or unidentified source); else ``unsourced``. Key claims that are hedged or governed by an
  "unverified" or "caution" note are also ``hedged``.
- The article score is ``1 - claim_scores_share`` times the sum over classes of
  ``points[class]`` times the class's share of counted claims (plus ``points.hedged``
  times the hedged share, plus ``points.thesis`` times the thesis share: the writer's
  opinion among the first ``thesis_claims`` counted claims, the lede, which says whose
  thesis the piece argues), plus ``claim_scores_share`` times the mean score of the counted
  claims, so that within a class better sourcing still counts (a described anonymous
  source above a bare one); the first counted claim (the lead) weighs ``lead_weight``. When
  that lead is ``reported`` (the claim that carries the story rests on "reportedly": the guidelines'
  "mixed"), a ``reported_lead`` term holds the score at ``reported_lead_cap`` at most.
  Each term is reported in ``contributions`` and they add up to the score before it is
  clamped to 0-100.
- ``rating`` bands: ``high`` from ``high_from``, ``mixed`` from ``mixed_from``, ``low``
  below; ``unrated`` (score ``None``) when there is no claim to score.
- ``reasons`` say the counts in words ("11 of 14 key claims are attributed to
  identified sources; ...").
- ``summary`` shares are over all claims: attributed (an attribution that names a source,
  its own or the one it is carried over from: a cue with no source at all is not an
  attribution), named (a named source), anonymous (source type anonymous), hedged (at
  least one hedge of the writer's), unverified (at least one note of kind ``unverified`` governs it).
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

from .resources import read_entries
from .roles import identified_source
from .source_lexicons import ARTICLES
from .scoring import ARTICLE_SIGNALS, POINT_DECIMALS, SCORE_MAX, SCORE_MIN, Weights
from .text.words import without_possessive
from .records import ArticleResult, ArticleSummary, Contribution, Rating, ScoredClaim, Segment, SourceTally

SHARE_DECIMALS = 4
SCORE_DECIMALS = 2
SOURCE_KEY_CACHE_SIZE = 4096
"""Distinct source mentions whose key is remembered (bounded: a worker runs for days)."""

_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9.&-]{1,11})\)")


DOUBT_NOTES = frozenset({"unverified", "caution"})
RELAYING_TYPES = frozenset({"media"})
"""Sources that relay what others did or said: a key claim known through them is second-hand (docs/guidelines.md).
Not a named social-media account: its own post is that person's or body's words on record, and readers rate it so
("tweets from named accounts speaking for themselves are on-record sources", data/realworld/README.md); an account
reached through an outlet has a ``via`` and stays relayed, an unnamed one ("a Telegram channel") is vague."""
RELAYING_HEDGES = frozenset(entry.casefold() for entry in read_entries("relaying_hedges.txt"))
"""The writer's hedges that make a key claim ``reported`` ("reportedly"): the writer knows it only through reports."""


def aggregate(claims: Sequence[ScoredClaim], skipped: Sequence[Segment], weights: Weights) -> ArticleResult:
    if not claims:
        return ArticleResult(None, "unrated", (), summarise(claims), (), tuple(skipped),
                             ("no claims: nothing to rate",), ())
    story = counted(claims)
    classes = [sourcing_class(claim) for claim in story]
    contributions = class_terms(classes, [claim.score for claim in story], weights)
    score = round(min(SCORE_MAX, max(SCORE_MIN, sum(term.points for term in contributions))), SCORE_DECIMALS)
    return ArticleResult(
        score=score,
        rating=rating_for(score, weights),
        claims=tuple(claims),
        summary=summarise(claims),
        sources=tally_sources(claims),
        skipped=tuple(skipped),
        reasons=reasons(classes, len(claims), weights.thesis_claims),
        contributions=contributions,
    )


def counted(claims: Sequence[ScoredClaim]) -> list[ScoredClaim]:
    """The claims the rating counts: key and opinion; all of them when there is neither."""
    story = [claim for claim in claims if claim.role.role != "background"]
    return story or list(claims)


def sourcing_class(claim: ScoredClaim) -> tuple[str, bool]:
    """(the claim's class, whether it is a hedged key claim): see the module docstring."""
    findings = claim.findings
    if claim.role.role == "opinion":
        return "opinion", False
    writer_hedges = [hedge for hedge in findings.hedges if hedge.speaker == "writer"]
    relaying = [hedge for hedge in writer_hedges if not hedge.negated and hedge.span.text.casefold() in RELAYING_HEDGES]
    if relaying:  # penalised once, as second-hand, not again as a hedge
        kind = "reported"
    elif identified_source(findings):
        relayed = findings.attribution.via or findings.attribution.source_type in RELAYING_TYPES
        kind = "relayed" if relayed else "identified"
    elif findings.attribution is not None:
        kind = "vague"
    else:
        kind = "unsourced"
    writer_hedged = len(writer_hedges) > len(relaying)
    return kind, writer_hedged or any(note.kind in DOUBT_NOTES for note in findings.verification)


_TERM_WORDS = {
    "identified": "key claims attributed to identified sources",
    "relayed": "key claims through other outlets or a chain",
    "reported": "key claims the writer marks \"reportedly\"",
    "vague": "key claims on anonymous or unidentified sources",
    "unsourced": "key claims with no source",
    "opinion": "the writer's opinion",
    "hedged": "key claims hedged or unverified",
    "thesis": "the writer's opinion in the lede",
}


def class_terms(classes: Sequence[tuple[str, bool]], claim_scores: Sequence[float],
                weights: Weights) -> tuple[Contribution, ...]:
    """The article score's terms from the counted claims' classes and scores, in their order (see the module
    docstring)."""
    claim_weights = [weights.lead_weight if position == 0 else 1.0 for position in range(len(classes))]
    total = sum(claim_weights)
    by_class = 1.0 - weights.claim_scores_share
    shares = dict.fromkeys(ARTICLE_SIGNALS, 0.0)
    for (kind, hedged), weight in zip(classes, claim_weights):
        shares[kind] += weight / total
        if hedged:
            shares["hedged"] += weight / total
    shares["thesis"] = thesis_share(classes, weights.thesis_claims)
    terms = [
        Contribution(signal, round(by_class * weights.article_points[signal] * share, POINT_DECIMALS),
                     f"{_TERM_WORDS[signal]}: share {share:.2f} x {weights.article_points[signal]:g} points"
                     f" x {by_class:g}")
        for signal, share in shares.items()
        if share > 0
    ]
    mean = sum(score * weight for score, weight in zip(claim_scores, claim_weights)) / total
    terms.append(Contribution("claim_scores", round(weights.claim_scores_share * mean, POINT_DECIMALS),
                              f"mean score of the counted claims {mean:.1f} x {weights.claim_scores_share:g}"))
    if reported_lead(classes):
        held = min(0.0, weights.reported_lead_cap - sum(term.points for term in terms))
        terms.append(Contribution("reported_lead", round(held, POINT_DECIMALS),
                                  f"the lead claim rests on \"reportedly\": the score held at "
                                  f"{weights.reported_lead_cap:g} at most"))
    return tuple(terms)


def reported_lead(classes: Sequence[tuple[str, bool]]) -> bool:
    """Whether the lead claim, which carries the story, rests on "reportedly": the guidelines' "mixed" when an
    important part does, however well the rest is quoted."""
    return bool(classes) and classes[0][0] == "reported"


def lede_opinion(classes: Sequence[tuple[str, bool]], lede_claims: int) -> tuple[int, int]:
    """(how many of the first ``lede_claims`` counted claims are the writer's opinion, how many there are)."""
    lede = classes[:lede_claims]
    return sum(kind == "opinion" for kind, _ in lede), len(lede)


def thesis_share(classes: Sequence[tuple[str, bool]], lede_claims: int) -> float:
    """The writer's opinion's share of the lede: whose thesis the piece argues."""
    opinion, lede = lede_opinion(classes, lede_claims)
    return opinion / lede if lede else 0.0


def reasons(classes: Sequence[tuple[str, bool]], claim_count: int, lede_claims: int) -> tuple[str, ...]:
    """The rating in plain words: whose thesis, what the key claims rest on, the opinion, what was left out."""
    tally = {signal: 0 for signal in ARTICLE_SIGNALS}
    for kind, hedged in classes:
        tally[kind] += 1
        tally["hedged"] += hedged
    key = len(classes) - tally["opinion"]
    said = [f"{tally['identified']} of {key} key {'claim is' if key == 1 else 'claims are'} attributed to identified sources"]
    if tally["relayed"]:
        said.append(f"{tally['relayed']} {'comes' if tally['relayed'] == 1 else 'come'} through other outlets or a chain")
    if tally["reported"]:
        said.append(f"{tally['reported']} {'is' if tally['reported'] == 1 else 'are'} marked \"reportedly\"")
    if tally["vague"]:
        said.append(f"{tally['vague']} {_rest(tally['vague'])} on anonymous or unidentified sources")
    if tally["unsourced"]:
        said.append(f"{tally['unsourced']} {'has' if tally['unsourced'] == 1 else 'have'} no source")
    if tally["hedged"]:
        said.append(f"{tally['hedged']} {'is' if tally['hedged'] == 1 else 'are'} hedged or unverified")
    if tally["opinion"]:
        said.append(f"the writer's opinion in {tally['opinion']} {'claim' if tally['opinion'] == 1 else 'claims'}")
    opinion, lede = lede_opinion(classes, lede_claims)
    if 2 * opinion > lede:
        said.insert(0, f"the article's thesis is the writer's: {opinion} of its first {lede} claims are the writer's opinion")
    if reported_lead(classes):
        said.insert(0, "the lead claim rests on \"reportedly\"")
    left_out = claim_count - len(classes)
    if left_out:
        said.append(f"{left_out} background {'claim does' if left_out == 1 else 'claims do'} not count")
    return tuple(said)


def _rest(count: int) -> str:
    return "rests" if count == 1 else "rest"


def rating_for(score: float, weights: Weights) -> Rating:
    if score >= weights.high_from:
        return "high"
    if score >= weights.mixed_from:
        return "mixed"
    return "low"


def summarise(claims: Sequence[ScoredClaim]) -> ArticleSummary:
    """The five shares in one pass over the claims (a long article's claims no longer fit the caches, so each pass
    costs more than its work)."""
    count = len(claims)
    if count == 0:
        return ArticleSummary(0.0, 0.0, 0.0, 0.0, 0.0)
    attributed = named = anonymous = hedged = unverified = 0
    for claim in claims:
        findings = claim.findings
        attribution = findings.attribution
        # An attribution counts when it names a source, its own or the one it is carried over from.
        if attribution is not None and attribution.teller is not None:
            attributed += 1
            named += attribution.named
            anonymous += attribution.source_type == "anonymous"
        if findings.hedges:
            hedged += any(hedge.speaker == "writer" for hedge in findings.hedges)
        if findings.verification:
            unverified += any(note.kind == "unverified" for note in findings.verification)

    def share(hits: int) -> float:
        return round(hits / count, SHARE_DECIMALS)

    return ArticleSummary(share(attributed), share(named), share(anonymous), share(hedged), share(unverified))


@lru_cache(maxsize=SOURCE_KEY_CACHE_SIZE)
def source_key(text: str) -> str:
    """The key under which mentions of one source are merged (see module docstring).

    Cached: articles name the same few sources again and again ("he", "the Pentagon"),
    and the key is a pure function of the mention's text.
    """
    if "(" in text:
        acronym = _BRACKETED_ACRONYM.search(text)
        if acronym:
            return acronym.group(1).replace(".", "").casefold()
    words = text.split()
    if len(words) > 1 and words[0].lower() in ARTICLES:
        del words[0]
    return without_possessive(" ".join(words)).replace(".", "").casefold()


def tally_sources(claims: Sequence[ScoredClaim]) -> tuple[SourceTally, ...]:
    first_mention: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = {}
    for claim in claims:
        attribution = claim.findings.attribution
        if attribution is None:
            continue
        teller = attribution.teller
        if teller is None:
            continue
        key = source_key(teller.text)
        if key not in counts:
            first_mention[key] = (teller.text, attribution.source_type)
            counts[key] = 1
        else:
            counts[key] += 1
    order = {key: position for position, key in enumerate(first_mention)}
    ranked = sorted(counts, key=lambda key: (-counts[key], order[key]))
    return tuple(SourceTally(*first_mention[key], claim_count=counts[key]) for key in ranked)
