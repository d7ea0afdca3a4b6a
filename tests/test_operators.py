"""Operators' features (issue 14): rate limits, CORS allow-list, Prometheus metrics, /docs with keys.

Each is off by default and turned on by its CREDENCE_* setting.
"""
from __future__ import annotations

import pytest

from service import create_app
from service.config import ConfigError

from .test_api import ARTICLE, assert_error

KEY = "k3y-for-operators_0123456789"
OTHER_KEY = "other-key-for-operators_0123"
ORIGIN = "https://newsroom.example"


def test_operators_features_are_off_by_default(client):
    response = client.post("/v1/score", json={"text": ARTICLE}, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "X-RateLimit-Limit" not in response.headers
    assert_error(client.get("/metrics"), 404)


# ---- rate limits ---------------------------------------------------------------------------

def test_over_the_rate_limit_is_429_in_the_error_shape_with_retry_after():
    client = create_app({"CREDENCE_RATE_LIMIT": "2/minute"}).test_client()
    for _ in range(2):
        assert client.post("/v1/score", json={"text": ARTICLE}).status_code == 200
    response = client.post("/v1/score", json={"text": ARTICLE})
    assert_error(response, 429)
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert response.headers["X-RateLimit-Limit"] == "2"
    assert client.get("/v1/health").status_code == 200  # probes are never limited


def test_rate_limit_counts_per_valid_key_and_wrong_keys_per_address():
    client = create_app({"CREDENCE_RATE_LIMIT": "2/minute", "CREDENCE_API_KEYS": f"{KEY},{OTHER_KEY}"}).test_client()

    def score(key):
        return client.post("/v1/score", json={"text": ARTICLE}, headers={"Authorization": f"Bearer {key}"}).status_code

    assert [score(KEY), score(KEY), score(KEY)] == [200, 200, 429]
    assert score(OTHER_KEY) == 200  # its own budget
    # Made-up keys do not mint budgets: they share the address's, and are refused as keys.
    assert [score(f"guess-{n}-0123456789abcdef") for n in range(3)] == [401, 401, 429]


@pytest.mark.parametrize("setting, value", [
    ("CREDENCE_RATE_LIMIT", "lots"),
    ("CREDENCE_RATE_LIMIT", "10 per fortnight"),
    ("CREDENCE_RATE_LIMIT_STORAGE", "memcached://cache:11211"),
    ("CREDENCE_CORS_ORIGINS", "*"),
    ("CREDENCE_CORS_ORIGINS", "https://ok.example,newsroom.example"),
    ("CREDENCE_CORS_ORIGINS", "https://ok.example/path"),
    ("CREDENCE_METRICS", "maybe"),
])
def test_unusable_operator_setting_stops_start_up(setting, value):
    with pytest.raises(ConfigError, match=setting):
        create_app({setting: value})


# ---- CORS ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cors_client():
    return create_app({"CREDENCE_CORS_ORIGINS": f"{ORIGIN},http://localhost:3000", "CREDENCE_API_KEYS": KEY}).test_client()


def test_listed_origin_may_call_and_read_the_request_id(cors_client):
    response = cors_client.post("/v1/score", json={"text": ARTICLE},
                                headers={"Origin": ORIGIN, "Authorization": f"Bearer {KEY}"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "X-Request-ID" in response.headers["Access-Control-Expose-Headers"]


def test_preflight_from_a_listed_origin_needs_no_key(cors_client):
    response = cors_client.options("/v1/score", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "authorization" in response.headers["Access-Control-Allow-Headers"].lower()


def test_unlisted_origin_gets_no_cors_headers(cors_client):
    response = cors_client.post("/v1/score", json={"text": ARTICLE},
                                headers={"Origin": "https://evil.example", "Authorization": f"Bearer {KEY}"})
    assert "Access-Control-Allow-Origin" not in response.headers


# ---- metrics -----------------------------------------------------------------------------------

def sample(exposition: str, name: str, **labels: str) -> float:
    for line in exposition.splitlines():
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_by_route_and_status_and_time_each_stage():
    client = create_app({"CREDENCE_METRICS": "on"}).test_client()
    client.post("/v1/score", json={"text": ARTICLE})
    client.post("/v1/score/batch", json={"articles": [{"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE}]})
    client.post("/v1/score", json={"text": ""})
    client.get("/no/such/path/12345")
    exposition = client.get("/metrics").get_data(as_text=True)
    total = "credence_http_requests_total"
    assert sample(exposition, total, method="POST", route="/v1/score", status="200") == 1
    assert sample(exposition, total, method="POST", route="/v1/score", status="422") == 1
    assert sample(exposition, total, method="GET", route="unmatched", status="404") == 1
    assert "/no/such/path" not in exposition
    assert sample(exposition, "credence_http_request_duration_seconds_count", route="/v1/score/batch") == 1
    for stage in ("analyse", "render"):
        assert sample(exposition, "credence_scoring_seconds_count", stage=stage) == 3


PIPELINE_STAGES = ["document", "segment", "model", "attribute", "gate", "appositions", "people", "hedges", "verification_notes",
                   "sourcing_notes", "roles", "score", "aggregate"]


def test_metrics_time_every_pipeline_stage_once_per_article():
    client = create_app({"CREDENCE_METRICS": "on"}).test_client()
    client.post("/v1/score", json={"text": ARTICLE})
    client.post("/v1/score/batch", json={"articles": [{"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE}]})
    exposition = client.get("/metrics").get_data(as_text=True)
    stage_seconds = 0.0
    for stage in PIPELINE_STAGES:
        assert sample(exposition, "credence_pipeline_stage_seconds_count", stage=stage) == 3, stage
        stage_seconds += sample(exposition, "credence_pipeline_stage_seconds_sum", stage=stage)
    assert 0 < stage_seconds <= sample(exposition, "credence_scoring_seconds_sum", stage="analyse")


def test_pipeline_stages_are_reported_in_order_only_while_observed(app):
    from service.pipeline.timing import observing

    engine = app.extensions["credence_engine"]
    seen = []
    with observing(lambda stage, seconds: seen.append((stage, seconds >= 0))):
        engine.analyse(ARTICLE)
    engine.analyse(ARTICLE)
    assert seen == [(stage, True) for stage in PIPELINE_STAGES]


def test_metrics_need_the_key_when_keys_are_on():
    client = create_app({"CREDENCE_METRICS": "on", "CREDENCE_API_KEYS": KEY}).test_client()
    assert_error(client.get("/metrics"), 401)
    assert client.get("/metrics", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
