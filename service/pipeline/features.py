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
from itertools import repeat

import numpy as np

from .types import Claim

FEATURE_SCHEMA_VERSION = 2
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
ALWAYS_IN_VOCABULARY = QUOTE_MARKS | SPAN_BREAKS
"""Marks the features find by vocabulary id, so training must give each one an id."""

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

_SPACED_TOKEN = re.compile(rf"(\s*)({TOKEN.pattern})")
CUE_TEMPLATE_BASE = 0
SOURCE_TEMPLATE_BASE = 32
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_HASH_SHIFT = np.uint64(64 - HASH_BITS)
_DISTANCE_EDGES = np.array([1, 2, 3, 4, 7, 11, 16])


@dataclass(frozen=True, slots=True)
class ArticleTokens:
    """One article's tokens as parallel arrays (index = token number).

    ``claim_first``/``claim_last`` are the token bounds of the claim a token stands in and
    ``claim_of`` that claim's position in the sequence given (all -1 outside every claim); ``in_quote`` says whether a double quotation is open there.
    """

    words: tuple[str, ...]
    starts: np.ndarray
    ends: np.ndarray
    word_ids: np.ndarray
    shapes: np.ndarray
    claim_first: np.ndarray
    claim_last: np.ndarray
    claim_of: np.ndarray
    in_quote: np.ndarray
    quotes_before: np.ndarray
    """Prefix count of double quotation marks (length n + 1)."""
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
    """Tokenise ``text`` once and lay out everything the feature templates need.

    One ``findall`` yields each token with the whitespace before it; since the two
    partition the text, cumulative lengths give exact offsets without a match object per
    token. Claim membership and quotation state are then pure array arithmetic. The scan
    stops where trailing whitespace begins: every other character starts a token, but a
    whitespace run with no token after it would be rescanned from each of its positions
    (quadratic in its length).
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two; keep offsets exact
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    pieces = _SPACED_TOKEN.findall(lowered, 0, len(lowered.rstrip()))
    count = len(pieces)
    spaces, words = zip(*pieces) if pieces else ((), ())
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=count)
    ends = np.cumsum(np.fromiter(map(len, spaces), dtype=np.int64, count=count) + lengths)
    starts = ends - lengths
    word_ids = np.fromiter(map(vocabulary.get, words, repeat(UNKNOWN_WORD)), dtype=np.int64, count=count)
    shapes = _shapes(text, starts, ends)

    # Per-claim arrays end with a sentinel entry, so index -1 (no claim) reads "none".
    claim_starts = np.fromiter((claim.start for claim in claims), dtype=np.int64, count=len(claims))
    claim_ends = np.fromiter((claim.end for claim in claims), dtype=np.int64, count=len(claims))
    opens_quoted = np.append(np.fromiter((c.opens_inside_quote for c in claims), dtype=bool, count=len(claims)), False)
    first_tokens = np.append(np.searchsorted(starts, claim_starts), -1)
    last_tokens = np.append(np.searchsorted(ends, claim_ends, side="right") - 1, -1)
    claim_of = np.searchsorted(claim_starts, starts, side="right") - 1
    within = claim_of >= 0
    within[within] = ends[within] <= claim_ends[claim_of[within]]
    claim_of[~within] = -1
    claim_first = first_tokens[claim_of]
    claim_last = last_tokens[claim_of]

    is_quote = np.isin(word_ids, _ids_of(vocabulary, QUOTE_MARKS))
    quotes_before = np.concatenate(([0], np.cumsum(is_quote)))
    opened = (quotes_before[:-1] - quotes_before[np.maximum(claim_first, 0)]) % 2 == 1
    in_quote = within & (opened ^ opens_quoted[claim_of])
    is_break = np.isin(word_ids, _ids_of(vocabulary, SPAN_BREAKS))
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
        quotes_before=quotes_before,
        breaks_before=np.concatenate(([0], np.cumsum(is_break | (claim_of < 0)))),
        capitalised_before=np.concatenate(([0], np.cumsum(shapes >= SHAPE_CAPITALISED))),
    )


def _ids_of(vocabulary: Mapping[str, int], words: frozenset[str]) -> np.ndarray:
    return np.array([vocabulary[word] for word in words if word in vocabulary], dtype=np.int64)


def _shapes(text: str, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Shape of every token from its first two code points, without a per-token call."""
    shapes = np.full(len(starts), SHAPE_PUNCT, dtype=np.int64)
    if not len(starts):
        return shapes
    # "surrogatepass": a lone surrogate (valid in a JSON string) stays one code unit, so
    # indexes into ``codes`` remain character offsets.
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
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


def hash_templates(first_base: int, values: Sequence[tuple[np.ndarray | int, np.ndarray | int]], rows: int) -> np.ndarray:
    """Hashed column of every template for every row, shape ``(rows, len(values))``.

    Template ``k`` (numbered from ``first_base``) pairs ``values[k] = (a, b)``, each an array
    of one entry per row or a constant. Key = template, a, b packed into 64 bits; its
    column is the top ``HASH_BITS`` bits of key times the golden ratio (Fibonacci hashing).
    One hashing pass for all templates keeps numpy's per-call cost out of the hot path.
    """
    keys = np.empty((rows, len(values)), dtype=np.uint64)
    seconds = np.empty((rows, len(values)), dtype=np.uint64)
    for column, (first, second) in enumerate(values):
        keys[:, column] = first
        seconds[:, column] = second
    templates = np.arange(first_base, first_base + len(values), dtype=np.uint64) << np.uint64(48)
    keys = (keys << np.uint64(24)) ^ seconds ^ templates
    return ((keys * _GOLDEN) >> _HASH_SHIFT).astype(np.int64)


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
    quotation state, how many quotation marks its claim has and where it stands in it."""
    word = tokens.word_ids[positions]
    previous = _word_at(tokens, positions - 1, positions)
    following = _word_at(tokens, positions + 1, positions)
    previous_shape = _shape_at(tokens, positions - 1, positions)
    following_shape = _shape_at(tokens, positions + 1, positions)
    from_start = _bucket(positions - tokens.claim_first[positions])
    to_end = _bucket(tokens.claim_last[positions] - positions)
    quoted = tokens.in_quote[positions].astype(np.int64)
    before_previous = _word_at(tokens, positions - 2, positions)
    after_following = _word_at(tokens, positions + 2, positions)
    claim_quotes = tokens.quotes_before[tokens.claim_last[positions] + 1] - tokens.quotes_before[tokens.claim_first[positions]]
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
            (_shape_at(tokens, first - 1, reference), _shape_at(tokens, last + 1, reference)),
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
