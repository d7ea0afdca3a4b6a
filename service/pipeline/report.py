"""Rendering an ArticleResult: the v1 JSON body (docs/api.md) and a plain-text explanation.

The JSON body is built here, once, for every caller (HTTP API, Python API, CLI), so
they cannot drift apart. ``explain=True`` adds the decision process: each
contribution's reason, each attribution's explanation and the skipped segments.
"""
from __future__ import annotations

import textwrap

from .rules_version import rules_version
from .types import ArticleResult, Attribution, Contribution, Hedge, ScoredClaim, Span

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


def _attribution(attribution: Attribution, explain: bool) -> dict:
    body = {
        "source": _span(attribution.source),
        "source_type": attribution.source_type,
        "named": attribution.named,
        "cue": _span(attribution.cue),
        "inherited": attribution.inherited,
        "via": [{**_span(hop.span), "source_type": hop.source_type} for hop in attribution.via]
        if attribution.via
        else [],
        "refers_to": _span(attribution.refers_to),
        "kind": attribution.kind,
    }
    if explain:
        body["explanation"] = attribution.explanation
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
        "verification": [{**_span(note.span), "kind": note.kind} for note in findings.verification]
        if findings.verification
        else [],
        "model_probability": round(findings.prediction.probability, 4),
        "role": scored.role.role,
        "contributions": _contributions(scored.contributions, explain),
    }
    if explain:
        body["role_reason"] = scored.role.reason
    return body


def _hedge(hedge: Hedge, explain: bool) -> dict:
    body = {**_span(hedge.span), "category": hedge.category, "speaker": hedge.speaker, "negated": hedge.negated}
    if explain:
        body["explanation"] = hedge.explanation
    return body


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
        for term in scored.contributions:
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
