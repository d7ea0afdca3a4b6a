"""Lead-in lines: the writer's line, ending in a colon, that hands the paragraph after it to a source.

"A CDC representative spoke to Reuters:", "And Jeffrey Costello echoed their sentiments:", "..., writes CNN's Brian
Stelter:" introduce a block of the source's words, set as a block quote on the page and often left without
quotation marks in plain text. The labels call the lead-in no claim and give its source to the block
(data/realworld/README.md, "Lead-in lines"). A lead-in with an attribution of its own hands it on in
``coreference.continue_quotations``; this pass reads the lead-ins the gate refused or attribution found no cue in
(the verb takes an object, "spoke to Reuters", or no content before the colon), and gives their source to the
claims with no attribution of the next paragraph. A line with no colon that names its speaker reacting ("The mayor
reacted on Thursday.") hands on only a quotation that opens the next paragraph: the labels give it the line's source
(data/realworld/README.md, "Lead-in lines"), though the line itself is no attribution. The words before a quotation
a sentence opens after a colon or comma and leaves open lead it in the same way ("Roe made the point: “We ...",
"The governor issued a statement, “Last night ..."): the sentences that go on inside it are the speaker's. A
quotation that opens a sentence and that nothing else attributes is led in by the text just before it: the person
the sentence right before it opens with, or the person quoted a few sentences before. The lead-in itself keeps what
it had: it is not given a cue. A lead-in line that says nothing of its own ("Doug Stockman added:", "As NPR reports:",
"Operations Manager Joe Williamson told Fox4 KC:") is no claim (``lead_in_lines``): it is taken out of the claims
once it has handed on its source.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .attribution.inherit import carry
from .attribution.spans import is_personal_name, name_in, plausible, source_after, source_before
from .attribution.words import (
    CLAUSE_WORDS, LEAD_IN_VERBS, QUOTATION_LEAD_IN_VERBS, QUOTE_MARK, inverted_opening, verb_classes,
)
from .coreference import ENDS_WITH_COLON, Surnames, full_names, keeps_own_cue
from .document import Quotations
from .records import Attribution, Claim, Span, Step, StepRule
from .source_lexicons import PRONOUNS
from .sources import SourceReading, classify_source

_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
"""A lower-case word: a capitalised verb opens a sentence or a name, and is rarely a lead-in's cue."""
_CONJUNCTION = re.compile(rf"(?:{'|'.join(CLAUSE_WORDS['conjunctions'])})\s+", re.IGNORECASE)
"""A conjunction that opens the lead-in ("And Jeffrey Costello echoed ..."): no part of its source."""
_INVERTED = re.compile(r"(?:[,”\"’]|'')\s*$")
"""What stands before a verb whose subject follows it: a comma or a quotation just closed ("..., writes X:")."""
_OPENED_AFTER = re.compile(r"[:,]\s*$")
"""The end of the words that lead in a quotation opened inside the claim: a colon or a comma."""
_OPENING_WORD = re.compile(r"[A-Z][\w'’-]+(?=\s+(?!(?:and|or|nor)\s)[a-z])")
"""A capitalised word a lower-case word follows, no conjunction: a subject ("Clinton touted"), not a name's first
word nor one of several subjects ("Twenge and her colleagues examined")."""
_SOURCE_PREPOSITION = re.compile(rf"({'|'.join(CLAUSE_WORDS['lead_in_prepositions'])})\s+")
"""The preposition opening a lead-in line with no verb ("From Bloomberg:"): its cue."""
_WORD = re.compile(r"\w")
"""A word's character."""
_TAIL_WORD = re.compile(r"[\w'’-]+")
"""A word of what follows a lead-in's verb."""
LEAD_IN_TAIL_WORDS = 8
"""How many words may follow a lead-in line's verb before its colon, none of them content: whom it is told to,
where, when ("told writer and podcast host Katie Halper about her allegations last month:")."""
LABEL_MAX_WORDS = 4
"""A line this short that ends its paragraph with a colon is a label over the block after it ("In other reaction:",
"From the website:", "She continued:"): all 56 of the train folds' are labelled no claim."""
_SIGNPOST = re.compile(rf"(?:(?:{'|'.join(CLAUSE_WORDS['conjunctions'])}|so)\s+)?(?:{'|'.join(CLAUSE_WORDS['signposts'])})\b",
                       re.IGNORECASE)
"""The writer's signpost that opens a line announcing what follows ("And here is his text:")."""
LOOKBACK_SPEAKER = 3
"""How many claims before a quotation no claim attributes the person last quoted is looked for (in its paragraph
or the two before)."""


def blocks_after_lead_ins(
    text: str, quotations: Quotations, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """Each claim with no attribution in the paragraph right after an unattributed lead-in that names its source
    (``lead_in``) inherits that source, and so does one whose own cue is the excerpt's content
    (``coreference.keeps_own_cue``); after a line with no colon, only the claims with no attribution of the quotation
    the next paragraph opens with. Every other claim keeps its attribution."""
    result = list(attributions)
    lead, reading, quoted_only = -1, None, False
    for claim in claims:
        own = result[claim.index]
        takes_block = own is None or (not quoted_only and not keeps_own_cue(own))
        if reading is not None and claim.paragraph == claims[lead].paragraph + 1 and takes_block:
            if quoted_only and not (claim.opens_inside_quote or quotations.opening_at(claim.start)):
                reading = None  # the quotation closed: the writer's words again
            else:
                result[claim.index] = _in_block(reading, lead)
        if _ends_paragraph(claims, claim) and attributions[claim.index] is None:
            quoted_only = ENDS_WITH_COLON.search(claim.text) is None
            quotation = _quotation_follows(quotations, claims, attributions, claim)
            if quoted_only and not quotation:
                continue
            # before a quotation, a verb that gives it out leads it in too ("issued the following statement:")
            verbs = QUOTATION_LEAD_IN_VERBS if quotation else LEAD_IN_VERBS
            found = lead_in(text, claim, colon=not quoted_only, verbs=verbs)
            if found is not None:
                lead, reading = claim.index, found
    return tuple(result)


def lead_in_lines(text: str, claims: Sequence[Claim], attributions: Sequence[Attribution | None]) -> frozenset[int]:
    """The claims that are lead-in lines with nothing to say of their own: the last of their paragraph, read by
    ``lead_in`` (or, ending in a colon, by their own attribution: "In a 1963 speech, he declared:"), with no
    quotation before the verb (“...,” Gates said, adding:), at most ``LEAD_IN_TAIL_WORDS`` words after it and none
    that opens content ("that", a subject pronoun: "The piece also says it is dangerous to ...:"), and no inherited
    attribution; and a line ending its paragraph with a colon that is a label (at most
    ``LABEL_MAX_WORDS`` words) or opens with the writer's signpost ("Here are the key facts:", "Here is what the
    audit found:").
    The labels call such a line no claim (data/realworld/README.md, "Lead-in lines"); the block after it keeps the
    source it hands on."""
    found = set()
    for claim in claims:
        attribution = attributions[claim.index]
        if (attribution is not None and attribution.inherited) or not _ends_paragraph(claims, claim):
            continue
        if _announces_what_follows(claim):
            found.add(claim.index)
            continue
        reading = lead_in(text, claim) or (attribution if ENDS_WITH_COLON.search(claim.text) else None)
        if reading is None or reading.cue is None or QUOTE_MARK.search(text, claim.start, reading.cue.start):
            continue
        tail = [word.lower() for word in _TAIL_WORD.findall(text, reading.cue.end, claim.end)]
        if len(tail) <= LEAD_IN_TAIL_WORDS and "that" not in tail and PRONOUNS.keys().isdisjoint(tail):
            found.add(claim.index)
    return frozenset(found)


def quotations_after_lead_ins(
    text: str, quotations: Quotations, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """Each claim with no attribution that goes on, in its paragraph, inside a quotation an unattributed claim
    opens after words that name its speaker (``_opened_after_lead_in``, ``lead_in``) inherits that speaker. Run
    before ``coreference.continue_quotations``, which carries it on into the paragraphs the quotation runs on in.
    Every other claim keeps its attribution."""
    result = list(attributions)
    opener, speaker = -1, None  # the claim whose quotation the next claims go on in, and its speaker
    for claim in claims:
        if speaker is not None and claim.paragraph == claims[opener].paragraph and claim.opens_inside_quote:
            if result[claim.index] is None:
                result[claim.index] = _in_block(speaker, opener, "lead_in_quotation")
        elif attributions[claim.index] is None and (opening := _opened_after_lead_in(text, quotations, claim)) is not None:
            opener, speaker = claim.index, lead_in(text, claim, False, opening, QUOTATION_LEAD_IN_VERBS, True)
        else:
            speaker = None
    return tuple(result)


def unattributed_quotations(
    text: str, quotations: Quotations, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """A quotation that opens a claim, with the claims of its paragraph that go on inside it, none of them
    attributed, is the words of the person the sentence right before it opens with ("Alon Dividi is the mayor of
    Sderot." then “I believe ...”), else of the person quoted up to ``LOOKBACK_SPEAKER`` claims before it, across
    the writer's sentences between (“...,” Mina said. The gunman hid inside. “They forced him to stop ...”), else,
    right after a line ending in a colon, of someone the line leads in (``_led_in_by_no_one_named``), else, when it
    opens its paragraph and goes on over several sentences, of someone (``_quoted_paragraph``). The
    labels attribute such quotations: held out, 12 of the 15 claims given a speaker so are inherited there, the rest
    attributed by a cue the rules missed. A quotation a claim opens after a colon or a comma of its own and leaves
    open, going on over the next claims of its paragraph, none attributed and no name after its close, is someone's
    from the second sentence on, though ``lead_in`` read no speaker in the words before it ("... is shown lecturing:
    “Muslims of the West, take heed. There are ominous clouds ...”"): on the train folds all 6 such claims, on the
    check fold all 3, are labelled inherited. Run after the other inheritance steps: every other claim keeps its
    attribution; ``coreference.continue_quotations`` then runs again to carry a speaker found here on into the
    quotations of the paragraphs after (“... rigged.” then “So it does happen here.”)."""
    result = list(attributions)
    surnames = Surnames()
    index = 0
    while index < len(claims):
        claim, end = claims[index], index + 1
        while end < len(claims) and claims[end].paragraph == claim.paragraph and claims[end].opens_inside_quote:
            end += 1
        unattributed = all(result[number] is None for number in range(index, end))
        if (not claim.opens_inside_quote and quotations.opening_at(claim.start) is not None and unattributed
                and not _named_after(text, quotations, claims, end - 1)):
            speaker = (_opens_with_name(text, claims, result, index, surnames) or _last_quoted(text, claims, result, index)
                       or _led_in_by_no_one_named(claims, index) or _quoted_paragraph(claims, index, end))
            result[index:end] = [speaker] * (end - index)
        elif (end - index > 1 and unattributed and _opened_after_lead_in(text, quotations, claim) is not None
              and not _named_after(text, quotations, claims, end - 1)):
            result[index + 1 : end] = [_someone_s(Step("opened_by_no_one_named", index))] * (end - index - 1)
        index = end
    return tuple(result)


def _named_after(text: str, quotations: Quotations, claims: Sequence[Claim], index: int) -> bool:
    """Whether words follow the quotation claim ``index`` closes, in it or before the next claim on its line
    (“...,” Roe said.; “...” ― Jane Roe): the speaker may be named there."""
    claim = claims[index]
    closed = quotations.stretches(claim.start, claim.end)[-1][1]
    line_end = text.find("\n", closed)
    end = len(text) if line_end < 0 else line_end
    if index + 1 < len(claims):
        end = min(end, claims[index + 1].start)
    return _WORD.search(text, closed, end) is not None


def _last_quoted(
    text: str, claims: Sequence[Claim], result: Sequence[Attribution | None], index: int
) -> Attribution | None:
    """The attribution of the last person quoted up to ``LOOKBACK_SPEAKER`` claims before claim ``index``, in its
    paragraph or the two before, carried over; None when there is none, when the writer's sentences since name
    someone else in full, or when the claim before ends in a colon (a lead-in that named no speaker the rules know:
    "... this statement by Trump on June 11:")."""
    if index == 0 or ENDS_WITH_COLON.search(claims[index - 1].text):
        return None
    for origin in range(index - 1, max(-1, index - 1 - LOOKBACK_SPEAKER), -1):
        found = result[origin]
        if claims[index].paragraph - claims[origin].paragraph > 2 or (found is None and any(
                is_personal_name(text, name) for name in full_names(claims[origin]))):
            return None
        if found is not None and found.teller is not None and found.source_type == "person":
            return carry(found, (Step("goes_on_quoting", found.teller.text, origin),))
    return None


def _led_in_by_no_one_named(claims: Sequence[Claim], index: int) -> Attribution | None:
    """For a quotation that opens the paragraph right after a line ending in a colon that no rule read as a lead-in
    ("... even offering this remarkable disclaimer about its analytic methods:" then “Please note ...”), an
    attribution to a source of unknown type and no words: the line leads someone's words in, the labels attribute
    them (all 4 such claims of the train folds are labelled inherited), though whose they are is not read. None
    otherwise."""
    if index == 0 or claims[index].paragraph != claims[index - 1].paragraph + 1 or not ENDS_WITH_COLON.search(
            claims[index - 1].text):
        return None
    return _someone_s(Step("led_in_by_no_one_named", index - 1))


def _quoted_paragraph(claims: Sequence[Claim], index: int, end: int) -> Attribution | None:
    """For a quotation that opens its paragraph and goes on over several of its sentences (``claims[index:end]``),
    that no cue attributes and no name follows (“I think the stakes are so high. ... And all computers can be
    rigged.”), an attribution to a source of unknown type and no words: the writer quotes a statement, an interview's
    answer, a post, never its own sentences so (on the train folds 11 of the 12 such claims are labelled inherited,
    the 12th attributed by a cue the rules missed), though the speaker the paragraphs before name is not read. A
    quotation of one sentence may be a phrase the writer holds at a distance: None, as otherwise."""
    if end - index < 2 or (index > 0 and claims[index - 1].paragraph == claims[index].paragraph):
        return None
    return _someone_s(Step("quoted_paragraph", end - index))


def _someone_s(step: Step) -> Attribution:
    """A quotation's inherited attribution to someone the rules cannot name: no source words, type unknown."""
    return Attribution(
        source=None, source_type="unknown", named=False, cue=None, inherited=True, via=(), described=False,
        direct_quote=True, steps=(step,),
    )


def _opens_with_name(
    text: str, claims: Sequence[Claim], result: Sequence[Attribution | None], index: int, surnames: Surnames
) -> Attribution | None:
    """The person whose name opens the claim right before claim ``index``, in its paragraph or the one before, when
    that claim has no attribution (it names the speaker, it quotes no one): a full name, or the surname alone of a
    person an earlier claim named in full ("Clinton touted her credentials as a co-sponsor." then “We need ...”);
    None otherwise."""
    if index == 0 or result[index - 1] is not None or claims[index].paragraph - claims[index - 1].paragraph > 1:
        return None
    before = claims[index - 1]
    name = next(full_names(before), None)
    if name is None or name.start != before.start or not is_personal_name(text, name):
        name = _opening_surname(text, claims, before, surnames)
    if name is None:
        return None
    return Attribution(
        source=name, source_type="person", named=True, cue=None, inherited=True, via=(), described=False,
        direct_quote=True, steps=(Step("named_before_quotation", name.text, before.index),),
    )


def _opening_surname(text: str, claims: Sequence[Claim], claim: Claim, surnames: Surnames) -> Span | None:
    """The surname ``claim`` opens with, as its subject, of a person an earlier claim named in full; None otherwise,
    and when the claim holds a colon: it leads in someone it names after its subject ("Moore has lost support,
    though one Republican sticks by him: President Trump.")."""
    word = _OPENING_WORD.match(text, claim.start, claim.end)
    if word is None or ":" in claim.text or word.group() not in surnames.before(text, claims, claim.index):
        return None
    return Span(word.start(), word.end(), word.group())


def _quotation_follows(
    quotations: Quotations, claims: Sequence[Claim], attributions: Sequence[Attribution | None], claim: Claim
) -> bool:
    """Whether the next paragraph opens with a quotation that no cue attributes: its first claim opens with one and
    has no attribution."""
    after = claim.index + 1
    return (
        after < len(claims) and claims[after].paragraph == claim.paragraph + 1 and attributions[after] is None
        and quotations.opening_at(claims[after].start) is not None
    )


_REPORTING_WITH_ANY_VERB = frozenset({"media"})
"""Sources whose lead-in hands the block on with any verb that may communicate (``_communicates``), not only a verb of
saying: a news outlet's line before a colon introduces its report ("Politico sounds a hopeful note on the talks:",
"The Hill, on the other hand, offers a dash of cold water:"; not "The Times has dispatched a reporter to Iowa:")."""


def _communicates(word: str) -> bool:
    """Whether a lower-case word is a verb with a sense of communication as WordNet knows its verbs ("sounds",
    "offers", "provided"; not "has", "dispatched")."""
    classes = verb_classes(word)
    return classes is not None and classes[1] > 0


def lead_in(
    text: str, claim: Claim, colon: bool = True, end: int | None = None, verbs: frozenset[str] = LEAD_IN_VERBS,
    quoting: bool = False,
) -> Attribution | None:
    """The attribution ``claim`` gives the block after it when it is a lead-in: it ends in a colon (unless
    ``colon`` is False) and has a verb of saying or showing (``verbs``) with a typed source, the noun phrase before
    it ("the agency responded") or, inverted after a comma or a quotation or opening the line, after it ("writes
    CNN's Brian Stelter", "Stated Stone:"); the verb is looked for up to ``end`` (the claim's end when None). An
    unlisted verb of communication leads in only a news outlet's block (``_REPORTING_WITH_ANY_VERB``); before a
    quotation the claim opens (``quoting``), it leads in whatever the source's type ("De Miranda evokes the notion
    in his introduction: “..."): the quotation is what the verb communicates."""
    if colon and ENDS_WITH_COLON.search(claim.text) is None:
        return None
    for cue, listed, source in _verbs_and_sources(text, claim, claim.end if end is None else end, verbs):
        if source is None:
            continue
        if (conjunction := _CONJUNCTION.match(text, source.start, source.end)) is not None:
            source = Span(conjunction.end(), source.end, text[conjunction.end() : source.end])
        reading = classify_source(text, source)
        if reading.source_type == "unknown" and (name := name_in(text, source)) is not None:
            source, reading = name, classify_source(text, name)  # "17-year-old Jared Potts": the name it ends in
        if reading.source_type != "unknown" and (listed or quoting or reading.source_type in _REPORTING_WITH_ANY_VERB):
            return Attribution(
                source=source, source_type=reading.source_type, named=reading.named, cue=cue, inherited=False,
                via=(), described=reading.described, direct_quote=True, steps=(),
            )
    return None


def _verbs_and_sources(
    text: str, claim: Claim, end: int, verbs: frozenset[str]
) -> Iterator[tuple[Span, bool, Span | None]]:
    """Each verb before ``end`` that may lead ``claim``'s block in, whether ``verbs`` lists it, and its source: the
    capitalised verb of an inverted clause that opens the claim, with the name after it ("Stated Stone:"); a line
    that says where the block is taken from, its preposition standing for the verb ("From Bloomberg:"); then each
    lower-case verb of saying or communication, with the noun phrase before it or, inverted after a comma or a
    quotation, after it ("..., writes CNN's Brian Stelter:")."""
    if (opening := inverted_opening(text, claim.start, end)) is not None:
        cue = Span(opening.start(1), opening.end(1), opening.group(1))
        yield cue, True, source_after(text, opening.end(), claim.end)
    if (opening := _SOURCE_PREPOSITION.match(text, claim.start, end)) is not None:
        source = source_after(text, opening.end(), claim.end)
        if source is not None and ENDS_WITH_COLON.match(text, source.end, claim.end) and _taken_from(
                classify_source(text, source)):
            yield Span(opening.start(1), opening.end(1), opening.group(1)), True, source
    for verb in _LOWER_WORD.finditer(text, claim.start, end):
        listed = verb.group() in verbs
        if not listed and not _communicates(verb.group()):
            continue
        cue = Span(verb.start(), verb.end(), verb.group())
        source, _ = source_before(text, claim.start, cue.start)
        if plausible(source) is None:
            source = source_after(text, cue.end, claim.end) if _INVERTED.search(text, claim.start, cue.start) else None
        yield cue, listed, source


def _taken_from(reading: SourceReading) -> bool:
    """Whether a lead-in's "From X:" (X the whole line up to its colon: not "From the report, officials said:") names
    what a block is taken from: an outlet, a document or a named person, not a side of a roundup ("From the Right:",
    an organisation)."""
    return reading.source_type in ("media", "document") or (reading.source_type == "person" and reading.named)


def _in_block(reading: Attribution, lead: int, rule: StepRule = "lead_in_block") -> Attribution:
    """The lead-in's attribution taken over by a claim of the block it introduces (or of the quotation it opens)."""
    assert reading.source is not None and reading.cue is not None
    step = Step(rule, reading.source.text, reading.cue.text, lead, reading.source_type)
    return carry(reading, (step,))


def _opened_after_lead_in(text: str, quotations: Quotations, claim: Claim) -> int | None:
    """Where the quotation ``claim`` opens after a colon or a comma of its own and leaves open stands ("X made the
    point: “We ...", "X issued a statement, “Last night ..."): the words before it lead it in, as a lead-in line
    leads in a block; None when the claim opens no such quotation."""
    stretches = quotations.stretches(claim.start, claim.end)
    if not stretches or stretches[-1][0] == claim.start:
        return None
    opening = quotations.opening_at(stretches[-1][0])
    if opening is None or opening.end <= claim.end or _OPENED_AFTER.search(text, claim.start, opening.start) is None:
        return None
    return opening.start


def _announces_what_follows(claim: Claim) -> bool:
    """Whether ``claim``, ending with a colon, is a label or a signpost over what follows (``lead_in_lines``)."""
    return ENDS_WITH_COLON.search(claim.text) is not None and (
        len(_TAIL_WORD.findall(claim.text)) <= LABEL_MAX_WORDS or _SIGNPOST.match(claim.text) is not None)


def _ends_paragraph(claims: Sequence[Claim], claim: Claim) -> bool:
    """Whether ``claim`` is the last claim of its paragraph: a lead-in stands at the end of one."""
    return claim.index + 1 == len(claims) or claims[claim.index + 1].paragraph != claim.paragraph
