"""Source spans the way docs/guidelines.md draws them where the attribution rules draw them wider or elsewhere.

- A name in apposition is the source, not the description before it: "the senator's lawyer, Jane Roe, said"
  has source "Jane Roe", a named person.
- "told reporters" is one cue: the reporters are the audience, never the source; the teller stands before.
- A relay is the intermediary: "The newspaper, citing a police spokesman, said" has source "a police
  spokesman", via "The newspaper".
Each runs once per attribution after the gate and adds a step saying what it changed.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .attribution.clauses import clause_subject, is_adjunct, modifies_up_to, opens_predicate, without_postmodifier
from .attribution.decide import SAY_VERB
from .attribution.inherit import origin_index
from .attribution.references import names_a_teller
from .attribution.words import CLAUSE_WORDS, LY_ADVERB
from .attribution.spans import (
    ADJUNCT_WORDS, OPENING_WORDS, institution_name_in, is_personal_name, last_piece_start, name_in, names_one_unnamed_person,
    plausible, source_after, source_before, trim,
)
from .source_lexicons import DETERMINERS, PHRASE_WORDS, PRONOUNS, SHARE_OF_PEOPLE
from .sources import classify_source
from .records import Attribution, Claim, Span, Step, Via, replace

_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}"
# ", Jane Roe," right before the cue, or with an apposition of its own (", Jane Roe, a former executive,").
_APPOSED_NAME = re.compile(rf",\s+(?P<name>{_NAME}),(?:\s+(?:a|an|the|who|whose|which)\s[^,;“”\"]*,)?\s*$")
# The piece between commas right after a description, before the cue: its name, with a title, an affiliation or a
# party tag beside it ("Another prominent Republican, Sen. Lindsey Graham, R-S.C., announced", "Another lawmaker, Sen.
# Joe Lieberman (I-Conn.), also stated"; "The committee's top
# Democrat, Rep. Dutch Ruppersberger of Maryland, said"; "the industry's trade group, the Software Association, said"),
# also with an adverb before the cue ("One of its executives, Michael Sexton, subsequently testified", "..., also said").
_APPOSED_PIECE = re.compile(
    r",\s+(?P<name>[^,;:“”\"()]{2,80}?)(?:,\s+[DRI]-[A-Z][\w.-]*|\s+\([^()]{1,15}\))?,(?:\s+(?:a|an|the|who|whose|which)\s[^,;“”\"]*,)?"
    rf"(?:\s+(?:{LY_ADVERB}|{'|'.join(CLAUSE_WORDS['verb_adverbs'])}))?\s*$"
)
_AUDIENCE = re.compile(r"^(?:reporters|journalists|the press|the media)$", re.IGNORECASE)
# "told" and its forms: whoever stands after it is the one told ("told Al Jazeera"), not the teller.
_TOLD = re.compile(r"^(?:told|tells?|telling)$", re.IGNORECASE)
_TELLER_BEFORE = re.compile(rf"(?:^|[,”\"]\s+)(?P<teller>(?:[\w’'-]+\s+){{0,6}}?(?:{_NAME}|[\w’'-]+))(?:,\s+(?P<name>{_NAME}),)?\s*$")
# The noun phrase a relative "who"/"which" stands for: up to five words ending at the comma before it, after the
# last preposition or verb ("came from unnamed US officials, who told" -> "unnamed US officials").
_ANTECEDENT = re.compile(
    r"(?:^|(?<=\s))(?P<np>(?:(?!(?:from|for|to|with|by|at|in|on|of|and|that|than|[a-z]+ed)\s)[\w.’'-]+\s+){0,4}"
    r"(?!(?:from|for|to|with|by|at|in|on|of|and|that|than|[a-z]+ed),)[\w.’'-]+),\s*$"
)
_RELATIVE = frozenset({"who", "which"})
_QUOTE_MARK = re.compile(r"[“”\"]")
_CONJUNCTIONS = frozenset(CLAUSE_WORDS["conjunctions"])
# A participle cue that ends a clause: after a comma or dash ("..., saying", "-- noting"; also when a quotation closes
# after the comma: '... "a hoax," saying'), or coordinated ("and arguing").
# A verb coordinated with the clause's first one, its subject that clause's: "Pate doubts it but says ...".
_COORDINATED = re.compile(r"\s(?:and|but)\s+(?:[a-z]+ly\s+|also\s+|then\s+)?$")
# A cue right after a closing quotation mark, its source after it: "“...,” offered Maher."
_AFTER_QUOTE = re.compile(r"[”\"’],?\s*$")
# What may follow a source after an inverted cue and end its phrase: "offered Maher, before throwing to ...".
_TAIL_CLAUSE = re.compile(r",?\s+(?:while|before|after|as|when|who|because)\s")
# A relative clause that runs to the cue, no clause mark in it: "One board member who serves on the Rules Committee
# said", "“...?” one person who was there told me".
_PASSIVE_BEFORE = re.compile(rf"\b(?:{'|'.join(CLAUSE_WORDS['be'])})\s+(?:{LY_ADVERB}\s+)?$")
_RELATIVE_TO_CUE = re.compile(r"\s(?P<word>who|that)\s[^,;:“”\"—]*$")
_AFTER_CLAUSE = re.compile(rf"(?:[,—–][”\"’]?|--|\sand)\s*(?:{LY_ADVERB}\s+)?$")
# A person's name right before a description and its comma ("Brian Walsh, [Republican strategist] said"), and one
# after a description that follows an inverted cue ("said [its president], Brian Harris.").
_NAME_THEN_COMMA = re.compile(rf"(?:^|(?<=[“\"”,;:—])|(?<=[“\"”,;:—]\s))(?P<name>{_NAME}),\s+$")
# The same name after any word: an apposition after it goes on to the clause's verb ("when Kim Yo Jong, the leader's
# sister, delivered a speech, labeling ...").
_NAME_BEFORE_APPOSITION = re.compile(rf"(?<![\w.'’-])(?P<name>{_NAME}),\s+$")
_COMMA_THEN_NAME = re.compile(rf",\s+(?P<name>{_NAME})\s*(?:[.,;!?”\"]|$)")
# Source types a description of a person is read as (not an outlet, document or account).
_DESCRIBED = frozenset({"person", "anonymous", "unknown"})
# A person's name with an affiliation after it, opening the clause piece that ends at the cue: "Greg Nojeim of the
# Center for Democracy and Technology called", "Geoffrey Hoffman with the University of Houston said".
_AFFILIATED_NAME = re.compile(rf"\s*(?P<name>{_NAME})\s+(?:of|with|from|at)\s+[^,;:“”\"—]*$")
_PREPOSITIONAL_ADJUNCT = re.compile(rf"(?i:{'|'.join(sorted(ADJUNCT_WORDS))})\s+(?:[a-z]|\d)")
_NAME_AT_END = re.compile(rf"\s*(?P<name>{_NAME})\s+$")
_AFFILIATION_OPENING = re.compile(r"(?:of|with|from|at)\s")
_PIECE_MARK = re.compile(r"[,;:“”\"—][^,;:“”\"—]*$")
# The clause's subject, an aside set off by commas or dashes, and the cue after it with at most an adverb or an
# auxiliary between: "Mr Raab - who will chair the meeting - said", "Henry Louis Gates Jr., director of the Hutchins
# Center for ... at Harvard University, warned", "Haley, the former governor, later denied". The aside is the
# shortest that holds a word character, up to its first one spelled "\W*?\w" ("\W" cannot pass it), so each end
# of it is tried once: ".*?\w.*?" tried every split of every aside, quadratic in the words before the cue.
_ASIDE_MARK = r"(?:,|\s--?\s|\s?[—–]\s?)"
_ASIDE_MARK_CHARS = ",-—–"
_SUBJECT_ASIDE = re.compile(
    rf"\s*(?P<subject>[^,;:“”\"()\n—–]+?)\s*{_ASIDE_MARK}(?P<aside>\W*?\w.*?){_ASIDE_MARK}"
    r"\s*(?:(?:[a-z]+ly|later|also|then|has|have|had)\s+)*",
    re.DOTALL,
)
# A bare party letter and the state after a name, "Harry Reid (D) of Nevada": no part of the source.
_BARE_PARTY = re.compile(r"\s*\([DRI]\)(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?$")
_SENTENCE_ADVERBS = frozenset(PHRASE_WORDS["sentence_adverbs"])
_CITING = re.compile(r",?\s+(?:citing|quoting)\s+(?P<source>[^,;“”\"]{3,80}?)(?=,|[.!?”\"’]*\s*$|\s+(?:said|says|reported|reports|that|as)\b)")
# The one quoted after a cue that quotes: "The Post quoted another official as saying ...".
_QUOTED_AS = re.compile(r"\s+(?P<source>[^,;“”\"]{3,80}?)\s+as\s+(?:saying|telling|writing)\b")
_QUOTES = re.compile(r"^(?:quoted|quotes|quoting|cited|cites)$", re.IGNORECASE)
# A participle cue that relays a teller after it ("citing X", "quoting X"), unlike "saying", "arguing", "noting".
_RELAY_PARTICIPLE = re.compile(r"^(?:citing|quoting)$", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\b", re.IGNORECASE)


def refine_sources(text: str, claims: Sequence[Claim], attributions: Sequence[Attribution | None],
                   refinements: Refinements | None = None) -> tuple[Attribution | None, ...]:
    refine = Refinements(text) if refinements is None else refinements
    refined = [refine(claim, attribution) for claim, attribution in zip(claims, attributions, strict=True)]
    for index, attribution in enumerate(attributions):  # in claim order: an origin before its inheritor is final
        if attribution is not None and attribution.inherited:
            refined[index] = _as_origin_refined(attributions, refined, attribution) or refined[index]
    return tuple(refined)


def refined_own(text: str, claim: Claim, attribution: Attribution | None) -> Attribution | None:
    """A claim's attribution with its own source refined (an inherited one is refined with its origin, in
    ``refine_sources``): also what the gate reads of a candidate's source, so that it judges the teller the claim
    will name ("That senator" for "..., warning"; the council a "which" stands for), not the rules' first find."""
    if attribution is not None and attribution.source is not None and attribution.cue is not None and not attribution.inherited:
        return _head_only(text, _refine(text, claim, attribution))
    return _head_only(text, _source_of_sourceless_cue(text, claim, attribution) or attribution)


class Refinements(dict):
    """``refined_own`` of one article's attributions, kept per (claim, attribution) object: the gate refines every
    candidate it scores and ``refine_sources`` the ones it kept, most of them the same objects, refined once."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __call__(self, claim: Claim, attribution: Attribution | None) -> Attribution | None:
        key = (id(claim), id(attribution))
        if (known := self.get(key)) is None:  # the pair is kept with its reading, so that their ids stay theirs
            known = self[key] = (claim, attribution, refined_own(self.text, claim, attribution))
        return known[2]


def _as_origin_refined(
    attributions: Sequence[Attribution | None], refined: Sequence[Attribution | None], inherited: Attribution
) -> Attribution | None:
    """An inherited attribution whose origin claim's source was refined here (a name in apposition, a subject before
    an aside, the teller before "told reporters", the antecedent a relative pronoun stands for): the refined source,
    as the claim continues that claim's words ("“...,” said its president, Brian Harris." then “We feel ...”: source
    "Brian Harris"); None when the origin's source stands as the attribution rules found it, or the claim no longer
    carries it."""
    origin = origin_index(inherited)
    if origin is None:
        return None
    before, after = attributions[origin], refined[origin]
    if before is None or after is None or before.source != inherited.source or after.source is None or (
        after.source == before.source and after.refers_to in (None, before.refers_to)
    ):
        return None
    step = Step("origin_refined", after.source.text, origin)
    return replace(inherited, source=after.source, source_type=after.source_type, named=after.named,
                   described=after.described, refers_to=after.refers_to, via=after.via, steps=(*inherited.steps, step))


def _source_of_sourceless_cue(text: str, claim: Claim, attribution: Attribution | None) -> Attribution | None:
    """A cue the gate kept that found no source (the model's cue, outside the rule lexicon, has no rule source
    beside it) takes the one the guidelines draw: the phrase that ends right before it ("Lowey, D-N.Y., said"),
    the phrase after it when it follows a closing quotation mark ("“...,” offered Maher, before ..."), the head
    before a relative clause after one ("“...?” one person who was there told me"), the subject before an
    aside, or for a participle or a verb after "and"/"but" the subject of the clause it goes on from ("McConnell
    walked back his comments, saying ...", "Pate doubts it but says ..."), as for a verb after what only modifies
    that subject ("The head of the police in Sinai said", "A video shown by prosecutors showed"); None otherwise."""
    if attribution is None or attribution.source is not None or attribution.cue is None or attribution.inherited:
        return None
    cue = attribution.cue
    for found in _sourceless_candidates(text, claim, cue):
        found = name_in(text, found) or found
        reading = classify_source(text, found)
        if reading.source_type != "unknown" or reading.refers_back:
            break
    else:
        return None
    step = Step("sourceless_cue", found.text, cue.text)
    return replace(attribution, source=found, source_type=reading.source_type, named=reading.named,
                   described=reading.described, steps=(*attribution.steps, step))


def _sourceless_candidates(text: str, claim: Claim, cue: Span) -> Iterator[Span]:
    """Where a sourceless cue's source may stand, in order (see ``_source_of_sourceless_cue``)."""
    if (found := _phrase_ending_at(text, claim, cue)) is not None:
        yield found
    if _AFTER_QUOTE.search(text, claim.start, cue.start):
        tail = None if cue.text.lower().endswith("ing") else _TAIL_CLAUSE.search(text, cue.end, claim.end)
        end = tail.start() if tail is not None else claim.end
        if (after := source_after(text, cue.end, end)) is not None and not text[after.end : end].strip(" .!?”\"’"):
            yield after
    if (head := _head_before_relative(text, claim, cue, None)) is not None:
        yield head
    if (aside := _subject_before_aside(text, claim, cue, None)) is not None:
        yield aside[0]
    participle = cue.text.lower().endswith("ing") and _AFTER_CLAUSE.search(text, claim.start, cue.start)
    # A claim that opens inside a quotation opens with the speaker's words: its first subject is theirs to say.
    subject = None if claim.opens_inside_quote else clause_subject(text, claim.start, cue.start)
    if subject is not None and (
        participle or _COORDINATED.search(text, claim.start, cue.start) or modifies_up_to(text, subject, cue.start)
    ):
        yield subject


def _head_only(text: str, attribution: Attribution | None) -> Attribution | None:
    """The source without a bare party tag ("(D) of Nevada"), a relative clause, participle or verb after its head
    ("a recording obtained by NPR" -> "a recording") and without the title or description before a name
    (``name_in``, ``institution_name_in``); an inherited source too, as it is its origin's words, and the mention a
    pronoun refers to. The head's own type stands where it tells another kind of source than the whole phrase did."""
    if attribution is None or attribution.source is None:
        return attribution
    if attribution.refers_to is not None:  # the earlier mention a pronoun stands for, as that claim's source ended
        referent = without_postmodifier(text, attribution.refers_to)
        if referent != attribution.refers_to:
            attribution = replace(attribution, refers_to=referent)
    head = attribution.source
    if (tag := _BARE_PARTY.search(head.text)) is not None and tag.start() > 0:  # "Harry Reid (D) of Nevada"
        head = Span(head.start, head.start + tag.start(), head.text[: tag.start()])
    head = without_postmodifier(text, head)
    # "former GOP Chairman Katon Dawson after the speech", "the fact-checking website Politifact": the name alone
    institution = None if (person := name_in(text, head)) else institution_name_in(text, head)
    head = person or institution or head
    if head is attribution.source or head == attribution.source:  # most sources have nothing after their head
        return attribution
    step = Step("head_only", head.text, attribution.source.text)
    shorter = replace(attribution, source=head, steps=(*attribution.steps, step))
    reading = classify_source(text, head)
    if institution is not None or reading.source_type in ("unknown", attribution.source_type):
        return shorter  # the whole phrase said as much ("A new study by two economists": identified)
    # the clause after it misled the reading ("The ACLU has endorsed the act", "Paul swung through caucus states")
    return replace(shorter, source_type=reading.source_type, named=reading.named, described=reading.described)


def _refine(text: str, claim: Claim, attribution: Attribution) -> Attribution:
    source, cue = attribution.source, attribution.cue
    assert source is not None and cue is not None
    if source.text.lower() in _RELATIVE and attribution.refers_to is None:
        return _relative_to_antecedent(text, claim, attribution, source)
    if attribution.refers_to is None and (rest := _after_opening_word(text, source)) is not None:
        attribution = _retyped(text, attribution, rest, Step("opening_word", rest.text, source.text))
        source = rest  # "And a projection from ...", "Now research": the words that open the clause go
    if source.start > cue.start and (_AUDIENCE.match(source.text) or _TOLD.match(cue.text)):
        found = _search(_TELLER_BEFORE, text, claim.start, cue.start)
        if found is not None:
            teller = _span(text, found, "name" if found.group("name") else "teller", claim.start)
        elif not cue.text.lower().endswith("ing") or (teller := clause_subject(text, claim.start, cue.start)) is None:
            return attribution  # "..., telling Reuters": the subject of the clause it goes on from
        audience = Step("audience_of_cue", teller.text, source.text, cue.text)
        return _retyped(text, attribution, teller, audience)
    if source.end <= cue.start and _is_participle(cue) and (subject := _participles_subject(text, claim, source, cue)):
        return _retyped(text, attribution, subject, Step("participles_subject", subject.text, source.text))
    if source.end <= cue.start and (head := _head_before_relative(text, claim, cue, source)) is not None:
        return _retyped(text, attribution, head, Step("relative_clause_head", head.text, source.text))
    if source.end <= cue.start and (head := _head_before_modifier(text, claim, cue, source)) is not None:
        return _retyped(text, attribution, head, Step("modifier_not_source", head.text, source.text))
    if (aside := _subject_before_aside(text, claim, cue, source)) is not None:
        return _retyped(text, attribution, aside[0], Step("subject_before_aside", aside[0].text, aside[1].text))
    if source.start >= cue.end and (teller := _subject_before(text, claim, cue, source)):
        return _retyped(text, attribution, teller, Step("subject_of_content", teller.text, source.text))
    if source.start >= cue.end and _is_participle(cue):  # "..., saying that it ...": what is said, and no teller found
        return replace(attribution, source=None, source_type="unknown", named=False, described=False, refers_to=None,
                       steps=(*attribution.steps, Step("content_not_source", source.text, cue.text)))
    if is_adjunct(source.text) and not SHARE_OF_PEOPLE.match(source.text):
        if (teller := _after_adjunct(text, claim, source, cue)) is not None:
            return _retyped(text, attribution, teller, Step("adjunct_not_source", teller.text, source.text))
        if (instead := _instead_of_adjunct(text, claim, attribution, source)) is not None:
            return instead
    if source.end <= cue.start and (name := _affiliated_name(text, claim, source, cue)) is not None:
        return _retyped(text, attribution, name, Step("affiliated_name", name.text, source.text))
    if (
        attribution.refers_to is None and attribution.source_type in _DESCRIBED
        and (name := _name_beside(text, claim, source, cue)) is not None and not is_personal_name(text, source)
    ):
        return _retyped(text, attribution, name, Step("apposed_name", name.text, source.text))
    if source.end <= cue.start and (name := _apposed_after(text, source, cue)) is not None:
        return _retyped(text, attribution, name, Step("apposed_name", name.text, source.text))
    if source.end <= cue.start and (teller := _relayed_teller(text, claim, source, cue)) is not None:
        via = Via(source, attribution.source_type)
        relay = Step("only_relays", teller.text, source.text)
        return replace(_retyped(text, attribution, teller, relay), via=(via, *attribution.via))
    return attribution


def _apposed_after(text: str, description: Span, cue: Span) -> Span | None:
    """The name set between commas right after a description, before the cue (docs/guidelines.md: the name is the
    source, not the description): "the senator's lawyer, Jane Roe, said"; with a title, an affiliation or a party
    tag beside it, the name alone ("Another Republican, Sen. Lindsey Graham, R-S.C., announced" -> "Lindsey
    Graham"); an institution's name after an unnamed one of its kind ("the industry's trade group, the Software
    Association, said"). None when the description is a name itself or the piece names no one of its kind."""
    if (found := _APPOSED_PIECE.match(text, description.end, cue.start)) is not None:
        piece = _span(text, found, "name")
        if _names_listed(text, piece) and not is_personal_name(text, description):
            return piece  # "Two analysts, Pat Lee and Chris Harman, found": the names, all of them
        name = name_in(text, piece) or piece
    elif (found := _APPOSED_NAME.search(text, description.end, cue.start)) is not None:
        name = _span(text, found, "name")
    else:
        return None
    if is_personal_name(text, name):
        return None if is_personal_name(text, description) else name
    if is_personal_name(text, name, surname=True) and names_one_unnamed_person(text, description):
        return name  # "The company's spokesman, Jones, said": a surname alone
    described, named = classify_source(text, description), classify_source(text, name)
    if described.source_type in ("organization", "media") and not described.named and named.named and (
        named.source_type == described.source_type
    ):
        return name
    return None


def _names_listed(text: str, piece: Span) -> bool:
    """Whether a piece is two personal names joined by "and" ("Ileana Ros-Lehtinen and Carlos Curbelo")."""
    halves = piece.text.split(" and ")
    if len(halves) != 2:
        return False
    second = piece.start + len(halves[0]) + len(" and ")
    return (is_personal_name(text, Span(piece.start, piece.start + len(halves[0]), halves[0]))
            and is_personal_name(text, Span(second, piece.end, halves[1])))


def _relayed_teller(text: str, claim: Claim, source: Span, cue: Span) -> Span | None:
    """The teller a source before the cue only relays (docs/guidelines.md, Second-hand): "The newspaper, citing a
    police spokesman, said", "TASS reported, citing Denis Pushilin", "the Post reported, quoting an anonymous
    official", "The Post quoted another official as saying"; after the cue, only a phrase that types as a source
    ("McCain said, citing low growth" cites a reason). None when there is none."""
    if (relayed := _CITING.match(text, source.end, claim.end)) is not None:
        return trim(text, relayed.start("source"), relayed.end("source"))
    relayed = _CITING.match(text, cue.end, claim.end)
    if relayed is None and _QUOTES.match(cue.text):
        relayed = _QUOTED_AS.match(text, cue.end, claim.end)
    if relayed is None or (teller := trim(text, relayed.start("source"), relayed.end("source"))) is None:
        return None
    return teller if names_a_teller(text, teller) else None


def _instead_of_adjunct(text: str, claim: Claim, attribution: Attribution, adjunct: Span) -> Attribution | None:
    """For a would-be source that is an adjunct typed as no source, with no teller after it ("In an interview later
    with the AP, he declined ..., saying"), the source the guidelines draw for a cue with none
    (``_source_of_sourceless_cue``) when that is another phrase, else none when it opens with a preposition and a
    word in lower case or a figure ("In 2016", "On the first page", "In addition to the poll"); None otherwise: a
    phrase that types as a source stays ("fundraising reports", "In Focus Foundation")."""
    reading = classify_source(text, adjunct)
    prepositional = _PREPOSITIONAL_ADJUNCT.match(adjunct.text) is not None
    if (reading.source_type != "unknown" or reading.refers_back) and not prepositional:
        return None
    dropped = replace(attribution, source=None, source_type="unknown", named=False, described=False,
                      refers_to=None, steps=(*attribution.steps, Step("adjunct_only", adjunct.text)))
    found = _source_of_sourceless_cue(text, claim, dropped)
    if found is not None and found.source != adjunct:
        return found
    return dropped if prepositional else None


_BEFORE_ANY = _CONJUNCTIONS | {"as"} | frozenset(CLAUSE_WORDS["focus_adverbs"])
"""Words that open a clause before its subject, a name too ("As Allison Pearson, a columnist, tweeted", "Even
McDonald's, ..., said"), no part of it."""
_OPENERS = OPENING_WORDS | _BEFORE_ANY


def _after_opening_word(text: str, source: Span) -> Span | None:
    """The source without a conjunction or sentence adverb that opens its clause ("And a projection from the Cook
    report", "But Tom Brandt", "Now research"), when what is left names a teller; None otherwise."""
    words = source.text.split()
    if len(words) < 2 or words[0].lower() not in _OPENERS:
        return None
    if words[0].lower() not in _BEFORE_ANY and not words[1][:1].islower():
        return None  # "Still Waters Trust": a sentence adverb before a capital may open a name
    rest = trim(text, source.start + len(source.text) - len(source.text[len(words[0]):].lstrip()), source.end)
    return rest if rest is not None and names_a_teller(text, rest) else None


def _is_participle(cue: Span) -> bool:
    """Whether a cue is a participle that goes on from its clause ("..., saying", "arguing"), whose teller is the
    clause's subject and never the phrase after it; "citing" and "quoting" relay the one after them."""
    last = cue.text.split()[-1] if cue.text.split() else ""
    return last.lower().endswith("ing") and _RELAY_PARTICIPLE.match(last) is None


def _participles_subject(text: str, claim: Claim, source: Span, cue: Span) -> Span | None:
    """The subject of the clause a participle cue goes on from, when the would-be source stands after that subject,
    in the clause's predicate or an aside ("Gardner issued a statement saying", "Kim, the leader's sister, delivered
    a speech, labeling them ...": the subject did the clause's act and says it); None when that subject is the source
    already, is an adjunct or types as no source, and when the would-be source is the participle's own subject, right
    before it ("led to Governor Ruiz saying")."""
    if not text[source.end : cue.start].strip() and not opens_predicate(source.text.split()):
        return None
    if text[source.end : cue.start].startswith(",") and not is_personal_name(text, source) and (
        found := _NAME_BEFORE_APPOSITION.search(text, claim.start, source.start)
    ) and is_personal_name(text, name := _span(text, found, "name")):
        return name  # "why Tom Dunn, head of the chamber, toned down ..., saying": the name the apposition is to
    subject = clause_subject(text, claim.start, cue.start)
    if subject is None or subject.end > source.start or is_adjunct(subject.text):
        return None
    between = text[subject.end : source.start]
    if _QUOTE_MARK.search(between):
        return None  # a quotation or a teller of its own between them ("“...,” Hollande said, noting")
    in_predicate = opens_predicate(source.text.split()) or any(opens_predicate([word]) for word in between.split())
    if not in_predicate and (not is_personal_name(text, subject) or is_personal_name(text, source)):
        return None  # an apposition: its name is the source ("The leader of Ennahda, Rachid Ghannouchi, condemned")
    return _typed_as_source(text, subject)


def _subject_before(text: str, claim: Claim, cue: Span, source: Span) -> Span | None:
    """Who says it when the would-be source after the cue is the subject of the content: a pronoun ("Haley accused
    the UN of bias, saying it ...", "Perry said she, too, thought ..."), anything after a participle, or after a say
    verb ("pollster Andy Smith said Trump, despite his wealth, is ...": "Trump" is talked about). The phrase that
    ends at the cue, else, for a pronoun or a participle, the subject of the clause the cue goes on from; None when
    neither types as a source, and after a say verb inverted ("..., said Conway": no phrase before it), passive (its
    agent after "by") or with its teller beyond an apposition (a place in it, "of Ashton, Md., who ...", would pass
    for the teller)."""
    if source.text.lower() in PRONOUNS or _is_participle(cue):
        found = _phrase_ending_at(text, claim, cue) or clause_subject(text, claim.start, cue.start)
    else:
        if SAY_VERB.fullmatch(cue.text) is None or _BY_BEFORE.search(text, cue.end, source.start):
            return None
        found, where = source_before(text, claim.start, cue.start)
        if where != "before_cue":
            return None
    if found is None or is_adjunct(found.text):
        return None
    return _typed_as_source(text, found)


def _phrase_ending_at(text: str, claim: Claim, cue: Span) -> Span | None:
    """The phrase that ends right before the cue (``source_before``), unless it lies inside a clause or is an
    adjunct ("In 2019, said")."""
    found, where = source_before(text, claim.start, cue.start)
    return found if found is not None and where != "inside_clause" and not is_adjunct(found.text) else None


def _typed_as_source(text: str, found: Span) -> Span | None:
    """``found``, cut to the name in it, when it types as a source or is a pronoun (resolved later, by
    ``coreference.resolve_people``); None when it types as no source."""
    found = name_in(text, found) or found
    return found if found.text.lower() in PRONOUNS or classify_source(text, found).source_type != "unknown" else None


def _subject_before_aside(text: str, claim: Claim, cue: Span, source: Span | None) -> tuple[Span, Span] | None:
    """The subject that opens the clause, and the aside set off by commas or dashes between it and the cue, when
    the source the rules found is none or lies in that aside, not a name of its own ("Mr Raab - who will chair the
    meeting - said", "DeVos, speaking at ... Arlington, Va., campus, said" -> "DeVos": docs/guidelines.md, an
    apposition is no part of the source); an adjunct opening the sentence is passed over ("However, geriatrician
    Harjit Singh Bhatti, who ..., argued"). None when the subject names no source."""
    piece = text[claim.start : cue.start]
    if sum(map(piece.count, _ASIDE_MARK_CHARS)) < 2:
        return None  # most clauses: no two marks to set an aside off (each mark holds one of these)
    offset = 0
    for _ in range(2):
        found = _SUBJECT_ASIDE.fullmatch(piece, offset)
        if found is None:
            return None
        subject = _span(text, found, "subject", claim.start)
        if not is_adjunct(subject.text) and not subject.text.isupper() and subject.text.lower() not in _SENTENCE_ADVERBS:
            break  # no adjunct, dateline ("WASHINGTON —") or sentence adverb ("Overall,")
        offset = found.start("aside")  # past the adjunct and its mark
    else:
        return None
    aside = _span(text, found, "aside", claim.start)
    if plausible(subject) is None or is_personal_name(text, aside):
        return None  # a clause ("The fund is run by ..."), or a name in apposition, the source itself
    if source is not None and not (aside.start <= source.start and source.end <= aside.end and not is_personal_name(text, source)):
        return None
    name = name_in(text, subject)
    if name is not None and text[subject.start : name.start].split()[-1:] != ["from"]:
        subject = name  # "geriatrician Harjit Singh Bhatti", not "The 80-year-old Democrat from Palm Coast"
    reading = classify_source(text, subject)
    if reading.source_type == "unknown" or reading.refers_back or (source is not None and not reading.named):
        return None
    return subject, aside


def _head_before_relative(text: str, claim: Claim, cue: Span, source: Span | None) -> Span | None:
    """The phrase a relative clause that runs to the cue stands after, when the source found lies in that clause or
    none was found: "One board member who serves on the Rules Committee said" -> "One board member", "The same polls
    that showed ... also suggested" -> "The same polls" (docs/guidelines.md: who says it, not the object of the
    clause about them); None when the phrase before it names no teller, or "that" follows no determined phrase."""
    relative = _RELATIVE_TO_CUE.search(text, claim.start, cue.start)
    if relative is None or (source is not None and source.start < relative.end("word")):
        return None
    if _PASSIVE_BEFORE.search(text, relative.end("word"), cue.start):
        return None  # "The man who paid the bribes is referred to in ...": the subject of a passive cue says nothing
    head, where = source_before(text, claim.start, relative.start())
    if head is None or where == "inside_clause" or is_adjunct(head.text) or not names_a_teller(text, head):
        return None
    if relative.group("word") == "that" and head.text.split()[0].lower() not in DETERMINERS:
        return None  # "that" after no determined noun phrase opens what is said ("It isn't that ...", "Remember that ...")
    return head


def _head_before_modifier(text: str, claim: Claim, cue: Span, source: Span) -> Span | None:
    """The clause's subject when the source found lies in what only modifies it up to the cue (``modifies_up_to``):
    "Some firms with offices in Hong Kong have warned" -> "Some firms", not "Hong Kong"; "A study of farm incomes
    published by the Institute noted" -> "A study of farm incomes". None when the subject types as no source, ends
    in a capitalised word (a name may go on: "the Center on Budget and Policy Priorities") or the cue is a
    participle (its clause is another's: "Shootings in the city led to Mayor Tory saying"); at once when the source
    opens the cue's clause piece (as most do: "The senator said", "“...,” the senator said"), as the subject and
    what modifies it stand in that piece, and no subject can end before the source."""
    piece = last_piece_start(text, claim.start, cue.start)
    if _is_participle(cue) or piece is None or not text[piece : source.start].strip():
        return None
    subject = clause_subject(text, claim.start, cue.start)
    if subject is None or subject.end > source.start or not subject.text.split()[-1].islower():
        return None
    return _typed_as_source(text, subject) if modifies_up_to(text, subject, cue.start) else None


def _after_adjunct(text: str, claim: Claim, adjunct: Span, cue: Span) -> Span | None:
    """Who says it when the would-be source is an adjunct: the phrase between the adjunct and the cue ("In meetings
    with European leaders, Obama warned"), else for a participle cue the subject of its clause ("In contrast, a
    faculty council voted ..., saying"); None when neither types as a source."""
    found = source_before(text, adjunct.end, cue.start)[0] if adjunct.end <= cue.start else None
    if found is None and cue.text.lower().endswith("ing"):
        found = clause_subject(text, claim.start, cue.start)
    if found is None or found == adjunct or is_adjunct(found.text):
        return None
    return _typed_as_source(text, found)


def _affiliated_name(text: str, claim: Claim, source: Span, cue: Span) -> Span | None:
    """The personal name whose affiliation the source is part of, when the name opens the clause piece before the
    cue (docs/guidelines.md: the name is the source, its affiliation is not): "Greg Nojeim of the Center for
    Democracy and Technology called" with source "Technology" or "of the Center for Democracy and Technology" ->
    "Greg Nojeim"; None otherwise."""
    if text[source.end : cue.start].strip(" ,") or is_personal_name(text, source):
        return None
    mark = _PIECE_MARK.search(text, claim.start, source.start)
    # a source that opens with the affiliation ("of Georgetown University's Center") follows the name at once
    pattern = _NAME_AT_END if _AFFILIATION_OPENING.match(source.text) else _AFFILIATED_NAME
    found = pattern.match(text, mark.start() + 1 if mark else claim.start, source.start)
    if found is None:
        return None
    name = _span(text, found, "name")
    return name if is_personal_name(text, name) else None


def _name_beside(text: str, claim: Claim, description: Span, cue: Span) -> Span | None:
    """The name a description stands in apposition to: "Brian Walsh, Republican strategist at Rokk Solutions, said"
    (the name before it opening the clause, the cue right after it) or "said its president, Brian Harris." (the
    name after it, at the end of the sentence); None when that is no person's name."""
    if description.end <= cue.start and not text[description.end : cue.start].strip(" ,"):
        found, offset = _search(_NAME_THEN_COMMA, text, claim.start, description.start), claim.start
    elif description.start > cue.end:
        found, offset = _COMMA_THEN_NAME.match(text, description.end, claim.end), 0
    else:
        return None
    name = _span(text, found, "name", offset) if found is not None else None
    if name is not None and name.text.endswith(".") and len(name.text.split()[-1]) > 3:
        name = Span(name.start, name.end - 1, name.text[:-1])  # the sentence's full stop, not an initial's ("Jr.")
    return name if name is not None and not is_adjunct(name.text) and is_personal_name(text, name) else None


def _relative_to_antecedent(text: str, claim: Claim, attribution: Attribution, source: Span) -> Attribution:
    """A relative pronoun source ("unnamed US officials, who told the Post") refers to the phrase before its comma,
    typed as that phrase; left as it is when that phrase types as no source. A relative right after the relay it
    came through ("according to a person familiar with it, who added") is that relay: the source, relaying none."""
    for index, via in enumerate(attribution.via):
        if not text[via.span.end : source.start].strip(" ,"):
            rest = attribution.via[:index] + attribution.via[index + 1 :]
            return replace(_retyped(text, attribution, via.span, Step("relative_is_relay", via.span.text)), via=rest)
    found = _ANTECEDENT.search(text, max(claim.start, source.start - 80), source.start)
    if found is None:
        return attribution
    antecedent = _span(text, found, "np")
    # "William Jacobson of Cornell Law School, who": the person the affiliation is of, by name alone
    affiliated = _AFFILIATED_NAME.search(text, max(claim.start, antecedent.start - 80), antecedent.end)
    if affiliated is not None and is_personal_name(text, name := _span(text, affiliated, "name")):
        antecedent = name
    antecedent = name_in(text, antecedent) or antecedent
    # Typed alone: the relative clause after it is no apposition that says what it is.
    reading = classify_source(antecedent.text, Span(0, len(antecedent.text), antecedent.text))
    if reading.source_type == "unknown":
        return attribution
    step = Step("refers_back", source.text, antecedent.text, claim.index)
    return replace(
        attribution, refers_to=antecedent, source_type=reading.source_type, named=reading.named,
        described=reading.described, steps=(*attribution.steps, step),
    )


def _search(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """``pattern`` searched in ``text[start:end]`` alone, so that its "^" anchors at ``start`` (searched from a
    position, "^" anchors only at the text's own start, and a claim in mid-paragraph never matched it)."""
    return pattern.search(text[start:end])


def _span(text: str, match: re.Match[str], group: str, offset: int = 0) -> Span:
    """The group's span in ``text``; ``offset`` is where the searched slice began (``_search``)."""
    start, end = match.start(group) + offset, match.end(group) + offset
    return Span(start, end, text[start:end])


def _retyped(text: str, attribution: Attribution, source: Span, why: Step) -> Attribution:
    """The attribution with ``source`` as its source, typed anew; a hop of the chain that is now the source itself is
    no intermediary ("Officials have said that Johnson ... said": the inner teller given back to the outer one)."""
    reading = classify_source(text, source)
    return replace(
        attribution, source=source, source_type=reading.source_type, named=reading.named, described=reading.described,
        refers_to=None, steps=(*attribution.steps, why), via=tuple(hop for hop in attribution.via if hop.span != source),
    )
