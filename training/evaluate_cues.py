"""Span-level precision, recall and F1 of the hedge and verification-note detectors.

Runs the detectors as the service does, over every claim of each whole document of the
labelled set (``data/cues/cues.jsonl``, see its README), and scores the predicted spans
that stand inside a labelled sentence against that sentence's gold spans:

- a predicted span is right when more than half of its characters lie inside one gold
  span of the same sentence and kind (for notes: the same verification kind);
- a gold span is found when some right predicted span lies mostly inside it.

Precision = right predictions / predictions, recall = found gold / gold. Attribution is
not given (every claim's attribution is None): only where notes stand is scored here,
not which claims they govern. Then every error is listed, so the numbers can be read.

    .venv/bin/python -m training.evaluate_cues [--labels data/cues/cues.jsonl]
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from service.pipeline.claims import segment
from service.pipeline.document import Document
from service.pipeline.cues import find_hedges, find_verification_notes
from service.pipeline.hedge_model import HedgeCueModel

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "data" / "cues" / "cues.jsonl"
DOCUMENT_DIRS = {"seeds": REPO / "data" / "seeds", "polnear/dev": REPO / "data" / "polnear" / "dev" / "text"}
HEDGE = "hedge"


@dataclass(frozen=True, slots=True)
class LabelledSpan:
    start: int
    end: int
    text: str
    kind: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Score:
    predicted: int
    right: int
    gold: int
    found: int

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_labels(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def document_text(doc: str) -> str:
    folder, name = doc.rsplit("/", 1)
    return (DOCUMENT_DIRS[folder] / name).read_text(encoding="utf-8")


def gold_spans(sentences: list[dict]) -> tuple[list[LabelledSpan], list[LabelledSpan]]:
    hedges = [LabelledSpan(h["start"], h["end"], h["text"], HEDGE, s["id"]) for s in sentences for h in s["hedges"]]
    notes = [
        LabelledSpan(n["start"], n["end"], n["text"], n["kind"], s["id"]) for s in sentences for n in s["verification"]
    ]
    return hedges, notes


@cache
def _detector() -> HedgeCueModel:
    return HedgeCueModel.load()


def predicted_spans(text: str, sentences: list[dict]) -> tuple[list[LabelledSpan], list[LabelledSpan]]:
    """The detectors' spans over the whole document, kept where a labelled sentence stands."""
    document = Document.of(text)
    claims = segment(document).claims
    no_attributions = [None] * len(claims)
    hedges = {
        (h.span.start, h.span.end, h.span.text, HEDGE)
        for found in find_hedges(document, claims, no_attributions, _detector())
        for h in found
    }
    notes = {
        (n.span.start, n.span.end, n.span.text, n.kind)
        for found in find_verification_notes(document, claims, no_attributions)
        for n in found
    }

    def in_sentences(spans: set[tuple[int, int, str, str]]) -> list[LabelledSpan]:
        kept = []
        for start, end, span_text, kind in sorted(spans):
            sentence = next((s["id"] for s in sentences if s["start"] <= start and end <= s["end"]), None)
            if sentence is not None:
                kept.append(LabelledSpan(start, end, span_text, kind, sentence))
        return kept

    return in_sentences(hedges), in_sentences(notes)


def mostly_inside(predicted: LabelledSpan, gold: LabelledSpan) -> bool:
    overlap = min(predicted.end, gold.end) - max(predicted.start, gold.start)
    same = predicted.sentence == gold.sentence and predicted.kind == gold.kind
    return same and 2 * overlap > predicted.end - predicted.start


def score(predicted: list[LabelledSpan], gold: list[LabelledSpan]) -> tuple[Score, list, list]:
    """The score, the wrong predictions and the gold spans not found."""
    wrong = [p for p in predicted if not any(mostly_inside(p, g) for g in gold)]
    missed = [g for g in gold if not any(mostly_inside(p, g) for p in predicted)]
    return Score(len(predicted), len(predicted) - len(wrong), len(gold), len(gold) - len(missed)), wrong, missed


def evaluate(labels: list[dict]) -> dict[str, tuple[Score, list, list]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for sentence in labels:
        by_doc[sentence["doc"]].append(sentence)
    predicted = {HEDGE: [], "verification": []}
    gold = {HEDGE: [], "verification": []}
    for doc, sentences in by_doc.items():
        text = document_text(doc)
        for part, spans in zip((HEDGE, "verification"), predicted_spans(text, sentences)):
            predicted[part] += spans
        for part, spans in zip((HEDGE, "verification"), gold_spans(sentences)):
            gold[part] += spans
    return {part: score(predicted[part], gold[part]) for part in (HEDGE, "verification")}


def report(labels: list[dict], results: dict[str, tuple[Score, list, list]]) -> str:
    texts = {s["id"]: s["text"] for s in labels}
    lines = [f"labelled sentences: {len(labels)}", ""]
    for part, (result, _, _) in results.items():
        lines.append(
            f"{part:13} gold {result.gold:4}  predicted {result.predicted:4}  "
            f"P {result.precision:.3f}  R {result.recall:.3f}  F1 {result.f1:.3f}"
        )
    for part, (_, wrong, missed) in results.items():
        for title, errors in ((f"{part}: false positives", wrong), (f"{part}: missed", missed)):
            lines += ["", f"{title} ({len(errors)})"]
            lines += [f"  {e.sentence} [{e.kind}] {e.text!r}  | {texts[e.sentence][:140]}" for e in errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args(argv)
    labels = load_labels(args.labels)
    print(report(labels, evaluate(labels)))


if __name__ == "__main__":
    main()
