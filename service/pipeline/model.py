"""The trained attribution model: does a claim attribute its content, and to whom, via what cue.

Two logistic regressions trained on PolNeAR by ``python -m training`` (see
``training/MODEL_CARD.md``):

1. the *cue* classifier scores every cue-lexicon token of an article ("said", "according",
   "believes"); a claim's probability is its best cue's, and that cue is kept when the
   probability clears the tuned threshold;
2. the *source* classifier scores short spans anchored next to each kept cue and keeps the
   best when it clears its own threshold, so sources stay tight ("a US official", "he").

Both are called once per article on all its candidates. The artefact is a joblib file that
is only loaded when it matches the manifest training wrote beside it: unpickling a file we
did not build, or one built for other features or another scikit-learn, fails fast.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn

from .features import (
    FEATURE_SCHEMA_VERSION,
    ArticleTokens,
    cue_candidates,
    cue_extent,
    cue_features,
    source_candidates,
    source_features,
    tokenize,
)
from .resources import resource_path
from .types import Claim, ClaimPrediction, Span

MODEL_PATH_SETTING = "CREDENCE_MODEL_PATH"
DEFAULT_MODEL_PATH = resource_path("model/attribution.joblib")
COMPONENTS = (
    "vocabulary",
    "is_cue_word",
    "cue_phrases",
    "cue_classifier",
    "source_classifier",
    "cue_threshold",
    "source_threshold",
    "no_candidate_probability",
)


class ModelLoadError(RuntimeError):
    """The model artefact is missing, not one we built, or built for other code."""


def manifest_path(model_path: Path) -> Path:
    return model_path.with_suffix(".json")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sklearn_release(version: str) -> str:
    """``major.minor``: pickles of scikit-learn estimators are only safe within one release."""
    return ".".join(version.split(".")[:2])


class AttributionModel:
    """Finds each claim's attribution cue and source with the trained classifiers."""

    def __init__(self, components: Mapping[str, Any], version: str) -> None:
        self.version = version
        self._vocabulary: Mapping[str, int] = components["vocabulary"]
        self._is_cue_word: np.ndarray = components["is_cue_word"]
        self._cue_phrases = frozenset(components["cue_phrases"])
        self._cue_threshold = float(components["cue_threshold"])
        self._source_threshold = float(components["source_threshold"])
        self._no_candidate_probability = float(components["no_candidate_probability"])
        # Scoring a fixed-width row of hashed columns is the sum of their weights: the same
        # number ``decision_function`` gives, without building a sparse matrix per article.
        cue_classifier = components["cue_classifier"]
        source_classifier = components["source_classifier"]
        self._cue_weights = cue_classifier.coef_.ravel().astype(np.float64)
        self._cue_bias = float(cue_classifier.intercept_[0])
        self._source_weights = source_classifier.coef_.ravel().astype(np.float64)
        self._source_bias = float(source_classifier.intercept_[0])

    @classmethod
    def load(cls, path: Path | str | None = None) -> AttributionModel:
        """Load the artefact at ``path`` (default: $CREDENCE_MODEL_PATH, else the bundled one)."""
        model_path = Path(path or os.environ.get(MODEL_PATH_SETTING) or DEFAULT_MODEL_PATH)
        where = f"model artefact {model_path} (set {MODEL_PATH_SETTING} to choose another)"
        manifest_file = manifest_path(model_path)
        if not model_path.is_file():
            raise ModelLoadError(f"{where}: file not found; rebuild it with `python -m training`")
        if not manifest_file.is_file():
            raise ModelLoadError(f"{where}: its manifest {manifest_file.name} is missing beside it")
        try:
            manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ModelLoadError(f"{where}: manifest {manifest_file.name} is unreadable: {error}") from error
        actual_sha = file_sha256(model_path)
        if manifest.get("sha256") != actual_sha:
            raise ModelLoadError(
                f"{where}: SHA-256 {actual_sha} does not match the manifest's {manifest.get('sha256')}; "
                "refusing to unpickle a file training did not write"
            )
        built_with = str(manifest.get("sklearn_version"))
        if sklearn_release(built_with) != sklearn_release(sklearn.__version__):
            raise ModelLoadError(
                f"{where}: built with scikit-learn {built_with}, running {sklearn.__version__}; retrain it"
            )
        if manifest.get("feature_schema_version") != FEATURE_SCHEMA_VERSION:
            raise ModelLoadError(
                f"{where}: built for feature schema {manifest.get('feature_schema_version')}, "
                f"code has {FEATURE_SCHEMA_VERSION}; retrain it"
            )
        components = joblib.load(model_path)
        missing = [name for name in COMPONENTS if name not in components]
        if missing:
            raise ModelLoadError(f"{where}: artefact lacks {', '.join(missing)}")
        return cls(components, str(manifest["model_version"]))

    def predict(self, text: str, claims: Sequence[Claim]) -> tuple[ClaimPrediction, ...]:
        """One prediction per claim, in the order given, for claims of ``text``."""
        probabilities = np.full(len(claims), self._no_candidate_probability)
        cues: list[Span | None] = [None] * len(claims)
        sources: list[Span | None] = [None] * len(claims)
        tokens = tokenize(text, claims, self._vocabulary)
        positions = cue_candidates(tokens, self._is_cue_word)
        if len(positions):
            cue_probabilities = _sigmoid(self._cue_weights[cue_features(tokens, positions)].sum(axis=1) + self._cue_bias)
            best_positions, best_probabilities = _best_per_group(tokens.claim_of[positions], positions, cue_probabilities)
            best_claims = tokens.claim_of[best_positions]
            probabilities[best_claims] = best_probabilities
            kept = best_probabilities >= self._cue_threshold
            extents = [cue_extent(tokens, int(position), self._cue_phrases) for position in best_positions[kept]]
            if extents:
                cue_first = np.array([first for first, _ in extents], dtype=np.int64)
                cue_last = np.array([last for _, last in extents], dtype=np.int64)
                source_spans = self._best_sources(tokens, best_positions[kept], cue_first, cue_last)
                for claim_number, first, last, source in zip(best_claims[kept].tolist(), cue_first, cue_last, source_spans):
                    cues[claim_number] = _span(text, int(tokens.starts[first]), int(tokens.ends[last]))
                    sources[claim_number] = _span(text, *source) if source else None
        return tuple(
            ClaimPrediction(float(probability), cue, source)
            for probability, cue, source in zip(probabilities.tolist(), cues, sources)
        )

    def _best_sources(
        self, tokens: ArticleTokens, cue_positions: np.ndarray, cue_first: np.ndarray, cue_last: np.ndarray
    ) -> list[tuple[int, int] | None]:
        """Character bounds of the best source span of each cue, or None when none is likely."""
        found: list[tuple[int, int] | None] = [None] * len(cue_positions)
        candidates = source_candidates(tokens, cue_first, cue_last)
        if not len(candidates.cue_row):
            return found
        columns = source_features(tokens, candidates, tokens.word_ids[cue_positions], cue_first)
        scores = self._source_weights[columns].sum(axis=1) + self._source_bias
        best_rows, best_scores = _best_per_group(candidates.cue_row, np.arange(len(scores)), scores)
        for row, score in zip(best_rows.tolist(), best_scores.tolist()):
            if _sigmoid(score) >= self._source_threshold:
                start = int(tokens.starts[candidates.first[row]])
                end = int(tokens.ends[candidates.last[row]])
                found[int(candidates.cue_row[row])] = (start, end)
        return found


def _best_per_group(groups: np.ndarray, items: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each distinct group (ascending), the item with the highest value and that value;
    ties go to the earliest item."""
    order = np.lexsort((np.arange(len(values)), -values, groups))
    _, firsts = np.unique(groups[order], return_index=True)
    chosen = order[firsts]
    return items[chosen], values[chosen]


def _sigmoid(scores: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(scores)))


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])
