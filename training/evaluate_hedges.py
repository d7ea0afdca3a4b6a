"""Writer hedges on the real-world train folds, held out: the honest form of the real-world hedge figure.

    python -m training.evaluate_hedges             # held out: per fold, the detector and the gate retrained without it
    python -m training.evaluate_hedges --shipped   # the shipped detector and gate (trained on every train fold: NOT held out)
    python -m training.evaluate_hedges --details   # also every false writer hedge and every miss, with its cause
    python -m training.evaluate_hedges --ablate told_before   # with one scope rule switched off (repeatable)
    python -m training.evaluate_hedges --polnear   # whose hedge it is, judged by PolNeAR dev's content spans
    python -m training.evaluate_hedges --added-since 9c28e1e   # the shipped pipeline on train articles added since
    python -m training.evaluate_hedges --folder data/realworld/check --ablate-each   # the shipped pipeline on unseen articles

The detector learns from the train folds' unattributed claims (``training/hedges.py``) and the attribution gate
from their cues (``training/gate.py``); whose hedge it is follows the attribution, so measuring the shipped ones
on those folds flatters both. Held out, each fold is scored by a detector and a gate retrained, with their
shipped set-ups, on everything but that fold's articles. Figures are printed per fold too, so that a rule
written from some folds' errors can be judged on the others; ``--ablate`` measures what one scope rule earns.

No scope rule was written from PolNeAR, so ``--polnear`` judges the speaker decision held out: there a hedge
inside the content span of an annotated attribution is its source's, one outside every content span the
writer's. PolNeAR annotates some attributions the guidelines refuse (actions, sayings with no content), so
its figure is a bound on agreement, read for what each rule changes, not a target.

``--added-since REV`` measures only the train articles labelled after git revision REV, with the shipped
detector and gate: when nothing shipped was fitted or written after REV (round 5's 60 articles, added after
9c28e1e), that is the figure on unseen articles, rules and lexicon included. ``--folder DIR`` measures a labelled
folder no shipped model was fitted on (the check fold) with the shipped detector and gate, so that a scope rule
written on the train folds' errors is judged on unseen articles too. The match is ``realworld_eval.py``'s: a predicted hedge not marked
``speaker: source`` is right when it overlaps a gold hedge of its article; a gold hedge is found when a predicted
one overlaps it. Never the test fold.
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import json
import random
import subprocess
import sys
from pathlib import Path
from unittest import mock

from service.pipeline import hedge_scope
from service.pipeline.engine import Engine
from service.pipeline.model import AttributionModel
from service.pipeline.hedge_model import DEFAULT_PATH, HedgeCueModel
from service.pipeline.resources import manifest_path
from service.pipeline.scoring import load_weights

from .heldout import fold_gates
from .hedges import categories, read_part, read_real_news, training_rows
from .labelled import TEST_DIR, TRAIN_DIR, load_folder
from .polnear import load_split

SCOPE_RULES = {
    "question": (hedge_scope, "_in_question", lambda clause: False),
    "condition": (hedge_scope, "_verb_of_a_condition", lambda text, cue, clause: False),
    "reported": (hedge_scope, "_reported", lambda text, claim_start, clause: False),
    "told_before": (hedge_scope, "_told_before", lambda text, claim_start, claim_end: claim_start),
    "said_by_someone": (hedge_scope, "_said_by_someone", lambda text, cue, clause: False),
    "comments_on_what_was_said": (hedge_scope, "_comments_on_what_was_said",
                                  lambda text, cue, clause, attribution, claim_end: False),
    "introduces_name": (hedge_scope, "_introduces_name", lambda text, cue: False),
    "time_or_purpose": (hedge_scope, "_modal_of_time_or_purpose", lambda text, cue, clause: False),
    "concedes_an_impression": (hedge_scope, "_concedes_an_impression", lambda text, cue, clause, claim_end: False),
    "someones_view": (hedge_scope, "_in_someones_view", lambda text, claim_start, cue: False),
    "inferred_from_a_fact": (hedge_scope, "_inferred_from_a_fact", lambda text, claim_start, cue, source: False),
    "in_unnamed_content": (hedge_scope, "_in_unnamed_content", lambda text, cue, said: False),
    "closes_unnamed_content": (hedge_scope, "_closes_unnamed_content", lambda text, cue, said: False),
}
"""Each scope rule ``--ablate`` can switch off: the module, the name, and what stands in for it (a rule that
never fires)."""


def retrained_without(fold: str) -> HedgeCueModel:
    """The shipped set-up, fitted on everything but the real-world articles of ``fold``."""
    setup = json.loads(manifest_path(DEFAULT_PATH).read_text())["setup"]
    news, wiki, bio = read_part("factbank_dev.tsv"), read_part("wiki.tsv"), read_part("bioscope.tsv")
    examples, weights = training_rows(setup, news, wiki, bio, read_real_news(leave_out=fold))
    return HedgeCueModel(categories(), C=setup["C"]).fit(examples, weights, threshold=setup["threshold"])


def ids_at(revision: str) -> set[str]:
    """The ids of the train articles at a git revision (the first column of its fold tables)."""
    ids = set()
    for table in sorted(TRAIN_DIR.glob("articles*.tsv")):
        path = table.relative_to(table.parents[3]).as_posix()
        listed = subprocess.run(["git", "show", f"{revision}:{path}"], cwd=table.parents[3], capture_output=True,
                                text=True, check=False).stdout
        ids |= {line.split("\t", 1)[0] for line in listed.splitlines()[1:] if line.strip()}
    return ids


@contextlib.contextmanager
def ablated(rules):
    """The scope rules named switched off for the duration."""
    with contextlib.ExitStack() as stack:
        for rule in rules:
            module, name, stand_in = SCOPE_RULES[rule]
            stack.enter_context(mock.patch.object(module, name, stand_in))
        yield


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
            counts[f"predicted {hedge.category}"] += 1
            if any(overlaps(span, tuple(g[:2])) for g in golds):
                counts["right"] += 1
                counts[f"right {hedge.category}"] += 1
                continue
            cause = cause_of_false(article, hedge, findings)
            causes["false: " + cause] += 1
            if details:
                print(f"  {article.id} FALSE [{cause}] {hedge.span.text!r} ({hedge.category}, {hedge.rule}) | "
                      f"{_context(article.text, span)}")
        for gold in golds:
            category = gold[2].replace(" ", "_")
            counts[f"gold {category}"] += 1
            if any(overlaps(span, tuple(gold[:2])) for span in writer):
                counts["found"] += 1
                counts[f"found {category}"] += 1
                continue
            cause = cause_of_miss(gold, [h for h, _ in reported], engine.hedge_detector, article,
                                  [c.findings.claim for c in result.claims])
            causes["miss: " + cause] += 1
            if details:
                print(f"  {article.id} MISS [{cause}] {article.text[gold[0]:gold[1]]!r} ({gold[2]}) | "
                      f"{_context(article.text, tuple(gold[:2]))}")


def measure_speakers(engine: Engine, documents) -> dict:
    """Every hedge the service reports on ``documents``, by its speaker and by whether it lies inside the content
    of a gold attribution (PolNeAR): writer precision is the share of writer hedges outside every content."""
    counts = collections.Counter()
    for document in documents:
        contents = [span for relation in document.attributions for span in relation.content]
        for claim in engine.analyse(document.text).claims:
            for hedge in claim.findings.hedges:
                inside = any(start <= hedge.span.start and hedge.span.end <= end for start, end in contents)
                counts[f"{hedge.speaker} {'inside' if inside else 'outside'}"] += 1
    writer = counts["writer inside"] + counts["writer outside"]
    source = counts["source inside"] + counts["source outside"]
    return {**counts, "writer_precision": round(counts["writer outside"] / writer, 3) if writer else 0.0,
            "source_precision": round(counts["source inside"] / source, 3) if source else 0.0}


def _context(text: str, span: tuple[int, int], width: int = 90) -> str:
    return " ".join(text[max(0, span[0] - width):span[1] + width // 2].split())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shipped", action="store_true", help="the shipped detector, not held out")
    parser.add_argument("--details", action="store_true", help="print every false hedge and every miss")
    parser.add_argument("--ablate", action="append", default=[], choices=sorted(SCOPE_RULES),
                        help="switch this scope rule off (repeatable)")
    parser.add_argument("--ablate-each", action="store_true",
                        help="also measure with each scope rule switched off alone, per fold (one process)")
    parser.add_argument("--added-since", metavar="REV",
                        help="only the train articles added after this git revision, with the shipped detector and gate")
    parser.add_argument("--folder", type=Path,
                        help="a labelled folder no shipped model saw (the check fold), with the shipped detector and gate")
    parser.add_argument("--polnear", action="store_true",
                        help="whose hedge it is on PolNeAR dev, judged by its content spans (with --ablate, --ablate-each)")
    args = parser.parse_args(argv)
    base = Engine(AttributionModel.load(), load_weights(), HedgeCueModel.load())
    variants = [tuple(args.ablate)]
    if args.ablate_each:
        variants += [(*args.ablate, rule) for rule in sorted(SCOPE_RULES) if rule not in args.ablate]
    if args.folder and args.folder.resolve() in (TRAIN_DIR.resolve(), TEST_DIR.resolve()):
        parser.error("--folder is for a folder no shipped model saw, and never the test fold")
    if args.added_since or args.folder:
        args.shipped = True
    if args.polnear:
        documents = load_split("dev")
        for variant in variants:
            with ablated(variant):
                print("PolNeAR dev hedges:", json.dumps({"ablated": list(variant), **measure_speakers(base, documents)}))
        return 0
    articles = load_folder(args.folder or TRAIN_DIR)
    if args.added_since:
        earlier = ids_at(args.added_since)
        articles = [article for article in articles if article.id not in earlier]
    folds = sorted({a.fold for a in articles})
    engines = {fold: base for fold in folds}
    if not args.shipped:
        gates = fold_gates()
        engines = {fold: Engine(base.model, base.weights, retrained_without(fold), base.roles,
                                gates[int(fold.removeprefix("fold"))]) for fold in folds}
    for variant in variants:
        counts, causes = collections.Counter(), collections.Counter()
        per_fold, by_article = {}, []
        with ablated(variant):
            for fold in folds:
                fold_counts = collections.Counter()
                for article in (a for a in articles if a.fold == fold):
                    article_counts = collections.Counter()
                    measure([article], engines[fold], article_counts, causes, args.details and variant == variants[0])
                    by_article.append(article_counts)
                    fold_counts += article_counts
                per_fold[fold] = figures(fold_counts)
                counts += fold_counts
        if variant == variants[0]:
            for cause, n in sorted(causes.items(), key=lambda item: (item[0].split(":")[0], -item[1])):
                print(f"{n:4d}  {cause}")
            for size in (20, 30):
                print(f"{size} articles drawn at random:", json.dumps(spread(by_article, size)))
        print("writer hedges:", json.dumps({
            "held_out": not args.shipped, "ablated": list(variant), **figures(counts), "per_fold": per_fold,
            "by_category": by_category(counts)}))
    return 0


def spread(by_article: list[collections.Counter], size: int, draws: int = 2000) -> dict:
    """How far precision and recall move on ``size`` articles drawn with replacement from these (a fixed seed): what
    an unseen check of that many articles can show by chance alone, if its articles were like these."""
    generator = random.Random(13)
    precisions, recalls = [], []
    for _ in range(draws):
        drawn = figures(sum(generator.choices(by_article, k=size), collections.Counter()))
        precisions.append(drawn["precision"])
        recalls.append(drawn["recall"])
    precisions.sort(), recalls.sort()
    return {"precision_5_50_95": [precisions[int(q * (draws - 1))] for q in (0.05, 0.5, 0.95)],
            "recall_5_50_95": [recalls[int(q * (draws - 1))] for q in (0.05, 0.5, 0.95)],
            "share_precision_below_0.85": round(sum(p < 0.85 for p in precisions) / draws, 3),
            "share_recall_below_0.75": round(sum(r < 0.75 for r in recalls) / draws, 3)}


CATEGORIES = ("distancing", "speculation", "vague_attribution")


def figures(counts: collections.Counter) -> dict:
    """The overall counts with precision and recall (the per-category counts are ``by_category``'s)."""
    totals = {key: counts[key] for key in ("predicted", "gold", "right", "found")}
    return {**totals, **ratios(counts)}


def ratios(counts: collections.Counter, category: str = "") -> dict:
    """Precision (right of predicted) and recall (found of gold), of one category when ``category`` is given."""
    key = f" {category}" if category else ""
    right, predicted, found, gold = (counts[name + key] for name in ("right", "predicted", "found", "gold"))
    return {"precision": round(right / predicted, 3) if predicted else 0.0,
            "recall": round(found / gold, 3) if gold else 0.0}


def by_category(counts: collections.Counter) -> dict:
    """Precision as right/predicted and recall as found/gold for each category (a hedge's category is the
    service's for precision, the label's for recall)."""
    return {category: {"precision": f"{counts['right ' + category]}/{counts['predicted ' + category]}",
                       "recall": f"{counts['found ' + category]}/{counts['gold ' + category]}",
                       **ratios(counts, category)} for category in CATEGORIES}


if __name__ == "__main__":
    sys.exit(main())
