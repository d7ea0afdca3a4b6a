"""Rules about single words that several stages share, each written once."""
from __future__ import annotations

import re

_POSSESSIVE = re.compile(r"['\u2019]s?$")
"""A possessive ending: "Ukraine's", "Ukraine’s", "officials'"."""


def without_possessive(word: str) -> str:
    """``word`` less a possessive ending ("Ukraine's" -> "Ukraine", "officials'" -> "officials")."""
    return _POSSESSIVE.sub("", word)


def is_possessive(word: str) -> bool:
    return _POSSESSIVE.search(word) is not None


def singular(word: str) -> str:
    """A lower-case plural noun made singular, simply: "agencies" -> "agency", "officials" ->
    "official"; "witness" and words of four letters or fewer ("news", "bus") stay."""
    if len(word) <= 4:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
