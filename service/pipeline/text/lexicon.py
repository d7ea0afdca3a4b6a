"""Lexicons of patterns, matched fast through the first words their entries declare.

A lexicon (``hedges.toml``, ``verification.toml``) is named groups of lower-case regex
patterns. What it means is ONE leftmost-first whole-word alternation, the groups in order
(the tests' oracle). Tried at every word that costs several tokenisation passes, because
every word enters every alternative. Each pattern therefore declares in the data the words
a match of it can begin with (``first = [...]``), and ``FirstWordLexicon.finditer`` puts a
lookahead trie of all declared first words in front of the same alternation: at a word
where no pattern can begin, the regex engine fails inside the trie (its branches start with
literals, which ``re`` rejects without entering them), so the alternation runs only where
one of its first words stands, and finds there what it finds anyway. ``matches`` goes
further: it finds the words where a pattern can begin in one scan, and at each tries only
the patterns that declare that word (in the alternation's order), so a common first word
("the", "is") costs a few patterns, not the whole alternation. A word the data forgets to
declare loses its matches: the tests compare both ways over real text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain

_ESCAPE = re.compile(r"\\.")
_WORD = re.compile(r"\w+")
_WORD_EDGES = re.compile(r"\w(?:.*\w)?", re.DOTALL)


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


class WordStarts:
    r"""Where one of ``words`` begins a word: what ``(?<!\w)(?:trie)`` + ``after`` finds, group 1 the word.

    It is searched for after a character that is no word's: ``re`` then passes over word characters
    without trying the trie, where a lookbehind (or ``\b``) in front is tried at every character. So the
    words must begin and end with a word character.
    """

    def __init__(self, words: Sequence[str], after: str = "") -> None:
        if not all(_WORD_EDGES.fullmatch(word) for word in words):
            raise ValueError(f"words must begin and end with a word character: {sorted(words)[:5]}...")
        trie = word_trie(words)
        self._after_non_word = re.compile(rf"\W({trie}){after}")
        self._at_start = re.compile(rf"({trie}){after}")

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """The matches in ``text[start:end]`` (``end`` as endpos), searched from the character before ``start``,
        which a lookbehind sees too; the text's first word is tried on its own. The regex's own iterator is handed
        back (chained after that first word's match), not passed on through a generator: a Python frame per match
        is what the callers' scans cost most."""
        if start == 0 and (first := self._at_start.match(text, 0, end)):
            return chain((first,), self._after_non_word.finditer(text, first.end(), end))
        return self._after_non_word.finditer(text, max(start - 1, 0), end)


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
        trie = word_trie(sorted(first_words))
        self.pattern = re.compile(rf"(?<!\w)(?={trie}\b)(?:{_groups(groups)})\b")
        """Each match's ``lastgroup`` is the name of its group."""
        self._first_words = WordStarts(sorted(first_words), after=r"\b")
        self._by_first_word = {
            word: re.compile(rf"(?:{_groups([(name, [e for e in entries if word in e['first']]) for name, entries in groups])})\b")
            for word in first_words
        }
        """First word -> the alternation of only the patterns that can begin with it, the groups in order."""

    def matches(self, folded: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """What ``pattern`` (the plain alternation) finds in ``folded[start:end]`` (``match.lastgroup``: the
        group): at each first word past the last match, its own patterns are tried."""
        after = start
        for word in self._first_words.finditer(folded, start, end):
            if word.start(1) >= after and (match := self._by_first_word[word.group(1)].match(folded, word.start(1), end)):
                after = match.end()
                yield match


def _groups(groups: Sequence[tuple[str, Sequence[Mapping]]]) -> str:
    """Regex source of the named groups, in order, each the alternation of its patterns (empty groups left out)."""
    return "|".join(f"(?P<{name}>{alternation([entry['pattern'] for entry in entries])})"
                    for name, entries in groups if entries)
