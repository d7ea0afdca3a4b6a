"""The viewer: a page to paste an article into (``GET /``) and the scored article as a page
(``POST /view``, and ``credence score --format html``), rendered on the server.

Each claim is one element carrying ``data-claim-index`` and ``data-score``, tinted by its
score band, with its source, cue, hedges and notes marked inside; its terms show beneath
it when it has focus, and a click (or Enter) jumps to its entry in the list below, which
holds its source, cue, hedges, notes and terms for any reader. It needs no script
and loads nothing: the style sheet is inline, allowed by its hash in the
Content-Security-Policy, which forbids everything else.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from flask import Blueprint, Response, request
from jinja2 import Environment, PackageLoader, select_autoescape

from .deadline import within_request_deadline
from .errors import ApiError
from .intake import Refused, score_body

SCORE_BANDS = (20, 40, 60, 80)
"""Claim tints: below 20, 20-40, 40-60, 60-80, 80 and above (band-0 ... band-4)."""
MARK_PRIORITY = ("source", "cue", "hedge", "note")
"""Where two marked spans overlap, the one named first is kept."""

bp = Blueprint("viewer", __name__)


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("service", "templates"), autoescape=select_autoescape(default=True))


@cache
def _style() -> tuple[str, str]:
    """The style sheet and its CSP source expression ('sha256-...')."""
    css = files("service").joinpath("templates/viewer.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return css, f"'sha256-{digest}'"


def content_security_policy() -> str:
    """Nothing but the inline style sheet; forms post back to the service only."""
    return (
        f"default-src 'none'; style-src {_style()[1]}; img-src 'none'; script-src 'none'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


@dataclass(frozen=True)
class Piece:
    """A run of article text: plain, or a claim (with its marked pieces inside), or a mark."""

    text: str
    kind: str = "text"
    claim: dict | None = None
    pieces: tuple["Piece", ...] = ()


def band(score: float) -> int:
    return sum(score >= edge for edge in SCORE_BANDS)


def _marks(claim: dict) -> list[tuple[int, int, str]]:
    """The claim's own spans to mark, inside the claim and not overlapping, in text order."""
    attribution = claim["attribution"] or {}
    found = [
        *([(attribution["source"], "source")] if attribution.get("source") else []),
        *([(attribution["cue"], "cue")] if attribution.get("cue") else []),
        *((hedge, "hedge") for hedge in claim["hedges"]),
        *((note, "note") for note in claim["verification"]),
    ]
    kept: list[tuple[int, int, str]] = []
    for span, kind in sorted(found, key=lambda item: MARK_PRIORITY.index(item[1])):
        start, end = span["start"], span["end"]
        inside = claim["start"] <= start < end <= claim["end"]
        if inside and all(end <= other_start or start >= other_end for other_start, other_end, _ in kept):
            kept.append((start, end, kind))
    return sorted(kept)


def pieces(text: str, claims: list[dict]) -> list[Piece]:
    """The article as plain runs and claims, each claim split into plain runs and marks."""
    result, position = [], 0
    for claim in sorted(claims, key=lambda c: c["start"]):
        if claim["start"] < position:  # claims never overlap; if they did, the later one is shown plain
            continue
        result.append(Piece(text[position : claim["start"]]))
        inner, cursor = [], claim["start"]
        for start, end, kind in _marks(claim):
            inner += [Piece(text[cursor:start]), Piece(text[start:end], kind)]
            cursor = end
        inner.append(Piece(text[cursor : claim["end"]]))
        result.append(Piece(text[claim["start"] : claim["end"]], "claim", claim, tuple(p for p in inner if p.text)))
        position = claim["end"]
    result.append(Piece(text[position:]))
    return [piece for piece in result if piece.text]


def render_page(body: dict, text: str, weights) -> str:
    """The scored article as a page; ``body`` is the scoring body with explain on, ``text`` what its offsets index."""
    css, _ = _style()
    return _environment().get_template("view.html").render(
        css=css, body=body, article=body["article"], pieces=pieces(text, body["claims"]),
        claims=body["claims"], weakest=sorted(body["claims"], key=lambda c: c["score"])[:3],
        band=band, weights=weights, document=body.get("document"),
    )


def render_form(message: str | None = None, form: dict | None = None) -> str:
    css, _ = _style()
    return _environment().get_template("form.html").render(css=css, message=message, form=form or {})


def _page(html: str, status: int = 200) -> Response:
    # A lone surrogate has no UTF-8 form: it shows as "?" rather than failing the page.
    response = Response(html.encode("utf-8", "replace"), status=status, mimetype="text/html")
    response.headers["Content-Security-Policy"] = content_security_policy()
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/", methods=["GET"])
def form():
    return _page(render_form())


@bp.route("/view", methods=["POST"])
def view():
    from .api import article_of, engine, validate_score_request

    filled = {name: request.form[name] for name in ("text", "html") if request.form.get(name, "").strip()}
    try:
        article = article_of(validate_score_request(filled))
    except ApiError as error:
        return _page(render_form(_in_words(error), filled), error.code)
    except Refused as error:
        return _page(render_form(str(error), filled), 422)
    scorer = engine()
    try:
        with within_request_deadline():
            body = score_body(scorer, article, scorer.analyse(article.text), explain=True)
    except ApiError as error:  # past CREDENCE_TIMEOUT: 503, the form again with the reason
        return _page(render_form(_in_words(error), filled), error.code)
    return _page(render_page(body, article.text, scorer.weights))


def _in_words(error: ApiError) -> str:
    """The per-field messages of a refused form (the summary alone says only "failed validation")."""
    details = [message for messages in error.errors.values() for message in messages] if error.errors else []
    return "; ".join(details) or error.description


def install_viewer(app) -> None:
    app.register_blueprint(bp)
    _style()  # read the style sheet at start-up, not on the first request
