"""Train the real-news attribution gate (``service/pipeline/gate.py``) and choose its set-up by cross-validation.

    python -m training.gate            # cross-validate, print the figures, write resources/gate/
    python -m training.gate --dry-run  # cross-validate and print only

Examples: every candidate attribution with a cue of its own that the stages before the gate produce (segment,
cue model, ``attribute_candidates``: a claim's first cue and the ones judged after it when the gate refuses it),
on the real-world train folds (``data/realworld/train``, by docs/guidelines.md) and on
PolNeAR train. The label says whether the cue is right: on real-world articles it overlaps, tightly, the
gold cue (or an alternative cue) of a gold sentence the claim overlaps, as the project's real-world measure
judges it; on PolNeAR it overlaps a gold cue. PolNeAR marks many cues the guidelines refuse (actions,
sayings with no content), so each feature has a shared weight and one per domain (feature augmentation);
serving adds the shared and the real-world ones. PolNeAR's weight, the regularisation, the threshold and the
margin by which a later candidate displaces an accepted one are chosen by cross-validation over four folds, each a real-world train fold and a quarter of the PolNeAR train
and dev articles: the set-up with the best pooled real-world attribution precision (over the claims kept)
among those keeping recall (over the gold cues) at the issue's bar and the estimated strict PolNeAR F1, pooled
over the held-out PolNeAR quarters, above a floor; never PolNeAR dev alone. The shipped gate is then fitted on the four folds and
PolNeAR train, so PolNeAR dev stays a held-out measure. The test fold is never read here.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from joblib import Parallel, delayed
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from service.pipeline.attribution import attribute_candidates
from service.pipeline.claims import segment
from service.pipeline.document import Document
from service.pipeline.engine import find
from service.pipeline.gate import GATE_DIR, AttributionGate, gate_features, hash_features
from service.pipeline.hedge_model import HedgeCueModel
from service.pipeline.model import AttributionModel
from service.pipeline.resources import file_sha256
from service.pipeline.records import Claim, Span

from .labelled import TRAIN_DIR, LabelledArticle, load_folder
from .polnear import SPLITS, load_split

FOLDS = (0, 1, 2, 3)
DIMENSION = 1 << 16
POLNEAR_WEIGHTS = (0.0, 0.3, 1.0, 3.0)
REGULARISATION = (0.3, 1.0)
THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.04, 0.95, 0.02))
MARGINS = (math.inf, 0.1, 0.2, 0.3)
"""How far above a claim's accepted cue the gate must score a later candidate to keep it instead (inf: never)."""
CHOICES = tuple((t, m) for t in THRESHOLDS for m in MARGINS)
"""The (threshold, margin) pairs the cross-validation chooses among."""
POLNEAR_FLOOR = 0.741
"""The estimated strict PolNeAR attribution F1 (held out over train and dev) the gate must keep; the set-up is
chosen among those that do. Issue 11 asks for 0.79, but PolNeAR marks as cues what the guidelines refuse, so every
point kept there costs real-world precision (printed by every run as the frontier: no set-up keeps 0.79). 0.741 is
the measured strict dev figure of round 4's gate, not to fall; the held-out estimate came within 0.001 of the
measured figure (2026-12-02: estimate 0.746, measured 0.745)."""
RECALL_FLOOR = 0.85
"""Issue 11's real-world attribution recall bar: thresholds and set-ups are chosen for precision above it. The
recall counts, as the shared measure does, the gold cues the service finds whatever the gate says (an embedded
post's signature, "— Name (@handle)": ``found_past_the_gate``); without them (round 5) the bar bound harder than
the shared measure's and chose a lower threshold than held-out figures supported."""
FRONTIER = (0.66, 0.70, 0.74, 0.77, 0.79)
"""PolNeAR floors at which the trade-off with real-world F1 is printed."""


@dataclass(frozen=True, slots=True)
class Example:
    features: tuple[str, ...]
    probability: float
    right: bool
    fold: int  # real-world fold, or -1 - k for PolNeAR quarter k
    gold: tuple[tuple[str, int], ...]  # the gold cue sentences (article id, index) this cue finds
    claim: tuple[str, int]  # the article and claim it is a candidate of: the gate keeps the first it accepts there


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def cue_matches(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    """As the real-world and PolNeAR measures judge a cue: overlapping and tight."""
    inside = overlap(pred, gold)
    return inside > 0 and (pred[1] - pred[0] <= 20 or inside * 2 >= pred[1] - pred[0])


def realworld_articles(articles: Sequence[LabelledArticle] | None = None) -> Iterator[tuple[int, str, str, list[dict]]]:
    """(fold, id, text, gold sentences) of every train-fold article (``training.labelled``: texts checked by
    their SHA-256), or of ``articles``, each in a fold "foldK"."""
    for article in load_folder(TRAIN_DIR) if articles is None else articles:
        yield int(article.fold.removeprefix("fold")), article.id, article.text, list(article.sentences)


def _cued(model: AttributionModel, text: str):
    """(claim, prediction, attribution, gate features) of every candidate attribution with a cue of its own, each
    claim's in the order the gate judges them."""
    document = Document.of(text)
    claims = segment(document).claims
    predictions = model.predict(text, claims)
    for claim, prediction, judged in zip(claims, predictions, attribute_candidates(document, claims, predictions)):
        if judged.first is None or judged.first.cue is None or judged.first.inherited:
            continue
        for attribution in (judged.first, *judged.later()):
            yield claim, prediction, attribution, tuple(gate_features(document.quotations, claim, prediction, attribution))


def realworld_examples(model: AttributionModel, articles: Sequence[LabelledArticle] | None = None) -> tuple[list[Example], int]:
    """The examples of the train folds (or of ``articles``) and the number of gold cues (the recall denominator)."""
    examples, gold_cues = [], 0
    for fold, article, text, gold in realworld_articles(articles):
        gold_cues += sum(1 for g in gold if g["claim"] and g["attribution"] and g["attribution"]["cue"])
        for claim, prediction, attribution, features in _cued(model, text):
            found = gold_cues_found(article, gold, claim, attribution.cue)
            examples.append(Example(features, prediction.probability, bool(found), fold, found, (article, claim.index)))
    return examples, gold_cues


def gold_cues_found(article: str, gold: list[dict], claim: Claim, cue: Span) -> tuple[tuple[str, int], ...]:
    """The gold cue sentences of ``article`` that a predicted ``cue`` in ``claim`` finds, as the shared measure
    judges it (the claim overlaps the sentence, the cue matches its cue or an alternative): (article, index) for a
    claim, (article, -1 - index) for a non-claim, whose cue judges a prediction but counts in no recall."""
    found = []
    for index, sentence in enumerate(gold):
        at = sentence["attribution"]
        if not at or not at["cue"] or not overlap((claim.start, claim.end), (sentence["start"], sentence["end"])):
            continue
        if any(cue_matches((cue.start, cue.end), tuple(c)) for c in [at["cue"], *at["alt_cues"]]):
            found.append((article, index) if sentence["claim"] else (article, -1 - index))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class GoldCues:
    """The recall's denominator and the gold cue sentences found past the gate, counted found at any threshold."""

    total: int
    found_anyway: frozenset[tuple[str, int]]


def found_past_the_gate(model: AttributionModel) -> frozenset[tuple[str, int]]:
    """The train folds' gold cue sentences the service finds with every cue the gate judges refused (the
    signature of an embedded post): the shared measure counts them found whatever the threshold."""
    refuse_all = replace(AttributionGate.load(), threshold=math.inf)
    hedges = HedgeCueModel.load()
    found = set()
    for _, article, text, gold in realworld_articles():
        findings, _ = find(Document.of(text), model, hedges, refuse_all)
        for finding in findings:
            attribution = finding.attribution
            if attribution is None or attribution.inherited or attribution.cue is None:
                continue
            found.update(g for g in gold_cues_found(article, gold, finding.claim, attribution.cue) if g[1] >= 0)
    return frozenset(found)


def polnear_examples(model: AttributionModel, splits: tuple[str, ...]) -> dict[str, list[Example]]:
    """The examples of each of PolNeAR ``splits``, each article in quarter (its number in ``splits``, counted
    across them in order, mod 4): by split, so that cross-validation reads train and dev and the final fit train
    alone without running the pipeline over train twice."""
    examples: dict[str, list[Example]] = {split: [] for split in splits}
    documents = [(split, document) for split in splits for document in load_split(split)]
    for number, (split, document) in enumerate(documents):
        gold = [piece for relation in document.attributions for piece in relation.cue]
        for claim, prediction, attribution, features in _cued(model, document.text):
            cue = (attribution.cue.start, attribution.cue.end)
            right = any(cue_matches(cue, piece) for piece in gold)
            examples[split].append(Example(features, prediction.probability, right, -1 - number % len(FOLDS), (),
                                           (f"{split}/{number}", claim.index)))
    return examples


def design(examples: list[Example], view: str | None = None) -> csr_matrix:
    """Hashed features, counts summed, in a shared block and in the block of the example's domain (real-world
    or PolNeAR: feature augmentation, so each source of labels can keep its own notion of a cue while the
    shared block learns from both), then the cue model's probability (shared, real-world, PolNeAR). ``view``
    reads every example as from that domain: serving reads text as real-world news."""
    rows, cols, values = [], [], []
    for row, example in enumerate(examples):
        domain = _DOMAIN_BLOCK[view or ("polnear" if example.fold < 0 else "realworld")]
        indices = hash_features(example.features, DIMENSION).tolist()
        rows += [row] * (2 * len(indices) + 2)
        cols += indices + [i + domain * DIMENSION for i in indices] + [3 * DIMENSION, 3 * DIMENSION + domain]
        values += [1.0] * (2 * len(indices)) + [example.probability] * 2
    return csr_matrix((values, (rows, cols)), shape=(len(examples), 3 * DIMENSION + 3))


_DOMAIN_BLOCK = {"realworld": 1, "polnear": 2}


def serving_weights(model: LogisticRegression) -> tuple[np.ndarray, float]:
    """The real-world view folded into one vector: shared plus real-world weights, and the probability's."""
    coefficients = model.coef_[0]
    weights = coefficients[:DIMENSION] + coefficients[DIMENSION : 2 * DIMENSION]
    return weights, float(coefficients[3 * DIMENSION] + coefficients[3 * DIMENSION + 1])


def fit(examples: list[Example], polnear_weight: float, c: float) -> LogisticRegression:
    weights = np.array([polnear_weight if e.fold < 0 else 1.0 for e in examples])
    keep = weights > 0
    chosen = [e for e, k in zip(examples, keep) if k]
    model = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    model.fit(design(chosen), [e.right for e in chosen], sample_weight=weights[keep])
    return model


def chosen(examples: list[Example], scores: np.ndarray, threshold: float, margin: float) -> np.ndarray:
    """Which candidates the gate keeps at ``threshold``, as serving does: in each claim the first it accepts, unless
    a later one scores ``margin`` above it (then the best of those). ``examples`` hold each claim's candidates
    together, in the order they are judged."""
    scores = np.asarray(scores)
    accepted = scores >= threshold
    before = np.cumsum(accepted) - accepted  # accepted candidates before each one, over all claims
    kept = accepted & (before == np.maximum.accumulate(np.where(firsts(examples), before, 0)))
    starts = np.flatnonzero(firsts(examples))
    for start, end in zip(starts, [*starts[1:], len(examples)]):
        if end - start < 2 or not kept[start:end].any():
            continue
        first = start + int(np.argmax(kept[start:end]))
        later = np.arange(first + 1, end)
        rivals = later[scores[later] >= max(threshold, scores[first] + margin)]
        if rivals.size:
            kept[first], kept[rivals[np.argmax(scores[rivals])]] = False, True
    return kept


def firsts(examples: list[Example]) -> np.ndarray:
    """Which examples are their claim's first candidate (each claim's candidates together, in order)."""
    first = np.ones(len(examples), dtype=bool)
    first[1:] = [a.claim != b.claim for a, b in zip(examples, examples[1:])]
    return first


def attribution_f1(examples: list[Example], scores: np.ndarray, choice: tuple[float, float], gold_cues: GoldCues) -> tuple[float, float, float]:
    """Real-world attribution precision, recall and F1 of the candidates kept at ``choice`` (threshold, margin)."""
    kept = [e for e, k in zip(examples, chosen(examples, scores, *choice)) if k]
    precision = sum(e.right for e in kept) / len(kept) if kept else 0.0
    recall = len({g for e in kept for g in e.gold if g[1] >= 0} | gold_cues.found_anyway) / gold_cues.total
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _fold_of(example: Example) -> int:
    """The cross-validation fold of an example: its real-world fold, or its PolNeAR quarter."""
    return example.fold if example.fold >= 0 else -1 - example.fold


def _fold_scores(examples: list[Example], fold: int, polnear_weight: float, c: float) -> np.ndarray:
    """Scores of fold ``fold``'s examples (real-world ones, then PolNeAR ones) by a gate fitted on the others."""
    train = [e for e in examples if _fold_of(e) != fold]
    held = sorted((e for e in examples if _fold_of(e) == fold), key=lambda e: e.fold < 0)
    return fit(train, polnear_weight, c).predict_proba(design(held, "realworld"))[:, 1]


def polnear_f1(examples: list[Example], scores: np.ndarray, choice: tuple[float, float], base_recall: float) -> tuple[float, float, float]:
    """The strict PolNeAR measure after the gate, estimated from its cues: precision over the cues kept, recall
    the measured recall without the gate (each claim's first candidate) times the right cues kept over the right
    first candidates."""
    kept = chosen(examples, scores, *choice)
    right = np.array([e.right for e in examples])
    precision = right[kept].mean() if kept.any() else 0.0
    recall = base_recall * right[kept].sum() / max(1, right[firsts(examples)].sum())
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def cross_validate(
    realworld: list[Example], polnear: list[Example], gold_cues: GoldCues, polnear_recall: float,
    floor: float = POLNEAR_FLOOR,
) -> list[dict]:
    """Every set-up scored held out over the four folds (a real-world fold and a PolNeAR quarter each); its
    threshold is the best by ``_objective`` among those that keep the pooled PolNeAR estimate above the floor."""
    setups = [(w, c) for w in POLNEAR_WEIGHTS for c in REGULARISATION]
    examples = realworld + polnear
    held = [e for fold in FOLDS for e in realworld if e.fold == fold]
    polnear_held = [e for fold in FOLDS for e in polnear if _fold_of(e) == fold]
    sizes = [sum(1 for e in realworld if e.fold == fold) for fold in FOLDS]
    jobs = Parallel(n_jobs=2)(delayed(_fold_scores)(examples, fold, w, c) for w, c in setups for fold in FOLDS)
    results = []
    width = len(FOLDS)
    for k, (w, c) in enumerate(setups):
        folds = jobs[k * width : (k + 1) * width]
        scores = np.concatenate([fold[:size] for fold, size in zip(folds, sizes)])
        polnear_scores = np.concatenate([fold[size:] for fold, size in zip(folds, sizes)])
        frontier = []
        for level in FRONTIER:
            fits = [t for t in CHOICES if polnear_f1(polnear_held, polnear_scores, t, polnear_recall)[2] >= level]
            if fits:
                frontier.append(f"{level:.2f}: {max(attribution_f1(held, scores, t, gold_cues)[2] for t in fits):.3f}")
        print(f"polnear weight {w:.2f} C {c:<4} best real-world F1 by PolNeAR floor: {'; '.join(frontier)}")
        allowed = [t for t in CHOICES if polnear_f1(polnear_held, polnear_scores, t, polnear_recall)[2] >= floor]
        if not allowed:
            continue
        best = max(allowed, key=lambda t: _objective(attribution_f1(held, scores, t, gold_cues)))
        p, r, f = attribution_f1(held, scores, best, gold_cues)
        dp, dr, df = (float(x) for x in polnear_f1(polnear_held, polnear_scores, best, polnear_recall))
        results.append({"polnear_weight": w, "C": c, "threshold": best[0], "margin": best[1], "precision": p, "recall": r, "f1": f,
                        "polnear_estimate": {"precision": dp, "recall": dr, "f1": df}})
        print(f"polnear weight {w:.2f} C {c:<4} threshold {best[0]:.2f} margin {best[1]}: real-world cue P {p:.3f} R {r:.3f} F1 {f:.3f}; "
              f"PolNeAR train+dev held out (estimate) P {dp:.3f} R {dr:.3f} F1 {df:.3f}")
    return results


def _objective(figures: tuple[float, float, float]) -> tuple[bool, float]:
    """What a threshold or set-up is chosen by: first whether it keeps real-world recall at the issue's bar
    (``RECALL_FLOOR``), then precision among those that do (the bars are precision-first: issue 11), F1 among
    those that do not."""
    precision, recall, f1 = figures
    return (recall >= RECALL_FLOOR, precision if recall >= RECALL_FLOOR else f1)


def write(model: LogisticRegression, setup: dict, counts: dict, chosen_by: str, directory: Path = GATE_DIR) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    weights, probability_weight = serving_weights(model)
    np.savez_compressed(directory / "gate.npz", weights=weights.astype(np.float32))
    manifest = {
        "version": "gate-" + hashlib.sha256(weights.tobytes()).hexdigest()[:12],
        "arrays": "gate.npz",
        "sha256": file_sha256(directory / "gate.npz"),
        "dimension": DIMENSION,
        "bias": float(model.intercept_[0]),
        "probability_weight": probability_weight,
        "threshold": float(setup["threshold"]),
        "margin": float(setup["margin"]),
        "chosen_by": chosen_by,
        "setup": setup,
        "examples": counts,
    }
    (directory / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="cross-validate only; write nothing")
    parser.add_argument("--keep-setup", action="store_true",
                        help="refit with the shipped set-up (manifest.json) instead of the cross-validated one: for a "
                             "feature change, when the new choice does not pay held out (training.heldout)")
    parser.add_argument("--threshold", type=float,
                        help="with --keep-setup: ship this threshold instead, chosen on the claim-level held-out measure "
                             "(training.heldout --threshold), which the cue-level cross-validation here only estimates")
    parser.add_argument("--polnear-recall", type=float, default=0.774,
                        help="strict PolNeAR recall without the gate (polnear_strict.py on dev), the base of the estimate")
    parser.add_argument("--polnear-floor", type=float, default=POLNEAR_FLOOR,
                        help="the least estimated strict PolNeAR F1 a set-up must keep")
    args = parser.parse_args(argv)
    model = AttributionModel.load()
    realworld, total = realworld_examples(model)
    gold_cues = GoldCues(total, found_past_the_gate(model))
    polnear_by_split = polnear_examples(model, SPLITS)
    polnear = [example for split in SPLITS for example in polnear_by_split[split]]
    p, r, f = attribution_f1(realworld, np.ones(len(realworld)), (0.5, math.inf), gold_cues)
    print(f"{len(realworld)} real-world cues ({sum(e.right for e in realworld)} right), {len(polnear)} PolNeAR cues; "
          f"no gate: cue P {p:.3f} R {r:.3f} F1 {f:.3f} ({len(gold_cues.found_anyway)} gold cues found past the gate)")
    if args.keep_setup:
        shipped = json.loads((GATE_DIR / "manifest.json").read_text(encoding="utf-8"))
        best, chosen_by = shipped["setup"], shipped["chosen_by"]
        if args.threshold is not None:
            best = {"polnear_weight": best["polnear_weight"], "C": best["C"], "threshold": args.threshold,
                    "margin": best["margin"]}  # the cue-level estimates of the old threshold no longer hold
            chosen_by = (f"threshold {args.threshold} chosen on the claim-level held-out measure (training.heldout "
                         f"--threshold: each train fold scored by a gate refitted without it; README, the gate's threshold); "
                         f"PolNeAR weight and C as in {shipped['version']}")
    else:
        results = cross_validate(realworld, polnear, gold_cues, args.polnear_recall, args.polnear_floor)
        best = max(results, key=lambda x: _objective((x["precision"], x["recall"], x["f1"])))
        chosen_by = ("cross-validation over data/realworld/train folds 0-3, each with a quarter of PolNeAR train+dev "
                     f"(best pooled real-world attribution precision at recall >= {RECALL_FLOOR}) among set-ups "
                     f"keeping estimated strict PolNeAR F1 >= {args.polnear_floor}")
    print(f"chosen: {best}")
    if not args.dry_run:
        polnear_train = polnear_by_split["train"]
        final = fit(realworld + polnear_train, best["polnear_weight"], best["C"])
        write(final, best, {"realworld": len(realworld), "polnear": len(polnear_train)}, chosen_by)
        print(f"wrote {GATE_DIR}")


if __name__ == "__main__":
    main()
