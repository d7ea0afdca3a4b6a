"""The decision among candidates: which cues of a claim the gate judges, in what order, and which source goes
with each.

First the model's cue, made right (a hedge adverb is not used, function words give way to a
reporting verb after them), else a clear rule cue; then the claim's other rule cues, which the gate
judges one by one only while it refuses the ones before (``gate.AttributionGate.apply``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache, partial
from itertools import chain, islice

from ..resources import compile_alternation, read_entries, read_toml
from ..document import Quotations
from ..records import Attribution, Claim, ClaimPrediction, Span, Step
from .cues import QUOTATION_CLOSERS, Candidate, Cues, of_candidate_class, opens_inverted, tags_a_quotation
from .references import names_a_teller
from .spans import after_cue_phrase, is_personal_name, owned_phrase, plausible, quoted_account_before, source_after, tighten
from .words import AUX, BE, BY_AFTER, CLAUSE_WORDS, LY_ADVERB, inverted_opening, is_ly_adverb, word_initial_matches

_FUNCTION_WORDS = frozenset(read_entries("source_function_words.txt"))
_HEDGE_ADVERBS = frozenset(read_entries("source_hedge_adverbs.txt"))
_CUE_WORD = re.compile(r"\w+|[^\w\s]")
# What may stand between a model's function-word cue and the reporting verb it belongs to
# ("has also detailed", "did not immediately say").
_AUX_GAP = re.compile(rf"(?:\s+(?:{AUX}|(?-i:{LY_ADVERB})))*\s+", re.IGNORECASE)
SAY_VERB = re.compile(compile_alternation(read_entries("source_say_verbs.txt")).pattern, re.IGNORECASE)
_NO_CONTENT = {name: frozenset(words) for name, words in read_toml("no_content.toml").items()}
_MODALS = frozenset(CLAUSE_WORDS["modals"])
_RELATED_END = re.compile(rf"(?:{'|'.join(map(re.escape, sorted(_NO_CONTENT['related_link_ends'])))})\b")
"""A related-link end word, whose word boundary in front is checked on each hit (``word_initial_matches``)."""
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
"""A name glued to the next word's capital ("ClintonDemocrats", "TrumpDem"): where a related-link headline opens.
Two lower-case letters before the capital, so that "McCabe" and "DeVos" are no such join."""
# A verb of saying whose only object is the asking for comment: "declined to comment", "did not respond to a
# request for comment", "did not immediately reply to requests for comment" (docs/guidelines.md: no content).
_COMMENT_AFTER = re.compile(
    r"\s+(?:to\s+)?(?:immediately\s+)?(?:(?:(?:respond|reply)\s+)?to\s+)?(?:an?\s+|several\s+|multiple\s+)?"
    r"(?:\w+\s+)?(?:requests?\s+for\s+)?comment\b",
    re.IGNORECASE,
)
_PLURAL_RELATIVE_AFTER = re.compile(
    rf"\s+that\s+(?:{'|'.join(sorted(_NO_CONTENT['plural_verbs']))})(?![\w'’-])", re.IGNORECASE
)
"""A relative "that" and a plural verb right after the cue ("states that have moved"): ``plural_verbs``."""
# A wh-clause right after a phrasal cue ("spoke about how", "focuses on what"): ``wh_openers``.
_WH_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(_NO_CONTENT['wh_openers']))})\b", re.IGNORECASE)
# A verb coordinated with the clause's first one shares its subject: "Pence called it fake news and said ...".
_COORDINATED = re.compile(r"\sand\s+(?:also\s+|then\s+)?$")
_MARK_BEFORE = re.compile(r"[,—–]\s*$")
"""A comma or dash right before a participle cue: it opens a participle phrase ("..., saying")."""
_COMMA_AFTER = re.compile(r"\s*,")
_AS_AFTER = re.compile(r"\sas\s", re.IGNORECASE)
"""An "as" after a citing cue: "citing X as his guilty pleasure" names X in answer, a saying (``reasons``)."""
_OF_COMPLEMENT_BEFORE = re.compile(r"\s+of\s+(?:(?:more|fewer|less)\s+than\s+|(?:about|nearly|almost|over|some)\s+)?$")
"""An "of" before a model's tail of the rule's phrase: the tail is its complement ("The poll of more than 14,300 people")."""
_GAP_THEN_WORD = re.compile(rf"{_AUX_GAP.pattern}(?P<verb>(?-i:[a-z]{{3,}}+))(?![\w'’-])", re.IGNORECASE)
"""Auxiliaries and adverbs, then a lower-case word: the verb an adverb model cue stands before."""
MAX_CANDIDATES = 3
"""The most cues of one claim the gate judges: the primary one and two more (a claim rarely has more rule cues)."""


def governs_no_content(quotations: Quotations, claim: Claim, attribution: Attribution) -> str | None:
    """Why the attribution's own cue governs no content (``resources/lexicons/no_content.toml``), or None: the
    asking for comment, a related-link headline run into the claim (page text), a word of a name, a refusal, a
    reason given ("citing"), a forecast nobody makes, a phrasal verb of action (not one a wh-clause follows:
    "spoke about how ..."), a saying only tried, judged or to come (an infinitive), a noun (after an article or a
    possessive, or before a relative "that" with a plural verb), the writer's own voice, a showing by people (their
    deeds show it; a document's "shows" stays).
    Such a cue is refused whatever the gate says. The writer's voice is read outside the quotations of the Document's
    quotation model."""
    cue = attribution.cue
    assert cue is not None
    text = quotations.text
    words = _lowered_cue_words(cue.text)
    written = text[max(claim.start, cue.start - 40) : cue.start].split()
    before = [word.lower() for word in written]
    previous = before[-1].strip(",;:") if before else ""
    if _COMMENT_AFTER.match(text, cue.end, claim.end):
        return "asks_for_comment"
    if _in_related_link(text, claim, cue):
        return "related_link"
    if _in_name(text, claim, cue):
        return "name_part"
    if words[-1] in _NO_CONTENT["refusals"]:
        return "refusal"
    if len(words) == 1 and words[0] in _NO_CONTENT["reasons"] and not _AS_AFTER.search(text, cue.end, claim.end):
        return "reason_given"
    if words[-1] in _NO_CONTENT["expectations"] and (words[0] in BE or previous in BE):
        return "forecast_without_source"
    if len(words) > 1 and words[-1] in _NO_CONTENT["particles"] and not _WH_AFTER.match(text, cue.end, claim.end):
        return "phrasal_action"
    if len(words) > 1 and words[0] == "to":
        before, words = [*before, "to"], words[1:]  # the cue "to say": its "to" marks the infinitive
    if before[-1:] == ["to"] and not set(before[-2:-1]) & _NO_CONTENT["carry_on"]:
        return "infinitive"
    if _after_modal(words, written):
        return "supposed_saying"
    owner, possessive, rest = previous.replace("’", "'").rpartition("'s")
    if (previous in _NO_CONTENT["articles"] or (possessive and owner and not rest and owner not in _NO_CONTENT["contracted"])
            or len(previous) > 2 and previous.endswith(("s'", "s’"))  # a plural's possessive: "the protesters’ demand"
            or _PLURAL_RELATIVE_AFTER.match(text, cue.end, claim.end)):
        return "noun"
    source = attribution.source
    if (source is not None and source.text.lower() in _NO_CONTENT["writer"]
            and not quotations.open_at(cue.start)):
        return "writer_voice"
    if words[-1] in _NO_CONTENT["showing"] and attribution.source_type in _NO_CONTENT["people"]:
        return "shown_by_deed"
    return None


def _in_related_link(text: str, claim: Claim, cue: Span) -> bool:
    """Whether the cue stands in a related-link headline run into the claim: a related-link end word
    (``related_link_ends``: "MORE") follows it in the claim, and a glued name (``_GLUED``) stands before it since
    the claim's start or the last end word ("... Hillary Diane Rodham ClintonDemocrats worry they ... MORE")."""
    if next(word_initial_matches(_RELATED_END, text, cue.end, claim.end), None) is None:
        return False
    start = claim.start
    for end in word_initial_matches(_RELATED_END, text, claim.start, cue.start):
        start = end.end()
    return _GLUED.search(text, start, cue.start) is not None


def _in_name(text: str, claim: Claim, cue: Span) -> bool:
    """Whether the cue is a capitalised word past the claim's first, beside another capitalised word: a word of a
    name ("— Hope Hicks, one of ...", "Bloomberg View"); the labels mark no capitalised cue past a claim's start but
    "According to"."""
    if cue.start == claim.start or not cue.text[:1].isupper() or cue.text.startswith("According"):
        return False
    before = text[max(claim.start, cue.start - 40) : cue.start].split()
    after = text[cue.end : min(claim.end, cue.end + 40)].split()
    return bool(before and before[-1][:1].isupper() or after and after[0][:1].isupper())


def _after_modal(cue_words: list[str], before: list[str]) -> bool:
    """Whether the cue ("would say") or the words before it ("would also say"), as written, open with a modal; a
    capitalised modal after a capitalised word is a name's ("Theresa May said", "Brian May, the guitarist, said")."""
    if cue_words[0] in _MODALS:
        return True
    for index in range(len(before) - 1, -1, -1):  # the last word before the cue that is no gap word ("also", "not")
        word = before[index].strip(",;:")
        if word.lower() not in _NO_CONTENT["modal_gap"]:
            in_name = word[:1].isupper() and index > 0 and before[index - 1][:1].isupper()
            return word.lower() in _MODALS and not in_name
    return False


def model_cue_within(claim: Claim, cue: Span | None) -> bool:
    """Whether the model's cue stands inside the claim: only there is it the claim's own."""
    return cue is not None and claim.start <= cue.start and cue.end <= claim.end


def choose_later(text: str, primary: Candidate, found: Cues, more: Cues) -> Iterator[tuple[Candidate, tuple[Step, ...]]]:
    """The cues the gate judges after the claim's ``primary`` one (``choose_primary``) when it refuses it, in order,
    each with the step that chose it: at most ``MAX_CANDIDATES - 1`` cues apart from it that are clear or a
    teller's "X said" (``_says``), first the rule cues (``found``), then ``more`` (the communication verbs
    before content that ``found`` leaves out when the model gave a cue). The model's chosen cue is often an
    action the gate refuses ("The council voted on Tuesday, officials said, to ..."), while the claim's real
    cue is a rule cue beside it. Made one by one, as the gate asks: a cue's source is looked for only when the
    one before it was refused."""
    cue = primary.cue
    apart = chain((found[index] for index in found.apart(cue)), (more[index] for index in more.apart(cue)))
    others = (other for other in map(partial(_goes_on_from, text, primary), apart) if other.clear or _says(text, other))
    return ((other, (Step("rule_cue", other.cue.text, other.kind, other.found),))
            for other in islice(others, MAX_CANDIDATES - 1))


def _goes_on_from(text: str, primary: Candidate, other: Candidate) -> Candidate:
    """A participle cue right after a comma or dash, or a verb coordinated by "and", after the claim's primary cue,
    that found no teller before it goes on from the primary's clause and takes its teller ("The union condemned the
    layoffs, saying the company ..." -> "The union", not "the company"; "The mayor condemned the attack and said
    ..."); any other cue as it stands. When the gate refuses the primary as an action, the participle or the second
    verb is the saying."""
    teller, cue = primary.source, other.cue
    if (teller is None or teller.start >= primary.cue.start or cue.start < primary.cue.end
            or other.found not in ("nowhere", "after_cue_inverted")):
        return other
    participle = cue.text.endswith("ing") and _MARK_BEFORE.search(text, primary.cue.end, cue.start) is not None
    if not participle and _COORDINATED.search(text, primary.cue.end, cue.start) is None:
        return other
    return Candidate(cue, teller, other.kind, True, "subject_of", primary.cue.text)


def choose_primary(
    text: str, claim: Claim, prediction: ClaimPrediction, found: Cues
) -> tuple[Candidate | None, tuple[Step, ...]]:
    """The claim's main cue and its source, and the steps that chose them: the model's cue, made
    right, else a clear rule cue.

    A model cue made only of hedge adverbs (``resources/lexicons/source_hedge_adverbs.txt``:
    "reportedly") is not used: it distances the writer and names nobody. A lone "-ly" adverb ("vehemently") gives way
    to the verb right after it when that is a rule-lexicon one or of the communication class (``_speech_verb_after``:
    "has vehemently denied", "sharply rebuked"). One made only of
    function words (``resources/lexicons/source_function_words.txt``: "has", "about", ":") gives
    way to a reporting verb of the rule lexicon right after it, past auxiliaries and
    adverbs ("has also detailed": "detailed"), a colon to one right before it ("He added:"), and
    is otherwise kept only when its source names a teller (the "WALLACE" of "WALLACE:"; not "The
    incident" of "... against"). Any other gives way to a rule cue before it that tags the
    quotation before that ("“...,” he said, adding that": ``_quotation_tag_before``). Attribution is
    meant broadly, as PolNeAR annotates it: speech ("said") and reported states of a
    source ("believes", "wants", "criticized") both tell the reader whose view a claim is.
    """
    cue = prediction.cue
    how: tuple[Step, ...] = ()
    if model_cue_within(claim, cue):
        model = Step("model_cue", cue.text, prediction.probability)
        words = _cue_words(cue.text)
        if words == "hedge":
            how = (model, Step("model_cue_hedge"))
        elif words == "adverb" and (verb := _speech_verb_after(text, claim, cue, found)) is not None:
            moved = ClaimPrediction(prediction.probability, verb, prediction.source)
            return _from_model(text, claim, moved, found, (model, Step("model_cue_adverb_verb", verb.text)))
        elif words == "function":
            verb = found.first(lambda verb, kind: kind == "verb" and (
                _AUX_GAP.fullmatch(text, cue.end, verb.start) is not None or cue.text == ":" and _right_before(text, verb, cue)))
            if verb is not None:
                moved = ClaimPrediction(prediction.probability, verb.cue, prediction.source)
                gives_way = Step("model_cue_function_verb", verb.cue.text)
                return _from_model(text, claim, moved, found, (model, gives_way))
            kept, why = _from_model(text, claim, prediction, found, (model, Step("model_cue_function_kept")))
            if kept.source is not None and names_a_teller(text, kept.source) and (
                    cue.text != ":" or _labels(text, claim, kept.source, cue)):
                return kept, why
            how = (model, Step("model_cue_function_no_teller"))
        elif (tag := _quotation_tag_before(text, claim, cue, found)) is not None:
            return tag, (model, Step("model_cue_after_tag", tag.cue.text))
        else:
            return _from_model(text, claim, prediction, found, (model,))
    clear = (
        next((c for c in found if c.clear and c.kind == "verb"), None)
        or next((c for c in found if c.clear), None)
        or next((c for c in found if _says(text, c)), None)
    )
    if clear is None:
        return None, how
    rule = Step("rule_cue", clear.cue.text, clear.kind, clear.found)
    return clear, (*how, rule) if how else (rule, Step("no_model_cue"))


@lru_cache(maxsize=4096)
def _lowered_cue_words(cue: str) -> tuple[str, ...]:
    """The words of a cue, lower-cased (cached: the same cues, "said", "told", come back claim after claim)."""
    return tuple(_CUE_WORD.findall(cue.lower()))


def _speech_verb_after(text: str, claim: Claim, cue: Span, found: Cues) -> Span | None:
    """The verb right after an adverb model cue, past auxiliaries and adverbs, when it is a rule-lexicon verb or one
    whose first WordNet sense is of communication ("vehemently denied", "specifically chastised")."""
    after = _GAP_THEN_WORD.match(text, cue.end, claim.end)
    if after is None:
        return None
    verb = Span(after.start("verb"), after.end("verb"), after.group("verb"))
    rule = found.overlapping(verb)
    if rule is not None and rule.kind == "verb":
        return rule.cue
    return verb if of_candidate_class(verb.text) else None


def _labels(text: str, claim: Claim, source: Span, colon: Span) -> bool:
    """Whether a colon and its source make a speaker label: the source opens the claim, or follows the inverted verb
    that does ("Continued Stone:", ``inverted_opening``), and the colon follows it at once ("WALLACE:", "SMITH:"). A
    colon after a clause ("then leaned in and boomed: “...”", "a question came from a member of the audience: “...”")
    is the writer's punctuation, no cue."""
    opening = inverted_opening(text, claim.start, claim.end)
    opens = source.start == claim.start or opening is not None and opening.end() == source.start
    return opens and _right_before(text, source, colon)


def _right_before(text: str, verb: Span, cue: Span) -> bool:
    """Whether ``verb`` stands right before ``cue``, only space between them ("added:")."""
    return verb.end <= cue.start and not text[verb.end : cue.start].strip()


@lru_cache(maxsize=4096)
def _cue_words(cue: str) -> str:
    """What a model cue is made of: only "hedge" adverbs, only "function" words, or "other"
    (cached: the same cues, "said", "told", come back claim after claim)."""
    words = _lowered_cue_words(cue)
    if all(word in _HEDGE_ADVERBS for word in words):
        return "hedge"
    if len(words) == 1 and is_ly_adverb(words[0]):
        return "adverb"
    return "function" if all(word in _FUNCTION_WORDS for word in words) else "other"


def _from_model(
    text: str, claim: Claim, prediction: ClaimPrediction, found: Cues, how: tuple[Step, ...]
) -> tuple[Candidate, tuple[Step, ...]]:
    """The model's cue with the best source for it.

    The rule source next to the cue completes the model's span when they overlap: the
    model's spans are often cut short ("Rustem", "A US", "the Ukrainian"). The model's
    span stays when it is a tighter tail of the rule's ("Institute for the Study of War
    (ISW)" inside "The U.S.-based think tank Institute ...") or lies apart from it (the
    rule then read an object after the cue or a clause before it); the rule's is used
    when the model gave none. "according to" always takes the phrase after it; "citing"
    hands over to the report it cites; a participle cue with no source of its own
    (", noting:") or one coordinated with an earlier verb ("... and said") takes the source of the claim's
    main reporting clause. A passive cue
    ("were reported killed", not the progressive "is warning") has no source unless a
    "by" agent names one: its subject is the content.
    """
    cue = prediction.cue
    assert cue is not None
    rule = found.overlapping(cue)
    kind = rule.kind if rule else "verb"
    if kind == "citing" and (reporter := _reporter_before(found, cue)) is not None:
        return reporter, (*how, Step("cites_for", reporter.source.text, reporter.cue.text))
    passive = found.is_passive(cue)
    model_source = _model_source(text, claim, prediction)
    if passive and (model_source is None or model_source.start < cue.end):
        by = BY_AFTER.match(text, cue.end)
        model_source = source_after(text, by.end(), claim.end) if by else None
    rule_source = rule.source if rule else None
    if rule_source is not None and (kind == "according" or _completes(text, model_source, rule_source)
                                    or _parenthetical_teller(text, rule, cue) or _apposition_of(text, rule, model_source, cue)):
        steps = (*how, Step("rule_source", rule.found, model_source == rule_source))
        if rule.cue.start == cue.start and rule.cue.end == cue.end:
            return rule, steps  # the model's cue is the rule's: its candidate as it stands, not a copy
        return Candidate(cue, rule_source, kind, rule.clear, rule.found), steps
    if model_source is not None:
        return Candidate(cue, model_source, kind, True, "by_model"), how
    if cue.text.lower().endswith("ing") or _COORDINATED.search(text, claim.start, cue.start):
        main = next((c for c in found.where(lambda other, _: other != cue) if c.source is not None), None)
        if main is not None:
            return Candidate(cue, main.source, kind, True, "subject_of", main.cue.text), how
    if (account := quoted_account_before(text, claim.start, cue.start)) is not None:
        return Candidate(cue, account, kind, True, "quoted_account"), how
    if opens_inverted(text, claim, cue):  # "Stated Stone:": the name after the verb
        return Candidate(cue, source_after(text, cue.end, claim.end), kind, True, "after_cue_inverted"), how
    return Candidate(cue, None, kind, True, "nowhere"), how



def _quotation_tag_before(text: str, claim: Claim, cue: Span, found: Cues) -> Candidate | None:
    """The rule cue before the model's that tags the quotation before it (``tags_a_quotation``): the quotation's
    words and the claim are its teller's, and a cue after it goes on from it ("“...,” he said, adding that ...",
    "“...,” Google said, according to Reuters": cue "said", docs/guidelines.md). A tag follows a closing mark, so
    a claim with none before the cue has no tag, and its cues' candidates are not made for nothing."""
    before = text[claim.start:cue.start]
    if not any(mark in before for mark in QUOTATION_CLOSERS):
        return None
    tags = found.where(lambda verb, kind: kind == "verb" and verb.end <= cue.start)
    return next((tag for tag in tags if tags_a_quotation(text, claim, tag)), None)


def _reporter_before(found: Cues, cue: Span) -> Candidate | None:
    """The report a "citing" cue belongs to: the nearest reporting verb or "according to"
    before it ("TASS reported, citing ...", "according to L'Independent, citing ...")."""
    reporters = [
        c
        for c in found.where(lambda verb, kind: kind in ("verb", "according") and verb.end <= cue.start)
        if c.source is not None
    ]
    return reporters[-1] if reporters else None


def _completes(text: str, model: Span | None, rule: Span) -> bool:
    """Whether the rule's source should replace the model's: the model gave none, or a
    span the rule's overlaps without being a tighter tail of it ("Rustem" in "Rustem
    Umerov", not "he" in "'' he"); a tail after "of" is a complement, the head is before it ("The poll of more than
    14,300 people", not "14,300 people"), and a tail that opens inside a word is cut short (". Reid" of "Harry M.
    Reid", ".N. Intergovernmental Panel" of "The U.N. Intergovernmental Panel"). Apart from the model's, the rule's
    is a guess (an object after the cue, a clause before it) and the model's span stays."""
    if model is None:
        return True
    if model.end == rule.end and rule.start < model.start:
        return text[model.start - 1].isalnum() or _OF_COMPLEMENT_BEFORE.search(text, rule.start, model.start) is not None
    return model.start < rule.end and rule.start < model.end


def _apposition_of(text: str, rule: Candidate, model: Span | None, cue: Span) -> bool:
    """Whether the model's span lies in the apposition after the rule's personal name ("Doug Andres, a spokesman for
    House Speaker Paul Ryan told"): the name is the source (docs/guidelines.md), not the description or a name inside
    it; a phrase that is no person's name ("After the ruling, it appeared ..., with lawyers saying") keeps the
    model's."""
    return (rule.found == "before_apposition" and rule.source is not None and model is not None
            and rule.source.end <= model.start and model.end <= cue.start and is_personal_name(text, rule.source))


def _parenthetical_teller(text: str, rule: Candidate, cue: Span) -> bool:
    """Whether the rule read the teller of an inverted tag set between commas inside the sentence ("The plan, say
    critics, would cost billions", "The report, said her lawyer, was false"): the phrase before the tag is the
    content's subject, so the teller after the cue replaces a model's span there. A say verb only: "The program,
    called EB-5, ..." names the program."""
    return (rule.found == "after_cue_inverted" and rule.source is not None and rule.source.start >= cue.end
            and SAY_VERB.fullmatch(cue.text) is not None
            and text[cue.start - 2 : cue.start].strip() == "," and _COMMA_AFTER.match(text, rule.source.end) is not None)


def _says(text: str, candidate: Candidate) -> bool:
    """"X said ..." with X a source we can type (or a pronoun) at the start of a clause."""
    if candidate.source is None or candidate.found == "inside_clause" or not SAY_VERB.fullmatch(candidate.cue.text):
        return False
    return names_a_teller(text, candidate.source)


def _model_source(text: str, claim: Claim, prediction: ClaimPrediction) -> Span | None:
    """The model's source span, made tight; None outside the claim or over the cue itself ("according to a"). A
    possessive owner alone ("Palin’s" of "Palin’s post resonated") gives way to the phrase it owns (``owned_phrase``)."""
    source, cue = prediction.source, prediction.cue
    if source is None or not (claim.start <= source.start and source.end <= claim.end):
        return None
    if cue is not None and source.start < cue.end and cue.start < source.end:
        return None
    tight = plausible(tighten(text, source))
    if tight is not None and cue is not None and tight.start >= cue.end:
        return after_cue_phrase(tight)
    if tight is None or cue is None or tight.end > cue.start:
        return tight
    return owned_phrase(text, tight, cue.start)
