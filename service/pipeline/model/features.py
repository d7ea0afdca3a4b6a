"""Hashed features for the attribution model, built as numpy arrays once per article.

The model runs on every claim of every request, so nothing here makes a Python object per
token beyond what one regex pass yields. An article is tokenised once; every token gets a
vocabulary id, a shape and its claim's bounds as array entries; then features exist only
for *candidates*:

- a cue candidate is a token whose word is in the learned cue lexicon ("said", "told",
  "according", "believes", ...);
- a source candidate is a short span of tokens anchored next to a chosen cue (just before
  it, just after it, before a comma-delimited aside, or at the start of the claim).

Each feature template combines one or two small integers (a word id, a shape, a bucketed
distance) and is hashed into ``2 ** HASH_BITS`` columns by multiplicative hashing, so a
candidate is one fixed-width row of column indices and a linear model scores it as the sum
of its weights. Changing any template, the tokeniser or the hashing changes what the
weights mean: bump ``FEATURE_SCHEMA_VERSION`` so stale artefacts are refused at load.
The article's tokens, word ids and per-token arrays come from ``article.py``.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..text.tokens import SHAPE_OUTSIDE, SHAPE_UPPER
from .article import GOLDEN, OUTSIDE, PAD, UNKNOWN_WORD, ArticleTokens, Vocabulary

FEATURE_SCHEMA_VERSION = 3
HASH_BITS = 17
HASH_WIDTH = 1 << HASH_BITS
CLAIM_HASH_BITS = 16
CLAIM_HASH_WIDTH = 1 << CLAIM_HASH_BITS
"""The claim stage has fewer templates than the candidate stages: half the columns."""
CLAIM_DENSE_WIDTH = 3
"""Real-valued claim features after the hashed ones: the scaled log-odds of the best and
second-best cue candidates, and whether there is a second."""

MAX_SOURCE_TOKENS = 8
MAX_CUE_PHRASE_TOKENS = 3
"""Cue phrases stay tight: "according to", "told reporters", never "said in a statement on"."""
MAX_ASIDE_TOKENS = 25
"""How far back "Smith, who ... , said" may look for the comma that opens the aside."""

# Where a source candidate is anchored relative to its cue.
ANCHOR_COUNT = 6
ANCHOR_BEFORE, ANCHOR_BEFORE_SKIP, ANCHOR_BEFORE_ASIDE, ANCHOR_AFTER, ANCHOR_AFTER_SKIP, ANCHOR_CLAIM_START = range(ANCHOR_COUNT)
ANCHORS_ENDING_AT = (ANCHOR_BEFORE, ANCHOR_BEFORE_SKIP, ANCHOR_BEFORE_ASIDE)
"""Anchors whose candidates end at the anchor token and grow leftwards."""
_GROWS_LEFT = np.isin(np.arange(ANCHOR_COUNT), ANCHORS_ENDING_AT)
_LENGTHS = np.arange(1, MAX_SOURCE_TOKENS + 1)
_FIRST_OFFSETS = np.where(_GROWS_LEFT[:, None], 1 - _LENGTHS, 0)
_LAST_OFFSETS = np.where(_GROWS_LEFT[:, None], 0, _LENGTHS - 1)
"""Token bounds of each anchor's candidates (anchor kind x length) relative to the anchor."""

CUE_TEMPLATE_BASE = 0
SOURCE_TEMPLATE_BASE = 32
CLAIM_TEMPLATE_BASE = 64
_HASH_SHIFT = np.uint64(64 - HASH_BITS)
_DISTANCE_EDGES = np.array([1, 2, 3, 4, 7, 11, 16])


@dataclass(frozen=True, slots=True)
class SourceCandidates:
    """Source spans for a batch of cues: ``cue_row[i]`` is the cue row span ``i`` belongs to
    (non-decreasing: spans come cue by cue),
    ``first``/``last`` its token bounds and ``anchor`` how it was found."""

    cue_row: np.ndarray
    first: np.ndarray
    last: np.ndarray
    anchor: np.ndarray


def cue_candidates(tokens: ArticleTokens, is_cue_word: np.ndarray) -> np.ndarray:
    """Token numbers of the claim tokens whose word is in the cue lexicon, in text order."""
    return (is_cue_word[tokens.word_ids] & (tokens.claim_of >= 0)).nonzero()[0]


def hash_templates(first_base: int, values: Sequence[tuple[np.ndarray | int, np.ndarray | int]], rows: int) -> np.ndarray:
    """Hashed column of every template for every row, shape ``(rows, len(values))``.

    Template ``k`` (numbered from ``first_base``) pairs ``values[k] = (a, b)``, each an array
    of one entry per row or a constant. Key = template, a, b packed into 64 bits; its
    column is the top ``HASH_BITS`` bits of key times the golden ratio (Fibonacci hashing).
    One hashing pass for all templates keeps numpy's per-call cost out of the hot path: the
    values are laid end to end (``np.concatenate``), templates first.
    """
    constants: dict[int, np.ndarray] = {}

    def row_of(value: np.ndarray | int) -> np.ndarray:
        if isinstance(value, np.ndarray):
            return value
        if value not in constants:
            constants[value] = np.full(rows, value, dtype=np.int64)
        return constants[value]

    # laid end to end as int64, then read as uint64 in place: the bits ``astype`` would give, without the copy
    firsts = np.concatenate([row_of(first) for first, _ in values], dtype=np.int64).view(np.uint64)
    seconds = np.concatenate([row_of(second) for _, second in values], dtype=np.int64).view(np.uint64)
    keys = firsts.reshape(len(values), rows)
    keys <<= np.uint64(24)
    keys ^= seconds.reshape(len(values), rows)
    keys ^= _template_keys(first_base, len(values))
    keys *= GOLDEN
    keys >>= _HASH_SHIFT
    return keys.view(np.int64).T


@functools.cache
def _template_keys(first_base: int, count: int) -> np.ndarray:
    return (np.arange(first_base, first_base + count, dtype=np.uint64) << np.uint64(48))[:, None]


def _neighbours(tokens: ArticleTokens, near: np.ndarray, low: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Word ids and shapes at the token numbers ``near`` (one row per anchor, at most ``PAD``
    tokens beyond the text), OUTSIDE where that falls outside the anchor's claim, which spans
    tokens ``low`` to ``high`` (one entry per row). One gather for every neighbour of every
    anchor: numpy's cost per call, not per entry, is what a few dozen candidates pay."""
    outside = (near < low[:, None]) | (near > high[:, None])
    padded = near + PAD
    words = tokens.padded_ids[padded]
    words[outside] = OUTSIDE
    shapes = tokens.padded_shapes[padded]
    shapes[outside] = SHAPE_OUTSIDE
    return words, shapes


_CUE_NEIGHBOURS = np.array([-2, -1, 1, 2])
"""Offsets of the cue features' neighbour tokens: the two before and the two after."""


def _bucket(distances: np.ndarray) -> np.ndarray:
    return _DISTANCE_EDGES.searchsorted(distances, side="right")


def cue_features(tokens: ArticleTokens, positions: np.ndarray) -> np.ndarray:
    """One row of hashed columns per cue candidate: the word, its neighbours and shapes,
    quotation state, how many quotation marks its claim has and where it stands in it."""
    word = tokens.word_ids[positions]
    claim_first = tokens.claim_first[positions]
    claim_last = tokens.claim_last[positions]
    words, shapes = _neighbours(tokens, positions[:, None] + _CUE_NEIGHBOURS, claim_first, claim_last)
    before_previous, previous, following, after_following = words.T
    previous_shape, following_shape = shapes[:, 1], shapes[:, 2]
    from_start = _bucket(positions - claim_first)
    to_end = _bucket(claim_last - positions)
    quoted = tokens.in_quote[positions].astype(np.int64)
    claim_quotes = tokens.quotes_before[claim_last + 1] - tokens.quotes_before[claim_first]
    return hash_templates(
        CUE_TEMPLATE_BASE,
        [
            (0, 0),
            (word, 0),
            (previous, 0),
            (following, 0),
            (before_previous, 0),
            (after_following, 0),
            (previous_shape, following_shape),
            (word, previous),
            (word, following),
            (word, previous_shape),
            (word, following_shape),
            (word, quoted),
            (word, from_start),
            (word, to_end),
            (word, tokens.shapes[positions]),
            (quoted, from_start * 16 + to_end),
            (word, before_previous),
            (word, after_following),
            (previous, following),
            (word, np.minimum(claim_quotes, 3)),
        ],
        len(positions),
    )


def source_candidates(tokens: ArticleTokens, cue_first: np.ndarray, cue_last: np.ndarray) -> SourceCandidates:
    """Every short span anchored next to each cue that stays in the cue's claim, crosses no
    comma, quotation mark or other clause break, and does not touch the cue itself."""
    claim_first = tokens.claim_first[cue_first]
    claim_last = tokens.claim_last[cue_first]
    anchors = np.array(
        [
            cue_first - 1,
            cue_first - 2,
            _aside_end(tokens, cue_first),
            cue_last + 1,
            cue_last + 2,
            claim_first,
        ]
    ).T[:, :, None]
    first = anchors + _FIRST_OFFSETS
    last = anchors + _LAST_OFFSETS
    valid = (first >= claim_first[:, None, None]) & (last <= claim_last[:, None, None]) & (anchors >= 0)
    valid &= (last < cue_first[:, None, None]) | (first > cue_last[:, None, None])
    cue_rows, anchor_kinds, _ = valid.nonzero()  # in the order of first[valid]
    first, last = first[valid], last[valid]
    unbroken = tokens.breaks_before[last + 1] == tokens.breaks_before[first]  # in range: inside a claim
    return SourceCandidates(cue_rows[unbroken], first[unbroken], last[unbroken], anchor_kinds[unbroken])


def _aside_end(tokens: ArticleTokens, cue_first: np.ndarray) -> np.ndarray:
    """For "Smith, who ... , said": the token before the comma that opens the aside (the
    nearest comma before the one just before the cue, within ``MAX_ASIDE_TOKENS`` and the
    claim), or -1."""
    commas = tokens.commas
    ends = np.full(len(cue_first), -1, dtype=np.int64)
    if len(commas) < 2:
        return ends
    closing = commas.searchsorted(cue_first - 1)
    has_closing = (closing < len(commas)) & (closing > 0)
    has_closing[has_closing] = commas[closing[has_closing]] == cue_first[has_closing] - 1
    opening = commas[np.maximum(closing - 1, 0)]
    low = np.maximum(tokens.claim_first[cue_first], cue_first - 1 - MAX_ASIDE_TOKENS)
    found = has_closing & (opening >= low)
    ends[found] = opening[found] - 1
    return ends


def source_features(tokens: ArticleTokens, candidates: SourceCandidates, cue_word: np.ndarray, cue_first: np.ndarray) -> np.ndarray:
    """One row of hashed columns per source candidate: its edge words and shapes, the words
    around it, its length and capitalisation, and how it is anchored to which cue word."""
    first, last, anchor = candidates.first, candidates.last, candidates.anchor
    cue = cue_word[candidates.cue_row]
    reference = cue_first[candidates.cue_row]
    length = last - first + 1
    capitalised = tokens.capitalised_before[last + 1] - tokens.capitalised_before[first]
    around, around_shapes = _neighbours(
        tokens, np.array([first - 1, last + 1]).T, tokens.claim_first[reference], tokens.claim_last[reference]
    )
    before, after = around.T
    first_word = tokens.word_ids[first]
    last_word = tokens.word_ids[last]
    first_shape = tokens.shapes[first]
    last_shape = tokens.shapes[last]
    return hash_templates(
        SOURCE_TEMPLATE_BASE,
        [
            (anchor, 0),
            (anchor, cue),
            (anchor, length),
            (first_word, 0),
            (last_word, 0),
            (before, 0),
            (after, 0),
            (anchor * 8 + first_shape, last_shape),
            (around_shapes[:, 0], around_shapes[:, 1]),
            (anchor, before),
            (anchor, after),
            (length, capitalised),
            (first_word, last_word),
            (anchor, tokens.in_quote[first].astype(np.int64)),
            (anchor, _bucket(np.abs(reference - first))),
            (first_word, length),
            (last_word, cue),
        ],
        len(first),
    )


@dataclass(frozen=True, slots=True)
class CuePhrases:
    """Learned cue phrases ("according to", "has said", "told reporters") as sorted keys of
    their word ids, two- and three-word ones apart, for ``cue_extents``."""

    id_count: int
    pairs: np.ndarray
    triples: np.ndarray

    @classmethod
    def build(cls, vocabulary: Vocabulary, phrases: Iterable[Sequence[str]]) -> CuePhrases:
        """A phrase with a word the vocabulary does not know is dropped: every unknown word
        shares one id, so it could not be told apart."""
        base = vocabulary.id_count
        keys: dict[int, set[int]] = {2: set(), 3: set()}
        for phrase in phrases:
            ids = [vocabulary.id_of(word) for word in phrase]
            if len(ids) in keys and UNKNOWN_WORD not in ids:
                key = 0
                for number in ids:
                    key = key * base + number
                keys[len(ids)].add(key)
        return cls(base, np.array(sorted(keys[2]), dtype=np.int64), np.array(sorted(keys[3]), dtype=np.int64))

    def __len__(self) -> int:
        return len(self.pairs) + len(self.triples)


_WINDOW_OFFSETS = np.array([2, 1, 0, 1, 0])
_WINDOW_SIZES = np.array([3, 3, 3, 2, 2])
_WINDOW_STEPS = np.arange(3)


def _contains(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    if not len(sorted_keys):
        return np.zeros(keys.shape, dtype=bool)
    where = np.minimum(sorted_keys.searchsorted(keys), len(sorted_keys) - 1)
    return sorted_keys[where] == keys


def cue_extents(tokens: ArticleTokens, positions: np.ndarray, phrases: CuePhrases) -> tuple[np.ndarray, np.ndarray]:
    """Token bounds of the cue around each candidate position: the longest learned cue
    phrase within the claim that covers it (the earliest of equally long ones), else the
    word alone."""
    first = positions.copy()
    last = positions.copy()
    if not len(positions):
        return first, last
    # Every window of three, then of two, words covering each position, earliest first.
    starts = positions[:, None] - _WINDOW_OFFSETS
    ids = tokens.padded_ids[starts[:, :, None] + _WINDOW_STEPS + PAD]  # (positions, windows, 3)
    base = phrases.id_count
    pair_keys = ids[:, :, 0] * base + ids[:, :, 1]
    hits = np.empty(starts.shape, dtype=bool)
    hits[:, :3] = _contains(phrases.triples, pair_keys[:, :3] * base + ids[:, :3, 2])
    hits[:, 3:] = _contains(phrases.pairs, pair_keys[:, 3:])
    hits &= starts >= tokens.claim_first[positions][:, None]
    hits &= starts + _WINDOW_SIZES - 1 <= tokens.claim_last[positions][:, None]
    found = hits.any(axis=1)
    window = hits.argmax(axis=1)[found]
    first[found] = starts[found, window]
    last[found] = first[found] + _WINDOW_SIZES[window] - 1
    return first, last


@dataclass(frozen=True, slots=True)
class ClaimRows:
    """The claim stage's rows: one per claim that has a cue candidate. ``claims`` are the
    claim numbers (ascending), ``best``/``second`` the token numbers of their two most
    probable candidates (``second`` -1 when there is one), ``columns`` the hashed columns
    and ``dense`` the real-valued features (``CLAIM_DENSE_WIDTH`` each)."""

    claims: np.ndarray
    best: np.ndarray
    second: np.ndarray
    columns: np.ndarray
    dense: np.ndarray


_NEIGHBOUR_OTHER, _NEIGHBOUR_QUOTE, _NEIGHBOUR_COMMA, _NEIGHBOUR_OUTSIDE = range(4)
_BESIDE = np.array([-1, 1])


def _probability_bucket(probabilities: np.ndarray) -> np.ndarray:
    return np.minimum((probabilities * 10).astype(np.int64), 9)


def _scaled_log_odds(probabilities: np.ndarray) -> np.ndarray:
    clipped = np.minimum(np.maximum(probabilities, 1e-4), 1 - 1e-4)
    return np.log(clipped / (1 - clipped)) / 4


def claim_features(tokens: ArticleTokens, vocabulary: Vocabulary, positions: np.ndarray, probabilities: np.ndarray) -> ClaimRows:
    """Claim-level rows over the cue classifier's output: how likely the best and second-best
    candidates are and which words they are, how many candidates clear 0.2 and 0.5, whether
    the best one stands beside a quotation mark or comma or inside a quotation, the claim's
    length and quotation marks, a transcript speaker label at its start ("WALLACE:"), quoted
    first person, a closing question mark. ``positions`` are cue candidates (text order)
    and ``probabilities`` the cue classifier's for them."""
    groups = tokens.claim_of[positions]  # non-decreasing: candidates come in text order
    order = np.lexsort((-probabilities, groups))  # stable: equal probabilities keep text order
    heads = np.empty(len(order), dtype=bool)
    heads[:1] = True
    np.not_equal(groups[1:], groups[:-1], out=heads[1:])
    head_index = heads.nonzero()[0]
    claims = groups[head_index]
    group_sizes = np.empty_like(head_index)
    group_sizes[:-1] = head_index[1:] - head_index[:-1]
    group_sizes[-1] = len(order) - head_index[-1]
    has_second = group_sizes > 1
    top_two = order[np.array([head_index, np.minimum(head_index + 1, len(order) - 1)])]  # (2, claims)
    best, second = positions[top_two]
    best_probability, second_probability = probabilities[top_two]
    second = np.where(has_second, second, -1)
    above_half = np.add.reduceat((probabilities >= 0.5).astype(np.int64), head_index)
    above_fifth = np.add.reduceat((probabilities >= 0.2).astype(np.int64), head_index)

    first = tokens.first_of_claim[claims]
    last = tokens.last_of_claim[claims]
    ids, shapes = tokens.padded_ids, tokens.padded_shapes
    quotes = tokens.quotes_before[last + 1] - tokens.quotes_before[first]
    first_person = (tokens.first_person_before[last + 1] > tokens.first_person_before[first]).astype(np.int64)
    speaker = (shapes[first + PAD] == SHAPE_UPPER) & (
        (ids[first + 1 + PAD] == vocabulary.colon)
        | ((shapes[first + 1 + PAD] == SHAPE_UPPER) & (ids[first + 2 + PAD] == vocabulary.colon))
    )
    question = (ids[last + PAD] == vocabulary.question) | (ids[last - 1 + PAD] == vocabulary.question)

    around = best[:, None] + _BESIDE  # the tokens just before and just after the best candidate
    word = ids[around + PAD]
    kind = np.where(vocabulary.is_quote[word], _NEIGHBOUR_QUOTE, np.where(word == vocabulary.comma, _NEIGHBOUR_COMMA, _NEIGHBOUR_OTHER))
    kind[(around < first[:, None]) | (around > last[:, None])] = _NEIGHBOUR_OUTSIDE
    beside = kind[:, 0] * 4 + kind[:, 1]
    best_word = tokens.word_ids[best]
    second_word = np.where(has_second, tokens.word_ids[np.maximum(second, 0)], OUTSIDE)
    buckets = _probability_bucket(probabilities[top_two])
    best_bucket = buckets[0]
    second_bucket = np.where(has_second, buckets[1], 10)
    quoted = tokens.in_quote[best].astype(np.int64)
    columns = hash_templates(
        CLAIM_TEMPLATE_BASE,
        [
            (0, 0),
            (best_word, 0),
            (best_word, best_bucket),
            (second_word, 0),
            (best_bucket, second_bucket),
            (np.minimum(above_half, 3), np.minimum(above_fifth, 4)),
            (np.minimum(group_sizes, 6), best_bucket),
            (np.minimum(quotes, 3), quoted),
            (beside, 0),
            (best_word, beside),
            (_bucket((last - first + 1) // 2), best_bucket),
            (speaker.astype(np.int64), best_bucket),
            (first_person * 2 + tokens.opens_quoted[claims], best_bucket),
            (question.astype(np.int64), best_bucket),
            (best_word, quoted),
            (_bucket(best - first), best_bucket),
        ],
        len(claims),
    ) >> (HASH_BITS - CLAIM_HASH_BITS)
    dense = np.empty((len(claims), CLAIM_DENSE_WIDTH))
    dense[:, :2] = _scaled_log_odds(probabilities[top_two]).T
    dense[:, 1] *= has_second
    dense[:, 2] = has_second
    return ClaimRows(claims, best, second, columns, dense)
