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
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .types import Claim

FEATURE_SCHEMA_VERSION = 1
HASH_BITS = 17
HASH_WIDTH = 1 << HASH_BITS

TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
"""Words (keeping "Kiev's" whole) and single punctuation marks; together with whitespace
they partition the text, so offsets are exact."""

UNKNOWN_WORD = 0
"""Vocabulary id of a word not seen often enough in training."""
OUTSIDE = 1
"""Id standing for "no token here": a neighbour beyond the claim's first or last token."""
FIRST_WORD_ID = 2

SHAPE_PUNCT, SHAPE_DIGIT, SHAPE_LOWER, SHAPE_CAPITALISED, SHAPE_UPPER, SHAPE_OUTSIDE = range(6)

QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})
SPAN_BREAKS = frozenset({",", ";", ":", '"', "\u201c", "\u201d", "!", "?", "\u2014", "\u2013", "\u2026", "[", "]"})
"""Tokens a source span never crosses: a source is a short noun phrase, not a clause."""

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

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_HASH_SHIFT = np.uint64(64 - HASH_BITS)
_DISTANCE_EDGES = np.array([1, 2, 3, 4, 7, 11, 16])


@dataclass(frozen=True, slots=True)
class ArticleTokens:
    """One article's tokens as parallel arrays (index = token number).

    ``claim_first``/``claim_last`` are the token bounds of the claim a token stands in and
    ``claim_of`` that claim's position in the sequence given (all -1 outside every claim); ``in_quote`` says whether a double quotation is open there.
    """

    words: list[str]
    starts: np.ndarray
    ends: np.ndarray
    word_ids: np.ndarray
    shapes: np.ndarray
    claim_first: np.ndarray
    claim_last: np.ndarray
    claim_of: np.ndarray
    in_quote: np.ndarray
    breaks_before: np.ndarray
    """``breaks_before[i]``: how many span-breaking tokens precede token ``i`` (a prefix count,
    length n + 1), so a span crosses none when the counts at its ends agree."""
    capitalised_before: np.ndarray


@dataclass(frozen=True, slots=True)
class SourceCandidates:
    """Source spans for a batch of cues: ``cue_row[i]`` is the cue row span ``i`` belongs to,
    ``first``/``last`` its token bounds and ``anchor`` how it was found."""

    cue_row: np.ndarray
    first: np.ndarray
    last: np.ndarray
    anchor: np.ndarray


def tokenize(text: str, claims: Sequence[Claim], vocabulary: Mapping[str, int]) -> ArticleTokens:
    """Tokenise ``text`` once and lay out everything the feature templates need."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two; keep offsets exact
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    pairs = [(match.start(), match.group()) for match in TOKEN.finditer(lowered)]
    words = [word for _, word in pairs]
    count = len(words)
    starts = np.fromiter((start for start, _ in pairs), dtype=np.int64, count=count)
    ends = starts + np.fromiter(map(len, words), dtype=np.int64, count=count)
    word_ids = np.fromiter((vocabulary.get(word, UNKNOWN_WORD) for word in words), dtype=np.int64, count=count)
    shapes = _shapes(text, starts, ends)

    claim_first = np.full(count, -1, dtype=np.int64)
    claim_last = np.full(count, -1, dtype=np.int64)
    claim_of = np.full(count, -1, dtype=np.int64)
    is_quote = np.fromiter((word in QUOTE_MARKS for word in words), dtype=bool, count=count)
    in_quote = np.zeros(count, dtype=bool)
    quotes_before = np.concatenate(([0], np.cumsum(is_quote)))
    for number, claim in enumerate(claims):
        first = int(np.searchsorted(starts, claim.start))
        last = int(np.searchsorted(ends, claim.end, side="right")) - 1
        if last < first:
            continue
        claim_first[first : last + 1] = first
        claim_last[first : last + 1] = last
        claim_of[first : last + 1] = number
        opened = (quotes_before[first : last + 1] - quotes_before[first]) % 2 == 1
        in_quote[first : last + 1] = opened ^ claim.opens_inside_quote
    is_break = np.fromiter((word in SPAN_BREAKS for word in words), dtype=bool, count=count)
    return ArticleTokens(
        words=words,
        starts=starts,
        ends=ends,
        word_ids=word_ids,
        shapes=shapes,
        claim_first=claim_first,
        claim_last=claim_last,
        claim_of=claim_of,
        in_quote=in_quote,
        breaks_before=np.concatenate(([0], np.cumsum(is_break | (claim_of < 0)))),
        capitalised_before=np.concatenate(([0], np.cumsum(shapes >= SHAPE_CAPITALISED))),
    )


def _shapes(text: str, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Shape of every token from its first two code points, without a per-token call."""
    shapes = np.full(len(starts), SHAPE_PUNCT, dtype=np.int64)
    if not len(starts):
        return shapes
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    first = codes[starts]
    second = np.where(ends - starts > 1, codes[np.minimum(starts + 1, len(codes) - 1)], 0)
    upper_first, lower_first, digit_first = _char_classes(first)
    upper_second, _, _ = _char_classes(second)
    shapes[digit_first] = SHAPE_DIGIT
    shapes[lower_first] = SHAPE_LOWER
    shapes[upper_first] = SHAPE_CAPITALISED
    shapes[upper_first & upper_second] = SHAPE_UPPER
    return shapes


def _char_classes(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    upper = (codes >= 65) & (codes <= 90)
    lower = (codes >= 97) & (codes <= 122)
    digit = (codes >= 48) & (codes <= 57)
    non_ascii = codes > 127
    if non_ascii.any():  # rare: ask Python only about the distinct non-ASCII characters
        distinct = np.unique(codes[non_ascii])
        upper_set = np.array([chr(c).isupper() for c in distinct])
        lower_set = np.array([chr(c).islower() for c in distinct])
        digit_set = np.array([chr(c).isdigit() for c in distinct])
        where = np.searchsorted(distinct, codes[non_ascii])
        upper[non_ascii], lower[non_ascii], digit[non_ascii] = upper_set[where], lower_set[where], digit_set[where]
    return upper, lower, digit


def cue_candidates(tokens: ArticleTokens, is_cue_word: np.ndarray) -> np.ndarray:
    """Token numbers of the claim tokens whose word is in the cue lexicon, in text order."""
    return np.flatnonzero(is_cue_word[tokens.word_ids] & (tokens.claim_of >= 0))


def hash_features(template: int, first: np.ndarray, second: np.ndarray | int = 0) -> np.ndarray:
    """Column of the feature ``template(first, second)`` for each row (Fibonacci hashing)."""
    key = (np.uint64(template) << np.uint64(48)) ^ (np.asarray(first).astype(np.uint64) << np.uint64(24))
    key = key ^ np.asarray(second).astype(np.uint64)
    return ((key * _GOLDEN) >> _HASH_SHIFT).astype(np.int64)


def _word_at(tokens: ArticleTokens, positions: np.ndarray, anchor: np.ndarray) -> np.ndarray:
    """Word ids at ``positions``, or OUTSIDE where that falls outside the claim of ``anchor``."""
    inside = (positions >= tokens.claim_first[anchor]) & (positions <= tokens.claim_last[anchor])
    return np.where(inside, tokens.word_ids[np.clip(positions, 0, len(tokens.word_ids) - 1)], OUTSIDE)


def _shape_at(tokens: ArticleTokens, positions: np.ndarray, anchor: np.ndarray) -> np.ndarray:
    inside = (positions >= tokens.claim_first[anchor]) & (positions <= tokens.claim_last[anchor])
    return np.where(inside, tokens.shapes[np.clip(positions, 0, len(tokens.shapes) - 1)], SHAPE_OUTSIDE)


def _bucket(distances: np.ndarray) -> np.ndarray:
    return np.searchsorted(_DISTANCE_EDGES, distances, side="right")


def cue_features(tokens: ArticleTokens, positions: np.ndarray) -> np.ndarray:
    """One row of hashed columns per cue candidate: the word, its neighbours and shapes,
    quotation state and where it stands in its claim."""
    word = tokens.word_ids[positions]
    previous = _word_at(tokens, positions - 1, positions)
    following = _word_at(tokens, positions + 1, positions)
    previous_shape = _shape_at(tokens, positions - 1, positions)
    following_shape = _shape_at(tokens, positions + 1, positions)
    from_start = _bucket(positions - tokens.claim_first[positions])
    to_end = _bucket(tokens.claim_last[positions] - positions)
    quoted = tokens.in_quote[positions].astype(np.int64)
    columns = [
        hash_features(0, 0),
        hash_features(1, word),
        hash_features(2, previous),
        hash_features(3, following),
        hash_features(4, _word_at(tokens, positions - 2, positions)),
        hash_features(5, _word_at(tokens, positions + 2, positions)),
        hash_features(6, previous_shape, following_shape),
        hash_features(7, word, previous),
        hash_features(8, word, following),
        hash_features(9, word, previous_shape),
        hash_features(10, word, following_shape),
        hash_features(11, word, quoted),
        hash_features(12, word, from_start),
        hash_features(13, word, to_end),
        hash_features(14, word, tokens.shapes[positions]),
        hash_features(15, quoted, from_start * 16 + to_end),
    ]
    return np.stack([np.broadcast_to(column, positions.shape) for column in columns], axis=1)


def source_candidates(tokens: ArticleTokens, cue_first: np.ndarray, cue_last: np.ndarray) -> SourceCandidates:
    """Every short span anchored next to each cue that stays in the cue's claim, crosses no
    comma, quotation mark or other clause break, and does not touch the cue itself."""
    claim_first = tokens.claim_first[cue_first]
    claim_last = tokens.claim_last[cue_first]
    anchors = np.stack(
        [
            cue_first - 1,
            cue_first - 2,
            _aside_end(tokens, cue_first),
            cue_last + 1,
            cue_last + 2,
            claim_first,
        ],
        axis=1,
    )
    lengths = np.arange(1, MAX_SOURCE_TOKENS + 1)
    grows_left = np.zeros(anchors.shape[1], dtype=bool)
    grows_left[list(ANCHORS_ENDING_AT)] = True
    first = np.where(grows_left[None, :, None], anchors[:, :, None] - lengths + 1, anchors[:, :, None])
    last = np.where(grows_left[None, :, None], anchors[:, :, None], anchors[:, :, None] + lengths - 1)
    cue_rows = np.broadcast_to(np.arange(len(cue_first))[:, None, None], first.shape)
    anchor_kinds = np.broadcast_to(np.arange(anchors.shape[1])[None, :, None], first.shape)
    low = claim_first[:, None, None]
    high = claim_last[:, None, None]
    valid = (first >= low) & (last <= high) & (anchors[:, :, None] >= 0)
    valid &= (last < cue_first[:, None, None]) | (first > cue_last[:, None, None])
    safe_first = np.clip(first, 0, len(tokens.words))
    safe_last = np.clip(last + 1, 0, len(tokens.words))
    valid &= tokens.breaks_before[safe_last] == tokens.breaks_before[safe_first]
    return SourceCandidates(cue_rows[valid], first[valid], last[valid], anchor_kinds[valid])


def _aside_end(tokens: ArticleTokens, cue_first: np.ndarray) -> np.ndarray:
    """For "Smith, who ... , said": the token before the comma that opens the aside, or -1."""
    words = tokens.words
    ends = np.full(len(cue_first), -1, dtype=np.int64)
    for row, cue in enumerate(cue_first.tolist()):
        if cue < 1 or words[cue - 1] != ",":
            continue
        low = max(int(tokens.claim_first[cue]), cue - 1 - MAX_ASIDE_TOKENS)
        for position in range(cue - 2, low - 1, -1):
            if words[position] == ",":
                ends[row] = position - 1
                break
    return ends


def source_features(tokens: ArticleTokens, candidates: SourceCandidates, cue_word: np.ndarray, cue_first: np.ndarray) -> np.ndarray:
    """One row of hashed columns per source candidate: its edge words and shapes, the words
    around it, its length and capitalisation, and how it is anchored to which cue word."""
    first, last, anchor = candidates.first, candidates.last, candidates.anchor
    cue = cue_word[candidates.cue_row]
    reference = cue_first[candidates.cue_row]
    length = last - first + 1
    capitalised = tokens.capitalised_before[last + 1] - tokens.capitalised_before[first]
    before = _word_at(tokens, first - 1, reference)
    after = _word_at(tokens, last + 1, reference)
    first_word = tokens.word_ids[first]
    last_word = tokens.word_ids[last]
    first_shape = tokens.shapes[first]
    last_shape = tokens.shapes[last]
    columns = [
        hash_features(20, anchor),
        hash_features(21, anchor, cue),
        hash_features(22, anchor, length),
        hash_features(23, first_word),
        hash_features(24, last_word),
        hash_features(25, before),
        hash_features(26, after),
        hash_features(27, anchor * 8 + first_shape, last_shape),
        hash_features(28, _shape_at(tokens, first - 1, reference), _shape_at(tokens, last + 1, reference)),
        hash_features(29, anchor, before),
        hash_features(30, anchor, after),
        hash_features(31, length, capitalised),
        hash_features(32, first_word, last_word),
        hash_features(33, anchor, tokens.in_quote[first].astype(np.int64)),
        hash_features(34, anchor, _bucket(np.abs(reference - first))),
        hash_features(35, first_word, length),
        hash_features(36, last_word, cue),
    ]
    return np.stack(columns, axis=1)


def cue_extent(tokens: ArticleTokens, position: int, phrases: frozenset[tuple[str, ...]]) -> tuple[int, int]:
    """Token bounds of the cue around candidate ``position``: the longest learned cue phrase
    ("according to", "has said", "told reporters") that covers it, else the word alone."""
    low, high = int(tokens.claim_first[position]), int(tokens.claim_last[position])
    best = (position, position)
    for first in range(max(low, position - MAX_CUE_PHRASE_TOKENS + 1), position + 1):
        for last in range(max(position, first + 1), min(high, first + MAX_CUE_PHRASE_TOKENS - 1) + 1):
            if last - first > best[1] - best[0] and tuple(tokens.words[first : last + 1]) in phrases:
                best = (first, last)
    return best
