"""Fitting the attribution model's lexicons and classifiers on PolNeAR train.

What is learned here becomes the estimator's attributes ending in ``_`` (see
``service.pipeline.model.attribution_model.LEARNED``): scikit-learn fits the classifiers,
``export_classifier`` turns each into plain arrays (coefficients, intercept), so serving
never imports it. joblib fits the cross-fitting folds in parallel.
Training rows are built by the same feature code the service runs, over the same claims
the service sees (``claims.segment``), so what is learned is what is scored.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from joblib import Parallel, delayed
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from service.pipeline.claims import segment
from service.pipeline.document import Document as Article
from service.pipeline.text.tokens import TOKEN
from service.pipeline.model.article import (
    ALWAYS_IN_VOCABULARY,
    FIRST_WORD_ID,
    ArticleTokens,
    Vocabulary,
    tokenize,
)
from service.pipeline.model.features import (
    ANCHORS_ENDING_AT,
    ANCHOR_COUNT,
    CLAIM_DENSE_WIDTH,
    CLAIM_HASH_WIDTH,
    HASH_WIDTH,
    MAX_CUE_PHRASE_TOKENS,
    CuePhrases,
    claim_features,
    cue_candidates,
    cue_extents,
    cue_features,
    source_candidates,
    source_features,
)
from service.pipeline.model import AttributionModel, Hyperparameters
from service.pipeline.records import Claim

from .evaluate import Scores, SegmentedDocument, model_reader, score
from .polnear import Document

SEED = 20240613


@dataclass(frozen=True)
class TrainingSummary:
    cue_rows: int
    cue_positives: int
    claim_rows: int
    claim_positives: int
    source_rows: int
    source_positives: int
    vocabulary_size: int
    cue_lexicon_size: int
    cue_phrase_count: int


class Fitted(NamedTuple):
    learned: dict
    """The estimator's learned attributes (``attribution_model.LEARNED``)."""
    summary: TrainingSummary
    classifiers: dict[str, LogisticRegression]
    """The fitted estimators the learned arrays were exported from (not saved)."""


def fit_attributes(documents: Sequence[Document], parameters: Hyperparameters) -> Fitted:
    """Learn the lexicons, then the three classifiers; return the learned attributes (with
    provisional 0.5 thresholds: ``tune_thresholds`` sets them on dev) and what training saw.

    The claim classifier reads the cue classifier's probabilities, so it is fitted on
    *out-of-fold* ones (cross-fitting): the articles are dealt into ``cross_fit_folds``
    folds in a seeded order, a cue classifier fitted on the other folds scores each fold,
    and the claim classifier learns from those scores, as unbiased as the ones serving sees
    on new text. The cue classifier shipped is fitted on every article."""
    words = learn_vocabulary((document.text for document in documents), parameters.vocabulary_min_count)
    vocabulary = Vocabulary(words)
    segmented = [segment(Article.of(document.text)).claims for document in documents]
    prepared = [(document, tokenize(document.text, claims, vocabulary)) for document, claims in zip(documents, segmented)]
    is_cue_word = learn_cue_words(prepared, vocabulary.id_count, parameters)
    cue_phrases = learn_cue_phrases(documents, parameters.cue_phrase_min_count)
    phrase_set = CuePhrases.build(vocabulary, cue_phrases)

    cue_rows, cue_labels, source_rows, source_labels, cue_positions = [], [], [], [], []
    for document, tokens in prepared:
        positions = cue_candidates(tokens, is_cue_word)
        cue_positions.append(positions)
        cue_rows.append(cue_features(tokens, positions))
        cue_labels.append(_inside_any(tokens, (a.cue for a in document.attributions))[positions])
        rows, labels = source_training_rows(document, tokens, is_cue_word, phrase_set)
        source_rows.append(rows)
        source_labels.append(labels)

    cue_classifier = _fit_classifier(cue_rows, cue_labels, parameters.cue_regularisation_c, parameters.max_iterations)
    out_of_fold = cross_fit_cue_probabilities(cue_rows, cue_labels, parameters)
    claim_columns, claim_dense, claim_labels = [], [], []
    for (document, tokens), claims, positions, probabilities in zip(prepared, segmented, cue_positions, out_of_fold):
        rows = claim_features(tokens, vocabulary, positions, probabilities)
        claim_columns.append(rows.columns)
        claim_dense.append(rows.dense)
        claim_labels.append(claim_labels_of(document, claims)[rows.claims])
    claim_classifier = _fit_claim_classifier(claim_columns, claim_dense, claim_labels, parameters)
    all_claim_labels = np.concatenate(claim_labels)
    source_classifier = _fit_classifier(
        source_rows, source_labels, parameters.source_regularisation_c, parameters.max_iterations
    )
    all_cue_labels = np.concatenate(cue_labels)
    all_source_labels = np.concatenate(source_labels)
    cue_weights, cue_bias = export_classifier(cue_classifier)
    source_weights, source_bias = export_classifier(source_classifier)
    claim_coefficients, claim_bias = export_classifier(claim_classifier)
    summary = TrainingSummary(
        cue_rows=len(all_cue_labels),
        cue_positives=int(all_cue_labels.sum()),
        claim_rows=len(all_claim_labels),
        claim_positives=int(all_claim_labels.sum()),
        source_rows=len(all_source_labels),
        source_positives=int(all_source_labels.sum()),
        vocabulary_size=len(vocabulary),
        cue_lexicon_size=int(is_cue_word.sum()),
        cue_phrase_count=len(cue_phrases),
    )
    learned = {
        "words_": words,
        "is_cue_word_": is_cue_word,
        "cue_phrases_": cue_phrases,
        "cue_weights_": cue_weights,
        "cue_bias_": cue_bias,
        "source_weights_": source_weights,
        "source_bias_": source_bias,
        "claim_weights_": np.ascontiguousarray(claim_coefficients[:CLAIM_HASH_WIDTH]),
        "claim_dense_weights_": np.ascontiguousarray(claim_coefficients[CLAIM_HASH_WIDTH:]),
        "claim_bias_": claim_bias,
        "claim_threshold_": 0.5,
        "source_threshold_": 0.5,
        "no_candidate_probability_": _no_candidate_share(prepared, is_cue_word),
    }
    return Fitted(learned, summary, {"cue": cue_classifier, "source": source_classifier, "claim": claim_classifier})


def cross_fit_folds(count: int, folds: int) -> np.ndarray:
    """The fold of each of ``count`` articles: a seeded shuffle dealt round-robin."""
    fold_of = np.empty(count, dtype=np.int64)
    fold_of[np.random.RandomState(SEED).permutation(count)] = np.arange(count) % max(1, min(folds, count))
    return fold_of


def cross_fit_cue_probabilities(
    cue_rows: Sequence[np.ndarray], cue_labels: Sequence[np.ndarray], parameters: Hyperparameters
) -> list[np.ndarray]:
    """Each article's cue-candidate probabilities from a cue classifier fitted without its fold."""
    fold_of = cross_fit_folds(len(cue_rows), parameters.cross_fit_folds)
    probabilities: list[np.ndarray] = [np.zeros(0)] * len(cue_rows)
    folds = np.unique(fold_of).tolist()
    fitted = Parallel(n_jobs=min(len(folds), os.cpu_count() or 1))(
        delayed(_fit_classifier)(
            [rows for rows, fold_number in zip(cue_rows, fold_of) if fold_number != fold],
            [labels for labels, fold_number in zip(cue_labels, fold_of) if fold_number != fold],
            parameters.cue_regularisation_c,
            parameters.max_iterations,
        )
        for fold in folds
    )
    for fold, classifier in zip(folds, fitted):
        weights, bias = export_classifier(classifier)
        for number in np.flatnonzero(fold_of == fold).tolist():
            probabilities[number] = 1.0 / (1.0 + np.exp(-(weights[cue_rows[number]].sum(axis=1) + bias)))
    return probabilities


def claim_labels_of(document: Document, claims: Sequence[Claim]) -> np.ndarray:
    """Whether a gold cue starts inside each claim: the claim-level truth ``evaluate`` scores."""
    starts = np.array(sorted(a.cue_start for a in document.attributions if a.cue), dtype=np.int64)
    claim_starts = np.fromiter((claim.start for claim in claims), dtype=np.int64, count=len(claims))
    claim_ends = np.fromiter((claim.end for claim in claims), dtype=np.int64, count=len(claims))
    return np.searchsorted(starts, claim_ends) > np.searchsorted(starts, claim_starts)


def claim_design_matrix(columns: np.ndarray, dense: np.ndarray) -> csr_matrix:
    """Claim rows as scikit-learn fits them: the hashed columns, then the dense features."""
    row_count, width = columns.shape
    hashed = csr_matrix(
        (np.ones(columns.size), columns.ravel(), np.arange(0, columns.size + 1, width)),
        shape=(row_count, CLAIM_HASH_WIDTH),
    )
    hashed.sum_duplicates()
    return hstack([hashed, csr_matrix(dense.reshape(row_count, CLAIM_DENSE_WIDTH))], format="csr")


def _fit_claim_classifier(
    column_blocks: list[np.ndarray], dense_blocks: list[np.ndarray], label_blocks: list[np.ndarray], parameters: Hyperparameters
) -> LogisticRegression:
    design = claim_design_matrix(np.concatenate(column_blocks), np.concatenate(dense_blocks))
    classifier = LogisticRegression(C=parameters.claim_regularisation_c, max_iter=parameters.max_iterations, random_state=SEED)
    with threadpool_limits(limits=1):  # see _fit_classifier
        return classifier.fit(design, np.concatenate(label_blocks))


def export_classifier(classifier: LogisticRegression) -> tuple[np.ndarray, float]:
    """A fitted binary logistic regression as plain data: its coefficients (one per hashed
    column, float64) and intercept. The model's sum of weights plus bias is the estimator's
    ``decision_function``, so the probabilities are the same (tests check it)."""
    return np.ascontiguousarray(classifier.coef_.ravel(), dtype=np.float64), float(classifier.intercept_[0])


def design_matrix(columns: np.ndarray) -> csr_matrix:
    """Rows of hashed column indexes as the sparse 0/1 (or count) matrix scikit-learn fits."""
    row_count, width = columns.shape
    design = csr_matrix(
        (np.ones(columns.size), columns.ravel(), np.arange(0, columns.size + 1, width)),
        shape=(row_count, HASH_WIDTH),
    )
    design.sum_duplicates()
    return design


def learn_vocabulary(texts: Iterable[str], min_count: int) -> tuple[str, ...]:
    """Lower-cased words seen at least ``min_count`` times (and the marks features look up
    by id), most frequent first, ties by spelling, so the ids are reproducible; the word at
    index ``i`` has id ``FIRST_WORD_ID + i``."""
    counts = Counter(word for text in texts for word in TOKEN.findall(text.lower()))
    kept = {word for word, count in counts.items() if count >= min_count} | ALWAYS_IN_VOCABULARY
    return tuple(sorted(kept, key=lambda word: (-counts[word], word)))


def learn_cue_words(
    prepared: Sequence[tuple[Document, ArticleTokens]], id_count: int, parameters: Hyperparameters
) -> np.ndarray:
    """The cue lexicon, as a mask over word ids: words that stand inside a gold cue often
    enough, both in number and as a share of their occurrences."""
    inside = np.zeros(id_count, dtype=np.int64)
    total = np.zeros(id_count, dtype=np.int64)
    for document, tokens in prepared:
        in_cue = _inside_any(tokens, (a.cue for a in document.attributions))
        np.add.at(total, tokens.word_ids, 1)
        np.add.at(inside, tokens.word_ids[in_cue], 1)
    share = inside / np.maximum(total, 1)
    mask = (inside >= parameters.cue_word_min_count) & (share >= parameters.cue_word_min_share)
    mask[:FIRST_WORD_ID] = False
    return mask


def learn_cue_phrases(documents: Iterable[Document], min_count: int) -> tuple[tuple[str, ...], ...]:
    """Multi-word gold cues of words only ("according to", "has said"), frequent enough,
    sorted so the artefact's bytes do not depend on string hashing."""
    counts: Counter[tuple[str, ...]] = Counter()
    for document in documents:
        for attribution in document.attributions:
            if attribution.cue:
                start, end = attribution.cue[0]
                words = tuple(TOKEN.findall(document.text[start:end].lower()))
                if 2 <= len(words) <= MAX_CUE_PHRASE_TOKENS and all(word[0].isalnum() for word in words):
                    counts[words] += 1
    return tuple(sorted(phrase for phrase, count in counts.items() if count >= min_count))


def source_training_rows(
    document: Document, tokens: ArticleTokens, is_cue_word: np.ndarray, cue_phrases: CuePhrases
) -> tuple[np.ndarray, np.ndarray]:
    """Source candidates around the first cue-lexicon token of every gold cue, labelled.

    For each anchor of a cue, the positive is the longest candidate lying wholly inside the
    cue's gold source whose anchored edge is the source's edge: a tight stand-in when the annotator's span is long or crosses a
    comma ("Smith, a spokesman for X"), and one consistent answer per anchor.
    """
    is_candidate = np.zeros(len(tokens), dtype=bool)
    is_candidate[cue_candidates(tokens, is_cue_word)] = True
    cue_positions, gold_masks = [], []
    for attribution in document.attributions:
        in_this_cue = np.flatnonzero(_inside_any(tokens, [attribution.cue]) & is_candidate)
        if len(in_this_cue):
            cue_positions.append(int(in_this_cue[0]))
            gold_masks.append(_inside_any(tokens, [attribution.sources]))
    cue_first, cue_last = cue_extents(tokens, np.array(cue_positions, dtype=np.int64), cue_phrases)
    candidates = source_candidates(tokens, cue_first, cue_last)
    rows = source_features(tokens, candidates, tokens.word_ids[np.array(cue_positions, dtype=np.int64)], cue_first)
    gold = np.array(gold_masks, dtype=np.int64).reshape(len(gold_masks), len(tokens))
    gold_before = np.concatenate([np.zeros((len(gold), 1), dtype=np.int64), np.cumsum(gold, axis=1)], axis=1)
    length = candidates.last - candidates.first + 1
    inside = (gold_before[candidates.cue_row, candidates.last + 1] - gold_before[candidates.cue_row, candidates.first]) == length
    # The edge at the anchor must be the gold edge too: "the Ukrainian" anchored one word
    # before "said" is wrong when the gold source is "the Ukrainian military".
    grows_left = np.isin(candidates.anchor, ANCHORS_ENDING_AT)
    beside = np.where(grows_left, candidates.last + 1, candidates.first - 1)
    padded = np.pad(gold, ((0, 0), (1, 1)))
    inside &= padded[candidates.cue_row, beside + 1] == 0
    group = candidates.cue_row * ANCHOR_COUNT + candidates.anchor
    longest = np.zeros(len(cue_positions) * ANCHOR_COUNT, dtype=np.int64)
    np.maximum.at(longest, group[inside], length[inside])
    return rows, inside & (length == longest[group])


def _inside_any(tokens: ArticleTokens, span_groups: Iterable[Sequence[tuple[int, int]]]) -> np.ndarray:
    """Which tokens start inside any of the character spans given."""
    inside = np.zeros(len(tokens), dtype=bool)
    for spans in span_groups:
        for start, end in spans:
            inside[np.searchsorted(tokens.starts, start) : np.searchsorted(tokens.starts, end)] = True
    return inside


def _no_candidate_share(prepared: Sequence[tuple[Document, ArticleTokens]], is_cue_word: np.ndarray) -> float:
    """How often a claim with no cue-lexicon word still has a gold cue: its probability."""
    positive = total = 0
    for document, tokens in prepared:
        with_candidate = set(tokens.claim_of[cue_candidates(tokens, is_cue_word)].tolist())
        with_cue = set(tokens.claim_of[_inside_any(tokens, (a.cue[:1] for a in document.attributions))].tolist())
        claims = set(tokens.claim_of[tokens.claim_of >= 0].tolist())
        without = claims - with_candidate
        total += len(without)
        positive += len(without & with_cue)
    return positive / total if total else 0.0


def _fit_classifier(
    row_blocks: list[np.ndarray], label_blocks: list[np.ndarray], regularisation_c: float, max_iterations: int
) -> LogisticRegression:
    design = design_matrix(np.concatenate(row_blocks))
    labels = np.concatenate(label_blocks)
    classifier = LogisticRegression(C=regularisation_c, max_iter=max_iterations, random_state=SEED)
    # One BLAS thread: sums split over threads round differently, and a rebuild (in this
    # process or in a joblib worker, on any machine) must give the same bytes.
    with threadpool_limits(limits=1):
        return classifier.fit(design, labels)


def tune_thresholds(model: AttributionModel, dev: Sequence[SegmentedDocument]) -> dict[str, float]:
    """Pick the claim threshold that maximises dev attribution F1, then the source threshold
    that maximises dev strict source F1 (the held-out scoring's variant). Dev only: the
    test split is never seen."""
    parameters = model.hyperparameters

    def scores_with(claim_threshold: float, source_threshold: float = 0.5) -> Scores:
        trial = AttributionModel(parameters, "tuning").set_learned(
            {**model.learned(), "claim_threshold_": claim_threshold, "source_threshold_": source_threshold}
        )
        return score(dev, model_reader(trial))

    grid = np.round(np.arange(parameters.threshold_grid_low, parameters.threshold_grid_high, parameters.threshold_grid_step), 4)
    claim_threshold = max(grid, key=lambda t: (scores_with(claim_threshold=t).attribution.f1, -t))
    source_threshold = max(
        grid, key=lambda t: (scores_with(claim_threshold=claim_threshold, source_threshold=t).source_strict.f1, -t)
    )
    return {"claim_threshold_": float(claim_threshold), "source_threshold_": float(source_threshold)}
