"""Hedge cues and verification notes: how the writer qualifies a claim.

Both detectors are lexicons kept as data (``resources/lexicons/hedges.toml``,
``resources/lexicons/verification.toml``). Each means ONE leftmost-first alternation regex run
over each claim's span of the document's folded text (offsets unchanged); each pattern declares
the words it can begin with, so at each word only the patterns that begin with that word
are tried (``text.lexicon.FirstWordLexicon``). The patterns are fixed words with no
nested quantifiers, so matching is linear.

Each lexicon also lists "not" patterns (``not_hedges``, ``not_notes``) that sit first in
the alternation: where wording that contains a cue word but is no cue starts at or before
the cue ("the likely nominee", "likely voters", "confirmed by the Senate"), the regex
engine takes it first and it is dropped, so the cue word inside it is never reported.

Hedges
    A hedge is wording by which the writer distances themselves from a claim
    (Wikipedia MOS:ALLEGED: "reportedly", "allegedly", "so-called"), attributes it to
    vague authorities (MOS:WEASEL: "it is believed", "some experts say", "is said to"),
    or presents it as merely probable ("likely", "apparently", "appears to"). Modal verbs
    ("may", "could") are not hedges here: see the lexicon's header for why.

    Scope rule: a hedge governs the claim (sentence) it stands in, and only that claim.
    A hedge inside a direct quotation is NOT reported: those are the source's own words,
    already attributed to the source, and the question a claim score answers is how the
    article lets the reader trace the claim, not how sure the source was. A quotation is
    a stretch between double quotation marks (straight or curly) within the claim, or
    from the claim's start when the segmenter says it opens inside one; two apostrophes
    ('') count as a double mark (wire copy writes quotations so), but a single quote does
    not, because in scraped text it is mostly an apostrophe. The paragraph right after a
    lead-in that ends with a colon ("the engineer said:") is a block quotation whose hedges are
    its source's: the attribution stage gives it the lead-in's source (``lead_ins``). The span
    is the hedge words only.

Verification notes
    Kinds: ``unverified`` ("could not be independently verified", "has not been
    confirmed", "remains unconfirmed"), ``caution`` ("need to be treated with caution") and
    ``confirmed`` ("confirmed by", "independently verified"). Negated forms begin left of
    the verb they negate, so the leftmost match is the negated one: "could not be
    confirmed by" is unverified, never confirmed. "Did not respond to a request for
    comment" and "declined to comment" are no notes: nothing was checked (the real-news
    labels never mark them). Notes count inside quotations
    too: a statement about whether something was checked informs the reader whoever
    makes it.

    Governing rule. Every note governs the claim it stands in. A note whose lexicon entry
    says ``governs = "subject"`` (a passive: "The GUR's assessment could not be
    verified") also governs earlier claims, looking back at most ``look_back_claims``
    claims:

    1. The subject is the text from the last clause boundary (punctuation, or a
       conjunction such as "so", "but", "that") before the note up to the note.
    2. Its keys are its acronyms ("GUR") and its content words, singularised, minus
       stopwords that do not tell sources apart ("assessment", "briefing", "military").
    3. An earlier claim is governed when its attribution's source or an intermediary in
       ``via`` shares an acronym with the subject, or at least half of the subject's
       content words; or when its source is a definite description made only of words of
       a source already matched ("the agency" after "Ukraine's military intelligence
       agency (GUR)"); or when its attribution is inherited (a quotation that goes on)
       and the claim just before it is governed.
    4. A subject with no keys ("This could not be verified", "The claims have not been
       confirmed") refers back: the note governs the claim just before it.

    Notes whose subject is the checker or the party asked ("Reuters could not verify",
    "the campaign declined to comment"), and adjectives ("unverified claims"), govern
    their own claim only. The note's span is where it stands, which may lie outside a
    governed claim's span.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from .document import Document
from .resources import read_toml
from .text.lexicon import FirstWordLexicon
from .text.words import singular, without_possessive
from .hedge_model import HedgeCueModel
from .hedge_scope import FoundCue, conditioned_modals, inside_any, read_cues
from .records import Attribution, Claim, Hedge, NoteRule, Span, VerificationKind, VerificationNote

_SKIP = "skip"
"""Group name of the "not" patterns: a match here is wording that looks like a cue but is none."""

class _Lexicon(FirstWordLexicon):
    """A lexicon whose "not" patterns come first and whose matches of them are dropped."""

    def __init__(self, groups: Sequence[tuple[str, Sequence[Mapping]]], not_cues: Sequence[Mapping]) -> None:
        super().__init__([(_SKIP, not_cues), *groups])

    def cues(self, folded: str, start: int, end: int) -> Iterator[tuple[re.Match[str], str]]:
        """The lexicon's matches in ``folded[start:end]`` and their entries, but the "not" ones."""
        for match in self.pattern.finditer(folded, start, end):
            if match.lastgroup != _SKIP:
                yield match, match.lastgroup


def _span(text: str, match: re.Match[str]) -> Span:
    return Span(match.start(), match.end(), text[match.start() : match.end()])


# --- hedges -----------------------------------------------------------------------------

_HEDGE_LEXICON = read_toml("hedges.toml")
HEDGE_EXPLANATIONS: dict[str, str] = {
    name: entry["explanation"] for name, entry in _HEDGE_LEXICON["categories"].items()
}
_HEDGES = _Lexicon(
    [(name, entry["patterns"]) for name, entry in _HEDGE_LEXICON["categories"].items()],
    _HEDGE_LEXICON["not_hedges"]["patterns"],
)
_HEDGE_ENTRIES = [*(entry["patterns"] for entry in _HEDGE_LEXICON["categories"].values()),
                  _HEDGE_LEXICON["not_hedges"]["patterns"]]
_HEDGE_NEEDS = frozenset(word for entries in _HEDGE_ENTRIES for entry in entries for word in entry["needs"])
"""Every match of a hedge pattern holds one of its ``needs`` words: a claim with none of them has no match, and
the detector's scan finds which claims have one."""
_COMMON_NEEDS = frozenset(_HEDGE_LEXICON["common_needs"])


def _needing(entries: Sequence[Mapping]) -> list[Mapping]:
    return [entry for entry in entries if _COMMON_NEEDS.intersection(entry["needs"])]


_HEDGES_OF_COMMON_WORDS = _Lexicon(
    [(name, _needing(entry["patterns"])) for name, entry in _HEDGE_LEXICON["categories"].items()],
    _needing(_HEDGE_LEXICON["not_hedges"]["patterns"]),
)
"""The patterns that need a common word: what can match in a claim whose only needed words are common ones (a
pattern whose needed words a claim lacks cannot match there, so leaving it out changes no match)."""


def find_hedges(
    document: Document, claims: Sequence[Claim], attributions: Sequence[Attribution | None], detector: HedgeCueModel
) -> tuple[tuple[Hedge, ...], ...]:
    """The hedges of each claim, in claim order: the lexicon's phrases and the detector's words, each with its
    category, speaker and negation (``hedge_scope``)."""
    needed_words: dict[int, set[str]] = {}
    detected = detector.predict(document.text, [(claim.start, claim.end) for claim in claims], document.folded,
                                _HEDGE_NEEDS, needed_words)
    return tuple(
        _claim_hedges(document, claim, attribution, words, _lexicon_for(needed_words.get(position)))
        for position, (claim, attribution, words) in enumerate(zip(claims, attributions, detected, strict=True))
    )


def _lexicon_for(needed_words: set[str] | None) -> _Lexicon | None:
    """The lexicon to search a claim with, from the needed words it holds: none, no search."""
    if not needed_words:
        return None
    return _HEDGES_OF_COMMON_WORDS if needed_words <= _COMMON_NEEDS else _HEDGES


def _claim_hedges(
    document: Document, claim: Claim, attribution: Attribution | None, detected: Sequence[tuple[int, int]],
    lexicon: _Lexicon | None,
) -> tuple[Hedge, ...]:
    if lexicon is None and not detected:
        return ()
    text, folded = document.text, document.folded
    found, refused = [], []
    for match in lexicon.matches(folded, claim.start, claim.end) if lexicon is not None else ():
        (refused if match.lastgroup == _SKIP else found).append(FoundCue(match.start(), match.end(), match.lastgroup))
    # the lexicon's "not" wording vetoes the detector too ("the likely nominee", "prosecutors alleged")
    refused_spans = [(no.start, no.end) for no in refused]
    found += [
        FoundCue(start, end, None) for start, end in detected
        if not inside_any(FoundCue(start, end, None), refused_spans)
    ]
    found += [FoundCue(start, end, None) for start, end in conditioned_modals(text, folded, claim.start, claim.end)
              if not inside_any(FoundCue(start, end, None), detected)]
    if not found:
        return ()
    quoted = document.quotations.stretches(claim.start, claim.end)
    readings = read_cues(text, claim.start, claim.end, found, quoted, attribution)
    return tuple(Hedge(Span(r.start, r.end, text[r.start:r.end]), r.category, r.speaker, r.negated, r.rule)
                 for r in readings)


# --- verification notes -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _NoteEntry:
    """One [[notes]] entry of verification.toml, without its patterns."""

    kind: VerificationKind
    by_subject: bool


_NOTE_LEXICON = read_toml("verification.toml")
_NOTE_ENTRIES = tuple(_NoteEntry(entry["kind"], entry["governs"] == "subject") for entry in _NOTE_LEXICON["notes"])
NOTE_EXPLANATIONS: tuple[str, ...] = tuple(entry["explanation"] for entry in _NOTE_LEXICON["notes"])
"""What each entry's wording means, by entry number (report.py puts it into the note's explanation)."""
_NOTES = _Lexicon(
    [(f"note{number}", entry["patterns"]) for number, entry in enumerate(_NOTE_LEXICON["notes"])],
    _NOTE_LEXICON["not_notes"]["patterns"],
)
_NOTE_NEEDS = tuple(_NOTE_LEXICON["note_needs"])
_LOOK_BACK = int(_NOTE_LEXICON["look_back_claims"])
_STOPWORDS = frozenset(_NOTE_LEXICON["subject_stopwords"])
_CLAUSE_BOUNDARY = re.compile(rf"[,;:(\u2014\u2013]|\b(?:{'|'.join(_NOTE_LEXICON['clause_openers'])})\b")
_WORD = re.compile(r"\w[\w'\u2019-]*")
_SUBJECT_WORD = re.compile(r"\S+")
_SUBJECT_WORDS = 12
_SUBJECT_CHARS = 300
_DEFINITE = re.compile(r"(?:the|this|that)\s", re.IGNORECASE)


def find_verification_notes(
    document: Document, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[tuple[VerificationNote, ...], ...]:
    """For each claim, the verification notes that govern it (see the module docstring).

    ``attributions`` runs parallel to ``claims``. A note appears under every claim it
    governs, with the same span: where the note stands.
    """
    text, folded = document.text, document.folded
    governed: list[list[VerificationNote]] = [[] for _ in claims]
    needed_at = sorted(position for needed in _NOTE_NEEDS for position in _occurrences(folded, needed))
    for position, claim in enumerate(claims):
        first_needed = bisect_left(needed_at, claim.start)
        if first_needed == len(needed_at) or needed_at[first_needed] >= claim.end:
            continue  # it holds no string a note needs: the lexicon would find nothing there
        boundaries: list[int] | None = None
        for match, group in _NOTES.cues(folded, claim.start, claim.end):
            number = int(group.removeprefix("note"))
            entry = _NOTE_ENTRIES[number]
            if entry.by_subject and boundaries is None:
                boundaries = [claim.start, *(b.end() for b in _CLAUSE_BOUNDARY.finditer(folded, claim.start, claim.end))]
            positions, rule, subject = (
                _governed_by_subject(text, boundaries, claims, attributions, position, match.start())
                if entry.by_subject
                else ([position], "own_claim", "")
            )
            note = VerificationNote(
                span=_span(text, match),
                kind=entry.kind,
                claim_index=claim.index,
                governs=tuple(claims[p].index for p in positions),
                entry=number,
                rule=rule,
                subject=subject,
            )
            for governed_position in positions:
                governed[governed_position].append(note)
    return tuple(tuple(notes) for notes in governed)


def _occurrences(text: str, part: str) -> Iterator[int]:
    """Where ``part`` stands in ``text``: ``str.find`` skips ahead in C, a regex tries every character."""
    position = text.find(part)
    while position >= 0:
        yield position
        position = text.find(part, position + 1)


def _governed_by_subject(
    text: str,
    boundaries: Sequence[int],
    claims: Sequence[Claim],
    attributions: Sequence[Attribution | None],
    position: int,
    note_start: int,
) -> tuple[list[int], NoteRule, str]:
    """Positions of the claims a passive note governs (its own last), the rule that chose them, its subject."""
    subject = _subject(text, boundaries, note_start)
    keys = _keys(subject)
    first = max(0, position - _LOOK_BACK)
    if not keys:
        earlier = [position - 1] if position > 0 else []
        return [*earlier, position], "subject_refers_back", subject
    governed: list[int] = []
    names = set(keys)
    for candidate in range(first, position):
        attribution = attributions[candidate]
        if attribution is None:
            continue
        if attribution.inherited and governed[-1:] == [candidate - 1]:
            governed.append(candidate)
            continue
        for source in _source_texts(attribution):
            source_keys = _keys(source)
            if _refers_to(keys, source_keys) or _repeats_a_name(source, source_keys, names):
                governed.append(candidate)
                names |= source_keys
                break
    if not governed:
        return [position], "subject_unmatched", subject
    return [*governed, position], "subject_matches", subject


def _subject(text: str, boundaries: Sequence[int], note_start: int) -> str:
    """The words between the last clause boundary before the note and the note, at most
    ``_SUBJECT_WORDS`` of them: a subject that names a source is short ("The GUR's assessment"),
    and the bound keeps many notes in one long sentence linear.

    ``boundaries`` are the claim's start and the ends of its clause boundaries, in order."""
    start = boundaries[bisect_right(boundaries, note_start) - 1]
    window = max(start, note_start - _SUBJECT_CHARS)
    words = _SUBJECT_WORD.findall(text, window, note_start)
    if window > start and words:
        words = words[1:]  # the window may have cut the first word
    return " ".join(words[-_SUBJECT_WORDS:])


def _source_texts(attribution: Attribution) -> Iterator[str]:
    if attribution.teller is not None:
        yield attribution.teller.text
    for intermediary in attribution.via:
        yield intermediary.span.text


def _refers_to(subject_keys: frozenset[str], source_keys: frozenset[str]) -> bool:
    """Whether a source is what a subject names: a shared acronym, or half its words."""
    acronyms = {key for key in subject_keys if key.isupper()}
    if acronyms & source_keys:
        return True
    words = subject_keys - acronyms
    return bool(words) and 2 * len(words & source_keys) >= len(words)


def _repeats_a_name(source: str, source_keys: frozenset[str], names: set[str]) -> bool:
    """Whether a definite source ("the agency") repeats words of a source already matched."""
    return bool(source_keys) and source_keys <= names and _DEFINITE.match(source) is not None


def _keys(phrase: str) -> frozenset[str]:
    """Acronyms as written, and content words lower-cased and singularised."""
    keys = set()
    for token in _WORD.findall(phrase):
        word = without_possessive(token)
        if len(word) >= 2 and word.isupper():
            keys.add(word)
            continue
        word = word.lower()
        word = word if word in _STOPWORDS else singular(word)
        if len(word) >= 3 and word not in _STOPWORDS:
            keys.add(word)
    return frozenset(keys)
