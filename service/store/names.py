"""Source names: one key per way of naming, and the rules that decide two names are one source.

An article names a source however it likes: "Ukraine's military intelligence agency
(GUR)", "the GUR", "The GUR's", "Ukraine's Main Military Intelligence Directorate (GUR)",
"Ukrainian military intelligence". ``Name.of`` reads a mention once into the parts the
rules compare (word lists in ``resources/names.toml``):

- acronyms: a bracketed one ("... (GUR)"), a mention that is one ("the ISW", "ISW)"), and
  the initials of a capitalised name of two or more words ("Institute for The Study of
  War" -> ISW), so a name and its acronym meet;
- the core: the words left once articles, joining words, possessive endings, a
  bracketed acronym and generic heads ("agency", "directorate", "main", "national") are
  gone, with country adjectives and spelling variants read as one word ("Ukrainian" ->
  "ukraine", "Kiev" -> "kyiv");
- a person's surname ("Rustem Umerov", "Umerov");
- the head noun of a bare definite description ("the soldier", "the agency").

``name_key`` is a mention's own key (what the audit groups by). ``merge_mentions`` joins
mentions into sources: same acronym, same core, same surname, or cores (surnames) at
least ``SIMILAR`` alike by string similarity (a misspelling, "Zelenskyy"), and a bare
"the soldier" with the one source elsewhere in the story whose words hold "soldier".
Names with "and" or a comma ("South Korean and Western intelligence agencies") name
several sources and only ever meet an identical core. Anonymous sources ("the official",
"Western officials") meet only an identical core: being described alike is all two
unnamed sources can share.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

SIMILAR = 90
"""rapidfuzz ratio (0-100) above which two cores, or two surnames, are one name."""

_WORDS_FILE = Path(__file__).with_name("resources") / "names.toml"
_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z]{1,9})\s*\)")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,9}")
_WORD = re.compile(r"[\w.&'-]+")
_POSSESSIVE = re.compile(r"'s?$")
_SEVERAL = re.compile(r"\band\b|,|&|\bor\b", re.IGNORECASE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_TRIM = " \t\r\n\"'()[]{}.,;:!?-"

TYPE_ORDER = ("organization", "person", "media", "document", "social_media", "anonymous", "unknown")
"""Which type a source takes when its mentions are typed differently by as many claims."""


@dataclass(frozen=True)
class Words:
    function: frozenset[str]
    pronouns: frozenset[str]
    generic: frozenset[str]
    aliases: dict[str, str]


@cache
def _words() -> Words:
    data = tomllib.loads(_WORDS_FILE.read_text(encoding="utf-8"))
    return Words(
        frozenset(data["function_words"]),
        frozenset(data["pronouns"]),
        frozenset(data["generic_words"]),
        dict(data["aliases"]),
    )


@dataclass(frozen=True)
class Name:
    """One mention, read once into what the merging rules compare."""

    text: str
    acronyms: frozenset[str]
    initials: str
    core: str
    surname: str
    bare_head: str
    words: frozenset[str]
    several: bool
    anonymous: bool

    @classmethod
    @lru_cache(maxsize=65536)
    def of(cls, text: str, source_type: str) -> "Name":
        """Read a mention (cached: the same names recur within and across articles)."""
        words = _words()
        cleaned = unicodedata.normalize("NFKC", text).translate(_QUOTES)
        bracketed = _BRACKETED.findall(cleaned)
        plain = _BRACKETED.sub(" ", cleaned).strip(_TRIM)
        tokens = [_POSSESSIVE.sub("", token) for token in _WORD.findall(plain)]
        tokens = [token.strip(".'-") if _ACRONYM.fullmatch(token.strip(".'-")) else token for token in tokens]
        tokens = [token for token in tokens if token.strip(".'-")]
        lowered = [words.aliases.get(token.lower(), token.lower()) for token in tokens]
        content = [word for word in lowered if word not in words.function]
        several = bool(_SEVERAL.search(plain))
        acronyms: set[str] = set()
        initials = ""
        if not several:
            acronyms.update(bracketed)
            if len(content) == 1 and _ACRONYM.fullmatch(tokens[-1]) and lowered[-1] == tokens[-1].lower():
                acronyms.add(tokens[-1])
            capitals = [t for t, w in zip(tokens, lowered) if w not in words.function and t[:1].isupper()]
            if len(capitals) >= 2 and len(capitals) == len(content) and source_type != "person":
                initials = "".join(t[0] for t in capitals).upper()
        core_words = [w for w in content if w not in words.generic and w not in words.pronouns]
        surname = ""
        if source_type == "person" and tokens and tokens[-1][:1].isupper() and not _ACRONYM.fullmatch(tokens[-1]):
            surname = lowered[-1]
        definite = bool(lowered) and lowered[0] == "the"
        bare_head = content[0] if definite and len(content) == 1 and tokens[-1].islower() else ""
        return cls(
            text=text,
            acronyms=frozenset(acronyms),
            initials=initials,
            core=" ".join(sorted(set(core_words))),
            surname=surname,
            bare_head=bare_head,
            words=frozenset(content),
            several=several,
            anonymous=source_type == "anonymous",
        )

    @property
    def key(self) -> str | None:
        """This mention's own key: acronym, else initials, surname, core (None: names nobody)."""
        if self.acronyms:
            return "acronym:" + min(self.acronyms)
        if len(self.initials) >= 3:
            return "acronym:" + self.initials
        if self.surname:
            return "person:" + self.surname
        if self.core:
            return "core:" + self.core
        return None

    def links(self) -> list[str]:
        """The keys through which this mention meets others."""
        if self.several or self.anonymous:
            return [f"core:{self.core}"] if self.core else []
        keys = [f"acronym:{a}" for a in self.acronyms]
        if self.initials:
            keys.append(f"acronym:{self.initials}")
        if self.surname:
            keys.append(f"person:{self.surname}")
        elif self.core:
            keys.append(f"core:{self.core}")
        return keys


def name_key(text: str, source_type: str) -> str | None:
    """The key a mention is counted under in the audit (see the module docstring)."""
    return Name.of(text, source_type).key


class _Groups:
    """Union-find over mention indexes."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: int, second: int) -> None:
        self.parent[self.find(first)] = self.find(second)


def merge_mentions(names: list[Name], articles: list[str]) -> list[int]:
    """A group number per mention: mentions with one number name one source.

    ``articles[i]`` is the article of ``names[i]``: a bare "the soldier" joins a source only
    from other articles (within one article the pipeline's ``refers_to`` already resolves it).
    """
    groups = _Groups(len(names))
    first_with_key: dict[str, int] = {}
    for index, name in enumerate(names):
        for key in name.links():
            if key in first_with_key:
                groups.join(index, first_with_key[key])
            else:
                first_with_key[key] = index
    _join_similar(names, groups, lambda name: name.core if not name.surname else "", min_length=4)
    _join_similar(names, groups, lambda name: name.surname, min_length=5)
    _join_bare_heads(names, articles, groups)
    return [groups.find(index) for index in range(len(names))]


def _join_similar(names: list[Name], groups: _Groups, part, min_length: int) -> None:
    """Join mentions whose ``part`` strings are at least SIMILAR alike (each distinct string once)."""
    first_of: dict[str, int] = {}
    for index, name in enumerate(names):
        value = part(name)
        if value and len(value) >= min_length and not (name.several or name.anonymous):
            first_of.setdefault(value, index)
    values = list(first_of)
    if len(values) < 2:
        return
    scores = process.cdist(values, values, scorer=fuzz.ratio, score_cutoff=SIMILAR)
    for row, column in zip(*scores.nonzero()):
        if row < column:
            groups.join(first_of[values[row]], first_of[values[column]])


def _join_bare_heads(names: list[Name], articles: list[str], groups: _Groups) -> None:
    for index, name in enumerate(names):
        if not name.bare_head:
            continue
        own = groups.find(index)
        candidates = {
            groups.find(other)
            for other, candidate in enumerate(names)
            if name.bare_head in candidate.words and not candidate.several and groups.find(other) != own
        }
        if len(candidates) != 1:
            continue
        (candidate,) = candidates
        # A source its own article also names otherwise is someone else.
        if not any(groups.find(i) == candidate and articles[i] == articles[index] for i in range(len(names))):
            groups.join(index, candidate)
