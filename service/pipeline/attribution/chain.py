"""Second-hand chains: the tellers between the source and the article (``via``).

"TASS reported, citing Denis Pushilin" is source Pushilin via TASS; "according to Z"
is nearest the article; a relay shares the carrier the source speaks in; "the video"
goes back to the tellers an earlier claim traced it to.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from functools import lru_cache

from ..resources import read_entries
from ..records import Claim, Span, Step
from ..sources import classify_source
from .cues import Candidate, Cues
from .inherit import Seen
from .references import names_a_teller
from .spans import source_after
from .words import ADJUNCT, CLAUSE_WORDS, word_initial_matches

_LINK = re.compile(rf"(?:\s+(?:{ADJUNCT}))?\s*[:,]?\s*(?:that\s+)?", re.IGNORECASE)
# An outer teller's cue runs into the speaker with no comma unless an "as" opens its clause (``_outer_teller``).
_OUTER_LINK = re.compile(rf"(?:\s+(?:{ADJUNCT}))?\s*:?\s*(?:that\s+)?", re.IGNORECASE)
_AS_BEFORE = re.compile(r"\b[Aa]s\s+$")
# What may follow the cue of a reporting clause that closes the claim ("..., CNN reported on Monday.").
_CLOSING = re.compile(rf"(?:\s+(?:{ADJUNCT}))?\s*[.!?]?[”\"’']*\s*")
# Carriers: what a source speaks in, which someone else may pass on ("a video shared by X").
_CARRIERS = "|".join(read_entries("source_carriers.txt"))
_RELAY = re.compile(
    rf"\b(?:{_CARRIERS})s?\b[^.;:“”\"]{{0,40}}?\b(?:{'|'.join(CLAUSE_WORDS['relay_verbs'])})\s+by\s+",
    re.IGNORECASE,
)
# Every relay has " by " in it: looking for that first skips most claims cheaply.
_BY_WORD = re.compile(r"\s[Bb][Yy]\s")
# "the video": the word boundary before "the" is checked on each hit (``word_initial_matches``),
# which lets the regex engine skip ahead to the next "T" or "t".
_DEFINITE_CARRIER = re.compile(rf"[Tt]he\s+({_CARRIERS})\b")


MAX_TELLERS = 4
"""The source and at most three intermediaries: FactBank's nested sources rarely go deeper, and each hop
already costs the claim (weights.toml, per_via_hop)."""


def trace_chain(
    text: str, claim: Claim, primary: Candidate, found: Cues, seen: deque[Seen]
) -> tuple[list[Span], list[Step]]:
    """The claim's tellers, nearest to the article first; the last is the source.

    "according to Z" is always nearest the article; the speaker is the primary cue's
    source, or with an "according to" primary or an outlet's closing one the claim's clear
    reporting clause ("X reported ..., according to the ISW"; "X said ..., CNN reported").
    Around the speaker: an inner teller in its own "that"-clause, or else an outlet whose
    reporting clause closes the claim after the speaker's own, or else an outer teller whose
    "that"-clause it stands in; then whoever it cites; a relay of the carrier it speaks in;
    an earlier claim's tellers for "the video".
    """
    rest = found.others(primary.cue)
    if not rest:
        # No other cue: nothing relays, nests in or is cited by the primary one.
        if primary.kind == "according":
            return ([] if primary.source is None else [primary.source]), []
        if primary.source is None:
            return [], []
        return _carried(text, claim, [], [primary.source], [], seen)

    def others(keep: Callable[[Span, str], bool]) -> Iterator[Candidate]:
        """The other cues' candidates with a source of their own, filtered on the cue first."""
        for index, cue, kind in rest:
            if keep(cue, kind) and (candidate := found[index]).source is not None and candidate.source != primary.source:
                yield candidate

    speaker = primary
    chain = []
    notes: list[Step] = []
    closing = _closing_outlet(text, claim, primary)
    if primary.kind == "according" or closing:
        # a verb inside the "according to" phrase is its head noun ("according to the report"), no speaker
        # an outlet's closing clause: its source comes before its cue (``_closing_outlet``)
        phrase = Span(primary.source.start if closing else primary.cue.start,
                      max(primary.cue.end, primary.source.end if primary.source else 0), "")
        speaker = next(
            (c for c in others(lambda cue, kind: kind == "verb") if c.clear and not _overlaps(c.source, phrase)
             and not phrase.start <= c.cue.start < phrase.end),
            None,
        )
        if primary.source is not None:
            chain.append(primary.source)
        if speaker is not None:
            rest = [other for other in rest if other[1] != speaker.cue]
            relay = primary.source.text if primary.source is not None else None
            notes.append(Step("outlet_relays" if closing else "according_relays", relay, speaker.source.text))
    else:
        for teller in others(lambda _, kind: kind == "according"):
            chain.append(teller.source)
            notes.append(Step("according_relays_it", teller.source.text))
    if speaker is None or speaker.source is None:
        cited = next(
            (c for c in others(lambda cue, kind: kind == "citing" and cue.start > primary.cue.start) if names_a_teller(text, c.source)),
            None,
        )
        if cited is not None:
            chain.append(cited.source)
            notes.append(Step("cited", cited.source.text))
        return chain, notes
    tellers = [speaker.source]
    # An outlet's reporting clause closing the claim after the speaker's own ("X said ..., CNN reported") relays it:
    # an outer teller, never one inside what the speaker said.
    relaying = next((c for c in others(lambda cue, kind: kind == "verb" and cue.start > speaker.cue.end)
                     if _closing_outlet(text, claim, c)), None)
    # An inner source starts after the speaker's cue, so its own cue cannot end before that
    # cue starts (a source after its cue is separated from it by "by" or spaces at most).
    inner = next(
        (
            c
            for c in others(lambda cue, kind: kind == "verb" and cue.end > speaker.cue.start)
            if c is not relaying and c.clear and _links(text, speaker.cue, c.source) and names_a_teller(text, c.source)
        ),
        None,
    )
    if inner is not None:
        tellers.append(inner.source)
        notes.append(Step("inner_teller", inner.source.text, inner.cue.text, speaker.source.text, speaker.cue.text))
    elif relaying is not None:
        tellers.insert(0, relaying.source)
        notes.append(Step("outlet_relays", relaying.source.text, speaker.source.text))
    elif (outer := next((c for c in others(lambda _, kind: kind == "verb")
                         if _outer_teller(text, claim, c, speaker.source)), None)) is not None:
        tellers.insert(0, outer.source)
        notes.append(Step("outer_teller", outer.source.text, outer.cue.text, speaker.source.text, speaker.cue.text))
    last_cue = (inner or speaker).cue
    for cited in others(lambda cue, kind: kind == "citing" and cue.start > last_cue.start):
        if not names_a_teller(text, cited.source):
            continue
        tellers.append(cited.source)
        notes.append(Step("cited", cited.source.text))
    return _carried(text, claim, chain, tellers, notes, seen)


def _carried(
    text: str, claim: Claim, chain: list[Span], tellers: list[Span], notes: list[Step], seen: deque[Seen]
) -> tuple[list[Span], list[Step]]:
    """``chain`` (the "according to" tellers) then ``tellers`` (around the speaker, the last
    one), with whoever shared the carrier the speaker speaks in just before the speaker,
    and first the tellers an earlier claim traced "the video" to."""
    if _BY_WORD.search(text, claim.start, claim.end) and (relay := _RELAY.search(text, claim.start, claim.end)) is not None:
        source = source_after(text, relay.end(), claim.end)
        if source is not None and source not in tellers:
            tellers.insert(len(tellers) - 1, source)
            notes.append(Step("carrier_relay", source.text))
    chain.extend(tellers)
    if (carrier := _definite_carrier(text, claim)) is not None:
        earlier = [span for span in _carrier_tellers(carrier.group(1), seen) if span not in chain]
        # at most MAX_TELLERS in all, the nearest kept: each "The video ..., it added." would otherwise carry
        # every earlier teller of the story, and the answer would grow with the square of the article
        earlier = earlier[max(0, len(earlier) - (MAX_TELLERS - len(chain))):]
        if earlier:
            chain[:0] = earlier
            notes.append(Step("earlier_carrier", carrier.group(1), earlier[0].text))
    return chain, notes


def _closing_outlet(text: str, claim: Claim, primary: Candidate) -> bool:
    """Whether ``primary`` is a media outlet's reporting clause that closes the claim after a comma ("McConnell had
    cautioned Trump that ..., the Washington Post reported."): the outlet relays the teller of the clause before it,
    as "according to" one does (docs/guidelines.md, Second-hand: source the teller, via the outlet)."""
    source = primary.source
    return (
        primary.kind == "verb" and source is not None and source.end <= primary.cue.start
        and text[claim.start : source.start].rstrip(" ”\"’'").endswith(",")
        and _CLOSING.fullmatch(text, primary.cue.end, claim.end) is not None
        and classify_source(text, source).source_type == "media"
    )


def _definite_carrier(text: str, claim: Claim) -> re.Match[str] | None:
    """The first "the video" (a carrier with "the", as a whole word) in the claim."""
    return next(word_initial_matches(_DEFINITE_CARRIER, text, claim.start, claim.end), None)


def _overlaps(span: Span, other: Span) -> bool:
    return span.start < other.end and other.start < span.end


def _links(text: str, outer_cue: Span, inner_source: Span | None, link: re.Pattern[str] = _LINK) -> bool:
    """True when the inner source's clause is what the outer cue reports ("X added that Y ...")."""
    if inner_source is None or inner_source.start < outer_cue.end:
        return False
    return link.fullmatch(text, outer_cue.end, inner_source.start) is not None


def _outer_teller(text: str, claim: Claim, outer: Candidate, speaker: Span) -> bool:
    """Whether ``outer`` reports the clause the speaker opens: its cue runs into the speaker with no comma ("X
    reported that Y said", "X reported: Y said") unless an "as" opens its clause ("As Mashable reports, the company
    announced"), since a comma there mostly sets the speaker's clause after a noun read as a verb ("Cost estimates, he
    added", "on a Sunday night call, the former vice president said"); and, as for an inner one, its source names
    someone (a label is no one: "What they're saying: Howard told CNN")."""
    linked = _links(text, outer.cue, speaker, _OUTER_LINK) or (
        _AS_BEFORE.search(text, claim.start, outer.source.start) is not None and _links(text, outer.cue, speaker))
    return linked and names_a_teller(text, outer.source)


def _carrier_tellers(carrier: str, seen: deque[Seen]) -> list[Span]:
    """The tellers of the nearest earlier claim that mentions ``carrier`` ("video")."""
    mention = _mention_of(carrier)
    for earlier in reversed(seen):
        attribution = earlier.attribution
        if attribution is not None and attribution.source is not None and mention.search(earlier.claim.text):
            return [*(v.span for v in attribution.via), attribution.source]
    return []


@lru_cache(maxsize=64)
def _mention_of(carrier: str) -> re.Pattern[str]:
    """A mention of ``carrier`` ("video" or "videos"), compiled once per carrier word of the lexicon."""
    return re.compile(rf"\b{carrier}s?\b", re.IGNORECASE)
