"""Tokens of a text as numpy arrays: bounds, shapes and hashes from per-code-point tables.

``TOKEN`` says what a token is: a run of word characters (an apostrophe between two of
them joins the run, keeping "Kiev's" whole) or one other non-space character; with white
space they partition the text, so offsets are exact. ``token_bounds`` finds the same
tokens with array arithmetic over code points, with no Python object per token (the tests
hold the two equal on any text, lone surrogates included).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
"""Words (keeping "Kiev's" whole) and single punctuation marks; together with whitespace
they partition the text, so offsets are exact. ``tokenize`` finds the same tokens with
array arithmetic over code points (tests hold the two equal); training counts words with
this pattern."""

SHAPE_PUNCT, SHAPE_DIGIT, SHAPE_LOWER, SHAPE_CAPITALISED, SHAPE_UPPER, SHAPE_OUTSIDE = range(6)

# What the tokeniser reads of a character, one small integer per code point: its class as
# the ``re`` module sees it (\w: alphanumeric or "_"; \s: isspace) in the low two bits, its
# case for token shapes in the two above. Filled in as characters are first seen
# (``_char_info``), so Python's ``str`` predicates run once per distinct code point.
_SPACE, _WORD, _MARK, _APOSTROPHE = range(4)
"""An apostrophe is a mark unless it stands between two word characters."""
_CASE_SHIFT = 2
_CASE_OTHER, _CASE_DIGIT, _CASE_LOWER, _CASE_UPPER = range(4)
_SHAPE_OF_CASES = np.array(
    [SHAPE_PUNCT, SHAPE_DIGIT, SHAPE_LOWER, SHAPE_CAPITALISED, SHAPE_PUNCT, SHAPE_DIGIT, SHAPE_LOWER, SHAPE_UPPER], dtype=np.int64
)
"""Token shape by the case of its first character, plus 4 when its second is upper case."""
_CHAR_INFO = np.full(0x110000, -1, dtype=np.int8)
"""Per code point; -1 until the character is first seen."""
_LENGTH_KEY = np.uint64(0x94D049BB133111EB)
_CHAR_KEY = np.uint64(0xBF58476D1CE4E5B9)
_POWER_BASE = 0xC2B2AE3D27D4EB4F
_POWER_INVERSE = pow(_POWER_BASE, -1, 1 << 64)


def _describe(code: int) -> int:
    char = chr(code)
    if char.isalnum() or code == 95:
        kind = _WORD
    elif char.isspace():
        kind = _SPACE
    else:
        kind = _APOSTROPHE if code in (39, 0x2019) else _MARK
    case = _CASE_UPPER if char.isupper() else _CASE_LOWER if char.islower() else _CASE_DIGIT if char.isdigit() else _CASE_OTHER
    return kind | case << _CASE_SHIFT


def _char_info(codes: np.ndarray) -> np.ndarray:
    info = _CHAR_INFO[codes]
    if len(info) and info.min() < 0:
        unseen = np.unique(codes[info < 0])
        _CHAR_INFO[unseen] = [_describe(code) for code in unseen.tolist()]
        info = _CHAR_INFO[codes]
    return info


_char_info(np.arange(128))


def code_units(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def code_points(text: str) -> np.ndarray:
    """The text's code points; "surrogatepass" keeps a lone surrogate (valid in a JSON
    string) one code unit, so indexes stay character offsets."""
    return code_units(text).astype(np.int64)


def token_bounds(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the ``TOKEN`` matches in the text of ``codes``, without a
    regex pass: a token is a run of word characters (an apostrophe between two of them
    joins the run) or one other non-space character. Linear in the text's length."""
    return _bounds(_char_info(codes) & 3)


def token_layout(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``token_bounds`` and ``token_shapes`` of the text of ``codes`` from one look-up of its
    characters. Lower-casing a character (one for one) never changes its class, so these are
    also the bounds of the tokens of the text lower-cased."""
    info = _char_info(codes)
    starts, ends = _bounds(info & 3)
    if not len(starts):
        return starts, ends, np.full(0, SHAPE_PUNCT, dtype=np.int64)
    return starts, ends, _shapes(info[starts], info[_second_characters(starts, len(info))], starts, ends)


def _bounds(kind: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    length = len(kind)
    if not length:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    padded_word = np.zeros(length + 2, dtype=bool)  # False outside the text
    word = padded_word[1:-1]
    np.equal(kind, _WORD, out=word)
    mark = kind >= _MARK
    if length > 2:
        joins = (kind[1:-1] == _APOSTROPHE) & word[:-2] & word[2:]
        word[1:-1] |= joins
        mark[1:-1] ^= joins
    starts = ((word > padded_word[:-2]) | mark).nonzero()[0]
    ends = ((word > padded_word[2:]) | mark).nonzero()[0] + 1
    return starts, ends


_powers = (np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64))


def _hash_powers(count: int) -> tuple[np.ndarray, np.ndarray]:
    """``base ** i`` and ``base ** -i`` modulo 2 ** 64 for i < at least ``count``."""
    global _powers
    powers, inverses = _powers
    if len(powers) < count:
        size = max(count, 2 * len(powers), 1 << 14)
        powers = np.full(size, _POWER_BASE, dtype=np.uint64)
        inverses = np.full(size, _POWER_INVERSE, dtype=np.uint64)
        powers[0] = inverses[0] = 1
        np.multiply.accumulate(powers, out=powers)  # wraps modulo 2 ** 64
        np.multiply.accumulate(inverses, out=inverses)
        _powers = powers, inverses
    return powers, inverses


def token_hashes(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each token's code points: sum over its characters of a mixed code
    point times ``base ** (position in the token)``, from one prefix sum of
    ``mixed * base ** (position in the text)`` rebased by the inverse power at the token's
    start, then keyed by the token's length."""
    if not len(starts):
        return np.zeros(0, dtype=np.uint64)
    powers, inverses = _hash_powers(len(codes))
    mixed = codes.astype(np.uint64) * _CHAR_KEY
    mixed ^= mixed >> np.uint64(29)
    mixed *= powers[: len(codes)]
    prefix = np.empty(len(codes) + 1, dtype=np.uint64)
    prefix[0] = 0
    mixed.cumsum(out=prefix[1:])
    return ((prefix[ends] - prefix[starts]) * inverses[starts]) ^ ((ends - starts).astype(np.uint64) * _LENGTH_KEY)


def word_hashes(words: Sequence[str]) -> np.ndarray:
    """The token hash of each word, in order (as ``token_hashes`` hashes a token of the text that is that word)."""
    codes = code_units(" ".join(words))
    starts, ends = token_bounds(codes)
    if len(starts) != len(words):
        raise ValueError("every word must be exactly one token")
    return token_hashes(codes, starts, ends)


_FILTER_SHIFT = np.uint64(52)
"""A hash's top 12 bits: its bucket in ``HashSet``'s filter."""


class HashSet:
    """Token hashes to look many tokens up in at once (sorted, ``hashes``). ``searchsorted`` of 64-bit keys costs
    about 37 ns a token; a filter of 4096 buckets over the hashes' top bits passes only the few tokens that may
    be in a small set (one in twelve for the 196 words of the role lexicon) to it."""

    __slots__ = ("hashes", "_filter")

    def __init__(self, hashes: np.ndarray) -> None:
        self.hashes = np.unique(hashes)
        self._filter = np.zeros(1 << 12, dtype=bool)
        self._filter[self.hashes >> _FILTER_SHIFT] = True

    def find(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The indices of the ``queries`` in the set, ascending, and the index of each in ``hashes``."""
        maybe = self._filter[queries >> _FILTER_SHIFT].nonzero()[0]
        candidates = queries[maybe]
        slots = np.minimum(self.hashes.searchsorted(candidates), len(self.hashes) - 1)
        found = self.hashes[slots] == candidates
        return maybe[found], slots[found]


def token_shapes(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Shape of every token from the case of its first two code points."""
    if not len(starts):
        return np.full(0, SHAPE_PUNCT, dtype=np.int64)
    return _shapes(_char_info(codes[starts]), _char_info(codes[_second_characters(starts, len(codes))]), starts, ends)


@dataclass(frozen=True, slots=True)
class TextTokens:
    """A text's tokens as arrays, read once by the Document for every stage that reads
    tokens (the attribution model, the role model): their bounds and shapes in the text as
    posted, and the hash of each in ``folded``, the text lower-cased one character for one
    (it has the same tokens: ``token_layout``)."""

    codes: np.ndarray
    """The text's code units."""
    starts: np.ndarray
    ends: np.ndarray
    shapes: np.ndarray
    folded: str
    hashes: np.ndarray
    """``token_hashes`` of the tokens of ``folded``."""

    @classmethod
    def of(cls, text: str, folded: str) -> TextTokens:
        codes = code_units(text)
        starts, ends, shapes = token_layout(codes)
        return cls(codes, starts, ends, shapes, folded, token_hashes(code_units(folded), starts, ends))


def _second_characters(starts: np.ndarray, length: int) -> np.ndarray:
    return np.minimum(starts + 1, length - 1)


def _shapes(first_info: np.ndarray, second_info: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Token shapes from the character information of each token's first and second characters."""
    second_upper = (second_info >> _CASE_SHIFT == _CASE_UPPER) & (ends - starts > 1)
    return _SHAPE_OF_CASES[(first_info >> _CASE_SHIFT) + 4 * second_upper]
