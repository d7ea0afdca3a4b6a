"""The store through HTTP: POST/GET /v1/articles, the list, the audit, errors, migrations.

Each test gets an empty store (SQLite in a temporary directory, or a PostgreSQL schema of
its own when CREDENCE_TEST_DATABASE_URL is set; see conftest.py).
"""
from __future__ import annotations

import re
import sqlite3

import pytest
from sqlalchemy import create_engine, inspect

from service import create_app
from service.config import ConfigError
from service.store.tables import metadata
from service.store_schemas import ArticleListSchema, AuditSchema, StoredArticleSchema

from .conftest import TEST_DATABASE_URL, seed_text

ARTICLE = {
    "text": "Russia launched 49 drones at Ukraine overnight, the Ukrainian military said on Monday. "
    "Three drones remained in Ukrainian air space, it added. The strikes reportedly hit a power plant.",
    "outlet": "Wire",
    "published": "2024-12-16",
    "story": "drones",
}


def post(client, **fields):
    return client.post("/v1/articles", json={**ARTICLE, **fields})


def test_post_stores_scores_and_answers_201_with_location(store_client, client):
    response = post(store_client)
    assert response.status_code == 201
    body = response.get_json()
    assert StoredArticleSchema().validate(body) == {}
    assert response.headers["Location"] == f"/v1/articles/{body['id']}"
    assert body["outlet"] == "Wire" and body["published"] == "2024-12-16" and body["story"] == "drones"
    scored = client.post("/v1/score", json={"text": ARTICLE["text"]}).get_json()
    assert {key: body[key] for key in scored} == scored

    fetched = store_client.get(response.headers["Location"])
    assert fetched.status_code == 200 and fetched.get_json() == body


def test_the_same_text_and_metadata_is_the_same_article(store_client):
    first = post(store_client).get_json()
    again = post(store_client)
    assert again.status_code == 200 and again.get_json()["id"] == first["id"]
    other_outlet = post(store_client, outlet="Other")
    assert other_outlet.status_code == 201 and other_outlet.get_json()["id"] != first["id"]
    assert len(store_client.get("/v1/articles").get_json()["articles"]) == 2


def test_plain_text_is_stored_without_metadata(store_client):
    response = store_client.post("/v1/articles", data=ARTICLE["text"].encode(), content_type="text/plain; charset=utf-8")
    assert response.status_code == 201
    body = response.get_json()
    assert body["outlet"] is None and body["published"] is None and body["claims"]


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"published": "16/12/2024"}, "published"),
        ({"published": "2024-02-30"}, "published"),
        ({"outlet": ""}, "outlet"),
        ({"story": 7}, "story"),
        ({"colour": "red"}, "colour"),
        ({"text": "   "}, "text"),
        ({"text": "Officials said the depot burned.\ud800"}, "text"),
        ({"text": "Officials said the depot burned.\x00"}, "text"),
        ({"outlet": "Wire\x00"}, "outlet"),
    ],
)
def test_bad_article_is_422_naming_the_field(store_client, fields, field):
    response = post(store_client, **fields)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]
    assert store_client.get("/v1/articles").get_json()["articles"] == []


@pytest.mark.parametrize(
    "text, stored",
    [("Officials said the depot burned.", True), ("Officials said the depot burned.\x00", False), ("   ", False)],
)
def test_documented_text_of_a_stored_article_refuses_what_the_store_refuses(store_client, text, stored):
    """A client (or a fuzzer) reading the OpenAPI document must not send a valid-looking text the store refuses."""
    schema = store_client.get("/v1/openapi.json").get_json()["components"]["schemas"]["ArticleRequest"]
    assert bool(re.search(schema["properties"]["text"]["pattern"], text)) is stored
    assert (post(store_client, text=text).status_code == 201) is stored


@pytest.mark.parametrize(
    "path",
    ["/v1/articles?since=yesterday", "/v1/articles?until=2024-13-01", "/v1/articles?colour=red",
     "/v1/articles?limit=0", "/v1/articles?limit=101", "/v1/articles?since=2024-02-01&until=2024-01-01",
     "/v1/articles?cursor=not-a-cursor", "/v1/audit?since=2024-1-1x", "/v1/audit?story=drones",
     "/v1/audit?top=0", "/v1/articles?outlet=%00", "/v1/audit?outlet=a%00"],
)
def test_bad_query_is_422_in_the_error_shape(store_client, path):
    response = store_client.get(path)
    assert response.status_code == 422, response.get_json()
    body = response.get_json()
    assert set(body) == {"code", "status", "message", "errors"} and body["errors"]


@pytest.mark.parametrize(
    "path", ["/v1/articles/0123456789abcdef", "/v1/stories/nothing", "/stories/nothing", "/v1/articles/%00", "/v1/stories/a%00b"]
)
def test_unknown_ids_are_404_in_the_error_shape(store_client, path):
    response = store_client.get(path)
    assert response.status_code == 404
    assert response.get_json()["code"] == 404


def test_list_is_newest_first_filtered_and_paginated(store_client):
    ids = {}
    for day in range(1, 8):
        outlet = "Odd" if day % 2 else "Even"
        ids[day] = post(store_client, published=f"2024-12-0{day}", outlet=outlet).get_json()["id"]
    seen, cursor = [], None
    while True:
        page = store_client.get("/v1/articles?limit=3" + (f"&cursor={cursor}" if cursor else "")).get_json()
        assert ArticleListSchema().validate(page) == {}
        seen += [article["id"] for article in page["articles"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [ids[day] for day in range(7, 0, -1)]
    window = store_client.get("/v1/articles?outlet=Odd&since=2024-12-02&until=2024-12-06").get_json()
    assert [a["id"] for a in window["articles"]] == [ids[5], ids[3]]
    assert store_client.get("/v1/articles?story=elsewhere").get_json()["articles"] == []


def test_audit_profiles_the_matching_articles(store_client):
    texts = {prefix: seed_text(prefix) for prefix in ("002", "003", "004")}
    bodies = {
        prefix: post(store_client, text=text, outlet="Seeds" if prefix != "004" else "Other", story="seeds").get_json()
        for prefix, text in texts.items()
    }
    audit = store_client.get("/v1/audit?outlet=Seeds").get_json()
    assert AuditSchema().validate(audit) == {}
    assert audit["article_count"] == 2
    scores = [bodies[p]["article"]["score"] for p in ("002", "003")]
    assert audit["score"] == pytest.approx(sum(scores) / 2, abs=1e-3)
    assert sum(audit["ratings"].values()) == 2
    assert audit["ratings"][bodies["003"]["article"]["rating"]] >= 1
    named = [bodies[p]["article"]["summary"]["named_share"] for p in ("002", "003")]
    assert audit["summary"]["named_share"] == pytest.approx(sum(named) / 2, abs=1e-3)
    attributed = sum(1 for p in ("002", "003") for c in bodies[p]["claims"] if c["attribution"])
    assert sum(audit["source_types"].values()) == attributed
    # The GUR, however 002 and 003 name it, is one top source cited by both.
    gur = [s for s in audit["top_sources"] if "GUR" in s["text"]]
    assert len(gur) == 1 and gur[0]["article_count"] == 2 and gur[0]["source_type"] == "organization"
    assert audit["top_sources"][0] == gur[0]

    everything = store_client.get("/v1/audit").get_json()
    assert everything["article_count"] == 3
    nothing = store_client.get("/v1/audit?since=2030-01-01").get_json()
    assert nothing["article_count"] == 0 and nothing["score"] is None and nothing["top_sources"] == []


def test_openapi_documents_the_store_endpoints(store_client):
    paths = store_client.get("/v1/openapi.json").get_json()["paths"]
    assert {"/v1/articles", "/v1/articles/{article_id}", "/v1/audit", "/v1/stories/{story}"} <= set(paths)
    assert {"200", "201", "422"} <= set(paths["/v1/articles"]["post"]["responses"])
    assert "404" in paths["/v1/articles/{article_id}"]["get"]["responses"]


def test_first_start_creates_the_store_in_the_data_directory(tmp_path):
    data_dir = tmp_path / "new" / "data"
    app = create_app({"CREDENCE_DATA_DIR": str(data_dir), "CREDENCE_DATABASE_URL": ""})
    assert app.test_client().post("/v1/articles", json=ARTICLE).status_code == 201
    database = data_dir / "credence.sqlite3"
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    # A second start finds the store as it was.
    again = create_app({"CREDENCE_DATA_DIR": str(data_dir), "CREDENCE_DATABASE_URL": ""}).test_client()
    assert len(again.get("/v1/articles").get_json()["articles"]) == 1


def test_migrations_build_the_tables_the_code_describes(store_app, database_url):
    inspector = inspect(create_engine(database_url))
    for table in metadata.sorted_tables:
        columns = {column["name"] for column in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name
        indexes = {index["name"] for index in inspector.get_indexes(table.name)}
        assert {index.name for index in table.indexes} <= indexes, table.name


@pytest.mark.parametrize(
    "setting, value",
    [("CREDENCE_DATABASE_URL", "no scheme here"), ("CREDENCE_DATABASE_URL", "nosuchdialect://x/y"),
     ("CREDENCE_DATA_DIR", "/proc/credence-cannot-be-here")],
)
def test_unusable_store_setting_fails_start_up_naming_it(setting, value):
    with pytest.raises(ConfigError, match=setting):
        create_app({setting: value, **({"CREDENCE_DATABASE_URL": ""} if setting == "CREDENCE_DATA_DIR" else {})})


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="CREDENCE_TEST_DATABASE_URL is not set")
def test_postgresql_stores_the_body_as_jsonb(store_app, database_url):
    inspector = inspect(create_engine(database_url))
    body = {column["name"]: column for column in inspector.get_columns("article_bodies")}["body"]
    assert type(body["type"]).__name__ == "JSONB"


PAGE = """<html><head><title>Drones over Kyiv</title><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-12-16T08:00:00Z"></head>
<body><article><h1>Drones over Kyiv</h1><p>Russia launched 49 drones at Ukraine overnight, the Ukrainian
military said on Monday. Of the 49 drones, the air force shot down 27 and lost track of 19, it added.</p>
<p>Three drones remained in Ukrainian air space as of Monday morning, the air force said in a statement.</p>
</article></body></html>"""


def test_a_page_is_stored_as_its_extracted_article_with_its_byline_and_date(store_client):
    response = store_client.post("/v1/articles", data=PAGE.encode(), content_type="text/html; charset=utf-8")
    assert response.status_code == 201
    body = response.get_json()
    assert StoredArticleSchema().validate(body) == {}
    assert body["document"]["text"].startswith("Drones over Kyiv")
    assert (body["title"], body["author"], body["published"]) == ("Drones over Kyiv", "Jane Roe", "2024-12-16")
    assert all(body["document"]["text"][c["start"]:c["end"]] == c["text"] for c in body["claims"])
    # The caller's metadata wins over the page's; the same page and metadata is the same article.
    mine = {"html": PAGE, "author": "Desk", "published": "2024-12-17", "outlet": "Wire"}
    first = store_client.post("/v1/articles", json=mine)
    assert first.status_code == 201 and (first.get_json()["author"], first.get_json()["published"]) == ("Desk", "2024-12-17")
    again = store_client.post("/v1/articles", json=mine)
    assert again.status_code == 200 and again.get_json()["id"] == first.get_json()["id"]
    assert store_client.get(first.headers["Location"]).get_json() == first.get_json()
