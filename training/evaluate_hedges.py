"""Writer hedges on the real-world train folds, held out: the honest form of the real-world hedge figure.

    python -m training.evaluate_hedges             # held out: per fold, the detector retrained without that fold
    python -m training.evaluate_hedges --shipped   # the shipped detector (trained on every train fold: NOT held out)
    python -m training.evaluate_hedges --details   # also every false writer hedge and every miss, with its cause

The detector learns from the train folds' unattributed claims (``training/hedges.py``), so measuring the shipped
one on those folds flatters it. Held out, each fold is scored by a detector retrained, with the shipped set-up,
on everything but that fold's articles. The match is ``realworld_eval.py``'s: a predicted hedge not marked
``speaker: source`` is right when it overlaps a gold hedge of its article; a gold hedge is found when a predicted
one overlaps it. Never the test fold.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys

from service.pipeline.model import AttributionModel
from service.pipeline.engine import Engine
from service.pipeline.hedge_model import DEFAULT_PATH, HedgeCueModel
from service.pipeline.resources import manifest_path
from service.pipeline.scoring import load_weights

from .hedges import categories, read_part, read_real_news, training_rows
from .labelled import TRAIN_DIR, load_folder


def retrained_without(fold: str) -> HedgeCueModel:
    """The shipped set-up, fitted on everything but the real-world articles of ``fold``."""
    setup = json.loads(manifest_path(DEFAULT_PATH).read_text())["setup"]
    news, wiki, bio = read_part("factbank_dev.tsv"), read_part("wiki.tsv"), read_part("bioscope.tsv")
    examples, weights = training_rows(setup, news, wiki, bio, read_real_news(leave_out=fold))
    return HedgeCueModel(categories(), C=setup["C"]).fit(examples, weights, threshold=setup["threshold"])


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def cause_of_false(article, hedge, claim) -> str:
    """Why a writer hedge the gold does not hold was reported (a first sort; --details prints the text)."""
    sentence = next((s for s in article.sentences if s["start"] <= hedge.span.start < s["end"]), None)
    if sentence is None or not sentence["claim"]:
        return "not a claim"
    gold = sentence["attribution"]
    if gold is not None and claim.attribution is None:
        return "attribution missed"
    if gold is not None:
        return "speaker wrongly writer"
    if any(overlaps((hedge.span.start, hedge.span.end), tuple(h[:2])) for s in article.sentences for h in s["hedges"]):
        return "span mismatch"
    return "not a hedge here"


def cause_of_miss(gold_hedge, reported, detector: HedgeCueModel, article, claims) -> str:
    span = tuple(gold_hedge[:2])
    if any(overlaps(span, (h.span.start, h.span.end)) for h in reported):
        return "read as a source's"
    if gold_hedge[2] == "vague attribution":
        return "vague attribution not found"
    claim = next(((c.start, c.end) for c in claims if c.start <= span[0] < c.end), None)
    if claim is None:
        return "in no claim"
    probabilities = [token.probability for token in detector.token_probabilities(article.text, [claim])[0]
                     if overlaps(span, (token.start, token.end))]
    if not probabilities:
        return "no candidate word"
    if max(probabilities) < detector.threshold_:
        return "detector below threshold"
    return "refused by scope"


def measure(articles, engine: Engine, counts: collections.Counter, causes: collections.Counter, details: bool):
    for article in articles:
        result = engine.analyse(article.text)
        reported = [(h, c.findings) for c in result.claims for h in c.findings.hedges]
        writer = {(h.span.start, h.span.end): (h, f) for h, f in reported if h.speaker != "source"}
        golds = [h for s in article.sentences for h in s["hedges"]]
        counts["predicted"] += len(writer)
        counts["gold"] += len(golds)
        for span, (hedge, findings) in writer.items():
            if any(overlaps(span, tuple(g[:2])) for g in golds):
                counts["right"] += 1
                continue
            cause = cause_of_false(article, hedge, findings)
            causes["false: " + cause] += 1
            if details:
                print(f"  {article.id} FALSE [{cause}] {hedge.span.text!r} ({hedge.category}, {hedge.rule}) | "
                      f"{_context(article.text, span)}")
        for gold in golds:
            if any(overlaps(span, tuple(gold[:2])) for span in writer):
                counts["found"] += 1
                continue
            cause = cause_of_miss(gold, [h for h, _ in reported], engine.hedge_detector, article,
                                  [c.findings.claim for c in result.claims])
            causes["miss: " + cause] += 1
            if details:
                print(f"  {article.id} MISS [{cause}] {article.text[gold[0]:gold[1]]!r} ({gold[2]}) | "
                      f"{_context(article.text, tuple(gold[:2]))}")


def _context(text: str, span: tuple[int, int], width: int = 90) -> str:
    return " ".join(text[max(0, span[0] - width):span[1] + width // 2].split())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shipped", action="store_true", help="the shipped detector, not held out")
    parser.add_argument("--details", action="store_true", help="print every false hedge and every miss")
    args = parser.parse_args(argv)
    articles = load_folder(TRAIN_DIR)
    folds = sorted({a.fold for a in articles})
    base = Engine(AttributionModel.load(), load_weights(), HedgeCueModel.load())
    counts, causes = collections.Counter(), collections.Counter()
    for fold in folds:
        detector = base.hedge_detector if args.shipped else retrained_without(fold)
        engine = Engine(base.model, base.weights, detector, base.roles, base.gate)
        measure([a for a in articles if a.fold == fold], engine, counts, causes, args.details)
    precision = counts["right"] / counts["predicted"] if counts["predicted"] else 0.0
    recall = counts["found"] / counts["gold"] if counts["gold"] else 0.0
    for cause, n in sorted(causes.items(), key=lambda item: (item[0].split(":")[0], -item[1])):
        print(f"{n:4d}  {cause}")
    print("writer hedges:", json.dumps({
        "held_out": not args.shipped, "folds": folds, **counts,
        "precision": round(precision, 3), "recall": round(recall, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
