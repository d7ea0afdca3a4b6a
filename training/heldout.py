"""The real-world measure on the train folds with the gate held out: each fold scored by a gate refitted without it.

    python -m training.heldout [--details] [--threshold T] [--collection NAME]

The shipped gate (``resources/gate``) was fitted on all four train folds, so the shared measure
(``../shared/tools/realworld_eval.py``) run on them scores the gate on its own examples. Here the gate is
refitted four times, each time on PolNeAR train and the three other folds with the shipped set-up (PolNeAR
weight, regularisation, threshold: ``manifest.json``), and every article is scored by the gate that never saw
it; the shared measure then prints its usual report over the four folds pooled. Every other model (the cue
model, the roles) is the shipped one: attribution precision, recall and false attribution are held out, the
source, type and rating figures are not only the gate's. ``--threshold`` scores with another threshold than the
shipped one, to read the trade-off held out. ``--collection`` measures only the train articles of one collection
(``allsides``: the 319 of the AllSides sample the test fold is drawn from; ``polnear-train``: round 9's 35;
``html-pages``: the 33 web pages), since they differ in outlets and years. The test fold is never read here.
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

from service.intake import Article, score_body
from service.pipeline.engine import Engine
from service.pipeline.gate import GATE_DIR, AttributionGate
from service.pipeline.model import AttributionModel

from .gate import FOLDS, fit, polnear_examples, realworld_examples, write
from .labelled import TRAIN_DIR, load_folder

MEASURE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "realworld_eval.py"
"""The project's shared real-world measure (``/work/shared/tools``, beside the worktrees)."""


def _shared_measure(path: Path):
    spec = importlib.util.spec_from_file_location("realworld_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    spec.loader.exec_module(module)
    return module


def fold_gates(threshold: float | None = None) -> dict[int, AttributionGate]:
    """One gate per fold, fitted on PolNeAR train and the other folds with the shipped set-up (``manifest.json``),
    with ``threshold`` instead of the shipped one when given."""
    setup = json.loads((GATE_DIR / "manifest.json").read_text(encoding="utf-8"))["setup"]
    model = AttributionModel.load()
    realworld, _ = realworld_examples(model)
    polnear = polnear_examples(model, ("train",))["train"]
    gates = {}
    with tempfile.TemporaryDirectory() as directory:
        for fold in FOLDS:
            kept = [e for e in realworld if e.fold != fold]
            fitted = fit(kept + polnear, setup["polnear_weight"], setup["C"])
            folder = Path(directory) / f"fold{fold}"
            counts = {"realworld": len(kept), "polnear": len(polnear)}
            write(fitted, setup, counts, f"held out: fold {fold} left out", folder)
            gate = AttributionGate.load(folder)
            gates[fold] = gate if threshold is None else dataclasses.replace(gate, threshold=threshold)
    return gates


def held_out_scorer(threshold: float | None = None) -> Callable[[str], dict]:
    """The API body of a train-fold article, scored with the gate that never saw its fold."""
    engine = Engine.load()
    gates = fold_gates(threshold)
    fold_of = {article.text: int(article.fold.removeprefix("fold")) for article in load_folder(TRAIN_DIR)}
    engines = {fold: Engine(engine.model, engine.weights, engine.hedge_detector, engine.roles, gate)
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
    args = parser.parse_args(argv)
    score = held_out_scorer(args.threshold)
    measure = _shared_measure(args.measure)
    measure.service_fn = lambda base, inprocess: score
    with tempfile.TemporaryDirectory() as directory:
        folder = collection_folder(args.collection, Path(directory)) if args.collection else TRAIN_DIR
        return measure.main(["-", str(folder), "--inprocess", *(["--details"] if args.details else [])])


if __name__ == "__main__":
    sys.exit(main())
