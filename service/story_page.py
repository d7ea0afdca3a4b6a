"""The story page, ``GET /stories/{story}``: the story view (``GET /v1/stories/{story}``)
as server-rendered HTML for people: sources as rows, articles as columns, each cell
marked first-hand or relayed. No script and no asset from outside the service.
"""
from __future__ import annotations

from flask import Blueprint, render_template

from .store_api import story_or_404

story_page = Blueprint("story_page", __name__, template_folder="templates")


@story_page.get("/stories/<string:story>")
def show_story(story: str):
    view = story_or_404(story)
    # One row per source: its cell per article id (absent: the article does not cite it).
    rows = [(source, {article["id"]: article for article in source["articles"]}) for source in view["sources"]]
    return render_template("story.html", view=view, rows=rows, relayed_by=_relayed_by(view["chains"]))


def _relayed_by(chains: list[dict]) -> dict[tuple[str, str], list[str]]:
    """(source name, article id) -> the intermediaries the article reaches it through,
    nearest the article first: for a chain's source all of ``via``, for an intermediary
    the ones before it."""
    found: dict[tuple[str, str], list[str]] = {}
    for chain in chains:
        path = [*chain["via"], chain["source"]]
        for position, name in enumerate(path[1:], start=1):
            for article in chain["articles"]:
                found.setdefault((name, article), path[:position])
    return found
