"""Rendering an ArticleResult: the v1 JSON body (docs/api.md) and a plain-text explanation.

The JSON body is built here, once, for every caller (HTTP API, Python API, CLI), so
they cannot drift apart. ``explain=True`` adds the decision process: each
contribution's reason, each attribution's explanation (its steps put into words, here and
nowhere else) and the skipped segments.
"""
from __future__ import annotations

import textwrap
from collections.abc import Callable

from .cues import HEDGE_EXPLANATIONS, NOTE_EXPLANATIONS
from .rules_version import rules_version
from .scoring import contributions, term_reason
from .records import (
    ArticleResult, Attribution, Contribution, Hedge, Inheritance, ScoredClaim, SourceFound, Span, Step, StepRule,
    VerificationNote, Via,
)

TEXT_WIDTH = 88
"""Claims are wrapped in full to this many columns in the text explanation."""
REASON_INDENT = "      "


def render(result: ArticleResult, model_version: str, explain: bool = False) -> dict:
    body = {
        "article": {
            "score": result.score,
            "rating": result.rating,
            "claim_count": len(result.claims),
            "summary": {
                "attributed_share": result.summary.attributed_share,
                "named_share": result.summary.named_share,
                "anonymous_share": result.summary.anonymous_share,
                "hedged_share": result.summary.hedged_share,
                "unverified_share": result.summary.unverified_share,
            },
            "sources": [
                {"text": s.text, "source_type": s.source_type, "claim_count": s.claim_count} for s in result.sources
            ],
            "reasons": list(result.reasons),
            "contributions": _contributions(result.contributions, explain),
        },
        "claims": [_claim(claim, explain) for claim in result.claims],
        "model": {"version": model_version, "rules_version": rules_version()},
    }
    if explain:
        body["skipped"] = [
            {"text": s.text, "start": s.start, "end": s.end, "kind": s.kind, "reason": s.reason}
            for s in result.skipped
        ]
    return body


def _span(span: Span | None) -> dict | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def _hop(hop: Via) -> dict:
    body = _span(hop.span)
    body["source_type"] = hop.source_type
    return body


def _attribution(attribution: Attribution, explain: bool) -> dict:
    body = {
        "source": _span(attribution.source),
        "source_type": attribution.source_type,
        "named": attribution.named,
        "cue": _span(attribution.cue),
        "inherited": attribution.inherited,
        "via": [_hop(hop) for hop in attribution.via],
        "refers_to": _span(attribution.refers_to),
        "kind": attribution.kind,
    }
    if explain:
        body["explanation"] = explain_steps(attribution.steps)
    return body


def _contributions(terms: tuple[Contribution, ...], explain: bool) -> list[dict]:
    if explain:
        return [{"signal": term.signal, "points": term.points, "reason": term.reason} for term in terms]
    return [{"signal": term.signal, "points": term.points} for term in terms]


def _claim(scored: ScoredClaim, explain: bool) -> dict:
    findings = scored.findings
    claim = findings.claim
    attribution = findings.attribution
    body = {
        "index": claim.index,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "score": scored.score,
        "attribution": None if attribution is None else _attribution(attribution, explain),
        "hedges": [_hedge(hedge, explain) for hedge in findings.hedges] if findings.hedges else [],
        "verification": [_note(note, explain) for note in findings.verification] if findings.verification else [],
        "model_probability": round(findings.prediction.probability, 4),
        "role": scored.role.role,
        "contributions": _claim_terms(scored, explain),
    }
    if explain:
        body["role_reason"] = scored.role.reason
    return body


def _claim_terms(scored: ScoredClaim, explain: bool) -> list[dict]:
    """The claim score's terms, as scoring made them (their reasons only with ``explain``)."""
    terms = scored.terms
    if explain:
        return [{"signal": term[0], "points": term[1], "reason": term_reason(term)} for term in terms]
    return [{"signal": term[0], "points": term[1]} for term in terms]


HEDGE_RULE_WORDS = {
    "quotation": "inside a quotation: the source's own words",
    "attribution_content": "in what the source is reported to say: the source's hedge",
    "reported_content": "in what someone is said to say or think: their hedge, not the writer's",
    "adjacent_to_cue": "qualifies the report itself: the writer's hedge",
    "writer_voice": "in the writer's own voice",
}


def _hedge(hedge: Hedge, explain: bool) -> dict:
    body = _span(hedge.span)
    body["category"], body["speaker"], body["negated"] = hedge.category, hedge.speaker, hedge.negated
    if explain:
        negated = " (negated)" if hedge.negated else ""
        body["explanation"] = (f"{hedge.span.text!r}{negated} {HEDGE_EXPLANATIONS[hedge.category]}; "
                               f"{HEDGE_RULE_WORDS[hedge.rule]}")
    return body


NOTE_RULE_WORDS = {
    "own_claim": "governs the claim it stands in",
    "subject_matches": "its subject {subject!r} matches the sources of claims {claims}",
    "subject_refers_back": "its subject {subject!r} names no source, so it refers back to the claim before",
    "subject_unmatched": "no earlier source matches its subject {subject!r}",
}


def _note(note: VerificationNote, explain: bool) -> dict:
    body = _span(note.span)
    body["kind"] = note.kind
    if explain:
        body["explanation"] = explain_note(note)
    return body


def explain_note(note: VerificationNote) -> str:
    """What a verification note's wording says, and why it governs the claims it does."""
    earlier = ", ".join(str(index) for index in note.governs if index != note.claim_index)
    return (f"{note.span.text!r} {NOTE_EXPLANATIONS[note.entry]}; "
            + NOTE_RULE_WORDS[note.rule].format(subject=note.subject, claims=earlier))


def render_text(result: ArticleResult) -> str:
    """A block per claim: its number and score, the claim wrapped in full, who says so (named
    once), then each term of the score on its own line with its points, base first, so the
    lines add up to the score before clamping."""
    count = len(result.claims)
    score = "unrated" if result.score is None else f"{result.score:.1f} ({result.rating})"
    blocks = [f"article {score}, {count} claim{'' if count == 1 else 's'}" + "".join(f"\n  {reason}" for reason in result.reasons)]
    width = len(str(count))
    for scored in result.claims:
        head = f"#{scored.findings.claim.index + 1:<{width}}  {scored.score:5.1f}  {scored.role.role:10}  "
        body = textwrap.fill(
            " ".join(scored.findings.claim.text.split()), TEXT_WIDTH,
            initial_indent=head, subsequent_indent=" " * len(head), break_on_hyphens=False,
        )
        lines = [body]
        attribution = scored.findings.attribution
        teller = attribution.teller if attribution is not None else None
        if teller is not None:
            lines.append(f"{REASON_INDENT}source: {_source_words(attribution)}")
        named_once = f" ({teller.text})" if teller is not None else None
        for term in contributions(scored):
            reason = term.reason.removesuffix(named_once) if named_once else term.reason
            lines.append(f"{REASON_INDENT}{term.points:+7.1f}  {reason}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _source_words(attribution: Attribution) -> str:
    """The source as the claim names it, and the earlier mention a pronoun or role refers to."""
    said = " ".join(attribution.source.text.split()) if attribution.source else ""
    if attribution.refers_to is None or not said:
        return " ".join(attribution.teller.text.split())
    return f"{said} (refers to {' '.join(attribution.refers_to.text.split())})"


FOUND_WORDS: dict[SourceFound, str] = {
    "after_cue": "after the cue",
    "after_cue_inverted": "after the cue (inverted)",
    "after_by": "after 'by' (passive)",
    "before_cue": "before the cue",
    "quoted_account": "before the cue (a quoted account name)",
    "inside_clause": "inside a clause",
    "before_apposition": "before the apposition",
    "by_model": "by the model, tightened",
    "subject_of": "as the subject of {subject_of!r}",
    "in_chain": "in the chain",
    "nowhere": "nowhere",
}
"""Where a source was found, in words."""

INHERITANCE_WORDS: dict[Inheritance, str] = {
    "continues_quotation": "it continues the quotation of",
    "whole_quotation_after": "it is wholly a quotation right after the quotation in",
    "opens_quotation_closed_later": "it opens the quotation attributed at its close in",
}


def _found(found: SourceFound, subject_of: str = "") -> str:
    return FOUND_WORDS[found].format(subject_of=subject_of)


def _rule_cue(cue: str, kind: str, found: SourceFound) -> str:
    pattern = "'according to X'" if kind == "according" else f"source {_found(found)}"
    return f"rule cue {cue!r} ({pattern})"


def _rule_source(found: SourceFound, agrees: bool) -> str:
    agreement = "the model's source agrees" if agrees else "preferred to the model's source"
    return f"rule source {_found(found)} ({agreement})"


def _according_relays(source: str | None, speaker: str) -> str:
    relay = "'according to'" if source is None else f"'according to {source}'"
    return f"{relay} relays {speaker!r}"


def _claim_named(number: int | None) -> str:
    """A claim an explanation points to; None: a line taken out of the claims after it was read (a lead-in)."""
    return "a line that is no claim" if number is None else f"claim {number}"


def _teller_named(source: str | None) -> str:
    """The teller a claim goes on with, or that none was read."""
    return "an unknown source" if source is None else repr(source)


def _inherited(why: Inheritance, claim: int | None, source: str | None, source_type: str) -> str:
    teller = "an unknown source" if source is None else source
    return f"no cue of its own: {INHERITANCE_WORDS[why]} {_claim_named(claim)}, so its source {teller!r} ({source_type}) carries over"


STEP_WORDS: dict[StepRule, Callable[..., str]] = {
    "model_cue": lambda cue, probability: f"model cue {cue!r} (p={probability:.2f})",
    "model_cue_hedge": lambda: " is a hedge, which names nobody: not used",
    "model_cue_function_verb": lambda verb: f" is function words; the reporting verb {verb!r} beside it is the cue",
    "model_cue_adverb_verb": lambda verb: f" is an adverb; the verb {verb!r} after it is the cue",
    "model_cue_function_kept": lambda: ", function words only: kept",
    "model_cue_after_tag": lambda tag: f" follows {tag!r}, the tag of the quotation before it: that is the cue",
    "model_cue_function_no_teller": lambda: " is function words with no teller beside it: not used",
    "cites_for": lambda source, cue: f" cites for {source!r} {cue}: that is the claim's cue",
    "refused_cue": lambda cue: f"the gate refused {cue!r}, so the claim's next cue was judged",
    "preferred_cue": lambda cue: f"the gate scored this cue well above {cue!r}, the claim's cue it accepted first",
    "rule_cue": _rule_cue,
    "no_model_cue": lambda: "the model gave no cue",
    "rule_source": _rule_source,
    "according_relays": _according_relays,
    "according_relays_it": lambda source: f"'according to {source}' relays it",
    "outlet_relays": lambda outlet, speaker: f"{outlet} only reports what {speaker} said: the outlet is the intermediary",
    "cited": lambda source: f"citing {source!r}: the teller is the one cited",
    "inner_teller": lambda source, cue, speaker, speaker_cue: f"{source!r} {cue} within what {speaker!r} {speaker_cue}",
    "outer_teller": lambda source, cue, speaker, speaker_cue: f"{source!r} {cue} what {speaker!r} {speaker_cue}",
    "carrier_relay": lambda source: f"{source!r} shared the carrier the source speaks in",
    "earlier_carrier": lambda carrier, source: f"'the {carrier}' is the one an earlier claim traced to {source!r}",
    "source_found": lambda source, found, subject_of: f"source {source!r} found {_found(found, subject_of)}",
    "refers_back": lambda source, referent, claim: f"{source!r} refers back to {referent!r} ({_claim_named(claim)})",
    "surname_of": lambda source, name, claim: f"{source!r} is the surname of {name!r} ({_claim_named(claim)})",
    "refers_back_to_nothing": lambda source, claims: f"{source!r} refers back to nothing within {claims} claims: left as read",
    "typed": lambda source_type, reason: f"typed {source_type}: {reason}",
    "no_source": lambda: "no source found around the cue: type unknown",
    "via": lambda *hops: "second-hand, via " + ", then ".join(
        f"{text!r} ({source_type})" for text, source_type in zip(hops[::2], hops[1::2])),
    "inherited": _inherited,
    "named_earlier": lambda source, name: f"{source!r} is {name!r}, named in an earlier sentence",
    "nearer_mention": lambda source, name: f"{source!r} is named again as {name!r}, nearer this sentence",
    "named_only_after": lambda name: f"{name!r} is named only after this sentence: no source before it",
    "named_before_pronoun": lambda source, name: f"{source!r} is {name!r}, named before it in its own sentence",
    "one_person": lambda source: f"{source!r} names no one found before it, but one person all the same",
    "goes_on_quoting": lambda source, claim: (
        f"no cue of its own: it goes on quoting {_teller_named(source)} from {_claim_named(claim)}"),
    "goes_on_reporting": lambda source, claim: (
        f"no cue of its own: a further figure or point, in the writer's words, of what {_teller_named(source)} "
        f"reported in {_claim_named(claim)}"),
    "named_before_quotation": lambda source, claim: (
        f"no cue of its own: a quotation no sentence attributes, after {_claim_named(claim)}, which opens with the name of "
        f"{source!r}: the speaker it leads in"),
    "led_in_by_no_one_named": lambda claim: (
        f"no cue of its own: a quotation no sentence attributes, opening the paragraph after {_claim_named(claim)}, a "
        f"line ending in a colon that leads it in: someone's words, though the line names no source the rules read"),
    "opened_by_no_one_named": lambda claim: (
        f"no cue of its own: it goes on inside a quotation {_claim_named(claim)} opens after a colon or a comma and "
        f"no sentence attributes: someone's words, though the words before it name no source the rules read"),
    "quoted_paragraph": lambda sentences: (
        f"no cue of its own: a quotation no sentence attributes that opens its paragraph and goes on over {sentences} "
        f"sentences: someone's words, though no source is read"),
    "poll_finding": lambda share, poll, claim: (
        f"{share!r} is a share of the people asked by {poll!r} ({_claim_named(claim)}): the poll's finding, so its source carries over"),
    "lead_in_block": lambda source, cue, claim, source_type: (
        f"no cue of its own: it stands in the block the lead-in {'line before it' if claim is None else f'of claim {claim}'}"
        f" gives to {source!r} ({cue!r} before "
        f"a colon), so its source ({source_type}) carries over"),
    "lead_in_quotation": lambda source, cue, claim, source_type: (
        f"no cue of its own: it goes on in the quotation {_claim_named(claim)} opens after {source!r} {cue!r}, so its source "
        f"({source_type}) carries over"),
    "post_signature": lambda source: f"the signature of an embedded post names its account {source!r}",
    "post_markup": lambda source: f"the markup of an embedded post names its account {source!r}",
    "post_sentence": lambda source: f"no cue of its own: a sentence of the post signed {source!r}",
    "speaker_label": lambda source: f"a transcript's speaker label {source!r}: the label is the source, the colon the cue",
    "quotation_tag": lambda source: f"the writer's tag after the quotation names {source!r}: its verb is the cue",
    "evidence_adjunct": lambda source: (
        f"an opening adjunct names {source!r}, the poll or study the claim's figures come from: the source, 'In' the cue"
    ),
    "polls_figure": lambda source: f"{source!r}, a poll, puts someone at a figure: the poll is the source",
    "closing_per": lambda source: f"a closing 'per {source}': {source!r} is the source, 'per' the cue",
    "figure_in_poll": lambda source: f"the claim's figure is given in {source!r}: the poll is the source, 'in' the cue",
    "speaker_turn": lambda source: f"no cue of its own: a sentence of the turn labelled {source!r}",
    "credited_excerpt": lambda writer: f"no cue of its own: an excerpt credited below it to {writer!r}, named only after it",
    "audience_of_cue": lambda source, audience, cue: f"source {source!r}: {audience!r} is the audience of {cue!r}",
    "apposed_name": lambda source, phrase: f"source {source!r}: the name in apposition to {phrase!r}",
    "only_relays": lambda source, relay: f"source {source!r}: {relay!r} only relays it",
    "head_only": lambda source, phrase: f"source {source!r}: what follows it in {phrase!r} says more about it",
    "adjunct_not_source": lambda source, adjunct: f"source {source!r}: {adjunct!r} only says when, where or how",
    "subject_of_content": lambda source, subject: f"source {source!r}: {subject!r} after the cue is the content's subject",
    "content_not_source": lambda words, cue: f"no source: {words!r} after {cue!r} is what is said, and no teller stands before it",
    "opening_word": lambda source, words: f"source {source!r}: the word that opens {words!r} is no part of it",
    "adjunct_only": lambda adjunct: f"{adjunct!r} only says when, where or how, and no teller follows it",
    "affiliated_name": lambda source, affiliation: f"source {source!r}: {affiliation!r} is part of the name's affiliation",
    "subject_before_aside": lambda source, aside: f"source {source!r}: {aside!r} is an aside about it",
    "relative_clause_head": lambda source, inside: f"source {source!r}: {inside!r} stands in a relative clause about it",
    "modifier_not_source": lambda source, inside: f"source {source!r}: {inside!r} stands in what only modifies it",
    "participles_subject": lambda source, inside: (
        f"source {source!r}: the subject of the clause the participle goes on from; {inside!r} stands after it"),
    "relative_is_relay": lambda source: f"source {source!r}: the relative pronoun after it stands for it, no other teller",
    "origin_refined": lambda source, claim: f"source {source!r}: as the source of {_claim_named(claim)}, which it continues, was made right",
    "sourceless_cue": lambda source, cue: f"source {source!r}: no source was found beside {cue!r}; it is who says it by the guidelines",
}
"""Each attribution rule's step in words, from the step's detail."""

QUALIFIERS = frozenset({
    "model_cue_hedge", "model_cue_function_verb", "model_cue_adverb_verb", "model_cue_function_kept", "model_cue_function_no_teller",
    "model_cue_after_tag", "cites_for",
})
"""Steps that qualify the model's cue before them ("model cue 'has' (p=0.81) is function words ..."): written on
after it, where every other step starts a new "; "-separated note."""


def explain_steps(steps: tuple[Step, ...]) -> str:
    """An attribution's steps in words: how its cue, source, chain and type were found."""
    words = ""
    for step in steps:
        said = STEP_WORDS[step.rule](*step.detail)
        words += said if step.rule in QUALIFIERS or not words else f"; {said}"
    return words
