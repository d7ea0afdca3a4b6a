"""One article as every stage reads it, computed once by ``Engine.analyse``.

spaCy's ``Doc`` plays this role there: the text, ONE case folding, the lines and their
paragraphs, and the quotation rules, so that no stage lower-cases the text, splits its
lines or scans it for quotation marks again on its own.

Quotation: the stages still read quotations by the rules they were written with, each
behind a name here (``quote_open_at``, ``quoted_stretches``, ``quoted_length``,
``leaves_quote_open``, ``is_whole_quotation``), so outputs stay what they were; one
quotation model for every stage is a change of behaviour of its own.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .records import Claim

_LINE = re.compile(r"[^\r\n]+")

# ``re`` matches an ASCII character case-insensitively only against itself, its other
# case and, beyond ASCII, these four ("İ", "ı", "ſ", Kelvin "K"; tests prove it).
# ``str.lower`` maps the ASCII ones one for one; these are mapped first where present.
_FOLD_SPECIAL = re.compile("[\u0130\u0131\u017f\u212a]")
_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def fold(text: str) -> str:
    """``text`` lower-cased at one character for one (offsets unchanged), so that whatever
    matches an ASCII literal case-insensitively in ``text`` stands in the result as that
    literal lower-cased."""
    if text.isascii() or not _FOLD_SPECIAL.search(text):
        return text.lower()
    return text.translate(_FOLD).lower()


class Line(NamedTuple):
    """A line with text on it, white space stripped, and its paragraph: its place among the
    text's runs of characters between line breaks (a line of spaces counts, an empty one
    is no run)."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    folded: str
    """``fold(text)``: the one case folding every stage matches lexicons against."""
    lines: tuple[Line, ...]

    @classmethod
    def of(cls, text: str) -> Document:
        lines = []
        for paragraph, line in enumerate(_LINE.finditer(text)):
            raw = line.group()
            stripped = raw.strip()  # ``str.strip`` strips exactly the characters ``str.isspace`` names
            if stripped:
                start = line.start() + len(raw) - len(raw.lstrip())
                lines.append(Line(start, start + len(stripped), paragraph))
        return cls(text, fold(text), tuple(lines))


QUOTED_PAIR = re.compile(r"[“\"][^“”\"]*[”\"]")
"""Attribution's quotation: an opening (or straight) mark, then a closing (or straight) one."""
_SEGMENTATION_MARK = re.compile(r"[\"\u201c\u201d]")
_HEDGE_MARK = re.compile("[\"\u201c\u201d]|''")
_CLOSING_MARK = re.compile(r"[”\"]")
_OPEN_AT_START = re.compile(r"\s*[“\"]")
_MARK = re.compile(r"[“”\"]")
_WHOLE_QUOTATION = re.compile(r"\s*[“\"][^“”\"]*[”\"][\s.!?]*")


def leaves_quote_open(sentence: str) -> bool:
    """Attribution's rule: whether a sentence opens with a quotation mark and has an odd
    number of double marks (so its quotation goes on into the next sentence)."""
    return _OPEN_AT_START.match(sentence) is not None and len(_MARK.findall(sentence)) % 2 == 1


def is_whole_quotation(sentence: str) -> bool:
    """Attribution's rule: whether a sentence is one quotation and nothing else."""
    return _WHOLE_QUOTATION.fullmatch(sentence) is not None


def quote_open_at(text: str, start: int, end: int, sentence_starts: Sequence[int]) -> list[bool]:
    """Segmentation's rule: for each sentence start of the line ``text[start:end]``, whether
    a double quotation is open there. Curly marks say which way they face; a straight one
    toggles."""
    flags = []
    marks = _SEGMENTATION_MARK.finditer(text, start, end)
    is_open = False
    pending = next(marks, None)
    for sentence_start in sentence_starts:
        while pending is not None and pending.start() < sentence_start:
            mark = pending.group(0)
            is_open = (not is_open) if mark == '"' else mark == "\u201c"
            pending = next(marks, None)
        flags.append(is_open)
    return flags


def quoted_stretches(text: str, claim: Claim) -> list[tuple[int, int]]:
    """The hedge detector's rule: (start, end) of each direct quotation in the claim, marks
    included. A curly mark says which way it faces; a straight one (or two apostrophes, as
    some wire copy writes it) closes an open quotation or opens a new one. A quotation
    still open at the claim's end runs to the end."""
    stretches = []
    opened_at = claim.start if claim.opens_inside_quote else None
    for mark in _HEDGE_MARK.finditer(text, claim.start, claim.end):
        if opened_at is None and mark.group() != "\u201d":
            opened_at = mark.start()
        elif opened_at is not None and mark.group() != "\u201c":
            stretches.append((opened_at, mark.end()))
            opened_at = None
    if opened_at is not None:
        stretches.append((opened_at, claim.end))
    return stretches


def quoted_length(text: str, claim: Claim, start: int, end: int) -> int:
    """Attribution's rule: how many characters of ``text[start:end]`` stand in closed pairs
    of double marks, plus the stretch up to the first closing mark when the claim opens
    inside a quotation and ``start`` is its start."""
    quoted = sum(map(len, QUOTED_PAIR.findall(text, start, end)))
    if claim.opens_inside_quote and start == claim.start and (close := _CLOSING_MARK.search(text, start, end)):
        quoted += close.end() - start
    return quoted
