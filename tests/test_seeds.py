"""End to end on the five seed articles (data/seeds): one event, very different sourcing."""
from __future__ import annotations

from functools import cache

import pytest

from service import score_article

from .conftest import seed_text


@cache
def scored(prefix: str) -> dict:
    return score_article(seed_text(prefix))


def claims_containing(prefix: str, words: str) -> list[dict]:
    found = [claim for claim in scored(prefix)["claims"] if words in claim["text"]]
    assert found, f"no claim of seed {prefix} contains {words!r}"
    return found


def test_gur_is_a_named_organisation_source_in_003():
    (claim,) = claims_containing("003", "according to Ukraine’s military intelligence agency (GUR)")
    attribution = claim["attribution"]
    assert "GUR" in attribution["source"]["text"]
    assert attribution["source_type"] == "organization" and attribution["named"] is True


def test_could_not_be_immediately_verified_is_a_verification_note_in_003():
    notes = [note for claim in scored("003")["claims"] for note in claim["verification"]]
    assert any(note["text"] == "could not be immediately verified" and note["kind"] == "unverified" for note in notes)


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_reportedly_is_a_hedge(prefix):
    hedges = [hedge["text"].lower() for claim in scored(prefix)["claims"] for hedge in claim["hedges"]]
    assert "reportedly" in hedges


def test_a_us_official_is_an_anonymous_source_in_004():
    (claim,) = claims_containing("004", "A US official said")
    attribution = claim["attribution"]
    assert attribution["source"]["text"] == "A US official"
    assert attribution["source_type"] == "anonymous" and attribution["named"] is False


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_claim_adds_up_and_points_into_the_text(prefix):
    text = seed_text(prefix)
    body = scored(prefix)
    assert body["article"]["claim_count"] == len(body["claims"]) > 0
    for claim in body["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
        assert sum(term["points"] for term in claim["contributions"]) == pytest.approx(claim["score"], abs=1e-6) \
            or claim["score"] in (0.0, 100.0)


def test_better_sourced_seeds_rate_above_the_others():
    """002, 003, 004 name their sources and say what could not be verified; 000 and 001 lean
    on "reportedly", unnamed intelligence and a chain through an outlet and an X account."""
    well_sourced = {p: scored(p)["article"]["score"] for p in ("002", "003", "004")}
    poorly_sourced = {p: scored(p)["article"]["score"] for p in ("000", "001")}
    assert min(well_sourced.values()) > max(poorly_sourced.values()), (well_sourced, poorly_sourced)
