"""One article as every stage reads it, computed once by ``Engine.analyse``.

spaCy's ``Doc`` plays this role there: the text, ONE case folding, the lines and their
paragraphs, and ONE quotation model (``Quotations``), so that no stage lower-cases the
text, splits its lines or scans it for quotation marks again on its own.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from collections.abc import Iterator
from typing import NamedTuple

from .text.tokens import TextTokens


# ``re`` matches an ASCII character case-insensitively only against itself, its other
# case and, beyond ASCII, these four ("İ", "ı", "ſ", Kelvin "K"; tests prove it).
# ``str.lower`` maps the ASCII ones one for one; these are mapped first where present.
_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
_FOLD_SPECIAL = tuple(map(chr, _FOLD))
"""Looked for one by one (``str`` finds a character faster than ``re`` tests every character against a class)."""


_LOWERED_APART = "\u0130\u0131\u017f"
"""What ``fold`` maps otherwise than ``str.lower`` ("İ" lower-cases to two characters, "ı" and "ſ" stay as they are)."""


def folds_as_lower(text: str) -> bool:
    """Whether ``fold(text)`` is ``text.lower()``: so unless "İ", "ı" or "ſ" stands in it."""
    return text.isascii() or not any(map(text.__contains__, _LOWERED_APART))


def fold(text: str) -> str:
    """``text`` lower-cased at one character for one (offsets unchanged), so that whatever
    matches an ASCII literal case-insensitively in ``text`` stands in the result as that
    literal lower-cased."""
    if text.isascii() or not any(map(text.__contains__, _FOLD_SPECIAL)):
        return text.lower()
    return text.translate(_FOLD).lower()


class Line(NamedTuple):
    """A line with text on it, white space stripped, and its paragraph: its place among the
    text's runs of characters between line breaks (a line of spaces counts, an empty one
    is no run)."""

    start: int
    end: int
    paragraph: int


class Quotation(NamedTuple):
    """Quoted words: from the opening mark to the closing mark, both included, or, when no mark closes it, to the
    end of its paragraph (a quotation that runs on into the next paragraph, which opens with a mark again as
    news copy writes it, or an opening mark left unbalanced)."""

    start: int
    end: int
    depth: int
    """1 for a quotation, 2 for one quoted inside it ("“He called it ‘a farce’,” she said.")."""
    closed: bool


_QUOTE_MARK = re.compile("[\u201c\u201d\"\u2018\u2019'](?:(?<!')|')")
"""A quotation mark, or two apostrophes: ``[“”"‘’]|''`` spelled to open with one character class, so that
``re`` skips ahead to the next candidate character instead of trying both branches at every position."""
_BEFORE_OPENING = frozenset("([{\u2014\u2013-\u201c\u2018")
_AFTER_CLOSING = frozenset(".,;:!?)]}\u2014\u2013-\u201d\u2019")


@dataclass(frozen=True, slots=True)
class Quotations:
    """Every quotation of a text, read once, paragraph by paragraph, and the questions the stages ask of them.

    A curly double mark says which way it faces. A straight one (or two apostrophes, as some wire copy writes
    it) opens when a space, a dash or an opening bracket stands before it and no space after, closes when no
    space stands before it and a space or punctuation after, and otherwise closes the quotation it can close
    or opens one; a straight closing mark with only a curly quotation open closes it when no curly closing mark
    follows (copy that mixes the styles: "“We will win," she said.").
    Inside a quotation, a double mark of the other style or a single curly mark (never one that stands between
    letters: an apostrophe) quotes inside it. A closing mark that closes nothing (an inch mark) is no quotation.
    The questions read the outer quotations (depth 1).
    """

    text: str
    all: tuple[Quotation, ...]
    """Every quotation, nested ones included, by start."""
    outer: tuple[Quotation, ...]
    """The quotations of depth 1, by start: they never overlap."""
    _starts: tuple[int, ...]
    _ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str, lines: tuple[Line, ...]) -> Quotations:
        found: list[Quotation] = []
        marks = list(_QUOTE_MARK.finditer(text))  # one or two characters, never space: each within one line
        mark_starts = [mark.start() for mark in marks]
        for line in lines:
            first, last = bisect_left(mark_starts, line.start), bisect_left(mark_starts, line.end)
            if first < last:
                found += _paragraph_quotations(text, line.start, line.end, marks[first:last])
        found.sort()
        outer = tuple(quotation for quotation in found if quotation.depth == 1)
        return cls(text, tuple(found), outer, tuple(q.start for q in outer), tuple(q.end for q in outer))

    def open_at(self, position: int) -> bool:
        """Whether a quotation opened before ``position`` is still open there."""
        number = bisect_left(self._starts, position) - 1
        return number >= 0 and position < self._ends[number]

    def opening_at(self, position: int) -> Quotation | None:
        """The quotation whose opening mark stands at ``position``."""
        number = bisect_left(self._starts, position)
        return self.outer[number] if number < len(self.outer) and self._starts[number] == position else None

    def stretches(self, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of the quoted stretches of ``text[start:end]``: the quotations cut to it."""
        stretches = []
        for number in range(bisect_right(self._ends, start), len(self.outer)):
            if self._starts[number] >= end:
                break
            stretches.append((max(start, self._starts[number]), min(end, self._ends[number])))
        return stretches

    def quoted_length(self, start: int, end: int) -> int:
        """How many characters of ``text[start:end]`` are quoted."""
        return sum(stretch_end - stretch_start for stretch_start, stretch_end in self.stretches(start, end))

    def is_whole_quotation(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is one quotation, closed within it, and then nothing but
        end punctuation."""
        quotation = self.opening_at(start)
        if quotation is None or quotation.end > end:
            return False
        return not self.text[quotation.end : end].strip(" \t\r\n.!?")

    def leaves_open(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` opens with a quotation that goes on after it."""
        quotation = self.opening_at(start)
        return quotation is not None and quotation.end > end


def _paragraph_quotations(text: str, start: int, end: int, marks: list[re.Match[str]]) -> list[Quotation]:
    """The quotations of one paragraph ``text[start:end]``, whose quotation ``marks`` are given; whatever is
    open at its end ends there."""
    found: list[Quotation] = []
    stack: list[tuple[str, int]] = []  # (opening mark, where it stands) of the open quotations, outermost first

    def close(level: int, at: int, closed: bool) -> None:
        """Close the quotation at ``level`` at ``at``, and those quoted inside it (unclosed)."""
        while len(stack) > level:
            depth = len(stack)
            found.append(Quotation(stack.pop()[1], at, depth, closed and depth == level + 1))

    for number, match in enumerate(marks):
        mark, at = match.group(), match.start()
        if mark == "\u201c":
            if stack and stack[0][0] == "\u201c":
                close(0, at, False)  # an earlier opening mark was never closed
            if len(stack) < 2:
                stack.append((mark, at))
        elif mark == "\u201d":
            level = _innermost(stack, "\u201c")
            level = _innermost(stack, '"') if level is None else level
            if level is not None:
                close(level, match.end(), True)
        elif mark == "\u2018":
            if len(stack) == 1 and not (at > start and text[at - 1].isalnum()):
                stack.append((mark, at))
        elif mark == "\u2019":
            if stack and stack[-1][0] == "\u2018" and not (match.end() < end and text[match.end()].isalnum()):
                close(len(stack) - 1, match.end(), True)
        else:
            before = text[at - 1] if at > start else " "
            after = text[match.end()] if match.end() < end else " "
            opens = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
            closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING)
            level = _innermost(stack, '"')
            if level is not None and not opens:
                close(level, match.end(), True)
            elif not closes and len(stack) < 2:
                stack.append(('"', at))
            elif not opens and _closes_curly(stack, marks, number):
                close(_innermost(stack, "\u201c"), match.end(), True)
    close(0, end, False)
    return found


def _closes_curly(stack: list[tuple[str, int]], marks: list[re.Match[str]], number: int) -> bool:
    """Whether a straight closing mark (``marks[number]``) closes a quotation a curly mark opened, as copy that
    mixes the styles writes it ("“We will win," she said."): one is open, and the next double mark in the paragraph
    is no curly closing one (which would close it: the straight mark is then an inch mark inside it)."""
    if _innermost(stack, "\u201c") is None:
        return False
    later = next((mark.group() for mark in marks[number + 1 :] if mark.group() not in ("\u2018", "\u2019")), None)
    return later != "\u201d"


def _innermost(stack: list[tuple[str, int]], opening: str) -> int | None:
    """The level of the innermost open quotation opened by ``opening``."""
    for level in range(len(stack) - 1, -1, -1):
        if stack[level][0] == opening:
            return level
    return None


def _runs(text: str) -> Iterator[tuple[int, str]]:
    """Where each run of characters between line breaks ("\\r", "\\n") starts, and the run: ``str.split`` finds the
    breaks in C (a regex ``[^\\r\\n]+`` tests every character against its class)."""
    start = 0
    for run in text.replace("\r", "\n").split("\n"):
        if run:
            yield start, run
        start += len(run) + 1


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    folded: str
    """``fold(text)``: the one case folding every stage matches lexicons against."""
    lines: tuple[Line, ...]
    quotations: Quotations
    tokens: TextTokens
    """Its tokens, hashed in ``folded``."""

    @classmethod
    def of(cls, text: str) -> Document:
        """The document of ``text``, built once by the engine and handed to every stage."""
        lines = []
        for paragraph, (run_start, raw) in enumerate(_runs(text)):
            stripped = raw.strip()  # ``str.strip`` strips exactly the characters ``str.isspace`` names
            if stripped:
                start = run_start + len(raw) - len(raw.lstrip())
                lines.append(Line(start, start + len(stripped), paragraph))
        folded = fold(text)
        return cls(text, folded, tuple(lines), Quotations.of(text, tuple(lines)), TextTokens.of(text, folded))
