"""Every PolNeAR train and dev article through the whole pipeline (about ten seconds).

Generated text (test_properties.py) finds what random input breaks; real news finds
what real constructions break ("according to preliminary exit polling reported by
CNN" once crashed the chain builder). Each body must hold the contract's invariants.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from service import score_article
from service.schemas import ScoreResponseSchema

POLNEAR_TEXTS = sorted((Path(__file__).resolve().parents[1] / "data" / "polnear").glob("*/text/*.txt"))
RESPONSE = ScoreResponseSchema()


def spans_of(claim: dict) -> list[dict]:
    attribution = claim["attribution"] or {}
    spans = [attribution.get("source"), attribution.get("cue"), attribution.get("refers_to"), *attribution.get("via", [])]
    return [span for span in spans + claim["hedges"] + claim["verification"] if span]


def test_the_corpus_is_there():
    assert len(POLNEAR_TEXTS) == 840 + 84


@pytest.mark.parametrize("split", ["train", "dev"])
def test_every_article_scores_within_the_contract(split):
    for path in (p for p in POLNEAR_TEXTS if p.parts[-3] == split):
        text = path.read_text(encoding="utf-8")
        body = score_article(text)
        assert RESPONSE.validate(body) == {}, path.name
        for claim in body["claims"]:
            assert text[claim["start"]:claim["end"]] == claim["text"], path.name
            assert all(text[s["start"]:s["end"]] == s["text"] for s in spans_of(claim)), path.name
            total = sum(term["points"] for term in claim["contributions"])
            assert claim["score"] == pytest.approx(min(100.0, max(0.0, total)), abs=1e-6), path.name
