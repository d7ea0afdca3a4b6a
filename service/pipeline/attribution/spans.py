"""Noun-phrase spans: the source before or after a cue, and a model span made tight.

A "source" is a noun phrase: never a clause (too long, a cue verb or copula in it), never
a coordination's first half; trimmed of junk, adjuncts, auxiliaries and adverbs.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import read_entries, read_toml
from ..records import SourceFound, Span
from ..source_lexicons import (
    DETERMINERS, MEDIA_NAME, NAME_PARTICLES, ORGANIZATION_HEAD, ORGANIZATION_NAME, PARTY_MEMBERS, PLACE,
    POSSESSIVE_DETERMINERS, PRONOUNS, REPORT_HEAD, WORDNET_GROUP, WORDNET_NOUNS, joined_particle,
)
from ..source_phrase import describes_a_person, is_title_word, only_modifies_a_title
from ..sources import classify_source
from .words import ADJUNCT, ADJUNCT_START, AUX, CLAUSE_WORDS, COPULAS, CUE_VERB, LY_ADVERB, RIGHT_NP, inverted_opening, is_ly_adverb

LEFT_WINDOW = 300
"""How far before a cue to look for its source (covers a long apposition)."""
MAX_SOURCE_WORDS = 12
"""A longer "source" is a clause, not a noun phrase: refuse it."""
# A clause piece: text between punctuation that cannot sit inside a source noun phrase.
_PIECE_MARKS = ",;:“”\"—"
# A comma between digit groups ("14,300 people") is part of a number, not a mark.
_DIGIT_COMMA = r"(?<=\d),(?=\d{3}(?!\d))"
PIECE = re.compile(rf"(?:[^{_PIECE_MARKS}]++|{_DIGIT_COMMA})+")
"""A run of words between marks (possessive: ``re`` takes a run of plain characters in one step, not one character
per turn of the group; the two branches open with different characters, so nothing is given back)."""
_LAST_PIECE_MARK = re.compile(rf"(?s:.*)(?!{_DIGIT_COMMA})[{_PIECE_MARKS}]")
"""Up to the last mark that ends a piece: the greedy run goes to the end at once and gives back one character at a
time, so only the last piece is read, not every piece from the start."""
_PHRASE_WORDS: dict[str, list[str]] = read_toml("phrase_words.toml")
# A closed pair of double marks inside a noun phrase ("the “Victoria” account"): its closing mark is no junk.
_QUOTED_PAIR = re.compile(r"[“\"][^“”\"]*[”\"]")
# A subordinating word: the source starts after the last one in a piece ("as he explained").
# Searched forwards and the last hit kept: a greedy ".*" prefix would backtrack over the piece.
_SUBORDINATOR = re.compile(
    rf"\b(?:{'|'.join(CLAUSE_WORDS['subordinators'] + _PHRASE_WORDS['embedded_clause_openers'])})\s+", re.IGNORECASE
)
_ONLY_AUX = re.compile(rf"\s*(?:{AUX})\s*", re.IGNORECASE)
"""A phrase of an auxiliary alone, which ``_TRAILING_AUX`` (a word before it) leaves."""
_TRAILING_AUX = re.compile(rf"(?:\s+(?:{AUX}|{ADJUNCT}|(?-i:{LY_ADVERB}))(?![\w'’-]))+\s*$", re.IGNORECASE)
# A pronoun's clitic is the verb, not the source: "She’ll present", "He’s claiming".
_PRONOUN_CLITIC = re.compile(r"(?<![\w'’-])(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I|[Yy]ou)(?P<clitic>['’](?:ll|s|d|ve|re|m))$")
# A phrase that ends in a conjunction is the first half of a coordination ("Scott beamed
# and asked"), not a source.
_ENDS_IN_CONJUNCTION = re.compile(rf"(?:^|\s)(?:{'|'.join(CLAUSE_WORDS['conjunctions'])})$", re.IGNORECASE)
_HAS_WORD = re.compile(r"\w")
_POLL_PUBLISHED = re.compile(
    rf"(?<![\w-])(?:{'|'.join(_PHRASE_WORDS['poll_nouns'])})(?P<when>\s+(?:{'|'.join(_PHRASE_WORDS['poll_publication'])}))(?![\w'’-])",
    re.IGNORECASE,
)
"""A poll and when it came out before a cue ("A University of New Hampshire poll out this week shows"): the source ends
with the poll's noun (docs/guidelines.md: the tight phrase), not with the day or a particle."""
# A plural after up to three lower-case modifiers: with a report noun as its head ("reports", "Recent reports",
# "local media reports") a noun phrase without a determiner.
_PLURAL_AFTER_MODIFIERS = re.compile(r"(?:[A-Z]?[a-z-]+\s+){0,3}[a-z]+s")
# A phrase that opens with a determiner or quantifier is a noun phrase: its last word is a noun even when it is
# also a cue verb ("the report", "several reports", "a new study").
_DETERMINED = re.compile(rf"(?:{'|'.join(_PHRASE_WORDS['determiners'])})\s", re.IGNORECASE)
# A "source" made only of auxiliaries, sentence adverbs or an "-ly" adverb names nobody
# ("have pointed out", "Meanwhile ... saying", "Deeply divided").
_NO_TELLER = re.compile(
    rf"(?:(?:{'|'.join(CLAUSE_WORDS['no_teller'])}|(?-i:{LY_ADVERB}))\s*)+",
    re.IGNORECASE,
)
# A lower-case word after a possessive owner: the head, or a modifier, of the phrase it owns, up to a word that
# ends it (``_ENDS_THE_OWNED``) or a cue verb.
_OWNED_WORD = re.compile(r"\s+(?P<word>[a-z][\w-]*)(?![\w'’-])")
_ENDS_THE_OWNED = re.compile(
    rf"{AUX}|{'|'.join(COPULAS + CLAUSE_WORDS['modals'] + CLAUSE_WORDS['no_teller'])}"
    rf"|{'|'.join(_PHRASE_WORDS['adjunct_prepositions'])}"
)
_VERB_LIKE = re.compile(rf"{LY_ADVERB}|\w+ed")
CONTRACTED = frozenset(read_toml("no_content.toml")["contracted"])
"""Words whose "'s" is a contracted verb ("he's", "let's"), not a possessive."""
_ADJUNCT_OPENING = re.compile(rf"(?-i:{'|'.join(_PHRASE_WORDS['adjunct_prepositions'])})\s")
# A short adjunct before a determined noun phrase or a pronoun, "in January the state Supreme Court", "On Sunday
# he": cut from the span, its preposition in either case (the sentence may open with it).
_PRONOUN_AT_END = "|".join(word if word != "i" else "I" for word in PRONOUNS)
_LEADING_ADJUNCT = re.compile(
    rf"(?-i:{'|'.join(f'[{word[0]}{word[0].upper()}]{word[1:]}' for word in _PHRASE_WORDS['adjunct_prepositions'])})\s"
    rf"(?:[A-Z0-9][\w.:]*\s+){{1,3}}(?=(?:the|a|an)\s|(?:{_PRONOUN_AT_END})\s*$)"
)
_APPOSITIVE_START = re.compile(r"\s*(?:the|a|an|who|which|whose|former|[a-z])", re.DOTALL)
# Words that make a would-be source a clause: copulas and modals.
_CLAUSE_WORD = re.compile(rf"\b(?:{'|'.join(COPULAS + CLAUSE_WORDS['modals'])})\b", re.IGNORECASE)
# "Ukrainian, South Korean and Western intelligence agencies": names listed before a source.
_LISTED_BEFORE = re.compile(r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?,\s+)+$")
_NAME_APPOSITION = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}),\s+(?:the|a|an|who|which|whose|former|[a-z])")
# An account named in quotation marks, ending where a cue or a source span ends:
# "the pro-Ukrainian X account “Victoria”", "a Telegram channel 'Rybar'". Bounded words,
# no overlap between the parts: linear.
_ACCOUNT_HEADS = "|".join(read_entries("source_account_heads.txt"))
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
# The digit groups before a span that opens with a number's last group ("300 people" of "14,300 people").
_NUMBER_HEAD = re.compile(rf"(?<![\d,])\d{{1,3}}(?:,\d{{3}})*{_DIGIT_COMMA}")
# Leading junk includes a quotation closed with two apostrophes ("...,'' he said").
# A politician's party and state after the name, "(D-Conn.)", "(R., Wis.)", "(I-Vt.)", or the party alone, "(R)":
# part of no source span.
_PARTY_TAG = r"\s*\((?:[DRI]|Dem|Rep|Ind)\.?(?:(?:\s*[-–,]\s*|\s+)[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)?\)"
_PARTY_TAG_AT_END = re.compile(_PARTY_TAG + r"\s*$")
# ... cut short by the span's end ("Rep. Brad Sherman (D-Calif", "Gov. Chris Christie (R"), and a bracket that
# opens a span and never closes ("(Lorenz").
_OPEN_PARTY_TAG_AT_END = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)\.?(?:(?:\s*[-–,]\s*|\s+)[A-Z][A-Za-z.]*)?$")
_UNPAIRED_OPENING_BRACKET = re.compile(r"\((?=[^()]*$)")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*$")
_LEADING_JUNK = re.compile(r"(?:[\s,;:—-]|'')+")
# A wire dateline before the sentence's subject, "SEOUL (Reuters) - ", "Tempe, Arizona (CNN) ": no part of a source
# (its outlet is checked against the media lexicon).
_DATELINE = re.compile(r"(?:[A-Z][\w.'’/-]*,?\s+){1,4}\((?P<outlet>[A-Z][\w.& ]{1,20})\)\s*(?:[-—–]+\s*)?(?=[A-Z])")
# A personal name apart from its apposition, between commas before a cue ("Littlefield's mother, Judy Littlefield,
# said"; "Jackie Perry, 59, a Republican from Carrollton, said"): how many comma-bounded pieces back it may stand.
APPOSITION_PIECES = 4
_PARTY_SHORT = re.compile(r"^[DRI]-[A-Z]")
ADJUNCT_WORDS = frozenset(_PHRASE_WORDS["adjunct_prepositions"])
OPENING_WORDS = frozenset(CLAUSE_WORDS["conjunctions"]) | frozenset(CLAUSE_WORDS["no_teller"]) - {"the", "a", "an", "this", "that", "these", "those"}
_NO_NAME_OPENING = ADJUNCT_WORDS | OPENING_WORDS
# Trailing junk includes an opening bracket: a model span may stop inside a party tag ("Sen. Bernie Sanders (").
_TRAILING_JUNK = re.compile(r"[\s,;:.—(-]+$")
_CLAUSE_AFTER_CUE = re.compile(
    rf"(?:{'|'.join(_PHRASE_WORDS['clause_openers_after_cue'])})\s"
    rf"|(?:{'|'.join([*PRONOUNS, *_PHRASE_WORDS['object_pronouns']])})\s+(?!(?:and|or)\s)\w"
    r"|.*?(?:\w[’']s\s+\w+ing\b|n[’']t\b)",
    re.IGNORECASE,
)
"""What makes the words after a cue a clause, the cue's content, rather than its teller (``after_cue_phrase``)."""
_CONTRACTED_AT_END = re.compile(rf"(?<![\w'’])(?:{_PRONOUN_AT_END})(?P<verb>['’](?:s|ve|d|ll))$", re.IGNORECASE)
"""A pronoun and the verb contracted onto it ("He's suggesting", "They've declared"): the verb is no part of it
("'re" and "'m" stay: the passive "We're told" is read from them, no_content.toml "contracted_be")."""


def source_before(text: str, claim_start: int, cue_start: int) -> tuple[Span | None, SourceFound]:
    """The noun phrase that ends just before a cue, and where it was found.

    The last clause piece before the cue, after its last subordinator ("as he") and
    without trailing auxiliaries ("had", "also"). When nothing is left and an apposition
    stands between commas ("Andriy Kovalenko, the head of ..., said"), the phrase before
    the apposition. "inside_clause" marks a phrase that does not start a clause (the
    rules do not trust it alone).
    """
    low = max(claim_start, cue_start - LEFT_WINDOW)
    if (account := quoted_account_before(text, claim_start, cue_start)) is not None:
        return account, "quoted_account"
    if (tag := _party_tag_at_end(text, low, cue_start)) is not None:
        cue_start = tag.start()  # "House Speaker Paul Ryan (R., Wis.) said": the name before the tag
    piece_start = last_piece_start(text, low, cue_start)
    if piece_start is None:
        return None, "nowhere"
    if (name := _name_before_unclosed_apposition(text, low, piece_start, cue_start)) is not None:
        return name, "before_apposition"
    span = _noun_phrase_end(text, piece_start, cue_start)
    if span is not None and " and " in span.text and len(pieces := list(PIECE.finditer(text, low, cue_start))) >= 2:
        listed = _LISTED_BEFORE.search(text, max(claim_start, span.start - 80), span.start)
        if listed is not None:
            span = Span(listed.start(), span.end, text[listed.start() : span.end])
            piece_start = next((match.start() for match in reversed(pieces) if match.start() < listed.start()), piece_start)
    if span is not None:
        clause_start = piece_start == claim_start or text[piece_start - 1] in ",;:”\"—"
        starts_piece = not text[piece_start : span.start].strip()
        return span, "before_cue" if clause_start or not starts_piece else "inside_clause"
    pieces = list(PIECE.finditer(text, low, cue_start))
    if (name := _name_between_commas(text, pieces)) is not None:
        return name, "before_apposition"
    if len(pieces) >= 3 and text[pieces[-1].start() - 1] == "," and text[pieces[-2].start() - 1] == ",":
        if _APPOSITIVE_START.match(text, pieces[-2].start(), pieces[-2].end()):
            span = _noun_phrase_end(text, pieces[-3].start(), pieces[-3].end())
            if span is not None:
                return span, "before_apposition"
    return None, "nowhere"


_DESCRIPTION_OPENING = re.compile(r"\s*(?:the|a|an)\s+[a-z]")
"""A description of what someone is, opening a clause piece ("a spokesman for ...", "the chairman of ...")."""


def _name_before_unclosed_apposition(text: str, low: int, piece_start: int, cue_start: int) -> Span | None:
    """The personal name before a description whose closing comma the writer left out, the cue right after it:
    "“...,” Doug Andres, a spokesman for House Speaker Paul Ryan told the Post" -> "Doug Andres" (docs/guidelines.md:
    the name is the source, not its apposition); only a name that opens its clause (the claim's start or after a
    quotation mark), so that "In Ohio, the mayor said" keeps "the mayor"; and only a description whose last word
    before the cue can end a noun phrase ("Paul's newly announced team said": "announced" modifies "team")."""
    if piece_start <= low or text[piece_start - 1] != "," or not _DESCRIPTION_OPENING.match(text, piece_start, cue_start):
        return None
    last = text[piece_start:cue_start].split()[-1]
    if is_ly_adverb(last) or last.endswith(("'s", "’s")) or last.lower() in DETERMINERS:
        return None
    name_start = last_piece_start(text, low, piece_start - 1)
    if name_start is None or (name_start > low and text[name_start - 1] not in "”\""):
        return None
    name = trim(text, name_start, piece_start - 1)
    return name if name is not None and is_personal_name(text, name) else None


def _name_between_commas(text: str, pieces: list[re.Match[str]]) -> Span | None:
    """The personal name nearest the cue among the pieces between commas right before it, when the cue follows a
    comma: "the senator's lawyer, Jane Roe, said" -> "Jane Roe" (docs/guidelines.md); "Jane Roe, 59, a
    Republican from Ohio, said" -> "Jane Roe"; a surname alone before a party tag or an age ("Lowey, D-N.Y., said",
    "Butz, 49, told") or after what the person is ("her mother, Fiona, said")."""
    if len(pieces) < 3 or text[pieces[-1].start() - 1] != "," or pieces[-1].group().strip():
        return None
    tagged = False
    for index in range(len(pieces) - 2, max(-1, len(pieces) - 2 - APPOSITION_PIECES), -1):
        piece = pieces[index]
        words = list(WORD.finditer(text, piece.start(), piece.end()))
        while words and words[0].group().lower() in OPENING_WORDS:  # "But Tom Brandt, who ..., said"
            words.pop(0)
        span = trim(text, words[0].start(), piece.end()) if words else None
        after_comma = text[piece.start() - 1 : piece.start()] == ","
        if span is not None and is_personal_name(text, span, surname=tagged or (
                after_comma and index > 0 and len(span.text.split()) == 1
                and names_one_unnamed_person(text, trim(text, *pieces[index - 1].span())))):
            return span  # the piece before is read only for a one-word name, the one case ``surname`` decides
        tagged = span is not None and (_PARTY_SHORT.match(span.text) is not None or _AGE.fullmatch(span.text) is not None)
        if not after_comma:
            return None
    return None


_AGE = re.compile(r"\d{1,3}")
"""A piece between commas that is a number alone, after a name: the person's age ("Butz, 49, told")."""


def names_one_unnamed_person(text: str, span: Span | None) -> bool:
    """Whether a phrase says what one unnamed person is ("her mother", "the campaign chief"), so that a capitalised
    word set off by commas after it is that person's name."""
    if span is None or not span.text.split()[-1].islower():
        return False
    reading = classify_source(text, span)
    return reading.source_type in ("person", "anonymous") and not reading.named and not reading.plural


def is_personal_name(text: str, span: Span, *, surname: bool = False) -> bool:
    """Whether a phrase is a person's name of two words or more (with a title before it, "Sen. John McCain"), or
    of one with ``surname`` (a party tag after it), not a role in capitals ("Hope City Associate Director",
    "Arizona Republican"), a party tag ("R-Ariz."), a phrase ("In Grand Rapids") or an institution or a place
    (``institution_or_place``: "Yale Law School"), which coreference also reads alone."""
    words = span.text.split()
    if len(words) < (1 if surname else 2) or _PARTY_SHORT.match(words[0]) or is_title_word(words[-1], last=True) or words[0].lower() in _NO_NAME_OPENING:
        return False
    if not all(word[:1].isupper() or word in NAME_PARTICLES for word in words) or words[-1][-2:] in ("'s", "’s"):
        return False  # "director of the Texas Politics Project", "Trayvon Martin's"
    reading = classify_source(text, span)
    return reading.source_type == "person" and reading.named and not institution_or_place(span.text)


@lru_cache(maxsize=8192)
def institution_or_place(name: str) -> bool:
    """Whether capitalised words name an institution or a place, never a person (nor what "he" or "she" stands for): an
    organisation's head noun last ("Yale Law School"), a WordNet group noun after a common noun ("Nashua Community
    College", though "Frank Church" is a man), or a listed place or organisation. Cached: an article names its
    people again and again, and each name costs three lexicon searches."""
    words = name.lower().split()
    return (
        ORGANIZATION_HEAD.search(name) is not None
        or (len(words) > 1 and words[-1] in WORDNET_GROUP and words[-2] in WORDNET_NOUNS)
        or PLACE.fullmatch(name) is not None or ORGANIZATION_NAME.fullmatch(name) is not None
    )


def last_piece_start(text: str, start: int, end: int) -> int | None:
    """Where the last ``PIECE`` of ``text[start:end]`` starts when it runs to ``end``, else None: found from
    the last mark that ends a piece, without making a match for every piece before it (claims are read one
    after another, most with a short last piece)."""
    if end <= start or text[end - 1] in _PIECE_MARKS:
        return None
    mark = _LAST_PIECE_MARK.match(text, start, end)
    return start if mark is None else mark.end()


def _party_tag_at_end(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_PARTY_TAG_AT_END.search(text, start, end)``, run only when ")" is the last character of
    ``text[start:end]`` before white space: elsewhere the tag cannot end, and the search, which opens with
    white space, is tried at every character of the window (up to ``LEFT_WINDOW``)."""
    last = end - 1
    while last >= start and text[last].isspace():
        last -= 1
    if last < start or text[last] != ")":
        return None
    return _PARTY_TAG_AT_END.search(text, start, end)


def quoted_account_before(text: str, claim_start: int, cue_start: int) -> Span | None:
    """A quoted account name that ends just before a cue ("the X account “Victoria” posted").

    The search runs only where a closing quotation mark stands right before the cue: the
    windowed search is costly, and without that mark it cannot match.
    """
    if not _ends_with_closing_quote(text, claim_start, cue_start):
        return None
    account = _quoted_account(text, max(claim_start, cue_start - LEFT_WINDOW), cue_start)
    return None if account is None else trim(text, account.start(), account.end())


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
    if (published := _POLL_PUBLISHED.search(text, start, end)) is not None:
        end = published.start("when")
    aux = _TRAILING_AUX.search(text, start, end)
    if aux is not None:
        end = aux.start()
    if _ONLY_AUX.fullmatch(text, start, end):
        return None  # an imperative's "Don’t think that": no teller before the cue
    span = plausible(trim(text, start, end), bare_reports=True)
    return None if span is None else (span.start - len(before), span.text)


def source_after(text: str, start: int, claim_end: int) -> Span | None:
    """The noun phrase right after a cue ("according to X", "citing X", "said X"),
    with a quoted name that follows it ("the X account “Victoria”"), minus adjuncts."""
    match = RIGHT_NP.match(text, start, claim_end)
    if match is None:
        return None
    end = match.end("np")
    adjunct = ADJUNCT_START.search(text, match.start("np"), end)
    if adjunct is not None:
        end = adjunct.start()
    elif match.group("name"):
        end = match.end("name")
    return after_cue_phrase(plausible(trim(text, match.start("np"), end), bare_reports=True))


def after_cue_phrase(span: Span | None) -> Span | None:
    """A phrase after a cue as its teller, or None when the words open a clause: a complementiser or preposition
    ("found that more than ...", "said of a revised bill"), an object pronoun ("tells him to ..."), a subject pronoun
    with words after it ("say they don’t know"), or a verb contracted onto a noun ("the economy’s getting worse")."""
    if span is None or _CLAUSE_AFTER_CUE.match(span.text) is not None:
        return None
    return span


def trim(text: str, start: int, end: int) -> Span | None:
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
    """How many characters ``trim`` drops at the start of ``piece``, and what it keeps (a wire dateline, a short
    adjunct before a determined phrase, the verb of an inverted reporting clause before a name, a party tag after a
    name, whole or cut short, and a bracket opening the piece that never closes go too).

    Nothing here looks outside the piece, so the answer is cached per piece text.
    """
    start, end = 0, len(piece)
    if (junk := _LEADING_JUNK.match(piece, start, end)) is not None:
        start = junk.end()
    if (dateline := _DATELINE.match(piece, start, end)) is not None and MEDIA_NAME.fullmatch(dateline.group("outlet")):
        start = dateline.end()
    if (adjunct := _LEADING_ADJUNCT.match(piece, start, end)) is not None:
        start = adjunct.end()
    if (verb := inverted_opening(piece, start, end)) is not None:
        start = verb.end()  # "Continued Stone": the speaker, not the verb before it
    if (junk := _TRAILING_JUNK.search(piece, start, end)) is not None:
        end = junk.start()
    if (contracted := _CONTRACTED_AT_END.search(piece, start, end)) is not None:
        end = contracted.start("verb")
    if (tag := _party_tag_at_end(piece, start, end)) is not None and tag.start() > start:
        end = tag.start()
    elif (tag := _OPEN_PARTY_TAG_AT_END.search(piece, start, end)) is not None and tag.start() > start:
        end = tag.start()
    if _UNPAIRED_OPENING_BRACKET.match(piece, start, end) is not None:
        start += 1
    if piece[end - 1 : end] in ("”", '"') and not _QUOTED_PAIR.search(piece, start, end):
        end -= 1
    return (start, piece[start:end]) if start < end else None


def plausible(span: Span | None, *, bare_reports: bool = False) -> Span | None:
    """Refuse a "source" that is a clause (too long, or with a cue verb or copula in it) or an adjunct.

    ``bare_reports``: a whole phrase the rules found before or after a cue may be reports with no determiner
    ("reports say"); a model's span may not, as it is often the last word of a longer phrase ("an analysis of
    campaign-finance reports")."""
    if span is None or not _phrase_like(span.text, bare_reports):
        return None
    return span


@lru_cache(maxsize=8192)
def _phrase_like(words: str, bare_reports: bool) -> bool:
    """Whether ``words`` can be a source noun phrase (see ``plausible``); cached, as the
    same phrases ("he", "the agency") come back claim after claim."""
    if not 1 <= len(words.split()) <= MAX_SOURCE_WORDS or any(_makes_a_clause(words, hit) for hit in _CLAUSE_WORD.finditer(words)):
        return False
    if (verb := CUE_VERB.search(words)) is not None and not (
        verb.end() == len(words) and not verb.group().endswith("ed")
        and (_DETERMINED.match(words) or (bare_reports and _PLURAL_AFTER_MODIFIERS.fullmatch(words) and REPORT_HEAD.search(words)))
    ):
        return False  # a cue verb makes a clause, but for the head noun of "the report", "recent reports"
    if not _HAS_WORD.search(words) or _ENDS_IN_CONJUNCTION.search(words) or _NO_TELLER.fullmatch(words):
        return False
    if _ADJUNCT_OPENING.match(words):
        return False  # "around 10 p.m.", "at the hearing": an adjunct, no noun phrase
    return _RUN_TOGETHER.search(words) is None


def _makes_a_clause(words: str, hit: re.Match[str]) -> bool:
    """Whether a copula or modal in a would-be source makes it a clause: not when, capitalised, it is part of a
    name, after a capitalised word ("Theresa May", "Mrs May") or opening the phrase before one ("Will Hurd"); a
    month ("in May 2017") or an acronym ("IS") stays a clause word."""
    word = hit.group()
    if not word.istitle():
        return True
    before, after = words[: hit.start()].split(), words[hit.end() :].split()
    return not (before[-1][:1].isupper() if before else bool(after) and after[0][:1].isupper())


def tighten(text: str, span: Span) -> Span:
    """Make a model source span right and tight.

    Cut an apposition or relative clause after a name ("Andriy Kovalenko, the head of
    ..."), trailing adjuncts, auxiliaries, adverbs ("Trump has steadfastly"), a pronoun's
    clitic ("She’ll") and punctuation; keep the possessive owner before it and a
    bracketed acronym after it, so "Ukraine's Main Military Intelligence Directorate
    (GUR)" stays one source; a quoted account name keeps its account ("the X account
    'Victoria'", not "Victoria'"); a span inside a party tag moves to the name it tags.
    """
    start, end = span.start, span.end
    if (tag := _party_tag_at_end(text, max(0, start - 12), end)) is not None and tag.start() < start:
        if (name := _NAME_BEFORE.search(text, max(0, tag.start() - LEFT_WINDOW), tag.start())) is None:
            return span
        start, end = name.start(), name.end()  # "Wis.)" of "Paul Ryan (R., Wis.)": the name it tags
    if _ends_with_closing_quote(text, start, end) and (
        (account := _quoted_account(text, max(0, start - LEFT_WINDOW), end)) is not None and account.start() < start
    ):
        return trim(text, account.start(), end) or span
    end = start + _tight_length(text[start - 1 : start], text[start:end])
    if text[start - 1 : start] == "," and (number := _NUMBER_HEAD.search(text, max(0, start - 16), start + 3)) is not None:
        start = number.start()
    if (owner := _owner_before(text, start)) is not None:
        start = owner.start()
    if (acronym := _ACRONYM_AFTER.match(text, end)) is not None:
        end = acronym.end()
    elif _UNCLOSED_ACRONYM.search(text, start, end) and (close := _BRACKET_CLOSE.match(text, end)) is not None:
        end = close.end()
    return trim(text, start, end) or span


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
    if (adjunct := ADJUNCT_START.search(piece, start, end)) is not None:
        end = adjunct.start()
    if (trailing := _TRAILING_AUX.search(piece, start, end)) is not None and trailing.start() > start:
        end = trailing.start()
    if (clitic := _PRONOUN_CLITIC.search(piece, start, end)) is not None:
        end = clitic.start("clitic")
    return end - start


def owned_phrase(text: str, span: Span, end: int) -> Span | None:
    """When ``span`` is only a possessive owner ("his", "Gary Johnson’s") of the phrase that runs from it up to
    ``end`` (a cue) past auxiliaries and adverbs only, that phrase, the clause's subject and so the teller: "Gary
    Johnson’s doctor" of "Gary Johnson’s doctor is calling", "Palin’s post" of "Palin’s post resonated"; None when
    it is no noun phrase. Else ``span`` itself (also "His" of "His ex-wife agreed, but also contended"). A
    contraction ("he’s warned", "let’s say") is no owner, nor a name in "'s" before an adverb (a double genitive,
    "A colleague of Rothman’s then remembered") or a comma ("McDonald’s, long ...")."""
    last = span.text.split()[-1].replace("’", "'").lower()
    owner, possessive, rest = last.rpartition("'s")
    if not (last in POSSESSIVE_DETERMINERS or possessive and owner and not rest and owner not in CONTRACTED):
        return span
    phrase_end = span.end
    for word in _OWNED_WORD.finditer(text, span.end, end):
        after_head = phrase_end > span.end  # an "-ly" or "-ed" word after the first is a verb's, not a modifier
        if (word.start() != phrase_end or _ENDS_THE_OWNED.fullmatch(word.group("word"))
                or CUE_VERB.fullmatch(word.group("word")) or after_head and _VERB_LIKE.fullmatch(word.group("word"))):
            break
        phrase_end = word.end()
    if phrase_end == span.end or not all(
        _ENDS_THE_OWNED.fullmatch(word) or _VERB_LIKE.fullmatch(word) for word in text[phrase_end:end].split()
    ):
        return span  # the owned phrase does not run up to the cue: whose clause it is stays the model's guess
    return plausible(Span(span.start, phrase_end, text[span.start:phrase_end]))


def _owner_before(text: str, start: int) -> re.Match[str] | None:
    """The possessive owner that ends just before ``start`` ("Ukraine's "), if any.

    The search runs only where the text before ``start`` is "'s" and spaces: the windowed
    search is costly, and without those it cannot match.
    """
    if not text[start - 1 : start].isspace():
        return None  # the usual case, told without cutting out the window
    low = max(0, start - 60)
    before = text[low:start]
    if not before.rstrip().endswith(("'s", "’s")):
        return None
    return _OWNER_BEFORE.search(text, low, start)


_NAME_TRAILERS = frozenset(read_entries("source_name_trailers.txt"))
# A word that binds a capitalised run into a longer name ("Institute for the Study of War", "the Heritage
# Foundation"): a run after it is not a name on its own.
_NAME_BINDERS = frozenset(_PHRASE_WORDS["name_binders"])
WORD = re.compile(r"\S+")
_NOT_IN_NAME = frozenset("()@“”\"‘,:;")
"""Characters no word of a personal name holds: a bracket, a handle's "@", a quotation mark, a clause mark."""
_AFFILIATION_STARTS = frozenset(_PHRASE_WORDS["affiliation_starts"])
_JURISDICTIONS = frozenset(_PHRASE_WORDS["jurisdictions"])


def name_in(text: str, span: Span) -> Span | None:
    """The personal name a source phrase ends in, without the role, title or description before it
    (docs/guidelines.md: the tightest words that name who says it). "Los Angeles Mayor Eric Garcetti",
    "demonstrator David Thomas", "On January 23 Russell Brand", "Nancy Pelosi even" give the name; None when
    the phrase is the name already or does not end in one ("the Heritage Foundation", "Secretary of State"). A
    name with an affiliation after it is the name too ("Hans von Spakovsky of the Heritage Foundation"), and so is
    a full name after its owner ("The Atlantic's Ta-Nehisi Coates"; the owner is who they work for, not who says
    it)."""
    for where in (_name_tail(span.text), _name_head(span.text)):
        if where is None:
            continue
        start, end = span.start + where[0], span.start + where[1]
        name = Span(start, end, text[start:end])
        if name.text in PARTY_MEMBERS:
            continue  # "a senior Republican": a party's member, no name
        reading = classify_source(text, name)
        if reading.source_type == "person" and reading.named:
            return name
    return None


@lru_cache(maxsize=8192)
def _name_tail(phrase: str) -> tuple[int, int] | None:
    """Where in ``phrase`` the name of ``name_in`` stands, before its reading is checked in context; cached per
    phrase text (the same sources come back claim after claim)."""
    words = list(WORD.finditer(phrase))
    while words and words[-1].group() in _NAME_TRAILERS:
        words.pop()
    run = _trailing_name_words(words)
    while run and words[len(words) - run].group() in NAME_PARTICLES:
        run -= 1
    if not run:
        return None
    tokens = [match.group() for match in words[len(words) - run :]]
    titled = max((i + 1 for i, token in enumerate(tokens) if is_title_word(token, last=i == run - 1)), default=0)
    before = words[len(words) - run - 1].group() if run < len(words) else ""
    if titled and only_modifies_a_title(tokens[titled - 1]):
        return None  # "Foreign Relations" of "the Council on Foreign Relations": no title, no name after it
    office_object = run >= 3 and before.lower() in _NAME_BINDERS and _titled_before(words[: len(words) - run])
    if office_object:
        # "Director of Communications Mary Stone", "Director of National Intelligence Dan Coats" (a title word inside
        # the office's object too): the object runs into the name; the name is its last two words (three with an
        # initial, "John A. Smith")
        name_start = len(words) - 3 if re.fullmatch(r"[A-Z]\.", words[-2].group()) else len(words) - 2
        if titled:
            name_start = max(name_start, len(words) - run + titled)
    elif titled:
        name_start = len(words) - run + titled
    elif before and (before.lower() in _NAME_BINDERS or (run == 1 and not describes_a_person(before))):
        return None  # a possessive owner before a name of two words goes ("CNN's Dana Bash"); before a surname it stays
    else:
        name_start = len(words) - run
    if name_start >= len(words) or any(len(token) > 2 and token.isupper() for token in tokens[titled:]):
        return None
    start, end = words[name_start].start(), words[-1].end()
    if (start, end) == (0, len(phrase)):
        return None
    if classify_source(phrase, Span(0, len(phrase), phrase)).source_type in ("document", "social_media"):
        return None  # "The letter from Provost Forrest Maltzman": the name is in a post-modifier
    return start, end


def _titled_before(words: list[re.Match[str]]) -> bool:
    """Whether the words before an office's object end in a title and its binders ("Director of", "Chairman of the")."""
    while words and words[-1].group().lower() in _NAME_BINDERS:
        words = words[:-1]
    return bool(words) and is_title_word(words[-1].group())


@lru_cache(maxsize=8192)
def _name_head(phrase: str) -> tuple[int, int] | None:
    """Where a name of two words or more that opens ``phrase`` ends, when an affiliation or description follows
    it ("Ken Fipps of Johns Island", "Rick Hasen a law professor"); cached per phrase text."""
    words = list(WORD.finditer(phrase))
    run = 0
    while run < len(words) and _in_name(words[run].group()):
        run += 1
    if run < 2 or run >= len(words) or words[run].group() not in _AFFILIATION_STARTS:
        return None
    return 0, words[run - 1].end()


def institution_name_in(text: str, span: Span) -> Span | None:
    """The proper name an organisation's or outlet's phrase ends in, after a lower-case description of what it is
    (docs/guidelines.md: the tightest words that name who says it): "the fact-checking website Politifact",
    "social analytics company Graphika" -> the name; None after a jurisdiction ("the state Supreme Court" is
    another court than "Supreme Court") and when the name alone reads as another type or unnamed."""
    at = _institution_name_start(span.text)
    if at is None:
        return None
    start = span.start + at
    name = Span(start, span.end, text[start : span.end])
    whole, alone = classify_source(text, span), classify_source(text, name)
    if whole.source_type in ("organization", "media") and (
        (alone.source_type == whole.source_type and alone.named) or alone.source_type in ("unknown", "person")
    ):  # a lone capitalised word reads as a surname; after "company" it is the company's name
        return name
    return None


@lru_cache(maxsize=8192)
def _institution_name_start(phrase: str) -> int | None:
    """Where in ``phrase`` the name of ``institution_name_in`` opens, before its reading is checked in context;
    cached per phrase text, as ``_name_tail`` is (the same sources come back claim after claim)."""
    words = list(WORD.finditer(phrase))
    run = _trailing_name_words(words)
    if not run or run == len(words):
        return None
    before = words[len(words) - run - 1].group()
    if not before.islower() or before in _NAME_BINDERS or before in DETERMINERS or before in _JURISDICTIONS:
        return None
    return words[len(words) - run].start()


def _trailing_name_words(words: list[re.Match[str]]) -> int:
    """How many of the last ``words`` can stand in a name (``_in_name``)."""
    run = 0
    while run < len(words) and _in_name(words[len(words) - 1 - run].group()):
        run += 1
    return run


def _in_name(word: str) -> bool:
    """Whether a word can stand in a personal name: capitalised (not a possessive, no bracket or quote), an
    initial ("W."), or a particle ("von", "al-Assad")."""
    if word in NAME_PARTICLES or joined_particle(word):
        return True
    return word[:1].isupper() and word[-2:] not in ("'s", "’s") and _NOT_IN_NAME.isdisjoint(word)
