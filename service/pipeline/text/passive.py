"""The passive, read once for every stage: a form of "be" right before a participle (``passive_be.toml``)."""
from __future__ import annotations

import re

from ..resources import read_toml

_LEXICON = read_toml("passive_be.toml")
_BE = [*read_toml("clause_words.toml")["be"], *_LEXICON["negated_be"]]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word).replace("'", "['’]") for word in sorted(words, key=len, reverse=True))


# The lookahead for the words' first letters lets the matcher pass over most positions of the window at once (half
# the time of the search without it); it matches only where the words can.
_BE_INITIALS = "".join(sorted({re.escape(word[0]) for word in _BE}))
_BE_BEFORE = re.compile(
    rf"(?=[{_BE_INITIALS}])\b(?:{_alternation(_BE)})\s+(?:(?:{_alternation(_LEXICON['between'])}|\w+ly)\s+)?$",
    re.IGNORECASE)
_WINDOW = int(_LEXICON["window"])


def be_before(text: str, word_start: int, floor: int = 0) -> bool:
    """Whether a form of "be" stands right before the word at ``word_start`` (looking back no further than
    ``floor``, the claim's start): "are expected", "was first reported", "isn't thought"."""
    return be_start(text, word_start, floor) is not None


def be_start(text: str, word_start: int, floor: int = 0) -> int | None:
    """Where the form of "be" of ``be_before`` starts, or None."""
    match = _BE_BEFORE.search(text, max(floor, word_start - _WINDOW), word_start)
    return None if match is None else match.start()
