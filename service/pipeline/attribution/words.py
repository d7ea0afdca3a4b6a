"""The words attribution reads with: reporting verbs, auxiliaries, adjuncts, "-ly" adverbs, and the
noun phrase that follows a cue. Shared by the cue finder, the span rules and the chain rules."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..resources import compile_alternation, read_entries, read_toml
from ..text.lexicon import word_trie

CUE_VERBS = read_entries("source_cue_verbs.txt")
CLAUSE_WORDS: dict[str, list[str]] = read_toml("clause_words.toml")
"""Copulas, modals, subordinators, the words that name no teller, relay verbs: one list per concept."""
FINITE_AUXILIARIES = frozenset(
    (*read_toml("gate_words.toml")["finite_auxiliaries"], *CLAUSE_WORDS["modals"], *CLAUSE_WORDS["perfect_auxiliaries"])
)
"""Finite auxiliaries, modals and forms of "have": a word that makes the words after a subject a finite clause."""
BE = frozenset(CLAUSE_WORDS["be"])
"""The forms of "be" ("am" too)."""
COPULAS = [*(form for form in CLAUSE_WORDS["be"] if form != "am"), *CLAUSE_WORDS["do_and_having"]]
"""The forms of "be" with "do" and "having": a would-be source with one in it is a clause (spans.py). Not "am", which
no source holds ("I am") and which spans.py, matching case-insensitively, would find in a radio band ("KFYO-AM",
"AM 970": held out, one false attribution more)."""
_CONTRACTED_BE = tuple(CLAUSE_WORDS["contracted_be"])
LEAD_IN_VERBS = frozenset([*CUE_VERBS, *CLAUSE_WORDS["lead_in_verbs"]])
"""Verbs by which a lead-in that ends with a colon gives the block after it to a source ("the engineer said:", "A
CDC representative spoke to Reuters:")."""
QUOTATION_LEAD_IN_VERBS = LEAD_IN_VERBS | frozenset(CLAUSE_WORDS["quotation_lead_in_verbs"])
"""Verbs by which the words before a quotation opened after a colon or comma give it to a source ("The governor
issued a statement, “...")."""
AUX = compile_alternation(read_entries("source_aux.txt")).pattern
ADJUNCT = compile_alternation(read_entries("source_adjuncts.txt")).pattern
# Every cue starts with one of these letters: checking it first lets the matcher skip other
# words without entering the trie.
VERB_INITIALS = "".join(sorted({word[0] for word in CUE_VERBS}))
CUE_VERB_TRIE = word_trie(CUE_VERBS)
# Auxiliaries, adverbs and time adjuncts between a source and its cue ("Cruz has long
# said", "Sanders on Tuesday said"): not part of the source.
# A lower-case "-ly" word after a source is an adverb ("Gingrich cynically dismissed"),
# but for a few nouns ("the family", "an ally").
LY_ADVERB = rf"(?!(?:{'|'.join(read_entries('source_ly_nouns.txt'))})\b)[a-z]{{2,}}ly"
_LY_ADVERB_WORD = re.compile(LY_ADVERB)


def is_be(word: str, *, or_has: bool = False) -> bool:
    """Whether a lower-case word is a form of "be" or holds one ("we're", "I'm"); with ``or_has`` "it's" too, whose
    "'s" may be "has" ("he's said")."""
    return word in BE or word.endswith(_CONTRACTED_BE + (("'s", "’s") if or_has else ()))


def is_ly_adverb(word: str) -> bool:
    """Whether a word is a lower-case "-ly" adverb ("cynically", "probably"): one reading for every stage, so that
    "family" and "Kelly" are adverbs to none of them."""
    return _LY_ADVERB_WORD.fullmatch(word) is not None


CUE_VERB = re.compile(rf"(?<![\w'’-])(?=[{VERB_INITIALS}])(?:{CUE_VERB_TRIE})(?![\w'’-])")
ADJUNCT_START = re.compile(rf"\s+(?:{ADJUNCT})", re.IGNORECASE)
# A noun phrase after a cue: up to punctuation, past a dot inside a word ("U.S.") or
# after a title ("Mr. Burman").
TITLE_ABBREVIATIONS = read_entries("source_title_abbreviations.txt")
"""Titles written with a dot before a name ("Mr. Burman", "Sen. Warren"): their dot ends no phrase."""
_TITLE_DOT = "|".join(rf"(?<=\b{re.escape(title)})" for title in TITLE_ABBREVIATIONS)
RIGHT_NP = re.compile(
    rf"\s*(?P<np>[^,;:“”\".!?—]+(?:(?:\.(?=[^\s,;:“”\".!?—])|(?:{_TITLE_DOT})\.)[^,;:“”\".!?—]*)*)"
    r"(?P<name>\s*[“\"][^”\"]{1,60}[”\"])?"
)
BY_AFTER = re.compile(r"\s+by\s+")
_WORD_CHAR = re.compile(r"\w")
WORD_OR_JOINER = re.compile(r"[\w'’-]")
r"""What stands before a word joined to the one before it by an apostrophe or a hyphen too (``(?<![\w'’-])``)."""


def word_initial_matches(pattern: re.Pattern[str], text: str, start: int, end: int,
                         before: re.Pattern[str] = _WORD_CHAR) -> Iterator[re.Match[str]]:
    r"""The matches of ``pattern`` in ``text[start:end]`` that open a word (what ``\b`` in front of it keeps, or
    ``(?<!before)``; the character before ``start`` seen too). A pattern that opens with a literal, or with
    alternatives that each do, lets ``re`` skip ahead to the next place one stands; one that opens with ``\b`` or a
    lookbehind is tried at every character, several times the cost."""
    for match in pattern.finditer(text, start, end):
        if match.start() == 0 or before.match(text, match.start() - 1) is None:
            yield match

QUOTE_MARKS = frozenset("“”\"")
QUOTE_MARK = re.compile("[“”\"]")
"""Any of ``QUOTE_MARKS``, to find or count them in one pass."""


_VERB_CLASSES = {lemma: (tuple(files.split(",")), int(share))
                 for lemma, files, share in map(str.split, read_entries("wordnet_verb_classes.txt"))}
_VERB_FORMS = dict(map(str.split, read_entries("wordnet_verb_forms.txt")))
_VERB_ENDINGS = (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""))
"""WordNet's own detachment rules for verbs (morphy), tried in order."""


@lru_cache(maxsize=16384)
def verb_classes(word: str) -> tuple[tuple[str, ...], int] | None:
    """The WordNet 3.0 lexicographer files of a lower-case word's first verb senses ("communication", "social")
    and the quarters of its senses that are of communication, or None when it is no verb WordNet knows
    (``resources/lexicons/wordnet_verb_classes.txt``, built by ``training/verb_classes.py``). Cached per word: the
    gate asks of every word after a cue that may be a verb, and a miss tries each of morphy's endings."""
    return _VERB_CLASSES.get(verb_lemma(word))


@lru_cache(maxsize=16384)
def verb_lemma(word: str) -> str:
    """The base form WordNet knows a lower-case verb form by ("urged" -> "urge", "criticises" -> "criticise"), or the
    word itself: its irregular forms first, then morphy's endings."""
    lemma = _VERB_FORMS.get(word, word)
    if lemma not in _VERB_CLASSES:
        lemma = next((word[: len(word) - len(ending)] + base for ending, base in _VERB_ENDINGS
                      if word.endswith(ending) and word[: len(word) - len(ending)] + base in _VERB_CLASSES), lemma)
    return lemma


def is_past_participle(word: str) -> bool:
    """Whether a lower-case word is a verb's past form ("obtained", "leapt", "seen") as WordNet knows its verbs."""
    irregular = _VERB_FORMS.get(word)
    if irregular is not None:
        return irregular != word and not word.endswith("ing")
    return word.endswith("ed") and verb_classes(word) is not None


_OPENING_CAPITALISED = re.compile(r"([A-Z][a-z]+)\s+(?=[A-Z])")
_INVERTED_VERBS = LEAD_IN_VERBS | frozenset(CLAUSE_WORDS["inverted_lead_in_verbs"])


def inverted_opening(text: str, start: int, end: int) -> re.Match[str] | None:
    """The capitalised verb of saying in the past that opens an inverted reporting clause at ``start``, before its
    speaker's name ("Stated Stone:", "Continued Stone: “...", "Added Sen. Ted Cruz:"), with the space after it; None
    when no such verb opens there (a noun or a present form: "Reports Say", "Claims Court")."""
    match = _OPENING_CAPITALISED.match(text, start, end)
    if match is None:
        return None
    word = match.group(1).lower()
    return match if word in _INVERTED_VERBS and is_past_participle(word) else None
