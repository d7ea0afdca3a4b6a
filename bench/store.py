"""The store: what storing adds to scoring, the audit over many articles, one story.

    .venv/bin/python -m bench.store [--articles N] [--repeats N]

1. storing: every corpus article is posted through Flask's test client to
   ``POST /v1/score`` and, with fresh metadata so it is a new article, to
   ``POST /v1/articles`` (score + store in one SQLite transaction), interleaved, ``--repeats``
   rounds; the figure is total time of the second over the first, minus one
   (target <= 20%).
2. audit: ``--articles`` (100,000) synthetic articles are written straight into a fresh
   SQLite store: each is a corpus article's real text and scoring body under one of 40
   outlets and a date over two years (source rows computed as ``POST /v1/articles`` does).
   Then ``GET /v1/audit`` (all, one outlet, one outlet over one quarter) is timed, best
   of ``--repeats`` (target <= 1 s).
3. story: 50 articles (the five seeds under ten outlets each) are posted under one story
   id; ``GET /v1/stories/{story}`` is timed, best of ``--repeats`` (target <= 0.5 s).

Prints numbers; not a test. Works in a temporary directory it removes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from bench.corpus import SEEDS_DIR, corpus, verdict

STORING_TARGET = 0.20
AUDIT_TARGET_SECONDS = 1.0
STORY_TARGET_SECONDS = 0.5
OUTLETS = [f"Outlet {number:02d}" for number in range(40)]
BATCH = 2_000


def app_for(database_url: str):
    from service import create_app

    return create_app({"TESTING": True, "CREDENCE_DATABASE_URL": database_url})


def storing(client, repeats: int) -> tuple[float, float]:
    texts = [article.text for article in corpus()]
    scoring = storing_ = 0.0
    for round_number in range(repeats):
        for number, text in enumerate(texts):
            started = time.perf_counter()
            assert client.post("/v1/score", json={"text": text}).status_code == 200
            scoring += time.perf_counter() - started
            started = time.perf_counter()
            response = client.post("/v1/articles", json={"text": text, "outlet": f"round {round_number}", "story": f"s{number}"})
            storing_ += time.perf_counter() - started
            assert response.status_code == 201, response.get_json()
    count = repeats * len(texts)
    return scoring / count, storing_ / count


def fill(store, count: int) -> None:
    """``count`` synthetic articles from the corpus's real bodies, in large transactions."""
    from sqlalchemy import Column, Integer, MetaData, Table, Text, insert

    from service import score_article
    from service.store.database import WRITE
    from service.store.repository import SHARES, content_hash
    from service.store.stories import source_rows
    from service.store.tables import article_sources, articles

    scored = [(article.text, score_article(article.text)) for article in corpus()]
    # The same table with the body as the JSON text it is stored as: each distinct body is
    # serialised once, not once per synthetic article.
    raw_bodies = Table("article_bodies", MetaData(), Column("article_seq", Integer), Column("text", Text), Column("body", Text))
    serialised = [json.dumps(body) for _, body in scored]
    rows_of = [source_rows(body) for _, body in scored]
    start_day = dt.date(2024, 1, 1)
    stored_at = dt.datetime.now(dt.timezone.utc)
    for first in range(0, count, BATCH):
        numbers = range(first, min(count, first + BATCH))
        article_rows, body_rows, source_rows_ = [], [], []
        for number in numbers:
            text, body = scored[number % len(scored)]
            metadata = {"outlet": OUTLETS[number % len(OUTLETS)], "published": start_day + dt.timedelta(days=(number * 7) % 730),
                        "story": f"story {number // 5}", "title": f"synthetic {number}"}
            summary = body["article"]
            article_rows.append({
                "seq": number + 1, "id": uuid.uuid4().hex, "content_hash": content_hash(f"{number}\n{text}", metadata),
                "stored_at": stored_at, "dated": metadata["published"], "url": None, "author": None, **metadata,
                "model_version": body["model"]["version"], "rules_version": body["model"].get("rules_version"),
                "score": summary["score"], "rating": summary["rating"], "claim_count": summary["claim_count"],
                **{name: summary["summary"][name] for name in SHARES},
            })
            body_rows.append({"article_seq": number + 1, "text": text, "body": serialised[number % len(scored)]})
            source_rows_.extend({"article_seq": number + 1, **row} for row in rows_of[number % len(scored)])
        with store.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.execute(insert(articles), article_rows)
            connection.execute(insert(raw_bodies), body_rows)
            connection.execute(insert(article_sources), source_rows_)


def best_of(repeats: int, call) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="credence-bench-store-"))
    try:
        client = app_for(f"sqlite:///{workdir / 'storing.sqlite3'}").test_client()
        scoring, stored = storing(client, args.repeats)
        added = stored / scoring - 1
        print(f"storing: score {scoring * 1000:.2f} ms/article, score+store {stored * 1000:.2f} ms/article, "
              f"added {added:+.1%} (target <= {STORING_TARGET:.0%}) {verdict(added <= STORING_TARGET)}")

        story_client = app_for(f"sqlite:///{workdir / 'story.sqlite3'}").test_client()
        seeds = sorted(SEEDS_DIR.glob("*.txt"))
        for outlet in range(10):
            for path in seeds:
                text = path.read_text(encoding="utf-8")
                story_client.post("/v1/articles", json={"text": text, "outlet": f"Outlet {outlet}", "story": "fifty"})
        view = story_client.get("/v1/stories/fifty").get_json()
        seconds = best_of(args.repeats, lambda: story_client.get("/v1/stories/fifty"))
        print(f"story: {len(view['articles'])} articles, {len(view['sources'])} sources, {len(view['chains'])} chains: "
              f"{seconds * 1000:.1f} ms (target <= {STORY_TARGET_SECONDS * 1000:.0f} ms) {verdict(seconds <= STORY_TARGET_SECONDS)}")

        audit_app = app_for(f"sqlite:///{workdir / 'audit.sqlite3'}")
        started = time.perf_counter()
        fill(audit_app.extensions["credence_store"], args.articles)
        print(f"audit: {args.articles} synthetic articles written in {time.perf_counter() - started:.1f} s")
        audit_client = audit_app.test_client()
        for label, query in [("all", ""), ("one outlet", "?outlet=Outlet%2007"),
                             ("one outlet, one quarter", "?outlet=Outlet%2007&since=2024-04-01&until=2024-06-30")]:
            body = audit_client.get(f"/v1/audit{query}").get_json()
            seconds = best_of(args.repeats, lambda: audit_client.get(f"/v1/audit{query}"))
            print(f"audit ({label}): {body['article_count']} articles, {seconds * 1000:.0f} ms "
                  f"(target <= {AUDIT_TARGET_SECONDS * 1000:.0f} ms) {verdict(seconds <= AUDIT_TARGET_SECONDS)}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
