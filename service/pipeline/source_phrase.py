"""A source span read once as a noun phrase (its core, head, modifier, whether it is definite), the reading a
recognizer gives it, and the word tests on person nouns that source typing and source spans share."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import source_lexicons as lex
from .records import SourceType, record
from .text.words import is_possessive, without_possessive

# Where the core noun phrase ends: a bracket or quote (a straight single quote only after
# a space, where it opens a quotation rather than standing for an apostrophe); a comma,
# unless it only lists names ("Ukrainian, South Korean and Western intelligence
# agencies"); a preposition or relative word that starts a post-modifier, or a
# participle before one ("captured by"); a preposition that ends the span ("a poll from").
CORE_END = re.compile(
    r"\s*(?:[(“”\"‘]|,(?!\s+[A-Z][^,]{0,40}\sand\s))|\s+'(?=\w)"
    r"|(?:\s+\w+(?:ed|en))?\s+(?:of|for|at|from|in|on|with|by|who|which|that|close|familiar|near)\s"
    r"|\s+(?:of|for|at|from|in|on|with|by)$"
)


@record
class SourceReading:
    """What a source span names, and why we think so.

    ``described`` qualifies anonymous sources only. ``head`` is the lower-cased head noun
    ("official", "agency"), empty for a bare name; back-references to anonymous sources
    match on it ("the official" stands for "an unnamed Ukrainian official"). A non-empty
    ``refers_back`` marks a pronoun or name-less definite phrase that stands for an
    earlier source of one of those types. ``plural`` is true for a plural or collective
    source ("officials", "intelligence", "they"): a singular pronoun never stands for one.
    """

    source_type: SourceType
    named: bool
    described: bool
    explanation: str
    head: str = ""
    refers_back: tuple[SourceType, ...] = ()
    plural: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """A source span split once into the parts every recognizer looks at."""

    text: str
    core: str
    head: str
    words: tuple[str, ...]
    modifier: str
    definite: bool
    indefinite: bool

    @classmethod
    def of(cls, text: str) -> Phrase:
        cut = CORE_END.search(text)
        core = text[: cut.start()] if cut else text
        words = tuple(core.split())
        head = words[-1] if words else ""
        first = words[0].lower() if words else ""
        return cls(
            text=text,
            core=core,
            head=head,
            words=words,
            modifier=text[len(core):].strip(),
            definite=first == "the" or any(map(is_possessive, words[:-1])),
            indefinite=first in ("a", "an"),
        )

    def qualifiers(self) -> tuple[str, ...]:
        """Core words other than determiners, counts and the head itself."""
        return tuple(w for w in self.words[:-1] if w.lower() not in lex.BARE_MODIFIERS)

    def name_words(self) -> tuple[str, ...]:
        """Capitalised core words that can be part of a name ("-based" words describe, a count's words open the
        sentence: "At least five Republicans")."""
        return tuple(
            w for w in self.words if w[:1].isupper() and w.lower() not in lex.BARE_MODIFIERS
            and w.lower() not in lex.COUNT_WORDS and not w.endswith("-based")
        )


def wordnet_lemma(noun: str) -> str:
    """The lemma of a regular plural (or of "-men"), else the noun: enough to look a head noun up in WordNet's lemmas."""
    if noun in lex.WORDNET_NOUNS:
        return noun
    for suffix, replacement in (("ies", "y"), ("ses", "s"), ("men", "man"), ("s", "")):
        if noun.endswith(suffix) and noun[: -len(suffix)] + replacement in lex.WORDNET_NOUNS:
            return noun[: -len(suffix)] + replacement
    return noun


@lru_cache(maxsize=8192)
def is_title_word(word: str, *, last: bool = False) -> bool:
    """Whether a capitalised word before a name is a title or role ("Mayor", "Sen.", "Former"; not an honorific
    such as "Mr."); a WordNet person
    noun counts only before the name's last word, where it cannot be a surname ("Judge Roe", but "Phil Cook").
    Cached per word: names come back claim after claim, and the role lexicon is one long alternation."""
    bare = without_possessive(word.strip(",")).rstrip(".")
    if bare in lex.HONORIFICS:
        return False  # "Mr. Burman": an honorific stays with the name
    if lex.ROLE_WORD.fullmatch(bare) or lex.TITLE_MODIFIER.fullmatch(bare):
        return True
    return not last and bare.lower() in lex.WORDNET_PERSON


def only_modifies_a_title(word: str) -> bool:
    """Whether a capitalised word is a title's modifier and no role of its own ("Foreign", "Deputy"): a name
    cannot start right after it ("the Council on Foreign Relations" names no "Relations")."""
    bare = without_possessive(word.strip(",")).rstrip(".")
    return lex.TITLE_MODIFIER.fullmatch(bare) is not None and lex.ROLE_WORD.fullmatch(bare) is None


@lru_cache(maxsize=8192)
def describes_a_person(word: str) -> bool:
    """Whether a lower-case word before a bare surname says what the person is ("lawyer Barnes"). Cached per word:
    each word of an apposition after a name is asked, and the role lexicon is one long alternation."""
    bare = word.strip(",").rstrip(".")
    return bare.islower() and (lex.ROLE_WORD.fullmatch(bare) is not None or wordnet_lemma(bare) in lex.WORDNET_PERSON)


def is_plural(noun: str) -> bool:
    return noun.endswith("s") and not noun.endswith("ss")
