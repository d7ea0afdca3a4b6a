"""The trained attribution model: does a claim attribute its content, and to whom, via what cue.

Three logistic regressions trained on PolNeAR by ``python -m training`` (see
``training/MODEL_CARD.md``):

1. the *cue* classifier scores every cue-lexicon token of an article ("said", "according",
   "believes");
2. the *claim* classifier reads each claim that has a candidate: its best and second-best
   candidates' probabilities and words, quotation marks, speaker labels and the like
   (``features.claim_features``). Its output is the claim's probability; the best candidate
   is kept as the claim's cue when that probability clears the tuned threshold;
3. the *source* classifier scores short spans anchored next to each kept cue and keeps the
   best when it clears its own threshold, so sources stay tight ("a US official", "he").

Each is called once per article on all its candidates. The artefact is a joblib file of
plain data: numpy arrays (the classifiers' coefficients and intercepts exported by training,
the cue-word table) and built-in types (the vocabulary's words, cue phrases, thresholds),
so serving never imports scikit-learn. It is only loaded when it matches the manifest
training wrote beside it: unpickling a file we did not build, or one built for other
features, another artefact layout or another scikit-learn release, fails fast.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from .features import (
    FEATURE_SCHEMA_VERSION,
    ArticleTokens,
    ClaimRows,
    CuePhrases,
    Vocabulary,
    cue_candidates,
    claim_features,
    cue_extents,
    cue_features,
    source_candidates,
    source_features,
    tokenize,
)
from .resources import resource_path
from .types import Claim, ClaimPrediction, Span

MODEL_PATH_SETTING = "CREDENCE_MODEL_PATH"
DEFAULT_MODEL_PATH = resource_path("model/attribution.joblib")
ARTEFACT_FORMAT = 3
"""Layout of the artefact's components; 2: plain arrays and built-in types, no estimators;
3: with the claim stage."""
COMPONENTS = (
    "artefact_format",
    "words",
    "is_cue_word",
    "cue_phrases",
    "cue_weights",
    "cue_bias",
    "source_weights",
    "source_bias",
    "claim_weights",
    "claim_dense_weights",
    "claim_bias",
    "claim_threshold",
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
    """``major.minor``: the release the manifest pins (training and serving agree on it)."""
    return ".".join(version.split(".")[:2])


def installed_sklearn_version() -> str | None:
    """scikit-learn's version from its package metadata, without importing it (serving
    never needs the library itself); None when it is not installed."""
    try:
        return metadata.version("scikit-learn")
    except metadata.PackageNotFoundError:
        return None


class AttributionModel:
    """Finds each claim's attribution cue and source with the trained classifiers."""

    def __init__(self, components: Mapping[str, Any], version: str) -> None:
        self.version = version
        self.vocabulary = Vocabulary(components["words"])
        self._is_cue_word = np.asarray(components["is_cue_word"], dtype=bool)
        self._cue_phrases = CuePhrases.build(self.vocabulary, components["cue_phrases"])
        self._claim_threshold = float(components["claim_threshold"])
        self._source_threshold = float(components["source_threshold"])
        self._no_candidate_probability = float(components["no_candidate_probability"])
        # Scoring a fixed-width row of hashed columns is the sum of their weights: the same
        # number the fitted classifier's ``decision_function`` gives, without a sparse matrix.
        self._cue_weights = np.asarray(components["cue_weights"], dtype=np.float64)
        self._cue_bias = float(components["cue_bias"])
        self._source_weights = np.asarray(components["source_weights"], dtype=np.float64)
        self._source_bias = float(components["source_bias"])
        self._claim_weights = np.asarray(components["claim_weights"], dtype=np.float64)
        self._claim_dense_weights = np.asarray(components["claim_dense_weights"], dtype=np.float64)
        self._claim_bias = float(components["claim_bias"])

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
        installed = installed_sklearn_version()
        if installed is not None and sklearn_release(built_with) != sklearn_release(installed):
            raise ModelLoadError(
                f"{where}: built with scikit-learn {built_with}, {installed} is installed; retrain it"
            )
        if manifest.get("artefact_format") != ARTEFACT_FORMAT:
            raise ModelLoadError(
                f"{where}: artefact format {manifest.get('artefact_format')}, code reads {ARTEFACT_FORMAT}; retrain it"
            )
        if manifest.get("feature_schema_version") != FEATURE_SCHEMA_VERSION:
            raise ModelLoadError(
                f"{where}: built for feature schema {manifest.get('feature_schema_version')}, "
                f"code has {FEATURE_SCHEMA_VERSION}; retrain it"
            )
        components = joblib.load(model_path)
        missing = [name for name in COMPONENTS if name not in components] if isinstance(components, dict) else COMPONENTS
        if missing:
            raise ModelLoadError(f"{where}: artefact lacks {', '.join(missing)}")
        return cls(components, str(manifest["model_version"]))

    def predict(self, text: str, claims: Sequence[Claim]) -> tuple[ClaimPrediction, ...]:
        """One prediction per claim, in the order given, for claims of ``text``."""
        probabilities = np.full(len(claims), self._no_candidate_probability)
        cues: list[Span | None] = [None] * len(claims)
        sources: list[Span | None] = [None] * len(claims)
        tokens = tokenize(text, claims, self.vocabulary)
        positions = cue_candidates(tokens, self._is_cue_word)
        if len(positions):
            rows = claim_features(tokens, self.vocabulary, positions, self.cue_probabilities(cue_features(tokens, positions)))
            claim_probabilities = self.claim_probabilities(rows)
            best_claims = rows.claims
            probabilities[best_claims] = claim_probabilities
            kept = claim_probabilities >= self._claim_threshold
            if kept.any():
                kept_positions = rows.best[kept]
                cue_first, cue_last = cue_extents(tokens, kept_positions, self._cue_phrases)
                source_first, source_last = self._best_sources(tokens, kept_positions, cue_first, cue_last)
                starts, ends = tokens.starts, tokens.ends
                for claim_number, cue_start, cue_end, source_start, source_end in zip(
                    best_claims[kept].tolist(),
                    starts[cue_first].tolist(),
                    ends[cue_last].tolist(),
                    np.where(source_first >= 0, starts[source_first], -1).tolist(),
                    ends[source_last].tolist(),
                ):
                    cues[claim_number] = Span(cue_start, cue_end, text[cue_start:cue_end])
                    if source_start >= 0:
                        sources[claim_number] = Span(source_start, source_end, text[source_start:source_end])
        return tuple(map(ClaimPrediction, probabilities.tolist(), cues, sources))

    def cue_probabilities(self, columns: np.ndarray) -> np.ndarray:
        """Probability that each cue candidate (a row of hashed columns) is a cue."""
        return _sigmoid(self._cue_weights[columns].sum(axis=1) + self._cue_bias)

    def claim_probabilities(self, rows: ClaimRows) -> np.ndarray:
        """Probability that each claim row's claim is attributed."""
        scores = self._claim_weights[rows.columns].sum(axis=1) + rows.dense @ self._claim_dense_weights
        return _sigmoid(scores + self._claim_bias)

    def source_probabilities(self, columns: np.ndarray) -> np.ndarray:
        """Probability that each source candidate (a row of hashed columns) is the source."""
        return _sigmoid(self._source_weights[columns].sum(axis=1) + self._source_bias)

    def _best_sources(
        self, tokens: ArticleTokens, cue_positions: np.ndarray, cue_first: np.ndarray, cue_last: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Token bounds of the best source span of each cue, first = -1 when none is likely."""
        first = np.full(len(cue_positions), -1, dtype=np.int64)
        last = np.full(len(cue_positions), -1, dtype=np.int64)
        candidates = source_candidates(tokens, cue_first, cue_last)
        if not len(candidates.cue_row):
            return first, last
        columns = source_features(tokens, candidates, tokens.word_ids[cue_positions], cue_first)
        scores = self._source_weights[columns].sum(axis=1) + self._source_bias
        best_rows, best_scores = _best_per_group(candidates.cue_row, np.arange(len(scores)), scores)
        likely = best_rows[_sigmoid(best_scores) >= self._source_threshold]
        rows = candidates.cue_row[likely]
        first[rows] = candidates.first[likely]
        last[rows] = candidates.last[likely]
        return first, last


def _best_per_group(groups: np.ndarray, items: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each distinct group (``groups`` non-decreasing), the item with the highest value
    and that value; ties go to the earliest item. No sort: one maximum per run of equal
    groups, then the first entry of each run that reaches it."""
    heads = np.empty(len(groups), dtype=bool)
    heads[:1] = True
    np.not_equal(groups[1:], groups[:-1], out=heads[1:])
    group_number = np.cumsum(heads) - 1
    at_best = np.flatnonzero(values == np.maximum.reduceat(values, np.flatnonzero(heads))[group_number])
    numbers = group_number[at_best]
    firsts = np.empty(len(at_best), dtype=bool)
    firsts[:1] = True
    np.not_equal(numbers[1:], numbers[:-1], out=firsts[1:])
    chosen = at_best[firsts]
    return items[chosen], values[chosen]


def _sigmoid(scores: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(scores)))
