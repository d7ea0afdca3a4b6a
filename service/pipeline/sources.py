"""Source typing: what kind of teller a source span names, by rules over the span.

A source span ("the TASS state news agency", "a senior US defence official", "Zelensky")
is read once as a noun phrase: its *core* is the part before any post-modifier
("Institute" in "Institute for the Study of War", "the head" in "the head of Kiev's
military intelligence"), its *head* is the core's last word. Recognizers then run in a
fixed order, most specific first, and the first that fires types the span; each says
in words why. Everything a recognizer matches against is a lexicon in
``resources/lexicons/source_*.txt``, so a reviewer can extend the lists without touching code.

Order matters and is deliberate: a pronoun or a stock anonymous phrase is decided by
its words alone; an account or an outlet is recognised before the generic heads
("channel", "agency") that organisations share; a head noun ("officials", "minister",
"military") outranks any names in front of it ("Kyiv officials" is anonymous, "Kiev's
defense minister" is a person); only a core with no lexicon head is read as a name.

Some spans do not name anyone by themselves but stand for an earlier source: a pronoun
("it added"), or a definite phrase with no name ("the agency", "the official",
"The Washington-based think tank"). Those carry ``refers_back``: the source types an
antecedent may have. Resolving them needs the earlier claims, which is the job of
``attribution``; the reading here is what is left when no antecedent is found.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from . import source_lexicons as lex
from .attribution.words import CUE_VERB
from .source_phrase import Phrase, SourceReading, describes_a_person, is_plural, wordnet_lemma
from .text.words import is_possessive, singular, without_possessive
from .records import Span

APPOSITION_WINDOW = 120
"""How far past a bare name to look for an apposition that says what it is."""

_ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z]{2,6}|[A-Z](?:\.[A-Z]){1,4}\.?)(?![\w.])")
# One word with a capital inside it ("ProPublica", "AllSides") is a brand, unless the inner capital follows a
# surname prefix ("McCabe", "DeSantis", "MacArthur", "O'Brien", "VanDyke").
_BRAND = re.compile(r"(?!(?:Mc|Mac|Fitz|De|Di|Da|Du|Le|La|Van|Von|Del|Des|O['’])[A-Z])[A-Z][a-z]+[A-Z][A-Za-z]*")
# Capitalised words bound by "of", "for", "on", "and" or "&" into one name ("Americans for Prosperity", "the National
# Conference of State Legislatures"): a person's name has no binder, so this is an institution's.
_NAME_WITH_BINDER = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:\s+(?:of|for|on|and|&|the)(?:\s+(?:the\s+)?[A-Z][\w.'’-]*)+)+")
# Capitalised words bound by "to" and a verb or by "without" into one name ("the Committee to Protect Journalists",
# "Reporters Without Borders"): an institution's (a person's name has no binder).
_CAPITALISED_RUN = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
_INSTITUTION_NAME = re.compile(
    rf"(?:[Tt]he\s+)?{_CAPITALISED_RUN}\s+(?:{'|'.join(lex.PHRASE_WORDS['institution_binders'])})\s+{_CAPITALISED_RUN}"
)
_BRACKETED_ACRONYM = re.compile(r"\(\s*[A-Z]{2,6}\s*\)")
_QUOTED_NAME = re.compile(r"[“\"‘'][^”\"’']{1,60}[”\"’']|@\w+")
_CLAUSE_END = re.compile(r"[,;.)]")
_PREPOSITION = re.compile(r"\s(?:to|of|for|at|in|on|with|from)\s")
_APPOSITION = re.compile(
    r",\s+(?:who\s+(?P<verb>heads|leads|runs|chairs)\b|(?:(?:the|a|an)\s+)?(?P<core>[^,()“”\"]{1,80}?)(?=\s+(?:of|for|at|in|on|from)\s|\s*[,.;)]|$))"
)


Recognizer = Callable[[Phrase], "SourceReading | None"]


def classify_source(text: str, span: Span) -> SourceReading:
    """Type the source ``span`` of ``text``; the text after it is context for appositions.

    Only the last recognizer (a bare name, typed by an apposition after it) reads the
    context; everything before it depends on the phrase alone and is cached per phrase
    text (pronouns, stock phrases and names repeat within and across articles).
    """
    reading, names = _read_phrase(span.text)
    if names:
        return _named(names, text[span.end : span.end + APPOSITION_WINDOW])
    if reading.source_type == "anonymous" and surname_like_a_noun(span.text) and not _starts_sentence(text, span.start):
        # "Hicks said": a capital in mid-sentence names someone, though WordNet knows "hicks" (docs/guidelines.md: a
        # capital at the start of a sentence is no name for that reason, "Prosecutors said")
        return SourceReading("person", True, False, f"a personal name {span.text!r}: capitalised in mid-sentence")
    return reading


_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"‘(\n—–-])[\s“\"‘']*$")


def _starts_sentence(text: str, start: int) -> bool:
    """Whether ``text`` at ``start`` opens a sentence, a quotation, a line or an aside (nothing but those marks
    and spaces stands between it and the one before)."""
    return _SENTENCE_START.search(text, max(0, start - 4), start) is not None


def surname_like_a_noun(phrase: str) -> bool:
    """One capitalised word that WordNet reads as a plural person noun and no source lexicon lists ("Hicks",
    "Banks"), unlike "Democrats" or "Critics"."""
    word = phrase.strip()
    return (
        word[:1].isupper() and word.isalpha() and lex.ANONYMOUS_HEAD.search(word) is None
        and lex.DEMONYM.fullmatch(word) is None and wordnet_lemma(word.lower()) != word.lower()
        and wordnet_lemma(word.lower()) in lex.WORDNET_PERSON
    )


@lru_cache(maxsize=8192)
def _read_phrase(text: str) -> tuple[SourceReading, tuple[str, ...]]:
    """The reading of the first context-free recognizer that fires, else the words of a
    personal name (to be read with the context), else type unknown."""
    phrase = Phrase.of(text.strip())
    for recognizer in _RECOGNIZERS:
        reading = recognizer(phrase)
        if reading is not None:
            return reading, ()
    names = _name_words(phrase)
    if (
        names and phrase.words[0].lower() == "the" and all(w[:1].isupper() for w in phrase.words[1:])
        and "." not in phrase.core and not is_plural(names[-1])
        and not any(map(is_possessive, phrase.words[1:-1])) and phrase.head not in lex.PARTY_MEMBERS
    ):
        # "the Rev. Al Sharpton" keeps a title and "the Clintons" are a family; "the New South Wales Bar Association"
        # is an institution, but "the New York Democrat" is one of its people and "the NSA's Alexander" its man
        return SourceReading("organization", True, False, f"{' '.join(names)!r} after 'the' names an institution, not a person"), ()
    if (affiliated := _affiliated_name(phrase)) is not None:
        return affiliated, ()
    binder = (phrase.modifier.split() or [""])[0]
    if binder and _NAME_WITH_BINDER.fullmatch(phrase.text) and (phrase.definite or binder in ("for", "on")):
        return SourceReading("organization", True, False, f"{phrase.text!r}: a name bound by {binder!r}, an institution's"), ()
    if _INSTITUTION_NAME.fullmatch(phrase.text):
        return SourceReading("organization", True, False, f"{phrase.text!r}: capitalised words bound into an institution's name"), ()
    if not names and (described := _described_name(phrase)) is not None:
        return described, ()
    unknown = SourceReading("unknown", False, False, f"{text!r} matches no source lexicon: type unknown", phrase.head.lower())
    return unknown, names


def _described_name(phrase: Phrase) -> SourceReading | None:
    """A proper name right after a lower-case noun that says what it is ("the veterans group Common Defense",
    "social analytics company Graphika"): the organisation or outlet of that name."""
    words = phrase.words
    run = 0
    while run < len(words) and words[-1 - run][:1].isupper():
        run += 1
    noun = words[-1 - run] if 0 < run < len(words) else ""
    if not noun.islower() or is_possessive(noun) or phrase.modifier:
        return None
    kind = _read_phrase(" ".join(words[:-run]))[0]
    if kind.source_type not in ("organization", "media") or kind.named:
        return None
    name = " ".join(words[-run:])
    return SourceReading(kind.source_type, True, False, f"{name!r} after {noun!r}: the {kind.source_type}'s name", noun)


def _pronoun(phrase: Phrase) -> SourceReading | None:
    entry = lex.PRONOUNS.get(phrase.text.lower())
    if entry is None:
        return None
    plural, _, types = entry
    return SourceReading(
        "unknown", False, False, f"pronoun {phrase.text!r} names nobody by itself", phrase.text.lower(), types, plural
    )


def left_unresolved(reading: SourceReading) -> SourceReading:
    """The reading of a back-reference no earlier source was found for: a pronoun takes the type its lexicon
    entry keeps ("they" with nobody before it are unnamed people); anything else stays as read."""
    entry = lex.PRONOUNS.get(reading.head) if reading.refers_back else None
    if entry is None or entry[1] == reading.source_type:
        return reading
    return SourceReading(
        entry[1], False, False, f"pronoun {reading.head!r} with no earlier source: {entry[1]}", reading.head, (), reading.plural
    )


def _stock_anonymous(phrase: Phrase) -> SourceReading | None:
    match = lex.ANONYMOUS_STOCK.search(phrase.text)
    if match is None:
        return None
    return SourceReading(
        "anonymous", False, False, f"stock anonymous phrase {match.group(0)!r} says nothing about who they are", "people"
    )


def _social_media(phrase: Phrase) -> SourceReading | None:
    head = lex.SOCIAL_HEAD.search(phrase.core)
    platform = lex.SOCIAL_PLATFORM.search(phrase.text)
    if head is None or (platform is None and head.group(0).lower() not in ("tweet", "tweets", "blogger", "bloggers")):
        return None
    handle = _QUOTED_NAME.search(phrase.text)
    where = f" on {platform.group(0)}" if platform else ""
    if handle:
        return SourceReading("social_media", True, False, f"a social-media {head.group(0)}{where} named {handle.group(0)}", head.group(0).lower())
    refers = ("social_media",) if phrase.definite else ()
    return SourceReading("social_media", False, False, f"an unnamed social-media {head.group(0)}{where}", head.group(0).lower(), refers)


def _media(phrase: Phrase) -> SourceReading | None:
    # The outlet lexicon spells an article that belongs to the name with a capital ("The Hill"); mid-sentence it has none.
    core = re.sub(r"^the\b", "The", phrase.core)
    name = lex.MEDIA_NAME_AT_END.search(core)
    head = lex.MEDIA_HEAD.search(phrase.core)
    if name is None and head is not None:
        name = lex.MEDIA_NAME.search(core)
    if name is not None:
        return SourceReading("media", True, False, f"outlet {name.group(0)!r} is in the media lexicon", name.group(0).lower())
    if head is None:
        return None
    if phrase.name_words():
        return SourceReading("media", True, False, f"a named {head.group(0)} (media lexicon head)", head.group(0).lower())
    refers = ("media",) if phrase.definite else ()
    return SourceReading("media", False, False, f"an unnamed {head.group(0)} (media lexicon head)", head.group(0).lower(), refers)


def _report(phrase: Phrase) -> SourceReading | None:
    """A report, study, poll, filing or record is a document (docs/guidelines.md): identified (named) when it
    is one known document ("the report", "a Gallup poll", "the Pentagon statement", "a study published in
    ..."), not when nothing picks it out ("several reports", "studies", "footage", "Intelligence reports"); an act
    noun with "of" after it is no document ("the release of political prisoners")."""
    head = lex.REPORT_HEAD.search(phrase.core)
    if head is None and (cut := lex.REPORT_BEFORE_TRAILER.search(phrase.core)) is not None:
        phrase = Phrase.of(f"{phrase.core[: cut.end()].rstrip()} {phrase.modifier}".strip())
        head = lex.REPORT_HEAD.search(phrase.core)
    if head is None or (head.group(0).lower() in lex.ACT_WITH_OF and phrase.modifier.startswith("of ")):
        return None  # "the release of political prisoners": an act, no document
    return _document(phrase, head.group(0).lower())


def _document(phrase: Phrase, noun: str) -> SourceReading:
    """A document with head ``noun``, identified or not (``_report``)."""
    names = tuple(w for w in phrase.name_words() if w != phrase.head)
    plural = is_plural(noun)
    if phrase.words and phrase.words[0].lower() in lex.UNIDENTIFYING:
        identified = bool(names[1:])
    else:
        identified = (
            len(names) >= (2 if plural and not phrase.definite else 1)
            or bool(phrase.modifier or phrase.definite or phrase.words[0].lower() in lex.POSSESSIVE_DETERMINERS)
            or (phrase.indefinite and not plural)
        )
    refers = ("document",) if phrase.definite and not names else ()
    which = "an identified" if identified else "an unidentified"
    return SourceReading("document", identified, False, f"{which} document: {phrase.text!r} (head {noun!r})", noun, refers)


# Where coordinated sources part: a comma or a dash (either followed by "and"), or "and" itself.
_CONJUNCT_SEPARATOR = re.compile(r"\s*[,–—]\s*(?:and\s+)?|\s+and\s+")


def _coordination(phrase: Phrase) -> SourceReading | None:
    """Sources coordinated with "and" that are all people: a named person among them makes the source a named
    person ("Arndt and Schmidt", "Stein and her supporters"); unnamed people alone are anonymous ("Martin's parents
    and Zimmerman's parents"). Anything else coordinated ("Peru and Chile", a name with "and" inside it) is left to
    the recognizers after this one."""
    if " and " not in phrase.text:
        return None
    conjuncts = [
        " ".join(w for w in part.split() if w.lower() not in lex.CONJUNCT_FILLERS)
        for part in _CONJUNCT_SEPARATOR.split(phrase.text)
    ]
    readings = [_read_phrase(part) for part in conjuncts if part]
    if len(readings) < 2:
        return None
    named = [" ".join(names) for reading, names in readings if names or (reading.source_type == "person" and reading.named)]
    if any(not names and reading.source_type not in ("person", "anonymous") for reading, names in readings):
        return None
    if named:
        return SourceReading("person", True, False, f"coordinated people, named: {', '.join(named)!r}", plural=True)
    return SourceReading("anonymous", False, True, f"coordinated unnamed people: {phrase.text!r}", readings[-1][0].head, (), True)


def _partitive(phrase: Phrase) -> SourceReading | None:
    """Part of a group of people ("some of the women", "one of the people", "a majority of Americans"): unnamed
    people, described by the group."""
    quantifier = lex.PARTITIVE.match(phrase.text)
    if quantifier is None:
        return None
    group, names = _read_phrase(phrase.text[quantifier.end():])
    if group.source_type not in ("person", "anonymous", "unknown") or (group.source_type == "unknown" and not is_plural(group.head)):
        return None
    return SourceReading("anonymous", False, True, f"{quantifier.group(0).strip()!r} a group of people: unnamed", group.head, (), True)


def _party_member(phrase: Phrase) -> SourceReading | None:
    """A party's member as a noun, plural or counted ("House Republicans", "a senior Republican", "one Democrat
    familiar with the talks"): unnamed people, though the word is capitalised ("the New York Democrat" is one person,
    left to the name readings)."""
    member = without_possessive(phrase.head)
    one = singular(member)
    if one not in lex.PARTY_MEMBERS:
        return None
    plural = one != member
    if not (plural or phrase.indefinite or phrase.words[0].lower() in lex.UNIDENTIFYING):
        return None
    details = phrase.qualifiers() + ((phrase.modifier,) if phrase.modifier else ())
    return SourceReading(
        "anonymous", False, bool(details), f"{member!r} names a party's people, not a person", member.lower(), (), plural
    )


def _anonymous(phrase: Phrase) -> SourceReading | None:
    head = lex.ANONYMOUS_HEAD.search(phrase.core)
    if head is None or (phrase.head[:1].isupper() and len(phrase.words) > 1 and len(phrase.name_words()) > 1):
        # "The Defense Intelligence of Ukraine": a capitalised head inside a name.
        return None
    noun = head.group(0).lower()
    details = phrase.qualifiers() + ((phrase.modifier,) if phrase.modifier else ())
    refers = ("anonymous",) if phrase.definite else ()
    plural = is_plural(noun) or lex.COLLECTIVE_HEAD.search(noun) is not None
    if details:
        return SourceReading(
            "anonymous", False, True, f"anonymous {noun!r} described by {' '.join(details)!r}", noun, refers, plural
        )
    return SourceReading("anonymous", False, False, f"bare anonymous {noun!r}", noun, refers, plural)


def _role(phrase: Phrase) -> SourceReading | None:
    """A title with no name after it: a person by office, or an anonymous one."""
    head = lex.ROLE_HEAD.search(phrase.core)
    if head is None:
        return None
    role = head.group(0)
    plural = is_plural(role.lower())
    if plural or phrase.indefinite:
        return SourceReading("anonymous", False, True, f"unnamed {role!r}: a role, not a name", role.lower(), (), plural)
    office = phrase.modifier or " ".join(phrase.name_words())
    if office:
        return SourceReading("person", True, False, f"a person identified by office: {role!r} {office!r}", role.lower())
    return SourceReading("person", False, False, f"{role!r} with no name or office", role.lower(), ("person",))


def _organization_head(phrase: Phrase) -> SourceReading | None:
    head = lex.ORGANIZATION_HEAD.search(phrase.core)
    if head is None:
        return None
    names = phrase.name_words() if phrase.words[0] != phrase.head else ()  # "Police said": a capital by position
    if names:
        return SourceReading(
            "organization", True, False,
            f"head {head.group(0)!r} is in the organisation lexicon; named by {' '.join(names)!r}", head.group(0).lower(),
        )
    refers = ("organization",) if phrase.definite else ()
    return SourceReading("organization", False, False, f"an unnamed {head.group(0)} (organisation lexicon head)", head.group(0).lower(), refers)


def _organization_name(phrase: Phrase) -> SourceReading | None:
    core = " ".join(w for w in phrase.words if w.lower() != "the")
    name = without_possessive(core).rstrip(".")
    if (match := lex.ORGANIZATION_NAME_AT_END.search(phrase.core)) is not None:
        why = f"{match.group(0)!r} is in the organisation lexicon"
    elif name in lex.ORGANIZATION_GAZETTEER or name + "." in lex.ORGANIZATION_GAZETTEER:
        why = f"{name!r} names an organisation (gazetteer)"
    elif lex.SOCIAL_PLATFORM.fullmatch(name):
        why = f"{name!r} is a platform's name: the company"
    elif _BRAND.fullmatch(name):
        why = f"{name!r}, one word with a capital inside, is a brand: an organisation"
    elif all(lex.PLACE.fullmatch(place) for place in lex.LIST_SEPARATOR.split(core)):
        why = f"{core!r}: countries or capitals acting as governments"
    elif (match := _BRACKETED_ACRONYM.search(phrase.text) or _ACRONYM.fullmatch(core)) is not None:
        why = f"acronym {match.group(0)!r} not in the media lexicon: an organisation"
    else:
        return None
    return SourceReading("organization", True, False, why)


def _wordnet_head(phrase: Phrase) -> SourceReading | None:
    """A lower-case head the hand lexicons lack, typed by WordNet's first sense: a person noun ("sheriff",
    "prosecutors") as a role (plural or indefinite: anonymous and described), a communication ("the memo", "his
    disclosure") as a document, a group noun as an institution."""
    head = phrase.head.strip(".,;:").lower()
    lemma = wordnet_lemma(head)
    plural = lemma != head
    # A capitalised head is a name ("Baker", "Judge Roe"), unless it is a lone plural: the capital of
    # "Prosecutors said" only starts the sentence.
    if not head.isalpha() or not (phrase.head[:1].islower() or (plural and len(phrase.words) == 1)):
        return None
    if phrase.head[:1].isupper() and _NAME_WITH_BINDER.fullmatch(phrase.text):
        return None  # "Parents for Safer Streets": a name, not the start of a sentence
    if lemma in lex.WORDNET_PERSON:
        if plural or not (phrase.definite or phrase.words[0].lower() in lex.POSSESSIVE_DETERMINERS):
            return SourceReading("anonymous", False, True, f"unnamed {head!r}: a person noun (WordNet), not a name", head, (), plural)
        return SourceReading("person", False, False, f"{head!r}: one person by role (WordNet person noun)", head, ("person",))
    if lemma in lex.WORDNET_COMMUNICATION:
        return _document(phrase, head)
    if lemma in lex.WORDNET_GROUP:
        refers = ("organization",) if phrase.definite else ()
        return SourceReading("organization", False, False, f"an unnamed {head} (WordNet group noun)", head, refers, True)
    return None


def _affiliated_name(phrase: Phrase) -> SourceReading | None:
    """A person's name with the institution they belong to after it ("Smith of the University of Leeds", "Jane Roe
    from the Heritage Foundation"): a named person."""
    preposition, _, institution = phrase.modifier.partition(" ")
    if preposition not in ("of", "from", "at") or phrase.definite or not _name_words(Phrase.of(phrase.core)):
        return None
    # "Bank of America", "Church of England": a place after "of" makes the whole an institution's name.
    if lex.PLACE.fullmatch(institution) or _read_phrase(institution)[0].source_type not in ("organization", "media"):
        return None
    return SourceReading("person", True, False, f"a personal name {phrase.core!r} {preposition} {institution!r}")


def _masthead(phrase: Phrase) -> SourceReading | None:
    """A capitalised name ending in a newspaper's or site's title word is an outlet ("the Delaware Morning News",
    "the Review", "Australia's 9News", "Mediaite.com"), when it cannot be a person's name: after "the", glued to the
    word before it, or three words long ("Emily Post" stays a person)."""
    masthead = lex.MASTHEAD_AT_END.search(phrase.core)
    words = [w for w in phrase.words if w.lower() != "the"]
    if masthead is None or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None
    glued = masthead.start() == 0 or not phrase.core[masthead.start() - 1].isspace()
    if not (phrase.definite or glued or len(words) >= 3):
        return None
    return SourceReading("media", True, False, f"{' '.join(words)!r} ends in the masthead word {masthead.group(0)!r}")


def _name_words(phrase: Phrase) -> tuple[str, ...]:
    """Capitalised words, possibly after titles and nationality: the words of a personal
    name, or () when some word cannot be part of one."""
    names = []
    for i, word in enumerate(phrase.words):
        bare = without_possessive(word.strip(".,"))
        if lex.ROLE_WORD.fullmatch(bare.rstrip(".")) or lex.TITLE_MODIFIER.fullmatch(bare) or lex.DEMONYM.fullmatch(bare):
            continue
        if lex.ORGANIZATION_NAME.fullmatch(bare) or lex.PLACE.fullmatch(bare) or lex.ORGANIZATION_WORD.fullmatch(bare):
            continue
        if bare.lower() == "the" or (bare in lex.NAME_PARTICLES and (names or i + 1 < len(phrase.words))):
            continue
        if not (names or phrase.definite or phrase.indefinite) and describes_a_person(bare) and not is_plural(bare):
            continue  # "resident Maria Gianni", "chief inspector Jane Roe": what the person is, then the name
        if not (bare[:1].isupper() or (names and lex.joined_particle(bare))) or phrase.modifier or bare.lower() in lex.UNIDENTIFYING:
            return ()
        names.append(bare)
    return tuple(names)


def _named(names: tuple[str, ...], context: str) -> SourceReading:
    """A personal name, unless an apposition right after the span (``context``) says the
    name is an outlet or an organisation. A cue after the comma opens no apposition ("Harsh Vardhan, told Al
    Jazeera": the one told; "Maria Gianni, according to the AP": the one relayed)."""
    apposition = _APPOSITION.match(context)
    core = apposition.group("core") if apposition is not None else None
    if core in lex.CREDENTIALS:
        return SourceReading("person", True, False, f"a personal name {' '.join(names)!r} with the credential {core!r}")
    relayed = core is not None and core.lower().startswith(lex.RELAYING_AFTER_NAME)
    if core and not relayed and CUE_VERB.match(core) is None and not _apposition_says_what_a_person_does(core, _clause_after(context)):
        described = classify_source(core, Span(0, len(core), core))
        if described.source_type in ("media", "organization"):
            return SourceReading(
                described.source_type, True, False, f"name {' '.join(names)!r}; the apposition {core!r} says what it is"
            )
    return SourceReading("person", True, False, f"a personal name {' '.join(names)!r}")


def _clause_after(context: str) -> str:
    """The clause after a name: its ``context`` up to the next mark that ends one."""
    return _CLAUSE_END.split(context[1:], maxsplit=1)[0]


def _apposition_says_what_a_person_does(apposition: str, clause: str) -> bool:
    """Whether an apposition after a name says what a person does rather than what the name is: it opens with a
    relative "who" or a preposition ("who was attending the party's meeting", "with the Heritage Foundation"), or
    holds a role or person noun before any preposition ("the party's delegate to the national committee", "adviser
    to the campaign") or at the end of its ``clause`` ("a University of Texas professor")."""
    words = apposition.split()
    if words[0].lower() in lex.PERSON_APPOSITION_OPENERS:
        return True
    before_preposition = _PREPOSITION.split(apposition)[0].split()
    return any(describes_a_person(without_possessive(word)) for word in (*before_preposition, *clause.split()[-1:]))


_RECOGNIZERS: tuple[Recognizer, ...] = (
    _pronoun,
    _stock_anonymous,
    _social_media,
    _media,
    _masthead,
    _report,
    _partitive,
    _coordination,
    _party_member,
    _anonymous,
    _role,
    _organization_head,
    _organization_name,
    _wordnet_head,
)
"""The recognizers that read the phrase alone; a bare name (``_name_words``, ``_named``) comes last."""
