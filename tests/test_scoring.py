"""Claim scoring and the article aggregate, on findings built by hand.

Each signal is checked for its direction with everything else equal (docs/scoring.md):
better sourcing must score higher.
"""
from __future__ import annotations

import dataclasses

import pytest

from service.pipeline.aggregate import aggregate, source_key
from service.pipeline.scoring import Weights, WeightsError, contributions, load_weights, score_claim
from service.pipeline.records import (
    Attribution,
    Claim,
    ClaimFindings,
    ClaimPrediction,
    Hedge,
    Span,
    VerificationNote,
    Via,
)

WEIGHTS = load_weights()
CLAIM = Claim(0, 0, 40, "North Korean troops fired on their allies.", 0, False)
NO_MODEL = ClaimPrediction(0.5, None, None)


def attribution(source_type="organization", named=True, described=False, direct_quote=False, via=(), source="the GUR"):
    return Attribution(
        source=Span(50, 50 + len(source), source) if source else None,
        source_type=source_type,
        named=named,
        cue=Span(60, 64, "said"),
        inherited=False,
        via=tuple(via),
        described=described,
        direct_quote=direct_quote,
        steps=(),
    )


def findings(attribution=None, hedges=(), notes=(), prediction=NO_MODEL):
    return ClaimFindings(CLAIM, prediction, attribution, tuple(hedges), tuple(notes))


def score(**kwargs) -> float:
    return score_claim(findings(**kwargs), WEIGHTS).score


HEDGE = Hedge(Span(10, 20, "reportedly"), "distancing", "writer", False, "writer_voice")
SOURCE_HEDGE = Hedge(Span(40, 43, "may"), "speculation", "source", False, "quotation")
X_ACCOUNT = Via(Span(70, 90, "the X account “Victoria”"), "social_media")
OUTLET = Via(Span(95, 110, "L'Independent"), "media")


@pytest.mark.parametrize(
    "better, worse, why",
    [
        (dict(attribution=attribution()), dict(attribution=attribution("anonymous", False, source="a source")),
         "a named agency above a bare 'a source'"),
        (dict(attribution=attribution("anonymous", False, True, source="a US official")),
         dict(attribution=attribution("anonymous", False, False, source="sources")),
         "a described anonymous official above 'sources'"),
        (dict(attribution=attribution("anonymous", False, False, source="sources")), dict(hedges=[HEDGE]),
         "attributed (even to bare sources) above 'reportedly'"),
        (dict(attribution=attribution()), dict(attribution=attribution("social_media", True, source="Victoria")),
         "an organisation above a social-media account"),
        (dict(attribution=attribution("social_media", True, source="Victoria")),
         dict(attribution=attribution("social_media", True, source="Victoria", via=[OUTLET])),
         "a direct source above a chain through an outlet"),
        (dict(attribution=attribution("social_media", True, source="Victoria", via=[OUTLET])),
         dict(attribution=attribution("social_media", True, source="Victoria", via=[X_ACCOUNT, OUTLET])),
         "each further hop costs"),
        (dict(attribution=attribution("person", True, direct_quote=True, source="Rustem Umerov")),
         dict(attribution=attribution("person", True, direct_quote=False, source="Rustem Umerov")),
         "a direct quotation above a paraphrase"),
        (dict(attribution=attribution()), dict(attribution=attribution(), hedges=[HEDGE]), "a hedge lowers the score"),
        (dict(hedges=[HEDGE]), dict(hedges=[HEDGE, Hedge(Span(30, 36, "likely"), "speculation", "writer", False, "writer_voice")]), "every hedge counts"),
        (dict(hedges=[SOURCE_HEDGE]), dict(hedges=[HEDGE]), "the writer's hedge weighs more than a source's"),
        (dict(), dict(hedges=[SOURCE_HEDGE]), "a source's hedge lowers the claim a little"),
        (dict(attribution=attribution()),
         dict(attribution=attribution(), notes=[VerificationNote(Span(0, 5, "could not be verified"), "unverified", 0, (0,), 0, "own_claim")]),
         "an unverified note lowers the score"),
        (dict(attribution=attribution(), notes=[VerificationNote(Span(0, 5, "confirmed by"), "confirmed", 0, (0,), 0, "own_claim")]),
         dict(attribution=attribution()), "independent confirmation raises it"),
        (dict(prediction=ClaimPrediction(0.9, None, None)), dict(prediction=ClaimPrediction(0.1, None, None)),
         "the model's confidence in an attribution raises it"),
        (dict(attribution=attribution("anonymous", False, False, source="sources")), dict(),
         "an attributed claim above an unattributed one"),
    ],
)
def test_better_sourcing_scores_higher(better, worse, why):
    assert score(**better) > score(**worse), why


@pytest.mark.parametrize(
    "case",
    [
        dict(),
        dict(attribution=attribution(), hedges=[HEDGE], prediction=ClaimPrediction(0.973, None, None)),
        dict(attribution=attribution("social_media", True, via=[X_ACCOUNT, OUTLET]), hedges=[HEDGE, HEDGE, HEDGE]),
        dict(attribution=attribution("person", True, direct_quote=True),
             notes=[VerificationNote(Span(0, 5, "confirmed"), "confirmed", 0, (0,), 0, "own_claim")] * 9,
             prediction=ClaimPrediction(1.0, None, None)),
    ],
)
def test_contributions_add_up_to_the_score_before_clamping(case):
    scored = score_claim(findings(**case), WEIGHTS)
    total = sum(term.points for term in contributions(scored))
    assert scored.score == pytest.approx(min(100.0, max(0.0, total)), abs=1e-9)
    assert contributions(scored)[0].signal == "base"
    assert all(term.reason for term in contributions(scored))


def test_clamped_at_100():
    case = dict(attribution=attribution("person", True, direct_quote=True),
                notes=[VerificationNote(Span(0, 5, "confirmed"), "confirmed", 0, (0,), 0, "own_claim")] * 9,
                prediction=ClaimPrediction(1.0, None, None))
    scored = score_claim(findings(**case), WEIGHTS)
    assert sum(t.points for t in contributions(scored)) > 100
    assert scored.score == 100.0


def test_weights_file_missing_a_value_is_refused():
    with pytest.raises(WeightsError, match="hedges"):
        Weights.from_mapping({"version": "x", "base": {"points": 50}, "attribution": {"present": 1, "absent": 1},
                              "source_type": {k: 0 for k in WEIGHTS.source_type}, "named": {"named": 1},
                              "anonymous_specificity": {"described": 1, "bare": 1},
                              "directness": {"direct_quote": 1, "per_via_hop": 1}})


def scored_claims(*cases):
    return [
        score_claim(dataclasses.replace(findings(**case), claim=dataclasses.replace(CLAIM, index=i)), WEIGHTS)
        for i, case in enumerate(cases)
    ]


@pytest.mark.parametrize(
    "score, rating",
    [(WEIGHTS.high_from, "high"), (WEIGHTS.high_from - 0.01, "mixed"), (WEIGHTS.mixed_from, "mixed"),
     (WEIGHTS.mixed_from - 0.01, "low"), (0.0, "low")],
)
def test_rating_bands(score, rating):
    from service.pipeline.aggregate import rating_for

    assert rating_for(score, WEIGHTS) == rating


def test_no_claims_is_unrated_with_no_score():
    result = aggregate([], (), WEIGHTS)
    assert (result.rating, result.score, result.sources) == ("unrated", None, ())


def test_summary_shares_and_sources():
    hedged_unverified = dict(hedges=[HEDGE], notes=[VerificationNote(Span(0, 5, "could not be verified"), "unverified", None, (3,), 0, "own_claim")])
    claims = scored_claims(
        dict(attribution=attribution(source="Ukraine’s military intelligence agency (GUR)")),
        dict(attribution=attribution(source="the GUR")),
        dict(attribution=attribution("anonymous", False, True, source="a US official")),
        hedged_unverified,
    )
    result = aggregate(claims, (), WEIGHTS)
    assert result.summary.attributed_share == 0.75
    assert result.summary.named_share == 0.5
    assert result.summary.anonymous_share == 0.25
    assert result.summary.hedged_share == 0.25
    assert result.summary.unverified_share == 0.25
    assert [(s.text, s.source_type, s.claim_count) for s in result.sources] == [
        ("Ukraine’s military intelligence agency (GUR)", "organization", 2),
        ("a US official", "anonymous", 1),
    ]


@pytest.mark.parametrize(
    "a, b",
    [("Ukraine’s military intelligence agency (GUR)", "the GUR"), ("The ISW", "ISW"),
     ("the Pentagon", "The Pentagon"), ("Institute for the Study of War (ISW)", "the ISW’s")],
)
def test_source_key_merges_mentions_of_one_source(a, b):
    assert source_key(a) == source_key(b)


def test_source_key_keeps_different_sources_apart():
    assert source_key("the GUR") != source_key("the ISW")


def test_model_term_is_not_counted_against_an_inherited_attribution():
    inherited = dataclasses.replace(attribution(), cue=None, inherited=True)
    low = ClaimPrediction(0.01, None, None)
    scored = score_claim(findings(attribution=inherited, prediction=low), WEIGHTS)
    model_term = next(term for term in contributions(scored) if term.signal == "model")
    assert model_term.points == 0.0 and "carried over" in model_term.reason
    own_cue = score_claim(findings(attribution=attribution(), prediction=low), WEIGHTS)
    assert next(t for t in contributions(own_cue) if t.signal == "model").points < 0


def test_a_cue_with_no_identifiable_source_is_barely_better_than_none():
    unidentified = dataclasses.replace(attribution(), source=None, source_type="unknown", named=False)
    with_cue, without = score(attribution=unidentified), score()
    assert 0 < with_cue - without <= 5
    assert score(attribution=attribution("anonymous", False, False, source="sources")) > with_cue


def test_a_cue_with_no_source_is_not_counted_as_attributed():
    no_source = dataclasses.replace(attribution(), source=None, source_type="unknown", named=False)
    claims = scored_claims(dict(attribution=attribution()), dict(attribution=no_source), dict())
    summary = aggregate(claims, (), WEIGHTS).summary
    assert summary.attributed_share == round(1 / 3, 4)
    assert summary.named_share == round(1 / 3, 4)
