"""HTML input and the language check (docs/api.md, v1 additions), on real pages from data/html-pages."""
from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from service.extract import NoArticleText, extract_article
from service.language import MIN_LETTERS, NotEnglish, check_english, detect_language, language_name
from service.schemas import BatchResponseSchema, ScoreResponseSchema

from .test_api import ARTICLE, assert_error

PAGES = Path(__file__).resolve().parents[1] / "data" / "html-pages" / "pages"
GERMAN = (
    "Die Bundesregierung will die Steuern im kommenden Jahr deutlich senken, sagte ein Sprecher des "
    "Finanzministeriums am Montag in Berlin. Die Opposition kritisierte die Pläne als unseriös."
)
NO_ARTICLE = b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>"


def page(name: str) -> bytes:
    return (PAGES / name / "source.html").read_bytes()


def metadata(name: str) -> dict:
    return json.loads((PAGES / name / "expected-metadata.json").read_text(encoding="utf-8"))


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def expected_paragraphs(name: str) -> list[str]:
    """The words of the expected article's paragraphs (quotation marks and apostrophes vary)."""
    root = lxml.html.fromstring((PAGES / name / "expected.html").read_text(encoding="utf-8"))
    return [words(p.text_content()) for p in root.iter("p") if len(p.text_content().split()) > 8]


def assert_offsets_point_into(text: str, body: dict) -> None:
    for claim in body["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
        attribution = claim["attribution"]
        for span in filter(None, [attribution and attribution["source"], attribution and attribution["cue"]]):
            assert text[span["start"]:span["end"]] == span["text"]
        for span in claim["hedges"] + claim["verification"]:
            assert text[span["start"]:span["end"]] == span["text"]


def test_a_page_posted_as_html_is_scored_on_its_article(client):
    response = client.post("/v1/score", data=page("ars-1"), content_type="text/html")
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    ScoreResponseSchema().load(body)
    document = body["document"]
    assert document["title"] == metadata("ars-1")["title"] == body["title"]
    assert document["author"] == metadata("ars-1")["byline"]
    assert document["date"] == "2015-04-16"
    assert body["article"]["claim_count"] > 10 and body["article"]["rating"] != "unrated"
    assert_offsets_point_into(document["text"], body)
    # the article's paragraphs are in the text; the page's scripts, navigation and comment links are not
    found = words(document["text"])
    assert all(paragraph in found for paragraph in expected_paragraphs("ars-1"))
    assert "window datalayer" not in found and "reader comments" not in found


def test_html_in_json_is_the_same_as_a_text_html_body(client):
    as_body = client.post("/v1/score", data=page("bbc-1"), content_type="text/html").get_json()
    html = page("bbc-1").decode("utf-8")
    in_json = client.post("/v1/score", json={"html": html, "url": "https://www.bbc.co.uk/news"}).get_json()
    assert in_json["url"] == "https://www.bbc.co.uk/news"
    assert {**in_json, "url": None} == as_body


def test_the_callers_title_wins_and_a_null_title_is_accepted(client):
    named = client.post("/v1/score", json={"html": page("ars-1").decode("utf-8"), "title": "Mine"}).get_json()
    assert named["title"] == "Mine" and named["document"]["title"] == metadata("ars-1")["title"]
    response = client.post("/v1/score", json={"text": ARTICLE, "title": None, "url": None})
    assert response.status_code == 200
    body = response.get_json()
    assert body["title"] is None and body["url"] is None and "document" not in body


def test_a_declared_charset_decodes_the_page(client):
    html = "<html><body><article><p>" + " ".join(["The café’s owner said the rent had doubled since May."] * 4) + "</p></article></body></html>"
    response = client.post("/v1/score", data=html.encode("latin-1", "replace"), content_type="text/html; charset=latin-1")
    assert response.status_code == 200
    assert "caf\u00e9" in response.get_json()["document"]["text"]
    assert_error(client.post("/v1/score", data=b"<p>x</p>", content_type="text/html; charset=klingon"), 415)


@pytest.mark.parametrize("body", [NO_ARTICLE, b"", b"\x00\xff\xfe garbage", b"<p>"])
def test_a_page_with_no_article_is_a_422_on_html(client, body):
    error = assert_error(client.post("/v1/score", data=body, content_type="text/html"), 422)
    assert "html" in error["errors"]


@pytest.mark.parametrize("payload", [{"text": ARTICLE, "html": "<p>x</p>"}, {"title": "only a title"}])
def test_exactly_one_of_text_and_html(client, payload):
    error = assert_error(client.post("/v1/score", json=payload), 422)
    assert "exactly one" in json.dumps(error["errors"])


def test_extract_article_raises_for_a_page_without_article():
    with pytest.raises(NoArticleText):
        extract_article(NO_ARTICLE)


@pytest.mark.parametrize("name, code, language", [("heise", "de", "German"), ("lemonde-1", "fr", "French"), ("la-nacion", "es", "Spanish")])
def test_a_page_in_another_language_is_refused_naming_it(client, name, code, language):
    error = assert_error(client.post("/v1/score", data=page(name), content_type="text/html"), 422)
    assert error["message"] == f"credence scores English news; this text looks like {language} ({code})"
    assert error["errors"] == {"html": [error["message"]]}


def test_a_text_in_another_language_is_refused_naming_it(client):
    error = assert_error(client.post("/v1/score", json={"text": GERMAN}), 422)
    assert error["message"] == "credence scores English news; this text looks like German (de)"
    assert error["errors"] == {"text": [error["message"]]}


def test_a_very_short_text_is_not_refused_for_its_language(client):
    short = "Die Regierung sagte am Montag, die Steuern sinken."
    assert sum(c.isalpha() for c in short) < MIN_LETTERS
    assert detect_language(short).code == "de"
    assert client.post("/v1/score", json={"text": short}).status_code == 200


@pytest.mark.parametrize("name", ["ars-1", "bbc-1", "cnn", "herald-sun-1", "nytimes-1", "seattletimes-1", "telegraph", "wapo-1"])
def test_english_pages_are_not_refused(name):
    check_english(extract_article(page(name)).text)


def test_english_news_mixed_with_a_foreign_quote_is_scored():
    check_english(ARTICLE + "\n" + "“Wir schaffen das”, sagte sie.")
    with pytest.raises(NotEnglish):
        check_english(GERMAN * 2)


@pytest.mark.parametrize("text", [(ARTICLE + " ") * 2 + GERMAN * 8, GERMAN * 8 + (" " + ARTICLE) * 2])
def test_an_english_lead_or_close_does_not_let_a_german_text_through(text):
    """The check reads two short samples first; one of them German, the whole prefix decides."""
    with pytest.raises(NotEnglish):
        check_english(text)


def test_language_names_come_from_iso_639():
    assert (language_name("de"), language_name("zh"), language_name("no-such")) == ("German", "Chinese", "no-such")


def test_a_batch_takes_pages_and_names_the_index_of_a_refused_one(client):
    good = {"id": "a", "html": page("ars-1").decode("utf-8")}
    response = client.post("/v1/score/batch", json={"articles": [good, {"id": "b", "text": ARTICLE, "title": None}]})
    assert response.status_code == 200
    body = response.get_json()
    BatchResponseSchema().load(body)
    assert [r["id"] for r in body["results"]] == ["a", "b"]
    assert "document" in body["results"][0] and "document" not in body["results"][1]
    refused = client.post("/v1/score/batch", json={"articles": [good, {"id": "c", "text": GERMAN}]})
    error = assert_error(refused, 422)
    assert error["message"].endswith("articles at index 1") and "German (de)" in json.dumps(error["errors"])


SHOUTED = (
    "THE CITY COUNCIL VOTED ON TUESDAY TO CLOSE THE BRIDGE FOR REPAIRS, ACCORDING TO A STATEMENT FROM THE MAYOR. "
    "OFFICIALS SAID THE COST COULD REACH FOUR MILLION DOLLARS."
)


@pytest.mark.parametrize(
    "text, read_in_lower_case",
    [
        (SHOUTED, True),
        ("Breaking: " + SHOUTED, True),  # over 80% of the letters are capitals
        ("The city council voted on Tuesday to close the Bridge for repairs, the Mayor said.", False),
        ("NASA AND THE ESA said on Monday that the launch of the probe was delayed by a week.", False),
    ],
)
def test_a_text_mostly_in_capitals_is_read_in_lower_case(text, read_in_lower_case):
    assert (detect_language(text) == detect_language(text.lower())) == read_in_lower_case
