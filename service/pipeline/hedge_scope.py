"""What a hedge is and whose it is: category, speaker and negation (docs/guidelines.md, "Hedges").

The cue words come from two readers, the lexicon (``hedges.toml``: fixed phrases such as "it is believed",
"reportedly") and the trained detector (``hedge_model.py``: "may", "could", "likely" where they hedge), and one
grammar rule here (``conditioned_modals``: the modal of a main clause that a condition opens). This module decides,
for one claim, what each found cue is:

- **category**: the lexicon group's (distancing, speculation, vague_attribution), else the word's line in
  ``hedge_categories.txt``; a word listed ``after_be`` ("expected", "believed") hedges only in the passive
  ("prices are expected to rise"); with a subject ("analysts expected") it is a belief attribution's cue.
- **speaker**: ``source`` when the cue stands inside a direct quotation or inside the content of an attribution
  ("Police said the fire appears to have started in the kitchen"), also before a cue that takes its source as
  object and closes the claim where that source was not found ("..., according to reporting from Wired"),
  ``writer`` otherwise. A distancing adverb next to the reporting verb ("reportedly said", "allegedly told") is
  the writer's: it qualifies the report.
- **not a hedge at all**: a cue inside the attribution's own cue or source span ("officials believe": the belief
  attribution's cue; "some experts say": an anonymous source, counted once as such), unless it is a passive
  ("are expected to", "it is believed"), which names no believer, or a verb of seeming ("seemed poised"),
  which says how a thing looks, not who believes it; nor "so-called" that only introduces a name ("the so-called
  Islamic State").
- **not the claim's**: a cue inside an embedded question ("asked whether she could be impartial", "the question of
  who might replace him") qualifies no claim: the question's content is not asserted; nor does a modal or a verb of
  seeming in a clause of condition ("would pause if it appears to be hurting growth"): the condition is supposed;
  nor "could have", "might have" after a person ("Sanders could have requested a recount"): an option not taken;
  nor a modal before a verb of saying and its "that" clause ("Some might claim that"): an objection imagined; nor a
  speculation word in what an agentless attitude holds ("there is speculation that the party may"): the attitude is
  the hedge, counted once.
- **reported content**: a cue in the clause of a verb of saying (most followed by "that") or thinking, or of a noun
  of belief, whose subject is someone other than the writer ("he speculates that stress may trigger", "the ads it
  thinks you are likely to click", "the court ruled it could take effect", "concern from conservatives that the bill
  could") is that someone's, as in an attribution the attribution stage did not take; so is a clause that closes
  with its teller ("..., the authors write.") or that an adjunct of someone's view opens ("In their view,
  Democrats could win Arizona").
- **negated**: a negation right before the cue ("not likely", "isn't expected to"); still uncertainty, and
  reported so that a reader sees it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .attribution.words import CLAUSE_WORDS, COPULAS, CUE_VERBS, is_be, is_ly_adverb, is_past_participle, verb_classes
from .gate import lowered_words
from .governed import opens_a_clause
from .hedge_model import IMPERSONAL, MODAL_ADVERBS, PERSONS
from .resources import read_entries, read_toml
from .records import Attribution, HedgeRule, Span
from .source_lexicons import ARTICLES, DETERMINERS, PRONOUNS, WORDNET_PERSON
from .text.lexicon import word_trie
from .text.passive import be_before, be_start
from .text.words import is_possessive, singular

_NEGATION = re.compile(r"(?:\bnot|n[’']t|\bnever|\bno)\s+(?:\w+\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_ADJACENT = 3
"""Characters of space between a distancing adverb and the reporting verb it qualifies, at most."""

_SCOPE = read_toml("hedges.toml")["scope"]
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013\u201c\u201d\"]|\s-+\s")
"""Punctuation that ends a clause: an embedded question or a reported clause does not reach across it."""
_CLAUSE_CHARS = 300
_AFTER_COMMA = re.compile(r",\s*$")
_EXISTENTIAL = re.compile(
    r"\bthere(?:\s+(?:is|are|was|were|(?:has|have|had)\s+been)|[’']s)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
"""What stands before a noun of belief that nobody holds: "there is widespread speculation that", "there were fears
that" (an agentless vague attribution; what follows is the writer's hedged claim, not someone's belief)."""
_SUBORDINATORS = frozenset(CLAUSE_WORDS["subordinators"]) - {"that"}
_CLAUSE_OPENERS = frozenset(CLAUSE_WORDS["subordinators"] + CLAUSE_WORDS["relatives"])
_VERB_LIKE = frozenset(COPULAS + CLAUSE_WORDS["modals"] + CLAUSE_WORDS["perfect_auxiliaries"])
_INTERROGATIVES = frozenset(_SCOPE["interrogatives"])
_QUESTION_HEADS = frozenset([*_SCOPE["question_prepositions"], *_SCOPE["question_predicates"]])
"""Words after which "who", "where", "when" open a question: a preposition, or a word of not knowing or asking."""
_PREPOSITIONAL_INTERROGATIVES = frozenset(_SCOPE["prepositional_interrogatives"])
_QUESTION_WORDS = _INTERROGATIVES | _PREPOSITIONAL_INTERROGATIVES
_REASON_AND_MANNER = frozenset(_SCOPE["reason_and_manner"])
_NAME_INTRODUCERS = frozenset(_SCOPE["name_introducers"])
_NAMING_DETERMINERS = frozenset(_SCOPE["naming_determiners"])
_WORD_CHARS = 24
"""Characters looked back for the word before a cue: longer words than that are no determiner anyway."""
_FACT_PRONOUNS = frozenset(_SCOPE["fact_pronouns"])
_EXPLETIVES = frozenset(_SCOPE["expletive_subjects"])
_CLOSING_CUES = frozenset(_SCOPE["closing_cues"])
_TIME_AND_PURPOSE = frozenset(_SCOPE["time_and_purpose"])
_DO_FORMS = frozenset(_SCOPE["do_forms"])
_CONDITIONS = frozenset(_SCOPE["conditions"])
_IMPRESSION = re.compile(rf"\s+(?:\w+ly\s+)?(?:{word_trie(_SCOPE['impression_verbs'])})\b", re.IGNORECASE)
"""A verb of how a thing strikes one after a modal, perhaps past an adverb: "might seem", "may initially sound"."""


@cache
def word_categories() -> dict[str, tuple[str, frozenset[str]]]:
    """Word -> (category, flags: "after_be", "after_subject", "appearance"; see ``hedge_categories.txt``)."""
    table = {}
    for line in read_entries("hedge_categories.txt"):
        word, category, *flags = line.split("\t")
        table[word] = (category, frozenset(flags))
    return table


_MODALS_AFTER_SUBJECT = [word for word, (_, flags) in word_categories().items() if "after_subject" in flags]
_NOT_CONCEDED = "".join(rf"(?<!\b{word}\s)" for word in _SCOPE["conceding_adverbs"])
_CONDITIONS = tuple(_SCOPE["conditions"])
_CONDITION_WORD = word_trie(_CONDITIONS)
_CONDITIONED_MODAL = re.compile(
    rf"\b(?=(?:{_CONDITION_WORD})\s){_NOT_CONCEDED}(?:{_CONDITION_WORD})\s+"
    rf"[^,.;:!?\"“”()]{{3,150}},\s+"
    rf"(?:(?!(?:{word_trie([*_CLAUSE_OPENERS, *CLAUSE_WORDS['conjunctions']])})\b)[\w’'-]+\s+){{1,4}}?"
    rf"(?P<modal>{word_trie(_MODALS_AFTER_SUBJECT)})\b(?!\s+(?:not|never)\b|[’']|\s+have\s+(?!been\b))",
    re.IGNORECASE)
"""A modal right after its subject in the main clause that a condition opens: "If they fail to meet these rules,
they could lose their insurance." The writer forecasts what may follow; the detector, taught on newswire that
marks such modals as conditions, leaves most below its threshold. Not after "even if" (a concession), nor negated
("could not": ability), nor a modal perfect of another verb ("could have sued": an option not taken); the subject
holds no clause word or conjunction ("if it wins, it said that it may": the modal is in another clause). The
condition word is looked ahead for before the "even" test behind it, so that the test runs only where one stands."""
_CONCESSIONS = frozenset(_SCOPE["concessions"])
_OPTION_MODALS = frozenset(_SCOPE["option_modals"])
_NO_NAME_SUBJECTS = frozenset(IMPERSONAL | DETERMINERS | PRONOUNS.keys())
"""Capitalised words that open a sentence as a subject without naming anyone ("It", "The", "He")."""
_PERFECT_CHARS = 40
"""Characters after a modal that hold an adverb, "have" and a participle ("could also have requested")."""
_CONTRAST = re.compile(rf"(?:[,\u2014\u2013][”\"’']?|\s-+)\s*(?:{word_trie(_SCOPE['contrasts'])})\b", re.IGNORECASE)
_CONDITION_WORDS = 3
"""Words of a condition's subject between "if" and its hedge, at most."""
_CONJUNCTIONS = frozenset(CLAUSE_WORDS["conjunctions"])
_DEFINED_TERM = re.compile(
    r"\s+(?:(?P<quoted>[“\"‘][^”\"’]{1,60}[”\"’])|[\w-]+(?:\s+[\w-]+){0,3}?)"
    r"\s*(?:(?P<acronym>\([A-Z]{2,}s?\))|(?:,|—|–|-{1,2}(?=\s)|(?<=,[”\"’]))\s*(?P<first>[A-Za-z][\w-]*))")
"""A term after "so-called", quoted or of a few words, and what may define it: its acronym in brackets, or an
apposition after a comma (also inside the closing quotation mark) or a dash, whose first word is ``first``."""
_NOT_APPOSITION = _CLAUSE_OPENERS | _CONJUNCTIONS | DETERMINERS | frozenset(PRONOUNS)
"""Words that, after a comma, go on with the sentence rather than name what the term is ("many of whom")."""
_NEGATED_VERB = re.compile(r"n['’]t$")
_OPENING = re.compile(r"[\W_]*")
"""What may stand before a word that opens its claim: spaces, quotation marks, a dash."""
_WRITER_VOICE = frozenset(read_toml("gate_words.toml")["writer_voice"]) | {"to"}
_HOLDER_WORDS = 3
"""Words of the holder in a phrase after a noun of belief ("concern from House conservatives that"), at most."""
_CONTENT_WORD = re.compile(
    rf"\b(?:(?P<that>(?:{word_trie(CUE_VERBS)}|{word_trie(_SCOPE['belief_nouns'])}"
    rf"(?:\s+(?:{word_trie(_SCOPE['holder_prepositions'])})(?:\s+[\w'’.-]+){{1,{_HOLDER_WORDS}}}?)?)\s+that)"
    rf"|{word_trie([*_SCOPE['belief_verbs'], *_SCOPE['bare_clause_verbs']])})\b")
"""A word whose clause is someone's saying or belief: a reporting verb or a noun of belief with "that", also past
a phrase naming the belief's holder, or a verb of thinking."""
_WORD_THAT = re.compile(r"\b(?P<that>(?P<verb>[a-z]+)\s+that)\b")
_PARTICIPLE_ENDINGS = ("ed", "ing")
_ATTITUDE_CLASSES = frozenset(_SCOPE["attitude_verb_classes"])
"""The WordNet classes of a verb whose "that" clause is its subject's saying, thinking or feeling ("positing that",
"implying that", "is worried that"), beside the listed reporting verbs."""
_SAYING_CLASS = (_SCOPE["saying_verb_class"],)
"""The WordNet class a verb of saying has first ("claim", "say", "counter"; ``_imagined_saying``)."""
_TELLING_VERBS = [*CUE_VERBS, *{singular(verb) for verb in CUE_VERBS if verb.endswith("s")}, *_SCOPE["belief_verbs"]]
"""The verbs of saying and thinking a claim may close with, also in the plural present ("..., the authors write.")."""
_TRAILING_CUE = re.compile(
    rf",[”\"’']?\s+(?P<subject>(?:[\w'’.-]+\s+){{1,4}}?)(?:{word_trie(_TELLING_VERBS)})"
    r"\s*[.!]?[”\"’']?\s*$")
"""A claim that ends with its teller and a verb of saying or thinking: "..., Mr Wasserman reckons.", also after a
quotation that closes the content: "... are “not the same,” they write." """
_INVERTED_CUE = re.compile(
    rf",[”\"’']?\s+(?:{word_trie(_TELLING_VERBS)})\s+(?P<subject>(?:[A-Z][\w'’.-]*|the|a|an|his|her|"
    r"their|its|one|another)(?:\s+[\w'’.-]+){0,4}?)\s*[.!]?[”\"’']?\s*$")
"""The same with the verb before its teller: "..., says Mr Wasserman.", "..., said the mayor." (a name or a
determiner after the verb: ", said to be the largest." has no teller)."""
_TRAILING_CHARS = 80
_SOMEONES_VIEW = re.compile(
    rf"\bin\s+(?:his|her|their|its|one[’']s|[\w-]+[’']s?)\s+(?:{word_trie(_SCOPE['view_nouns'])})\b,?",
    re.IGNORECASE)
"""An adjunct that gives someone's view ("In their view,", "which, in his eyes,"): the clause it opens is theirs."""
_ALSO_NOUNS = frozenset(_SCOPE["belief_verbs_also_nouns"])
_NO_TELLER = frozenset({"it", "it’s", "it's", "i", "i'm", "i’m", "we", "we're", "we’re", "we've", "we’ve"})
"""A source's first word that names no teller: the expletive "it", the writer."""
_CONTENT_AFTER_CUE = re.compile(r"\s*(?:that\b|:?\s*[“\"])", re.IGNORECASE)
_CUE_WORD = re.compile(rf"\b{word_trie([*CUE_VERBS, *_SCOPE['belief_verbs']])}\b", re.IGNORECASE)
"""A hedge word that is a verb of saying or thinking ("suggested", "expected") may be a second attribution's cue."""
_PERSON_SUBJECTS = frozenset(_SCOPE["person_subjects"])
_SENTENTIAL_RELATIVES = frozenset(_SCOPE["sentential_relatives"])
_SUMMING_ARTICLES = frozenset(_SCOPE["summing_articles"])
_ASIDE_BREAK = re.compile(r"[,;()\u2014\u2013]|\s-+\s")
"""Punctuation that closes a relative clause within a sentence that goes on (quotation marks do not)."""
_SUBJECT_VERB_FILLERS = frozenset(_SCOPE["subject_verb_fillers"])
_AFTER_FRAME = re.compile(r",\s+")
_PARTICIPLE = re.compile(r"[a-z]+ing")
_THAT = re.compile(r"\s+that\b", re.IGNORECASE)
_CLOSED_CONTENT = re.compile(r"[,\u201d\"]\s*$")
"""The comma that closes an attribution's cue and source, the participle a clause after it opens with, a "that"
after the participle (its content clause), and the comma or quotation mark that closes the content before them."""
_NAME_PREPOSITIONS = frozenset(read_toml("gate_words.toml")["prepositions"]) - _CLAUSE_OPENERS
"""Prepositions (not those that also open a clause: "after", "before") that put a name in a phrase after another
noun ("data from the CDC suggests"): the name is then not the verb's subject."""


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


def conditioned_modals(text: str, folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The modals of ``_CONDITIONED_MODAL`` in ``text[start:end]`` (a claim): speculation cues whatever the
    detector made of them. Searched only where the claim holds a condition word in ``folded`` (the Document's case
    folding, in which whatever the pattern's condition word matches stands as that word): the pattern opens with a
    word boundary, so ``re`` tries it at every character, and most claims hold none."""
    if not any(folded.find(word, start, end) >= 0 for word in _CONDITIONS):
        return []
    return [match.span("modal") for match in _CONDITIONED_MODAL.finditer(text, start, end)]


def read_cues(text: str, claim_start: int, claim_end: int, cues: Sequence[FoundCue],
              quoted: Sequence[tuple[int, int]], attribution: Attribution | None) -> tuple[HedgeReading, ...]:
    """The hedges of one claim, in text order: overlapping cues merged (the longer kept), then read."""
    readings = []
    breaks = [claim_start, *(mark.end() for mark in _CLAUSE_BREAK.finditer(text, claim_start, claim_end))]
    told_before = _told_before(text, claim_start, claim_end)
    for cue in _without_overlaps(cues):
        if cue.category is None:
            cue, category = _listed_part(text, claim_start, cue)
        else:
            category = cue.category
        if category is None or _introduces_name(text, cue) or _part_of_attribution(
                text, claim_start, cue, category, attribution):
            continue
        clause = _clause_before(text, breaks, cue)
        if _said_by_someone(text, cue, clause) or _in_question(clause) or (category == "speculation" and (
                _modal_of_time_or_purpose(text, cue, clause) or _verb_of_a_condition(text, cue, clause)
                or _concedes_an_impression(text, cue, clause, claim_end) or _option_not_taken(text, cue, clause)
                or _imagined_saying(text, cue) or _inside_an_attitude(text, cue, readings))):
            continue
        speaker, rule = _speaker(text, cue, quoted, attribution, category, claim_end)
        if rule == "attribution_content" and _comments_on_what_was_said(text, cue, clause, attribution, claim_end):
            speaker, rule = "writer", "writer_voice"
        if speaker == "writer" and rule == "writer_voice" and category != "vague_attribution" and (
                cue.end <= told_before or _reported(text, claim_start, clause)
                or _in_someones_view(text, claim_start, cue)):
            speaker, rule = "source", "reported_content"
        negated = bool(_NEGATION.search(text, max(claim_start, cue.start - 24), cue.start))
        readings.append(HedgeReading(cue.start, cue.end, category, speaker, negated, rule))
    return tuple(readings)


def _introduces_name(text: str, cue: FoundCue) -> bool:
    """Whether the cue only tells what a thing is called: "so-called" straight before a capitalised name, no
    quotation mark between ("the so-called Islamic State"), or after an article or a demonstrative, which makes
    the term it introduces a kind ("a so-called investment company") or a thing known by that term ("the so-called
    cancel culture", "these so-called trigger phrases"), or before a term the sentence goes on to define
    (``_defines_term``); not bare before a term in lower case or in quotation marks ("so-called “emergency”
    funding", "so-called fetal pain bills")."""
    if " ".join(text[cue.start:cue.end].lower().split()) not in _NAME_INTRODUCERS:
        return False
    before = _WORD.findall(text, max(0, cue.start - _WORD_CHARS), cue.start)
    if before and before[-1].lower() in _NAMING_DETERMINERS and text[cue.start - 1:cue.start].isspace():
        return True
    name = _WORD.match(text, cue.end + 1)
    return (name is not None and text[cue.end].isspace() and name.group()[0].isupper()) or _defines_term(text, cue)


def _defines_term(text: str, cue: FoundCue) -> bool:
    """Whether the term after the cue is defined where it stands, by its acronym or by an apposition ("so-called
    "personally identifiable information" (PII)", "so-called carried interest, a tax loophole", "so-called “Albert
    monitors,” devices that detect intrusions"): a term of art explained, not doubted. The apposition opens with an
    article, or after a quoted term with a word in lower case that opens no clause ("so-called “reforms,” which
    would", "so-called fetal pain bills — and", "so-called like-kind exchanges, he has": no apposition)."""
    term = _DEFINED_TERM.match(text, cue.end)
    if term is None or term.group("acronym"):
        return term is not None
    first = term.group("first") or ""
    if first.lower() in ARTICLES:
        return True
    return bool(term.group("quoted")) and first.islower() and first not in _NOT_APPOSITION


def _clause_before(text: str, breaks: Sequence[int], cue: FoundCue) -> list[re.Match[str]]:
    """The words of the cue's clause before it: back to the last clause-ending punctuation in the claim
    (``breaks``: the claim's start and the ends of its clause breaks, in order), at most ``_CLAUSE_CHARS``
    back, so a claim of many hedges and no punctuation stays linear."""
    start = breaks[bisect_right(breaks, cue.start) - 1]
    window = max(start, cue.start - _CLAUSE_CHARS)
    words = list(_WORD.finditer(text, window, cue.start))
    return words[1:] if window > start else words  # the window may have cut the first word


def _in_question(clause: Sequence[re.Match[str]]) -> bool:
    """Whether the cue stands in an embedded question: an interrogative after another word of the clause ("about
    whether", "over what"), with a subject of its own between it and the cue ("what a downturn could", not "who
    might", "who don't appear": a relative clause); or "who", "where", "when" after a preposition or a word of not
    knowing or asking ("the question of who might replace him", "details about where the troops might go", "It’s
    uncertain who might benefit"): no noun for a relative clause to describe. Question words joined by "or", "and"
    ask one question, which the first opens ("details of how or when the army might withdraw", "no word on when or
    where the ferry might dock"). "why" and "how" after a form of "be" open no question ("it's why he appeared to
    quit")."""
    position = len(clause) - 1
    while position > 0:
        word = clause[position].group()  # lower case: "WHO" is an agency
        if position > 1 and word in _QUESTION_WORDS and clause[position - 1].group().lower() in _CONJUNCTIONS and (
                clause[position - 2].group() in _QUESTION_WORDS):
            position -= 2
            continue
        if word in _PREPOSITIONAL_INTERROGATIVES and clause[position - 1].group().lower() in _QUESTION_HEADS:
            return True
        if word in _REASON_AND_MANNER and is_be(clause[position - 1].group().lower(), or_has=True):
            return False  # "it's why Christie appeared to end his bid", "that is how the bill could pass": the
            # reason or the manner, asserted, not asked
        if word in _INTERROGATIVES:
            after = _past_coordination(clause, position) + 1
            subject = clause[after].group().lower() if after < len(clause) else ""
            return bool(subject) and subject not in _VERB_LIKE and not _NEGATED_VERB.search(subject)
        if word.lower() in _CLAUSE_OPENERS and clause[position - 1].group() not in _INTERROGATIVES:
            return False  # the cue's own clause opens after the question ("how they operate that might"); after
            # an interrogative, "that" is the question's subject ("what that may entail")
        position -= 1
    return False


def _past_coordination(clause: Sequence[re.Match[str]], position: int) -> int:
    """The last question word of the coordination the question word at ``position`` opens ("how or when")."""
    while position + 2 < len(clause) and clause[position + 1].group().lower() in _CONJUNCTIONS and (
            clause[position + 2].group() in _QUESTION_WORDS):
        position += 2
    return position


def _modal_of_time_or_purpose(text: str, cue: FoundCue, clause: Sequence[re.Match[str]]) -> bool:
    """Whether the cue is a modal in a clause of time or purpose ("before the court could rule", "so she could
    join", "so that they might"): the nearest subordinator before it opens such a clause, "so" neither as the
    clause's first word nor after "and" or "but" ("and so it might": therefore), nor after a form of "do" ("attempts
    to do so could": the action just named)."""
    if "after_subject" not in word_categories().get(text[cue.start:cue.end].lower(), ("", frozenset()))[1]:
        return False
    for position in range(len(clause) - 1, -1, -1):
        word = clause[position].group().lower()
        if word in _TIME_AND_PURPOSE:
            before = clause[position - 1].group().lower() if position > 0 else ""
            return word != "so" or (bool(before) and before not in _CONJUNCTIONS | _DO_FORMS)
        if word == "that" and position > 0 and clause[position - 1].group().lower() == "so":
            continue  # "so that": a purpose
        if word in _CLAUSE_OPENERS:
            return False
    return False


def _verb_of_a_condition(text: str, cue: FoundCue, clause: Sequence[re.Match[str]]) -> bool:
    """Whether the cue is a modal or a verb of seeming in a clause of condition ("would pause if it appears to be
    hurting growth", "unless the rains may come early"): "if" or "unless" (not "as if": a comparison) at most
    ``_CONDITION_WORDS`` words before it, its subject between, no other clause word. What the clause says is
    supposed, not asserted, so its hedge doubts no claim; further on, the main clause may have begun where a comma
    was left out ("if prices fall the co-op could collapse")."""
    if not any(word_categories().get(word.group().lower(), ("", frozenset()))[1] & {"after_subject", "appearance"}
               for word in _WORD.finditer(text, cue.start, cue.end)):
        return False
    for position in range(len(clause) - 1, max(-1, len(clause) - 2 - _CONDITION_WORDS), -1):
        word = clause[position].group().lower()
        if word in _CONDITIONS:
            return position == 0 or clause[position - 1].group().lower() != "as"
        if word in _CLAUSE_OPENERS:
            return False
    return False


def _concedes_an_impression(text: str, cue: FoundCue, clause: Sequence[re.Match[str]], claim_end: int) -> bool:
    """Whether the cue is a modal before a verb of how a thing strikes one in a sentence that concedes it ("While
    the jet might seem an odd choice, it ...", "The fee may sound steep, but ..."): a subordinator of concession
    opens the modal's clause, or a contrast follows after a comma or a dash. The writer grants an impression to
    answer it and doubts nothing; without the concession ("The deal may look shaky.") the modal hedges."""
    modal = _WORD.match(text, cue.start)
    if "after_subject" not in word_categories().get(modal.group().lower(), ("", frozenset()))[1] or (
            _IMPRESSION.match(text, modal.end()) is None):
        return False
    for word in reversed(clause):
        if word.group().lower() in _CONCESSIONS:
            return True
        if word.group().lower() in _CLAUSE_OPENERS:
            break
    return _CONTRAST.search(text, cue.end, claim_end) is not None


def _option_not_taken(text: str, cue: FoundCue, clause: Sequence[re.Match[str]]) -> bool:
    """Whether the cue is "could" or "might" in the perfect of another verb after a personal pronoun or a name ("With
    such a thin margin, Sanders could have requested a recount", "For its part, Uber might have suggested ..."): an
    option that one had and did not take, not the writer's doubt (the reading ``_CONDITIONED_MODAL`` gives "could
    have sued"). With "been" ("could have been on the table"), "may" ("Romney may have hurt himself"), a thing for
    subject ("a ruling that could have helped end") or a generic one ("a typical candidate might have done the
    same") the modal still doubts or supposes what was."""
    if text[cue.start:cue.end].lower() not in _OPTION_MODALS or not clause:
        return False
    after = _verb_after_modal(text, cue)
    if len(after) < 2 or after[0] != "have" or after[1] == "been" or not is_past_participle(after[1]):
        return False
    words = [word.group() for word in clause]
    while len(words) > 1 and words[-1].lower() in MODAL_ADVERBS:
        words.pop()
    subject = words[-1]
    lower = subject.lower()
    return lower in PERSONS or (subject[0].isupper() and lower not in _NO_NAME_SUBJECTS)


def _verb_after_modal(text: str, cue: FoundCue) -> list[str]:
    """The lower-case words after a modal, from its verb on: past one adverb ("could also have", "might also say")."""
    after = [word.lower() for word in _WORD.findall(text, cue.end, cue.end + _PERFECT_CHARS)]
    return after[1:] if after[:1] and after[0] in MODAL_ADVERBS else after


def _imagined_saying(text: str, cue: FoundCue) -> bool:
    """Whether the cue is a modal before a verb of saying and its "that" clause ("Some might claim that electric power
    is", "The SEIU might also say that", "Social media companies might counter that"): an objection the writer
    imagines and answers, not the writer's doubt (data/realworld/README.md, round 33: imagined objections). The verb's
    first WordNet class is communication; a verb of thinking or finding ("might conclude that", "may find that")
    still hedges what the subject may come to hold."""
    if "after_subject" not in word_categories().get(text[cue.start:cue.end].lower(), ("", frozenset()))[1]:
        return False
    after = _verb_after_modal(text, cue)
    if after[1:2] == ["out"]:
        del after[1]
    return len(after) > 1 and after[1] == "that" and _verb_class_names(after[0])[:1] == _SAYING_CLASS


def _verb_class_names(word: str) -> tuple[str, ...]:
    """The WordNet classes of ``word``'s verb senses, first sense first (``verb_classes``); none for no verb."""
    classes = verb_classes(word)
    return () if classes is None else classes[0]


def _inside_an_attitude(text: str, cue: FoundCue, readings: Sequence[HedgeReading]) -> bool:
    """Whether the cue stands in the content of the claim's last vague attribution, in the same clause ("there is
    widespread speculation that the party may alter", "viewed as a sign his campaign may be in trouble", "rumors have
    swirled that Pence could abandon"): the agentless attitude is the hedge, and a speculation word in what it holds is
    not counted again (data/realworld/README.md, round 33's recurring decision). Punctuation between ends its content
    ("rumors have swirled ..., though the speculation may have more basis")."""
    attitude = next((reading for reading in reversed(readings) if reading.category == "vague_attribution"), None)
    return (attitude is not None and cue.start - attitude.end <= _CLAUSE_CHARS
            and _CLAUSE_BREAK.search(text, attitude.end, cue.start) is None)


def _told_before(text: str, claim_start: int, claim_end: int) -> int:
    """Where the content ends when the claim closes with its teller and a verb of saying or thinking ("The bridge
    will probably reopen in May, Ms Varga reckons.", "..., says the mayor."): the comma before them; the claim's
    start otherwise, or when the teller is the writer ("I think") or a passive ("as was expected")."""
    window = max(claim_start, claim_end - _TRAILING_CHARS)
    tail = _TRAILING_CUE.search(text, window, claim_end)
    if tail is None:
        inverted = _INVERTED_CUE.search(text, window, claim_end)
        return claim_start if inverted is None else inverted.start()
    subject = tail.group("subject").lower().split()
    if subject[-1] in _WRITER_VOICE or any(word in _VERB_LIKE for word in subject):
        return claim_start
    return tail.start()


def _reported(text: str, claim_start: int, clause: Sequence[re.Match[str]]) -> bool:
    """Whether the cue stands in the clause of a verb of saying ("speculates that") or thinking ("it thinks"), listed
    or of an attitude class (``_content_words``), whose subject is not the writer (I, we, you), nor a passive that
    names no holder (``_passive``), nor an existential "there" ("there is speculation that": a belief nobody holds),
    with no subordinator between."""
    if not clause:
        return False
    for verb in _content_words(text, clause[0].start(), clause[-1].end()):
        if verb.group("that") and verb.end() == clause[-1].end():
            continue  # "concerns that could arise": a relative clause, the hedge describes the concerns
        if verb.start() == clause[0].start():
            if not _AFTER_COMMA.search(text, max(claim_start, verb.start() - _ADJACENT), verb.start()):
                continue  # the clause opens with the verb: only an apposition before a comma is its subject
        else:
            before = next(w for w in reversed(clause) if w.end() <= verb.start()).group().lower()
            if before in _WRITER_VOICE or _passive(text, verb, claim_start) or _EXISTENTIAL.search(
                    text, max(claim_start, verb.start() - _CLAUSE_CHARS // 4), verb.start()) or (
                    not verb.group("that") and before in DETERMINERS and verb.group().lower() in _ALSO_NOUNS):
                continue  # the writer's, a passive, nobody's ("there is speculation that"), or a noun ("the
                # thought"; "some believe" is a subject's verb)
        after = [w.group().lower() for w in clause if w.start() >= verb.end()]
        if not any(word in _SUBORDINATORS for word in after):
            return True
    return False


def _passive(text: str, verb: re.Match[str], claim_start: int) -> bool:
    """Whether the word is a passive that names no holder: a form of "be" before it with the expletive "it" or
    nothing for subject ("It is feared that"); not a present participle ("are now positing that") nor a holder's
    state ("The government is worried that", "Staff were told that": the subject holds or heard the content)."""
    start = be_start(text, verb.start(), claim_start)
    if start is None or _WORD.match(text, verb.start()).group().lower().endswith("ing"):
        return False
    subject = _WORD.findall(text, max(claim_start, start - _WORD_CHARS), start)
    return not subject or subject[-1].lower() in _EXPLETIVES


def _content_words(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The words of ``_CONTENT_WORD`` in ``text[start:end]``, and any inflected verb of an attitude class
    (``_ATTITUDE_CLASSES``) followed by "that" after its subject (one that opens the clause is an adjunct's: "But,
    assuming that what worked will win again, ..."), in text order."""
    listed = list(_CONTENT_WORD.finditer(text, start, end))
    taken = {start, *(match.start() for match in listed)}
    by_class = [match for match in _WORD_THAT.finditer(text, start, end) if match.start() not in taken
                and match.group("verb").endswith(_PARTICIPLE_ENDINGS) and _ATTITUDE_CLASSES.intersection(
                    _verb_class_names(match.group("verb")))]
    return sorted([*listed, *by_class], key=lambda match: match.start())


def _in_someones_view(text: str, claim_start: int, cue: FoundCue) -> bool:
    """Whether the cue's clause is opened by an adjunct giving someone's view ("In their view, Democrats could win",
    "which, in their eyes, may require"), with no other clause between (not "in his view ... but it may")."""
    for view in _SOMEONES_VIEW.finditer(text, max(claim_start, cue.start - _CLAUSE_CHARS), cue.start):
        between = text[view.end():cue.start]
        if _CLAUSE_BREAK.search(between) is None and not any(
                word.group().lower() in _CONJUNCTIONS or word.group().lower() in _CLAUSE_OPENERS
                for word in _WORD.finditer(between)):
            return True
    return False


def _without_overlaps(cues: Sequence[FoundCue]) -> list[FoundCue]:
    kept: list[FoundCue] = []
    for cue in sorted(cues, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and cue.start < kept[-1].end:
            if cue.end - cue.start > kept[-1].end - kept[-1].start:
                kept[-1] = cue
            continue
        kept.append(cue)
    return kept


def _listed_part(text: str, claim_start: int, cue: FoundCue) -> tuple[FoundCue, str | None]:
    """A detector cue from its first listed word on, and that word's category: the detector joins adjacent cue
    words into one cue ("might seem", "apparently thought"), whose words are listed one by one; an unlisted word
    before it ("some believe may") is the clause the hedge stands in, not the hedge."""
    for word in _WORD.finditer(text, cue.start, cue.end):
        entry = word_categories().get(word.group().lower())
        if entry is None:
            continue
        category, flags = entry
        if "after_be" in flags and not be_before(text, word.start(), claim_start):
            continue
        if "after_subject" in flags and _OPENING.fullmatch(text, claim_start, word.start()):
            continue
        return FoundCue(word.start(), cue.end, None), category
    return cue, None


def _part_of_attribution(text: str, claim_start: int, cue: FoundCue, category: str,
                         attribution: Attribution | None) -> bool:
    """Whether the cue is the attribution's own words: inside its source ("some experts say" read as an anonymous
    source) or its cue ("officials believe"); a vague attribution that holds the cue ("the senator raised
    concerns that") has found its source, unless that source is an expletive "it" or the writer inside it ("It’s
    estimated", "I am also told": the words of an agentless hedge taken for a source). A passive ("are expected to", "it is believed") names no
    believer, so it stays a hedge whatever the attribution made of it. Where the attribution stage found the cue but not
    its source ("reports published by the magazine suggest", "polls ... suggested that"), the hedge word that is
    its cue is still that cue, not the writer's doubt; a vague attribution there stands for the missing source.
    A source that is only a pronoun standing for a fact ("It suggests that", "This suggests") makes the cue the
    writer's inference: a speculation hedge."""
    if attribution is None or attribution.inherited or (
            category == "speculation" and _inferred_from_a_fact(text, claim_start, cue, attribution.source)):
        return False
    if attribution.source is None:
        inside = (category != "vague_attribution" and attribution.cue is not None
                  and attribution.cue.start <= cue.start and cue.end <= attribution.cue.end)
    else:
        holds_the_cue = (category == "vague_attribution" and attribution.cue is not None
                         and _overlaps(cue, attribution.cue) and not be_before(text, attribution.cue.start, claim_start)
                         and not _no_teller_inside(text, cue, attribution.source))
        inside = holds_the_cue or any(span is not None and span.start <= cue.start and cue.end <= span.end
                                      for span in (attribution.cue, attribution.source))
    return inside and not be_before(text, cue.start, claim_start) and not _is_appearance(text, cue)


def _said_by_someone(text: str, cue: FoundCue, clause: Sequence[re.Match[str]]) -> bool:
    """Whether the cue is a verb of saying or thinking ("suggested", "speculated") whose subject is a person: a
    pronoun of ``person_subjects`` or a capitalised name, perhaps past an auxiliary or an adverb ("After Hewitt
    suggested that", "as some have speculated"), or a noun that names a person ("after the state's Republican governor
    suggested he would not"). It is then the cue of an attribution the attribution stage did not take, not the writer's
    hedge (guidelines: an attribution's cue is not listed again as a hedge); with a thing for
    subject ("the remarks suggest", "data from the CDC suggests", "it suggests") it is the writer's inference."""
    if not _CUE_WORD.fullmatch(text, cue.start, cue.end) or text[cue.start].isupper():
        return False  # a capitalised verb is a headline's, whose words are all capitalised
    words = [word.group() for word in clause]
    while words and (words[-1].lower() in _SUBJECT_VERB_FILLERS or is_ly_adverb(words[-1])):
        words.pop()
    if not words or words[-1].lower() in _PERSON_SUBJECTS or singular(words[-1].lower()) in WORDNET_PERSON:
        return bool(words)
    name = 0
    while name < len(words) and words[-1 - name][0].isupper() and not is_possessive(words[-1 - name]):
        name += 1
    before = [word.lower() for word in words[:len(words) - name] if word.lower() not in DETERMINERS]
    if name == 0 or (before and before[-1] in _NAME_PREPOSITIONS):
        return False
    return bool(before) or name > 1  # one capitalised word opening the clause may be a noun ("Polls suggest", "It")


def _inferred_from_a_fact(text: str, claim_start: int, cue: FoundCue, source: Span | None) -> bool:
    """Whether the cue's subject is only a pronoun standing for a fact ("It suggests that", "This also suggests"),
    taken for its source or left without one: the writer's inference from what was just said."""
    if source is not None:
        return source.text.lower() in _FACT_PRONOUNS
    words = [word.group().lower() for word in _WORD.finditer(text, max(claim_start, cue.start - 12), cue.start)]
    if words[-1:] == ["also"]:
        words.pop()
    return bool(words) and words[-1] in _FACT_PRONOUNS


def _no_teller_inside(text: str, cue: FoundCue, source: Span) -> bool:
    """Whether the attribution's source lies inside the hedge and opens with "it", "I" or "we": no teller ("It’s
    estimated", "I am also told"), where "Reports emerged" names its reports."""
    inside = cue.start <= source.start and source.end <= cue.end
    first = _WORD.match(text, source.start)
    return inside and first is not None and first.group().lower() in _NO_TELLER


def _is_appearance(text: str, cue: FoundCue) -> bool:
    return any("appearance" in word_categories().get(word.group().lower(), ("", frozenset()))[1]
               for word in _WORD.finditer(text, cue.start, cue.end))


def _speaker(text: str, cue: FoundCue, quoted: Sequence[tuple[int, int]], attribution: Attribution | None,
             category: str, claim_end: int) -> tuple[str, str]:
    if inside_any(cue, quoted):
        return "source", "quotation"
    if attribution is None or (attribution.source is None and not attribution.inherited):
        if attribution is not None and (_in_unnamed_content(text, cue, attribution.cue)
                                        or _closes_unnamed_content(text, cue, attribution.cue)):
            return "source", "attribution_content"
        return "writer", "writer_voice"  # an agentless cue attributes the claim to nobody: the writer's framing
    if attribution.inherited:
        return "source", "attribution_content"
    if attribution.cue is not None and _overlaps(cue, attribution.cue):
        return "writer", "writer_voice"  # the hedge holds the attribution's cue ("appeared to"): the writer's
    frame = [span for span in (attribution.cue, attribution.source) if span is not None]  # the source, at least
    if category == "distancing" and any(_adjacent(text, cue, span) for span in frame):
        return "writer", "adjacent_to_cue"
    frame_start, frame_end = min(span.start for span in frame), max(span.end for span in frame)
    if cue.end <= frame_start and _opens_content(text, attribution.cue, frame_end, claim_end) and (
            not _CUE_WORD.search(text, cue.start, cue.end)):
        return "writer", "writer_voice"  # before "X said she ...": the content follows the cue, the hedge is not in it
    if not (frame_start <= cue.start and cue.end <= frame_end):
        return "source", "attribution_content"
    return "writer", "writer_voice"


def _comments_on_what_was_said(text: str, cue: FoundCue, clause: Sequence[re.Match[str]],
                               attribution: Attribution | None, claim_end: int) -> bool:
    """Whether the cue's clause is a relative clause that comments on what went before it, opened after a comma or a
    dash by ``sentential_relatives`` ("Pompeo declared that Hong Kong was “no longer autonomous,” which could open
    the door", "he reiterated them on the radio Thursday — where he seemed to differ"), past the attribution's cue and
    source, and closing the claim: the writer's comment on what was said, not part of it; so is an appositive noun
    phrase there that sums it up ("..., Sanders said, a policy that could make it easier", "... — an apparent
    reversal"). One that a comma closes describes a noun of the content, whose sentence goes on ("Democrats hope the
    seat, which was considered safe, could now be in play"). So is a participial clause right after the cue and its
    source (``_qualifies_the_saying``)."""
    if attribution is None or attribution.inherited:
        return False
    frame = [span.end for span in (attribution.cue, attribution.source) if span is not None]
    if not frame or _ASIDE_BREAK.search(text, cue.end, claim_end):
        return False
    opener = clause[0] if clause else _WORD.match(text, cue.start)
    if opener.start() < max(frame):
        return False
    if _qualifies_the_saying(text, opener, attribution, cue):
        return True
    if not clause:
        return False
    words = [word.group().lower() for word in clause[:2]]
    if words[0] in _CONJUNCTIONS:
        words = words[1:]
    return bool(words) and (words[0] in _SENTENTIAL_RELATIVES or words[0] in _SUMMING_ARTICLES)


def _qualifies_the_saying(text: str, opener: re.Match[str], attribution: Attribution, cue: FoundCue) -> bool:
    """Whether the cue's clause is a participial clause that opens straight after the attribution's cue and source and
    a comma, with the participle first or after the hedge ("..., Christie added, referencing a job he's widely believed
    to want", "..., Henry said, likely referring to Trump's first TV ad"), where the cue and source close the content
    before them: the writer's reading of the act of saying, not part of what was said. Not after a cue that opens the
    claim ("As Chait points out, replacing the threat is more potentially disastrous": a gerund opens the content),
    nor a gerund with a verb of its own ("..., he said, replacing Clinton would be acrimonious and could lead to"),
    nor a participle of saying ("adding", "noting") or one before "that" ("insisting that"): those carry more of the
    content."""
    frame = [span for span in (attribution.cue, attribution.source) if span is not None]
    start, end = min(span.start for span in frame), max(span.end for span in frame)
    if _AFTER_FRAME.fullmatch(text, end, opener.start()) is None or _CLOSED_CONTENT.search(
            text, max(0, start - _ADJACENT), start) is None:
        return False
    participle = opener if opener.start() < cue.start else _WORD.search(text, cue.end)
    if participle is None or _PARTICIPLE.fullmatch(participle.group()) is None or (
            participle.group().lower() in CUE_VERBS or _THAT.match(text, participle.end())):
        return False
    return participle.start() > cue.start or not any(  # a verb after it makes it a gerund, the content's subject
        word.group().lower() in _VERB_LIKE for word in _WORD.finditer(text, participle.end(), cue.end))


def _in_unnamed_content(text: str, cue: FoundCue, said: Span | None) -> bool:
    """Whether the hedge follows, within its clause, a cue whose source the attribution stage did not find
    ("accused her colleagues of granting the administration's allegedly urgent demands", "has said the death
    toll is likely to be less"): someone's content, not the writer's words. A passive cue ("it was reported
    that") names nobody: what follows it stays the writer's."""
    return (said is not None and said.end <= cue.start and not be_before(text, said.start)
            and _CLAUSE_BREAK.search(text, said.end, cue.start) is None)


def _closes_unnamed_content(text: str, cue: FoundCue, said: Span | None) -> bool:
    """Whether a cue whose source the attribution stage did not find closes the content the hedge stands in: a
    cue that takes its source as object ("according to") after the hedge and a comma ("The seed of the claim may
    have been planted in an interview, according to reporting from Wired."): what precedes it is the content."""
    return (said is not None and cue.end <= said.start and _AFTER_COMMA.search(text, cue.end, said.start) is not None
            and " ".join(text[said.start:said.end].lower().split()) in _CLOSING_CUES)


def _opens_content(text: str, cue: Span | None, frame_end: int, claim_end: int) -> bool:
    """Whether the attribution's content follows its cue, opening with "that" or a quotation ("emails showed that
    the party ...", "placards declaring “...") or as a clause of its own after the cue and its source ("While
    turnout may dip, the clerk said she expects a long night"): a hedge before the source then stands outside it.
    A cue followed by anything else (", Ms Roe told CNN on Monday.") may close content that went before it, as
    "according to" always does."""
    if cue is None or " ".join(cue.text.lower().split()) in _CLOSING_CUES:
        return False
    return _CONTENT_AFTER_CUE.match(text, cue.end, claim_end) is not None or opens_a_clause(
        lowered_words(text[frame_end:claim_end]))


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
