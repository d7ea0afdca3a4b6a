"""Rendering an ArticleResult: the v1 JSON body (docs/api.md) and a plain-text explanation.

The JSON body is built here, once, for every caller (HTTP API, Python API, CLI), so
they cannot drift apart. ``explain=True`` adds the decision process: each
contribution's reason, each attribution's explanation and the skipped segments.
"""
from __future__ import annotations

from .types import ArticleResult, Attribution, Contribution, ScoredClaim, Span

TEXT_PREVIEW_CHARS = 72
_SIGNS = {1: "+", 0: "=", -1: "-"}
"""How a term reads in the text explanation: adds, counts for nothing, takes away."""


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
        },
        "claims": [_claim(claim, explain) for claim in result.claims],
        "model": {"version": model_version},
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
    return {
        "index": claim.index,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "score": scored.score,
        "attribution": None if attribution is None else _attribution(attribution, explain),
        "hedges": [_span(hedge.span) for hedge in findings.hedges] if findings.hedges else [],
        "verification": [{**_span(note.span), "kind": note.kind} for note in findings.verification]
        if findings.verification
        else [],
        "model_probability": round(findings.prediction.probability, 4),
        "contributions": _contributions(scored.contributions, explain),
    }


def render_text(result: ArticleResult) -> str:
    """One line per claim: score, the claim's opening words, and the reasons in words."""
    lines = [f"article {result.score:.1f} ({result.rating}), {len(result.claims)} claims"]
    for scored in result.claims:
        text = " ".join(scored.findings.claim.text.split())
        preview = text if len(text) <= TEXT_PREVIEW_CHARS else text[: TEXT_PREVIEW_CHARS - 3] + "..."
        reasons = "  ".join(
            f"{_SIGNS[(term.points > 0) - (term.points < 0)]} {term.reason}"
            for term in scored.contributions
            if term.signal != "base"
        )
        lines.append(f"{scored.score:5.1f}  \"{preview}\"  {reasons}")
    return "\n".join(lines) + "\n"
