"""Claim segmentation: raw scraped text -> sentences that assert something.

Works line by line over the text as posted (offsets are never shifted), in one linear
pass per line:

1. A short line matching a page-furniture pattern (``resources/furniture.txt``) is
   dropped whole: "Exit mobile version", "Sign up to read this article", photo credits.
2. The line is split into sentences at terminal punctuation (optionally followed by
   closing quotes) that is followed by whitespace and not by a lower-case word, unless
   the word before the full stop is a known abbreviation ("U.S.", "Gen.", "Sept.") or an
   initial, or a closing quotation is followed by a speaker tag of at most four words that
   ends the sentence ("“Why now?” Clinton asked."). "Nov.08" never splits: no
   whitespace follows the stop.
3. A line that is one sentence with no terminal punctuation is a headline or label
   (unless it stands below the first claim and is as long as a sentence: the scraper cut
   its end), as is a single title-cased line above the first claim. A trailing unpunctuated fragment of a longer line is
   kept as a claim only when it is long enough to be a sentence (captions end in credits
   like "Khorne group/e2w news").
4. A sentence repeated word for word (a scraped subtitle or caption) is scored once.

Quotation state is tracked per paragraph so that a sentence that opens inside a
quotation begun earlier is marked ``opens_inside_quote`` (it inherits its speaker).
"""
from __future__ import annotations

import re

from .resources import compile_alternation, read_entries
from .types import Claim, Segment, Segmentation

FURNITURE_MAX_CHARS = 160
"""Furniture patterns only apply to short lines: chrome is short, story text is not."""

MIN_CLAIM_WORDS = 3
MIN_TRAILING_FRAGMENT_WORDS = 6
MIN_CUT_SENTENCE_WORDS = 16
"""An unpunctuated body line this long is a sentence the scraper cut, not a heading."""
HEADLINE_MIN_WORDS = 4
HEADLINE_CAPITALISED_SHARE = 0.8

_LINE = re.compile(r"[^\r\n]+")
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s|$)")
_TERMINAL = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019)\]]*\s*$")
_WORD = re.compile(r"\w+(?:['\u2019.-]\w+)*")
_LAST_TOKEN = re.compile(r"(\S+)$")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_CLOSING_QUOTE = re.compile(r"[\"\u201d]$")
# A speaker tag after a quotation: at most four words, then the sentence ends
# ("“Why now?” Clinton asked."). Words and spaces cannot overlap: no backtracking blow-up.
_SPEAKER_TAG = re.compile(r"\s+(?:[^\s.!?;]+\s+){0,3}[^\s.!?;\"\u201c\u201d]+[.!?]+(?=\s|$)")
_DOUBLE_QUOTE = re.compile(r"[\"\u201c\u201d]")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"[A-Z]\.$")

_FURNITURE_PATTERNS = read_entries("furniture.txt")
_FURNITURE = compile_alternation(_FURNITURE_PATTERNS)
_FURNITURE_EACH = tuple(re.compile(pattern, re.IGNORECASE) for pattern in _FURNITURE_PATTERNS)
"""The same patterns one by one: ``re`` scans a case-insensitive alternation several times
slower than it scans each pattern alone, so these answer "is it furniture?" and the
alternation runs only on a hit, to name the match exactly as before."""
_ABBREVIATIONS = frozenset(entry.lower() for entry in read_entries("abbreviations.txt"))

# Words that stay lower-case in a title-cased headline.
_TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over the to up via vs with".split()
)


def segment(text: str) -> Segmentation:
    """Split ``text`` into claims and the segments that were skipped, with reasons."""
    claims: list[Claim] = []
    skipped: list[Segment] = []
    seen: set[str] = set()
    for paragraph, line in enumerate(_LINE.finditer(text)):
        line_start, line_end = _strip(text, line.start(), line.end())
        if line_start == line_end:
            continue
        line_text = text[line_start:line_end]
        if len(line_text) <= FURNITURE_MAX_CHARS and (match := _furniture(line_text)):
            skipped.append(
                Segment(line_start, line_end, line_text, "furniture", f"page furniture: matches {match.group(0)!r}")
            )
            continue
        sentences = _split_sentences(text, line_start, line_end)
        quote_opens = _quote_open_flags(text, line_start, line_end, [start for start, _ in sentences])
        for position, ((start, end), inside_quote) in enumerate(zip(sentences, quote_opens)):
            sentence = text[start:end]
            words = _WORD.findall(sentence)
            whole_line = start == line_start and end == line_end
            kind, reason = _classify(sentence, words, position, len(sentences), not claims, whole_line)
            if kind == "claim":
                key = _duplicate_key(sentence, words)
                if key in seen:
                    kind, reason = "duplicate", "repeats an earlier sentence word for word"
                else:
                    seen.add(key)
            if kind == "claim":
                claims.append(Claim(len(claims), start, end, sentence, paragraph, inside_quote))
            else:
                skipped.append(Segment(start, end, sentence, kind, reason))
    return Segmentation(tuple(claims), tuple(skipped))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (stripped) within one line, in order, covering all its words."""
    spans = []
    sentence_start = start
    for boundary in _BOUNDARY.finditer(text, start, end):
        if _is_sentence_end(text, boundary, end):
            spans.append(_strip(text, sentence_start, boundary.end()))
            sentence_start = boundary.end()
    spans.append(_strip(text, sentence_start, end))
    return [(s, e) for s, e in spans if s < e]


def _is_sentence_end(text: str, boundary: re.Match[str], line_end: int) -> bool:
    following = _NEXT_CHAR.match(text, boundary.end(), line_end)
    if following is None:
        return True
    next_char = following.group(1)
    if next_char.islower() or next_char in ",;:)":
        return False
    punctuation = boundary.group(0)
    if _CLOSING_QUOTE.search(punctuation) and _SPEAKER_TAG.match(text, boundary.end(), line_end):
        return False
    if punctuation != ".":
        return True
    previous = _LAST_TOKEN.search(text, max(0, boundary.start() - 24), boundary.start())
    if previous is None:
        return True
    word = previous.group(1)
    if word.lower().lstrip("(\"'\u201c\u2018") in _ABBREVIATIONS:
        return False
    # "U.S." / "U.N." / "J." before a capitalised word are abbreviations, not ends.
    return not (_INITIALISM.search(word + ".") or _INITIAL.search(word + "."))


def _quote_open_flags(text: str, start: int, end: int, sentence_starts: list[int]) -> list[bool]:
    """For each sentence start, whether a double quotation is open there.

    Curly quotes say which way they face; a straight quote toggles. One pass over the
    line's quote marks, advancing through the (sorted) sentence starts.
    """
    flags = []
    marks = _DOUBLE_QUOTE.finditer(text, start, end)
    depth_open = False
    pending = next(marks, None)
    for sentence_start in sentence_starts:
        while pending is not None and pending.start() < sentence_start:
            mark = pending.group(0)
            depth_open = (not depth_open) if mark == '"' else mark == "\u201c"
            pending = next(marks, None)
        flags.append(depth_open)
    return flags


def _furniture(line: str) -> re.Match[str] | None:
    """The furniture match in ``line`` (the alternation's, leftmost), or None."""
    for pattern in _FURNITURE_EACH:
        if pattern.search(line):
            return _FURNITURE.search(line)
    return None


def _duplicate_key(sentence: str, words: list[str]) -> str:
    """The sentence's lower-cased words, space-joined: equal keys mean a repeated sentence.

    Lower-casing an ASCII sentence maps each character to one character of the same word
    class, so its words lower-cased are the words of it lower-cased, with no second regex
    pass; elsewhere lower-casing may split a character in two ("İ"), so the lower-cased
    text is searched again.
    """
    if sentence.isascii():
        return " ".join(words).lower()
    return " ".join(_WORD.findall(sentence.lower()))


def _classify(
    sentence: str, words: list[str], position: int, sentence_count: int, before_first_claim: bool, whole_line: bool
) -> tuple[str, str]:
    """The segment kind of one sentence (whose ``words`` are given) and why.

    ``whole_line`` says the sentence is its entire line, which the line check has
    already found free of furniture: the same text is not searched twice.
    """
    if len(words) < MIN_CLAIM_WORDS:
        return "fragment", f"too short to assert something ({len(words)} words)"
    if not whole_line and len(sentence) <= FURNITURE_MAX_CHARS and (match := _furniture(sentence)):
        return "furniture", f"page furniture: matches {match.group(0)!r}"
    punctuated = _TERMINAL.search(sentence) is not None
    if sentence_count == 1:
        if not punctuated and (before_first_claim or len(words) < MIN_CUT_SENTENCE_WORDS):
            return "headline", "a line with no closing punctuation: headline or label"
        if before_first_claim and _is_title_cased(words):
            return "headline", "a title-cased line: headline"
    elif not punctuated and position == sentence_count - 1 and len(words) < MIN_TRAILING_FRAGMENT_WORDS:
        return "credit", "a short unpunctuated tail after the last sentence: caption credit"
    return "claim", "a sentence of body text"


def _is_title_cased(words: list[str]) -> bool:
    content = [w for w in words[1:] if w.lower() not in _TITLE_SMALL_WORDS and w[0].isalpha()]
    if len(words) < HEADLINE_MIN_WORDS or not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= HEADLINE_CAPITALISED_SHARE
