"""Lexicons of patterns, matched fast through the first words their entries declare.

A lexicon (``hedges.toml``, ``verification.toml``) is named groups of lower-case regex
patterns. What it means is ONE leftmost-first whole-word alternation, the groups in order
(the tests' oracle). Tried at every word that costs several tokenisation
passes, because every word enters every alternative. Each pattern therefore declares in
the data the words a match of it can begin with (``first = [...]``), and
``FirstWordLexicon.matches`` finds exactly the same matches another way:

- a trie of all declared first words (its branches start with literals, which ``re``
  rejects without entering them) finds the word starts where some pattern may begin;
- there, only the patterns that declared that word are tried, in the reference's order.

A match begins at a word start with a whole first word (the word characters before the
pattern's first other one), so at a word only the patterns that declared it can match,
and trying them in order keeps the leftmost-first choice. A word the data forgets to
declare loses its matches: the tests compare both ways over real text.
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
        self.groups = tuple((name, tuple(entries)) for name, entries in groups)
        by_word: dict[str, dict[str, list[str]]] = {}
        for name, entries in self.groups:
            for entry in entries:
                pattern, first = entry["pattern"], entry["first"]
                if any(char.isupper() for char in _ESCAPE.sub("", pattern)):
                    raise ValueError(f"lexicon patterns must be lower-case: {pattern!r}")
                if not first or not all(_WORD.fullmatch(word) and word == word.lower() for word in first):
                    raise ValueError(f"a lexicon pattern must declare its lower-case first words: {pattern!r}")
                for word in first:
                    by_word.setdefault(word, {}).setdefault(name, []).append(pattern)
        self._starts = re.compile(rf"\b{word_trie(sorted(by_word))}\b")
        self._after = {word: self._compile(patterns) for word, patterns in by_word.items()}

    def _compile(self, named: Mapping[str, Sequence[str]]) -> re.Pattern[str]:
        parts = "|".join(f"(?P<{name}>{alternation(named[name])})" for name, _ in self.groups if name in named)
        return re.compile(rf"(?:{parts})\b")

    def matches(self, folded: str, start: int, end: int) -> Iterator[tuple[re.Match[str], str]]:
        """What the plain alternation finds in ``folded[start:end]``, each match with its group's name."""
        after, resume = self._after, start
        for word in self._starts.finditer(folded, start, end):
            if word.start() < resume:  # inside the previous match
                continue
            match = after[word.group()].match(folded, word.start(), end)
            if match is not None:
                resume = match.end()
                yield match, match.lastgroup
