"""The attribution model: does a claim attribute its content, and to whom, via what cue.

Three logistic regressions trained on PolNeAR (``pip install -e '.[train]'`` then
``python -m training``; see ``resources/model/MODEL_CARD.md``):

1. the *cue* classifier scores every cue-lexicon token of an article ("said", "according",
   "believes");
2. the *claim* classifier reads each claim that has a candidate: its best and second-best
   candidates' probabilities and words, quotation marks, speaker labels and the like
   (``features.claim_features``). Its output is the claim's probability; the best candidate
   is kept as the claim's cue when that probability clears the tuned threshold;
3. the *source* classifier scores short spans anchored next to each kept cue and keeps the
   best when it clears its own threshold, so sources stay tight ("a US official", "he").

``AttributionModel`` is an estimator: ``fit`` learns the attributes ending in ``_`` (with
scikit-learn, imported only there), ``predict`` scores an article with numpy alone, ``save``
writes them as a numpy ``.npz`` (plain arrays, no pickle) with a JSON manifest beside it
(SHA-256, feature schema, training data, metrics), and ``load`` reads them back with
``allow_pickle=False`` after checking the manifest: a file training did not write, or one
built for other features or another layout, fails fast.
"""
from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..resources import file_sha256, manifest_path, resource_path
from ..records import Claim, ClaimPrediction, Span
from ..text.tokens import TextTokens
from .article import ArticleTokens, Vocabulary, tokenize
from .features import (
    FEATURE_SCHEMA_VERSION,
    ClaimRows,
    CuePhrases,
    claim_features,
    cue_candidates,
    cue_extents,
    cue_features,
    source_candidates,
    source_features,
)

MODEL_PATH_SETTING = "CREDENCE_MODEL_PATH"
DEFAULT_MODEL_PATH = resource_path("model/attribution.npz")
ARTEFACT_FORMAT = 4
"""Layout of the artefact; 3: a joblib dict with the claim stage; 4: the same arrays in a numpy .npz."""
LEARNED = (
    "words_",
    "is_cue_word_",
    "cue_phrases_",
    "cue_weights_",
    "cue_bias_",
    "source_weights_",
    "source_bias_",
    "claim_weights_",
    "claim_dense_weights_",
    "claim_bias_",
    "claim_threshold_",
    "source_threshold_",
    "no_candidate_probability_",
)
"""What ``fit`` learns and ``save`` writes, one array each (strings as unicode arrays)."""
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every member of the .npz is stamped so: the same model gives the same bytes (and SHA-256)."""


class ModelLoadError(RuntimeError):
    """The model artefact is missing, not one we built, or built for other code."""


@dataclass(frozen=True)
class Hyperparameters:
    """Every knob of training, recorded in the manifest and the model card."""

    vocabulary_min_count: int = 2
    cue_word_min_count: int = 2
    cue_word_min_share: float = 0.1
    cue_phrase_min_count: int = 3
    cue_regularisation_c: float = 0.5
    source_regularisation_c: float = 0.5
    claim_regularisation_c: float = 0.1
    cross_fit_folds: int = 5
    threshold_grid_low: float = 0.1
    threshold_grid_high: float = 0.8
    threshold_grid_step: float = 0.025
    max_iterations: int = 3000

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


@dataclass
class AttributionModel:
    """Finds each claim's attribution cue and source with three linear classifiers."""

    hyperparameters: Hyperparameters = field(default_factory=Hyperparameters)
    version: str = "unfitted"

    def fit(self, documents: Sequence[Any], dev: Sequence[Any] = ()) -> AttributionModel:
        """Learn every attribute ending in ``_`` from PolNeAR ``documents`` (``fit_summary_``:
        what training saw); with ``dev`` (segmented documents), tune the two thresholds on it.
        Needs the ``train`` extra."""
        from training.fit import fit_attributes, tune_thresholds  # scikit-learn: training only

        fitted = fit_attributes(documents, self.hyperparameters)
        self.fit_summary_ = fitted.summary
        self.set_learned(fitted.learned)
        if dev:
            self.set_learned(tune_thresholds(self, dev))
        return self

    def set_learned(self, learned: Mapping[str, Any]) -> AttributionModel:
        """Set learned attributes (names ending in ``_``) and what serving derives from them."""
        for name, value in learned.items():
            if name not in LEARNED:
                raise ValueError(f"{name} is not a learned attribute")
            setattr(self, name, value)
        self.vocabulary_ = Vocabulary(self.words_)
        self.cue_phrase_set_ = CuePhrases.build(self.vocabulary_, self.cue_phrases_)
        return self

    def learned(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in LEARNED}

    def save(self, path: Path | str, name: str, record: Mapping[str, Any]) -> dict:
        """Write the learned arrays to ``path`` (.npz, byte-for-byte reproducible) and the
        manifest beside it; the version becomes ``name`` + the artefact's SHA-256 prefix.
        ``record`` (training data, metrics, versions) goes into the manifest as given."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for attribute, array in _as_arrays(self.learned()).items():
                buffer = io.BytesIO()
                np.lib.format.write_array(buffer, array, allow_pickle=False)
                member = zipfile.ZipInfo(f"{attribute}.npy", date_time=_FIXED_ZIP_TIME)
                member.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(member, buffer.getvalue())
        sha256 = file_sha256(path)
        self.version = f"{name}+{sha256[:10]}"
        manifest = {
            "model_version": self.version,
            "artefact": path.name,
            "sha256": sha256,
            "size_bytes": path.stat().st_size,
            "artefact_format": ARTEFACT_FORMAT,
            "feature_schema_version": FEATURE_SCHEMA_VERSION,
            "hyperparameters": self.hyperparameters.as_dict(),
            "thresholds": {"claim_threshold": float(self.claim_threshold_), "source_threshold": float(self.source_threshold_)},
            **record,
        }
        manifest_path(path).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return manifest

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
                "refusing a file training did not write"
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
        try:
            with np.load(model_path, allow_pickle=False) as arrays:
                missing = [name for name in LEARNED if f"{name}.npy" not in arrays.zip.namelist()]
                if missing:
                    raise ModelLoadError(f"{where}: artefact lacks {', '.join(missing)}")
                learned = _from_arrays({name: arrays[name] for name in LEARNED})
        except (OSError, ValueError, zipfile.BadZipFile) as error:
            raise ModelLoadError(f"{where}: unreadable as an .npz of plain arrays: {error}") from error
        hyperparameters = Hyperparameters(**manifest.get("hyperparameters", {}))
        return cls(hyperparameters, str(manifest["model_version"])).set_learned(learned)

    def predict(self, text: str, claims: Sequence[Claim], tokens: TextTokens | None = None) -> tuple[ClaimPrediction, ...]:
        """One prediction per claim, in the order given, for claims of ``text`` (whose
        tokens, the Document's, are read when given)."""
        probabilities = np.full(len(claims), self.no_candidate_probability_)
        cues: list[Span | None] = [None] * len(claims)
        sources: list[Span | None] = [None] * len(claims)
        tokens = tokenize(text, claims, self.vocabulary_, tokens)
        positions = cue_candidates(tokens, self.is_cue_word_)
        if len(positions):
            rows = claim_features(tokens, self.vocabulary_, positions, self.cue_probabilities(cue_features(tokens, positions)))
            claim_probabilities = self.claim_probabilities(rows)
            best_claims = rows.claims
            probabilities[best_claims] = claim_probabilities
            kept = claim_probabilities >= self.claim_threshold_
            if kept.any():
                kept_positions = rows.best[kept]
                cue_first, cue_last = cue_extents(tokens, kept_positions, self.cue_phrase_set_)
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
        return _sigmoid(_row_sums(self.cue_weights_[columns]) + self.cue_bias_)

    def claim_probabilities(self, rows: ClaimRows) -> np.ndarray:
        """Probability that each claim row's claim is attributed."""
        scores = _row_sums(self.claim_weights_[rows.columns]) + rows.dense @ self.claim_dense_weights_
        return _sigmoid(scores + self.claim_bias_)

    def source_probabilities(self, columns: np.ndarray) -> np.ndarray:
        """Probability that each source candidate (a row of hashed columns) is the source."""
        return _sigmoid(_row_sums(self.source_weights_[columns]) + self.source_bias_)

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
        scores = _row_sums(self.source_weights_[columns]) + self.source_bias_
        best_rows, best_scores = _best_per_group(candidates.cue_row, np.arange(len(scores)), scores)
        likely = best_rows[_sigmoid(best_scores) >= self.source_threshold_]
        rows = candidates.cue_row[likely]
        first[rows] = candidates.first[likely]
        last[rows] = candidates.last[likely]
        return first, last


def _as_arrays(learned: Mapping[str, Any]) -> dict[str, np.ndarray]:
    """Learned attributes as plain numpy arrays: cue phrases as space-joined strings."""
    arrays = dict(learned)
    arrays["words_"] = np.array(learned["words_"], dtype=np.str_)
    arrays["cue_phrases_"] = np.array([" ".join(phrase) for phrase in learned["cue_phrases_"]], dtype=np.str_)
    return {name: np.asarray(value) for name, value in arrays.items()}


def _from_arrays(arrays: Mapping[str, np.ndarray]) -> dict[str, Any]:
    """The inverse of ``_as_arrays``: words and phrases as tuples, scalars as floats."""
    learned: dict[str, Any] = {}
    for name, array in arrays.items():
        if array.ndim == 0:
            learned[name] = float(array)
        elif name == "words_":
            learned[name] = tuple(array.tolist())
        elif name == "cue_phrases_":
            learned[name] = tuple(tuple(phrase.split(" ")) for phrase in array.tolist())
        elif name == "is_cue_word_":
            learned[name] = np.asarray(array, dtype=bool)
        else:
            learned[name] = np.ascontiguousarray(array, dtype=np.float64)
    return learned


def _best_per_group(groups: np.ndarray, items: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each distinct group (``groups`` non-decreasing), the item with the highest value
    and that value; ties go to the earliest item. No sort: one maximum per run of equal
    groups, then the first entry of each run that reaches it."""
    heads = np.empty(len(groups), dtype=bool)
    heads[:1] = True
    np.not_equal(groups[1:], groups[:-1], out=heads[1:])
    group_number = heads.cumsum() - 1
    at_best = (values == np.maximum.reduceat(values, heads.nonzero()[0])[group_number]).nonzero()[0]
    numbers = group_number[at_best]
    firsts = np.empty(len(at_best), dtype=bool)
    firsts[:1] = True
    np.not_equal(numbers[1:], numbers[:-1], out=firsts[1:])
    chosen = at_best[firsts]
    return items[chosen], values[chosen]


def _row_sums(weights: np.ndarray) -> np.ndarray:
    """``weights.sum(axis=1)`` (the same reduction) without the method's Python wrapper."""
    return np.add.reduce(weights, axis=1)


def _sigmoid(scores: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(scores)))
