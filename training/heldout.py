"""The real-world measure on the train folds held out: each fold scored by a gate, role model and band edges refitted
without it.

    python -m training.heldout [--measure PATH] [--details] [--threshold T] [--collection NAME] [--add FOLDER]

The shipped gate (``resources/gate``) was fitted on all four train folds, so the shared measure
(``../shared/tools/realworld_eval.py``) run on them scores the gate on its own examples. Here the gate is
refitted four times, each time on PolNeAR train and the three other folds with the shipped set-up (PolNeAR
weight, regularisation, threshold: ``manifest.json``), and every article is scored by the gate that never saw
it; the PolNeAR texts of the held-out fold are left out of the PolNeAR examples, so no gate has seen the text it
scores. The role model (the shipped hyperparameters) and the rating's band edges (the shipped points; the edges
fitted on the other folds' scores, their roles from role models without the article's fold) are refitted per fold
the same way, since the shipped ones were fitted on these articles too. The shared measure then prints its usual
report over the four folds pooled. The cue model and the hedge model are the shipped ones; the hedge model was
fitted on these folds' writer hedges too, so the writer-hedge figures are not held out.
``--add FOLDER`` deals FOLDER's articles round-robin in table order to folds 0-3, trains on them with the train
folds', and prints the measure on FOLDER, held out the same way, after the train folds': what more labels would
do. ``--threshold`` scores with another threshold than the shipped one, to read the trade-off held out.
``--collection`` measures only the train articles of one collection (``allsides``: the 319 of the AllSides
sample the test fold is drawn from; ``polnear-train``: round 9's 35; ``html-pages``: the 33 web pages), since
they differ in outlets and years. The test fold is never read here.
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from service.intake import Article, score_body
from service.pipeline.engine import Engine
from service.pipeline.gate import GATE_DIR, AttributionGate
from service.pipeline.model import AttributionModel
from service.pipeline.records import ROLES
from service.pipeline.resources import manifest_path
from service.pipeline.roles import DENSE_FEATURES, ROLE_MODEL_FILE, RoleModel, decide_each
from service.pipeline.scoring import Weights, load_weights

from .gate import FOLDS, fit, polnear_examples, realworld_examples, write
from .labelled import RATING_RANK, TEST_DIR, TRAIN_DIR, LabelledArticle, load_folder
from .polnear import load_split
from .roles import fold_models, out_of_fold_probabilities, read_articles

MEASURE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "realworld_eval.py"
"""The project's shared real-world measure (``/work/shared/tools``, beside the worktrees)."""


def _shared_measure(path: Path):
    spec = importlib.util.spec_from_file_location("realworld_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    spec.loader.exec_module(module)
    return module


def dealt(folder: Path) -> list[LabelledArticle]:
    """The articles of ``folder`` dealt round-robin, in table order, to folds 0-3 (a folder's draws each spread over
    outlets, so every fold mixes outlets and draws)."""
    return [dataclasses.replace(article, fold=f"fold{FOLDS[i % len(FOLDS)]}") for i, article in enumerate(load_folder(folder))]


def fold_gates(threshold: float | None = None, articles: list[LabelledArticle] | None = None) -> dict[int, AttributionGate]:
    """One gate per fold, fitted on PolNeAR train, less the held-out fold's texts, and the other folds (of the train
    folds, or of ``articles``) with the shipped set-up (``manifest.json``), with ``threshold`` instead of the shipped
    one when given."""
    setup = json.loads((GATE_DIR / "manifest.json").read_text(encoding="utf-8"))["setup"]
    model = AttributionModel.load()
    articles = load_folder(TRAIN_DIR) if articles is None else articles
    realworld, _ = realworld_examples(model, articles)
    polnear = polnear_examples(model, ("train",))["train"]
    polnear_text = {f"train/{number}": document.text.strip() for number, document in enumerate(load_split("train"))}
    gates = {}
    with tempfile.TemporaryDirectory() as directory:
        for fold in FOLDS:
            kept = [e for e in realworld if e.fold != fold]
            held_texts = {article.text for article in articles if article.fold == f"fold{fold}"}
            other = [e for e in polnear if polnear_text[e.claim[0]] not in held_texts]
            fitted = fit(kept + other, setup["polnear_weight"], setup["C"])
            folder = Path(directory) / f"fold{fold}"
            counts = {"realworld": len(kept), "polnear": len(other)}
            write(fitted, setup, counts, f"held out: fold {fold} left out", folder)
            gate = AttributionGate.load(folder)
            gates[fold] = gate if threshold is None else dataclasses.replace(gate, threshold=threshold)
    return gates


def fold_roles_and_weights(articles: list[LabelledArticle]) -> tuple[dict[int, RoleModel], dict[int, Weights]]:
    """Per fold, a role model fitted on the other folds with the shipped hyperparameters, and the shipped weights
    with band edges fitted on the other folds' articles (each rated with the roles of the model without its fold)."""
    from .rating import article_score, counted_stories, ordinal_bands  # training.rating reaches back here

    setting = json.loads(manifest_path(ROLE_MODEL_FILE).read_text(encoding="utf-8"))["hyperparameters"]
    read = read_articles(articles)
    fitted = fold_models(read, setting["C"], setting.get("class_weight"))
    probabilities = out_of_fold_probabilities(read, setting["C"], setting.get("class_weight"), fitted)
    shipped = load_weights()
    stories = counted_stories([item.findings for item in read],
                              [decide_each(item.findings, rows) for item, rows in zip(read, probabilities)], shipped)
    scores = np.array([article_score(story, shipped) for story in stories])
    ranks = np.array([RATING_RANK[item.article.rating] for item in read])
    folds = np.array([item.article.fold for item in read])
    roles, weights = {}, {}
    for fold in FOLDS:
        model = fitted[f"fold{fold}"]
        roles[fold] = RoleModel(ROLES, DENSE_FEATURES, model.coef_, model.intercept_, f"held out: fold {fold} left out")
        mixed_from, high_from = ordinal_bands(scores[folds != f"fold{fold}"], ranks[folds != f"fold{fold}"])
        weights[fold] = dataclasses.replace(shipped, mixed_from=mixed_from, high_from=high_from)
        print(f"fold {fold}: bands mixed from {mixed_from}, high from {high_from}")
    return roles, weights


def held_out_scorer(threshold: float | None = None, added: Path | None = None) -> Callable[[str], dict]:
    """The API body of a train-fold article (or one of ``added``'s, dealt to the folds and trained on), scored with
    the gate, role model and band edges that never saw its fold."""
    engine = Engine.load()
    articles = load_folder(TRAIN_DIR) + (dealt(added) if added else [])
    gates = fold_gates(threshold, articles)
    roles, weights = fold_roles_and_weights(articles)
    fold_of = {article.text: int(article.fold.removeprefix("fold")) for article in articles}
    engines = {fold: Engine(engine.model, weights[fold], engine.hedge_detector, roles[fold], gate)
               for fold, gate in gates.items()}

    def score(text: str) -> dict:
        held = engines[fold_of[text.strip()]]
        return score_body(held, Article(text, None, None), held.analyse(text))
    return score


def collection_folder(collection: str, directory: Path) -> Path:
    """A copy of the train folds' tables holding only ``collection``'s articles, their text paths made absolute."""
    for table in sorted(TRAIN_DIR.glob("articles*.tsv")):
        header, *rows = (line.split("\t") for line in table.read_text(encoding="utf-8").splitlines())
        column = {name: i for i, name in enumerate(header)}
        rows = [row for row in rows if row[column["collection"]] == collection]
        for row in rows:
            row[column["path"]] = str((TRAIN_DIR / row[column["path"]]).resolve())
        (directory / table.name).write_text("".join("\t".join(row) + "\n" for row in [header, *rows]), encoding="utf-8")
        kept = {row[column["id"]] for row in rows}
        gold = TRAIN_DIR / table.name.replace("articles", "gold").replace(".tsv", ".jsonl")
        lines = [line for line in gold.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] in kept]
        (directory / gold.name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return directory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every miss and false hit (the shared measure's)")
    parser.add_argument("--measure", type=Path, default=MEASURE, help="path of realworld_eval.py")
    parser.add_argument("--threshold", type=float, help="the gates' threshold instead of the shipped one")
    parser.add_argument("--collection", choices=("allsides", "polnear-train", "html-pages"), help="measure one collection only")
    parser.add_argument("--add", type=Path, metavar="FOLDER",
                        help="deal FOLDER's articles to the folds, train on them too, and measure them after the train folds")
    args = parser.parse_args(argv)
    if args.add and args.add.resolve() in (TRAIN_DIR.resolve(), TEST_DIR.resolve()):
        parser.error("--add takes a folder other than the train folds, never the test fold")
    score = held_out_scorer(args.threshold, args.add)
    measure = _shared_measure(args.measure)
    measure.service_fn = lambda base, inprocess: score
    details = ["--details"] if args.details else []
    with tempfile.TemporaryDirectory() as directory:
        folder = collection_folder(args.collection, Path(directory)) if args.collection else TRAIN_DIR
        status = measure.main(["-", str(folder), "--inprocess", *details])
    if args.add:
        print(f"\n{args.add}, dealt to the folds and held out the same way:")
        status = measure.main(["-", str(args.add), "--inprocess", *details]) or status
    return status


if __name__ == "__main__":
    sys.exit(main())
