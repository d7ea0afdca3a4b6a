"""The word lists source typing matches against (``sources.py``), each read once from ``resources/lexicons/``:
head nouns, names, places, pronouns and the WordNet head-noun lists, compiled to whole-word regexes or sets."""
from __future__ import annotations

import re

from .records import SourceType
from .resources import compile_alternation, read_entries, read_toml


def lexicon(name: str, *, case_sensitive: bool = False, at_end: bool = False) -> re.Pattern[str]:
    """A lexicon file as one regex of whole-word alternatives (optionally anchored at the end)."""
    flags = 0 if case_sensitive else re.IGNORECASE
    inner = compile_alternation(read_entries(name), flags).pattern
    return re.compile(rf"(?<![\w'’-])(?:{inner})(?![\w'’-]){'$' if at_end else ''}", flags)


ANONYMOUS_HEAD = lexicon("source_anonymous_heads.txt", at_end=True)
ANONYMOUS_STOCK = lexicon("source_anonymous_stock.txt")
REPORT_HEAD = lexicon("source_report_nouns.txt", at_end=True)
# A report noun with a past participle or a word of time or place after it, "a poll released last week", "an
# analysis published Tuesday by ...", "a report last year by ...", "The video below".
REPORT_BEFORE_TRAILER = re.compile(
    rf"(?<![\w'’-])(?i:{compile_alternation(read_entries('source_report_nouns.txt')).pattern})\s+"
    rf"(?=[a-z]+(?:ed|en)\b|(?:{'|'.join(read_toml('phrase_words.toml')['report_trailers'])})\b)"
)
ROLE_HEAD = lexicon("source_role_heads.txt", at_end=True)
ROLE_WORD = lexicon("source_role_heads.txt")
TITLE_MODIFIER = lexicon("source_title_modifiers.txt")
ORGANIZATION_HEAD = lexicon("source_organization_heads.txt", at_end=True)
ORGANIZATION_WORD = lexicon("source_organization_heads.txt")
ORGANIZATION_NAME_AT_END = lexicon("source_organization_names.txt", case_sensitive=True, at_end=True)
ORGANIZATION_NAME = lexicon("source_organization_names.txt", case_sensitive=True)
PLACE = lexicon("source_places.txt", case_sensitive=True)
LIST_SEPARATOR = re.compile(r",?\s+and\s+|,\s+")
ORGANIZATION_GAZETTEER = frozenset(read_entries("wordnet_organization_names.txt") + read_entries("source_company_names.txt"))
"""Exact names of organisations: a source that is only one of them is no person ("Interpol", "Google")."""
DEMONYM = lexicon("source_demonyms.txt", case_sensitive=True)
MEDIA_NAME = lexicon("source_media_names.txt", case_sensitive=True)
MEDIA_NAME_AT_END = lexicon("source_media_names.txt", case_sensitive=True, at_end=True)
MEDIA_HEAD = lexicon("source_media_heads.txt", at_end=True)
MASTHEAD_AT_END = lexicon("source_media_mastheads.txt", case_sensitive=True, at_end=True)
SOCIAL_PLATFORM = lexicon("source_social_platforms.txt", case_sensitive=True)
SOCIAL_HEAD = lexicon("source_social_heads.txt", at_end=True)
COLLECTIVE_HEAD = lexicon("source_collective_heads.txt", at_end=True)
WORDNET_PERSON = frozenset(read_entries("wordnet_person_nouns.txt"))
WORDNET_GROUP = frozenset(read_entries("wordnet_group_nouns.txt"))
WORDNET_COMMUNICATION = frozenset(read_entries("wordnet_communication_nouns.txt"))
WORDNET_NOUNS = WORDNET_PERSON | WORDNET_GROUP | WORDNET_COMMUNICATION
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr"})
NAME_PARTICLES = frozenset(read_entries("source_name_particles.txt"))
_JOINED_PARTICLE = re.compile(rf"(?:{'|'.join(map(re.escape, sorted(NAME_PARTICLES)))})-[A-Z][\w'’-]*")


def joined_particle(word: str) -> bool:
    """A surname joined to its lower-case particle ("al-Assad", "el-Sisi"): a name word, though not capitalised."""
    return _JOINED_PARTICLE.fullmatch(word) is not None
PHRASE_WORDS = read_toml("phrase_words.toml")
POSSESSIVE_DETERMINERS = frozenset(PHRASE_WORDS["possessive_determiners"])
DETERMINERS = frozenset(PHRASE_WORDS["determiners"])
ACT_WITH_OF = frozenset(PHRASE_WORDS["act_with_of"])
ARTICLES = frozenset(PHRASE_WORDS["articles"])
UNIDENTIFYING = frozenset(PHRASE_WORDS["unidentifying"])
PERSON_APPOSITION_OPENERS = frozenset(PHRASE_WORDS["person_apposition_openers"])
RELAYING_AFTER_NAME = tuple(PHRASE_WORDS["relaying_after_name"])
CREDENTIALS = frozenset(PHRASE_WORDS["credentials"])
PARTY_MEMBERS = frozenset(PHRASE_WORDS["party_members"])
_NUMBER = rf"(?:\d[\d,.]*|(?:(?:{'|'.join(PHRASE_WORDS['share_numbers'])})-)?(?:{'|'.join(PHRASE_WORDS['share_numbers'])}))"
SHARE_OF_PEOPLE = re.compile(
    rf"(?:(?:{'|'.join(PHRASE_WORDS['share_openers'])})\s+)*(?:{_NUMBER}\s*(?:{'|'.join(map(re.escape, PHRASE_WORDS['percent_units']))})|{_NUMBER}\s+(?:in|out of)\s+{_NUMBER}"
    rf"|{'|'.join(PHRASE_WORDS['share_words'])})(?![\w-])",
    re.IGNORECASE,
)
"""A share of the people a poll asked, "60 percent (of those polled)", "About 7 in 10", "a majority": no teller, the
poll's finding (coreference.py), and no adjunct either ("About" here is no preposition: appositions.py)."""
SHARE_AS_SOURCE = re.compile(rf"{SHARE_OF_PEOPLE.pattern}|(?:{'|'.join(PHRASE_WORDS['share_subjects'])})(?![\w-])", re.IGNORECASE)
"""A share of the people a poll asked as a cue's source, also by a quantifier ("Most voters agree")."""
PARTITIVE = re.compile(
    rf"^(?:{'|'.join(map(re.escape, sorted(PHRASE_WORDS['partitive_quantifiers'], key=len, reverse=True)))})\s+of\s+",
    re.IGNORECASE,
)
CONJUNCT_FILLERS = frozenset(PHRASE_WORDS["conjunct_fillers"])
BARE_MODIFIERS = frozenset(entry.lower() for entry in read_entries("source_bare_modifiers.txt"))
COUNT_WORDS = frozenset(word for entry in (*PHRASE_WORDS["share_numbers"], *PHRASE_WORDS["number_quantifiers"],
                                           *(opener for opener in PHRASE_WORDS["share_openers"] if opener.endswith(" than")))
                        for word in entry.split())
"""The words of a count before a plural ("At least five", "More than a dozen"): capitalised, they open the sentence
and are no part of a name."""
PRONOUNS: dict[str, tuple[bool, SourceType, tuple[SourceType, ...]]] = {
    word.lower(): (number == "plural", unresolved, tuple(types))  # type: ignore[misc]
    for word, number, unresolved, *types in (entry.split() for entry in read_entries("source_pronouns.txt"))
}
