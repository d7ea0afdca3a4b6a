"""Attribution: who says each claim, through whom, and how we know.

Input: the claims and the trained model's per-claim reading (a cue span and a source
span, or None). Output: one ``Attribution`` (or None) per claim. The model finds cues;
rules make its spans right and type them, and add what it cannot know on its own.

Per claim, in order (one pass over the claims, bounded work per claim):

1. Cue. The model's cue when it gave one (one of only function words or hedge adverbs
   is not used; a rule-lexicon reporting verb right after it is: "has also detailed").
   Otherwise a rule cue, but only for patterns clear enough not to be a guess:
   "according to X"; "X said that / : / “..." with X at the start of a clause; a
   reporting clause that ends the sentence ("..., the Ukrainian military said on
   Monday.", "“...,” said Umerov."). "X says he escaped" is left to the model: the rule
   cannot tell it from "X says little".
2. Source. The model's span when it is a plausible noun phrase, tightened: an
   apposition or relative clause after a name is cut ("Andriy Kovalenko, the head of
   ..." -> "Andriy Kovalenko"), a possessive owner and a bracketed acronym are kept
   ("Ukraine's Main Military Intelligence Directorate (GUR)"), trailing adjuncts,
   auxiliaries and adverbs go ("on Monday", "has long", "cynically"). The rule source
   next to the cue completes a model span it overlaps ("Rustem" -> "Rustem Umerov") and
   stands in when the model gave none: the noun phrase that ends just before the cue
   (without "has", "also", "further", "on Tuesday"; or reaching past an apposition), or
   for "according to", "citing" and an inverted "said X" the one just after it. A rule
   source apart from the model's does not replace it (it is then an object after the
   cue or a clause before it), except after "according to". A phrase that ends in
   "and" or has no word in it ("''") is no source.
3. Chain. ``source`` is the original teller the article traces the claim to; ``via``
   lists the intermediaries, nearest to the article first (api.md). So "TASS reported,
   citing Denis Pushilin" is source Pushilin (person) via TASS (media): Pushilin told
   TASS, the article heard it from TASS. The same for "The ISW stressed that the GUR
   had claimed ..." (source GUR via ISW), for "X reported ..., according to the ISW"
   (source X via ISW), for a carrier "in the video, shared by the X account 'Victoria',
   the soldier describes" (the account is a relay between the speaker and the article),
   and for a definite carrier ("the video") introduced by an earlier claim: that
   claim's tellers come first ("according to L'Independent").
4. Back-references. A pronoun or a name-less definite source ("it added", "he said",
   "the agency added", "The Washington-based think tank") is resolved to the nearest
   earlier source of a compatible type within ``LOOKBACK_CLAIMS`` claims; the claim
   keeps its own cue, ``inherited`` stays false, the source span stays on the words in
   the claim ("he": the tight span that names who says it), takes the earlier source's
   type, and ``refers_to`` points at the earlier mention. An intermediary in ``via`` is
   given by its earlier mention. Unresolved, the pronoun stays with type unknown.
5. Inheritance. A claim with no cue of its own inherits source, type and via (cue None,
   ``inherited`` true) when it continues a quotation: it opens inside one
   (``Claim.opens_inside_quote``), or it is wholly a quotation right after a claim
   attributed as a direct quotation. A claim that opens a quotation closed and
   attributed a few claims later ("“A. B,” she said.") takes that later attribution.

Each step explains itself; the explanations are joined into ``Attribution.explanation``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .document import QUOTED_PAIR, Document, is_whole_quotation, leaves_quote_open, quoted_length
from .resources import compile_alternation, read_entries
from .sources import SourceReading, classify_source
from .text.lexicon import word_trie
from .text.words import singular
from .types import Attribution, Claim, ClaimPrediction, Span, Via

LOOKBACK_CLAIMS = 4
"""How many claims back a back-reference or a quotation may reach for its source."""

MENTION_MEMORY = 12
"""How many recent sources are kept for back-references (bounds the work per claim)."""

LEFT_WINDOW = 300
"""How far before a cue to look for its source (covers a long apposition)."""

MAX_SOURCE_WORDS = 12
"""A longer "source" is a clause, not a noun phrase: refuse it."""

DIRECT_QUOTE_SHARE = 0.6
"""Share of the attributed content (outside the source and cue) that must be quoted."""

_CUE_VERBS = read_entries("source_cue_verbs.txt")
_AUX = compile_alternation(read_entries("source_aux.txt")).pattern
_ADJUNCT = compile_alternation(read_entries("source_adjuncts.txt")).pattern

# Every cue starts with one of these letters: checking it first lets the matcher skip other
# words without entering the trie.
_VERB_INITIALS = "".join(sorted({word[0] for word in _CUE_VERBS}))
_CUE_INITIALS = "".join(sorted({*_VERB_INITIALS, "A", "C"}))
_CUE_VERB_TRIE = word_trie(_CUE_VERBS)
_FUNCTION_WORDS = frozenset(read_entries("source_function_words.txt"))
_HEDGE_ADVERBS = frozenset(read_entries("source_hedge_adverbs.txt"))
_CUE_WORD = re.compile(r"\w+|[^\w\s]")
_CUE = re.compile(
    rf"(?<![\w'’-])(?=[{_CUE_INITIALS}])"
    rf"(?:(?P<according>[Aa]ccording to)|(?P<citing>[Cc]iting)|(?P<verb>{_CUE_VERB_TRIE}))(?![\w'’-])"
)
_CUE_KINDS = {"According to": "according", "according to": "according", "Citing": "citing", "citing": "citing"}
"""The kind of a ``_CUE`` match by its text (any other is a "verb")."""
_CUE_BOUNDARY = "\\w'’-"
"""The characters that may not stand right before or after a cue (``_CUE``'s lookarounds)."""
_CUE_AFTER_BOUNDARY = re.compile(
    rf"[^{_CUE_BOUNDARY}](?:{word_trie([*_CUE_KINDS, *_CUE_VERBS])})(?![{_CUE_BOUNDARY}])"
)
"""``_CUE`` as a regex that consumes the character before the cue, for scanning a whole
text: it starts with a character class, so the matcher skips words without trying a match
in them (one whole-text scan instead of one per claim, 1.6x faster)."""
_BOUNDARY_CHAR = re.compile(rf"[{_CUE_BOUNDARY}]")
_CUE_VERB = re.compile(rf"(?<![\w'’-])(?=[{_VERB_INITIALS}])(?:{_CUE_VERB_TRIE})(?![\w'’-])")
# A clause piece: text between punctuation that cannot sit inside a source noun phrase.
_PIECE = re.compile(r"[^,;:“”\"—]+")
# A subordinating word: the source starts after the last one in a piece ("as he explained").
# Searched forwards and the last hit kept: a greedy ".*" prefix would backtrack over the piece.
_SUBORDINATOR = re.compile(
    r"\b(?:that|but|as|when|while|because|after|before|if|so|where|whereas|although|though)\s+", re.IGNORECASE
)
# Auxiliaries, adverbs and time adjuncts between a source and its cue ("Cruz has long
# said", "Sanders on Tuesday said"): not part of the source.
# A lower-case "-ly" word after a source is an adverb ("Gingrich cynically dismissed"),
# but for a few nouns ("the family", "an ally").
_LY_ADVERB = r"(?!(?:family|ally|assembly|supply|rally|monopoly|anomaly|bully|belly|fly|july)\b)[a-z]{2,}ly"
_TRAILING_AUX = re.compile(rf"(?:\s+(?:{_AUX}|{_ADJUNCT}|(?-i:{_LY_ADVERB}))(?![\w'’-]))+\s*$", re.IGNORECASE)
# A pronoun's clitic is the verb, not the source: "She’ll present", "He’s claiming".
_PRONOUN_CLITIC = re.compile(r"(?<![\w'’-])(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I|[Yy]ou)(?P<clitic>['’](?:ll|s|d|ve|re|m))$")
# A phrase that ends in a conjunction is the first half of a coordination ("Scott beamed
# and asked"), not a source.
_ENDS_IN_CONJUNCTION = re.compile(r"(?:^|\s)(?:and|or|but|nor)$", re.IGNORECASE)
_HAS_WORD = re.compile(r"\w")
# What may stand between a model's function-word cue and the reporting verb it belongs to
# ("has also detailed", "did not immediately say").
_AUX_GAP = re.compile(rf"(?:\s+(?:{_AUX}|(?-i:{_LY_ADVERB})))*\s+", re.IGNORECASE)
# A "source" made only of auxiliaries, sentence adverbs or an "-ly" adverb names nobody
# ("have pointed out", "Meanwhile ... saying", "Deeply divided").
_NO_TELLER = re.compile(
    rf"(?:(?:the|a|an|this|that|these|those|has|have|had|meanwhile|perhaps|however|also|then|now|still|yet|instead|indeed|moreover|(?-i:{_LY_ADVERB}))\s*)+",
    re.IGNORECASE,
)
_ADJUNCT_START = re.compile(rf"\s+(?:{_ADJUNCT})", re.IGNORECASE)
_APPOSITIVE_START = re.compile(r"\s*(?:the|a|an|who|which|whose|former|[a-z])", re.DOTALL)
# Words that make a would-be source a clause: copulas and modals.
_CLAUSE_WORD = re.compile(
    r"\b(?:is|are|was|were|be|been|being|having|will|would|could|should|can|may|might|must|do|does|did)\b", re.IGNORECASE
)
_SAY_VERB = re.compile(compile_alternation(read_entries("source_say_verbs.txt")).pattern, re.IGNORECASE)
# "Ukrainian, South Korean and Western intelligence agencies": names listed before a source.
_LISTED_BEFORE = re.compile(r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?,\s+)+$")
# A passive cue: a form of "be" right before it, an adverb at most between ("was first
# reported"); a cue in -ing after it is progressive ("is warning"), not passive.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|is|are)\s+(?:(?:first|also|widely|later|then|\w+ly)\s+)?$", re.IGNORECASE)
_BY_AFTER = re.compile(r"\s+by\s+")
_AFTER_QUOTE = re.compile(r"(?:[”\"’]|'')\s*,?\s*$")
# A noun phrase after a cue: up to punctuation, past a dot inside a word ("U.S.") or
# after a title ("Mr. Burman").
_TITLE_DOT = "|".join(rf"(?<=\b{title})" for title in ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Jr", "St", r"U\.S"))
_RIGHT_NP = re.compile(
    rf"\s*(?P<np>[^,;:“”\".!?—]+(?:(?:\.(?=[^\s,;:“”\".!?—])|(?:{_TITLE_DOT})\.)[^,;:“”\".!?—]*)*)"
    r"(?P<name>\s*[“\"][^”\"]{1,60}[”\"])?"
)
_NAME_APPOSITION = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}),\s+(?:the|a|an|who|which|whose|former|[a-z])")
# An account named in quotation marks, ending where a cue or a source span ends:
# "the pro-Ukrainian X account “Victoria”", "a Telegram channel 'Rybar'". Bounded words,
# no overlap between the parts: linear.
_ACCOUNT_HEADS = "account|channel|page|handle|profile"
_QUOTED_ACCOUNT = re.compile(
    rf"(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,3}}(?:{_ACCOUNT_HEADS})s?\s+"
    r"[“\"‘'][^”\"’'\n]{1,60}[”\"’'],?\s*$",
    re.IGNORECASE,
)
_ACCOUNT_WORD = re.compile(_ACCOUNT_HEADS, re.IGNORECASE)
_CLOSING_QUOTES = frozenset("”\"’'")
_OWNER_BEFORE = re.compile(r"(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+$")
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z]{2,6}\)")
# A capitalised article inside a span: two phrases run together ("official The New York Times").
_RUN_TOGETHER = re.compile(r"(?<!\bof)(?<!\bfor)(?<!\band)(?<!\bat)(?<!\bin)(?<!\bon)(?<!\bto)\s(?:The|A|An)\s")
_UNCLOSED_ACRONYM = re.compile(r"\([A-Z]{2,6}$")
_BRACKET_CLOSE = re.compile(r"\s*\)")
# Leading junk includes a quotation closed with two apostrophes ("...,'' he said").
_LEADING_JUNK = re.compile(r"(?:[\s,;:—-]|'')+")
_TRAILING_JUNK = re.compile(r"[\s,;:.—-]+$")
# What may follow a cue for a rule to count it as clear: "that", a colon or quotation,
# the end of the sentence, or ", citing".
_CLEAR_AFTER_CUE = re.compile(
    rf"(?:\s+(?:{_ADJUNCT}))?(?:\s*:|\s+(?:that|how)\b|\s*,?\s*[“\"]|\s*,\s*citing\b|[\s.!?”\"’]*$)", re.IGNORECASE
)
_CLEAR_BEFORE_INVERTED = re.compile(r"(?:[,”\"’]|'')\s*$")
_LINK = re.compile(rf"(?:\s+(?:{_ADJUNCT}))?\s*[:,]?\s*(?:that\s+)?", re.IGNORECASE)
_TOLD = re.compile(r"told|tells?", re.IGNORECASE)
# Carriers: what a source speaks in, which someone else may pass on ("a video shared by X").
_CARRIERS = "video|footage|clip|post|statement|interview|recording"
_RELAY = re.compile(
    rf"\b(?:{_CARRIERS})s?\b[^.;:“”\"]{{0,40}}?\b(?:shared|posted|published|released|circulated|broadcast|aired)\s+by\s+",
    re.IGNORECASE,
)
# Every relay has " by " in it: looking for that first skips most claims cheaply.
_BY_WORD = re.compile(r"\s[Bb][Yy]\s")
# "the video": the word boundary before "the" is checked on each hit (``_definite_carrier``),
# which lets the regex engine skip ahead to the next "T" or "t".
_DEFINITE_CARRIER = re.compile(rf"[Tt]he\s+({_CARRIERS})\b")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A cue in a claim and the source the rules find next to it.

    ``kind`` is "according", "citing" or "verb"; ``clear`` says whether the pattern is
    clear enough for the rules to attribute the claim without the model; ``found``
    says where the source was found, for the explanation.
    """

    cue: Span
    source: Span | None
    kind: str
    clear: bool
    found: str


@dataclass(frozen=True, slots=True)
class _Mention:
    """A source seen in an earlier claim, for back-references."""

    span: Span
    reading: SourceReading
    claim_index: int


@dataclass(frozen=True, slots=True)
class _Seen:
    """What later claims need to know about an earlier one: the claim and its attribution."""

    claim: Claim
    attribution: Attribution | None


def attribute(
    document: Document, claims: Sequence[Claim], predictions: Sequence[ClaimPrediction]
) -> tuple[Attribution | None, ...]:
    """One ``Attribution`` or None per claim, in claim order (see the module docstring)."""
    text = document.text
    if len(claims) != len(predictions):
        raise ValueError(f"{len(claims)} claims but {len(predictions)} predictions")
    mentions: deque[_Mention] = deque(maxlen=MENTION_MEMORY)
    seen: deque[_Seen] = deque(maxlen=LOOKBACK_CLAIMS)
    results: list[Attribution | None] = []
    cues = _CueIndex(text)
    for claim, prediction in zip(claims, predictions):
        found = cues.of(claim)
        cue = prediction.cue
        if found or (cue is not None and claim.start <= cue.start and cue.end <= claim.end):
            own = _own_attribution(text, claim, prediction, _Cues(text, claim, found), mentions, seen)
        else:
            own = None  # no cue of the model's in the claim, nor of the rules': nothing to attribute by
        result = own if own is not None else _inherit_backward(claim, seen)
        results.append(result)
        seen.append(_Seen(claim, result))
    return _inherit_forward(text, claims, results)


def candidates(text: str, claim: Claim) -> tuple[Candidate, ...]:
    """Every cue the rules see in ``claim``, with the source next to it (one regex pass)."""
    return tuple(_Cues(text, claim, _CueIndex(text).of(claim)))


_Cue = tuple[Span, str]
"""A rule cue and its kind ("according", "citing" or "verb")."""


class _CueIndex:
    """The rule cues of a whole text, found in one scan, handed out per claim.

    A claim's cues are those ``_CUE`` finds in the claim alone. The whole-text matches
    that lie in the claim are the same unless one runs across the claim's start or end,
    or a word character follows the claim (then ``_CUE``'s lookahead reads it): for such
    a claim the claim alone is scanned.
    """

    __slots__ = ("_text", "_cues", "_starts", "_ends")

    def __init__(self, text: str) -> None:
        self._text = text
        cues: list[_Cue] = []
        position = 0
        if (first := _CUE.match(text)) is not None:
            cues.append((Span(0, first.end(), first.group(0)), _CUE_KINDS.get(first.group(0), "verb")))
            position = first.end()
        for match in _CUE_AFTER_BOUNDARY.finditer(text, position):
            cue = text[match.start() + 1 : match.end()]
            cues.append((Span(match.start() + 1, match.end(), cue), _CUE_KINDS.get(cue, "verb")))
        self._cues = cues
        self._starts = [cue.start for cue, _ in cues]
        self._ends = [cue.end for cue, _ in cues]

    def of(self, claim: Claim) -> tuple[_Cue, ...]:
        """The cues in ``claim``, in text order."""
        text, start, end = self._text, claim.start, claim.end
        if _BOUNDARY_CHAR.match(text, end) is not None:
            return _claim_cues(text, claim)
        low = bisect_left(self._starts, start)
        high = bisect_left(self._starts, end, low)
        if (low > 0 and self._ends[low - 1] > start) or (high > low and self._ends[high - 1] > end):
            return _claim_cues(text, claim)
        return tuple(self._cues[low:high])


def _claim_cues(text: str, claim: Claim) -> tuple[_Cue, ...]:
    """The cues ``_CUE`` finds in ``claim`` alone."""
    return tuple(
        (Span(m.start(), m.end(), m.group(0)), m.lastgroup or "verb") for m in _CUE.finditer(text, claim.start, claim.end)
    )


class _Cues:
    """The rule cues of one claim, found in one regex pass; a cue's source is looked for
    only when a step asks for that cue's candidate, and then once.

    Most claims take the model's cue, and a step then needs few candidates: the one under
    the model's cue, an "according to", the reporting verbs around the speaker. ``where``
    filters on the cue and its kind alone, before any source is looked for.
    """

    __slots__ = ("_text", "_claim", "_cues", "_made")

    def __init__(self, text: str, claim: Claim, cues: tuple[_Cue, ...] | None = None) -> None:
        """``cues``: the claim's cues when already found (``_CueIndex``), else it is scanned."""
        self._text = text
        self._claim = claim
        self._cues = _claim_cues(text, claim) if cues is None else cues
        self._made: dict[int, Candidate] = {}

    def __len__(self) -> int:
        return len(self._cues)

    def __getitem__(self, index: int) -> Candidate:
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = _candidate(self._text, self._claim, *self._cues[index])
        return made

    def __iter__(self) -> Iterator[Candidate]:
        return (self[index] for index in range(len(self._cues)))

    def where(self, keep: Callable[[Span, str], bool]) -> Iterator[Candidate]:
        """The candidates, in text order, of the cues for which ``keep(cue, kind)`` holds."""
        return (self[index] for index, (cue, kind) in enumerate(self._cues) if keep(cue, kind))

    def first(self, keep: Callable[[Span, str], bool]) -> Candidate | None:
        """The first candidate ``where(keep)`` gives, or None."""
        for index, (cue, kind) in enumerate(self._cues):
            if keep(cue, kind):
                return self[index]
        return None

    def only(self, cue: Span) -> bool:
        """Whether ``cue`` is the only cue there is, if any: no other cue to relay, cite or nest."""
        for other, _ in self._cues:
            if other != cue:
                return False
        return True


def _candidate(text: str, claim: Claim, cue: Span, kind: str) -> Candidate:
    if kind != "verb":
        source = _source_after(text, cue.end, claim.end)
        return Candidate(cue, source, kind, kind == "according" and source is not None, "after the cue")
    if _passive(text, claim, cue) and (by := _BY_AFTER.match(text, cue.end)):
        source = _source_after(text, by.end(), claim.end)
        return Candidate(cue, source, kind, source is not None, "after 'by' (passive)")
    source, found = _source_before(text, claim.start, cue.start)
    if source is not None:
        after_quote = _AFTER_QUOTE.search(text, max(claim.start, source.start - 3), source.start) is not None
        clear = found != "inside a clause" and (after_quote or _clear_after(text[cue.end : claim.end], cue))
        return Candidate(cue, source, kind, clear, found)
    if _CLEAR_BEFORE_INVERTED.search(text, max(claim.start, cue.start - 3), cue.start):
        source = _source_after(text, cue.end, claim.end)
        tail = text[source.end : claim.end] if source else ""
        clear = source is not None and not tail.strip(" .!?”\"’")
        return Candidate(cue, source, kind, clear, "after the cue (inverted)")
    return Candidate(cue, None, kind, False, "nowhere")


def _clear_after(after: str, cue: Span) -> bool:
    """A cue is clear when "that", a colon, a quotation or the sentence end follows it."""
    if _TOLD.match(cue.text):
        addressee = _RIGHT_NP.match(after)
        if addressee is not None:
            after = after[addressee.end() :]
    return _CLEAR_AFTER_CUE.match(after) is not None


def _source_before(text: str, claim_start: int, cue_start: int) -> tuple[Span | None, str]:
    """The noun phrase that ends just before a cue, and where it was found.

    The last clause piece before the cue, after its last subordinator ("as he") and
    without trailing auxiliaries ("had", "also"). When nothing is left and an apposition
    stands between commas ("Andriy Kovalenko, the head of ..., said"), the phrase before
    the apposition. "inside a clause" marks a phrase that does not start a clause (the
    rules do not trust it alone).
    """
    low = max(claim_start, cue_start - LEFT_WINDOW)
    if (account := _quoted_account_before(text, claim_start, cue_start)) is not None:
        return account, "before the cue (a quoted account name)"
    pieces = list(_PIECE.finditer(text, low, cue_start))
    if not pieces or pieces[-1].end() != cue_start:
        return None, "nowhere"
    span = _noun_phrase_end(text, pieces[-1].start(), cue_start)
    if span is not None and " and " in span.text and len(pieces) >= 2:
        listed = _LISTED_BEFORE.search(text, max(claim_start, span.start - 80), span.start)
        if listed is not None:
            span = Span(listed.start(), span.end, text[listed.start() : span.end])
            pieces = [match for match in pieces if match.start() < listed.start()][-1:] or pieces
    if span is not None:
        clause_start = pieces[-1].start() == claim_start or text[pieces[-1].start() - 1] in ",;:”\"—"
        starts_piece = not text[pieces[-1].start() : span.start].strip()
        return span, "before the cue" if clause_start or not starts_piece else "inside a clause"
    if len(pieces) >= 3 and text[pieces[-1].start() - 1] == "," and text[pieces[-2].start() - 1] == ",":
        if _APPOSITIVE_START.match(text, pieces[-2].start(), pieces[-2].end()):
            span = _noun_phrase_end(text, pieces[-3].start(), pieces[-3].end())
            if span is not None:
                return span, "before the apposition"
    return None, "nowhere"


def _quoted_account_before(text: str, claim_start: int, cue_start: int) -> Span | None:
    """A quoted account name that ends just before a cue ("the X account “Victoria” posted").

    The search runs only where a closing quotation mark stands right before the cue: the
    windowed search is costly, and without that mark it cannot match.
    """
    if not _ends_with_closing_quote(text, claim_start, cue_start):
        return None
    account = _quoted_account(text, max(claim_start, cue_start - LEFT_WINDOW), cue_start)
    return None if account is None else _trim(text, account.start(), account.end())


def _quoted_account(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_QUOTED_ACCOUNT.search`` in ``text[start:end]``, tried only when one of its head
    words ("account", "channel") is there: without one it cannot match, and the search
    itself is costly."""
    if _ACCOUNT_WORD.search(text, start, end) is None:
        return None
    return _QUOTED_ACCOUNT.search(text, start, end)


def _ends_with_closing_quote(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, less trailing spaces and a comma, ends in a closing quote."""
    while end > start and text[end - 1] in " ,\t":
        end -= 1
    return end > start and text[end - 1] in _CLOSING_QUOTES


def _noun_phrase_end(text: str, start: int, end: int) -> Span | None:
    """The plausible noun phrase that ends at ``end`` within ``text[start:end]``, if any."""
    found = _phrase_at_end(text[start - 1 : start], text[start:end])
    if found is None:
        return None
    offset, words = found
    return Span(start + offset, start + offset + len(words), words)


@lru_cache(maxsize=8192)
def _phrase_at_end(before: str, piece: str) -> tuple[int, str] | None:
    """``_noun_phrase_end`` of ``before + piece`` within ``piece``: where the phrase starts
    in ``piece``, and its words. ``before`` is the character before the piece (or ""),
    the only context the patterns look at, so the answer is cached per (before, piece):
    the same pieces ("he", "the ministry") come back claim after claim."""
    text = before + piece
    start, end = len(before), len(text)
    for subordinate in _SUBORDINATOR.finditer(text, start, end):
        start = subordinate.end()
    aux = _TRAILING_AUX.search(text, start, end)
    if aux is not None:
        end = aux.start()
    span = _plausible(_trim(text, start, end))
    return None if span is None else (span.start - len(before), span.text)


def _source_after(text: str, start: int, claim_end: int) -> Span | None:
    """The noun phrase right after a cue ("according to X", "citing X", "said X"),
    with a quoted name that follows it ("the X account “Victoria”"), minus adjuncts."""
    match = _RIGHT_NP.match(text, start, claim_end)
    if match is None:
        return None
    end = match.end("np")
    adjunct = _ADJUNCT_START.search(text, match.start("np"), end)
    if adjunct is not None:
        end = adjunct.start()
    elif match.group("name"):
        end = match.end("name")
    return _plausible(_trim(text, match.start("np"), end))


def _trim(text: str, start: int, end: int) -> Span | None:
    """``text[start:end]`` without leading and trailing junk and an unpaired closing
    quotation mark; None when nothing is left."""
    if start >= end:
        return None
    trimmed = _trimmed(text[start:end])
    if trimmed is None:
        return None
    lead, words = trimmed
    start += lead
    return Span(start, start + len(words), words)


@lru_cache(maxsize=8192)
def _trimmed(piece: str) -> tuple[int, str] | None:
    """How many characters ``_trim`` drops at the start of ``piece``, and what it keeps.

    Nothing here looks outside the piece, so the answer is cached per piece text.
    """
    start, end = 0, len(piece)
    if (junk := _LEADING_JUNK.match(piece, start, end)) is not None:
        start = junk.end()
    if (junk := _TRAILING_JUNK.search(piece, start, end)) is not None:
        end = junk.start()
    if piece[end - 1 : end] in ("”", '"') and not QUOTED_PAIR.search(piece, start, end):
        end -= 1
    return (start, piece[start:end]) if start < end else None


def _plausible(span: Span | None) -> Span | None:
    """Refuse a "source" that is a clause: too long, or with a cue verb or copula in it."""
    if span is None or not _phrase_like(span.text):
        return None
    return span


@lru_cache(maxsize=8192)
def _phrase_like(words: str) -> bool:
    """Whether ``words`` can be a source noun phrase (see ``_plausible``); cached, as the
    same phrases ("he", "the agency") come back claim after claim."""
    if not 1 <= len(words.split()) <= MAX_SOURCE_WORDS or _CUE_VERB.search(words) or _CLAUSE_WORD.search(words):
        return False
    if not _HAS_WORD.search(words) or _ENDS_IN_CONJUNCTION.search(words) or _NO_TELLER.fullmatch(words):
        return False
    return _RUN_TOGETHER.search(words) is None


def tighten(text: str, span: Span) -> Span:
    """Make a model source span right and tight.

    Cut an apposition or relative clause after a name ("Andriy Kovalenko, the head of
    ..."), trailing adjuncts, auxiliaries, adverbs ("Trump has steadfastly"), a pronoun's
    clitic ("She’ll") and punctuation; keep the possessive owner before it and a
    bracketed acronym after it, so "Ukraine's Main Military Intelligence Directorate
    (GUR)" stays one source; a quoted account name keeps its account ("the X account
    'Victoria'", not "Victoria'").
    """
    start, end = span.start, span.end
    if _ends_with_closing_quote(text, start, end) and (
        (account := _quoted_account(text, max(0, start - LEFT_WINDOW), end)) is not None and account.start() < start
    ):
        return _trim(text, account.start(), end) or span
    end = start + _tight_length(text[start - 1 : start], text[start:end])
    if (owner := _owner_before(text, start)) is not None:
        start = owner.start()
    if (acronym := _ACRONYM_AFTER.match(text, end)) is not None:
        end = acronym.end()
    elif _UNCLOSED_ACRONYM.search(text, start, end) and (close := _BRACKET_CLOSE.match(text, end)) is not None:
        end = close.end()
    return _trim(text, start, end) or span


@lru_cache(maxsize=8192)
def _tight_length(before: str, words: str) -> int:
    """How much of a model span ``words`` is left without an apposition or relative
    clause after a name, trailing adjuncts, auxiliaries and adverbs, and a pronoun's
    clitic (see ``tighten``). ``before`` is the character before the span (or ""): the
    only context these patterns look at, so the answer is cached per (before, words).
    """
    piece = before + words
    start = end = len(before)
    end = len(piece)
    if (name := _NAME_APPOSITION.match(piece, start, end)) is not None:
        end = name.end("name")
    if (adjunct := _ADJUNCT_START.search(piece, start, end)) is not None:
        end = adjunct.start()
    if (trailing := _TRAILING_AUX.search(piece, start, end)) is not None and trailing.start() > start:
        end = trailing.start()
    if (clitic := _PRONOUN_CLITIC.search(piece, start, end)) is not None:
        end = clitic.start("clitic")
    return end - start


def _owner_before(text: str, start: int) -> re.Match[str] | None:
    """The possessive owner that ends just before ``start`` ("Ukraine's "), if any.

    The search runs only where the text before ``start`` is "'s" and spaces: the windowed
    search is costly, and without those it cannot match.
    """
    low = max(0, start - 60)
    before = text[low:start]
    if not (before[-1:].isspace() and before.rstrip().endswith(("'s", "’s"))):
        return None
    return _OWNER_BEFORE.search(text, low, start)


def _own_attribution(
    text: str, claim: Claim, prediction: ClaimPrediction, found: _Cues, mentions: deque[_Mention], seen: deque[_Seen]
) -> Attribution | None:
    """The claim's attribution from its own cue (``found``: the rule cues), or None when it has none."""
    primary, how = _primary(text, claim, prediction, found)
    if primary is None:
        return None
    chain, notes = _chain(text, claim, primary, found, seen)
    typed = [_resolve(text, span, claim.index, mentions) for span in chain]
    for span, reading, _, referent in typed:
        if reading.source_type != "unknown":
            mentions.append(_Mention(referent or span, reading, claim.index))
    notes = [how, *notes]
    referent = None
    if typed:
        source, reading, resolution, referent = typed[-1]
        where = primary.found if chain[-1] == primary.source else "in the chain"
        notes.append(f"source {chain[-1].text!r} found {where}")
        if resolution:
            notes.append(resolution)
        notes.append(f"typed {reading.source_type}: {reading.explanation}")
    else:
        source, reading = None, SourceReading("unknown", False, False, "no source found around the cue")
        notes.append("no source found around the cue: type unknown")
    via = tuple(Via(referent_ or span, r.source_type) for span, r, _, referent_ in typed[:-1])
    if via:
        notes.append("second-hand, via " + ", then ".join(f"{v.span.text!r} ({v.source_type})" for v in via))
    return Attribution(
        source=source,
        source_type=reading.source_type,
        named=reading.named,
        cue=primary.cue,
        inherited=False,
        via=via,
        described=reading.described,
        direct_quote=_is_direct_quote(text, claim, primary.cue, source),
        explanation="; ".join(notes),
        refers_to=referent,
    )


def _primary(
    text: str, claim: Claim, prediction: ClaimPrediction, found: _Cues
) -> tuple[Candidate | None, str]:
    """The claim's main cue and its source: the model's, made right, else a clear rule cue.

    A model cue made only of hedge adverbs (``resources/source_hedge_adverbs.txt``:
    "reportedly") is not used: it distances the writer and names nobody. One made only of
    function words (``resources/source_function_words.txt``: "has", "about", ":") gives
    way to a reporting verb of the rule lexicon right after it, past auxiliaries and
    adverbs ("has also detailed": "detailed"), and is otherwise kept only when its source
    names a teller (the "WALLACE" of "WALLACE:"; not "The incident" of "... against").
    Attribution is
    meant broadly, as PolNeAR annotates it: speech ("said") and reported states of a
    source ("believes", "wants", "criticized") both tell the reader whose view a claim is.
    """
    cue = prediction.cue
    how = ""
    if cue is not None and claim.start <= cue.start and cue.end <= claim.end:
        how = f"model cue {cue.text!r} (p={prediction.probability:.2f})"
        words = _cue_words(cue.text)
        if words == "hedge":
            how += " is a hedge, which names nobody: not used"
        elif words == "function":
            verb = found.first(lambda verb, kind: kind == "verb" and _AUX_GAP.fullmatch(text, cue.end, verb.start) is not None)
            if verb is not None:
                moved = ClaimPrediction(prediction.probability, verb.cue, prediction.source)
                return _from_model(text, claim, moved, found, f"{how} is function words; the reporting verb {verb.cue.text!r} after it is the cue")
            kept, why = _from_model(text, claim, prediction, found, f"{how}, function words only: kept")
            if kept.source is not None and _names_a_teller(text, kept.source):
                return kept, why
            how += " is function words with no teller beside it: not used"
        else:
            return _from_model(text, claim, prediction, found, how)
    clear = (
        next((c for c in found if c.clear and c.kind == "verb"), None)
        or next((c for c in found if c.clear), None)
        or next((c for c in found if _says(text, c)), None)
    )
    if clear is None:
        return None, how
    pattern = "'according to X'" if clear.kind == "according" else f"source {clear.found}"
    rule = f"rule cue {clear.cue.text!r} ({pattern})"
    return clear, f"{how}; {rule}" if how else f"{rule}; the model gave no cue"


@lru_cache(maxsize=4096)
def _cue_words(cue: str) -> str:
    """What a model cue is made of: only "hedge" adverbs, only "function" words, or "other"
    (cached: the same cues, "said", "told", come back claim after claim)."""
    words = _CUE_WORD.findall(cue.lower())
    if all(word in _HEDGE_ADVERBS for word in words):
        return "hedge"
    return "function" if all(word in _FUNCTION_WORDS for word in words) else "other"


def _from_model(
    text: str, claim: Claim, prediction: ClaimPrediction, found: _Cues, how: str
) -> tuple[Candidate, str]:
    """The model's cue with the best source for it.

    The rule source next to the cue completes the model's span when they overlap: the
    model's spans are often cut short ("Rustem", "A US", "the Ukrainian"). The model's
    span stays when it is a tighter tail of the rule's ("Institute for the Study of War
    (ISW)" inside "The U.S.-based think tank Institute ...") or lies apart from it (the
    rule then read an object after the cue or a clause before it); the rule's is used
    when the model gave none. "according to" always takes the phrase after it; "citing"
    hands over to the report it cites; a participle cue with no source of its own
    (", noting:") takes the source of the claim's main reporting clause. A passive cue
    ("were reported killed", not the progressive "is warning") has no source unless a
    "by" agent names one: its subject is the content.
    """
    cue = prediction.cue
    assert cue is not None
    rule = found.first(lambda rule_cue, _: rule_cue.start < cue.end and cue.start < rule_cue.end)
    kind = rule.kind if rule else "verb"
    if kind == "citing" and (reporter := _reporter_before(found, cue)) is not None:
        return reporter, f"{how} cites for {reporter.source.text!r} {reporter.cue.text}: that is the claim's cue"
    passive = _passive(text, claim, cue)
    model_source = _model_source(text, claim, prediction)
    if passive and (model_source is None or model_source.start < cue.end):
        by = _BY_AFTER.match(text, cue.end)
        model_source = _source_after(text, by.end(), claim.end) if by else None
    rule_source = rule.source if rule else None
    if rule_source is not None and (kind == "according" or _completes(model_source, rule_source)):
        agree = "the model's source agrees" if model_source == rule_source else "preferred to the model's source"
        return Candidate(cue, rule_source, kind, rule.clear, rule.found), f"{how}; rule source {rule.found} ({agree})"
    if model_source is not None:
        return Candidate(cue, model_source, kind, True, "by the model, tightened"), how
    if cue.text.lower().endswith("ing"):
        main = next((c for c in found.where(lambda other, _: other != cue) if c.source is not None), None)
        if main is not None:
            return Candidate(cue, main.source, kind, True, f"as the subject of {main.cue.text!r}"), how
    if (account := _quoted_account_before(text, claim.start, cue.start)) is not None:
        return Candidate(cue, account, kind, True, "before the cue (a quoted account name)"), how
    return Candidate(cue, None, kind, True, "nowhere"), how


def _reporter_before(found: _Cues, cue: Span) -> Candidate | None:
    """The report a "citing" cue belongs to: the nearest reporting verb or "according to"
    before it ("TASS reported, citing ...", "according to L'Independent, citing ...")."""
    reporters = [
        c
        for c in found.where(lambda verb, kind: kind in ("verb", "according") and verb.end <= cue.start)
        if c.source is not None
    ]
    return reporters[-1] if reporters else None


def _completes(model: Span | None, rule: Span) -> bool:
    """Whether the rule's source should replace the model's: the model gave none, or a
    span the rule's overlaps without being a tighter tail of it ("Rustem" in "Rustem
    Umerov", not "he" in "'' he"). Apart from the model's, the rule's is a guess
    (an object after the cue, a clause before it) and the model's span stays."""
    if model is None:
        return True
    if model.end == rule.end and rule.start < model.start:
        return False
    return model.start < rule.end and rule.start < model.end


def _passive(text: str, claim: Claim, cue: Span) -> bool:
    """A passive cue ("were reported killed", "was first reported by"): its subject is the content."""
    if cue.text.lower().endswith("ing"):
        return False
    return _PASSIVE_BEFORE.search(text, max(claim.start, cue.start - 24), cue.start) is not None


def _says(text: str, candidate: Candidate) -> bool:
    """"X said ..." with X a source we can type (or a pronoun) at the start of a clause."""
    if candidate.source is None or candidate.found == "inside a clause" or not _SAY_VERB.fullmatch(candidate.cue.text):
        return False
    return _names_a_teller(text, candidate.source)


def _names_a_teller(text: str, source: Span) -> bool:
    """Whether a span types as a source (or a pronoun standing for one): "citing the
    release of political prisoners" cites no teller."""
    reading = classify_source(text, source)
    return reading.source_type != "unknown" or bool(reading.refers_back)


def _model_source(text: str, claim: Claim, prediction: ClaimPrediction) -> Span | None:
    source = prediction.source
    if source is None or not (claim.start <= source.start and source.end <= claim.end):
        return None
    return _plausible(tighten(text, source))


def _chain(
    text: str, claim: Claim, primary: Candidate, found: _Cues, seen: deque[_Seen]
) -> tuple[list[Span], list[str]]:
    """The claim's tellers, nearest to the article first; the last is the source.

    "according to Z" is always nearest the article; the speaker is the primary cue's
    source, or with an "according to" primary the claim's clear reporting clause ("X
    reported ..., according to the ISW"). Around the speaker: an outer teller whose
    "that"-clause it stands in, or an inner one in its own "that"-clause; then whoever it
    cites; a relay of the carrier it speaks in; an earlier claim's tellers for "the video".
    """
    if found.only(primary.cue):
        # No other cue: nothing relays, nests in or is cited by the primary one.
        if primary.kind == "according":
            return ([] if primary.source is None else [primary.source]), []
        if primary.source is None:
            return [], []
        return _carried(text, claim, [], [primary.source], [], seen)
    taken = [primary.cue]

    def others(keep: Callable[[Span, str], bool]) -> Iterator[Candidate]:
        """The other cues' candidates with a source of their own, filtered on the cue first."""
        kept = found.where(lambda cue, kind: cue not in taken and keep(cue, kind))
        return (c for c in kept if c.source is not None and c.source != primary.source)

    speaker = primary
    chain = []
    notes = []
    if primary.kind == "according":
        speaker = next((c for c in others(lambda _, kind: kind == "verb") if c.clear), None)
        if primary.source is not None:
            chain.append(primary.source)
        if speaker is not None:
            taken.append(speaker.cue)
            relay = f"'according to {primary.source.text}'" if primary.source is not None else "'according to'"
            notes.append(f"{relay} relays {speaker.source.text!r}")
    else:
        for teller in others(lambda _, kind: kind == "according"):
            chain.append(teller.source)
            notes.append(f"'according to {teller.source.text}' relays it")
    if speaker is None or speaker.source is None:
        cited = next(
            (c for c in others(lambda cue, kind: kind == "citing" and cue.start > primary.cue.start) if _names_a_teller(text, c.source)),
            None,
        )
        if cited is not None:
            chain.append(cited.source)
            notes.append(f"citing {cited.source.text!r}: the teller is the one cited")
        return chain, notes
    tellers = [speaker.source]
    # An inner source starts after the speaker's cue, so its own cue cannot end before that
    # cue starts (a source after its cue is separated from it by "by" or spaces at most).
    inner = next(
        (
            c
            for c in others(lambda cue, kind: kind == "verb" and cue.end > speaker.cue.start)
            if c.clear and _links(text, speaker.cue, c.source) and _names_a_teller(text, c.source)
        ),
        None,
    )
    outer = None if inner is not None else next(others(lambda cue, kind: kind == "verb" and _links(text, cue, speaker.source)), None)
    if inner is not None:
        tellers.append(inner.source)
        notes.append(f"{inner.source.text!r} {inner.cue.text} within what {speaker.source.text!r} {speaker.cue.text}")
    elif outer is not None:
        tellers.insert(0, outer.source)
        notes.append(f"{outer.source.text!r} {outer.cue.text} what {speaker.source.text!r} {speaker.cue.text}")
    last_cue = (inner or speaker).cue
    for cited in others(lambda cue, kind: kind == "citing" and cue.start > last_cue.start):
        if not _names_a_teller(text, cited.source):
            continue
        tellers.append(cited.source)
        notes.append(f"citing {cited.source.text!r}: the teller is the one cited")
    return _carried(text, claim, chain, tellers, notes, seen)


def _carried(
    text: str, claim: Claim, chain: list[Span], tellers: list[Span], notes: list[str], seen: deque[_Seen]
) -> tuple[list[Span], list[str]]:
    """``chain`` (the "according to" tellers) then ``tellers`` (around the speaker, the last
    one), with whoever shared the carrier the speaker speaks in just before the speaker,
    and first the tellers an earlier claim traced "the video" to."""
    if _BY_WORD.search(text, claim.start, claim.end) and (relay := _RELAY.search(text, claim.start, claim.end)) is not None:
        source = _source_after(text, relay.end(), claim.end)
        if source is not None and source not in tellers:
            tellers.insert(len(tellers) - 1, source)
            notes.append(f"{source.text!r} shared the carrier the source speaks in")
    chain.extend(tellers)
    if (carrier := _definite_carrier(text, claim)) is not None:
        earlier = [span for span in _carrier_tellers(carrier.group(1), seen) if span not in chain]
        if earlier:
            chain[:0] = earlier
            notes.append(f"'the {carrier.group(1)}' is the one an earlier claim traced to {earlier[0].text!r}")
    return chain, notes


def _definite_carrier(text: str, claim: Claim) -> re.Match[str] | None:
    """The first "the video" (a carrier with "the", as a whole word) in the claim."""
    for match in _DEFINITE_CARRIER.finditer(text, claim.start, claim.end):
        if match.start() == 0 or _WORD_CHAR.match(text, match.start() - 1) is None:
            return match
    return None


def _links(text: str, outer_cue: Span, inner_source: Span | None) -> bool:
    """True when the inner source's clause is what the outer cue reports ("X added that Y ...")."""
    if inner_source is None or inner_source.start < outer_cue.end:
        return False
    return _LINK.fullmatch(text, outer_cue.end, inner_source.start) is not None


def _carrier_tellers(carrier: str, seen: deque[_Seen]) -> list[Span]:
    """The tellers of the nearest earlier claim that mentions ``carrier`` ("video")."""
    mention = re.compile(rf"\b{carrier}s?\b", re.IGNORECASE)
    for earlier in reversed(seen):
        attribution = earlier.attribution
        if attribution is not None and attribution.source is not None and mention.search(earlier.claim.text):
            return [*(v.span for v in attribution.via), attribution.source]
    return []


def _resolve(
    text: str, span: Span, claim_index: int, mentions: deque[_Mention]
) -> tuple[Span, SourceReading, str, Span | None]:
    """Type a source; a pronoun or name-less definite phrase takes the reading of the
    nearest earlier source of a compatible type (for anonymous ones, the same head noun),
    and that source's span as its referent."""
    reading = classify_source(text, span)
    if not reading.refers_back:
        return span, reading, "", None
    for mention in reversed(mentions):
        if claim_index - mention.claim_index > LOOKBACK_CLAIMS:
            break
        if mention.reading.source_type not in reading.refers_back:
            continue
        if reading.source_type == "anonymous" and singular(mention.reading.head) != singular(reading.head):
            continue
        if reading.source_type == "unknown" and mention.reading.plural and not reading.plural:
            continue
        return span, mention.reading, f"{span.text!r} refers back to {mention.span.text!r} (claim {mention.claim_index})", mention.span
    return span, reading, f"{span.text!r} refers back to nothing within {LOOKBACK_CLAIMS} claims: left as read", None


def _is_direct_quote(text: str, claim: Claim, cue: Span, source: Span | None) -> bool:
    """True when most of the content (the longer side of the reporting clause) is quoted."""
    left = min(cue.start, source.start if source and source.start >= claim.start else cue.start)
    right = max(cue.end, source.end if source and source.end <= claim.end else cue.end)
    before, after = (claim.start, left), (right, claim.end)
    start, end = before if left - claim.start > claim.end - right else after
    content = end - start - text.count(" ", start, end)
    if content == 0:
        return False
    return quoted_length(text, claim, start, end) / content >= DIRECT_QUOTE_SHARE


def _inherit_backward(claim: Claim, seen: deque[_Seen]) -> Attribution | None:
    """A quotation continued from an earlier claim takes that claim's attribution."""
    if claim.opens_inside_quote:
        for earlier in reversed(seen):
            if earlier.claim.paragraph == claim.paragraph and earlier.attribution is not None:
                return _inherited(earlier.attribution, earlier.claim, "it continues the quotation of claim")
        return None
    if not seen or not is_whole_quotation(claim.text):
        return None
    previous = seen[-1]
    if (
        previous.attribution is not None
        and QUOTED_PAIR.search(previous.claim.text)
        and claim.paragraph - previous.claim.paragraph <= 1
        and previous.claim.index == claim.index - 1
    ):
        return _inherited(previous.attribution, previous.claim, "it is wholly a quotation right after the quotation in claim")
    return None


def _inherit_forward(text: str, claims: Sequence[Claim], results: list[Attribution | None]) -> tuple[Attribution | None, ...]:
    """A claim that opens a quotation left open takes the attribution of the claim that
    closes it ("“A. B,” she said."), looking ahead at most ``LOOKBACK_CLAIMS`` claims."""
    for index, claim in enumerate(claims):
        if results[index] is not None or claim.opens_inside_quote or not leaves_quote_open(claim.text):
            continue
        for later in claims[index + 1 : index + 1 + LOOKBACK_CLAIMS]:
            if later.paragraph != claim.paragraph or not later.opens_inside_quote:
                break
            attribution = results[later.index]
            if attribution is not None and not attribution.inherited:
                results[index] = _inherited(attribution, later, "it opens the quotation attributed at its close in claim")
                break
    return tuple(results)


def _inherited(attribution: Attribution, origin: Claim, why: str) -> Attribution:
    """The attribution a claim with no cue takes over: its source is the mention that
    names the earlier claim's source (the referent of an earlier "he")."""
    source = attribution.teller.text if attribution.teller else "an unknown source"
    return replace(
        attribution,
        source=attribution.teller,
        refers_to=None,
        cue=None,
        inherited=True,
        direct_quote=True,
        explanation=f"no cue of its own: {why} {origin.index}, so its source {source!r} ({attribution.source_type}) carries over",
    )
