"""Quotation inheritance: a claim with no cue of its own that continues, or opens, a
quotation attributed in a nearby claim takes that claim's attribution."""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence

from ..document import Quotations
from ..records import Attribution, Claim, Inheritance, Span, Step, record, replace
from ..sources import classify_source
from .references import GENDERED_PRONOUNS
from .spans import ADJUNCT_WORDS, OPENING_WORDS, name_in
from .words import CLAUSE_WORDS

LOOKBACK_MENTION = 16
"""How many claims before a quotation its speaker's earlier mention is looked for."""
# A personal name ending where a match ends: capitalised words and initials, no title ("Cory Booker", "George W. Bush").
_NAME_ENDING = re.compile(r"(?:[A-Z][a-z'’-]+\s+(?:[A-Z]\.\s+)?){0,2}[A-Z][\w'’-]*$")
CLAUSE_OPENERS = ADJUNCT_WORDS | OPENING_WORDS | frozenset(CLAUSE_WORDS["subordinators"])
"""Words that open a sentence before a name and are no part of it, capitalised there ("On Thursday", "As Eloise
Reed", "When Lehman", "But Devine")."""
_CAPITALISED_WORD = re.compile(r"([A-Z][\w'’-]*)\s+")
_NAMED_ONCE = frozenset({"organization", "media", "social_media", "document"})
"""Source types whose earlier mention is the same words (a person's is the surname)."""
LOOKBACK_SAME_WORDS = 40
"""How many claims before a quotation the same words of an institution's name are looked for."""
_DEFINITE_NOUN = re.compile(r"[Tt]he\s+([a-z][\w'’-]*)")
"""A bare definite noun ("the email", "the statement"): it refers back to a mention of the same noun."""
_HANDLE = re.compile(r"\s*\(@\w+\)$")
DIRECT_QUOTE_SHARE = 0.6
"""Share of the attributed content (outside the source and cue) that must be quoted."""


@record
class Seen:
    """What later claims need to know about an earlier one: the claim and its attribution."""

    claim: Claim
    attribution: Attribution | None


@record
class CarriedSource:
    """The words naming the source a claim with no cue takes over (a speaker's earlier mention, a poll the sentence
    names) and what they were resolved to where they stand ("the minority leader" standing for "Harry Reid"): the
    referent is taken with the words, not resolved again where they are carried. Not ``references.Mention``, the
    sources remembered for back-references."""

    source: Span
    refers_to: Span | None = None


def is_direct_quote(quotations: Quotations, claim: Claim, cue: Span, source: Span | None) -> bool:
    """True when most of the content (the longer side of the reporting clause) is quoted; False at once in a text
    with no quotation (most claims of a long article of reported speech, "..., he said."), where nothing is."""
    if not quotations.outer:
        return False
    text = quotations.text
    left = min(cue.start, source.start if source and source.start >= claim.start else cue.start)
    right = max(cue.end, source.end if source and source.end <= claim.end else cue.end)
    before, after = (claim.start, left), (right, claim.end)
    start, end = before if left - claim.start > claim.end - right else after
    content = end - start - text.count(" ", start, end)
    if content == 0:
        return False
    return quotations.quoted_length(start, end) / content >= DIRECT_QUOTE_SHARE


def inherit_backward(quotations: Quotations, claim: Claim, seen: deque[Seen]) -> Attribution | None:
    """A quotation continued from an earlier claim takes that claim's attribution."""
    if claim.opens_inside_quote:
        for earlier in reversed(seen):
            if earlier.claim.paragraph == claim.paragraph and earlier.attribution is not None:
                return _inherited(earlier.attribution, earlier.claim, "continues_quotation")
        return None
    if not seen or not quotations.is_whole_quotation(claim.start, claim.end):
        return None
    return _after_quoting(quotations, seen[-1], claim)


def _after_quoting(quotations: Quotations, previous: Seen, claim: Claim) -> Attribution | None:
    """A quotation right after a claim that quotes someone is that speaker's; in the same paragraph, so is one
    right after a claim that reports someone's words without quoting them ("..., he said." then “This saves
    time.”)."""
    if (
        previous.attribution is not None
        and (quotations.stretches(previous.claim.start, previous.claim.end)
             or (claim.paragraph == previous.claim.paragraph and previous.attribution.cue is not None))
        and claim.paragraph - previous.claim.paragraph <= 1
        and previous.claim.index == claim.index - 1
    ):
        return _inherited(previous.attribution, previous.claim, "whole_quotation_after")
    return None


def inherit_forward(
    quotations: Quotations, claims: Sequence[Claim], results: list[Attribution | None]
) -> tuple[Attribution | None, ...]:
    """A claim that opens a quotation left open takes the attribution of the claim that
    closes it ("“A. B,” she said."), however many sentences of its paragraph the quotation runs over (a rally's
    string of short ones: "Lie after lie after lie. To prove intent. ..."); when no
    later claim attributes it, that of the claim before it if that one quotes someone, and so do the claims of its
    paragraph that go on inside that quotation (``inherit_backward`` read them before it had one)."""
    for index, claim in enumerate(claims):
        if results[index] is not None or claim.opens_inside_quote or not quotations.leaves_open(claim.start, claim.end):
            continue
        for later in claims[index + 1 :]:
            if later.paragraph != claim.paragraph or not later.opens_inside_quote:
                break
            attribution = results[later.index]
            if attribution is not None and not attribution.inherited:
                earlier = earlier_mention(claims, results, index, attribution)
                results[index] = _inherited(attribution, later, "opens_quotation_closed_later", earlier)
                break
        if results[index] is None and index > 0:
            results[index] = opened = _after_quoting(quotations, Seen(claims[index - 1], results[index - 1]), claim)
            for later in claims[index + 1 :] if opened is not None else ():
                if later.paragraph != claim.paragraph or not later.opens_inside_quote or results[later.index] is not None:
                    break
                results[later.index] = _inherited(opened, claim, "continues_quotation")
    return tuple(results)


def _inherited(attribution: Attribution, origin: Claim, why: Inheritance, mention: CarriedSource | None = None) -> Attribution:
    """The attribution a claim with no cue takes over from claim ``origin``, and the step that says why."""
    teller = mention.source if mention else attribution.teller
    step = Step("inherited", why, origin.index, teller.text if teller else None, attribution.source_type)
    return carry(attribution, (step,), mention)


def origin_index(attribution: Attribution) -> int | None:
    """The index of the claim ``attribution`` was taken over from (the "inherited" step ``_inherited`` writes); None
    when it was not inherited so."""
    return next((step[2] for step in attribution.steps if step.rule == "inherited"), None)


def carry(
    attribution: Attribution, steps: tuple[Step, ...], mention: CarriedSource | None = None, quoting: bool = True
) -> Attribution:
    """``attribution`` taken over by a claim with no cue: the earlier claim's source words and what they refer to
    ("he" and the name it stands for), for the hand labels point an inherited source at the words of the claim it
    continues and the referent stays known; or ``mention``, the name given before a quotation closed later, with
    what it refers to there (docs/guidelines.md: a role names a person through ``refers_to``).
    ``quoting``: whether the claim goes on in the source's own words (a quotation, an excerpt), which scoring credits
    as a direct quotation; a poll's further finding or a further point of a report the writer words is not one."""
    return replace(
        attribution,
        source=mention.source if mention else attribution.source,
        refers_to=mention.refers_to if mention else attribution.refers_to,
        cue=None,
        inherited=True,
        direct_quote=quoting,
        steps=steps,
    )


def earlier_mention(
    claims: Sequence[Claim], attributions: Sequence[Attribution | None], index: int, later: Attribution
) -> CarriedSource | None:
    """For a quotation whose speaker is named only where it closes ("... ,” Booker said."), the speaker's nearest
    mention before the quotation: the source of its sentences (data/realworld/README.md, "Quote first, speaker
    named after"). For a person that is the source of the nearest claim before whose own cue tells them
    (``_said_by``: "the Republican presidential candidate said", resolved to "Trump"; "Trump called the judge a
    “hater of Donald Trump”": "Trump", not the quoted name); failing that, the name a pronoun at the close stands for
    ("she said", ``refers_to``) when it stands before the quotation, or for a named person the surname's last
    mention a few claims before ("Cory Booker" a paragraph earlier); for an organisation, outlet, account or
    document, the same words anywhere before ("Portland police", "Jane Roe (@janeroe)" signing an earlier post), or
    for a bare definite noun its noun ("the email read": the "email" of "a fundraising email"). None when there is
    none."""
    teller = later.teller
    if teller is None:
        return None
    surname = re.compile(rf"(?<![\w'’-]){re.escape(teller.text.split()[-1])}(?![\w-])")
    if later.refers_to is not None and later.refers_to.end <= claims[index].start:
        for earlier in reversed(claims[max(0, index - LOOKBACK_MENTION) : index]):
            if earlier.end <= later.refers_to.end:
                break
            if (said := _said_by(earlier, attributions[earlier.index], surname)) is not None:
                return said
        return CarriedSource(later.refers_to)
    if later.source_type in _NAMED_ONCE and later.source is not None:
        words = later.source.text
        noun = _DEFINITE_NOUN.fullmatch(words)
        same = _same_words_before(claims, index, words) or (
            _same_words_before(claims, index, noun.group(1)) if noun is not None else None)
        return CarriedSource(same) if same is not None else None
    if later.source_type != "person" or not later.named:
        return None
    for earlier in reversed(claims[max(0, index - LOOKBACK_MENTION) : index]):
        if (said := _said_by(earlier, attributions[earlier.index], surname)) is not None:
            return said
        for match in reversed(list(surname.finditer(earlier.text))):
            name = _NAME_ENDING.search(earlier.text, 0, match.end())
            start = name.start() if name is not None and name.end() == match.end() else match.start()
            start = past_openers(earlier.text, start, match.start())  # "But Devine said ...": the name
            found = Span(start, match.end(), earlier.text[start : match.end()])
            found = name_in(earlier.text, found) or found
            reading = classify_source(earlier.text, found)
            if reading.source_type == "person" and reading.named:
                return CarriedSource(Span(earlier.start + found.start, earlier.start + found.end, found.text))
    return None


def _said_by(claim: Claim, attribution: Attribution | None, surname: re.Pattern[str]) -> CarriedSource | None:
    """The source words of ``claim``'s ``attribution``, with what they refer to, when its own cue tells the one
    person the surname names, by name or by a role resolved to them; None for a pronoun ("he said"), whose words
    name no one once carried apart from its referent, and for several people ("Arndt and Schmidt said"), of whom the
    quotation gives one."""
    if (attribution is None or attribution.inherited or attribution.cue is None or attribution.source is None
            or attribution.source_type != "person" or attribution.source.text.lower() in GENDERED_PRONOUNS
            or not surname.search(attribution.teller.text)):
        return None
    source = attribution.source
    if source.start < claim.start or source.end > claim.end:
        return None
    within = Span(source.start - claim.start, source.end - claim.start, source.text)
    return None if classify_source(claim.text, within).plural else CarriedSource(source, attribution.refers_to)


def past_openers(text: str, start: int, end: int) -> int:
    """Where a name in ``text[start:end]`` starts past the capitalised ``CLAUSE_OPENERS`` before it ("But Devine",
    "As Eloise Reed"): their capital is the sentence's, not the name's."""
    while (opener := _CAPITALISED_WORD.match(text, start, end)) is not None and opener.group(1).lower() in CLAUSE_OPENERS:
        start = opener.end()
    return start


def _same_words_before(claims: Sequence[Claim], index: int, words: str) -> Span | None:
    """The last mention of ``words`` (an account's name without its handle; any case) in the claims before
    ``claims[index]``: an institution is named the same way each time."""
    name = _HANDLE.sub("", words).strip()
    if len(name) < 3:
        return None
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?:\s*\(@\w+\))?(?![\w-])", re.IGNORECASE)
    for earlier in reversed(claims[max(0, index - LOOKBACK_SAME_WORDS) : index]):
        found = None
        for found in pattern.finditer(earlier.text):
            pass
        if found is not None:
            return Span(earlier.start + found.start(), earlier.start + found.end(), found.group())
    return None
