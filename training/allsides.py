"""News above opinion on the 400 AllSides articles: ``python -m training.allsides``.

``data/allsides/metadata.tsv`` marks an article's ``section`` as ``opinion`` or ``blog``
when its URL shows it (README there). A rating that answers "how well can I trace where
this comes from?" should score news reports above commentary. Prints the AUC (the chance
that a news article picked at random scores above an opinion or blog piece picked at
random, ties counting half; bar 0.85), the ratings over all 400 and the score histogram,
for the README. The 400 include the 100 real-world labelled articles (train and test folds,
matched by id only: no label is read), whose words the role model and the rating were fitted
on; the AUC over the other 300 is printed beside it as the honest figure.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence

from service.pipeline.engine import Engine

from .labelled import REALWORLD_DIR, REPO_DIR

ALLSIDES_DIR = REPO_DIR / "data" / "allsides"
OPINION_SECTIONS = frozenset({"opinion", "blog"})
AUC_BAR = 0.85
BIN_POINTS = 10


def auc(higher: Sequence[float], lower: Sequence[float]) -> float:
    """P(a score from ``higher`` > one from ``lower``), ties half."""
    wins = sum((h > l) + 0.5 * (h == l) for h in higher for l in lower)
    return wins / (len(higher) * len(lower))


def labelled_ids() -> frozenset[str]:
    """The ids of the real-world labelled articles (every fold; the id column only)."""
    ids = set()
    for table in sorted(REALWORLD_DIR.glob("*/articles*.tsv")):
        with table.open(encoding="utf-8", newline="") as handle:
            ids.update(row["id"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return frozenset(ids)


def main() -> dict:
    engine = Engine.load()
    with (ALLSIDES_DIR / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    labelled = labelled_ids()
    news, opinion, ratings, bins = [], [], Counter(), Counter()
    unlabelled_news, unlabelled_opinion = [], []
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
    area = auc(news, opinion)
    unlabelled_area = auc(unlabelled_news, unlabelled_opinion)
    print(f"allsides: {len(rows)} articles; AUC news above opinion/blog {area:.3f} "
          f"({len(news)} news, {len(opinion)} opinion or blog by URL) {'ok' if area >= AUC_BAR else 'MISSED'} (bar {AUC_BAR})")
    print(f"the {len(unlabelled_news) + len(unlabelled_opinion)} not labelled: AUC {unlabelled_area:.3f} "
          f"({len(unlabelled_news)} news, {len(unlabelled_opinion)} opinion or blog)")
    print("ratings: " + ", ".join(f"{rating} {ratings[rating]}" for rating in ("high", "mixed", "low", "unrated")))
    print("| score | articles |\n| --- | --- |")
    for number in range(100 // BIN_POINTS):
        low = number * BIN_POINTS
        print(f"| {low}-{low + BIN_POINTS} | {bins[number]} {'#' * round(bins[number] / 2)} |")
    return {"auc": area, "unlabelled_auc": unlabelled_area, "ratings": dict(ratings), "bins": dict(bins)}


if __name__ == "__main__":
    main()
