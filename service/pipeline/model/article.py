"""An article's tokens as arrays, for the attribution model's features: one tokenisation,
word ids from a vocabulary looked up by token hash, shapes, claim bounds and quotation state
(see ``features.py`` for why nothing here makes a Python object per token)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..text.tokens import (
    SHAPE_CAPITALISED,
    SHAPE_OUTSIDE,
    TextTokens,
    code_points,
    token_bounds,
    token_hashes,
)
from ..document import folds_as_lower
from ..records import Claim

UNKNOWN_WORD = 0
"""Vocabulary id of a word not seen often enough in training."""
OUTSIDE = 1
"""Id standing for "no token here": a neighbour beyond the claim's first or last token."""
FIRST_WORD_ID = 2

QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})
FIRST_PERSON = frozenset({"i", "we", "me", "my", "our", "us", "myself", "ourselves", "i'm", "we're", "i've", "we've"})
"""Quoted first person ("I will not back down") marks direct speech, hence an attribution."""
SPAN_BREAKS = frozenset({",", ";", ":", '"', "\u201c", "\u201d", "!", "?", "\u2014", "\u2013", "\u2026", "[", "]"})
"""Tokens a source span never crosses: a source is a short noun phrase, not a clause."""
ALWAYS_IN_VOCABULARY = QUOTE_MARKS | SPAN_BREAKS
"""Marks the features find by vocabulary id, so training must give each one an id."""

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_SECOND_SLOT_KEY = np.uint64(0xBF58476D1CE4E5B9)
"""The vocabulary table's second slot: a token hash times this, shifted (the first: ``GOLDEN``)."""
PAD = 2
"""``ArticleTokens.padded_*`` carry this many sentinel entries at each end, so neighbours up
to two tokens away are read without clipping indexes."""


class Vocabulary:
    """Lower-cased words and their ids (``FIRST_WORD_ID`` on, in the order given), looked
    up for a whole article at once by token hash in an open-addressing table, plus tables
    indexed by id.

    Every word must be one ``text.tokens.TOKEN``; two words with one hash are refused (64-bit hashes of
    a few tens of thousands of words: it does not happen, and if it did the artefact would
    not load rather than confuse two words).
    """

    def __init__(self, words: Sequence[str]) -> None:
        self.words = tuple(words)
        codes = code_points(" ".join(self.words))
        starts, ends = token_bounds(codes)
        lengths = np.fromiter(map(len, self.words), dtype=np.int64, count=len(self.words))
        if len(starts) != len(self.words) or not np.array_equal(ends - starts, lengths):
            raise ValueError("every vocabulary word must be exactly one token")
        hashes = token_hashes(codes, starts, ends)
        if len(np.unique(hashes)) != len(hashes):
            raise ValueError("two vocabulary words share a hash")
        self._build_table(hashes)
        self._index = {word: number for number, word in enumerate(self.words, start=FIRST_WORD_ID)}
        self.id_count = len(self.words) + FIRST_WORD_ID
        self.is_quote = self.table(QUOTE_MARKS)
        self.is_break = self.table(SPAN_BREAKS)
        self.comma = self.id_of(",")
        self.colon = self.id_of(":")
        self.question = self.id_of("?")
        self.is_first_person = self.table(FIRST_PERSON)

    def _build_table(self, hashes: np.ndarray) -> None:
        """Cuckoo hashing: each word's hash sits in one of its two slots (``_slots``), so a
        lookup reads two slots. Empty slots hold hash 0 and id ``UNKNOWN_WORD``. At least 8
        slots a word: placing them fails about never, and then a table twice as large is
        tried."""
        bits = max(4, (8 * len(hashes)).bit_length())
        while True:
            self._slot_shift = np.uint64(64 - bits)
            homes = [slots.tolist() for slots in self._slots(hashes)]
            table = [-1] * (1 << bits)
            for number in range(len(hashes)):
                item, slot = number, homes[0][number]
                for _ in range(64):
                    item, table[slot] = table[slot], item
                    if item < 0:
                        break
                    slot = homes[1][item] if slot == homes[0][item] else homes[0][item]
                else:
                    break
            else:
                break
            bits += 1
        numbers = np.array(table, dtype=np.int64)
        occupied = numbers >= 0
        self._slot_hashes = np.append(hashes, np.uint64(0))[numbers]  # -1: the appended 0
        self._slot_ids = np.where(occupied, numbers + FIRST_WORD_ID, UNKNOWN_WORD)

    def _slots(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return ((hashes * GOLDEN) >> self._slot_shift).astype(np.intp), ((hashes * _SECOND_SLOT_KEY) >> self._slot_shift).astype(np.intp)

    def __len__(self) -> int:
        return len(self.words)

    def id_of(self, word: str) -> int:
        return self._index.get(word, UNKNOWN_WORD)

    def table(self, words: Iterable[str]) -> np.ndarray:
        """A boolean table over word ids, True at the ids of ``words`` (unknown ones ignored)."""
        table = np.zeros(self.id_count, dtype=bool)
        table[[self._index[word] for word in words if word in self._index]] = True
        return table

    def lookup(self, hashes: np.ndarray) -> np.ndarray:
        """The id of each token hash, ``UNKNOWN_WORD`` when no word has it. The second slot is read only for the
        tokens the first does not hold (one in ten in news): the table (2 MB) is out of the cache by the time
        an article reaches the model, and each slot read is a cache miss."""
        first, second = self._slots(hashes)
        ids, known = self._slot_ids, self._slot_hashes
        found = ids[first]
        missed = (known[first] != hashes).nonzero()[0]
        if len(missed):
            other = second[missed]
            found[missed] = np.where(known[other] == hashes[missed], ids[other], UNKNOWN_WORD)
        return found


@dataclass(frozen=True, slots=True)
class ArticleTokens:
    """One article's tokens as parallel arrays (index = token number).

    ``claim_first``/``claim_last`` are the token bounds of the claim a token stands in and
    ``claim_of`` that claim's position in the sequence given (all -1 outside every claim); ``in_quote`` says whether a double quotation is open there.
    ``first_of_claim``/``last_of_claim``/``opens_quoted`` are per claim (index = claim number).
    """

    lowered: str
    """The lower-cased text the tokens index (``word``)."""
    starts: np.ndarray
    ends: np.ndarray
    word_ids: np.ndarray
    shapes: np.ndarray
    padded_ids: np.ndarray
    """``word_ids`` with ``PAD`` OUTSIDE entries at each end (index = token number + ``PAD``)."""
    padded_shapes: np.ndarray
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
    commas: np.ndarray
    """Token numbers of the commas, ascending."""
    first_of_claim: np.ndarray
    """Token bounds of each claim (a claim with no token has last < first)."""
    last_of_claim: np.ndarray
    opens_quoted: np.ndarray
    first_person_before: np.ndarray
    """Prefix count of first-person words inside a quotation (length n + 1)."""

    def __len__(self) -> int:
        return len(self.starts)

    def word(self, position: int) -> str:
        return self.lowered[self.starts[position] : self.ends[position]]


def _claim_fields(claims: Sequence[Claim]) -> Iterable[int]:
    for claim in claims:
        yield claim.start
        yield claim.end
        yield claim.opens_inside_quote


def tokenize(text: str, claims: Sequence[Claim], vocabulary: Vocabulary, tokens: TextTokens | None = None) -> ArticleTokens:
    """Tokenise ``text`` once and lay out everything the feature templates need.

    Tokens come from character classes of the code points (``token_layout``) and word ids
    from token hashes (``Vocabulary.lookup``): no Python object per token, and linear in the
    text (trailing whitespace included). Claim membership and quotation state are then
    pure array arithmetic. ``tokens``, the Document's (hashed in ``fold(text)``), are read
    instead when they were hashed in the same lower-casing (they are unless the text holds
    "İ", "ı" or "ſ": ``folds_as_lower``), and the text is not lower-cased again.
    """
    if tokens is not None and folds_as_lower(text):
        lowered = tokens.folded
    else:
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters lower-case to two; keep offsets exact
            lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
        if tokens is None or tokens.folded != lowered:
            tokens = TextTokens.of(text, lowered)
    starts, ends, shapes = tokens.starts, tokens.ends, tokens.shapes
    word_ids = vocabulary.lookup(tokens.hashes)

    # Per-claim arrays end with a sentinel entry, so index -1 (no claim) reads "none".
    count = len(claims)
    bounds = np.fromiter(_claim_fields(claims), dtype=np.int64, count=3 * count).reshape(count, 3).T
    claim_starts, claim_ends = bounds[0], bounds[1]
    opens_quoted = np.zeros(count + 1, dtype=bool)
    opens_quoted[:count] = bounds[2]
    first_tokens = np.full(count + 1, -1, dtype=np.int64)
    last_tokens = np.full(count + 1, -1, dtype=np.int64)
    first_tokens[:count] = starts.searchsorted(claim_starts)
    last_tokens[:count] = ends.searchsorted(claim_ends, side="right") - 1
    claim_of = claim_starts.searchsorted(starts, side="right") - 1
    within = (claim_of >= 0) & (ends <= np.append(claim_ends, 0)[claim_of])
    claim_of[~within] = -1
    claim_first = first_tokens[claim_of]
    claim_last = last_tokens[claim_of]

    tokens_count = len(starts)
    quotes_before = np.zeros(tokens_count + 1, dtype=np.int64)
    vocabulary.is_quote[word_ids].cumsum(out=quotes_before[1:])
    opened = (quotes_before[:-1] - quotes_before[np.maximum(claim_first, 0)]) % 2 == 1
    in_quote = within & (opened ^ opens_quoted[claim_of])
    flags = np.empty((3, tokens_count), dtype=bool)  # the other prefix counts, in one cumsum
    np.bitwise_or(vocabulary.is_break[word_ids], ~within, out=flags[0])
    np.bitwise_and(vocabulary.is_first_person[word_ids], in_quote, out=flags[1])
    np.greater_equal(shapes, SHAPE_CAPITALISED, out=flags[2])
    counts = np.zeros((3, tokens_count + 1), dtype=np.int64)
    flags.cumsum(axis=1, out=counts[:, 1:])
    breaks_before, first_person_before, capitalised_before = counts
    padded_ids = np.full(tokens_count + 2 * PAD, OUTSIDE, dtype=np.int64)
    padded_ids[PAD:-PAD] = word_ids
    padded_shapes = np.full(tokens_count + 2 * PAD, SHAPE_OUTSIDE, dtype=np.int64)
    padded_shapes[PAD:-PAD] = shapes
    return ArticleTokens(
        lowered=lowered,
        starts=starts,
        ends=ends,
        word_ids=word_ids,
        shapes=shapes,
        padded_ids=padded_ids,
        padded_shapes=padded_shapes,
        claim_first=claim_first,
        claim_last=claim_last,
        claim_of=claim_of,
        in_quote=in_quote,
        quotes_before=quotes_before,
        breaks_before=breaks_before,
        capitalised_before=capitalised_before,
        commas=(word_ids == vocabulary.comma).nonzero()[0],
        first_of_claim=first_tokens[:count],
        last_of_claim=last_tokens[:count],
        opens_quoted=opens_quoted[:count],
        first_person_before=first_person_before,
    )
