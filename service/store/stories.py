"""What a scoring body says about its sources, and the story view across articles.

One claim cites its source (``attribution.source``, or the earlier mention a pronoun
``refers_to``) either first-hand or through intermediaries (``attribution.via``, nearest
the article first). In the story view the article reaches the nearest intermediary
first-hand and everyone behind it second-hand: in "TASS reported, citing Denis Pushilin"
the article cites TASS first-hand and Pushilin only through TASS.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .names import TYPE_ORDER, Name, merge_mentions


@dataclass(frozen=True)
class Mention:
    """One name in one claim of one article."""

    article: str
    claim: int
    text: str
    source_type: str
    first_hand: bool


@dataclass(frozen=True)
class Chain:
    article: str
    source: int
    via: tuple[int, ...]
    """Indexes into the article's mentions (source, then intermediaries nearest first)."""


def claim_sources(body: dict) -> list[tuple[str | None, str]]:
    """(source name or None, source type) for each attributed claim, in claim order."""
    found = []
    for claim in body["claims"]:
        attribution = claim.get("attribution")
        if attribution:
            span = attribution.get("refers_to") or attribution.get("source")
            found.append((span["text"] if span else None, attribution["source_type"]))
    return found


def source_rows(body: dict) -> list[dict]:
    """The audit's rows for one article: one per name key with its fullest mention and
    claim count, and one per source type for the claims that name no source."""
    rows: dict[tuple, dict] = {}
    types: dict[str, Counter] = defaultdict(Counter)
    for text, source_type in claim_sources(body):
        key = Name.of(text, source_type).key if text else None
        row = rows.setdefault(
            (key, None if key else source_type),
            {"name_key": key, "text": None, "source_type": source_type, "claim_count": 0},
        )
        row["claim_count"] += 1
        if key:
            types[key][source_type] += 1
            if len(text) > len(row["text"] or ""):
                row["text"] = text
    for row in rows.values():
        if row["name_key"]:
            row["source_type"] = _main_type(types[row["name_key"]])
    return list(rows.values())


def _main_type(types: Counter) -> str:
    return min(types, key=lambda kind: (-types[kind], TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER)))


def _mentions(article_id: str, body: dict) -> tuple[list[Mention], list[Chain]]:
    mentions: list[Mention] = []
    chains: list[Chain] = []
    for claim in body["claims"]:
        attribution = claim.get("attribution")
        if not attribution:
            continue
        span = attribution.get("refers_to") or attribution.get("source")
        via = attribution.get("via") or []
        hops = []
        for position, hop in enumerate(via):
            hops.append(len(mentions))
            mentions.append(Mention(article_id, claim["index"], hop["text"], hop["source_type"], position == 0))
        if span:
            if hops:
                chains.append(Chain(article_id, len(mentions), tuple(hops)))
            mentions.append(Mention(article_id, claim["index"], span["text"], attribution["source_type"], not via))
    return mentions, chains


def story_view(story: str, articles: list[dict]) -> dict:
    """The body of ``GET /v1/stories/{story}`` from the story's stored articles.

    ``articles``: dicts with ``id``, ``outlet``, ``title`` and ``body`` (the scoring body),
    in the order the view lists them.
    """
    mentions: list[Mention] = []
    chains: list[Chain] = []
    for article in articles:
        found, article_chains = _mentions(article["id"], article["body"])
        offset = len(mentions)
        mentions.extend(found)
        chains.extend(Chain(c.article, c.source + offset, tuple(h + offset for h in c.via)) for c in article_chains)
    names = [Name.of(m.text, m.source_type) for m in mentions]
    # A mention that names nobody by itself ("he" with no refers_to) joins no source.
    named = [index for index, name in enumerate(names) if name.key]
    group_of_named = merge_mentions([names[i] for i in named], [mentions[i].article for i in named])
    group = {index: group_of_named[position] for position, index in enumerate(named)}

    members: dict[int, list[int]] = defaultdict(list)
    for index, number in group.items():
        members[number].append(index)
    outlets = {article["id"]: article.get("outlet") for article in articles}
    order = {article["id"]: position for position, article in enumerate(articles)}
    sources = {number: _source(indexes, mentions, outlets, order) for number, indexes in members.items()}

    chain_articles: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    for chain in chains:
        if chain.source not in group or any(hop not in group for hop in chain.via):
            continue
        key = (sources[group[chain.source]]["name"], tuple(sources[group[hop]]["name"] for hop in chain.via))
        if chain.article not in chain_articles[key]:
            chain_articles[key].append(chain.article)
    ranked = sorted(
        sources.values(),
        key=lambda s: (-len(s["articles"]), -sum(a["claim_count"] for a in s["articles"]), s["name"].casefold()),
    )
    return {
        "story": story,
        "articles": [
            {"id": a["id"], "outlet": a.get("outlet"), "title": a.get("title"), "score": a["body"]["article"]["score"],
             "rating": a["body"]["article"]["rating"]}
            for a in articles
        ],
        "sources": ranked,
        "chains": [
            {"source": source, "via": list(via), "articles": ids}
            for (source, via), ids in sorted(chain_articles.items(), key=lambda item: (-len(item[1]), item[0]))
        ],
    }


def _source(indexes: list[int], mentions: list[Mention], outlets: dict, order: dict) -> dict:
    texts = Counter(mentions[i].text for i in indexes)
    types = Counter(mentions[i].source_type for i in indexes)
    claims: dict[str, set[int]] = defaultdict(set)
    first_hand: dict[str, bool] = defaultdict(bool)
    for i in indexes:
        mention = mentions[i]
        claims[mention.article].add(mention.claim)
        first_hand[mention.article] |= mention.first_hand
    return {
        # The fullest way any article names it.
        "name": max(texts, key=lambda text: (len(text), texts[text])),
        "source_type": _main_type(types),
        "mentions": [text for text, _ in texts.most_common()],
        "articles": [
            {"id": article, "outlet": outlets[article], "claim_count": len(claims[article]), "first_hand": first_hand[article]}
            for article in sorted(claims, key=order.__getitem__)
        ],
    }
