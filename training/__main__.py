"""Rebuild the attribution model: ``pip install -e '.[train]'`` then ``python -m training``.

Fits on PolNeAR train, tunes the thresholds and measures on dev (next to the naive
baseline), then writes the artefact (.npz), its manifest (SHA-256, feature schema,
training data, metrics, versions) and ``MODEL_CARD.md`` beside them. Deterministic: the
same data and code give the same bytes, so the same SHA-256. No speed figures: bench/
measures those.
"""
from __future__ import annotations

import argparse
import json
import platform
from collections.abc import Sequence
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

import numpy as np

from service.pipeline.model import DEFAULT_MODEL_PATH, AttributionModel, Hyperparameters
from service.pipeline.model.features import CLAIM_HASH_BITS, HASH_BITS

from .card import MODEL_CARD_NAME, write_model_card
from .evaluate import baseline_reader, model_reader, score, segment_documents
from .fit import SEED
from .polnear import load_split

MODEL_NAME = "polnear-linear"
MODEL_RELEASE = "2"


def main(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="Train the attribution model on PolNeAR train, measure on dev.")
    parser.add_argument("--output", type=Path, default=DEFAULT_MODEL_PATH, help="where to write the artefact")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles of each split (smoke runs)")
    arguments = parser.parse_args(argv)

    np.random.seed(SEED)  # nothing here draws at random; pinned so that stays true if something does
    train = load_split("train", limit=arguments.limit)
    dev = segment_documents(load_split("dev", limit=arguments.limit))
    model = AttributionModel(Hyperparameters()).fit(train, dev)
    record = {
        "model_name": MODEL_NAME,
        "hash_bits": HASH_BITS,
        "claim_hash_bits": CLAIM_HASH_BITS,
        "trained_with": {
            "scikit-learn": metadata.version("scikit-learn"),
            "numpy": np.__version__,
            "scipy": metadata.version("scipy"),
            "python": platform.python_version(),
        },
        "seed": SEED,
        "training": {"split": "train", "articles": len(train), **asdict(model.fit_summary_)},
        "dev_metrics": {
            "articles": len(dev),
            "claims": sum(len(item.claims) for item in dev),
            "model": score(dev, model_reader(model)).as_dict(),
            "baseline": score(dev, baseline_reader).as_dict(),
        },
    }
    manifest = model.save(arguments.output, f"{MODEL_NAME}-{MODEL_RELEASE}", record)
    write_model_card(arguments.output.with_name(MODEL_CARD_NAME), manifest)
    print(json.dumps({key: manifest[key] for key in ("model_version", "sha256", "dev_metrics")}, indent=2))
    return manifest


if __name__ == "__main__":
    main()
