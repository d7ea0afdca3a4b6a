"""The viewer: GET / and POST /view, server-rendered; and the same page in a real headless browser."""
from __future__ import annotations

import base64
import hashlib
import re
import shutil
import threading
from html import unescape

import pytest

from .test_api import ARTICLE
from .test_html_input import GERMAN, page

CHROMIUM = "/usr/bin/chromium"
BROWSER_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
CLAIM_ELEMENT = re.compile(r'<a class="claim band-(\d)"[^>]*data-claim-index="(\d+)" data-score="([\d.]+)"')


def view(client, **form):
    return client.post("/view", data=form)


def test_the_form_page_posts_text_or_html_to_view(client):
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert html.count('action="/view"') == 2 and 'name="text"' in html and 'name="html"' in html
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


def test_view_marks_every_claim_with_its_index_and_score(client):
    response = view(client, text=ARTICLE)
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    claims = client.post("/v1/score", json={"text": ARTICLE}).get_json()["claims"]
    found = CLAIM_ELEMENT.findall(html)
    assert [(int(i), float(s)) for _, i, s in found] == [(c["index"], c["score"]) for c in claims]
    assert [int(b) for b, _, _ in found] == [sum(c["score"] >= edge for edge in (20, 40, 60, 80)) for c in claims]
    assert '<mark class="m-source" title="source">the Ukrainian military</mark>' in html
    assert '<mark class="m-cue" title="cue">said</mark>' in html
    assert '<mark class="m-hedge" title="hedge">likely</mark>' in html
    # the rating and its reasons at the top, each claim's terms in words below
    assert html.index("Why this rating") < html.index('data-claim-index="0"')
    assert html.count('<table class="terms">') == len(claims)


def test_the_page_loads_nothing_and_its_style_is_allowed_by_hash(client):
    response = view(client, text=ARTICLE)
    html = response.get_data(as_text=True)
    assert "<script" not in html and "src=" not in html and "@import" not in html and "url(" not in html
    assert not re.search(r'href="(?!#|/")', html)  # links go to anchors in the page or to the form
    (css,) = re.findall(r"<style>(.*?)</style>", html, re.S)
    digest = base64.b64encode(hashlib.sha256(unescape(css).encode()).digest()).decode()
    policy = response.headers["Content-Security-Policy"]
    assert f"style-src 'sha256-{digest}'" in policy and "script-src 'none'" in policy


def test_view_takes_a_web_page(client):
    html = view(client, html=page("ars-1").decode("utf-8")).get_data(as_text=True)
    assert "<h1 id=\"verdict-heading\">Just-released Minecraft exploit makes it easy to crash game servers</h1>" in html
    assert "By Dan Goodin" in html and len(CLAIM_ELEMENT.findall(html)) > 10


@pytest.mark.parametrize("form, words", [({"text": GERMAN}, "German (de)"), ({}, "exactly one"), ({"html": "<p>Home</p>"}, "no article")])
def test_what_cannot_be_scored_is_a_422_page_with_the_form_again(client, form, words):
    response = view(client, **form)
    assert response.status_code == 422 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert 'role="alert"' in html and words in unescape(html) and 'action="/view"' in html
    if "text" in form:
        assert unescape(html).count(GERMAN) == 1  # the text is kept for another try


def test_an_unrated_text_and_a_hostile_form_still_get_a_page(client):
    unrated = view(client, text="Breaking News\n\nPhoto: AP")
    assert unrated.status_code == 200 and "Unrated" in unrated.get_data(as_text=True)
    assert not CLAIM_ELEMENT.findall(unrated.get_data(as_text=True))
    hostile = client.post(
        "/view", data=b"text=The+agency+said+%ED%A0%80+%FF+the+strike+hit+a+depot.",
        content_type="application/x-www-form-urlencoded",
    )
    assert hostile.status_code == 200 and len(CLAIM_ELEMENT.findall(hostile.get_data(as_text=True))) == 1


# ---- in a real browser ---------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    if not shutil.which(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install -y chromium chromium-driver (.ci/run does)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def served(app):
    """The app on a loopback port for the browser to reach."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def _luminance(css_colour: str) -> float:
    channels = [int(v) / 255 for v in re.findall(r"\d+", css_colour)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_in_a_browser_without_scripts_a_reader_pastes_scores_and_reads_by_keyboard(browser, served, client):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    requested, console = [], []
    tab.on("request", lambda request: requested.append(request.url))
    tab.on("console", lambda message: console.append(message.text))

    tab.goto(f"{served}/")
    tab.fill("#text", ARTICLE)
    with tab.expect_navigation():
        tab.click("text=Score the text")
    claims = client.post("/v1/score", json={"text": ARTICLE}).get_json()["claims"]
    elements = tab.locator("[data-claim-index]")
    assert elements.count() == len(claims)
    assert [float(elements.nth(i).get_attribute("data-score")) for i in range(len(claims))] == [c["score"] for c in claims]

    # the inline style sheet applied (the CSP hash allows it): claims are tinted, readable
    styles = [elements.nth(i).evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
              for i in range(len(claims))]
    assert all(background != "rgba(0, 0, 0, 0)" for _, background in styles)
    assert all(contrast(colour, background) >= 7 for colour, background in styles)  # WCAG AAA for body text

    # by keyboard: Tab reaches the first claim, its reasons show; Enter opens its entry in the list
    for _ in range(30):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.dataset.claimIndex") == "0":
            break
    else:
        pytest.fail("Tab never reached the first claim")
    tip = tab.locator("#tip-0")
    assert tip.is_visible() and "attributed" in tip.inner_text()
    assert not tab.locator("#tip-1").is_visible()
    tab.keyboard.press("Enter")
    assert tab.url.endswith("#claim-0") and tab.locator("#claim-0").is_visible()
    assert "How the score adds up" in tab.locator("#claim-0").inner_text()
    tab.click('[data-claim-index="1"]')
    assert tab.url.endswith("#claim-1") and "attribution model" in tab.locator("#claim-1").inner_text()

    assert all(url.startswith(served) for url in requested)
    assert not [text for text in console if "Content Security Policy" in text]
    context.close()
