"""What a cue governs, read from the words around it: the attribution gate's test of whether a cue GOVERNS CONTENT.

A saying governs content: a that-clause or a clause (a subject, then a finite verb) right after the cue or after
its addressee ("told reporters the plan will fail"), a colon or a quotation; or content fronted before its teller
("The plan will fail, he argued"). An action governs an object only ("found the body", "reported a loss") or an
object and a "to"-infinitive ("urged Congress to act"). A cue after a comma and a relative pronoun is an aside in
the writer's sentence ("..., which critics said ..."), which leaves the main clause the writer's. With no parse
(the tokeniser is a regex), each reading is a guess: the gate weighs them as features, alone and crossed with the
cue's verb class and head, rather than refusing cues by hand. Word classes: ``gate_words.toml``,
``clause_words.toml``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .attribution.words import FINITE_AUXILIARIES as _FINITE
from .attribution.words import (
    COPULAS, QUOTE_MARKS, TITLE_ABBREVIATIONS, is_be, is_past_participle, verb_classes, verb_lemma,
)
from .resources import read_toml

_WORDS = {name: frozenset(words) for name, words in read_toml("gate_words.toml").items()}
_CLAUSE_WORDS = {name: frozenset(words) for name, words in read_toml("clause_words.toml").items()}
_SUBJECTS = _WORDS["subject_pronouns"]
_CONTENT_OPENERS = _WORDS["content_openers"]
_FINITE_OR_SUBJECT = _FINITE | _SUBJECTS
_RELATIVES = _CLAUSE_WORDS["relatives"]
_CONJUNCTIONS = _CLAUSE_WORDS["conjunctions"]
_PREPOSITIONS = _WORDS["prepositions"]
_PARTICLES = _PREPOSITIONS | _WORDS["lone_particles"]
_NOUN_MARKERS = _WORDS["determiners"] | _WORDS["object_openers"]
_MODIFIED_NOUN_OPENERS = _WORDS["modified_noun_openers"]
_RESTRICTIVE_RELATIVES = _WORDS["restrictive_relatives"]
_DEFINING_RELATIVES = _WORDS["defining_relatives"]
_ANY_DEFINING_RELATIVE = _RESTRICTIVE_RELATIVES | _DEFINING_RELATIVES
_EVIDENTIAL = _WORDS["evidential_verbs"]
_PRONOUNS = _SUBJECTS | _WORDS["refused_persons"]
_BACKGROUND = _CLAUSE_WORDS["perfect_auxiliaries"] | _WORDS["background_adverbs"]
_RELATIVE_GAP = _WORDS["negation_gap"] | _BACKGROUND
_NOT_DEFINED = _CLAUSE_WORDS["subordinators"] | _CLAUSE_WORDS["conjunctions"] | _FINITE
"""Words before a relative pronoun that make it open no relative clause ("so that", "and who", "is who")."""
_WRITERS_CLAUSE = _NOUN_MARKERS | _PREPOSITIONS | _FINITE
"""Words a speaker label never has ("CW:", "REP. ADAM SCHIFF:"), a writer's clause often ("The first rule is:")."""
_TELLER_RELATIVES = _WORDS["teller_relatives"]
_GAPPED_RELATIVES = _WORDS["gapped_relatives"]
_OBJECT_RELATIVES = _WORDS["object_relatives"]
_TITLES = frozenset(title.lower() for title in TITLE_ABBREVIATIONS)
_CLAUSE_AFTER = frozenset({"subject", "wh", "np_then_that", "np_then_aux", "np_then_verb"})
"""Readings of ``_after`` with a clause of the cue's own after it."""
_OWN_CONTENT = _CLAUSE_AFTER | {"quote", "np_then_quote"}
"""Readings of ``_after`` with content of the cue's own after it, a clause or a quotation."""
_TELLER_WORDS = 8
"""The most words of a teller between a relative pronoun and its cue ("which Trump in his 2016 campaign promised")."""
_MANNER_CUES = _WORDS["manner_cues"]
_SAID_IN_PLACE = {phrase.split()[0]: phrase.split() for phrase in _WORDS["said_in_place"]}
"""Each of ``said_in_place`` by its first word (no two share one): the first word after the cue picks the one to try."""
_SAID_IN_PLACE_ENDS = _WORDS["said_in_place_ends"]
_NOT_A_VERB_BEFORE = _PREPOSITIONS | _WORDS["determiners"] | _WORDS["object_openers"]
"""A word after one of these is a noun or an adjective, not a clause's verb ("in the report")."""
_ASIDE_OPENERS = _RELATIVES | _WORDS["aside_openers"]
_STOPS = frozenset(",;:.—–()?!")
_ENDS = frozenset(".?!”\"")
"""What ends a claim: after the cue, only these is nothing ("..., she said.")."""
_ASIDE_MARKS = frozenset(",(—–;")
_FRONTED_ENDS = frozenset(",:—”\"")
_LEADING_OPENERS = _ASIDE_OPENERS | (_CLAUSE_WORDS["subordinators"] - {"that", "but", "so"})
"""Words that open a subordinate clause at a claim's start ("Although Hoyer said ..., leaders endorsed")."""
_TELLER_PLACES = (
    ("relative", _RELATIVES), ("subordinator", _CLAUSE_WORDS["subordinators"]), ("wh", _CONTENT_OPENERS),
    ("preposition", _PREPOSITIONS), ("conjunction", _CLAUSE_WORDS["conjunctions"]), ("mark", _ASIDE_MARKS | {":", ")"}),
)
_AUXILIARIES = _WORDS["finite_auxiliaries"] | _CLAUSE_WORDS["perfect_auxiliaries"] | frozenset(COPULAS)
_CALENDAR = frozenset(read_toml("roles.toml")["calendar"])
_SINGULAR_DETERMINERS = _WORDS["singular_determiners"]
_PAST_AS_BASE = _WORDS["past_as_base"]
_NOT_A_NOUN_OF_A_PHRASE = (_FINITE | _PRONOUNS | _RELATIVES | _PREPOSITIONS | _CALENDAR | _WORDS["time_nouns"]
                           | _CLAUSE_WORDS["subordinators"] | _CLAUSE_WORDS["conjunctions"] | {"to"})
_SCAN = 10
"""Words after the cue read for a clause: past them, what follows is no longer the cue's."""
_ON_OBJECT = {**dict.fromkeys(_WORDS["acting_verbs"], "acting"), **dict.fromkeys(_WORDS["expressing_verbs"], "expressing")}
"""Verbs that are an action when they govern an object only (``_acts_on_object``), each with its refusal's reason."""
_POSTING = _WORDS["posting_verbs"]
_DECIDING = _WORDS["deciding_verbs"]
_SHARES = _WORDS["share_words"] | frozenset(read_toml("phrase_words.toml")["percent_units"])
_SHARE_WORDS = 8
"""The most words between a share word and the cue ("percent of the 18- to 29-year-olds polled say")."""
_POLLED = _WORDS["polled_words"]
_SHARE_NUMBERS = frozenset(read_toml("phrase_words.toml")["share_numbers"])
_BRACKETS = frozenset("()")
_SEEMING = _WORDS["seeming_verbs"]
_KNOWING = _WORDS["knowing_verbs"]
_FEELING = _WORDS["feeling_classes"]
_WANTING = _WORDS["wanting_verbs"]
_STATES = _WORDS["state_classes"]
STANCE_NOUNS = frozenset(read_toml("hedges.toml")["scope"]["belief_nouns"])
"""Nouns of a view held ("concerns", "fears"): after a verb they state a stance ("raised concerns that")."""
_STATE_OBJECTS = frozenset({"wh", "np_only", "np_then_stop", "np_then_to", "np_then_relative"})
"""Readings of ``_after`` in which a verb has an object or a question after it, and no content."""
_ASKING = _WORDS["asking_verbs"]
_ASKING_OPENERS = _WORDS["asking_openers"]
_NAMING = _WORDS["naming_verbs"]
_NAMING_OPENERS = _WORDS["naming_openers"]
_FINDING = _WORDS["finding_verbs"]
_REFUSING = _WORDS["refusing_verbs"]
_REQUESTS = _WORDS["request_nouns"]
_REFUSED_PERSONS = _WORDS["refused_persons"]
_WRITING = _WORDS["writing_verbs"]
_OUTCRY = _WORDS["outcry_verbs"]
_CONTINUING = _WORDS["continuing_verbs"]
_TELLING = _WORDS["telling_verbs"]
_NARRATIVES = _WORDS["narrative_nouns"]
_NARRATIVE_OPENERS = _WORDS["narrative_openers"] | QUOTE_MARKS
_INVERTED = QUOTE_MARKS | {","}
"""Marks right before a cue that make it an inverted saying, its teller after it."""
_CLAUSE_MARKS = _STOPS - frozenset(".()")
"""Stops that end a noun phrase: not an abbreviation's points ("the U.S. Department's request") nor brackets."""
_PHRASAL_ACTIONS = _WORDS["phrasal_action_verbs"]
_DEMANDING = _WORDS["demanding_verbs"]
_NOT_BEFORE_PARTICIPLE = _PREPOSITIONS | _CLAUSE_WORDS["subordinators"]
"""Words after which an "-ing" verb is a gerund ("by saying", "for showing", "before adding", "as being")."""
_ACTION_PARTICLES = _WORDS["action_particles"]
_REFLEXIVES = _WORDS["reflexives"]
_FINDING_OBJECTS = _WORDS["finding_objects"] | _REFLEXIVES
_NONE_SHOWN = _WORDS["none_shown"]
_DISPOSITIONS = _WORDS["shown_dispositions"]
_WRITER_IDIOMS = frozenset(_WORDS["writer_idioms"])
_WRITER_GERUND_OPENERS = _WORDS["writer_gerund_openers"]
_ADJUNCT_OPENERS = _WORDS["adjunct_subordinators"]
_FRONTED_OPENERS = _WORDS["fronted_subordinators"]
_NEGATION_GAP = _WORDS["negation_gap"]
_NEGATED_STANCES = _WORDS["negated_stances"]
_BELIEF = re.compile("|".join(sorted(_WORDS["belief_stems"])))
_CLAUSE_OPENERS = _RELATIVES | _CLAUSE_WORDS["subordinators"] | _CONTENT_OPENERS | _ADJUNCT_OPENERS
"""Words that open a clause: the last of them before a cue opens the cue's own clause (the adjunct subordinators
among them: "since he announced", "until the council agrees")."""
_TYPED_DASHES = frozenset({"-", "--"})
"""A dash typed as hyphens with spaces around ("In May 2013 - four months after Clinton left office - the State
Department told", "relief after the answer -- saying that"): a lone hyphen is never inside a word, so it marks a
break as "—" does. Read by the refusals only; the gate's features keep their marks."""
_CLAUSE_BREAKS = _ASIDE_MARKS | _TYPED_DASHES | {")"}
_CLAUSE_STARTS = _STOPS | _TYPED_DASHES | QUOTE_MARKS
"""Marks after which a cue's clause starts: a quotation's words are not the cue's clause ("“... if this went on,” he said")."""
_NO_OBJECT = frozenset({"quote", "colon", "wh", "subject", "np_then_that", "np_then_quote", "end", "stop"})
"""Readings of ``_after`` in which an acting verb governs content, or nothing it acts on (content fronted)."""
_MARKED = _STOPS | QUOTE_MARKS | _RELATIVES | _FINITE | {"to", "that"}
"""The words ``_after`` tests one by one after the cue; any other is tested only as a verb."""
_OPENING_MARKED = QUOTE_MARKS | _CONTENT_OPENERS | _STOPS | _SUBJECTS | {":", "to"}
"""The first words after the cue that open content of their own kind; any other opens a noun phrase."""


def content_features(lower_before: list[str], lower_after: list[str], before_teller: list[str], teller_first: bool,
                     cue_head: str, verb_class: str) -> list[str]:
    """The gate's features of what the cue governs: the reading after it (with how far in), the content fronted
    before its teller (``before_teller``: the words before the teller when ``teller_first``, else before the cue),
    where the teller stands, an aside, a noun after a preposition; each crossed with the cue's verb class
    (``verb_class``, a feature string) and the reading after with its head word."""
    kind, distance = _after(lower_after)
    fronted = _fronted(before_teller)
    place = _teller_place(before_teller) if teller_first else "none"
    features = [
        f"content={kind}",
        f"content={kind}|{distance}",
        f"{verb_class}|content={kind}",
        f"head={cue_head}|content={kind}",
        f"fronted={fronted}",
        f"fronted={fronted}|content={kind}",
        f"{verb_class}|fronted={fronted}|content={kind}",
        f"teller_after={place}",
        f"teller_after={place}|content={kind}",
        *_aside(lower_before, lower_after),
    ]
    if lower_before and lower_before[-1] in _PREPOSITIONS:
        features.append("after_preposition")  # "with stories of", "in recognition that": a noun
    return features


def _after(words: list[str]) -> tuple[str, str]:
    """What follows the cue and, for what follows an object, how many words in: a quotation, a colon, a
    that-clause or question, a "to"-infinitive, a subject pronoun, a stop, or a noun phrase then one of these, a
    finite verb (the noun phrase was the subject of a clause) or nothing ("np_only"); "end" when nothing but the
    claim's closing marks follows. Read without copying ``words``: only its first ``length`` words count."""
    length = len(words)
    while length and words[length - 1] in _ENDS:
        length -= 1
    if not length:
        return "end", "0"
    first = words[0]
    if first in _OPENING_MARKED:  # one set test for the common first word, which opens none of these
        if first in QUOTE_MARKS:
            return "quote", "0"
        if first == ":":
            return "colon", "0"
        if first in _CONTENT_OPENERS:
            return "wh", "0"
        if _infinitive(words, 0, length):
            return "to", "0"
        if first in _STOPS:
            return "stop", "0"
        if first in _SUBJECTS:
            return "subject", "0"
    for at in range(min(length, _SCAN)):
        word = words[at]
        if word in _MARKED:  # one set test for the common word, which is none of these
            if word in _STOPS:
                return "np_then_stop", _distance(at)
            if word in QUOTE_MARKS:
                return "np_then_quote", _distance(at)
            if _infinitive(words, at, length):
                return "np_then_to", _distance(at)
            if word == "that" and at:
                return "np_then_that", _distance(at)
            if word in _RELATIVES:
                return "np_then_relative", _distance(at)
            if at and word in _FINITE:
                return "np_then_aux", _distance(at)
        if at > 1 and words[at - 1] not in _NOT_A_VERB_BEFORE and _finite_looking(word):
            return "np_then_verb", _distance(at)
    return "np_only", "0"


def opens_a_clause(lower_after: list[str]) -> bool:
    """Whether a clause of the cue's own follows it ("said she is", "told him that", "warned the plan would"):
    its content, which then does not reach back before the cue."""
    return _after(lower_after)[0] in _CLAUSE_AFTER


def _infinitive(words: list[str], at: int, length: int) -> bool:
    """Whether ``words[at]`` is the "to" of an infinitive ("to act"), not a preposition ("to the order"), in the
    first ``length`` words."""
    if words[at] != "to" or at + 1 >= length:
        return False
    following = words[at + 1]
    return following not in _NOT_A_VERB_BEFORE and verb_classes(following) is not None


def _infinitive_after(cue_words: Sequence[str], lower_after: list[str]) -> bool:
    """Whether a "to"-infinitive follows the cue's verb: the cue's own "to" ("agreed to", "seemed to") or the first
    words after it ("seemed" "to overstay")."""
    words = [cue_words[-1], *lower_after] if cue_words[-1] == "to" else lower_after
    return _infinitive(words, 0, len(words))


@lru_cache(maxsize=16384)
def _finite_looking(word: str) -> bool:
    """A past or third-person form of a verb WordNet knows ("announced", "says"); a plural noun that is also a
    verb ("profits") reads the same, which the gate's weights absorb. Cached per word: ``_fronted`` asks it of
    every word before a teller, in C (``map``) when the answer is known."""
    return len(word) > 3 and word.endswith(("ed", "s")) and verb_classes(word) is not None


def _distance(at: int) -> str:
    return "1" if at <= 1 else "3" if at <= 3 else "6" if at <= 6 else "far"


def _fronted(words: list[str]) -> str:
    """What stands before the teller (or the cue when no teller precedes it): nothing, a clause that ends in a
    comma, colon, dash or closing quote (content fronted: "The plan will fail, he argued"), a few words that
    end so, or words that run into the teller (a subject's own words: "Police in Portland declared")."""
    if not words:
        return "none"
    if words[-1] not in _FRONTED_ENDS:
        return "other"
    # the set tests over all the words before any WordNet look-up (``_finite_looking``), the dear test
    clause = len(words) >= 4 and (not _FINITE_OR_SUBJECT.isdisjoint(words[:-1]) or any(map(_finite_looking, words[:-1])))
    return "clause" if clause else "short"


def _teller_place(before_teller: list[str]) -> str:
    """What the word right before a teller that precedes its cue is: a relative pronoun or a subordinator ("a
    vote that one veteran said had", "although he said": the teller's clause is not the claim's main one), a
    "what" ("in what police said was"), a preposition, a conjunction, a mark, "start" at the claim's start, or
    "other" (a noun before a teller often opens a relative clause without its pronoun, "memos he wrote")."""
    if not before_teller:
        return "start"
    word = before_teller[-1]
    return next((place for place, words in _TELLER_PLACES if word in words), "other")


def _aside(lower_before: list[str], lower_after: list[str]) -> list[str]:
    """An aside: the words since the last comma, bracket or dash before the cue open with a relative pronoun or
    "as", "when" ("..., which critics said", "..., as he told reporters"), or the claim opens with a subordinator
    and no mark comes before the cue ("leading": "Although Hoyer said ..., leaders endorsed"); "closed" when a comma, bracket or dash
    after the cue ends it within the claim, so that the writer's sentence goes on."""
    mark = next((at for at in range(len(lower_before) - 1, -1, -1) if lower_before[at] in _ASIDE_MARKS), -1)
    opener = lower_before[mark + 1] if mark + 1 < len(lower_before) else None
    if mark < 0:
        if opener not in _LEADING_OPENERS:
            return []
        kind = "leading"
    elif opener not in _ASIDE_OPENERS:
        return []
    else:
        kind = "relative" if opener in _RELATIVES else "subordinate"
    closed = any(word in _ASIDE_MARKS or word == ")" for word in lower_after)
    return [f"aside={kind}", f"aside={kind}|closed={closed}"]


def governs_nothing(cue_words: Sequence[str], lower_before: list[str], lower_after: list[str]) -> str | None:
    """Why a cue's shape makes it no saying by docs/guidelines.md v2, or None; refused whatever the gate says,
    as ``attribution.decide.governs_no_content`` refuses its shapes. ``cue_words`` are the cue's lower-cased words:
    - "writer_idiom": the cue and the words of its clause before it are a writer's idiom (``writer_idioms``: "All
      told, ...", "— say, the wind speed —") with a comma after it, or a gerund after one of
      ``writer_gerund_openers`` ("it is worth noting that", "it's like arguing that"): nobody says anything;
    - "auxiliary": the cue is an auxiliary ("Pompeo did not meet", "was criticized");
    - "particle": the cue is a verb's particle or a preposition alone ("rolled out", "care about");
    - "noun": a preposition right before the cue and no gerund ("over reports that", "of claims that", "toward
      stories that", "Despite complaints that"): the cue word is a noun, a topic;
    - "writers_colon": the cue is a colon inside the claim after a clause of the writer's with no word of saying
      (``_writers_colon``: "The first rule is: Don't ...", "fighting the Left: “...”"): the writer goes on;
    - "no_verb": no word of the cue is a verb and no that-clause (within three words), quotation or colon follows
      ("mission statement of", "opposition to"; a speaker label's colon and "announcement Friday that" stay);
    - "noun_in_clause": no word of the cue is a verb, and a that-clause, quotation or colon follows it at once, but
      a finite verb of the claim stands before the cue (``_has_finite_verb``: "What strikes me is his unchecked assertion that",
      "The lesson was so obvious that"): the noun's content is a topic of the writer's clause; a claim that is only the
      noun phrase ("Georgia Bureau of Investigation announcement Friday that ...") keeps its cue;
    - "singular_noun": the cue is a verb's base form after a singular determiner (``_after_singular_determiner``: "a
      conspiratorial false claim that", "One big fear is that", "in this view", "a gun permit that"): no singular
      subject takes a base form, so the cue word is a noun, a topic;
    - "agreeing": "agreed to" and a verb, an action ("agreed to donate");
    - "decision": a verb of deciding (``deciding_verbs``), whatever follows ("voted to", "approved a law that");
    - "seeming": a verb of seeming (``seeming_verbs``) with a "to"-infinitive after it ("seemed to overstay", "appears
      to trace") or a complement (``_seems_so``: "appear virtually impenetrable", "it seems the voters are"): how a
      thing looks to the writer, a hedge;
    - "knowing": a verb of knowing or finding out (``knowing_verbs``), whatever follows ("knew that", "discovered
      that"): the writer gives the content as a fact;
    - "feeling": a verb of feeling or liking (``_feeling_verb``: "enjoys “Modern Family”", "liked the moniker", "feel
      discriminated against") with no clause of content after it, or of wanting (``wanting_verbs``) whatever follows
      ("wants 7 million people enrolled"): what the teller feels, not a saying;
    - "asking": a verb of asking (``asking_verbs``) that asks a yes-no question or a request (``_asks_no_assertion``:
      "Smith asked if Reed supported", "asked Shah on Sunday whether", "asked the judges to order"): neither asserts
      its content;
    - "refusing": a verb of refusing (``refusing_verbs``) that acts on a request or gives a person nothing
      (``_refuses``: "denied a records request", "denied him the nomination"): an action, not a saying;
    - "narrating": a verb of telling (``telling_verbs``) whose object is a story with nothing after it that gives
      what it holds (``_tells_a_story``: "tells a different story", "tells this story for the first time");
    - "writing": a verb of writing (``writing_verbs``) that makes a thing (``_writes_a_thing``: "wrote the programs
      that ran the model", "posted a photo of herself"): an action;
    - "outcry": a verb of crying out (``outcry_verbs``) with no quotation before it ("students marched through,
      chanting “Not my president”", "Joe Wilson yelled “You lie!”", "shouting across a divide"): the writer tells of
      an outcry, a slogan or an exclamation, not of a claim; a quotation fronted before it keeps the cue ("“He got
      away with murder,” Perkins shouted");
    - "continuing": a verb that says only as it goes on from a quotation (``continuing_verbs``) with a noun phrase
      object right after it and no quotation before it (``_acts_at_once``: "the campaign hastily added a stop in
      Flint", "Purdue continued aggressive promotion of OxyContin"): an action;
    - "acting": a verb that acts with words (``acting_verbs``) on an object only ("urged Congress to
      act", "criticized the ruling"), with no that-clause, quotation, colon or "as" and a judgement after it;
    - "expressing": a verb of expressing, presenting or publishing (``expressing_verbs``) on an object only, read
      as the acting verbs are ("voiced his anger", "unveiled a bill", "published its analysis");
    - "posting": a verb of posting (``posting_verbs``) whose object opens with a determiner or a possessive, read
      as the acting verbs are ("tweeted an image of", "posted the clip to YouTube"): a thing sent, no saying;
    - "naming": a past participle of naming (``naming_verbs``) that gives a thing its name (``_names_a_thing``: "a
      memo titled “The Facts”", "also known as", "Called the Rosenberg method, it ...", "hosted a segment called
      ..."): the name is no content;
    - "nothing_found": a verb of finding, showing or pleading (``finding_verbs``, ``_CueShape.finding``) followed at
      once, in the cue or past it, by a reflexive, a verdict or a particle, or by none of a bearing (``_nothing_found``:
      "found itself in", "has shown itself to be", "found guilty", "found not guilty", "showed up", "pleaded guilty",
      "showed no reaction"): nothing is found, shown or said;
    - "nothing_said": what the cue says in place of content, then a topic (``_nothing_said``: "said
      nothing about it", "said no to the war", "says a lot about privilege");
    - "self_description": the cue's object is its teller itself with a complement after it (``_describes_itself``:
      "labeled himself a “uniter”", "declared themselves “LGBTQ-free zones”", "have concerned themselves more with"):
      the teller names itself or acts on itself, nothing is said;
    - "state": a verb that names a state (``_states``: "spent much of the weekend in dismay", "included information
      about", "weighed whether to", "for exemplifying how") with an object or a question after it: no saying;
    - "phrasal_action": a verb of ``phrasal_action_verbs`` alone as the cue with one of ``action_particles`` right
      after it ("called off the trip", "called into the show"): an action;
    - "demanding": a verb of demanding (``demanding_verbs``) with "for" after it (``_demands``: "called for a voice
      vote", "called Wednesday for the justice to resign"): what is demanded is a proposal, not content;
    - "modifier": a past participle alone as the cue that is an adjective of the noun after it (``_modifies_a_noun``:
      "the previously announced absence", "a self-described socialist"): nothing is said;
    - "restrictive_relative": the cue opens a relative clause that defines the person right before it, with no mark
      between (``_defining_relative``), whatever follows ("the woman who accused him of", "a Republican who
      warned of the deficit", "a close friend of Mr. McConnell's who has said he will not decide"): the writer's
      sentence picks the person out by a deed or a saying;
    - "defining_relative": the cue opens a relative clause with one of ``defining_relatives`` that defines the thing
      right before it, with no mark between (``_defining_relative``: "approved a ballot initiative that says
      ...", "posted her message under a headline that said, “...”", "a book that argues that"), whatever follows: the
      writer's sentence picks the thing out by what it says; a report's finding (``evidential_verbs``: "a 2009
      government report that found") is left to the gate;
    - "background_relative": the cue stands in a relative clause after a comma or dash that follows the writer's
      main clause and recalls what the person has said before (a perfect or ``background_adverbs``,
      ``_background_relative``: "It marked a reversal for Kasich, who previously said ...", "..., and to Democrats,
      who had warned that ..."): background to the writer's assertion, not the claim's content;
    - "poll_share": the teller is a poll's share (``_poll_share``: "90% say", "a similar share of the other side
      says", "only 50 percent believe", "Two in three said", "one voter in five thinks", "respondents said"): the
      poll's finding, inherited from the poll;
    - "contact_relative": a noun, a pronoun teller and the cue with nothing of its own after it, a relative clause
      with no pronoun (``_contact_relative``: "memos he wrote justifying the killing", "a choice she explained on
      her page", "the facts they acknowledge are"): the writer's noun phrase, not a saying;
    - "relative_teller": a teller stands between one of ``teller_relatives`` and the cue, with no copula before it
      and no clause after the cue (``_relative_teller``: "in what police said was", "contrary to what Trump
      wrote, ..."): an aside in a noun phrase of the writer's sentence;
    - "relative_aside": a teller stands between one of ``gapped_relatives`` and the cue, and the relative clause's
      verb follows the cue at once (``_relative_aside``: "the law, which critics said suppressed votes", "a move
      that aides say was aimed at"): an aside in a noun phrase of the writer's sentence;
    - "manner": one of ``manner_cues`` right after an "-ly" adverb or a passive participle ("diverge sharply according
      to", "are priced according to"): how a thing is done, not who says so;
    - "subject_aside": the cue opens a relative clause after a comma, a bracket or a dash that describes the claim's
      subject, before any verb of the main clause, which goes on after the aside closes (``_in_subject_aside``: "Mr.
      Gubarev, who flatly denies he had ..., filed an appeal"), or a past participle does with no pronoun ("The
      policy, announced Wednesday, would end"): an aside in the writer's sentence;
    - "agentless_passive": a passive with no agent after it (``_passive_agent``: "was reported", "We were told that",
      "we're told", "I am also told", "it was revealed that", "are said to be urging the governor to play by the
      rules"): vague attribution, a hedge, never an attribution;
    - "adjunct_clause": the cue stands in an adjunct clause ("Although Hoyer said ...", "..., after Trump complained
      about", "After announcing his retirement, ...", a claim's opening "as" with content of the cue's own: "As Obama
      announces that ..., he is set to", ``_temporal_as``; a claim's opening "when", ``_fronted_time``) of a main
      clause with a verb of its own (``_in_adjunct_clause``): an aside in the writer's sentence;
    - "negated": a negation right before the cue ("did not say how", "hasn't said that", "isn't questioning"):
      nothing was said; a negated belief ("doesn't think", ``negated_stances``: "don't see") stays."""
    lower_before, lower_after = _without_title_points(lower_before), _without_title_points(lower_after)
    shape = _cue_shape(tuple(cue_words))
    head, lemma = shape.head, shape.lemma
    if (lower_after[:1] == [","] and _writer_idiom(cue_words, lower_before)
            or lower_before[-1:] and lower_before[-1] in _WRITER_GERUND_OPENERS and shape.gerund):
        return "writer_idiom"
    if head in _AUXILIARIES:
        return "auxiliary"
    if len(cue_words) == 1 and head in _WORDS["lone_particles"]:
        return "particle"
    if lower_before and lower_before[-1] in _PREPOSITIONS and cue_words[0] != "to" and not shape.gerund:
        return "noun"
    if head == ":" and len(cue_words) == 1 and _writers_colon(lower_before, lower_after):
        return "writers_colon"
    following = lower_after[0] if lower_after else ""
    if head != ":" and head not in QUOTE_MARKS and not shape.has_verb:
        if following != ":" and following not in QUOTE_MARKS and "that" not in lower_after[:3]:
            return "no_verb"
        if (following in ("that", ":") or following in QUOTE_MARKS) and _has_finite_verb(lower_before):
            return "noun_in_clause"
    if shape.base_form and _after_singular_determiner(lower_before):
        return "singular_noun"
    if head == "to" and len(cue_words) > 1 and cue_words[-2] in _WORDS["agreeing"] and _infinitive_after(cue_words, lower_after):
        return "agreeing"
    if lemma in _DECIDING:
        return "decision"
    if lemma in _SEEMING and (_infinitive_after(cue_words, lower_after) or _seems_so(lower_after)):
        return "seeming"
    if lemma in _KNOWING:
        return "knowing"
    if shape.feeling and not opens_a_clause(lower_after) or lemma in _WANTING:
        return "feeling"
    if lemma in _ASKING and _asks_no_assertion(lower_after):
        return "asking"
    if lemma in _REFUSING and _refuses(lower_after):
        return "refusing"
    if lemma in _TELLING and _tells_a_story(lower_after):
        return "narrating"
    if lemma in _WRITING and _writes_a_thing(lower_before, lower_after):
        return "writing"
    if lemma in _OUTCRY and QUOTE_MARKS.isdisjoint(lower_before):
        return "outcry"
    if lemma in _CONTINUING and _acts_at_once(lower_before, lower_after):
        return "continuing"
    on_object = _ON_OBJECT.get(lemma)
    if on_object is not None and _acts_on_object(lower_after):
        return on_object
    if lemma in _POSTING and lower_after[:1] and lower_after[0] in _NOUN_MARKERS and _acts_on_object(lower_after):
        return "posting"
    if shape.naming and _names_a_thing(cue_words, lower_before, lower_after):
        return "naming"
    if shape.finding is not None and _nothing_found([*cue_words[shape.finding + 1 :], *lower_after]):
        return "nothing_found"
    if _nothing_said(lower_after):
        return "nothing_said"
    if _describes_itself(cue_words, lower_after):
        return "self_description"
    if shape.state and _states(lower_after):
        return "state"
    if lemma in _PHRASAL_ACTIONS and len(cue_words) == 1 and lower_after[:1] and lower_after[0] in _ACTION_PARTICLES:
        return "phrasal_action"
    if lemma in _DEMANDING and _demands(cue_words, shape.verb_at, lower_after):
        return "demanding"
    if len(cue_words) == 1 and shape.head_participle and _modifies_a_noun(lower_before, lower_after):
        return "modifier"
    relative = _defining_relative([*lower_before, *cue_words[: shape.verb_at]] if shape.verb_at else lower_before)
    if relative in _RESTRICTIVE_RELATIVES:
        return "restrictive_relative"
    if relative in _DEFINING_RELATIVES and lemma not in _EVIDENTIAL:
        return "defining_relative"
    # the words before the cue's head, for three tests that only read them: ``lower_before`` itself for a one-word cue
    before_head = [*lower_before, *cue_words[:-1]] if len(cue_words) > 1 else lower_before
    if _background_relative(before_head):
        return "background_relative"
    if _poll_share(lower_before):
        return "poll_share"
    if _contact_relative(lower_before, lower_after):
        return "contact_relative"
    if _relative_teller(lower_before, lower_after):
        return "relative_teller"
    if _relative_aside(lower_before, lower_after):
        return "relative_aside"
    if shape.manner and lower_before and (
            _ly_adverb(lower_before[-1]) or is_past_participle(lower_before[-1]) and _after_be(lower_before[:-1])):
        return "manner"
    if _in_subject_aside(lower_before, lower_after, len(cue_words) <= 2 and shape.head_participle):
        return "subject_aside"
    if shape.head_participle and _after_be(before_head) and not _passive_agent(lower_after):
        return "agentless_passive"
    if shape.has_verb and _in_adjunct_clause(lower_before, lower_after, shape.gerund):
        return "adjunct_clause"
    if shape.negatable and _negated(before_head):
        return "negated"
    return None


def _without_title_points(words: list[str]) -> list[str]:
    """``words`` without the points of titles and initials ("mrs", ".", "clinton"; "u", ".", "s", "."), which end no
    clause: "He attacked Mr. Clinton after Mrs. Clinton accused him" has one clause before "after". The claim's last
    word is left, which ends it."""
    if "." not in words[1:-1]:  # a claim's only point is mostly its last word, which stays
        return words
    last = len(words) - 1
    return [word for at, word in enumerate(words)
            if word != "." or at == 0 or at == last or not _title_or_initial(words[at - 1])]


def _title_or_initial(word: str) -> bool:
    """A title written with a point ("mr", "sen") or an initial ("u" of "U.S.", "w" of "George W. Bush")."""
    return word in _TITLES or len(word) == 1 and word.isalpha()


def _after_singular_determiner(lower_before: list[str]) -> bool:
    """Whether one of ``singular_determiners`` stands among the three words before a cue in a verb's base form
    (``_CueShape.base_form``; not a past spelled as one, ``past_as_base``: "a statement read") with only words of a
    singular noun phrase between: none a plural in "-s", a verb form, a mark, a pronoun, a relative, a preposition
    or a word of time ("polls this week show"); a determiner inside a phrase of the subject's (``_inside_a_phrase``:
    "Most voters in nearly every category agree") is none."""
    for at in range(len(lower_before) - 1, max(-1, len(lower_before) - 5), -1):
        between = lower_before[at]
        if between in _SINGULAR_DETERMINERS:
            return not _inside_a_phrase(lower_before, at)
        if (not between.isalpha() or between.endswith("s") or between in _NOT_A_NOUN_OF_A_PHRASE
                or _finite_looking(between) or _irregular_past(between)):
            return False
    return False


def _inside_a_phrase(lower_before: list[str], at: int) -> bool:
    """Whether the determiner at ``at`` follows a preposition (past "-ly" adverbs) that does not open the cue's clause:
    the noun phrase is its object, inside the subject ("Most voters in nearly every demographic category agree"),
    where one that opens the clause leaves the cue no other subject ("In this view, ...")."""
    before = at - 1
    while before >= 0 and _ly_adverb(lower_before[before]):
        before -= 1
    return before >= 0 and lower_before[before] in _PREPOSITIONS and before > _clause_start(lower_before)


class _CueShape(NamedTuple):
    """What ``governs_nothing`` reads of the cue's own words, whatever stands around them (``_cue_shape``)."""

    head: str
    """The cue's last word."""
    verb: str
    """The cue's verb: its last word that is no particle or preposition ("called for", "pointed to", "lashed out at"
    are "called", "pointed", "lashed"), so that the verb lists judge a phrasal cue by its verb; the last word when
    all are."""
    verb_at: int
    """Where ``verb`` first stands in the cue."""
    lemma: str
    """``verb``'s base form (``verb_lemma``)."""
    has_verb: bool
    """Whether a word of the cue is a verb WordNet knows."""
    head_participle: bool
    """Whether the last word is a past participle."""
    gerund: bool
    """Whether the cue opens with a word in "-ing"."""
    manner: bool
    """Whether the cue is one of ``manner_cues`` ("according to")."""
    naming: bool
    """Whether a word of the cue is the past participle of a verb of naming (``naming_verbs``: "titled", "dubbed",
    "known"), which ``_names_a_thing`` reads on."""
    finding: int | None
    """Where the cue's first verb of finding (``finding_verbs``) stands, whose words after it, in the cue and past
    it, may find nothing (``_nothing_found``: "found itself", "pleaded guilty in court"); None for none."""
    feeling: bool
    """Whether ``verb`` is one of feeling or liking and no saying or belief (``_feeling_verb``)."""
    state: bool
    """Whether ``verb`` names a state (``_state_verb``) and the cue is no manner cue ("according to" names no state):
    ``_states`` reads on."""
    base_form: bool
    """Whether the cue is one word, a verb's base form that is no past spelled as one (``past_as_base``), which a
    singular determiner before it makes a noun (``_after_singular_determiner`` reads on)."""
    negatable: bool
    """Whether a negation before the cue makes it say nothing: its head is a verb, no negated stance
    (``negated_stances``) nor a belief (``_negated`` reads on)."""


@lru_cache(maxsize=4096)
def _cue_shape(cue_words: tuple[str, ...]) -> _CueShape:
    """The ``_CueShape`` of a cue's lower-cased words, read once per cue (cached: "said", "told" come back claim
    after claim)."""
    head = cue_words[-1]
    verb = next((word for word in reversed(cue_words) if word not in _PARTICLES), head)
    lemma = verb_lemma(verb)
    manner = " ".join(cue_words) in _MANNER_CUES
    return _CueShape(
        head=head,
        verb=verb,
        verb_at=cue_words.index(verb),
        lemma=lemma,
        has_verb=any(map(verb_classes, cue_words)),
        head_participle=is_past_participle(head),
        gerund=cue_words[0].endswith("ing"),
        manner=manner,
        naming=any(is_past_participle(word) and verb_lemma(word) in _NAMING for word in cue_words),
        finding=next((at for at, word in enumerate(cue_words) if verb_lemma(word) in _FINDING), None),
        feeling=_feeling_verb(verb),
        state=not manner and _state_verb(verb, lemma),
        base_form=len(cue_words) == 1 and head.isalpha() and verb_lemma(head) == head and head not in _PAST_AS_BASE,
        negatable=verb_classes(head) is not None and lemma not in _NEGATED_STANCES and not _BELIEF.match(head),
    )


def _seems_so(lower_after: list[str]) -> bool:
    """Whether a verb of seeming has a complement right after it that says how a thing looks: an adjective or a
    clause with no "that" ("appear virtually impenetrable", "appears reticent", "it seems the voters are"); not a
    preposition or particle ("appeared on a morning show", an action), a that-clause (left to the gate, as PolNeAR
    marks "it appeared that"), a mark or nothing."""
    first = lower_after[0] if lower_after else ""
    return bool(first) and first != "that" and first not in _PARTICLES and first not in _STOPS and first not in _ENDS


def _feeling_verb(verb: str) -> bool:
    """Whether ``verb`` is one of feeling or liking and no saying or belief: its first WordNet sense is of one of
    ``feeling_classes`` and none of communication, and no ``belief_stems`` stem opens it ("fears", "hopes", "worried"
    stay); it feels (rule "feeling") with no clause of content after it (a that-clause or question, a subject and
    its verb: "many feel the government overstepped" stays)."""
    classes = verb_classes(verb)
    return classes is not None and classes[0][0] in _FEELING and not classes[1] and _BELIEF.match(verb) is None


def _demands(cue_words: Sequence[str], verb_at: int, lower_after: list[str]) -> bool:
    """Whether "for" follows a verb of demanding (the cue's word at ``verb_at``), in the cue ("called for") or right
    after it past dates and "-ly" adverbs ("called Wednesday for"), with no colon or quotation before the first stop
    after it: the thing demanded, where "called for prosecuting him: “...”" gives what was said."""
    words = [*cue_words[verb_at + 1 :], *lower_after]
    at = 0
    while at < len(words) and (words[at] in _CALENDAR or _ly_adverb(words[at])):
        at += 1
    if words[at : at + 1] != ["for"]:
        return False
    for word in words[at + 1 :]:
        if word == ":" or word in QUOTE_MARKS:
            return False
        if word in _STOPS:
            break
    return True


def _state_verb(verb: str, lemma: str) -> bool:
    """Whether the cue's verb names a state, not an event of saying: its first WordNet sense is of one of
    ``state_classes``, it is no verb that goes on from a quotation (``continuing_verbs``: "“...,” he continued") and
    no noun of a view held ("raised concerns among critics"); it states (``_states``) with an object after it."""
    classes = verb_classes(verb)
    return classes is not None and classes[0][0] in _STATES and lemma not in _CONTINUING and verb not in STANCE_NOUNS


def _states(lower_after: list[str]) -> bool:
    """Whether an object or a question follows a verb of a state (``_state_verb``): ``_STATE_OBJECTS``, not "that",
    a quotation, a colon or a clause ("maintained that" stays)."""
    return _after(lower_after)[0] in _STATE_OBJECTS and lower_after[0] != "that"


def _asks_no_assertion(lower_after: list[str]) -> bool:
    """Whether the first word after the cue that opens what it asks, past an addressee and adjuncts ("asked Shah on
    “This Week” Sunday if", "asked the judges to order"), is one of ``asking_openers``; a wh-word or a stop first
    ends the reading ("asked why the plan failed")."""
    for word in lower_after[:_SCAN]:
        if word in _ASKING_OPENERS:
            return True
        if word in _CONTENT_OPENERS or word in _STOPS:
            return False
    return False


def _refuses(lower_after: list[str]) -> bool:
    """Whether a verb of refusing acts on a request or gives a person nothing: one of ``request_nouns`` in its
    object before a mark, a clause or content ("denied a records request from", "denied the department's request
    to"), or one of ``refused_persons`` and a second object ("denied him the nomination")."""
    if lower_after[:1] and lower_after[0] in _REFUSED_PERSONS:
        return len(lower_after) > 1 and lower_after[1] not in _STOPS and lower_after[1] != "that"
    for word in lower_after[:_SCAN]:
        if word in _REQUESTS:
            return True
        if word in _CLAUSE_MARKS or word in QUOTE_MARKS or word in _FINITE or word == "that":
            return False
    return False


def _writes_a_thing(lower_before: list[str], lower_after: list[str]) -> bool:
    """Whether a verb of writing makes a thing: a noun phrase object opens at once after it (one of the noun
    markers), it acts on that object only (``_acts_on_object``) with no participle after it that would say what the
    thing holds ("wrote an analysis confirming"), and no quotation or comma stands before the cue (``_acts_at_once``:
    an inverted saying, "...,” wrote the late senator")."""
    return (bool(lower_after) and lower_after[0] in _NOUN_MARKERS and _acts_at_once(lower_before, lower_after)
            and not any(word.endswith("ing") for word in lower_after[:_SCAN]))


def _acts_at_once(lower_before: list[str], lower_after: list[str]) -> bool:
    """Whether a noun phrase object opens right after the cue (no mark, quotation, clause word or preposition first),
    the cue acts on it only (``_acts_on_object``), and no quotation or comma before the cue makes it an inverted
    saying ("“...,” added Pavone")."""
    if not lower_after or lower_after[0] in _OPENING_MARKED or lower_after[0] in _PARTICLES:
        return False
    if lower_before[-1:] and lower_before[-1] in _INVERTED or not QUOTE_MARKS.isdisjoint(lower_before):
        return False
    return _acts_on_object(lower_after)


def _tells_a_story(lower_after: list[str]) -> bool:
    """Whether the object of a verb of telling is a story with nothing after it that gives what it holds: a
    determiner, at most one word, one of ``narrative_nouns``, then no ``narrative_openers`` word ("tells a different
    story.", "tells this story for the first time"; not "told the story of how")."""
    if not lower_after or lower_after[0] not in _NOUN_MARKERS:
        return False
    for at in (1, 2):
        if at < len(lower_after) and lower_after[at] in _NARRATIVES:
            return _NARRATIVE_OPENERS.isdisjoint(lower_after[at + 1 : at + 2])
    return False


def _nothing_said(lower_after: list[str]) -> bool:
    """Whether the words after a cue are what it says in place of content, then a topic: one of
    ``said_in_place`` ("nothing", "no", "a lot") followed at once by one of ``said_in_place_ends`` ("said nothing
    about it", "said no to the war", "says a lot about privilege", "adds nothing to the debate")."""
    words = _SAID_IN_PLACE.get(lower_after[0]) if lower_after else None
    if words is None or lower_after[: len(words)] != words:
        return False
    return len(lower_after) > len(words) and lower_after[len(words)] in _SAID_IN_PLACE_ENDS


def _modifies_a_noun(lower_before: list[str], lower_after: list[str]) -> bool:
    """Whether a past participle is an adjective of the noun right after it: a word joined to it by a hyphen ("a
    self-described socialist"), or an article or possessive before it past "-ly" adverbs and "only" ("the previously
    announced absence", "the only formally declared candidate"), with a word after it that opens no clause, object
    or quotation (``_MARKED``)."""
    following = lower_after[0] if lower_after else ""
    if not following or following in _MARKED or following in _NOUN_MARKERS:
        return False
    if lower_before and len(lower_before[-1]) > 1 and lower_before[-1].endswith("-") and lower_before[-1][-2].isalpha():
        return True
    for word in reversed(lower_before):
        if not (word == "only" or _ly_adverb(word)):
            return word in _MODIFIED_NOUN_OPENERS
    return False


def _writers_colon(lower_before: list[str], lower_after: list[str]) -> bool:
    """Whether a colon inside a claim (words after it) ends a clause of the writer's: words no speaker label has
    (``_WRITERS_CLAUSE``: "His latest book is:", "a way of fighting the Left:"; "CW:", "REP. ADAM SCHIFF:" have none)
    and no word whose first verb sense is of communication ("described the origin of the name to Mother Jones:",
    where the colon stands for that saying). A lead-in's colon that ends the claim ("the Times gave her an
    endorsement:") hands on the block after it (lead_ins.py) and is left to the gate."""
    if _after(lower_after)[0] == "end" or _WRITERS_CLAUSE.isdisjoint(lower_before):
        return False
    return not any(map(_communicates, lower_before))


def _communicates(word: str) -> bool:
    """Whether the word's first verb sense (WordNet) is one of communication ("said", "described")."""
    classes = verb_classes(word)
    return classes is not None and classes[0][0] == "communication"


def _poll_share(lower_before: list[str]) -> bool:
    """Whether one of ``share_words`` or a share given as one number "in" another ("two in three", "one voter in
    five") stands among the last few words before the cue with no mark, clause word or finite verb after it
    (``_SHARE_WORDS``: "with 92 % saying", "percent of americans responded"); a participle of polling and brackets
    are passed over ("percent of those polled say", "a similar number (41 percent) say")."""
    near = lower_before[-_SHARE_WORDS:]
    if _SHARES.isdisjoint(near) and "in" not in near:
        return False  # the common case, no share word near the cue: one set test before the scan
    for at in range(len(lower_before) - 1, max(-1, len(lower_before) - 1 - _SHARE_WORDS), -1):
        word = lower_before[at]
        if word in _SHARES or word == "in" and _share_number(lower_before[at + 1 : at + 2]) and (
                _share_number(lower_before[max(0, at - 1) : at]) or _share_number(lower_before[max(0, at - 2) : at - 1])):
            return True
        if word in _POLLED or word in _BRACKETS:
            continue
        if word in _STOPS or word in _NOT_DEFINED or word in _RELATIVES or _finite_looking(word):
            return False
    return False


def _share_number(words: list[str]) -> bool:
    """Whether ``words`` is one number, in digits or in words ("7", "seven")."""
    return len(words) == 1 and (words[0].isdigit() or words[0] in _SHARE_NUMBERS)


def _contact_relative(lower_before: list[str], lower_after: list[str]) -> bool:
    """Whether the cue's teller is a subject pronoun right after a noun (no verb, function word, mark or "-ly"
    adverb: "memos he wrote", "differences he hopes") and the cue's object is that noun: after the cue comes no
    object nor content (no quotation, colon or "that" in the claim) but at once a stop, a preposition, a
    subordinator, an auxiliary or an "-ing" word ("memos he wrote justifying", "a movement he said was")."""
    if len(lower_before) < 2 or lower_before[-1] not in _SUBJECTS:
        return False
    noun = lower_before[-2]
    if (not noun.isalpha() or noun in _NOT_A_VERB_BEFORE or noun in _NOT_DEFINED or noun in _RELATIVES
            or _ly_adverb(noun) or verb_classes(noun) is not None):
        return False
    if any(word in QUOTE_MARKS or word in (":", "that") for word in lower_after):
        return False
    first = lower_after[0] if lower_after else "."
    return (first in _STOPS or first in _PREPOSITIONS or first in _AUXILIARIES or first in _FINITE
            or first in _CLAUSE_WORDS["subordinators"] or first.endswith("ing"))


def _relative_teller(lower_before: list[str], lower_after: list[str]) -> bool:
    """Whether one of ``teller_relatives`` opens a teller right before the cue (``_teller_opener``: "in what police
    said", "what Apple is calling") with no form of "be" before it past "-ly" adverbs ("That's what Barr wrote" is a
    cleft, its content the sentence before), and no clause after the cue (``_after``: "what Trump says his plan
    would do")."""
    at = _teller_opener(lower_before, _TELLER_RELATIVES)
    if at is None:
        return False
    before = next((word for word in reversed(lower_before[:at]) if not _ly_adverb(word)), "")
    cleft = is_be(before, or_has=True)
    return not cleft and not opens_a_clause(lower_after)


def _relative_aside(lower_before: list[str], lower_after: list[str]) -> bool:
    """Whether one of ``gapped_relatives`` opens a teller right before the cue (``_teller_opener``) and either the
    first word after the cue, past "-ly" adverbs, is a finite verb: the relative pronoun is that verb's subject
    ("which critics said suppressed", "that aides say was"), so the clause after the cue has none of its own; or the
    pronoun is one of ``object_relatives``, which stands for a thing of the writer's noun phrase whatever follows
    ("which aides said they had not expected"), also after a preposition when the writer's clause has a finite verb
    before it ("a 2007 statement in which he claimed Iran did not", "a campaign in which Trump has said that"; "To
    which she said" opens the claim, its saying the claim's own)."""
    opener = _teller_opener(lower_before, _GAPPED_RELATIVES)
    if opener is None:
        return False
    verb = next((word for word in lower_after if not _ly_adverb(word)), "")
    governed = lower_before[opener] in _OBJECT_RELATIVES and (
        not (opener and lower_before[opener - 1] in _PARTICLES) or _has_finite_verb(lower_before[: opener - 1]))
    return governed or verb in _FINITE or _finite_looking(verb) or _irregular_past(verb)


def _teller_opener(lower_before: list[str], relatives: frozenset[str]) -> int | None:
    """Where one of ``relatives`` opens a teller of one to ``_TELLER_WORDS`` words with no mark, auxiliary or past form
    in it ("which Mr. Moran said": ``_without_title_points`` took the title's point), right before the cue past the
    auxiliaries, modals and "-ly" adverbs before it ("in what police have repeatedly said", "which Trump in his 2016
    campaign promised"); None when none does."""
    if relatives.isdisjoint(lower_before):
        return None  # the common case, no relative before the cue at all: one set test before the scan
    end = _before_auxiliaries(lower_before)
    for at in range(end - 1, max(-1, end - 2 - _TELLER_WORDS), -1):
        word = lower_before[at]
        if word in relatives:
            return at if at < end - 1 else None
        if (word in _STOPS or word in QUOTE_MARKS or word in _FINITE or word.endswith("ed") and _finite_looking(word)
                or _irregular_past(word)):
            return None
    return None


def _in_subject_aside(lower_before: list[str], lower_after: list[str], participle: bool) -> bool:
    """Whether the words before the cue are the claim's subject, a comma, bracket or dash and a relative pronoun (past
    "-ly" adverbs and auxiliaries), with no finite verb in the subject, and a mark after the cue closes the aside
    before a finite verb (``_after_break``): the relative clause describes the subject of the writer's sentence
    ("Many advocates, who argue that ..., believe that ..."). A ``participle`` cue opens such an aside with no
    pronoun (a reduced relative: "The policy, announced Wednesday, would end ...", "the news – first reported by the
    Journal – suggests"), after a subject with no mark or quotation of its own (not "Graham, R-S.C., announced
    Monday, ...") and with no object after it (``_passive_adjunct``: not "The plan, said the minister, would"). In
    the subject only an auxiliary or a past form counts as a verb: a plural noun ("advocates") often reads as a
    third-person one."""
    end = _before_auxiliaries(lower_before)
    if participle and end >= 2 and lower_before[end - 1] in _ASIDE_MARKS:
        subject = lower_before[: end - 1]
        if not (_ASIDE_MARKS.isdisjoint(subject) and QUOTE_MARKS.isdisjoint(subject) and _passive_adjunct(lower_after)):
            return False  # an apposition, content fronted, or a teller after an inverted "said" ("said the minister")
    elif end >= 3 and lower_before[end - 1] in _RELATIVES and lower_before[end - 2] in _ASIDE_MARKS:
        subject = lower_before[: end - 2]
    else:
        return False
    verb = any(word in _FINITE or word.endswith("ed") and _finite_looking(word) or _irregular_past(word) for word in subject)
    return not verb and _has_finite_verb(_after_break(lower_after))


def _passive_adjunct(lower_after: list[str]) -> bool:
    """Whether a passive participle's words go on with no object, as a passive's do: a preposition ("by the
    Journal"), a date (``calendar``: "Friday") or an "-ly" adverb first, not a teller ("said the minister")."""
    first = lower_after[0] if lower_after else ""
    return first in _PREPOSITIONS or first in _CALENDAR or _ly_adverb(first)


def _before_auxiliaries(lower_before: list[str]) -> int:
    """Where the words before a cue end once the auxiliaries, modals and "-ly" adverbs right before it are set
    aside ("what police have repeatedly said": before "have")."""
    end = len(lower_before)
    while end and (lower_before[end - 1] in _FINITE or _ly_adverb(lower_before[end - 1])):
        end -= 1
    return end


def _ly_adverb(word: str) -> bool:
    """Whether a word is an "-ly" adverb ("previously", "formally"); a noun in "-ily" or "-bly" ("the family", "the
    assembly") is none."""
    return len(word) > 5 and word.endswith("ly") and not word.endswith(("ily", "bly"))


def _defining_relative(words: list[str]) -> str | None:
    """The last of ``words`` (those before the cue's verb), past "-ly" adverbs, ``negation_gap`` adverbs,
    ``background_adverbs`` and "has", "have", "had", when it is one of ``restrictive_relatives`` or
    ``defining_relatives`` with a word before it that is no mark, subordinator, conjunction, pronoun or verb form:
    the relative that opens a clause defining the noun before it ("the woman who accused", "a close friend who has
    warned", "those who previously said", "a headline that said"); None otherwise. A relative after a mark ("Blunt,
    who said"), opening the claim or after a verb ("argued that he said", "told him that": a clause of content) is
    none."""
    at = len(words) - 1
    while at > 0 and (words[at] in _RELATIVE_GAP or _ly_adverb(words[at])):
        at -= 1
    if at < 1 or words[at] not in _ANY_DEFINING_RELATIVE:
        return None
    before = words[at - 1]
    if (before in _STOPS or before in QUOTE_MARKS or before in _NOT_DEFINED or before in _PRONOUNS
            or _finite_looking(before) or _irregular_past(before)):
        return None
    return words[at]


def _background_relative(words: list[str]) -> bool:
    """Whether ``words`` (those before the cue's verb) end in a mark, "who" or "which", then "-ly" adverbs and at
    least one word of ``_BACKGROUND`` ("has", "had", "previously"), after a main clause with a finite verb of its
    own: a non-restrictive relative clause that recalls an earlier saying of the person the writer's clause names."""
    at = len(words) - 1
    background = False
    while at > 0 and (words[at] in _BACKGROUND or _ly_adverb(words[at])):
        background |= words[at] in _BACKGROUND
        at -= 1
    return (background and at > 1 and words[at] in _GAPPED_RELATIVES - {"that"} and words[at - 1] in _ASIDE_MARKS
            and _has_finite_verb(words[: at - 1]))


def _negated(lower_before: list[str]) -> bool:
    """Whether the last of ``words`` (those before the cue's head: "did not say" has its own), past the adverbs of
    ``negation_gap``, is a negation ("not", "never", "didn't", the "no" of "no longer")."""
    for word in reversed(lower_before):
        if word not in _NEGATION_GAP:
            return word in ("not", "never", "no") or word.endswith(("n't", "n’t"))
    return False


def _in_adjunct_clause(lower_before: list[str], lower_after: list[str], gerund: bool = False) -> bool:
    """Whether the cue's clause is opened by an adjunct subordinator (``adjunct_subordinators``: "after", "although",
    "if"; or a claim's opening "as", ``_temporal_as``, or "when", ``_fronted_time``) with the teller between them, or
    right before a ``gerund`` cue ("After announcing his retirement, ...", "Despite admitting that"), since the last
    mark before the cue, while the sentence's main clause has a finite verb outside that clause: before it ("Obama
    wants the limit raised, although he said") or after a mark that follows the cue ("After the hosts pointed out that
    ..., Trump still embraced"). With no verb of its own outside ("This, after Trump insisted that ..."), the sentence
    is the cue's."""
    if (_ADJUNCT_OPENERS.isdisjoint(lower_before) and lower_before[:1] != ["as"]
            and _FRONTED_OPENERS.isdisjoint(lower_before[:2])):
        return False  # the common case, no opener of an adjunct clause at all: one set test before the scans
    start = _clause_start(lower_before)
    opener = next((at for at in range(len(lower_before) - 1, start - 1, -1) if lower_before[at] in _CLAUSE_OPENERS), None)
    last = len(lower_before) - 1
    if (opener is None or (opener == last and not gerund)
            or lower_before[opener] not in _ADJUNCT_OPENERS and not _temporal_as(lower_before, opener, lower_after)
            and not _fronted_time(lower_before, opener)
            or 0 < opener < last and lower_before[opener - 1] == lower_before[opener + 1]  # "country after country"
            or opener < last and lower_before[opener + 1][:1].isdigit()):  # "since 2017": a date, no clause
        return False
    return _has_finite_verb(lower_before[:opener]) or _has_finite_verb(_after_break(lower_after))


def _temporal_as(lower_before: list[str], opener: int, lower_after: list[str]) -> bool:
    """Whether the claim opens with "as" and the cue governs content of its own, a clause, question or quotation
    (``_after``: "As President Obama announces that he is ready ..., he is set to", "As the White House hints at
    what ..."): the clause tells when, as "while" would; "As Axios reported, ..." governs nothing of its own and
    its teller covers the sentence; nor does "As Dale explains in an analysis that accompanies the report, ...", whose
    "that" opens a relative clause (``_relative_that``)."""
    if opener != 0 or lower_before[0] != "as":
        return False
    kind = _after(lower_after)[0]
    return kind in _OWN_CONTENT and not (kind == "np_then_that" and _relative_that(lower_after))


def _fronted_time(lower_before: list[str], opener: int) -> bool:
    """Whether the cue's clause is opened by one of ``fronted_subordinators`` ("when") at the claim's start or right
    after a conjunction there ("When Francis said ..., ...", "But when Clinton said ..., he looked"): a time clause
    fronted before the main clause."""
    return lower_before[opener] in _FRONTED_OPENERS and (opener == 0 or opener == 1 and lower_before[0] in _CONJUNCTIONS)


def _after_break(words: list[str]) -> list[str]:
    """The words after the first comma, dash, bracket or semicolon, or none."""
    at = next((at for at, word in enumerate(words) if word in _CLAUSE_BREAKS), len(words))
    return words[at + 1:]


def _has_finite_verb(words: list[str]) -> bool:
    """Whether a word looks like a finite verb: an auxiliary or modal, a past or third-person form ("announced",
    "says"), or an irregular past ("took")."""
    return any(word in _FINITE or _finite_looking(word) or _irregular_past(word) for word in words)


def _irregular_past(word: str) -> bool:
    """A past form WordNet lists as irregular ("took", "began"), which ``_finite_looking`` cannot tell by its ending."""
    return not word.endswith("ed") and is_past_participle(word)


def _acts_on_object(lower_after: list[str]) -> bool:
    """Whether the words after a cue are an object it acts on and no content: no that-clause or question, quotation,
    clause or nothing (``_after``; a "that" after the object with a verb right after it opens a relative clause of
    the object, ``_relative_that``: "introduced legislation that would allow", "apologized for a cartoon that
    included"), and no colon nor "as" before the first stop ("condemned the attack as a crime")."""
    kind = _after(lower_after)[0]
    if kind in _NO_OBJECT and not (kind == "np_then_that" and _relative_that(lower_after)
                                   or kind in ("np_then_that", "np_then_quote") and _participle_content(lower_after)):
        return False
    for word in lower_after[:_SCAN]:
        if word == ":" or word == "as":
            return False
        if word in _STOPS:
            break
    return True


def _participle_content(lower_after: list[str]) -> bool:
    """Whether an "-ing" verb in the object, not after a preposition or subordinator, stands before its "that" or
    quotation mark: the content is the participle's, the object's own ("released a report last month demonstrating
    that ...", "released a new radio ad calling it “dangerous”", "emailed a news article reporting that ..."), and the
    verb acts on the thing; "responded by saying that", "praised Cruz for showing “...”" keep their content."""
    end = next((at for at, word in enumerate(lower_after[:_SCAN]) if word == "that" or word in QUOTE_MARKS), 0)
    return any(word.endswith("ing") and lower_after[at - 1] not in _NOT_BEFORE_PARTICIPLE
               and verb_classes(word) is not None for at, word in enumerate(lower_after[1:end], start=1))


def _relative_that(lower_after: list[str]) -> bool:
    """Whether the first "that" among the words read (``_SCAN``) has a finite verb, auxiliary or modal right after it:
    the subject gap of a relative clause ("a measure that would keep", "a cartoon that included"), where a clause of
    content has a subject of its own ("the idea that pence was")."""
    at = next((at for at, word in enumerate(lower_after[:_SCAN]) if word == "that"), None)
    if at is None or at + 1 >= len(lower_after):
        return False
    verb = lower_after[at + 1]
    return verb in _FINITE or _finite_looking(verb) or _irregular_past(verb)


def _passive_agent(lower_after: list[str]) -> bool:
    """Whether a "by" among the eight words after a passive names its agent: it comes before any "to"-infinitive,
    whose own words a "by" after it belongs to ("are said to be urging the governor to play by the rules")."""
    for at, word in enumerate(lower_after[:8]):
        if word == "by":
            return True
        if _infinitive(lower_after, at, len(lower_after)):
            return False
    return False


def _after_be(words: list[str]) -> bool:
    """Whether the words end in a form of "be" (or a word holding one, "we're", "I'm"), or in one and an "-ly"
    adverb or "also" ("was widely", "am also")."""
    if words and (words[-1].endswith("ly") or words[-1] == "also"):
        words = words[:-1]
    return bool(words) and is_be(words[-1])


def _clause_start(lower_before: list[str]) -> int:
    """Where the cue's clause opens in the words before it: after the last mark or quotation mark, else at 0."""
    return next((at + 1 for at in range(len(lower_before) - 1, -1, -1) if lower_before[at] in _CLAUSE_STARTS), 0)


def _writer_idiom(cue_words: Sequence[str], lower_before: list[str]) -> bool:
    """Whether the words since the claim's start or the last mark or quotation mark before the cue, with the cue's
    own, are one of ``writer_idioms`` ("all told", "say")."""
    start = _clause_start(lower_before)
    return " ".join([*lower_before[start:], *cue_words]) in _WRITER_IDIOMS


def _nothing_found(lower_after: list[str]) -> bool:
    """Whether the words after a verb of finding or showing open with a ``finding_objects`` word, past a "not"
    ("itself", "guilty", "not guilty", "up"), or with "no" or "little" and one of ``shown_dispositions``, a bearing
    shown rather than a finding ("showed no reaction", "has shown no sign of", "have shown little stomach for",
    "found no shame in"; "the poll showed no change" stays)."""
    words = lower_after[1:2] if lower_after[:1] == ["not"] else lower_after[:1]
    if words and words[0] in _FINDING_OBJECTS:
        return True
    return len(lower_after) > 1 and lower_after[0] in _NONE_SHOWN and lower_after[1] in _DISPOSITIONS


def _describes_itself(cue_words: Sequence[str], lower_after: list[str]) -> bool:
    """Whether the cue's object is a reflexive (``reflexives``) with a complement after it that is no "as" or "to"
    phrase, no content and no mark ("labeled himself a “uniter”", "declared themselves “LGBTQ-free zones”"); a cue
    that ends in a preposition has the reflexive as its topic ("said of himself"), and "described himself as",
    "believed itself to be", "told himself that" stay."""
    return (cue_words[-1] not in _PARTICLES and len(lower_after) > 1 and lower_after[0] in _REFLEXIVES
            and lower_after[1] not in ("as", "to") and lower_after[1] not in _CONTENT_OPENERS
            and lower_after[1] not in _STOPS)


def _names_a_thing(cue_words: Sequence[str], lower_before: list[str], lower_after: list[str]) -> bool:
    """Whether the cue's past participle of a verb of naming (``_CueShape.naming``: "titled", "dubbed", "known")
    opens the claim ("Called the Rosenberg method, it was ...") or is followed at once by the name: a quotation
    mark or a ``naming_openers`` word, in the cue or after it ("a memo titled “The Facts”", "also known as",
    "referred to as", "named after"), or, alone as the cue, follows the object of the claim's verb
    (``_after_an_object``: "hosted a segment called ..."). A finite naming verb names its object first ("called the
    plan “reckless”")."""
    following = lower_after[0] if lower_after else ""
    return (not lower_before or cue_words[-1] in _NAMING_OPENERS or following in _NAMING_OPENERS
            or following in QUOTE_MARKS or len(cue_words) == 1 and _after_an_object(lower_before))


def _after_an_object(lower_before: list[str]) -> bool:
    """Whether the words before the cue end in a noun phrase that is the object of the claim's verb: past the last
    finite verb (not one of a relative clause, "the man who sued the city called it", nor a saying's, "the group said
    the city called it") they hold a determiner and no mark but a quotation's, and end in no pronoun ("hosted a
    segment called Trump's “War on the Media”", "a report from a mysterious “organization” called PropOrNot"); a
    participle of naming there names the noun."""
    verb = next((at for at in range(len(lower_before) - 1, -1, -1) if lower_before[at] in _FINITE
                 or _finite_looking(lower_before[at]) or _irregular_past(lower_before[at])), None)
    if verb is None or verb and lower_before[verb - 1] in _RELATIVES | {"that"} or _communicates(lower_before[verb]):
        return False  # no verb, a relative clause's, or a saying's whose content clause may open with a subject
    phrase = lower_before[verb + 1 :]
    return (len(phrase) >= 2 and not _NOUN_MARKERS.isdisjoint(phrase) and _STOPS.isdisjoint(phrase)
            and phrase[-1] not in _NOUN_MARKERS and phrase[-1] not in _SUBJECTS)
