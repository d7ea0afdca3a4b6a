"""Rule cues: "according to", "citing" and the reporting verbs of the rule lexicon, found in
one scan of the text, each with the source the rules find next to it (a ``Candidate``)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

from ..document import fold
from ..resources import read_toml
from ..source_lexicons import PRONOUNS, WORDNET_GROUP, WORDNET_PERSON
from ..text.lexicon import word_trie
from ..text.words import singular
from ..text.tokens import HashSet, TextTokens, word_hashes
from ..text.passive import be_before
from ..records import Claim, SourceFound, Span, record
from .clauses import is_adjunct
from .references import names_a_teller
from .spans import plausible, source_after, source_before, trim
from .words import (
    ADJUNCT, BY_AFTER, CLAUSE_WORDS, CUE_VERB_TRIE, CUE_VERBS, FINITE_AUXILIARIES, RIGHT_NP, VERB_INITIALS,
    WORD_OR_JOINER, inverted_opening, is_ly_adverb, verb_classes, word_initial_matches,
)

_CUE_INITIALS = "".join(sorted({*VERB_INITIALS, "A", "C"}))
_CUE = re.compile(
    rf"(?<![\w'’-])(?=[{_CUE_INITIALS}])"
    rf"(?:(?P<according>[Aa]ccording to)|(?P<citing>[Cc]iting)|(?P<verb>{CUE_VERB_TRIE}))(?![\w'’-])"
)
_CUE_KINDS = {"According to": "according", "according to": "according", "Citing": "citing", "citing": "citing"}
"""The kind of a ``_CUE`` match by its text (any other is a "verb")."""
_CUE_BOUNDARY = "\\w'’-"
"""The characters that may not stand right before or after a cue (``_CUE``'s lookarounds)."""
_CUE_AFTER_BOUNDARY = re.compile(
    rf"[^{_CUE_BOUNDARY}](?:{word_trie([*_CUE_KINDS, *CUE_VERBS])})(?![{_CUE_BOUNDARY}])"
)
"""``_CUE`` as a regex that consumes the character before the cue, tried where a cue may start."""
_CUE_FIRST_WORDS = HashSet(word_hashes(sorted({cue.split()[0].lower() for cue in (*_CUE_KINDS, *CUE_VERBS)})))
"""The token hashes of the first words of the cues, lower-cased: a cue's first word is a whole token (no word
character, apostrophe or hyphen touches it), so it starts at a token whose folded hash is one of these."""
_BOUNDARY_CHAR = re.compile(rf"[{_CUE_BOUNDARY}]")
_AFTER_QUOTE = re.compile(r"(?:[”\"’]|'')\s*,?\s*$")
# What may follow a cue for a rule to count it as clear: "that", a colon or quotation,
# the end of the sentence (after "so" or "this" standing for the content: "denied this."), or ", citing".
_CLEAR_AFTER_CUE = re.compile(
    rf"(?:\s+(?:{ADJUNCT}))?(?:\s*:|\s+(?:that|how)\b|\s*,?\s*[“\"]|\s*,\s*citing\b|(?:\s+(?:so|this))?[\s.!?”\"’)]*$)",
    re.IGNORECASE
)
# A reporting clause set in the middle of its content: a comma before its teller, words before that, and after the
# cue (and its adjunct) a comma and more words ("The plan, the minister said, would fail", "..., the Post reported,
# and staff were told").
_CONTENT_BEFORE_COMMA = re.compile(r"\w[^,]*,\s*$")
_COMMA_THEN_CONTENT = re.compile(rf"(?:\s+(?:{ADJUNCT}))?\s*,\s*[\w“\"]", re.IGNORECASE)
_CLEAR_BEFORE_INVERTED = re.compile(r"(?:[,”\"’]|'')\s*$")
QUOTATION_CLOSERS = ("”", "\"", "’", "''")
"""The marks that close a quotation a reporting clause can tag."""
_CLOSER = "(?:" + "|".join(map(re.escape, QUOTATION_CLOSERS)) + ")"
_TAG_AFTER_QUOTE = re.compile(rf"(?:[,?!—–-]\s*{_CLOSER}|{_CLOSER}\s*,)\s*$")
"""A quotation closed as a reporting clause follows it: a comma, question or exclamation mark, or dash inside the
closing mark, or a comma after it ("“...,” he said", "“...”, he said"); not a quoted word ("the “false” reports")."""
_TOLD = re.compile("|".join(CLAUSE_WORDS["addressee_cues"]), re.IGNORECASE)
_CANDIDATE_CLASSES = frozenset(CLAUSE_WORDS["candidate_verb_classes"])
_TELLER_CLASSES = frozenset(CLAUSE_WORDS["teller_verb_classes"])
_WORD_BEFORE = re.compile(r"[A-Za-z][\w'’-]*")
_VERB_ADVERBS = frozenset(CLAUSE_WORDS["verb_adverbs"])
_PEOPLE_NOUNS = WORDNET_PERSON | WORDNET_GROUP
"""Nouns of a person or group ("hydrologist", "panel"): a teller before a verb of cognition."""
_THAT_CLAUSE = re.compile(r"\s+that\s+[\w'’-]+\s+[\w'’-]")
""""that" opening a clause, two words with no mark between them, not the determiner of "overruled that request,"."""
_RULE_VERBS = frozenset(CUE_VERBS)
# A lower-case word with content opening right after it: "that", a colon or a quotation. The word is taken
# whole ("{3,}+" gives nothing back: a shorter part of it is followed by a letter, which no opener begins with),
# so a word with no opener after it fails once, not once per length (a third of the scan's time).
_BEFORE_CONTENT = re.compile(r"(?<![\w'’-])[a-z]{3,}+(?=\s+that\b|\s*:|\s*,?\s*[“\"])")
_TELLER_TAG = re.compile(
    rf"[,?!—–-](?:\s*{_CLOSER}|(?<=,))\s+(?:(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*|he|she|they|we)"
    r"(?:\s+[a-z]+ly)?\s+(?P<verb>[a-z]{3,}+)(?=\s*[,.!?])"
)
"""A reporting clause of a name or pronoun and a verb alone, after a quotation or between commas ("“...,” Maher
remarked.", "The goal, he underlines, is ...", "Polls, they contend, overstate ..."). It opens with one character
class, the mark, so that ``re`` skips ahead to the next mark (alternatives that open with a class each are tried at
every character); a comma alone will do, any mark before a closing quotation mark."""
_CONTENT_OPENER = re.compile(r'that|:|“|"')
"""What ``_BEFORE_CONTENT`` needs after its word: without one of them in a claim, it has no cue before content. Every
branch opens with a literal, so ``re`` skips ahead to the next of their first characters."""
_BELIEF_VERBS = frozenset(CLAUSE_WORDS["belief_verbs"])
_GATE_WORDS = read_toml("gate_words.toml")
_CLAUSE_AFTER = re.compile(
    rf"\s+(?:that|so(?=[\s.!?”\"’)]*$)|(?:{word_trie(_GATE_WORDS['subject_pronouns'])})\s|(?:[\w'’.-]+\s+){{1,6}}?(?:{word_trie(sorted(FINITE_AUXILIARIES))}))"
    r"(?![\w'’-])"
)
"""A clause after a cue, with or without "that": "that", "so" standing for it at the end ("hope so"), a subject pronoun,
or a finite auxiliary after one to six words and no punctuation ("think the plan will fail", "denied the visit was a
factor"; not "states do", where the cue word is a noun before its verb)."""
_BELIEF_BEFORE_CLAUSE = re.compile(rf"(?:{word_trie(CLAUSE_WORDS['belief_verbs'])})(?={_CLAUSE_AFTER.pattern})")
"""A belief verb before a clause; as a whole word, not joined to the word before (``_beliefs_before_clauses``)."""


@record
class Candidate:
    """A cue in a claim and the source the rules find next to it.

    ``kind`` is "according", "citing" or "verb"; ``clear`` says whether the pattern is
    clear enough for the rules to attribute the claim without the model; ``found``
    says where the source was found (``subject_of``: the cue whose subject it is, when
    found that way), for the explanation.
    """

    cue: Span
    source: Span | None
    kind: str
    clear: bool
    found: SourceFound
    subject_of: str = ""


# Where the head of a phrase after "according to" ends: a dash, or a preposition, relative or pronoun after it.
_HEAD_END = re.compile(r"\s+(?:[–-]\s|(?:by|from|in|on|at|that|which|who|he|she|they|it|we)\s)")


def candidates(text: str, claim: Claim) -> tuple[Candidate, ...]:
    """Every cue the rules see in ``claim``, with the source next to it (one regex pass)."""
    return tuple(Cues(text, claim, CueIndex(text, TextTokens.of(text, fold(text))).of(claim)))


Cue = tuple[Span, str]
"""A rule cue and its kind ("according", "citing" or "verb")."""


class CueIndex:
    """The rule cues of a whole text, found in one scan, handed out per claim.

    A claim's cues are those ``_CUE`` finds in the claim alone. The whole-text matches
    that lie in the claim are the same unless one runs across the claim's start or end,
    or a word character follows the claim (then ``_CUE``'s lookahead reads it): for such
    a claim the claim alone is scanned. The whole text's are matched only at the tokens
    (``tokens``, the text's, hashed folded) that are a cue's first word in some case: a
    scan of the text tries the cue trie after every space, about 2 tokenisation passes.
    """

    __slots__ = ("_text", "_cues", "_starts", "_ends")

    def __init__(self, text: str, tokens: TextTokens) -> None:
        self._text = text
        cues: list[Cue] = []
        for start in tokens.starts[_CUE_FIRST_WORDS.find(tokens.hashes)[0]].tolist():
            match = _CUE.match(text) if start == 0 else _CUE_AFTER_BOUNDARY.match(text, start - 1)
            if match is not None:
                cue = text[start : match.end()]
                cues.append((Span(start, match.end(), cue), _CUE_KINDS.get(cue, "verb")))
        self._cues = cues
        self._starts = [cue.start for cue, _ in cues]
        self._ends = [cue.end for cue, _ in cues]

    def of(self, claim: Claim) -> tuple[Cue, ...]:
        """The cues in ``claim``, in text order."""
        text, start, end = self._text, claim.start, claim.end
        if _BOUNDARY_CHAR.match(text, end) is not None:
            return _claim_cues(text, claim)
        low = bisect_left(self._starts, start)
        high = bisect_left(self._starts, end, low)
        if (low > 0 and self._ends[low - 1] > start) or (high > low and self._ends[high - 1] > end):
            return _claim_cues(text, claim)
        return tuple(self._cues[low:high])


def class_cues(text: str, claim: Claim) -> tuple[Cue, ...]:
    """Verbs the rule lexicon lacks whose first WordNet sense is of a candidate class (``clause_words.toml``:
    communication; cognition right after a teller, ``_after_a_teller``), with content opening right after them: "He
    complains that", "pollsters caution that", "the hydrologist theorizes that", or alone
    with their teller in a reporting clause (``_TELLER_TAG``: "“...,” Maher remarked."); and belief verbs before a
    clause, "Some officials think the mayor is at risk" (docs/guidelines.md, "belief")."""
    beliefs = [(Span(m.start(), m.end(), m.group()), "verb") for m in _beliefs_before_clauses(text, claim)]
    tags = [(Span(m.start("verb"), m.end("verb"), m.group("verb")), "verb")
            for m in _TELLER_TAG.finditer(text, claim.start, claim.end) if of_candidate_class(m.group("verb"))]
    said = [
        (Span(m.start(), m.end(), m.group()), "verb") for m in _BEFORE_CONTENT.finditer(text, claim.start, claim.end)
        if of_candidate_class(m.group()) or (_of_teller_class(m.group()) and _after_a_teller(text, claim, m.start())
                                             and _THAT_CLAUSE.match(text, m.end(), claim.end) is not None)
    ] if may_open_content(text, claim) else []
    if not beliefs and not tags:
        return tuple(said)
    found: dict[int, Cue] = {}
    for cue in (*beliefs, *tags, *said):
        found[cue[0].start] = cue
    return tuple(sorted(found.values(), key=lambda cue: cue[0].start))


def of_candidate_class(word: str) -> bool:
    """Whether a verb the rule lexicon lacks has its first WordNet sense in a candidate class (communication)."""
    return _first_class(word) in _CANDIDATE_CLASSES


def _of_teller_class(word: str) -> bool:
    """Whether a verb the rule lexicon lacks has its first WordNet sense in a class whose verbs are candidates only
    right after their teller (``teller_verb_classes``: cognition)."""
    return _first_class(word) in _TELLER_CLASSES


def _first_class(word: str) -> str | None:
    """The WordNet file of the first verb sense of a word the rule lexicon lacks, or None."""
    classes = verb_classes(word) if word not in _RULE_VERBS else None
    return None if classes is None else classes[0][0]


def _after_a_teller(text: str, claim: Claim, start: int) -> bool:
    """Whether the word before ``start`` in the claim, past an adverb, names a teller: a capitalised word, a pronoun,
    or a noun of a person or group ("theorizes" after "Kilgore", "he", "One hydrologist"; not "the many reasons")."""
    words = _WORD_BEFORE.findall(text, claim.start, start)
    while words and (words[-1] in _VERB_ADVERBS or is_ly_adverb(words[-1])):
        words.pop()
    if not words:
        return False
    word = words[-1]
    return word[:1].isupper() or word.lower() in PRONOUNS or singular(word) in _PEOPLE_NOUNS


def may_hold_class_cue(text: str, claim: Claim) -> bool:
    """Whether ``class_cues`` may find a cue in the claim: content may open in it (``may_open_content``), or a belief
    verb stands before a clause ("many officials believe meaningful debt relief is possible"), which needs no "that"."""
    return may_open_content(text, claim) or next(_beliefs_before_clauses(text, claim), None) is not None


def _beliefs_before_clauses(text: str, claim: Claim) -> Iterator[re.Match[str]]:
    """The belief verbs before a clause in the claim: ``_BELIEF_BEFORE_CLAUSE`` opens with the verbs' first letters,
    so ``re`` skips to them, and the word's start is checked on each hit (a lookbehind in front is tried at every
    character)."""
    return word_initial_matches(_BELIEF_BEFORE_CLAUSE, text, claim.start, claim.end, WORD_OR_JOINER)


def may_open_content(text: str, claim: Claim) -> bool:
    """Whether content may open in the claim ("that", a colon, a quotation mark): a plain search, before the scan of
    ``class_cues`` and the lookup of each word's verb classes (most claims have none of them, and then no class cue)."""
    return _CONTENT_OPENER.search(text, claim.start, claim.end) is not None


def _claim_cues(text: str, claim: Claim) -> tuple[Cue, ...]:
    """The cues ``_CUE`` finds in ``claim`` alone."""
    return tuple(
        (Span(m.start(), m.end(), m.group(0)), m.lastgroup or "verb") for m in _CUE.finditer(text, claim.start, claim.end)
    )


class Cues:
    """The rule cues of one claim, found in one regex pass; a cue's source is looked for
    only when a step asks for that cue's candidate, and then once.

    Most claims take the model's cue, and a step then needs few candidates: the one under
    the model's cue, an "according to", the reporting verbs around the speaker. ``where``
    filters on the cue and its kind alone, before any source is looked for.
    """

    __slots__ = ("_text", "_claim", "_cues", "_made", "_be_before")

    def __init__(self, text: str, claim: Claim, cues: tuple[Cue, ...] | None = None) -> None:
        """``cues``: the claim's cues when already found (``CueIndex``), else it is scanned."""
        self._text = text
        self._claim = claim
        self._cues = _claim_cues(text, claim) if cues is None else cues
        self._made: dict[int, Candidate] = {}
        self._be_before: dict[int, bool] = {}

    def __len__(self) -> int:
        return len(self._cues)

    def __getitem__(self, index: int) -> Candidate:
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = _candidate(self._text, self._claim, *self._cues[index], self.is_passive)
        return made

    def is_passive(self, cue: Span) -> bool:
        """Whether a cue is passive ("were reported killed", "was first reported by"): its subject is the content.
        A form of "be" right before it (``text.passive``), looked for once per position (the model's cue and the
        rule cue under it start at the same word); a cue in -ing after it is progressive ("is warning")."""
        if cue.text.lower().endswith("ing"):
            return False
        passive = self._be_before.get(cue.start)
        if passive is None:
            passive = self._be_before[cue.start] = be_before(self._text, cue.start, self._claim.start)
        return passive

    def __iter__(self) -> Iterator[Candidate]:
        return (self[index] for index in range(len(self._cues)))

    def where(self, keep: Callable[[Span, str], bool]) -> Iterator[Candidate]:
        """The candidates, in text order, of the cues for which ``keep(cue, kind)`` holds."""
        return (self[index] for index, (cue, kind) in enumerate(self._cues) if keep(cue, kind))

    def apart(self, span: Span) -> list[int]:
        """The indices of the cues that overlap ``span`` nowhere (``self[index]`` is each one's candidate): told by
        the cues alone, before any source is looked for."""
        start, end = span.start, span.end
        return [index for index, (cue, _) in enumerate(self._cues) if cue.end <= start or end <= cue.start]

    def first(self, keep: Callable[[Span, str], bool]) -> Candidate | None:
        """The first candidate ``where(keep)`` gives, or None."""
        for index, (cue, kind) in enumerate(self._cues):
            if keep(cue, kind):
                return self[index]
        return None

    def overlapping(self, span: Span) -> Candidate | None:
        """The candidate of the first cue that overlaps ``span`` (the rule cue under the model's), or None."""
        start, end = span.start, span.end
        for index, (cue, _) in enumerate(self._cues):
            if cue.start < end and start < cue.end:
                return self[index]
        return None

    def others(self, cue: Span) -> list[tuple[int, Span, str]]:
        """The cues other than ``cue``: each one's index (``self[index]`` is its candidate), the cue, its kind.
        Told apart by offsets, which in one text make the same span (cheaper than ``Span`` equality)."""
        start, end = cue.start, cue.end
        return [
            (index, other, kind) for index, (other, kind) in enumerate(self._cues) if other.start != start or other.end != end
        ]


def _candidate(text: str, claim: Claim, cue: Span, kind: str, is_passive: Callable[[Span], bool]) -> Candidate:
    if kind != "verb":
        source = (_according_source if kind == "according" else source_after)(text, cue.end, claim.end)
        return Candidate(cue, source, kind, kind == "according" and source is not None, "after_cue")
    if (by := BY_AFTER.match(text, cue.end)) and is_passive(cue):  # the cheap anchored "by" first
        source = source_after(text, by.end(), claim.end)
        return Candidate(cue, source, kind, source is not None, "after_by")
    source, found = source_before(text, claim.start, cue.start)
    if source is not None:
        after_quote = _AFTER_QUOTE.search(text, max(claim.start, source.start - 3), source.start) is not None
        clear = found != "inside_clause" and (after_quote or _clear_after(text[cue.end : claim.end], cue)
                                              or _set_in_content(text, claim, source, cue))
        if clear and cue.text in _BELIEF_VERBS:  # a belief is someone's: not the imperative's "Don’t think that"
            clear = names_a_teller(text, source)
        return Candidate(cue, source, kind, clear, found)
    if (_CLEAR_BEFORE_INVERTED.search(text, max(claim.start, cue.start - 3), cue.start)
            or opens_inverted(text, claim, cue)):
        source = source_after(text, cue.end, claim.end)
        tail = text[source.end : claim.end] if source else ""
        clear = source is not None and not tail.strip(" .!?”\"’")
        return Candidate(cue, source, kind, clear, "after_cue_inverted")
    return Candidate(cue, None, kind, False, "nowhere")


def opens_inverted(text: str, claim: Claim, cue: Span) -> bool:
    """Whether ``cue`` is the capitalised verb that opens ``claim`` before its speaker's name ("Stated Stone:")."""
    opening = inverted_opening(text, claim.start, claim.end) if cue.start == claim.start else None
    return opening is not None and opening.end(1) == cue.end


def tags_a_quotation(text: str, claim: Claim, candidate: Candidate) -> bool:
    """Whether a verb cue's clause tags the quotation right before it: its teller, or the cue itself when inverted,
    stands right after a closing mark with a comma at it (``_TAG_AFTER_QUOTE``: "“...,” he said", "“...,” said
    Conway")."""
    source = candidate.source
    if candidate.kind != "verb" or source is None:
        return False
    start = source.start if source.start < candidate.cue.start else candidate.cue.start
    return _TAG_AFTER_QUOTE.search(text, max(claim.start, start - 4), start) is not None


def _set_in_content(text: str, claim: Claim, source: Span, cue: Span) -> bool:
    """Whether "teller cue" stands between commas in the middle of its content ("The plan, the minister said, would
    fail"): content before the comma before the teller, a comma and more words after the cue, and a teller that
    names someone, no adjunct or list item ("like those in many other states,", "including transcripts of investor
    calls,")."""
    return (_CONTENT_BEFORE_COMMA.search(text, claim.start, source.start) is not None
            and _COMMA_THEN_CONTENT.match(text, cue.end, claim.end) is not None
            and not is_adjunct(source.text) and names_a_teller(text, source))


def _according_source(text: str, start: int, claim_end: int) -> Span | None:
    """The source after "according to": ``source_after``, else, when the whole phrase reads as a clause (a verb,
    a modal, too many words), its head before the first postmodifier ("an employment contract he signed in May"
    -> "an employment contract", "the CDC – and they can range" -> "the CDC"), or the agent after a head that
    names nobody ("reporting by The Washington Post" -> "The Washington Post")."""
    if (source := source_after(text, start, claim_end)) is not None:
        return source
    match = RIGHT_NP.match(text, start, claim_end)
    if match is None or (cut := _HEAD_END.search(text, match.start("np"), match.end("np"))) is None:
        return None
    head = plausible(trim(text, match.start("np"), cut.start()), bare_reports=True)
    if head is None and cut.group().strip() == "by":
        return source_after(text, cut.end() - 1, claim_end)
    return head


def _clear_after(after: str, cue: Span) -> bool:
    """A cue is clear when "that", a colon, a quotation, a clause without "that" (``_CLAUSE_AFTER``) or the sentence
    end follows it; after "told", past the addressee."""
    if _TOLD.match(cue.text):
        addressee = RIGHT_NP.match(after)
        if addressee is not None:
            after = after[addressee.end() :]
    return _CLAUSE_AFTER.match(after) is not None or _CLEAR_AFTER_CUE.match(after) is not None

