"""Lexicons of patterns, matched fast through the first words their entries declare.

A lexicon (``hedges.toml``, ``verification.toml``) is named groups of lower-case regex
patterns. What it means is ONE leftmost-first whole-word alternation, the groups in order
(the tests' oracle). Tried at every word that costs several tokenisation passes, because
every word enters every alternative. Each pattern therefore declares in the data the words
a match of it can begin with (``first = [...]``), and ``FirstWordLexicon.finditer`` puts a
lookahead trie of all declared first words in front of the same alternation: at a word
where no pattern can begin, the regex engine fails inside the trie (its branches start with
literals, which ``re`` rejects without entering them), so the alternation runs only where
one of its first words stands, and finds there what it finds anyway. A word the data
forgets to declare loses its matches: the tests compare both ways over real text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

_ESCAPE = re.compile(r"\\.")
_WORD = re.compile(r"\w+")


def word_trie(words: Sequence[str]) -> str:
    """Regex source matching any of ``words``, their shared prefixes factored out.

    Callers put a word boundary (or a lookahead) after it: a whole word is matched, so
    the order of the branches does not matter.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def write(node: dict) -> str:
        branches = [re.escape(char) + write(child) for char, child in sorted(node.items()) if char]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        if branches[-1] == "":  # a word that is a prefix of others: what follows is optional
            return f"(?:{'|'.join(branches[:-1])})?"
        return f"(?:{'|'.join(branches)})"

    return write(tree)


def alternation(patterns: Sequence[str]) -> str:
    """Regex source of one alternation of ``patterns``, the longest first."""
    return "|".join(f"(?:{pattern})" for pattern in sorted(patterns, key=len, reverse=True))


class FirstWordLexicon:
    """Named groups of patterns, each ``{"first": [words], "pattern": regex}``, matched as one.

    Patterns are lower-case and matched case-sensitively against lower-cased text:
    Python's ``re`` runs an alternation several times faster without IGNORECASE.
    """

    def __init__(self, groups: Sequence[tuple[str, Sequence[Mapping]]]) -> None:
        first_words: set[str] = set()
        for _, entries in groups:
            for entry in entries:
                pattern, first = entry["pattern"], entry["first"]
                if any(char.isupper() for char in _ESCAPE.sub("", pattern)):
                    raise ValueError(f"lexicon patterns must be lower-case: {pattern!r}")
                if not first or not all(_WORD.fullmatch(word) and word == word.lower() for word in first):
                    raise ValueError(f"a lexicon pattern must declare its lower-case first words: {pattern!r}")
                first_words.update(first)
        parts = "|".join(f"(?P<{name}>{alternation([entry['pattern'] for entry in entries])})" for name, entries in groups)
        self.pattern = re.compile(rf"(?<!\w)(?={word_trie(sorted(first_words))}\b)(?:{parts})\b")
        """Each match's ``lastgroup`` is the name of its group."""

    def matches(self, folded: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """What the plain alternation finds in ``folded[start:end]`` (``match.lastgroup``: the group)."""
        return self.pattern.finditer(folded, start, end)
