"""Rebuild the attribution model: ``python -m training``.

Fits on PolNeAR train, measures on dev (next to the naive baseline), then writes the
artefact, its manifest (SHA-256, versions, seed, hyper-parameters, metrics) and
``training/MODEL_CARD.md``. Deterministic: the same data and code give the same model.
"""
from __future__ import annotations

import argparse
import json
import platform
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import joblib
import numpy as np
import scipy
import sklearn

from service.pipeline.features import CLAIM_HASH_BITS, FEATURE_SCHEMA_VERSION, HASH_BITS
from service.pipeline.model import ARTEFACT_FORMAT, DEFAULT_MODEL_PATH, AttributionModel, file_sha256, manifest_path

from .card import MODEL_CARD_PATH, write_model_card
from .evaluate import baseline_reader, measure_footprint, measure_speed, model_reader, score, segment_documents
from .fit import SEED, Hyperparameters, fit, tune_thresholds
from .polnear import load_split

MODEL_NAME = "polnear-linear"
MODEL_RELEASE = "2"


def main(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="Train the attribution model on PolNeAR train, measure on dev.")
    parser.add_argument("--output", type=Path, default=DEFAULT_MODEL_PATH, help="where to write the artefact")
    parser.add_argument("--card", type=Path, default=MODEL_CARD_PATH, help="where to write the model card")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles of each split (smoke runs)")
    arguments = parser.parse_args(argv)

    np.random.seed(SEED)  # nothing here draws at random; pinned so that stays true if something does
    parameters = Hyperparameters()
    train = load_split("train", limit=arguments.limit)
    dev = segment_documents(load_split("dev", limit=arguments.limit))
    components, summary, _ = fit(train, parameters)
    components.update(tune_thresholds(components, dev, parameters))

    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(components, arguments.output, compress=3)
    sha256 = file_sha256(arguments.output)
    model = AttributionModel(components, f"{MODEL_NAME}-{MODEL_RELEASE}+{sha256[:10]}")
    speed = measure_speed(model, dev)
    # The manifest is needed to load the artefact: a provisional one first, then the full one.
    manifest_path(arguments.output).write_text(
        json.dumps({"sha256": sha256, "model_version": model.version, "sklearn_version": sklearn.__version__,
                    "feature_schema_version": FEATURE_SCHEMA_VERSION, "artefact_format": ARTEFACT_FORMAT}),
        encoding="utf-8",
    )
    footprint = measure_footprint(arguments.output)
    manifest = {
        "model_name": MODEL_NAME,
        "model_version": model.version,
        "artefact": arguments.output.name,
        "sha256": sha256,
        "size_bytes": arguments.output.stat().st_size,
        "feature_schema_version": FEATURE_SCHEMA_VERSION,
        "artefact_format": ARTEFACT_FORMAT,
        "hash_bits": HASH_BITS,
        "claim_hash_bits": CLAIM_HASH_BITS,
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
        "seed": SEED,
        "hyperparameters": parameters.as_dict(),
        "thresholds": {name: components[name] for name in ("claim_threshold", "source_threshold")},
        "training": {"split": "train", "articles": len(train), **asdict(summary)},
        "dev_metrics": {
            "articles": len(dev),
            "claims": sum(len(item.claims) for item in dev),
            "model": score(dev, model_reader(model)).as_dict(),
            "baseline": score(dev, baseline_reader).as_dict(),
        },
        "speed": {
            "ms_per_article": round(speed.ms_per_article, 3),
            "kilobytes_per_second": round(speed.kilobytes_per_second, 1),
            "times_tokenizer": round(speed.times_tokenizer, 2),
        },
        "serving_footprint": footprint,
    }
    manifest_path(arguments.output).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    write_model_card(arguments.card, manifest)
    print(json.dumps({key: manifest[key] for key in ("model_version", "dev_metrics", "speed", "serving_footprint")}, indent=2))
    return manifest


if __name__ == "__main__":
    main()
