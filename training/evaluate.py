"""Measure the attribution model on PolNeAR dev, next to a naive baseline, over OUR claims.

    python -m training.evaluate [--model PATH] [--split dev]

Claims come from ``service.pipeline.claims.segment``, exactly as the service sees them.

- Attribution (claim level): a claim is gold-positive when a gold Cue starts inside it, and
  predicted positive when its predicted cue starts inside it. Gold cues that start in no
  claim (headlines, dropped furniture) count as misses.
- Source: a claim's predicted source is right when it overlaps a gold Source of a cue that
  starts in that claim (lenient) or when more than half of the predicted span lies inside
  one such Source (strict, as held-out scoring does). Every claim with a sourced gold cue is
  one source to find; sourced gold cues outside every claim are misses.

It scores the raw model and the pipeline's final attribution (which may add inherited and
rule-based findings). Speed is bench/'s business, not training's.
"""
from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from service.pipeline.claims import segment
from service.pipeline.document import Document as Article
from service.pipeline.model import AttributionModel
from service.pipeline.records import Claim, Span

from .polnear import Document, load_split

Reading = tuple[Span | None, Span | None]
"""What a system says about one claim: its cue and its source (either may be None)."""
Reader = Callable[[str, Sequence[Claim]], Sequence[Reading]]

BASELINE_CUES = re.compile(
    r"\b(?:said|says|say|told|tells|according to|reported|reports|stated|added|claimed|announced|wrote)\b",
    re.IGNORECASE,
)
"""The naive baseline: the first common reporting verb in a claim is its cue; no sources."""


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Scores:
    attribution: Tally
    source_lenient: Tally
    source_strict: Tally

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {
            "attribution": self.attribution.as_dict(),
            "source_lenient": self.source_lenient.as_dict(),
            "source_strict": self.source_strict.as_dict(),
        }


@dataclass(frozen=True)
class SegmentedDocument:
    document: Document
    claims: tuple[Claim, ...]


def segment_documents(documents: Sequence[Document]) -> list[SegmentedDocument]:
    return [SegmentedDocument(document, segment(Article.of(document.text)).claims) for document in documents]


def score(documents: Sequence[SegmentedDocument], read: Reader) -> Scores:
    """Claim-level attribution and source scores of ``read`` against the gold annotation."""
    scores = Scores(Tally(), Tally(), Tally())
    for item in documents:
        readings = read(item.document.text, item.claims)
        placed: set[int] = set()
        for claim, (cue, source) in zip(item.claims, readings):
            gold = [a for a in item.document.attributions if a.cue and claim.start <= a.cue_start < claim.end]
            placed.update(id(a) for a in gold)
            _count(scores.attribution, bool(gold), cue is not None and claim.start <= cue.start < claim.end)
            gold_sources = [a.sources for a in gold if a.sources]
            if source is None:
                scores.source_lenient.false_negatives += bool(gold_sources)
                scores.source_strict.false_negatives += bool(gold_sources)
                continue
            _count(scores.source_lenient, bool(gold_sources), any(_overlap(source, s) > 0 for s in gold_sources), found=True)
            _count(
                scores.source_strict,
                bool(gold_sources),
                any(_overlap(source, s) * 2 > source.end - source.start for s in gold_sources),
                found=True,
            )
        unplaced = [a for a in item.document.attributions if a.cue and id(a) not in placed]
        scores.attribution.false_negatives += len(unplaced)
        scores.source_lenient.false_negatives += sum(1 for a in unplaced if a.sources)
        scores.source_strict.false_negatives += sum(1 for a in unplaced if a.sources)
    return scores


def _count(tally: Tally, wanted: bool, hit: bool, found: bool | None = None) -> None:
    """Add one decision: ``found`` defaults to ``hit`` (a prediction was made and is right
    when ``wanted``); with ``found=True`` a made prediction that misses is both a false
    positive and, when something was wanted, a false negative."""
    found = hit if found is None else found
    if found and hit and wanted:
        tally.true_positives += 1
        return
    tally.false_positives += found
    tally.false_negatives += wanted


def _overlap(span: Span, pieces: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(span.end, end) - max(span.start, start)) for start, end in pieces)


def baseline_reader(text: str, claims: Sequence[Claim]) -> list[Reading]:
    readings: list[Reading] = []
    for claim in claims:
        match = BASELINE_CUES.search(text, claim.start, claim.end)
        readings.append((Span(match.start(), match.end(), match.group()) if match else None, None))
    return readings


def model_reader(model: AttributionModel) -> Reader:
    def read(text: str, claims: Sequence[Claim]) -> list[Reading]:
        return [(p.cue, p.source) for p in model.predict(text, claims)]

    return read


def pipeline_reader(model: AttributionModel) -> Reader:
    """The final attribution of ``service.pipeline.attribution`` (rules over the model's reading)."""
    from service.pipeline.attribution import attribute

    def read(text: str, claims: Sequence[Claim]) -> list[Reading]:
        final = attribute(Article.of(text), claims, model.predict(text, claims))
        return [(a.cue, a.source) if a is not None else (None, None) for a in final]

    return read


def gold_claim_share(documents: Sequence[SegmentedDocument]) -> float:
    """Share of claims with a gold cue: the prior any system starts from."""
    positive = total = 0
    for item in documents:
        starts = [a.cue_start for a in item.document.attributions if a.cue]
        total += len(item.claims)
        positive += sum(1 for c in item.claims if any(c.start <= s < c.end for s in starts))
    return positive / total if total else 0.0


def format_scores(name: str, scores: Scores) -> str:
    a, lenient, strict = scores.attribution, scores.source_lenient, scores.source_strict
    return (
        f"{name:<22} attribution P {a.precision:.3f} R {a.recall:.3f} F1 {a.f1:.3f} | "
        f"source F1 lenient {lenient.f1:.3f} strict {strict.f1:.3f} "
        f"(strict P {strict.precision:.3f} R {strict.recall:.3f})"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=None, help="model artefact (default: the bundled one)")
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    arguments = parser.parse_args(argv)
    model = AttributionModel.load(arguments.model)
    documents = segment_documents(load_split(arguments.split))
    print(f"model {model.version} on PolNeAR {arguments.split}: {len(documents)} articles, "
          f"{sum(len(d.claims) for d in documents)} claims, {gold_claim_share(documents):.1%} with a gold cue")
    print(format_scores("baseline (regex)", score(documents, baseline_reader)))
    print(format_scores("model", score(documents, model_reader(model))))
    print(format_scores("pipeline attribution", score(documents, pipeline_reader(model))))


if __name__ == "__main__":
    main()
