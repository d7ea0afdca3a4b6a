"""When the gate refuses a claim's chosen cue, it judges the claim's other candidates (issue 11); a later one it
scores well above an accepted first cue takes its place.

The cue model reads one cue per claim, and in real news it often reads an action ("voted", "fired") where the
claim's teller stands in a reporting clause beside it ("..., officials said, ..."). Each row gives the cue model's
reading as the input it is to attribution (``ClaimPrediction``), so the table holds whatever that model reads;
the candidates, the gate and its threshold are the shipped ones. The sentences are written for these tests.
"""
from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from service.pipeline.attribution import attribute_candidates
from service.pipeline.claims import segment
from service.pipeline.document import Document
from service.pipeline.gate import AttributionGate
from service.pipeline.records import Attribution, ClaimPrediction, Span
from training.gate import Example, chosen

GATE = AttributionGate.load()


def judged(text: str, cue: str, source: str, gate: AttributionGate = GATE) -> tuple[tuple[Attribution, ...], Attribution | None]:
    """The candidates of the one claim of ``text`` when the cue model reads ``cue`` with ``source``, and the
    attribution ``gate`` keeps."""
    document = Document.of(text)
    claims = segment(document).claims
    assert len(claims) == 1, [claim.text for claim in claims]
    at, by = text.index(cue), text.index(source)
    predictions = [ClaimPrediction(0.6, Span(at, at + len(cue), cue), Span(by, by + len(source), source))]
    candidates = attribute_candidates(document, claims, predictions)
    return (candidates[0].first, *candidates[0].later()), gate.apply(document.quotations, claims, predictions, candidates)[0]


FIRST_AN_ACTION = [
    # (text, the cue model's cue and source, the cue and source kept)
    ("The council moved on Tuesday, officials said, to close the Elm Street library branch.",
     "moved", "The council", "said", "officials"),
    ("The regulator fined the airline $2 million, the agency said in a statement.",
     "fined", "The regulator", "said", "the agency"),
    ("Police arrested two men near the harbor overnight, a police spokeswoman told reporters.",
     "arrested", "Police", "told", "a police spokeswoman"),
    ("The company is trying to sell its plant in Ohio, people familiar with the plan said.",
     "trying", "The company", "said", "people familiar with the plan"),
    ("The city paved six miles of road last year, according to the public works department.",
     "paved", "The city", "according to", "the public works department"),
    ("Firefighters rescued three people from the building, a fire department spokesman said.",
     "rescued", "Firefighters", "said", "a fire department spokesman"),
    # the reporting clause set between commas inside its content
    ("The agency pulled the warning from its fact sheets, The Post reported, and staff stopped using it.",
     "pulled", "The agency", "reported", "The Post"),
    ("The navy, the review states, built four new ships last year.", "built", "The navy", "states", "the review"),
    # a belief verb before a clause with no "that" (class_cues) beside the action
    ("Many officials on the island believe debt relief is possible only in bankruptcy and have moved to change the "
     "law.", "moved", "Many officials on the island", "believe", "Many officials on the island"),
    # a stance before the participle that says: refused (guidelines.md: a stance is no saying), the participle takes
    # its teller
    ("The lawyers faulted the verdict in court, contending that the jury had been misled.",
     "faulted", "The lawyers", "contending", "The lawyers"),
    ("The ministry disputed the figures on Friday, saying the real toll was lower.",
     "disputed", "The ministry", "saying", "The ministry"),
]


@pytest.mark.parametrize("text, cue, source, kept_cue, kept_source", FIRST_AN_ACTION)
def test_a_refused_action_gives_way_to_the_reporting_cue_beside_it(text, cue, source, kept_cue, kept_source):
    candidates, kept = judged(text, cue, source)
    assert [candidate.cue.text for candidate in candidates] == [cue, kept_cue]
    assert kept is not None and kept.cue.text == kept_cue and kept.source.text == kept_source
    assert kept.steps[0].rule == "refused_cue" and kept.steps[0].detail == (cue,)  # the explanation says so


SIDE_VERB_BEFORE_THE_SAYING = [
    # (text, the cue model's cue and source, the cue kept): the first cue is a stance the gate accepts, less surely
    # than the participle saying after it, which governs the content and takes the first's teller
    ("Two senators pressed the nominee at the hearing, arguing that he had misled the committee.",
     "pressed", "Two senators", "arguing"),
    # the first cue governs content itself: it stays
    ("The minister said that the talks would resume, adding that no date had been set.",
     "said", "The minister", "said"),
    ("The coach told reporters that the team was ready, noting that two players were injured.",
     "told", "The coach", "told"),
    ("The company announced that it would close the plant, saying demand had fallen.",
     "announced", "The company", "announced"),
]


@pytest.mark.parametrize("text, cue, source, kept_cue", SIDE_VERB_BEFORE_THE_SAYING)
def test_a_later_saying_the_gate_scores_well_above_the_accepted_cue_takes_its_place(text, cue, source, kept_cue):
    candidates, kept = judged(text, cue, source)
    assert candidates[0].cue.text == cue and len(candidates) == 2
    assert kept is not None and kept.cue.text == kept_cue and kept.source.text == source
    assert kept.steps[0].rule == ("model_cue" if kept_cue == cue else "preferred_cue")  # the explanation says so
    assert kept.steps[0].detail[0] == cue
    never = dataclasses.replace(GATE, margin=math.inf)
    assert judged(text, cue, source, never)[1].cue.text == cue


EVERY_ONE_REFUSED = [
    # (text, the cue model's cue and source): the other candidate is a noun ("the staff's claims")
    ("The board fired the director, brushing aside the staff's claims that he had done nothing wrong.",
     "fired", "The board"),
    ("The company cut 300 jobs at the plant, despite the mayor's claims that the plant was safe.",
     "cut", "The company"),
]


@pytest.mark.parametrize("text, cue, source", EVERY_ONE_REFUSED)
def test_a_claim_whose_every_candidate_is_refused_has_no_attribution(text, cue, source):
    candidates, kept = judged(text, cue, source)
    assert len(candidates) == 2 and candidates[0].cue.text == cue
    assert kept is None


@pytest.mark.parametrize("text, cue, source", [row[:3] for row in FIRST_AN_ACTION])
def test_the_next_candidate_is_judged_only_after_a_refusal(text, cue, source):
    accepting = dataclasses.replace(GATE, threshold=-math.inf, margin=math.inf)  # accepted, and no later one preferred
    refusing = dataclasses.replace(GATE, threshold=math.inf)
    assert judged(text, cue, source, accepting)[1].cue.text == cue
    assert judged(text, cue, source, refusing)[1] is None


@pytest.mark.parametrize(
    "claims, scores, kept",
    [
        # the first accepted candidate of each claim, none after it; a claim with none accepted keeps none
        ([1, 1, 2, 3, 3], [0.9, 0.9, 0.1, 0.2, 0.8], [True, False, False, False, True]),
        ([1, 1, 1, 2], [0.1, 0.6, 0.7, 0.6], [False, True, False, True]),
        ([1, 2, 2, 2], [0.4, 0.3, 0.2, 0.1], [False, False, False, False]),
    ],
)
def test_training_keeps_what_serving_keeps_the_first_accepted_candidate_per_claim(claims, scores, kept):
    examples = [Example((), 0.5, True, 0, (), ("article", claim)) for claim in claims]
    assert chosen(examples, np.array(scores), 0.5, math.inf).tolist() == kept


@pytest.mark.parametrize(
    "claims, scores, kept",
    [
        # a later candidate scored the margin above the accepted one takes its place, the best of such
        ([1, 1, 1], [0.6, 0.7, 0.9], [False, False, True]),
        ([1, 1, 2, 2], [0.6, 0.75, 0.2, 0.9], [True, False, False, True]),
        ([1, 1, 1], [0.1, 0.6, 0.95], [False, False, True]),
        ([1, 1], [0.9, 0.99], [True, False]),
    ],
)
def test_training_keeps_a_later_candidate_scored_the_margin_above_the_accepted_one(claims, scores, kept):
    examples = [Example((), 0.5, True, 0, (), ("article", claim)) for claim in claims]
    assert chosen(examples, np.array(scores), 0.5, 0.2).tolist() == kept
