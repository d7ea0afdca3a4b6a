"""The HTTP API against docs/api.md: every endpoint, every status, one error shape."""
from __future__ import annotations

import json

import pytest

from service import create_app, score_article
from service.config import ConfigError
from service.pipeline.model import ModelLoadError
from service.schemas import BatchResponseSchema, HealthSchema, ScoreResponseSchema

from .conftest import seed_text

ARTICLE = (
    "Russia launched 49 drones to attack Ukraine overnight, the Ukrainian military said on Monday.\n\n"
    "Of the 49 drones, the air force shot down 27, likely due to electronic warfare.\n\n"
    "Three drones remained in the Ukrainian air space as of Monday morning, it added.\n"
)
ERROR_KEYS = {"code", "status", "message", "errors"}


def assert_error(response, code):
    assert response.status_code == code, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == ERROR_KEYS
    assert body["code"] == code and body["message"] and isinstance(body["errors"], dict)
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def test_health(client):
    response = client.get("/v1/health")
    assert response.status_code == 200
    body = response.get_json()
    assert HealthSchema().validate(body) == {}
    assert body["status"] == "ok" and body["model"]["version"]


def test_score_json_matches_the_contract(client):
    response = client.post("/v1/score", json={"text": ARTICLE, "title": "Drones", "url": "https://example.org/a"})
    assert response.status_code == 200
    body = response.get_json()
    assert ScoreResponseSchema().validate(body) == {}
    assert body["article"]["claim_count"] == len(body["claims"]) == 3
    for claim in body["claims"]:
        assert ARTICLE[claim["start"]:claim["end"]] == claim["text"]
        spans = [claim["attribution"]["source"], claim["attribution"]["cue"]] if claim["attribution"] else []
        spans += claim["hedges"] + claim["verification"]
        for span in filter(None, spans):
            assert ARTICLE[span["start"]:span["end"]] == span["text"]
        assert sum(c["points"] for c in claim["contributions"]) == pytest.approx(claim["score"], abs=1e-6)


def test_plain_text_body_scores_like_json(client):
    as_json = client.post("/v1/score", json={"text": ARTICLE}).get_json()
    as_text = client.post("/v1/score", data=ARTICLE.encode(), content_type="text/plain; charset=utf-8")
    assert as_text.status_code == 200
    assert as_text.get_json() == as_json


def test_python_api_returns_the_http_body(client):
    assert score_article(ARTICLE) == client.post("/v1/score", json={"text": ARTICLE}).get_json()


def test_offsets_index_the_text_as_posted(client):
    text = "\r\n  \u200bThe Pentagon said on Monday that 10,000 soldiers were in Kursk.\r\n\r\nIt added nothing else at all.\r\n"
    body = client.post("/v1/score", json={"text": text}).get_json()
    assert [text[c["start"]:c["end"]] for c in body["claims"]] == [c["text"] for c in body["claims"]]


def test_format_text_explains_each_claim(client):
    response = client.post("/v1/score?format=text", json={"text": ARTICLE})
    assert response.status_code == 200 and response.mimetype == "text/plain"
    blocks = response.get_data(as_text=True).split("\n\n")
    assert blocks[0].startswith("article ") and len(blocks) == 4
    assert "source: the Ukrainian military\n" in blocks[1] and '+10.0  attributed: cue "said"\n' in blocks[1]


def test_explain_adds_reasons_and_skipped_segments(client):
    body = client.post("/v1/score?explain=true", json={"text": "Exit mobile version\n" + ARTICLE}).get_json()
    assert ScoreResponseSchema().validate(body) == {}
    assert all(c["reason"] for claim in body["claims"] for c in claim["contributions"])
    assert body["skipped"][0]["kind"] == "furniture"


@pytest.mark.parametrize(
    "data, content_type",
    [(b'{"text": "unterminated', "application/json"), (b"\xff\xfe{}", "application/json"),
     (b"[" * 100_000 + b"]" * 100_000, "application/json"), (b"\xc3\x28 invalid utf-8", "text/plain; charset=utf-8")],
)
def test_malformed_body_is_400(client, data, content_type):
    assert_error(client.post("/v1/score", data=data, content_type=content_type), 400)


@pytest.mark.parametrize(
    "content_type", ["application/xml", "multipart/form-data; boundary=x", "image/png", "text/plain; charset=latin-1", None]
)
def test_unsupported_media_type_is_415(client, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    assert_error(client.post("/v1/score", data=b"text", headers=headers), 415)


@pytest.mark.parametrize(
    "payload, field",
    [({}, "text"), ({"text": ""}, "text"), ({"text": " \n\t "}, "text"), ({"text": 42}, "text"),
     ({"text": ["a"]}, "text"), ({"text": None}, "text"), ({"text": "A claim.", "colour": "red"}, "colour"),
     ({"text": "A claim.", "title": 7}, "title"), ([1, 2], "_schema"), ("just a string", "_schema")],
)
def test_validation_failure_is_422_with_field_messages(client, payload, field):
    body = assert_error(client.post("/v1/score", json=payload), 422)
    assert field in body["errors"]


def test_text_over_the_limit_is_422_naming_the_limit():
    app = create_app({"CREDENCE_MAX_TEXT_CHARS": 50})
    body = assert_error(app.test_client().post("/v1/score", json={"text": "word " * 20}), 422)
    assert "50" in body["errors"]["text"][0]


def test_body_over_the_limit_is_413():
    app = create_app({"CREDENCE_MAX_BODY_BYTES": 1024})
    assert_error(app.test_client().post("/v1/score", json={"text": "word " * 1000}), 413)
    assert_error(app.test_client().post("/v1/score", data=b"x" * 2048, content_type="text/plain"), 413)


def test_unknown_route_is_404(client):
    assert_error(client.get("/v1/nothing-here"), 404)


def test_wrong_method_is_405_with_allow(client):
    response = client.get("/v1/score")
    assert_error(response, 405)
    assert "POST" in response.headers["Allow"]


def test_batch_answers_in_request_order(client):
    articles = [{"id": "b", "text": ARTICLE}, {"id": "a", "text": seed_text("003")}]
    response = client.post("/v1/score/batch", json={"articles": articles})
    assert response.status_code == 200
    body = response.get_json()
    assert BatchResponseSchema().validate(body) == {}
    assert [r["id"] for r in body["results"]] == ["b", "a"]
    single = client.post("/v1/score", json={"text": ARTICLE}).get_json()
    assert {k: v for k, v in body["results"][0].items() if k != "id"} == single


@pytest.mark.parametrize(
    "articles, bad_index",
    [([{"id": "1", "text": "A claim here."}, {"id": "2", "text": ""}], "1"),
     ([{"id": "1", "text": "A claim here."}, {"id": "1", "text": "Another claim."}], "1"),
     ([{"text": "No id given here."}], "0"),
     ([{"id": "1", "text": "A claim.", "extra": 1}], "0")],
)
def test_one_bad_article_fails_the_batch_naming_its_index(client, articles, bad_index):
    body = assert_error(client.post("/v1/score/batch", json={"articles": articles}), 422)
    assert bad_index in body["errors"]["articles"]
    assert bad_index in body["message"]


@pytest.mark.parametrize("articles", [[], [{"id": str(i), "text": "A claim."} for i in range(101)]])
def test_batch_size_is_bounded(client, articles):
    body = assert_error(client.post("/v1/score/batch", json={"articles": articles}), 422)
    assert "articles" in body["errors"]


def test_batch_needs_json(client):
    assert_error(client.post("/v1/score/batch", data=ARTICLE, content_type="text/plain"), 415)


def test_openapi_document_is_generated_from_the_schemas(client):
    spec = client.get("/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/v1/score", "/v1/score/batch", "/v1/health"} <= set(spec["paths"])
    schemas = spec["components"]["schemas"]
    claim = schemas["Claim"]["properties"]
    assert {"index", "text", "start", "end", "score", "attribution", "hedges", "verification",
            "model_probability", "contributions"} <= set(claim)
    assert schemas["Attribution"]["properties"]["source_type"]["enum"] == [
        "person", "organization", "media", "social_media", "document", "anonymous", "unknown"]
    score_op = spec["paths"]["/v1/score"]["post"]
    assert {"application/json", "text/plain"} <= set(score_op["requestBody"]["content"])
    assert {"200", "400", "413", "415", "422"} <= set(score_op["responses"])


def test_docs_page_works_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in html and "//cdn" not in html
    asset = client.get("/docs/assets/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.get_data()) > 100_000


def test_missing_model_fails_fast_naming_the_setting(tmp_path):
    with pytest.raises(ModelLoadError, match="CREDENCE_MODEL_PATH"):
        create_app({"CREDENCE_MODEL_PATH": str(tmp_path / "absent.joblib")})


def test_unusable_setting_fails_fast_naming_it(monkeypatch):
    monkeypatch.setenv("CREDENCE_MAX_BODY_BYTES", "lots")
    with pytest.raises(ConfigError, match="CREDENCE_MAX_BODY_BYTES"):
        create_app()


def test_cli_scores_files_and_explains(tmp_path, capsys):
    from service.cli import main

    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["score", str(article)]) == 0
    assert json.loads(capsys.readouterr().out) == score_article(ARTICLE)
    assert main(["score", "--explain", str(article)]) == 0
    blocks = capsys.readouterr().out.split("\n\n")
    head, *reasons = blocks[0].split("\n")
    assert head.startswith("article ") and head.endswith(", 3 claims") and len(blocks) == 4
    assert reasons and reasons[0].endswith("key claims are attributed to identified sources")


def test_pronoun_source_stays_tight_and_refers_to_the_earlier_mention(client):
    claims = client.post("/v1/score", json={"text": ARTICLE}).get_json()["claims"]
    first, added = claims[0]["attribution"], claims[2]["attribution"]
    assert first["source"]["text"] == "the Ukrainian military" and first["refers_to"] is None
    assert added["source"]["text"] == "it" and added["cue"]["text"] == "added"
    assert added["refers_to"] == first["source"]
    assert (added["source_type"], added["named"], added["inherited"]) == ("organization", True, False)


def test_text_explanation_marks_terms_that_count_for_nothing(client):
    text = "“We will defend ourselves,” Zelensky said. “And we will continue to act with all our partners.”"
    blocks = client.post("/v1/score?format=text", json={"text": text}).get_data(as_text=True).split("\n\n")
    assert "+0.0  attribution model p=" in blocks[2] and "not counted" in blocks[2]
    assert "+10.0  attributed" in blocks[1]


def test_python_api_and_cli_use_the_configured_model(tmp_path, monkeypatch, capsys):
    """CREDENCE_MODEL_PATH means the same for every way in: HTTP, Python and the CLI."""
    from service.cli import main

    monkeypatch.setenv("CREDENCE_MODEL_PATH", str(tmp_path / "absent.joblib"))
    with pytest.raises(ModelLoadError, match="absent.joblib"):
        score_article(ARTICLE)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["score", str(article)]) == 2
    assert "absent.joblib" in capsys.readouterr().err
