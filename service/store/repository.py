"""The article store: every read and write of stored results goes through ``ArticleStore``.

No Flask here: the HTTP layer (service/store_api.py) and the benchmarks call the same
methods. An article is written in one transaction (its row, its body and its source rows
together), so a process killed mid-write leaves either the whole article or nothing.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import Engine, and_, func, insert, or_, select
from sqlalchemy.exc import IntegrityError

from .database import ONE_READ, WRITE, connect, database_url, migrate
from .names import TYPE_ORDER
from .stories import source_rows, story_view
from .tables import article_bodies, article_sources, articles

METADATA_FIELDS = ("title", "url", "outlet", "author", "published", "story")
SHARES = ("attributed_share", "named_share", "anonymous_share", "hedged_share", "unverified_share")
RATINGS = ("high", "mixed", "low", "unrated")
NAME_SAMPLE = 50
_SUMMARY_COLUMNS = [articles.c[name] for name in ("id", *METADATA_FIELDS, "stored_at", "score", "rating", "claim_count", "model_version", "rules_version")]


class BadCursor(ValueError):
    """A pagination cursor this store did not hand out."""


@dataclass(frozen=True)
class Filters:
    outlet: str | None = None
    story: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def clauses(self) -> list:
        found = []
        if self.outlet is not None:
            found.append(articles.c.outlet == self.outlet)
        if self.story is not None:
            found.append(articles.c.story == self.story)
        if self.since is not None:
            found.append(articles.c.dated >= self.since)
        if self.until is not None:
            found.append(articles.c.dated <= self.until)
        return found


def content_hash(text: str, metadata: dict) -> str:
    """SHA-256 of the text and every metadata field: what makes two posts the same article."""
    fields = {name: metadata.get(name) for name in METADATA_FIELDS}
    if isinstance(fields["published"], dt.date):
        fields["published"] = fields["published"].isoformat()
    # The metadata as one line of JSON (it escapes every newline), then the text as it is:
    # unambiguous, and the long text is never escaped.
    canonical = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{canonical}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()


class ArticleStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, settings: dict) -> "ArticleStore":
        """Connect with the CREDENCE_* settings and migrate to the newest schema."""
        engine = connect(database_url(settings), settings["CREDENCE_DATABASE_BUSY_SECONDS"])
        migrate(engine)
        return cls(engine)

    # ---- writing ----------------------------------------------------------------

    def put(self, text: str, metadata: dict, score: Callable[[str], dict]) -> tuple[dict, bool]:
        """The stored article with this text and metadata: found, or scored with ``score``
        and stored. Returns (article, created)."""
        digest = content_hash(text, metadata)
        existing = self._get(articles.c.content_hash == digest)
        if existing is not None:
            return existing, False
        return self.add(text, metadata, score(text), digest)

    def add(self, text: str, metadata: dict, body: dict, digest: str | None = None) -> tuple[dict, bool]:
        """Store a scored article; returns (the stored article, created). The same text and
        metadata stored before (also by a concurrent request) returns that one, not created."""
        digest = digest or content_hash(text, metadata)
        now = dt.datetime.now(dt.timezone.utc)
        summary = body["article"]
        row = {
            "id": uuid.uuid4().hex,
            "content_hash": digest,
            "stored_at": now,
            "dated": metadata.get("published") or now.date(),
            **{name: metadata.get(name) for name in METADATA_FIELDS},
            "model_version": body["model"]["version"],
            "rules_version": body["model"].get("rules_version"),
            "score": summary["score"],
            "rating": summary["rating"],
            "claim_count": summary["claim_count"],
            **{name: summary["summary"][name] for name in SHARES},
        }
        sources = source_rows(body)
        try:
            with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
                seq = connection.execute(insert(articles).returning(articles.c.seq), row).scalar_one()
                connection.execute(insert(article_bodies), {"article_seq": seq, "text": text, "body": body})
                if sources:
                    connection.execute(insert(article_sources), [{"article_seq": seq, **source} for source in sources])
        except IntegrityError:
            existing = self._get(articles.c.content_hash == digest)
            if existing is None:
                raise
            return existing, False
        return self._stored(row, body), True

    # ---- reading ----------------------------------------------------------------

    def get(self, article_id: str) -> dict | None:
        return self._get(articles.c.id == article_id)

    def _get(self, condition) -> dict | None:
        query = (
            select(*_SUMMARY_COLUMNS, article_bodies.c.body)
            .join(article_bodies, article_bodies.c.article_seq == articles.c.seq)
            .where(condition)
        )
        with self.engine.connect().execution_options(**ONE_READ) as connection:
            found = connection.execute(query).mappings().first()
        return None if found is None else self._stored(dict(found), found["body"])

    @staticmethod
    def _stored(row: dict, body: dict) -> dict:
        """The stored-article representation: id, metadata, when stored, then the scoring body."""
        return {"id": row["id"], **_metadata(row), **body}

    def list(self, filters: Filters, limit: int, cursor: str | None = None) -> tuple[list[dict], str | None]:
        """Newest first (by published date, else the day stored; then by storing order);
        returns the page and the cursor of the next page (None on the last)."""
        query = select(articles.c.seq, articles.c.dated, *_SUMMARY_COLUMNS).where(*filters.clauses())
        if cursor is not None:
            dated, seq = _decode_cursor(cursor)
            query = query.where(or_(articles.c.dated < dated, and_(articles.c.dated == dated, articles.c.seq < seq)))
        query = query.order_by(articles.c.dated.desc(), articles.c.seq.desc()).limit(limit + 1)
        with self.engine.connect() as connection:
            rows = [dict(row) for row in connection.execute(query).mappings()]
        page, more = rows[:limit], len(rows) > limit
        next_cursor = _encode_cursor(page[-1]["dated"], page[-1]["seq"]) if more else None
        summaries = [
            {
                "id": row["id"],
                **_metadata(row),
                "score": row["score"],
                "rating": row["rating"],
                "claim_count": row["claim_count"],
                "model": {"version": row["model_version"], "rules_version": row["rules_version"]},
            }
            for row in page
        ]
        return summaries, next_cursor

    def audit(self, filters: Filters, top: int) -> dict:
        """The sourcing profile of the matching articles, aggregated in SQL."""
        where = filters.clauses()
        totals = select(
            func.count().label("article_count"),
            func.avg(articles.c.score).label("score"),
            *[func.count().filter(articles.c.rating == rating).label(rating) for rating in RATINGS],
            *[func.avg(articles.c[name]).filter(articles.c.claim_count > 0).label(name) for name in SHARES],
        ).where(*where)
        matching = select(articles.c.seq).where(*where).scalar_subquery() if where else None
        source_filter = [article_sources.c.article_seq.in_(matching)] if where else []
        types = (
            select(article_sources.c.source_type, func.sum(article_sources.c.claim_count))
            .where(*source_filter)
            .group_by(article_sources.c.source_type)
        )
        article_count = func.count().label("article_count")
        claim_count = func.sum(article_sources.c.claim_count).label("claim_count")
        top_keys = (
            select(article_sources.c.name_key, article_count, claim_count)
            .where(article_sources.c.name_key.is_not(None), *source_filter)
            .group_by(article_sources.c.name_key)
            .order_by(article_count.desc(), claim_count.desc(), article_sources.c.name_key)
            .limit(top)
        )
        with self.engine.connect() as connection:
            total = connection.execute(totals).mappings().one()
            by_type = {kind: int(count) for kind, count in connection.execute(types).all()}
            ranked = connection.execute(top_keys).all()
            names = self._names_of([key for key, _, _ in ranked], connection, source_filter)
        return {
            "article_count": total["article_count"],
            "score": _rounded(total["score"]),
            "ratings": {rating: total[rating] for rating in RATINGS},
            "summary": {name: _rounded(total[name]) for name in SHARES},
            "source_types": dict(sorted(by_type.items(), key=lambda item: _type_rank(item[0]))),
            "top_sources": [
                {"text": names[key][0], "source_type": names[key][1], "article_count": articles_, "claim_count": int(claims)}
                for key, articles_, claims in ranked
            ],
        }

    @staticmethod
    def _names_of(keys: list[str], connection, source_filter: list) -> dict[str, tuple[str, str]]:
        """For each key, the mention (and type) most of its latest NAME_SAMPLE articles use:
        a few index look-ups per key, however many articles cite it."""
        names = {}
        for key in keys:
            query = (
                select(article_sources.c.text, article_sources.c.source_type)
                .where(article_sources.c.name_key == key, *source_filter)
                .order_by(article_sources.c.article_seq.desc())
                .limit(NAME_SAMPLE)
            )
            uses = Counter(tuple(row) for row in connection.execute(query).all())
            names[key] = max(uses, key=lambda use: (uses[use], len(use[0]), use[0]))
        return names

    def story(self, story: str) -> dict | None:
        """The story view of the articles stored under ``story`` (None if there are none)."""
        query = (
            select(articles.c.id, articles.c.outlet, articles.c.title, article_bodies.c.body)
            .join(article_bodies, article_bodies.c.article_seq == articles.c.seq)
            .where(articles.c.story == story)
            .order_by(articles.c.dated, articles.c.seq)
        )
        with self.engine.connect() as connection:
            found = [dict(row) for row in connection.execute(query).mappings()]
        return story_view(story, found) if found else None


def _metadata(row: dict) -> dict:
    """The metadata fields and when the article was stored, as JSON values (ISO dates, UTC)."""
    stored_at = row["stored_at"]
    if stored_at.tzinfo is None:  # SQLite keeps no zone; every stored time is UTC
        stored_at = stored_at.replace(tzinfo=dt.timezone.utc)
    published = row["published"]
    return {
        **{name: row[name] for name in METADATA_FIELDS},
        "published": published.isoformat() if published else None,
        "stored_at": stored_at.isoformat(timespec="seconds"),
    }


def _rounded(value) -> float | None:
    return None if value is None else round(float(value), 4)


def _type_rank(source_type: str) -> int:
    return TYPE_ORDER.index(source_type) if source_type in TYPE_ORDER else len(TYPE_ORDER)


def _encode_cursor(dated: dt.date, seq: int) -> str:
    return base64.urlsafe_b64encode(f"{dated.isoformat()}/{seq}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[dt.date, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        dated, seq = raw.split("/")
        return dt.date.fromisoformat(dated), int(seq)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BadCursor("cursor is not one this service handed out") from None
