"""What a hedge is and whose it is: category, speaker and negation (docs/guidelines.md, "Hedges").

The cue words come from two readers, the lexicon (``hedges.toml``: fixed phrases such as "it is believed",
"reportedly") and the trained detector (``hedge_model.py``: "may", "could", "likely" where they hedge). This
module decides, for one claim, what each found cue is:

- **category**: the lexicon group's (distancing, speculation, vague_attribution), else the word's line in
  ``hedge_categories.txt``; a word listed ``after_be`` ("expected", "believed") hedges only in the passive
  ("prices are expected to rise"); with a subject ("analysts expected") it is a belief attribution's cue.
- **speaker**: ``source`` when the cue stands inside a direct quotation or inside the content of an attribution
  ("Police said the fire appears to have started in the kitchen"), ``writer`` otherwise. A distancing adverb
  next to the reporting verb ("reportedly said", "allegedly told") is the writer's: it qualifies the report.
- **not a hedge at all**: a cue inside the attribution's own cue or source span ("officials believe": the belief
  attribution's cue; "some experts say": an anonymous source, counted once as such), unless it is a passive
  ("are expected to", "it is believed"), which names no believer, or a verb of seeming ("seemed poised"),
  which says how a thing looks, not who believes it.
- **negated**: a negation right before the cue ("not likely", "isn't expected to"); still uncertainty, and
  reported so that a reader sees it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .resources import read_entries
from .records import Attribution, HedgeRule
from .text.passive import be_before

_NEGATION = re.compile(r"(?:\bnot|n[’']t|\bnever|\bno)\s+(?:\w+\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_ADJACENT = 3
"""Characters of space between a distancing adverb and the reporting verb it qualifies, at most."""


@dataclass(frozen=True, slots=True)
class FoundCue:
    start: int
    end: int
    category: str | None
    """The lexicon's category; None for a detector cue (the word list decides)."""


@dataclass(frozen=True, slots=True)
class HedgeReading:
    start: int
    end: int
    category: str
    speaker: str
    negated: bool
    rule: HedgeRule
    """Why the speaker is who it is: quotation, attribution_content, adjacent_to_cue, writer_voice."""


@cache
def word_categories() -> dict[str, tuple[str, frozenset[str]]]:
    """Word -> (category, flags: "after_be", "appearance"; see ``hedge_categories.txt``)."""
    table = {}
    for line in read_entries("hedge_categories.txt"):
        word, category, *flags = line.split("\t")
        table[word] = (category, frozenset(flags))
    return table


def read_cues(text: str, claim_start: int, claim_end: int, cues: Sequence[FoundCue],
              quoted: Sequence[tuple[int, int]], attribution: Attribution | None) -> tuple[HedgeReading, ...]:
    """The hedges of one claim, in text order: overlapping cues merged (the longer kept), then read."""
    readings = []
    for cue in _without_overlaps(cues):
        category = cue.category or _word_category(text, claim_start, cue)
        if category is None or _part_of_attribution(text, claim_start, cue, category, attribution):
            continue
        speaker, rule = _speaker(text, cue, quoted, attribution, category)
        negated = bool(_NEGATION.search(text, max(claim_start, cue.start - 24), cue.start))
        readings.append(HedgeReading(cue.start, cue.end, category, speaker, negated, rule))
    return tuple(readings)


def _without_overlaps(cues: Sequence[FoundCue]) -> list[FoundCue]:
    kept: list[FoundCue] = []
    for cue in sorted(cues, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and cue.start < kept[-1].end:
            if cue.end - cue.start > kept[-1].end - kept[-1].start:
                kept[-1] = cue
            continue
        kept.append(cue)
    return kept


def _word_category(text: str, claim_start: int, cue: FoundCue) -> str | None:
    """The category of the first listed word of a detector cue: the detector joins adjacent cue words into one
    cue ("might seem", "apparently thought"), whose words are listed one by one."""
    for word in _WORD.finditer(text, cue.start, cue.end):
        entry = word_categories().get(word.group().lower())
        if entry is None:
            continue
        category, flags = entry
        if "after_be" not in flags or be_before(text, word.start(), claim_start):
            return category
    return None


def _part_of_attribution(text: str, claim_start: int, cue: FoundCue, category: str,
                         attribution: Attribution | None) -> bool:
    """Whether the cue is the attribution's own words: inside its source ("some experts say" read as an anonymous
    source) or its cue ("officials believe"); a vague attribution that holds the cue ("the senator raised
    concerns that") has found its source. A passive ("are expected to", "it is believed") names no believer,
    so it stays a hedge whatever the attribution made of it."""
    if attribution is None or attribution.inherited or attribution.source is None:
        return False
    holds_the_cue = (category == "vague_attribution" and attribution.cue is not None
                     and _overlaps(cue, attribution.cue) and not be_before(text, attribution.cue.start, claim_start))
    inside = holds_the_cue or any(span is not None and span.start <= cue.start and cue.end <= span.end
                                  for span in (attribution.cue, attribution.source))
    return inside and not be_before(text, cue.start, claim_start) and not _is_appearance(text, cue)


def _is_appearance(text: str, cue: FoundCue) -> bool:
    return any("appearance" in word_categories().get(word.group().lower(), ("", frozenset()))[1]
               for word in _WORD.finditer(text, cue.start, cue.end))


def _speaker(text: str, cue: FoundCue, quoted: Sequence[tuple[int, int]], attribution: Attribution | None,
             category: str) -> tuple[str, str]:
    if inside_any(cue, quoted):
        return "source", "quotation"
    if attribution is None or category == "vague_attribution" or (attribution.source is None and not attribution.inherited):
        return "writer", "writer_voice"  # an agentless cue attributes the claim to nobody: the writer's framing
    if attribution.inherited:
        return "source", "attribution_content"
    if attribution.cue is not None and _overlaps(cue, attribution.cue):
        return "writer", "writer_voice"  # the hedge holds the attribution's cue ("appeared to"): the writer's
    frame = [span for span in (attribution.cue, attribution.source) if span is not None]
    if category == "distancing" and any(_adjacent(text, cue, span) for span in frame):
        return "writer", "adjacent_to_cue"
    if frame and not (min(s.start for s in frame) <= cue.start and cue.end <= max(s.end for s in frame)):
        return "source", "attribution_content"
    return "writer", "writer_voice"


def inside_any(cue: FoundCue, stretches: Sequence[tuple[int, int]]) -> bool:
    """Whether the cue lies inside one of ``stretches`` (in text order, not overlapping): one bisection,
    so many quotations and many hedges in one claim stay linear."""
    position = bisect_right(stretches, (cue.start, float("inf"))) - 1
    return position >= 0 and stretches[position][0] <= cue.start and cue.end <= stretches[position][1]


def _overlaps(cue: FoundCue, span) -> bool:
    return span.start < cue.end and cue.start < span.end


def _adjacent(text: str, cue: FoundCue, span) -> bool:
    between = text[cue.end:span.start] if cue.end <= span.start else text[span.end:cue.start]
    return len(between) <= _ADJACENT and not between.strip()
