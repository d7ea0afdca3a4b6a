"""Train the claim-role model: ``python -m training.roles``.

Reads the hand-labelled real-world train folds (``data/realworld/train``; the test fold is
never read here), runs the pipeline up to the findings on each article, labels each claim
with the role of the gold sentence it overlaps most (``training.labelled.gold_role``),
and fits a multinomial logistic regression over ``service.pipeline.roles.role_inputs`` (the
named features and the hashed words as one sparse matrix).
The regularisation and whether the roles are weighted to count alike (``balanced``: the
rarer background and opinion claims weigh as much in total as the key ones, so the model
stops leaning on "key") are chosen by cross-validation over the four train folds (an
article's claims stay in one fold), by macro-F1, then accuracy; the figures printed are
those cross-validated ones, next to the majority baseline. Then it fits on all train folds and writes the arrays
(``resources/roles/roles.npz``) and the manifest beside them. Deterministic: the same data
and code give the same file.
"""
from __future__ import annotations

import argparse
import io
import itertools
import json
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import sklearn
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from service.pipeline.document import Document
from service.pipeline.engine import find
from service.pipeline.gate import AttributionGate
from service.pipeline.hedge_model import HedgeCueModel
from service.pipeline.model import AttributionModel
from service.pipeline.resources import file_sha256, manifest_path
from service.pipeline.roles import (DENSE_FEATURES, HASH_BUCKETS, ROLE_FEATURE_SCHEMA, ROLE_MODEL_FILE, RoleInputs,
                                    decide_each, role_inputs)
from service.pipeline.records import ROLES, ClaimFindings

from .labelled import TRAIN_DIR, LabelledArticle, gold_role, load_folder

MODEL_NAME = "roles-linear"
C_GRID = (0.3, 1.0, 3.0)
CLASS_WEIGHTS = (None, "balanced")
MAX_ITER = 5000


@dataclass(frozen=True)
class ReadArticle:
    """A labelled article as the pipeline reads it: findings, role features and gold roles per claim."""

    article: LabelledArticle
    findings: tuple[ClaimFindings, ...]
    inputs: RoleInputs
    roles: list[str]


def read_articles(articles: Sequence[LabelledArticle]) -> list[ReadArticle]:
    model, hedge_detector, gate = AttributionModel.load(), HedgeCueModel.load(), AttributionGate.load()
    read = []
    for article in articles:
        document = Document.of(article.text)
        findings, _ = find(document, model, hedge_detector, gate)
        roles = [gold_role(article.sentences, f.claim.start, f.claim.end) for f in findings]
        read.append(ReadArticle(article, findings, role_inputs(document, findings), roles))
    return read


def matrix(inputs: Sequence[RoleInputs]) -> sparse.csr_matrix:
    """The claims of ``inputs``, one row each: the named features, then the word buckets."""
    blocks = []
    for item in inputs:
        words = sparse.csr_matrix((np.ones(len(item.word_claims)), (item.word_claims, item.word_buckets)),
                                  shape=(len(item.dense), HASH_BUCKETS))
        blocks.append(sparse.hstack([sparse.csr_matrix(item.dense), words], format="csr"))
    return sparse.vstack(blocks, format="csr")


def fit(inputs: Sequence[RoleInputs], labels: Sequence[str], c: float, class_weight: str | None) -> LogisticRegression:
    model = LogisticRegression(C=c, max_iter=MAX_ITER, class_weight=class_weight).fit(matrix(inputs), labels)
    if tuple(model.classes_) != ROLES:
        raise ValueError(f"training data lacks a role: classes {tuple(model.classes_)}")
    return model


def fold_models(read: Sequence[ReadArticle], c: float, class_weight: str | None) -> dict[str, LogisticRegression]:
    """Per fold, a model fitted on the other folds' claims."""
    models = {}
    for fold in sorted({item.article.fold for item in read}):
        train = [item for item in read if item.article.fold != fold]
        models[fold] = fit([item.inputs for item in train], [y for item in train for y in item.roles], c, class_weight)
    return models


def out_of_fold_probabilities(read: Sequence[ReadArticle], c: float, class_weight: str | None,
                              models: dict[str, LogisticRegression] | None = None) -> list[np.ndarray]:
    """Per article, its claims' role probabilities from a model fitted on the other folds (of ``models`` when
    given, as ``fold_models`` makes them)."""
    models = fold_models(read, c, class_weight) if models is None else models
    return [models[item.article.fold].predict_proba(matrix([item.inputs])) if item.roles else np.zeros((0, 3))
            for item in read]


def measure(read: Sequence[ReadArticle], probabilities: Sequence[np.ndarray], rules: bool) -> dict:
    gold, predicted = [], []
    for item, rows in zip(read, probabilities):
        gold.extend(item.roles)
        if rules:
            predicted.extend(role.role for role in decide_each(item.findings, rows))
        else:
            predicted.extend(ROLES[best] for best in np.argmax(rows, axis=1))
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
    per_role = {}
    for role in ROLES:
        tp = sum(g == p == role for g, p in zip(gold, predicted))
        precision = tp / max(1, predicted.count(role))
        recall = tp / max(1, gold.count(role))
        per_role[role] = {"precision": round(precision, 3), "recall": round(recall, 3),
                          "f1": round(2 * precision * recall / (precision + recall) if tp else 0.0, 3),
                          "gold": gold.count(role)}
    majority = Counter(gold).most_common(1)[0][1] / len(gold)
    return {"claims": len(gold), "accuracy": round(accuracy, 3), "majority_baseline": round(majority, 3),
            "macro_f1": round(sum(r["f1"] for r in per_role.values()) / len(ROLES), 3), "per_role": per_role}


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every member of the .npz is stamped so: the same model gives the same bytes (and SHA-256)."""


def export(model: LogisticRegression) -> bytes:
    """The fitted model as a compressed .npz of plain arrays, byte-for-byte reproducible."""
    arrays = {"classes": np.array(ROLES, dtype=str), "features": np.array(DENSE_FEATURES, dtype=str),
              "coef": model.coef_.astype(np.float64), "intercept": model.intercept_.astype(np.float64)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            member_bytes = io.BytesIO()
            np.lib.format.write_array(member_bytes, array, allow_pickle=False)
            member = zipfile.ZipInfo(f"{name}.npy", date_time=FIXED_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, member_bytes.getvalue())
    return buffer.getvalue()


def main(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="Train the claim-role model on the real-world train folds.")
    parser.add_argument("--dry-run", action="store_true", help="measure only; write nothing")
    arguments = parser.parse_args(argv)
    read = read_articles(load_folder(TRAIN_DIR))
    settings = list(itertools.product(C_GRID, CLASS_WEIGHTS))
    scores = {setting: measure(read, out_of_fold_probabilities(read, *setting), rules=True) for setting in settings}
    best = max(settings, key=lambda setting: (scores[setting]["macro_f1"], scores[setting]["accuracy"]))
    best_c, class_weight = best
    model_only = measure(read, out_of_fold_probabilities(read, *best), rules=False)
    for c, weighting in settings:
        figures = scores[c, weighting]
        print(f"C={c:<4} {weighting or 'unweighted':10} cross-validated accuracy {figures['accuracy']:.3f} "
              f"macro-F1 {figures['macro_f1']:.3f}")
    chosen = scores[best]
    print(f"chosen C={best_c}, {class_weight or 'unweighted'}: {chosen['claims']} claims, accuracy {chosen['accuracy']:.3f} (model alone "
          f"{model_only['accuracy']:.3f}; majority baseline {chosen['majority_baseline']:.3f}), macro-F1 {chosen['macro_f1']:.3f}")
    for role, figures in chosen["per_role"].items():
        print(f"  {role:10} P {figures['precision']:.3f} R {figures['recall']:.3f} F1 {figures['f1']:.3f} ({figures['gold']} gold)")
    model = fit([item.inputs for item in read], [y for item in read for y in item.roles], best_c, class_weight)
    artefact = export(model)
    manifest = {
        "feature_schema": ROLE_FEATURE_SCHEMA,
        "classes": list(ROLES),
        "features": {"named": len(DENSE_FEATURES), "hash_buckets": HASH_BUCKETS},
        "hyperparameters": {"C": best_c, "class_weight": class_weight, "max_iter": MAX_ITER, "solver": model.solver},
        "sklearn_version": sklearn.__version__,
        "training_data": f"data/realworld/train: {len(read)} articles, {chosen['claims']} claims, folds "
                         f"{sorted({item.article.fold for item in read})}",
        "cross_validated": {"rules": chosen, "model_alone": model_only},
    }
    if not arguments.dry_run:
        ROLE_MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
        ROLE_MODEL_FILE.write_bytes(artefact)
        sha = file_sha256(ROLE_MODEL_FILE)
        manifest = {"version": f"{MODEL_NAME}-{ROLE_FEATURE_SCHEMA}+{sha[:8]}", "sha256": sha, **manifest}
        manifest_path(ROLE_MODEL_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {ROLE_MODEL_FILE} ({manifest['version']})")
    return manifest


if __name__ == "__main__":
    main()
