"""Calibrate and measure the article rating: ``python -m training.rating [--write] [--test]``.

The rating counts the key claims' sourcing and the writer's opinion (``service/pipeline/
aggregate.py``). This script chooses its free numbers by cross-validation over the four
rated real-world train folds: for each candidate of the points of a ``vague`` and an
``unsourced`` key claim, of a hedged one and of the lead's weight, the two band edges are
fitted on three folds (most ratings agreeing) and judged on the fourth; the candidate with
the best cross-validated agreement (then Spearman) wins, and its band edges are refitted on
all train folds. Roles come from role models fitted on the other folds, so no article is
rated with a model that saw it. Candidates where a vague source is worth less than none are
skipped, and a hedged key claim always costs something: better sourcing must never score
lower (the issue's shares all count). ``--write`` puts the chosen numbers into ``weights.toml``.

It prints, on the train folds by cross-validation: exact rating agreement, Spearman between
score and rating (low 0, mixed 1, high 2), the ratings used and the confusion; on the seeds:
their scores and whether 002, 003 and 004 rate above 000 and 001. ``--test`` measures the
test fold once, with the shipped weights and role model: report it, never tune on it.
"""
from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

import numpy as np

from service.pipeline.aggregate import article_terms, counted
from service.pipeline.engine import Engine
from service.pipeline.resources import lexicon_path
from service.pipeline.resources import manifest_path
from service.pipeline.roles import ROLE_MODEL_FILE, decide
from service.pipeline.scoring import SCORE_MAX, SCORE_MIN, Weights, load_weights, score_claim
from service.pipeline.records import ScoredClaim

from .labelled import RATING_RANK, REPO_DIR, TEST_DIR, TRAIN_DIR, load_folder
from .roles import out_of_fold_probabilities, read_articles

SEEDS_DIR = REPO_DIR / "data" / "seeds"
BETTER_SEEDS, WEAKER_SEEDS = ("002", "003", "004"), ("000", "001")
VAGUE_GRID = (10.0, 20.0, 30.0, 40.0, 50.0)
UNSOURCED_GRID = (10.0, 20.0, 30.0, 40.0, 50.0, 60.0)
HEDGED_GRID = (-10.0, -20.0, -40.0)
LEAD_GRID = (1.0, 2.0, 3.0)
RANKS = ("low", "mixed", "high")


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    def ranks(values: Sequence[float]) -> np.ndarray:
        values = np.asarray(values, dtype=float)
        order = np.argsort(values, kind="stable")
        result = np.empty(len(values))
        result[order] = np.arange(len(values))
        for value in np.unique(values):  # ties share their mean rank
            tied = values == value
            result[tied] = result[tied].mean()
        return result
    rx, ry = ranks(xs), ranks(ys)
    if rx.std() == 0 or ry.std() == 0:
        return float("nan")
    return float(np.corrcoef(rx, ry)[0, 1])


def with_article_numbers(weights: Weights, vague: float, unsourced: float, hedged: float, lead: float) -> Weights:
    points = dict(weights.article_points, vague=vague, unsourced=unsourced, hedged=hedged)
    return replace(weights, article_points=MappingProxyType(points), lead_weight=lead)


def article_score(story: Sequence[ScoredClaim], weights: Weights) -> float:
    return min(SCORE_MAX, max(SCORE_MIN, sum(term.points for term in article_terms(story, weights))))


def fit_bands(scores: np.ndarray, ranks: np.ndarray) -> tuple[float, float]:
    """(mixed_from, high_from) between observed scores that make the most ratings agree (ties: the lowest)."""
    values = np.unique(scores)
    edges = np.concatenate([[values[0] - 1.0], (values[:-1] + values[1:]) / 2, [values[-1] + 1.0]])
    best, best_edges = -1, (edges[0], edges[0])
    for low_index, low in enumerate(edges):
        for high in edges[low_index:]:
            agree = int(((np.where(scores >= high, 2, np.where(scores >= low, 1, 0))) == ranks).sum())
            if agree > best:
                best, best_edges = agree, (float(low), float(high))
    return round(best_edges[0], 1), round(best_edges[1], 1)


def band(scores: np.ndarray, mixed_from: float, high_from: float) -> np.ndarray:
    return np.where(scores >= high_from, 2, np.where(scores >= mixed_from, 1, 0))


def cross_validate(classes: Sequence[Sequence[ScoredClaim]], ranks: np.ndarray, folds: np.ndarray,
                   weights: Weights) -> tuple[np.ndarray, np.ndarray]:
    """(scores, cross-validated rating ranks) under ``weights``."""
    scores = np.array([article_score(c, weights) for c in classes])
    predicted = np.zeros(len(scores), dtype=int)
    for fold in np.unique(folds):
        held = folds == fold
        mixed_from, high_from = fit_bands(scores[~held], ranks[~held])
        predicted[held] = band(scores[held], mixed_from, high_from)
    return scores, predicted


def report(name: str, ranks: np.ndarray, predicted: np.ndarray, scores: np.ndarray) -> dict:
    agree = int((ranks == predicted).sum())
    used = Counter(RANKS[p] for p in predicted)
    confusion = Counter(f"{RANKS[g]}->{RANKS[p]}" for g, p in zip(ranks, predicted) if g != p)
    rho = spearman(scores, ranks)
    print(f"{name}: rating {agree}/{len(ranks)} agree ({agree / len(ranks):.2f}); Spearman {rho:.2f}; "
          f"ratings used {dict(used)}; gold {dict(Counter(RANKS[g] for g in ranks))}; misses {dict(confusion)}")
    return {"agreement": round(agree / len(ranks), 3), "spearman": round(rho, 3), "used": dict(used)}


def counted_claims(findings_by_article, probabilities, weights: Weights) -> list[list[ScoredClaim]]:
    """Per article, the claims the rating counts, scored, with their out-of-fold roles."""
    return [counted([score_claim(f, weights, decide(f, row)) for f, row in zip(findings, rows)])
            for findings, rows in zip(findings_by_article, probabilities)]


def calibrate(weights: Weights) -> tuple[Weights, dict]:
    role_c = json.loads(manifest_path(ROLE_MODEL_FILE).read_text(encoding="utf-8"))["hyperparameters"]["C"]
    read = read_articles(load_folder(TRAIN_DIR))
    classes = counted_claims([item.findings for item in read], out_of_fold_probabilities(read, role_c), weights)
    ranks = np.array([RATING_RANK[item.article.rating] for item in read])
    folds = np.array([item.article.fold for item in read])
    best = None
    for numbers in itertools.product(VAGUE_GRID, UNSOURCED_GRID, HEDGED_GRID, LEAD_GRID):
        if numbers[0] < numbers[1]:
            continue  # better sourcing never scores lower: an anonymous source is still more than none
        candidate = with_article_numbers(weights, *numbers)
        scores, predicted = cross_validate(classes, ranks, folds, candidate)
        key = (int((predicted == ranks).sum()), spearman(scores, ranks))
        if best is None or key > best[0]:
            best = (key, candidate, scores, predicted)
    _, chosen, scores, predicted = best
    mixed_from, high_from = fit_bands(scores, ranks)
    chosen = replace(chosen, mixed_from=mixed_from, high_from=high_from)
    print(f"chosen: points {dict(chosen.article_points)}, lead weight {chosen.lead_weight:g}, "
          f"bands mixed from {mixed_from}, high from {high_from}")
    figures = report(f"train folds ({len(ranks)} articles, cross-validated)", ranks, predicted, scores)
    return chosen, figures


def seeds(engine: Engine) -> dict:
    scored = {path.name[:3]: engine.analyse(path.read_text(encoding="utf-8")) for path in sorted(SEEDS_DIR.glob("*.txt"))}
    for name, result in scored.items():
        print(f"seed {name}: {result.score} ({result.rating}); " + "; ".join(result.reasons))
    pairs = [(b, w) for b in BETTER_SEEDS for w in WEAKER_SEEDS]
    kept = sum(scored[b].score > scored[w].score for b, w in pairs)
    expected = [1 if name in BETTER_SEEDS else 0 for name in scored]
    rho = spearman([result.score for result in scored.values()], expected)
    print(f"seeds: {kept}/{len(pairs)} pairs in the expected order (002, 003, 004 above 000, 001); "
          f"Spearman with that order {rho:.2f}; ratings {dict(Counter(r.rating for r in scored.values()))}")
    return {"pairs_in_order": kept, "pairs": len(pairs), "spearman": round(rho, 3)}


def test_fold(engine: Engine) -> dict:
    articles = load_folder(TEST_DIR)
    results = [engine.analyse(article.text) for article in articles]
    ranks = np.array([RATING_RANK[article.rating] for article in articles])
    predicted = np.array([RANKS.index(result.rating) for result in results])
    return report(f"test fold ({len(articles)} articles, once)", ranks, predicted, np.array([r.score for r in results]))


def write_weights(weights: Weights) -> None:
    path = lexicon_path("weights.toml")
    text = path.read_text(encoding="utf-8")
    article = text.index("[article]")
    head, tail = text[:article], text[article:]
    for key, value in (("lead_weight", weights.lead_weight), ("high_from", weights.high_from),
                       ("mixed_from", weights.mixed_from), *weights.article_points.items()):
        tail, found = re.subn(rf"(?m)^{key} = -?[0-9.]+$", f"{key} = {value:.1f}", tail, count=1)
        if not found:
            raise ValueError(f"weights.toml has no line '{key} = ...' under [article]")
    path.write_text(head + tail, encoding="utf-8")
    print(f"wrote {path}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Calibrate the article rating by cross-validation; measure it.")
    parser.add_argument("--write", action="store_true", help="write the chosen numbers into weights.toml")
    parser.add_argument("--test", action="store_true", help="measure the test fold once, with the shipped weights")
    arguments = parser.parse_args(argv)
    shipped = load_weights()
    if arguments.test:
        engine = Engine.load()
        test_fold(engine)
        seeds(engine)
        return
    chosen, _ = calibrate(shipped)
    if arguments.write:
        write_weights(chosen)
    shipped_engine = Engine.load()
    seeds(Engine(shipped_engine.model, chosen, shipped_engine.hedge_detector, shipped_engine.roles, shipped_engine.gate))


if __name__ == "__main__":
    main()
