"""Properties of the pipeline on any text a client can send (hypothesis).

For every generated text, ``score_article`` (the engine plus the renderer the API uses):
never raises; every span indexes the text exactly as given (``text[start:end] == span``);
each claim's contributions add up to its score before clamping to 0-100; the body
matches the contract. Texts mix the words the stages react to (cues, hedges, quotes,
verification notes) with hostile characters: lone surrogates, NUL, bidirectional marks,
zero-width spaces, every kind of line break, and arbitrary Unicode.

The search is derandomized and bounded so the suite stays fast and never flaky; raise
``CREDENCE_PROPERTY_EXAMPLES`` locally to search further.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service import score_article
from service.pipeline.scoring import SCORE_MAX, SCORE_MIN
from service.schemas import ScoreResponseSchema

EXAMPLES = int(os.environ.get("CREDENCE_PROPERTY_EXAMPLES", "250"))

# Words and marks each stage reacts to, so generated texts reach attribution, hedges,
# verification notes, quotes and page furniture rather than only "no claims".
NEWS_FRAGMENTS = [
    "The ministry said", "officials said", "according to Reuters", "a spokesman told AFP",
    "he added", "she said", "it said", "sources familiar with the matter said",
    "reportedly", "allegedly", "likely", "could not be independently verified",
    "has not been confirmed", "wrote on X", "Mr.", "U.S.", "10,000", "Exit mobile version",
    "Russia launched drones", "the bridge would reopen", '"', "\u201c", "\u201d", "'", "\u2019",
    ".", ",", ":", ";", "?", "!", "\u2014", "(", ")", " ", " ", " ", "\n", "\n\n", "\r\n", "\r",
]
LONE_SURROGATES = ["\ud800", "\udfff", "\udc80"]
HOSTILE_CHARACTERS = [
    "\x00", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
    "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\u2028", "\u2029", "\x0b", "\x0c",
    "\x85", "\ufffd", "\U0001f600", "\u0130", "\ufb03", "\u0301",
]


def texts_of(characters, hostile):
    return st.lists(
        st.one_of(st.sampled_from(NEWS_FRAGMENTS), st.sampled_from(hostile), st.text(characters, max_size=12)),
        max_size=80,
    ).map("".join)


article_texts = texts_of(st.characters(), HOSTILE_CHARACTERS)
# Lone surrogates (JSON "\ud800") get a test of their own: they once crashed the feature
# stage's UTF-32 encoding.
texts_with_surrogates = texts_of(st.characters(codec=None, exclude_categories=()), HOSTILE_CHARACTERS + LONE_SURROGATES)

bounded = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def spans_of(body: dict):
    """Every (text, start, end) span in a rendered body, claims first."""
    for claim in body["claims"]:
        yield claim
        attribution = claim["attribution"]
        if attribution:
            yield from filter(None, [attribution["source"], attribution["cue"]])
            yield from attribution["via"]
        yield from claim["hedges"]
        yield from claim["verification"]
    yield from body.get("skipped", [])


def assert_body_holds_for(text: str) -> None:
    body = score_article(text, explain=True)

    assert ScoreResponseSchema().validate(body) == {}
    for span in spans_of(body):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"]:span["end"]] == span["text"]
    claims = body["claims"]
    assert [claim["index"] for claim in claims] == list(range(len(claims)))
    assert all(earlier["end"] <= later["start"] for earlier, later in zip(claims, claims[1:]))
    for claim in claims:
        total = sum(term["points"] for term in claim["contributions"])
        assert claim["score"] == pytest.approx(min(SCORE_MAX, max(SCORE_MIN, total)), abs=1e-6)
    assert body["article"]["claim_count"] == len(claims)
    assert (body["article"]["rating"] == "unrated") == (not claims)


@bounded
@given(article_texts)
def test_scoring_any_text_keeps_offsets_sums_and_the_contract(text):
    assert_body_holds_for(text)


@bounded
@given(texts_with_surrogates)
def test_scoring_text_with_lone_surrogates_keeps_the_same_properties(text):
    assert_body_holds_for(text)


@bounded
@given(st.sampled_from(NEWS_FRAGMENTS[:20]), st.integers(min_value=1, max_value=400))
def test_scoring_a_repeated_sentence_keeps_offsets(sentence, repetitions):
    text = (sentence + ". ") * repetitions
    body = score_article(text)
    assert ScoreResponseSchema().validate(body) == {}
    for claim in body["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
