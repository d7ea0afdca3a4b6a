"""Which words of a clause are who says it: the head of a source without what follows it ("a recording obtained
by NPR"), the subject a participle cue goes on from ("McConnell walked back his comments, saying ..."), and the
adjuncts that are no source ("In contrast", "Following this performance")."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import islice

from ..records import Span
from ..source_lexicons import DETERMINERS, PARTY_MEMBERS, PHRASE_WORDS, PRONOUNS
from ..sources import classify_source
from .spans import ADJUNCT_WORDS, APPOSITION_PIECES, MAX_SOURCE_WORDS, OPENING_WORDS, PIECE, WORD, trim
from .words import CLAUSE_WORDS, COPULAS, LY_ADVERB, is_ly_adverb, is_past_participle, verb_classes

# What follows a source's head and is no part of its span (docs/guidelines.md: the tightest words that name who
# says it): a relative clause ("a local resident who had relatives there"), a clause of time or manner ("one woman as
# she quarreled", "Katon Dawson after the Ryan speech"), a verb the phrase is the subject of ("The ACLU has endorsed
# ...", "Obama went on to [say]"). A participle phrase ("a memo obtained by NPR") is found by ``_PARTICIPLE``.
_POSTMODIFIER = re.compile(
    rf"\s+(?:(?:{'|'.join(CLAUSE_WORDS['relatives'])}|that)\s"
    r"|(?:as|while|when|after|before|during)\s+(?:he|she|they|it|we|the|a|an|his|her|their|its)\s"
    r"|(?:has|have|had)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn)\b"
    r"|(?:went|goes|go|going)\s+on\s+to\b)"
)
# A lower-case word after the head that may be a participle or past form, and the word after it: "carried out by",
# "published an article", "leapt into action" (the word after keeps "an unnamed official" whole), or a day that
# dates it, at the phrase's end too ("the order released Friday", "a report published last week").
_PARTICIPLE = re.compile(
    r"(?<=\S)\s+(?P<verb>[a-z]+)\s+(?:(?:by|out|into|in|to|from|through|on|at|with|for|up|back|an?|the|his|her|its|their)\s"
    rf"|(?:{'|'.join(PHRASE_WORDS['participle_dates'])})\b)"
)
# A present participle after the head, with an object or adverb after it or "now" before it: "a former aide now
# representing banks", "a spokesman speaking on condition of anonymity" (the word after keeps "a leading economist").
_ONGOING = re.compile(
    r"(?<=\S)\s+(?:(?:now|currently|still)\s+(?P<verb>[a-z]+ing)\b"
    r"|(?P<verb2>[a-z]+ing)\s+(?:on|for|with|to|in|at|from|the|a|an|his|her|its|their))\s",
)
# An -ly adverb and a past form after the head: the phrase's verb ("Republicans immediately impugned ...").
_ADVERB_THEN_PAST = re.compile(rf"\s+{LY_ADVERB}\s+(?P<verb>[a-z]+)\b")
# -ly adverbs left at the end of a phrase cut before its verb.
_TRAILING_ADVERBS = re.compile(rf"(?:\s+{LY_ADVERB})+\s*$")
# A prepositional phrase after a lower-case head noun or a party's member: "a new study by two economists" -> "a new
# study" (another capitalised word before it may be part of a name: "Council on Foreign Relations").
_PREPOSITIONAL = re.compile(rf"\s+(?:{'|'.join(PHRASE_WORDS['postmodifier_prepositions'])})(?:\s|$)")
"""A preposition after the head, also left at the phrase's end when its object was cut ("A Marist poll from")."""
# Unnamed others joined to a named teller: "Hawkins and others who want to ban abortion" is "Hawkins", "he and other
# challengers" is "he".
_AND_OTHERS = re.compile(rf"\s+and\s+(?:others?\b|(?:{'|'.join(PHRASE_WORDS['others_quantifiers'])})\s+(?:of\s|others?\b|other\s))")
_SUBORDINATING = frozenset(CLAUSE_WORDS["subordinators"]) | frozenset(CLAUSE_WORDS["relatives"]) | {"for", "instead", "despite", "beyond"}
# "At least" before a number: a quantifier opening a noun phrase, no adjunct ("At least 10 Republicans have said").
_NUMBER_QUANTIFIER = re.compile(
    rf"(?:{'|'.join(PHRASE_WORDS['number_quantifiers'])})\s+(?:\d+|{'|'.join(PHRASE_WORDS['share_numbers'])})\b",
    re.IGNORECASE,
)
_TIME_WORDS = frozenset({"last", "this", "next", "earlier", "later", "today", "yesterday", "tonight"})
_FRONTED = frozenset(PHRASE_WORDS["fronted_prepositions"])
_ASIDES = frozenset({"however", "too", "though", "meanwhile", "continue", "continues", "less", "just", "almost"})
_FOCUS_ADVERBS = frozenset(CLAUSE_WORDS["focus_adverbs"])
_VERB_ADVERBS = frozenset(CLAUSE_WORDS["verb_adverbs"])
_LAST_WORD = re.compile(r"\s+(?P<word>[a-z]+)\s*$")
_NO_HEAD_ALONE = DETERMINERS | frozenset(CLAUSE_WORDS["no_teller"])
"""Words before a past form that leave it the head: "the accused", "Those involved"."""
# Words a participle after a head cannot follow: then it is a noun ("A filing") or a gerund ("Proponents of pushing").
_NO_HEAD = DETERMINERS | ADJUNCT_WORDS | frozenset(PHRASE_WORDS["postmodifier_prepositions"]) | {
    "of", "to", "for", "with", "and", "or"}
_POSTMODIFIER_PREPOSITIONS = frozenset(PHRASE_WORDS["postmodifier_prepositions"])
# Words that open a clause of their own inside what follows a subject: then the cue after them is not its verb.
_CLAUSE_OPENERS = frozenset(CLAUSE_WORDS["subordinators"]) | frozenset(CLAUSE_WORDS["relatives"]) | frozenset(PRONOUNS)
_COPULAS = frozenset(COPULAS)
_VERBAL = frozenset(COPULAS + CLAUSE_WORDS["modals"] + CLAUSE_WORDS["perfect_auxiliaries"]) | {"also", "then"}


def without_postmodifier(text: str, span: Span) -> Span:
    """A plausible source phrase without what follows its head (``_POSTMODIFIER``, a prepositional phrase after a
    common noun, a participle phrase, or what follows a name, ``_name_end``): "a recording obtained by NPR" -> "a
    recording", "Lawyers for the defendants in the trial" -> "Lawyers for the defendants". Cut after the gate has read the
    whole phrase (``appositions``), so that the gate judges the phrases it was fitted on; the phrase keeps at least
    one word."""
    length = _head_length(text[span.start - 1 : span.start], span.text)
    return span if length == len(span.text) else trim(text, span.start, span.start + length) or span


@lru_cache(maxsize=8192)
def _head_length(before: str, phrase: str) -> int:
    """How much of ``phrase`` ``without_postmodifier`` keeps; ``before`` is the character before it, the only
    context the patterns read, so the answer is cached per (before, phrase): sources repeat claim after claim."""
    piece = before + phrase
    start = end = len(before)
    end = len(piece)
    cut = _POSTMODIFIER.search(piece, start, end)
    if cut is not None and cut.start() > start:
        end = cut.start()
    for participle in _PARTICIPLE.finditer(piece, start, end):
        if participle.start() > start and is_past_participle(participle.group("verb")):
            end = participle.start()
            break
    # "Republicans immediately impugned his motives": a verb, not "the newly elected mayor"
    end = _verb_after_head(_ADVERB_THEN_PAST, piece, start, end, lambda acted: is_past_participle(acted.group("verb")))
    end = _verb_after_head(_ONGOING, piece, start, end,
                           lambda ongoing: bool(verb_classes(ongoing.group("verb") or ongoing.group("verb2"))))
    if (others := _AND_OTHERS.search(piece, start, end)) is not None and others.start() > start:
        end = others.start()
    for preposition in _PREPOSITIONAL.finditer(piece, start, end):
        head = piece[start : preposition.start()].split()
        if head and (head[-1].islower() or head[-1] in PARTY_MEMBERS):  # "a senior Republican in the campaign"
            end = preposition.start()
            break
    if (adverbs := _TRAILING_ADVERBS.search(piece, start, end)) is not None and adverbs.start() > start:
        end = adverbs.start()  # "Republican leaders immediately [attacked ...]": the adverb went with the verb
    end = _without_trailing_verb(piece, start, end)
    return _name_end(piece, start, end) - start


def _without_trailing_verb(piece: str, start: int, end: int) -> int:
    """Where a phrase ends without the past form or adverb of a verb left at its end, after a head: "a memo shared"
    -> "a memo", "A political strategist even" -> "A political strategist", "Harris never" -> "Harris", "the experts
    I interviewed" -> "the experts"; kept after
    determiners alone or an -ly adverb ("the accused", "Those involved", "the newly elected")."""
    while (last := _LAST_WORD.search(piece, start, end)) is not None:
        before = piece[start : last.start()].split()
        word = last.group("word")
        if not before or all(w.lower() in _NO_HEAD_ALONE for w in before) or is_ly_adverb(before[-1]):
            break
        if word not in _VERB_ADVERBS and not is_past_participle(word):
            break
        end = last.start()
        if len(before) > 1 and before[-1].lower() in PRONOUNS and not before[-2][:1].isupper():
            end = piece.rindex(before[-1], start, end)  # "the experts I interviewed": a clause about the head
    return end


def _verb_after_head(pattern: re.Pattern[str], piece: str, start: int, end: int,
                     is_verb: Callable[[re.Match[str]], bool]) -> int:
    """Where the phrase ends before the first match of ``pattern`` that ``is_verb`` reads as a verb, after a word that
    can be a head (not one of ``_NO_HEAD``: after a determiner it is a noun, "A filing from"; after "of" a gerund);
    ``end`` when there is none."""
    for match in pattern.finditer(piece, start, end):
        before = piece[start : match.start()].split()
        if before and before[-1].lower() not in _NO_HEAD and is_verb(match):
            return match.start()
    return end


def _name_end(text: str, start: int, end: int) -> int:
    """Where a phrase that opens with a name ends when an adverb, a time, a verb or a preposition other than
    "of" follows the name: "Trump at the time", "Priebus later Thursday", "Lewandowski continued to", "The State
    Department less than two weeks ago" -> the name (named as a source on its own); ``end`` otherwise."""
    words = list(WORD.finditer(text, start, end))
    run = 0
    while run < len(words) and words[run].group()[:1].isupper():
        run += 1
    if not run or run == len(words) or _opens_adjunct(words[0].group()) or not _after_a_name(words[run].group()):
        return end  # no name, nothing after it, or an adjunct ("Following this performance")
    name = Span(start, words[run - 1].end(), text[start : words[run - 1].end()])
    reading = classify_source(text, name)
    if reading.source_type == "organization" and _names_its_field(words[run:]):
        return end  # "The Council on Foreign Relations": "on" and a name go on naming the institution
    return name.end if reading.named and not reading.refers_back else end


def _names_its_field(rest: list[re.Match[str]]) -> bool:
    """Whether the words after an institution's name go on naming it: "on" and a capitalised word that is no time
    ("the Council on Foreign Relations", "the Center on Budget and Policy Priorities"; not "the Council on
    Tuesday")."""
    return (len(rest) > 1 and rest[0].group() == "on" and rest[1].group()[:1].isupper()
            and rest[1].group().lower() not in _TIME_WORDS)


def _after_a_name(word: str) -> bool:
    """Whether a lower-case word after a name ends the name's phrase: an adverb, a time, an auxiliary or past
    form, a preposition other than "of"."""
    low = word.lower()
    if not word.islower() or low in ("of", "for", "and", "&"):
        return False
    return (low in ADJUNCT_WORDS or low in _TIME_WORDS or low in _VERBAL or low in _ASIDES or low.endswith("ly")
            or is_past_participle(low))


def clause_subject(text: str, claim_start: int, cue_start: int) -> Span | None:
    """The subject of the claim's main clause, for a participle cue that has no source of its own ("That judge
    tossed the cases, saying they were moot" -> "That judge"): the words before the clause's first verb, past a
    leading adjunct set off by a comma ("On Thursday, McConnell walked back ..."), or a piece of its own before
    asides when the verb opens a later piece ("Senator Ann Cole of Ohio, facing a close race, issued a statement");
    None when no verb is found."""
    alone = None  # a verbless piece that may be the subject, its verb after an aside
    for piece in islice(PIECE.finditer(text, claim_start, cue_start), APPOSITION_PIECES):
        words = [word for word in WORD.finditer(text, piece.start(), piece.end())]
        while words and (words[0].group().lower() in OPENING_WORDS or words[0].group().lower() in _FOCUS_ADVERBS):
            words.pop(0)
        if alone is not None and opens_predicate([word.group() for word in words]):
            return alone
        if not words or (_opens_adjunct(words[0].group()) and not _demonstrative(words)):
            continue
        verb = next((k for k, word in enumerate(words) if k and _ends_subject(word.group())), None)
        if verb is None:
            if alone is None and words[0].group()[:1].isupper():
                alone = trim(text, words[0].start(), words[-1].end())
            continue  # "But the very next day,": an adjunct all the same
        subject = trim(text, words[0].start(), words[verb - 1].end())
        return subject if subject is not None and len(subject.text.split()) <= MAX_SOURCE_WORDS else None
    return None


def modifies_up_to(text: str, subject: Span, cue_start: int) -> bool:
    """Whether the words between a clause's subject and a cue only modify the subject, so that the cue is its verb:
    none, or in the same clause piece a prepositional phrase ("The head of the religious police in Sinai said",
    "Some firms with offices in Hong Kong have warned") or a participle and a preposition or time ("A video shown
    by prosecutors showed", "A report released last year found") with no auxiliary, copula, modal, relative or
    subordinator in it ("Palin posted a message under a headline that said", "These donors were upset") but for an
    auxiliary or adverb of the cue's own verb right before it ("have", "also"; a copula makes the cue a passive or
    an adjective: "are worried")."""
    gap = text[subject.end : cue_start]
    if gap and PIECE.fullmatch(gap) is None:
        return False  # "Smoke rose over the depot, raising fears": a clause of its own before the cue
    words = [word.lower().strip("()") for word in gap.split()]
    while words and ((words[-1] in _VERBAL and words[-1] not in _COPULAS) or is_ly_adverb(words[-1])):
        words.pop()
    if not words:
        return True
    if any(word in _VERBAL or word in _CLAUSE_OPENERS for word in words):
        return False
    first, after = words[0], words[1] if len(words) > 1 else ""
    if first in ADJUNCT_WORDS or first in _POSTMODIFIER_PREPOSITIONS:
        return True
    return is_past_participle(first) and (after in ADJUNCT_WORDS or after in _POSTMODIFIER_PREPOSITIONS or after in _TIME_WORDS)


def _opens_adjunct(word: str) -> bool:
    """Whether a clause piece's first word makes it an adjunct, not a subject ("In", "When", "Reached", "Last"); a
    word ending in "-ing" or "-ed" only when it is a verb's form ("Following", "Asked"; not "Beijing")."""
    low = word.lower()
    if low in ADJUNCT_WORDS or low in _SUBORDINATING or not word[:1].isalpha() or low in _TIME_WORDS:
        return True
    return low.endswith("ly") or (low.endswith(("ing", "ed")) and verb_classes(low) is not None)


def _demonstrative(words: list[re.Match[str]]) -> bool:
    """Whether a piece opens with "that" as a determiner before a noun ("That judge tossed the cases"), not as a
    conjunction before a clause ("That the plan failed ...", "That he lied ...")."""
    if words[0].group().lower() != "that" or len(words) < 2:
        return False
    after = words[1].group()
    return after.islower() and after not in DETERMINERS and after not in PRONOUNS


def is_adjunct(phrase: str) -> bool:
    """Whether a would-be source is an adjunct or a clause, not who says anything: "In contrast", "for example",
    "Following this performance", "later", "that the plan failed" (a participle or "-ly" word counts only before a
    lower-case word, so "United Nations" and "Leading economists" are no adjuncts here; "At least 10 Republicans"
    is a quantified noun phrase; a capitalised fronted preposition opens one too: "Of Sanders", "Like Corker")."""
    words = phrase.split()
    if not words or _NUMBER_QUANTIFIER.match(phrase):
        return False
    low, after = words[0].lower(), words[1] if len(words) > 1 else ""
    if low in ADJUNCT_WORDS or low in _SUBORDINATING or low in _TIME_WORDS or low in OPENING_WORDS:
        return True
    if low in _FRONTED and words[0][:1].isupper():
        return True
    return low.endswith(("ing", "ed")) and after[:1].islower()


def opens_predicate(words: list[str]) -> bool:
    """Whether a clause piece opens with its verb, after -ly adverbs: a past form or a verb in the present tense
    ("issued a statement", "recently toned down", "agrees"); not an apposition ("a former aide", "facing a race")."""
    rest = list(words)
    while rest and is_ly_adverb(rest[0]):
        rest.pop(0)
    if not rest or not rest[0].islower():
        return False
    low = rest[0]
    return is_past_participle(low) or (low.endswith("s") and not low.endswith("ss") and verb_classes(low) is not None)


def _ends_subject(word: str) -> bool:
    """Whether a word after the subject's first is its verb or an adjunct after it: an auxiliary, copula or
    modal, a negated verb ("wasn’t"), a past form, or a preposition other than "of"; never a capitalised word
    ("Theresa May said")."""
    if not word[:1].islower():
        return False
    low = word.lower().strip(",;:")
    if low in _VERBAL or low.endswith(("n't", "n’t")) or (low in ADJUNCT_WORDS and low != "of"):
        return True
    return word.islower() and is_past_participle(low)
