"""Back-references: a pronoun or name-less definite source ("it", "the agency") takes the
type of the nearest earlier source it can stand for, and points at it (``refers_to``)."""
from __future__ import annotations

import re
from collections import Counter, deque

from ..resources import read_entries, read_toml
from ..source_lexicons import PHRASE_WORDS
from ..source_phrase import is_title_word
from ..sources import SourceReading, classify_source, left_unresolved, surname_like_a_noun
from ..text.words import singular
from ..records import Span, Step, record
from .spans import name_in
from .words import verb_lemma

LOOKBACK_CLAIMS = 4
"""How many claims back a back-reference or a quotation may reach for its source."""
MENTION_MEMORY = 12
"""How many recent sources are kept for back-references (bounds the work per claim)."""


@record
class Mention:
    """A source seen in an earlier claim, for back-references; ``pronoun`` the "he" or "she" that stood for it."""

    span: Span
    reading: SourceReading
    claim_index: int
    pronoun: str | None = None


_HONORIFIC_PRONOUNS = dict(entry.split() for entry in PHRASE_WORDS["honorific_pronouns"])
GENDERED_PRONOUNS = frozenset(_HONORIFIC_PRONOUNS.values())
""""he" and "she": a person the article called one is never the other."""
_GIVEN_NAME_PRONOUNS = dict(entry.split() for entry in read_entries("source_given_names.txt"))
"""Given names that tell "he" or "she" (1990 US Census lists, training/first_names.py): "Hillary Clinton" is no "he"."""
PRONOUN_EVIDENCE = 2
"""How many times the other pronoun must have stood for a surname before it counts: one link may be wrong ("At the
forum, Clinton called her vote a mistake, she said" linked to the Trump quoted before)."""


def names_a_teller(text: str, source: Span) -> bool:
    """Whether a span types as a source (or a pronoun standing for one): "citing the
    release of political prisoners" cites no teller."""
    reading = classify_source(text, source)
    return reading.source_type != "unknown" or bool(reading.refers_back)


def resolve(
    text: str, span: Span, claim_index: int, mentions: deque[Mention]
) -> tuple[Span, SourceReading, Step | None, Span | None]:
    """Type a source; a pronoun or name-less definite phrase takes the reading of the
    nearest earlier source of a compatible type (for anonymous ones, the same head noun),
    and that source's span as its referent; the step says which (None for a source that names
    itself)."""
    span = name_in(text, span) or span
    reading = classify_source(text, span)
    if reading.source_type == "anonymous" and (named := _named_by_surname(span, mentions)) is not None:
        return span, named.reading, Step("surname_of", span.text, named.span.text, named.claim_index), named.span
    if not reading.refers_back:
        return span, reading, None, None
    pronoun = span.text.lower() if span.text.lower() in GENDERED_PRONOUNS else None
    said = _pronouns_of(mentions) if pronoun is not None else Counter()
    for mention in reversed(mentions):
        if claim_index - mention.claim_index > LOOKBACK_CLAIMS:
            break
        if mention.reading.source_type not in reading.refers_back:
            continue
        if pronoun is not None and called_otherwise(mention.span.text, pronoun, said):
            continue
        if reading.source_type == "anonymous" and singular(mention.reading.head) != singular(reading.head):
            continue
        if reading.source_type == "unknown" and mention.reading.plural and not reading.plural:
            continue
        step = Step("refers_back", span.text, mention.span.text, mention.claim_index)
        return span, mention.reading, step, mention.span
    return span, left_unresolved(reading), Step("refers_back_to_nothing", span.text, LOOKBACK_CLAIMS), None


_ASKING_VERBS = frozenset(read_toml("gate_words.toml")["asking_verbs"])
"""Verbs of asking, base forms: the person named right after one is who answers (``person_asked``)."""
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)")
"""Capitalised words right after a verb: the person it is done to ("asked Sen. Jane Roe")."""


def person_asked(text: str, cue: Span, end: int, claim_index: int) -> Mention | None:
    """The named person a question is put to right after a verb of asking (``asking_verbs``: "Hannity asked Trump
    how high the wall would be."), up to ``end``: the one who answers it, whom the "he said" closing the answer
    quoted next stands for, not the asker (the mention the cue's source gives). None for any other cue."""
    words = cue.text.lower().split()
    if not words or verb_lemma(words[-1]) not in _ASKING_VERBS:
        return None
    match = _NAME_AFTER.match(text, cue.end, end)
    if match is None:
        return None
    span = Span(match.start(1), match.end(1), match.group(1))
    reading = classify_source(text, span)
    return Mention(span, reading, claim_index) if reading.source_type == "person" and reading.named else None


def _named_by_surname(span: Span, mentions: deque[Mention]) -> Mention | None:
    """The earlier named person whose name ends in ``span``, one capitalised word WordNet reads as a plural person
    noun and no lexicon lists (``surname_like_a_noun``: "Hicks said" after "Ashley Hicks"): the surname names that
    person, wherever the sentence starts."""
    word = span.text
    if not surname_like_a_noun(word):
        return None
    return next((mention for mention in reversed(mentions) if mention.reading.source_type == "person"
                 and mention.reading.named and mention.span.text != word and mention.span.text.split()[-1] == word), None)


def called_otherwise(name: str, pronoun: str, said: Counter[tuple[str, str]]) -> bool:
    """Whether the article called the person ``name`` (a source's words) by the other gendered pronoun than
    ``pronoun``: an honorific in the name ("Ms. Roe"), or the other pronoun ``PRONOUN_EVIDENCE`` times and more often
    than ``pronoun`` for a name with the same last word (``said``: how often each pronoun stood for each surname)."""
    words = name.split()
    if not words:
        return False
    if (titled := _HONORIFIC_PRONOUNS.get(words[0].rstrip("."))) is not None:
        return titled != pronoun
    if (given := _given_name_pronoun(words)) is not None:
        return given != pronoun
    return any(
        said[words[-1], other] >= PRONOUN_EVIDENCE and said[words[-1], other] > said[words[-1], pronoun]
        for other in GENDERED_PRONOUNS - {pronoun}
    )


def _given_name_pronoun(words: list[str]) -> str | None:
    """The pronoun a name's given name tells: its first word after titles ("President Bill Clinton" -> "he"), never
    its last (a surname: "Theresa May"); None for a name of one word or a given name that tells nothing."""
    given = next((word for word in words[:-1] if not is_title_word(word)), None)
    return _GIVEN_NAME_PRONOUNS.get(given) if given is not None else None


def pronoun_said(name: str, pronoun: str, said: Counter[tuple[str, str]]) -> None:
    """Count in ``said`` that ``pronoun`` ("he", "she") stood for ``name``, by its last word (the surname)."""
    if pronoun in GENDERED_PRONOUNS and (words := name.split()):
        said[words[-1], pronoun] += 1


def _pronouns_of(mentions: deque[Mention]) -> Counter[tuple[str, str]]:
    """How often each pronoun stood for the mentions, by surname (``pronoun_said``)."""
    said: Counter[tuple[str, str]] = Counter()
    for mention in mentions:
        if mention.pronoun is not None:
            pronoun_said(mention.span.text, mention.pronoun, said)
    return said
