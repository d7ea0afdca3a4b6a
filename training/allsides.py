"""News above opinion on the 400 AllSides articles: ``python -m training.allsides``.

``data/allsides/metadata.tsv`` marks an article's ``section`` as ``opinion`` or ``blog``
when its URL shows it (README there). A rating that answers "how well can I trace where
this comes from?" should score news reports above commentary. Prints the AUC (the chance
that a news article picked at random scores above an opinion or blog piece picked at
random, ties counting half; bar 0.85), the ratings over all 400 and the score histogram,
for the README. The 400 include the real-world labelled articles (train and test folds,
matched by id only: no label is read; 100 until round 5, 190 since), whose words the role
model and the rating were fitted on; the AUC over the others (300, now 210) is printed beside
it as the honest figure.

The URL section is a noisy label: much magazine and partisan commentary has no opinion
section in its URL, and some news posts live under ``/blog/``. So the AUC over those is
also printed with the news side split by the outlet's ``kind`` (wire, broadsheet,
broadcaster, digital, business, local against the rest: our own coarse label, not
AllSides'), and ``--worst N`` lists the N opinion pieces ranked highest and the N news
pieces ranked lowest, with what the pipeline made of them (roles, and the key claims'
sourcing classes), to tell the label's noise from ours. The same AUC over the readers' own
ratings of the train folds' AllSides articles (low 0, mixed 1, high 2; the test fold is not
read) shows what the URL label lets a rating that agreed with readers reach.
"""
from __future__ import annotations

import argparse
import csv
from collections import Counter
from collections.abc import Sequence

from service.pipeline.aggregate import sourcing_class
from service.pipeline.engine import Engine
from service.pipeline.records import ArticleResult

from .labelled import RATING_RANK, REALWORLD_DIR, REPO_DIR, TRAIN_DIR, load_folder

ALLSIDES_DIR = REPO_DIR / "data" / "allsides"
OPINION_SECTIONS = frozenset({"opinion", "blog"})
AUC_BAR = 0.85
BIN_POINTS = 10
NEWS_KINDS = frozenset({"wire", "broadsheet", "broadcaster", "digital", "business", "local"})
"""Outlet kinds (metadata.tsv ``kind``) whose unsectioned articles are mostly news reports."""


def auc(higher: Sequence[float], lower: Sequence[float]) -> float:
    """P(a score from ``higher`` > one from ``lower``), ties half; nan when a side is empty (round 9 labelled all but
    one of the AllSides articles the sample could draw, so the unlabelled rest holds no opinion piece)."""
    if not higher or not lower:
        return float("nan")
    wins = sum((h > l) + 0.5 * (h == l) for h in higher for l in lower)
    return wins / (len(higher) * len(lower))


def labelled_ids() -> frozenset[str]:
    """The ids of the real-world labelled articles (every fold; the id column only)."""
    ids = set()
    for table in sorted(REALWORLD_DIR.glob("*/articles*.tsv")):
        with table.open(encoding="utf-8", newline="") as handle:
            ids.update(row["id"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return frozenset(ids)


def readers_auc(rows: Sequence[dict]) -> tuple[float, int]:
    """The AUC of the readers' ratings (train folds only) of the AllSides articles they rated, and how many."""
    sections = {row["id"]: row["section"] for row in rows}
    rated = [(article.id, RATING_RANK[article.rating]) for article in load_folder(TRAIN_DIR) if article.id in sections]
    news = [rank for id_, rank in rated if sections[id_] not in OPINION_SECTIONS]
    opinion = [rank for id_, rank in rated if sections[id_] in OPINION_SECTIONS]
    return auc(news, opinion), len(rated)


def what_it_made(result: ArticleResult) -> str:
    """The claims' roles, then the counted key claims' sourcing classes, in a few words."""
    roles = Counter(claim.role.role for claim in result.claims)
    classes = Counter(sourcing_class(claim)[0] for claim in result.claims if claim.role.role == "key")
    return (f"key {roles['key']} background {roles['background']} opinion {roles['opinion']}; key claims "
            f"identified {classes['identified']} relayed {classes['relayed']} reported {classes['reported']} "
            f"vague {classes['vague']} "
            f"unsourced {classes['unsourced']}")


def print_worst(scored: Sequence[tuple[dict, ArticleResult]], count: int) -> None:
    """The opinion pieces ranked highest and the news pieces ranked lowest, with what the pipeline made of them."""
    opinion = sorted((item for item in scored if item[0]["section"] in OPINION_SECTIONS), key=lambda item: -item[1].score)
    news = sorted((item for item in scored if item[0]["section"] not in OPINION_SECTIONS), key=lambda item: item[1].score)
    for title, items in ((f"opinion or blog by URL, {count} ranked highest", opinion),
                         (f"news by URL, {count} ranked lowest", news)):
        print(title + ":")
        for row, result in items[:count]:
            print(f"  {result.score:5.1f} {row['kind']:11} {row['url'][:90]}\n        {what_it_made(result)}")


def main(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="News above opinion on the AllSides articles.")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list the N worst-ranked opinion and news pieces of those not labelled")
    arguments = parser.parse_args(argv)
    engine = Engine.load()
    with (ALLSIDES_DIR / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    labelled = labelled_ids()
    news, opinion, ratings, bins = [], [], Counter(), Counter()
    unlabelled_news, unlabelled_opinion, unlabelled = [], [], []
    for row in rows:
        result = engine.analyse((ALLSIDES_DIR / "text" / f"{row['id']}.txt").read_text(encoding="utf-8"))
        ratings[result.rating] += 1
        if result.score is None:
            continue
        bins[min(int(result.score // BIN_POINTS), 100 // BIN_POINTS - 1)] += 1
        is_opinion = row["section"] in OPINION_SECTIONS
        (opinion if is_opinion else news).append(result.score)
        if row["id"] not in labelled:
            (unlabelled_opinion if is_opinion else unlabelled_news).append(result.score)
            unlabelled.append((row, result))
    area = auc(news, opinion)
    unlabelled_area = auc(unlabelled_news, unlabelled_opinion)
    print(f"allsides: {len(rows)} articles; AUC news above opinion/blog {area:.3f} "
          f"({len(news)} news, {len(opinion)} opinion or blog by URL) {'ok' if area >= AUC_BAR else 'MISSED'} (bar {AUC_BAR})")
    print(f"the {len(unlabelled_news) + len(unlabelled_opinion)} not labelled: AUC {unlabelled_area:.3f} "
          f"({len(unlabelled_news)} news, {len(unlabelled_opinion)} opinion or blog)")
    readers, rated = readers_auc(rows)
    print(f"the readers' own ratings of the {rated} in the train folds: AUC {readers:.3f} (three bands, ties half)")
    for name, wanted in (("news kinds", True), ("other kinds", False)):
        scores = [result.score for row, result in unlabelled
                  if row["section"] not in OPINION_SECTIONS and (row["kind"] in NEWS_KINDS) == wanted]
        print(f"  news by URL from {name} ({len(scores)}) above opinion or blog: AUC {auc(scores, unlabelled_opinion):.3f}")
    print("ratings: " + ", ".join(f"{rating} {ratings[rating]}" for rating in ("high", "mixed", "low", "unrated")))
    print("| score | articles |\n| --- | --- |")
    for number in range(100 // BIN_POINTS):
        low = number * BIN_POINTS
        print(f"| {low}-{low + BIN_POINTS} | {bins[number]} {'#' * round(bins[number] / 2)} |")
    if arguments.worst:
        print_worst(unlabelled, arguments.worst)
    return {"auc": area, "unlabelled_auc": unlabelled_area, "readers_auc": readers, "ratings": dict(ratings), "bins": dict(bins)}


if __name__ == "__main__":
    main()
