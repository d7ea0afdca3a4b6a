"""The story view on the five seed articles (data/seeds): one event, five outlets, the
same intelligence agency named five ways and reached first-hand by some, through others
by the rest. Also the name rules one by one, as a table."""
from __future__ import annotations

import pytest

from service.store.names import Name, merge_mentions
from service.store_schemas import StorySchema

from .conftest import seed_text

OUTLETS = {"000": "Outlet A", "001": "Outlet B", "002": "Outlet C", "003": "Outlet D", "004": "Outlet E"}


@pytest.fixture()
def story(store_client):
    ids = {}
    for prefix, outlet in OUTLETS.items():
        response = store_client.post(
            "/v1/articles", json={"text": seed_text(prefix), "outlet": outlet, "story": "nk-friendly-fire", "title": prefix}
        )
        assert response.status_code == 201
        ids[prefix] = response.get_json()["id"]
    response = store_client.get("/v1/stories/nk-friendly-fire")
    assert response.status_code == 200
    view = response.get_json()
    assert StorySchema().validate(view) == {}
    return ids, view


def source_with(view: dict, mention: str) -> dict:
    (found,) = [source for source in view["sources"] if mention in source["mentions"]]
    return found


def test_story_lists_its_articles(story):
    ids, view = story
    assert view["story"] == "nk-friendly-fire"
    assert [article["id"] for article in view["articles"]] == list(ids.values())
    assert [article["outlet"] for article in view["articles"]] == list(OUTLETS.values())


def test_the_gur_is_one_source_however_each_article_names_it(story):
    ids, view = story
    gur = source_with(view, "Ukraine’s military intelligence agency (GUR)")
    assert {"the GUR", "Ukraine’s Main Military Intelligence Directorate (GUR)", "Ukrainian military intelligence"} <= set(gur["mentions"])
    assert gur["source_type"] == "organization"
    reached = {article["id"]: article["first_hand"] for article in gur["articles"]}
    # 003 cites the GUR itself; 002 only through the ISW; 000 through the GUR's video.
    assert reached[ids["003"]] is True
    assert reached[ids["002"]] is False
    assert ids["000"] in reached
    assert view["sources"][0] is not None and view["sources"][0]["name"] == gur["name"]


def test_names_meet_by_acronym_surname_and_country(story):
    _, view = story
    assert {"the Institute for The Study of War", "The ISW", "the ISW"} <= set(source_with(view, "The ISW")["mentions"])
    assert {"Umerov", "Rustem Umerov"} <= set(source_with(view, "Umerov")["mentions"])
    assert {"Zelensky", "Volodymyr Zelensky"} <= set(source_with(view, "Zelensky")["mentions"])
    korea = source_with(view, "South Korean intelligence")
    assert "South Korea's National Intelligence Service" in korea["mentions"]
    assert korea["source_type"] == "organization"
    # Different sources stay apart.
    assert source_with(view, "the Ukrainian military") != source_with(view, "Ukrainian military intelligence")
    assert source_with(view, "South Korean and Western intelligence agencies") != korea
    assert source_with(view, "A US official") != source_with(view, "the official")


def test_chains_say_who_is_cited_through_whom(story):
    ids, view = story
    chains = {(chain["source"], tuple(chain["via"])): chain["articles"] for chain in view["chains"]}
    assert chains[("Denis Pushilin", ("the TASS state news agency",))] == [ids["002"]]
    gur_name = source_with(view, "the GUR")["name"]
    isw_name = source_with(view, "The ISW")["name"]
    assert chains[(gur_name, (isw_name,))] == [ids["002"]]
    pushilin = source_with(view, "Denis Pushilin")
    assert [(a["id"], a["first_hand"]) for a in pushilin["articles"]] == [(ids["002"], False)]
    tass = source_with(view, "the TASS state news agency")
    assert [(a["id"], a["first_hand"]) for a in tass["articles"]] == [(ids["002"], True)]


def test_story_page_shows_sources_by_articles(story, store_client):
    ids, view = story
    response = store_client.get("/stories/nk-friendly-fire")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert page.count("<tr data-source=") == len(view["sources"])
    assert all(f'data-article-id="{article_id}"' in page for article_id in ids.values())
    assert 'class="first-hand"' in page and 'class="relayed"' in page
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "Ukraine’s Main Military Intelligence Directorate (GUR)" in page
    # Pushilin's cell in 002 names who relays him.
    assert "1 claim, relayed via the TASS state news agency</td>" in page


def test_story_page_escapes_what_articles_say(store_client):
    store_client.post("/v1/articles", json={
        "text": "The strike hit a depot, <b>Officials</b> said on Monday.", "outlet": "<script>x</script>", "story": "s",
    })
    page = store_client.get("/stories/s").get_data(as_text=True)
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page


SAME = [
    (("Ukraine’s military intelligence agency (GUR)", "organization"), ("the GUR", "organization")),
    (("the GUR", "organization"), ("The GUR’s", "person")),
    (("Ukraine’s military intelligence agency (GUR)", "organization"), ("Ukrainian military intelligence", "organization")),
    (("the Institute for The Study of War", "organization"), ("ISW)", "person")),
    (("Rustem Umerov", "person"), ("Umerov", "person")),
    (("President Volodymyr Zelenskyy", "person"), ("Zelensky", "person")),
    (("the U.S.", "organization"), ("The US", "organization")),
    (("Kiev's defense ministry", "organization"), ("Kyiv’s Defence Ministry", "organization")),
    (("Western officials", "anonymous"), ("western officials", "anonymous")),
]
APART = [
    (("the Ukrainian military", "organization"), ("Ukrainian military intelligence", "organization")),
    (("North Korea", "organization"), ("South Korea", "organization")),
    (("South Korean and Western intelligence agencies", "organization"), ("South Korean intelligence", "organization")),
    (("Ukrainian officials", "anonymous"), ("Ukrainian officers", "anonymous")),
    (("he", "person"), ("she", "person")),
]


@pytest.mark.parametrize("first, second", SAME)
def test_names_that_are_one_source(first, second):
    groups = merge_mentions([Name.of(*first), Name.of(*second)], ["a", "b"])
    assert groups[0] == groups[1]


@pytest.mark.parametrize("first, second", APART)
def test_names_that_are_different_sources(first, second):
    groups = merge_mentions([Name.of(*first), Name.of(*second)], ["a", "b"])
    assert groups[0] != groups[1]


def test_a_bare_head_noun_joins_the_one_source_elsewhere_with_that_noun():
    names = [Name.of("A Russian soldier captured by Ukrainian forces", "anonymous"), Name.of("The soldier", "anonymous")]
    assert len(set(merge_mentions(names, ["a", "b"]))) == 1
    # Not within one article (there the pipeline's refers_to decides), nor when ambiguous.
    assert len(set(merge_mentions(names, ["a", "a"]))) == 2
    names.append(Name.of("a Chechen soldier", "anonymous"))
    assert len(set(merge_mentions(names, ["a", "b", "c"]))) == 3
