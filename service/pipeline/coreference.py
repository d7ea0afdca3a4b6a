"""Resolving "he said" and "the sheriff said" to a person the article named in a sentence no one was quoted in,
carrying a speaker over a quotation that goes on (into the next paragraph, after a lead-in that ends in a colon, as a
block quote, or back from a close that names the speaker), and reading an embedded post's
signature ("... — Jane Roe (@janeroe) May 2, 2020") as its source.

``attribution`` resolves a pronoun or a name-less role ("the agency", "the official") to an earlier *source*.
In news copy the person is often introduced by what they did ("Sheriff Dana Whitlock arrived at the scene.")
and quoted only in the next sentence ("The sheriff said ..."; "He said ..."). This pass, run once after the
gate, looks back a few claims for such a name: for a role noun, a name with that role as its title; for "he"
or "she", the first personal name of the nearest claim that has one. The source keeps its words; the name
becomes its ``refers_to``, and the source a named person (docs/guidelines.md: named when a name is given in
the span or by ``refers_to``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence

from .attribution.decide import SAY_VERB
from .attribution.inherit import (
    CLAUSE_OPENERS, DIRECT_QUOTE_SHARE, CarriedSource, carry, earlier_mention, origin_index, past_openers,
)
from .attribution.references import GENDERED_PRONOUNS, called_otherwise, pronoun_said
from .attribution.spans import institution_or_place, is_personal_name
from .attribution.words import ADJUNCT, CLAUSE_WORDS
from .claims import SPEAKER_LABEL, post_signature
from .document import Document, Line, Quotations
from .resources import read_toml
from .source_lexicons import HONORIFICS, PHRASE_WORDS, SHARE_AS_SOURCE, SHARE_OF_PEOPLE
from .source_phrase import is_title_word
from .sources import SourceReading, classify_source
from .text.words import without_possessive
from .records import Attribution, Claim, Span, Step, StepRule, replace

LOOKBACK_CLAIMS = 5
"""How many claims back the name "he" or "she" stands for is looked for (same reach as a reader's); a title is looked
for in every claim before."""

_TITLE_ROLES: dict[str, tuple[str, ...]] = {
    title.lower(): tuple(roles) for title, *roles in (entry.split() for entry in read_toml("phrase_words.toml")["title_roles"])
}
"""The roles an abbreviated title stands for: "the senator" is the "Sen. Jane Roe" of an earlier claim."""
# Two to five capitalised words, the first possibly a title with a full stop ("Sen.", "Dr."): a name candidate;
# never after "the" ("the Red Cross" names an institution). Spelled to open with its first capital, the assertions
# after it: ``re`` then skips to the next capital at once, where assertions in front are tried at every character.
_NAME = re.compile(r"[A-Z](?<![\w'’-][A-Z])(?<!the [A-Z])(?<!The [A-Z])(?!(?<=T)he\s)(?:[a-z]+\.?\s+[A-Z])?[a-z'’-]+"
                   r"(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,3}(?![\w'’-])")
_WORD = re.compile(r"[A-Z][a-z'’-]+")
_QUOTE_MARK = re.compile(r"[“”\"]")
"""A quotation mark: a name after one may stand in quoted words."""
_PERSON_PRONOUNS = sorted(GENDERED_PRONOUNS | set(PHRASE_WORDS["gendered_pronoun_forms"]))
_PERSON_PRONOUN = re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(f'[{word[0]}{word[0].upper()}]{word[1:]}' for word in _PERSON_PRONOUNS)})(?![\w-])"
)
"""A person's pronoun: a name after one is no antecedent of a pronoun after both ("Although he'd never met Markle, he")."""
_LEADING_ADJUNCT = re.compile(rf"(?:{ADJUNCT})\s+", re.IGNORECASE)
"""A time or place adjunct that opens a sentence before a name ("On Thursday Paul Grant")."""


def resolve_people(
    quotations: Quotations, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """Each attribution whose pronoun or role source is unresolved, linked to a person named shortly before; an
    unresolved "he" or "she" with no such name is a person all the same."""
    resolved = []
    named: dict[tuple[int, str | None], tuple[Span, ...]] = {}
    surnames = Surnames()
    said: Counter[tuple[str, str]] = Counter()  # (surname, "he" or "she"): how often the pronoun stood for it
    for claim, attribution in zip(claims, attributions, strict=True):
        if attribution is not None and attribution.source is not None and attribution.refers_to is None and not attribution.named:
            name = _earlier_name(quotations, claims, claim.index, attribution.source, named, surnames, said)
            if name is not None:
                attribution = replace(
                    attribution, refers_to=name, source_type="person", named=True,
                    steps=(*attribution.steps, Step("named_earlier", attribution.source.text, name.text)),
                )
            elif attribution.source_type == "unknown" and attribution.source.text.lower() in GENDERED_PRONOUNS:
                # "he" with no one before it is still one person (docs/guidelines.md: unknown is for a source whose
                # kind cannot be told)
                attribution = replace(attribution, source_type="person",
                                      steps=(*attribution.steps, Step("one_person", attribution.source.text)))
        # after the earlier claims were looked back at: ``surnames`` then reads no further than they did
        if attribution is not None and (subject := _subject_named_before(quotations, claims, claim, attribution, surnames, said)):
            attribution = replace(
                attribution, refers_to=subject, source_type="person", named=True,
                steps=(*attribution.steps, Step("named_before_pronoun", attribution.source.text, subject.text)),
            )
        if attribution is not None and attribution.inherited:
            attribution = _as_origin_resolved(attributions, resolved, attribution)
        if attribution is not None and attribution.source is not None and attribution.refers_to is not None:
            pronoun_said(attribution.refers_to.text, attribution.source.text.lower(), said)
        resolved.append(attribution)
    return tuple(resolved)


def _as_origin_resolved(
    attributions: Sequence[Attribution | None], resolved: Sequence[Attribution | None], inherited: Attribution
) -> Attribution:
    """An inherited attribution whose origin claim, earlier, had its pronoun linked to a person here since it was
    carried over: the same person, as the claim goes on with that claim's words (“...,” he said. “...”)."""
    origin = origin_index(inherited)
    if origin is None or origin >= len(resolved):
        return inherited
    before, after = attributions[origin], resolved[origin]
    if before is None or after is None or after.source != inherited.source or after.refers_to in (None, inherited.refers_to):
        return inherited
    return replace(inherited, refers_to=after.refers_to, source_type=after.source_type, named=after.named)


def _subject_named_before(
    quotations: Quotations, claims: Sequence[Claim], claim: Claim, attribution: Attribution, surnames: Surnames,
    said: Counter[tuple[str, str]],
) -> Span | None:
    """The person a claim names first, in the writer's words before its "he" or "she" source, when the pronoun
    stands for no mention of that name: "When Reed, a mail carrier, got a summons, she was eager to go, she said",
    "Obama told HBO that ..., he said" (the subject the pronoun goes on from, not a name of an earlier claim).
    None when the name is no subject (``_opens_clause``; a quotation mark or a person's pronoun before it, inside a
    quotation an earlier claim opened, the pronoun right after it) or the article calls that person by the other pronoun."""
    source, inherited = attribution.source, attribution.inherited
    if inherited or source is None or source.text.lower() not in GENDERED_PRONOUNS or source.start <= claim.start:
        return None
    first = _subject_name(quotations, claims, claim, source, surnames)
    if first is None:
        return None
    referent = attribution.refers_to
    if referent is not None and referent.start >= claim.start:
        return None  # already the claim's own mention
    if referent is not None and referent.text.split()[-1] == first.text.split()[-1]:
        return first  # the same person, by the mention nearest the pronoun
    return None if called_otherwise(first.text, source.text.lower(), said) else first


def _subject_name(
    quotations: Quotations, claims: Sequence[Claim], claim: Claim, source: Span, surnames: Surnames
) -> Span | None:
    """The name that opens the clause of ``claim`` before its pronoun ``source`` (see ``_subject_named_before``): its
    capitalised words in order, up to the first after a quotation mark or a person's pronoun; the earlier claims'
    surnames are read only for a word that could be one; none inside a quotation opened in an earlier claim."""
    text = quotations.text
    full = {name.start: name for name in full_names(claim)}
    for word in _WORD.finditer(claim.text):
        start = claim.start + word.start()
        if (start >= source.start or _QUOTE_MARK.search(text, claim.start, start) or quotations.open_at(start)
                or _PERSON_PRONOUN.search(text, claim.start, start)):
            return None
        if word.group().lower() in CLAUSE_OPENERS or not _opens_clause(text[claim.start : start]):
            continue
        if (name := full.get(start)) is None and word.group() in surnames.before(text, claims, claim.index):
            name = Span(start, claim.start + word.end(), word.group())
        if name is None or (" " in name.text and not is_personal_name(text, name)) or institution_or_place(name.text):
            continue
        if name.end > source.start or not text[name.end : source.start].strip(" ,"):
            return None  # "There are 200 units in the capital, Addis Ababa, he added": a name in the content, no subject
        return name
    return None


def _opens_clause(before: str) -> bool:
    """Whether the words before a name leave it the subject of the claim's clause: none, a word that opens a
    subordinate clause ("When Reed"), or an opening adjunct set off by a comma ("Days before the election, Obama
    told")."""
    words = before.split()
    return not words or before.rstrip().endswith(",") or (len(words) == 1 and words[0].lower() in CLAUSE_OPENERS)


def _earlier_name(
    quotations: Quotations, claims: Sequence[Claim], index: int, source: Span, named: dict[tuple[int, str | None], tuple[Span, ...]],
    surnames: Surnames, said: Counter[tuple[str, str]],
) -> Span | None:
    """The person named shortly before claim ``index`` whom ``source`` ("he", "the sheriff") stands for, never one
    the article called by the other pronoun (``said``). ``named`` keeps the names of each earlier claim and role,
    read once however many later claims look back at it."""
    text = quotations.text
    words = source.text.lower().split()
    if not words:
        return None
    if words == [words[0]] and words[0] in GENDERED_PRONOUNS:
        role, first = None, max(0, index - LOOKBACK_CLAIMS)
    elif words[0] == "the" and len(words) in (2, 3) and _one_unresolved_person(classify_source(text, source)):
        # A title names one person for the whole article: "the sheriff" is Sheriff Dana Whitlock however far back.
        role, first = words[-1], 0
    else:
        return None
    for earlier in reversed(claims[first:index]):
        key = (earlier.index, role)
        if key not in named:
            named[key] = _people_named_in(quotations, claims, earlier, role, surnames)
        for name in named[key]:
            if role is not None or not called_otherwise(name.text, words[0], said):
                return name
    return None


def _people_named_in(
    quotations: Quotations, claims: Sequence[Claim], claim: Claim, role: str | None, surnames: Surnames
) -> tuple[Span, ...]:
    """The people ``claim`` names, in order (with ``role`` among the name's words, when given): full names, and
    for a pronoun a surname alone whose bearer an earlier claim named in full ("Tijerina" after "Vanessa
    Tijerina"). For a pronoun, never a name inside a quotation: the speaker's words, no mention of the writer's
    ("When someone in the audience shouted, “Cruz,” Beck joked ...": a later "he" is Beck)."""
    text = quotations.text
    candidates = list(full_names(claim))
    if role is None:
        known = surnames.before(text, claims, claim.index)
        candidates += [Span(claim.start + word.start(), claim.start + word.end(), word.group())
                       for word in _WORD.finditer(claim.text) if word.group() in known]
    return tuple(
        candidate for candidate in sorted(candidates, key=lambda span: span.start)
        if (role is None or role in _roles_of(candidate.text))
        and (" " not in candidate.text or is_personal_name(text, candidate))
        and (role is not None
             or not (institution_or_place(candidate.text) or quotations.quoted_length(candidate.start, candidate.end)))
    )


def full_names(claim: Claim) -> Iterator[Span]:
    """The name candidates of ``claim`` (``_NAME``) without an adjunct or a word that opens the sentence before them
    ("On Thursday Paul Grant", "As Eloise Reed": the capital is the sentence's), two words or more."""
    for match in _NAME.finditer(claim.text):
        adjunct = _LEADING_ADJUNCT.match(claim.text, match.start(), match.end())
        start = past_openers(claim.text, match.start() if adjunct is None else adjunct.end(), match.end())
        if len(_WORD.findall(claim.text, start, match.end())) >= 2:
            yield Span(claim.start + start, claim.start + match.end(), claim.text[start : match.end()])


def _title_or_honorific(word: str) -> bool:
    """Whether a name's last word is a title or an honorific ("What Mr. Obama" read as "What Mr"): no surname."""
    return is_title_word(word, last=True) or word.rstrip(".") in HONORIFICS


class Surnames:
    """The surnames of the people an article names in full, read claim by claim as far as a pronoun looks back:
    each claim once, however many pronouns look back past it."""

    def __init__(self) -> None:
        self._known: set[str] = set()
        self._read = 0

    def before(self, text: str, claims: Sequence[Claim], index: int) -> set[str]:
        """The surnames of the people named in full in the claims before claim ``index``: a name is read
        (``is_personal_name``, the costly test) only when its last word is not yet known and is no title."""
        for claim in claims[self._read : index]:
            for name in full_names(claim):
                surname = name.text.split()[-1]
                if surname not in self._known and not _title_or_honorific(surname) and is_personal_name(text, name):
                    self._known.add(surname)
        self._read = max(self._read, index)
        return self._known


def _one_unresolved_person(reading: SourceReading) -> bool:
    """A name-less definite role that stands for one person: "the sheriff", and "the lawmaker" that no earlier
    anonymous lawmaker took."""
    return reading.refers_back in (("person",), ("anonymous",)) and not reading.plural


def _roles_of(name: str) -> set[str]:
    """The words of a name with its title, and the roles an abbreviated title stands for ("Sen." a senator)."""
    words = name.lower().replace(".", "").split()
    return set(words).union(*(_TITLE_ROLES.get(word, ()) for word in words[:1]))


_FIGURE = re.compile(r"\d")
"""A figure: the further findings of a report that inherit its source are numbers."""
_AMOUNT = re.compile(
    rf"(?:{'|'.join(map(re.escape, PHRASE_WORDS['currency_marks']))})\s?\d"
    rf"|\d[\d,.]*\s*(?:{'|'.join(map(re.escape, PHRASE_WORDS['percent_units'] + PHRASE_WORDS['magnitudes']))})(?![\w-])",
    re.IGNORECASE,
)
"""A measured amount: the further findings of an agency or an outlet (``_REPORTERS``) that inherit its source; any
number goes on a document's. Unnamed officials' or experts' amounts are the writer's as often."""
_REPORTERS = frozenset({"organization", "media"})
POLL_LOOKBACK = 8
"""How many claims back the poll a share of its respondents belongs to is looked for."""
_POLL = re.compile(rf"(?<![\w-])(?:{'|'.join(PHRASE_WORDS['poll_nouns'])})(?![\w-])", re.IGNORECASE)
"""A document named a poll: its figures may stand apart from it, among other voices."""
_ELABORATES = re.compile(
    rf"\W*(?:(?:{'|'.join(PHRASE_WORDS['elaborating_connectives'])})\s*[,:]"
    rf"|(?:{'|'.join(PHRASE_WORDS['subgroup_prepositions'])})\s[^,:;.]{{1,60}},)",
    re.IGNORECASE,
)
"""A connective that opens a further point or an example of what the sentence before reported, or the group a
breakdown of its figures is for: that source's."""
_NAMED_POLL = re.compile(
    rf"(?:[A-Z][\w.&'’-]*[\s/-]+)+(?:{'|'.join(PHRASE_WORDS['poll_nouns'])})(?![\w-])"
)
"""Capitalised words before a poll noun: a poll named by its pollster or sponsor ("the latest Gallup poll", "a
Washington Post-ABC News survey"), or a sentence's first words before one ("The poll"), which ``_poll_named_in``
tells apart."""
_NOT_A_POLLSTER = frozenset(PHRASE_WORDS["determiners"]) | CLAUSE_OPENERS | {
    word.lower() for word in PHRASE_WORDS["poll_dates"]}
"""Words before a poll noun that name no pollster, folded: a determiner, a sentence's opener or a date ("The poll",
"But Wednesday's Quinnipiac poll"); ``_poll_named_in`` skips them, a possessive's ending aside."""
_COMPARED = re.compile(rf"(?<![\w-])(?:{'|'.join(PHRASE_WORDS['poll_comparisons'])})\s+(?:\S+\s+){{0,3}}$", re.IGNORECASE)
"""A comparison's preposition a few words before a poll named ("down from an AP-NORC poll"): another poll's figure."""
_POLL_METHOD = re.compile(rf"(?<![\w-])(?:{'|'.join(PHRASE_WORDS['poll_method'])})(?![\w-])", re.IGNORECASE)
"""The poll's method, which the writer states: no finding."""
_POLL_METHOD_ENDS = frozenset(method.split()[-1] for method in PHRASE_WORDS["poll_method"])
"""The last word of each poll method ("error"), which a claim stating one holds, folded (``_states_poll_method``)."""
_ELECTION_SHARE = re.compile(
    rf"(?<![\w-])(?:of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){{0,2}}(?:{'|'.join(PHRASE_WORDS['counted_in_elections'])})"
    rf"|(?:{'|'.join(PHRASE_WORDS['held_shares'])})\s+in)(?![\w-])",
    re.IGNORECASE,
)
"""A share of an election's count ("0.99% of the popular vote", "a majority of the statewide vote") or one held in a
body or an election ("the majority in Congress"): the writer's result, rule or stakes, no poll's finding."""
_SHARE_IN_TEXT = re.compile(rf"(?<!\w)(?:{SHARE_OF_PEOPLE.pattern})", re.IGNORECASE)
"""A share of people anywhere in a claim, from a word's start: a search tries the share's words only there."""
ENDS_WITH_COLON = re.compile(r":\s*$")
"""A lead-in's end: a colon, nothing after it but white space (here and in ``lead_ins``)."""
_SKIPPED_INSIDE = 1
"""How many skipped lines (captions, subheads: no claim) a quotation going on into a later paragraph may cross; only
a quotation crosses them (a block quote, a list item and a further finding stay in the next paragraph or the same)."""
_BULLET = re.compile(r"[·•▪●‣◦*–—-](?=\s)")
"""The mark that opens an item of a bulleted list ("· Counties with ...")."""
UNMARKED_ITEM = "¶"
"""The mark of a list's item that lost its bullet: a line of its own with no closing punctuation (a claim ends with
none only where its line does; ``claims.segment`` keeps such lines after a lead-in of what someone said)."""
_CLOSING_PUNCTUATION = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def _bullet(text: str) -> str:
    """The bullet mark ``text`` opens with, ``UNMARKED_ITEM`` for an unpunctuated line, or ""."""
    if (match := _BULLET.match(text)) is not None:
        return match.group()
    return "" if _CLOSING_PUNCTUATION.search(text) or ENDS_WITH_COLON.search(text) else UNMARKED_ITEM


def _states_poll_method(document: Document, claim: Claim) -> bool:
    """Whether ``claim`` states a poll's method (``_POLL_METHOD``): searched only when its folded text (the
    Document's, as the pattern matches case-insensitively) holds the last word of one, as few claims do; the pattern
    opens with a lookbehind, so ``re`` tries it at every character."""
    return (any(document.folded.find(word, claim.start, claim.end) >= 0 for word in _POLL_METHOD_ENDS)
            and _POLL_METHOD.search(claim.text) is not None)


def continue_quotations(
    document: Document, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """Claims with no attribution that go on quoting an attributed speaker inherit the source (docs/guidelines.md,
    "Inherited"; data/realworld/README.md, lead-in lines):

    - a quotation running on over a paragraph break, as wire copy writes it: the claim opens with a quotation mark,
      or inside a quotation, right after a claim whose attribution quotes someone (mostly quoted words, or a quotation
      opening it before its cue, however long the speaker's description after), also over one line skipped between
      them (a photo caption or a subhead the page set inside the quotation);
    - a quotation introduced by a lead-in that ends in a colon ("Weiss writes:" then “My own forays ...”);
    - a quotation opening a claim right after one with a cue of its own, in its paragraph or the next: the speaker
      whose words were reported ("Press secretary Dana Lee said the governor had been briefed." then “We are in touch
      with the utility.”);
    - a claim of the same paragraph that is mostly quoted words, though it opens with the writer's, right after a
      claim that quotes someone with a cue of its own (“We beat them fair and square,” said Jane Roe. then Her rivals
      had “a huge advantage in the field.”);
    - a block quote: the paragraph after an attributed lead-in that ends in a colon, opening with no quotation mark
      (quoted words inside it are the excerpt's own): its sentences with no cue, or with a cue that is the excerpt's
      content rather than a source it quotes (``keeps_own_cue``), take the lead-in's source, and so
      does the sentence that opens each further item of a bulleted list it starts ("· Schools will reopen ..."), or of
      a list whose marks the page lost (each item a line with no closing punctuation: ``UNMARKED_ITEM``);
    - a quotation whose speaker is named where it closes ("“A. B. C,” she said."): every sentence before the close;
    - a share of the people a poll asked ("60 percent say ...") a few claims after a claim attributed to a document:
      the poll's finding, though it has a cue of its own; and a claim with no attribution that gives a share
      ("Seventeen percent remain undecided.") a few claims after a poll or survey, among other voices too
      (``_poll_finding``);
    - a quotation running on over paragraphs with its marks only at its start and end (``_inside_quotation_run_on``);
    - a further point or an example of what the claim before reported, in its paragraph, opened by a connective
      ("Additionally, ...", "For example, ...": ``elaborating_connectives``);
    - a further figure of the same report, study or poll: a sentence with a number right after a claim attributed
      to a document, in its paragraph (tried in the next paragraph too: on the 90 train articles labelled after it,
      that found no finding and took 3 writer's numbers, a year and an age among them).
    """
    quotations = document.quotations
    result = list(attributions)
    for index in range(len(claims) - 2, -1, -1):
        claim, after, later = claims[index], claims[index + 1], result[index + 1]
        if result[index] is not None or later is None or later.teller is None:
            continue
        if after.paragraph == claim.paragraph and after.opens_inside_quote and (
            claim.opens_inside_quote or quotations.leaves_open(claim.start, claim.end)
        ):
            earlier = earlier_mention(claims, result, index, later) if not later.inherited else None
            result[index] = _goes_on(later, index + 1, earlier)
    # the paragraph read as a block quote (-1: none), the last item of a bulleted list it opens, the claim whose
    # lead-in opens it, and its first claim
    block, item, lead, first = -1, -1, 0, 0
    told = -1 - POLL_LOOKBACK  # the last claim before ``index`` a document tells: the only origin of a poll finding
    surnames = Surnames()
    for index in range(1, len(claims)):
        if _told_by_document(result[index - 1]):
            told = index - 1
        if index - told <= POLL_LOOKBACK and (finding := _poll_finding(document, claims, result, index)) is not None:
            result[index] = finding
            continue
        claim, before, previous = claims[index], claims[index - 1], result[index - 1]
        if _opens_block(quotations, before, previous, claim):
            block = item = claim.paragraph
            lead, first = index - 1, index
        if result[index] is not None and (claim.paragraph != block or keeps_own_cue(result[index])):
            continue  # a cue naming a source in a block quote stays its own: an excerpt of a report quotes its sources
        if _states_poll_method(document, claim):
            continue  # the poll's method ("The poll has a margin of error of 3 points") is the writer's, in a block too
        if claim.paragraph == item + 1 and _bullet(claims[first].text) == _bullet(claim.text) != "":
            # the next item of a bulleted list after the lead-in opens with the speaker's point; what follows in
            # it may be the writer's comment, as after a quotation
            item = claim.paragraph
            result[index] = _goes_on(result[lead], lead)
            continue
        if claim.paragraph == block:
            # the writer the lead-in names, not a source a sentence of the excerpt named before it
            result[index] = _goes_on(result[lead], lead)
            continue
        if previous is None and _resumes_quoting(quotations, claims, result, index, surnames):
            result[index] = _goes_on(result[index - 2], index - 2)
            continue
        if previous is None:
            continue  # a speaker the cue names no source for (“...,” her mother, Fiona, said.) goes on quoting too
        if claim.paragraph - before.paragraph > 1 + _SKIPPED_INSIDE:
            continue
        lead_in = ENDS_WITH_COLON.search(before.text) is not None
        reported = previous.cue is not None and claim.paragraph - before.paragraph <= 1
        finding = previous.teller is not None and claim.paragraph == before.paragraph and (
            (previous.source_type == "document" and _FIGURE.search(claim.text))
            or (previous.source_type in _REPORTERS and _AMOUNT.search(claim.text)))
        elaborates = claim.paragraph == before.paragraph and _ELABORATES.match(claim.text) is not None
        quoted_on = claim.paragraph == before.paragraph and previous.cue is not None and _mostly_quoted(
            quotations, claim) and bool(quotations.stretches(before.start, before.end))
        if (_opens_quoting(quotations, claim) and (previous.direct_quote or lead_in or reported or _quoted_first(
                quotations, before, previous))) or quoted_on or _inside_quotation_run_on(quotations.text, claim):
            result[index] = _goes_on(previous, index - 1)
        elif finding or elaborates:
            result[index] = _goes_on(previous, index - 1, quoting=False)
    return tuple(result)


_CURLY_DOUBLE_MARK = re.compile("[“”]")
_NEXT_PARAGRAPH = re.compile(r"[^\n]*\n\s*[^\n]*")
"""Text that runs from one paragraph into the next one, over the blank lines between."""


def _inside_quotation_run_on(text: str, claim: Claim) -> bool:
    """Whether ``claim`` stands inside a quotation that runs on over paragraphs with its marks only at its start and
    end, as a long excerpt is set ("... displace communities:" then “We are a self-governing people. ... ¶ Today, our
    communities ... the leading one.”): the last curly double mark before the claim opens a quotation in the
    paragraph before the claim's, and the next one after it closes it in the claim's paragraph (a mark left open
    further back, or closed further on, carries no one over the writer's paragraphs between). ``Quotations`` ends
    every quotation at its paragraph's end. Both marks are looked for only where they may stand: from the start of
    the paragraph before the claim's to the end of the claim's (a search to the article's ends, for every claim, runs
    the whole text each time)."""
    line_start = text.rfind("\n", 0, claim.start)
    if line_start < 0:
        return False  # the claim's paragraph is the first: no paragraph before it
    previous_end = line_start
    while previous_end > 0 and text[previous_end - 1].isspace():
        previous_end -= 1
    low = text.rfind("\n", 0, previous_end) + 1
    line_end = text.find("\n", claim.start)
    opening = max(text.rfind("“", low, claim.start), text.rfind("”", low, claim.start))
    closing = _CURLY_DOUBLE_MARK.search(text, claim.start, len(text) if line_end < 0 else line_end)
    return (opening >= 0 and text[opening] == "“" and _NEXT_PARAGRAPH.fullmatch(text, opening, claim.start) is not None
            and closing is not None and closing.group() == "”" and "\n" not in text[claim.start : closing.start()])


def _resumes_quoting(
    quotations: Quotations, claims: Sequence[Claim], result: Sequence[Attribution | None], index: int,
    surnames: Surnames,
) -> bool:
    """Whether claim ``index`` takes up again the quotation of the claim two before it, across one sentence of the
    writer's that quotes no one and names no one else ("“The view is the point,” said Kelly. The river lies below.
    “Lee chose it.”"), in full or by the surname it opens with of a person named before ("Clinton touted her
    credentials." after Sanders quoted, then “We need ...”: Clinton's words): the claim opens quoting, the claim two before quotes an
    attributed speaker, in its paragraph or within two."""
    if index < 2:
        return False
    claim, between, origin = claims[index], claims[index - 1], result[index - 2]
    return (
        origin is not None and origin.teller is not None and _opens_quoting(quotations, claim)
        and claim.paragraph - claims[index - 2].paragraph <= 2
        and bool(quotations.stretches(claims[index - 2].start, claims[index - 2].end))
        and not quotations.quoted_length(between.start, between.end) and _NAME.search(between.text) is None
        and ((word := _WORD.match(between.text)) is None or word.group() == origin.teller.text.split()[-1]
             or quotations.text.find(word.group(), 0, between.start) < 0  # named nowhere before: no surname read
             or word.group() not in surnames.before(quotations.text, claims, between.index))
    )


def _quoted_first(quotations: Quotations, claim: Claim, attribution: Attribution) -> bool:
    """Whether ``claim`` opens with a quotation closed before its cue (“Greed is hurting the whales,” says Hori
    Parata, an elder of the tribe.): its speaker is quoted directly, however long the description after the name."""
    quotation = quotations.opening_at(claim.start)
    return quotation is not None and attribution.cue is not None and quotation.end <= attribution.cue.start


def _mostly_quoted(quotations: Quotations, claim: Claim) -> bool:
    """Whether most of ``claim`` (``DIRECT_QUOTE_SHARE`` of its characters but spaces) is quoted words."""
    content = len(claim.text) - claim.text.count(" ")
    return content > 0 and quotations.quoted_length(claim.start, claim.end) / content >= DIRECT_QUOTE_SHARE


def _told_by_document(attribution: Attribution | None) -> bool:
    """Whether ``attribution`` is a document's with a teller: a poll whose findings ``_poll_finding`` may carry on."""
    return attribution is not None and attribution.source_type == "document" and attribution.teller is not None


def _poll_finding(
    document: Document, claims: Sequence[Claim], result: Sequence[Attribution | None], index: int
) -> Attribution | None:
    """The attribution of a poll for claim ``index`` when a claim attributed to a document stands within
    ``POLL_LOOKBACK`` claims before it and the claim says what a share of the people asked think: its own source is
    that share ("60 percent say ...", "About 7 in 10 said so", "Most voters said ..."), or it has no attribution, no
    quotation and a share in it while the document is named a poll or survey ("Seventeen percent remain undecided.",
    "Opposition among independents went from 53 percent to 64 percent."), also after other quoted voices, the poll's
    further findings each passing it on. The share is the poll's finding (docs/guidelines.md, Inherited: further figures and findings
    of the same poll), the respondents are no teller; the poll's method ("The margin of error is 3 points"), a share
    of an election or held in one (``_ELECTION_SHARE``) and a share word heading polls ("most polling averages") are
    the writer's. A claim that names the poll its figures come from ("In the latest Gallup poll, ...") takes that
    mention as its source (``_poll_named_in``). None otherwise."""
    own = result[index]
    if own is not None and (own.inherited or own.source is None or not SHARE_AS_SOURCE.match(own.source.text)
                            or _POLL.search(own.source.text)):
        return None  # "most polling averages" is a document, no share of the people asked
    for origin in range(index - 1, max(-1, index - 1 - POLL_LOOKBACK), -1):
        poll = result[origin]
        if _told_by_document(poll) and (own is not None or _POLL.search(poll.teller.text)):
            break
    else:
        return None
    claim = claims[index]
    if own is not None:
        words = own.source.text
    else:  # the poll is looked for first: most claims with no attribution stand far from any
        share = _SHARE_IN_TEXT.search(claim.text)
        if (share is None or document.quotations.quoted_length(claim.start, claim.end)
                or _states_poll_method(document, claim) or _ELECTION_SHARE.search(claim.text)):
            return None
        words = share.group()
    named = _poll_named_in(document.quotations, claim)
    return carry(poll, (Step("poll_finding", words, poll.teller.text, origin),), named, quoting=False)


def _poll_named_in(quotations: Quotations, claim: Claim) -> CarriedSource | None:
    """The poll ``claim`` names by its pollster or sponsor outside a quotation ("In the latest Gallup poll, registered
    Hispanic voters favored ...", "According to a Washington Post-ABC News survey, 51 percent ..."): its figures are
    that poll's, the source its words, not an earlier poll's (the labels give the poll the sentence names). None when it
    names none (the capitalised words are only the sentence's first ones, determiners or dates: "The poll's results",
    "the May survey") or names one to compare with (``poll_comparisons``: "down from an AP-NORC poll in October")."""
    for match in _NAMED_POLL.finditer(claim.text):
        start = claim.start + match.start()
        words = match.group().split()
        while len(words) > 1 and without_possessive(words[0]).lower() in _NOT_A_POLLSTER:
            start = quotations.text.index(words[1], start + len(words[0]))
            words = words[1:]
        if (len(words) > 1 and not quotations.quoted_length(start, claim.start + match.end())
                and _COMPARED.search(claim.text, 0, match.start()) is None):
            end = claim.start + match.end()
            return CarriedSource(Span(start, end, quotations.text[start:end]))
    return None


def _opens_block(quotations: Quotations, before: Claim, attribution: Attribution | None, claim: Claim) -> bool:
    """Whether ``claim`` opens a block quote: the first claim of the paragraph after an attributed lead-in that ends
    in a colon (``before``, attributed by ``attribution``), opening with no quotation mark. The block opens even
    when that claim has a cue of its own ("The lack of ..." after "The Department recognizes that ...")."""
    return (
        attribution is not None and claim.paragraph == before.paragraph + 1
        and ENDS_WITH_COLON.search(before.text) is not None and not _opens_quoting(quotations, claim)
    )


_EXCERPT_SOURCE_CUES = frozenset(CLAUSE_WORDS["excerpt_source_cues"])


def keeps_own_cue(attribution: Attribution) -> bool:
    """Whether a claim of a block quote keeps its own attribution: a cue that tags a quotation (an interview's
    turns: "She replied: “Look it up.”"), a plain verb of saying ("sources said"), ``excerpt_source_cues``
    ("according to"), a label's colon or a post's dash names a source the excerpt quotes. Any other cue verb there is
    the excerpt's own content ("The most violent clip shows ...", "Court records show ...", "The Department
    recognizes that ..."), which the lead-in's source says: on the train folds, all 7 claims of a block with such
    a cue are labelled inherited; of the 25 kept, 23 are labelled with their own cue."""
    cue = attribution.cue
    if cue is None or attribution.inherited or attribution.direct_quote or not any(map(str.isalpha, cue.text)):
        return True
    return cue.text.lower() in _EXCERPT_SOURCE_CUES or any(SAY_VERB.fullmatch(word) for word in cue.text.split())


def _opens_quoting(quotations: Quotations, claim: Claim) -> bool:
    """Whether ``claim`` opens inside a quotation or with one."""
    return claim.opens_inside_quote or quotations.opening_at(claim.start) is not None


def _goes_on(
    attribution: Attribution, origin: int, mention: CarriedSource | None = None, quoting: bool = True
) -> Attribution:
    """The attribution of claim ``origin``, inherited by a claim that goes on quoting its source (``mention``: the
    mention that names it, when not the origin's own), or, not ``quoting``, goes on with a further figure or point
    of what it reported in the writer's words."""
    teller = mention.source if mention else attribution.teller
    step = Step("goes_on_quoting" if quoting else "goes_on_reporting", teller.text if teller else None, origin)
    return carry(attribution, (step,), mention, quoting)


def _claims_by_line(lines: Sequence[Line], claims: Sequence[Claim]) -> Iterator[tuple[Line, int, int]]:
    """Each line with the claims that start on it, ``claims[first:end]``: one walk over both, in text order (a
    claim never runs past its line)."""
    end = 0
    for line in lines:
        first = end
        while end < len(claims) and claims[end].start < line.end:
            end += 1
        yield line, first, end


# A credit line under an excerpt of an opinion roundup: the writer(s), a comma and the outlet, alone on a line ("Jane
# Roe, Vox", "John Doe and Ann Lee, New York Times"), with no full stop.
_NAME_WORD = r"[A-Z][\w'’-]*\.?"
_WRITER = rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{1,3}}"
_CREDIT_LINE = re.compile(rf"(?P<writers>{_WRITER}(?:,?\sand\s{_WRITER})?),\s(?:the\s)?[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){{0,4}}")
# The same credit on the excerpt's own line, after its closing mark and a dash ("...” — Jane Roe, Vox", "...” —
# Economist"): the dash is the cue, as a post's signature's is.
_OUTLET = r"(?:[Tt]he\s)?[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,4}"
_CREDIT_AFTER = re.compile(rf"[”\"]\s*(?P<cue>[—―–])\s*(?P<writers>{_WRITER}(?:,?\sand\s{_WRITER})?|{_OUTLET})(?:,\s{_OUTLET})?\s*$")


def credited_excerpts(
    text: str, lines: Sequence[Line], quotations: Quotations, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """The quoted paragraphs right above a credit line ("Jane Roe, Vox") are that writer's (data/realworld/README.md:
    signed opinion roundups are attribution to the signed writers). The writer is named only after the excerpt, so
    its sentences carry no source span, only the writer's type ("Quote first, speaker named after"); the step names
    the writer. Walking back from the line, each claim with no attribution in a paragraph that opens with a quotation
    mark inherits; a claim of a paragraph that does not, or one attributed on its own, ends the excerpt. A credit
    after the excerpt's closing mark and a dash, on its line ("...” — Jane Roe, Vox"), is the cue of the line's last
    claim, which names the writer; the claims before it inherit as above."""
    result = list(attributions)
    opens_quoting = {line.paragraph for line in lines if quotations.opening_at(line.start) is not None}
    for line, index, end in _claims_by_line(lines, claims):
        if index < end:  # the credit after the excerpt on its line, in the line's last claim
            credit = _CREDIT_AFTER.search(text, line.start, line.end) if line.paragraph in opens_quoting else None
        elif line.paragraph - 1 in opens_quoting:
            credit = _CREDIT_LINE.fullmatch(text, line.start, line.end)
        else:
            continue  # no quoted paragraph right above the line: no credit line
        if credit is None or (index < end and result[end - 1] is not None):
            continue
        writers = Span(credit.start("writers"), credit.end("writers"), credit.group("writers"))
        reading = classify_source(text, writers)
        if reading.source_type == "unknown":
            continue
        signed = Attribution(
            source=None, source_type=reading.source_type, named=reading.named, cue=None, inherited=True, via=(),
            described=False, direct_quote=True, steps=(Step("credited_excerpt", writers.text),),
        )
        if index < end:
            cue = Span(credit.start("cue"), credit.end("cue"), credit.group("cue"))
            result[end - 1] = replace(signed, source=writers, cue=cue, inherited=False, steps=())
            index = end - 1
        for earlier in reversed(claims[:index]):
            if result[earlier.index] is not None or earlier.paragraph not in opens_quoting:
                break
            result[earlier.index] = signed
    return tuple(result)


_POST_MARKUP = re.compile(r'<(?P<tag>tweet)\b[^<>]*?\s(?P<attribute>(?:tweet-)?author)="(?P<source>@?\w[^"<>]*)"[^<>]*>')
"""A corpus's markup of an embedded post, its account in an attribute (PolNeAR: ``<tweet pic="" author="HillaryClinton"
...>``, ``<tweet tweet-author="@realDonaldTrump" ...>``): the attribute is the source, the markup naming it the cue (the
labels' reading, data/realworld/check/gold.jsonl: the tag, the attribute or both)."""
_POST_MARKUP_END = re.compile(r"</tweet>|<tweet/>")
"""The tag closing a post's markup (some corpora close it as if opening an empty one)."""
_CUE_MAX = 20
"""A cue is a word or a few: the tag with its author attribute when they stand that close, else the attribute."""


def marked_up_posts(text: str, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
                    ) -> tuple[Attribution | None, ...]:
    """A post given in markup is its account's on record, as a signed post is (``embedded_posts``): its sentences,
    from the one holding the opening tag to the closing tag (or the line's end), are the account's, the first by the
    markup's cue, the later ones inherited; but for a sentence a named source is found for already (a quotation in
    the post, a signature ``embedded_posts`` read)."""
    if "<tweet" not in text:
        return tuple(attributions)
    result = list(attributions)
    own, post_end = None, -1
    for claim in claims:
        tag = _POST_MARKUP.search(text, claim.start, claim.end)
        if tag is not None:
            closing = _POST_MARKUP_END.search(text, tag.end())
            line_end = text.find("\n", tag.end())
            post_end = min(closing.start() if closing else len(text), line_end if line_end >= 0 else len(text))
            cue_start = tag.start("tag") if tag.end("attribute") - tag.start("tag") <= _CUE_MAX else tag.start("attribute")
            own = _posted_by(Span(tag.start("source"), tag.end("source"), tag.group("source")),
                             Span(cue_start, tag.end("attribute"), text[cue_start:tag.end("attribute")]), "post_markup")
        elif claim.start >= post_end:
            own = None
        if own is not None and ((found := result[claim.index]) is None or not found.named):
            result[claim.index] = own if tag is not None else carry(own, (Step("post_sentence", own.source.text),))
    return tuple(result)


def _posted_by(source: Span, cue: Span, rule: StepRule) -> Attribution:
    """A post's attribution to its account, on record (social_media, named), as its signature or its markup gives it."""
    return Attribution(
        source=source, source_type="social_media", named=True, cue=cue, inherited=False, via=(), described=False,
        direct_quote=True, steps=(Step(rule, source.text),),
    )


def embedded_posts(
    text: str, lines: Sequence[Line], claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """A post's line ending in its signature is attributed to the account (social_media, named; the dash is the
    cue, as a speaker label's colon is): the claim with the signature in it (the post's last sentence, which
    segmentation runs on into its signature); the post's earlier sentences on the line inherit it, back to one a
    named speaker is quoted in."""
    result = list(attributions)
    for line, first, index in _claims_by_line(lines, claims):
        match = post_signature(text, line.start, line.end)
        if match is None or first == index:
            continue
        source = Span(match.start("source"), match.end("source"), match.group("source"))
        cue = Span(match.start("cue"), match.end("cue"), match.group("cue"))
        own = _posted_by(source, cue, "post_signature")
        post = [claim for claim in claims[first:index] if claim.end <= cue.start]
        signed = [claim for claim in claims[first:index] if claim.end > cue.start]
        for claim in signed:
            result[claim.index] = own
        # the account named before the post (an earlier post's signature) is the source its sentences carry, as
        # for a quotation whose speaker is named where it closes
        mention = earlier_mention(claims, result, post[0].index, own) if post else None
        for earlier in reversed(post):
            if (found := result[earlier.index]) is not None and found.named:
                break  # a named speaker quoted inside the post keeps the words; "They repeat ..." is the account's
            result[earlier.index] = carry(own, (Step("post_sentence", source.text),), mention)
    return tuple(result)


_LABELS = read_toml("speaker_labels.toml")
_NOT_SPEAKERS = frozenset(_LABELS["not_speakers"])
_NOT_FIRST = frozenset(_LABELS["not_first"])
_SENTENCE_END = frozenset(_LABELS["sentence_end"])


def _speaker_label(text: str, claim: Claim) -> re.Match[str] | None:
    """The label a claim opens with ("CW: ..."), unless it is a heading or an inverted tag, or the claim does not end
    as a sentence does (``speaker_labels.toml``)."""
    match = SPEAKER_LABEL.match(text, claim.start, claim.end)
    if match is None or text[claim.end - 1] not in _SENTENCE_END:
        return None
    words = match.group("source").split()
    return None if " ".join(words).lower() in _NOT_SPEAKERS or (len(words) > 1 and words[0] in _NOT_FIRST) else match


def speaker_labels(
    text: str, lines: Sequence[Line], quotations: Quotations, claims: Sequence[Claim],
    attributions: Sequence[Attribution | None],
) -> tuple[Attribution | None, ...]:
    """A transcript's turns (data/realworld/README.md: "Transcript labels ... are the source and the colon the
    cue"): a claim that opens with a speaker's label is the label's (person; the colon is the cue), in place of
    what the model read in it. A label speaks when it is a transcript's: a label of the article (its last word)
    labels two turns or more, or the turn opens a quotation, or the name is the article's (it stands elsewhere in
    the text without its colon). A quoted turn ends where its quotation does: a quotation that runs on past the
    claim is a direct quote, which ``continue_quotations`` carries on; one that closes in it is not, so that the
    next quotation, another voice of the transcript, is not carried to the label (and nor is a claim after an
    unquoted turn). After an unquoted one, the claims on its line with no attribution inherit the label, up to the
    next label, a claim attributed on its own or one that opens a quotation (another voice)."""
    labels = {claim.index: match for claim in claims if (match := _speaker_label(text, claim)) is not None}
    if not labels:
        return tuple(attributions)
    # a speaker named in full once and by surname after ("ERIN BURNETT:" then "BURNETT:") labels two turns
    transcript = max(Counter(match.group("source").split()[-1] for match in labels.values()).values()) > 1

    def speaks(match: re.Match[str]) -> bool:
        named_elsewhere = re.search(rf"\b{re.escape(match.group('source'))}\b(?!:)", text) is not None
        return transcript or quotations.opening_at(match.end()) is not None or named_elsewhere

    result = list(attributions)
    for _, first, end in _claims_by_line(lines, claims):
        turn = None
        for claim in claims[first:end]:
            match = labels.get(claim.index)
            if match is not None and speaks(match):
                source = Span(match.start("source"), match.end("source"), match.group("source"))
                quotation = quotations.opening_at(match.end())
                result[claim.index] = Attribution(
                    source=source, source_type="person", named=classify_source(text, source).named,
                    cue=Span(match.start("cue"), match.end("cue"), ":"), inherited=False, via=(), described=False,
                    direct_quote=quotation is not None and quotation.end > claim.end,
                    steps=(Step("speaker_label", source.text),),
                )
                turn = None if quotation is not None else result[claim.index]
            elif match is not None or result[claim.index] is not None or quotations.opening_at(claim.start):
                turn = None
            elif turn is not None:
                result[claim.index] = replace(turn, cue=None, inherited=True, steps=(Step("speaker_turn", source.text),))
    return tuple(result)


_MENTIONED_NAME = re.compile(r"[A-Z][\w'’-]{2,}")
"""A name's last word that a later mention repeats ("Carly Fiorina", then "Fiorina")."""
_NO_MENTION_AFTER = re.compile(r"['’]s?(?![\w'’-])|\s+[A-Z]")
"""What follows a name used as no mention of its bearer: a possessive ("Ryan’s language") or a further capitalised
word the name modifies ("Lindt Chocolate Café")."""
_DETERMINER_BEFORE = re.compile(rf"(?<![\w'’-])(?:{'|'.join(PHRASE_WORDS['determiners'])})\s+$", re.IGNORECASE)
"""A determiner before a name, which then modifies a noun after it ("the Trump administration")."""


def nearer_mentions(
    quotations: Quotations, claims: Sequence[Claim], attributions: Sequence[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """Each attribution whose source is named again after the mention it gives (the name a pronoun or a role stands
    for, before the pronoun; an inherited source carried over from its origin, before the claim): that nearest
    mention, which the hand labels take ("Paul Waldman argues ..." then "It's just so exhausting for poor Waldman. He
    writes: ...": "He" is that "Waldman"). A name inside a quotation is the speaker's words, no mention of the
    writer's; a possessive, a name after a determiner or before a further capitalised word names no one there. An
    inherited source named only after its claim is none (``_named_only_after``)."""
    result = list(attributions)
    starts = [claim.start for claim in claims]
    for claim, attribution in zip(claims, attributions, strict=True):
        if attribution is None or attribution.source is None or not (attribution.inherited or attribution.refers_to):
            continue
        if attribution.inherited and attribution.teller.start >= claim.end and attribution.steps[0].rule not in _SIGNED:
            result[claim.index] = _named_only_after(attribution)
            continue
        mention = attribution.refers_to or attribution.source
        limit = attribution.source.start if attribution.refers_to is not None else claim.start
        words = mention.text.split()
        if mention.end > limit or not words or not _MENTIONED_NAME.fullmatch(words[-1]):
            continue
        nearer = _last_mention(quotations, claims[: bisect_left(starts, limit)], words[-1], mention.end, limit)
        if nearer is None:
            continue
        steps = (*attribution.steps, Step("nearer_mention", mention.text, nearer.text))
        result[claim.index] = (replace(attribution, refers_to=nearer, steps=steps) if attribution.refers_to is not None
                               else replace(attribution, source=nearer, steps=steps))
    return tuple(result)


_SIGNED = frozenset({"post_sentence"})
"""A post's sentences, which its signature after them names (data/realworld/README.md, "Embedded tweets")."""


def _named_only_after(attribution: Attribution) -> Attribution:
    """An inherited attribution whose speaker is named only after the claim, no mention before it (“...,” said Jane
    Roe, then named for the first time): no source, its type and ``named`` kept (data/realworld/README.md, "Quote
    first, speaker named after")."""
    steps = (*attribution.steps, Step("named_only_after", attribution.teller.text))
    return replace(attribution, source=None, refers_to=None, steps=steps)


def _last_mention(quotations: Quotations, claims: Sequence[Claim], name: str, start: int, end: int) -> Span | None:
    """The last mention of ``name`` in the words of ``claims`` (those that start before ``end``) from ``start`` to
    ``end`` (``nearer_mentions``): the name as a whole word, found by a literal search from the right (a pattern
    opening with a lookbehind is tried at every character of every claim back to the mention)."""
    text = quotations.text
    for claim in reversed(claims):
        if claim.end <= start:
            return None
        low, high = max(start, claim.start), min(end, claim.end)
        at = high - len(name)
        while at >= low and (at := text.rfind(name, low, at + len(name))) >= 0:
            after = at + len(name)
            if (_whole_word(text, at, after, high) and not quotations.quoted_length(at, after)
                    and not _NO_MENTION_AFTER.match(text, after)
                    and not _DETERMINER_BEFORE.search(text, max(low, at - 12), at)):
                return Span(at, after, name)
            at -= 1
    return None


def _whole_word(text: str, start: int, end: int, limit: int) -> bool:
    """Whether ``text[start:end]`` stands as a word of its own: no word character, apostrophe or hyphen before it, no
    word character or hyphen after it before ``limit`` (a name's last word, not part of "Ryan-Smith" or "O'Ryan")."""
    before = text[start - 1] if start else " "
    after = text[end] if end < limit else " "
    return not (before.isalnum() or before in "_'’-") and not (after.isalnum() or after in "_-")
