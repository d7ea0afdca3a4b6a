"""The gold own cues the pipeline misses on the train folds, held out, by cause.

    python -m training.missed_cues [--examples N] [--folder data/realworld/check]

Each train fold is scored with a gate refitted without it (``training.heldout``); another folder (the check fold)
with the shipped gate. A gold claim's own cue is found when a
final attribution of a service claim over it has that cue (or an alt cue), as the shared measure reads it. A missed
one is put in the first cause that holds: no service claim over it; its cue was the pipeline's candidate and was
refused (by shape, ``governs_no_content`` or ``shape_refusal``, or by the gate); another cue of the claim was chosen (kept, or refused
too; whether the gold cue was among the rule cues); the gold cue was a rule cue not clear enough to use; none at
all. "split/merged" marks a gold claim cut in two or run together with another. The test fold is never read.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from service.pipeline.attribution import attribute
from service.pipeline.attribution.cues import CueIndex
from service.pipeline.attribution.decide import governs_no_content
from service.pipeline.claims import segment
from service.pipeline.document import Document
from service.pipeline.engine import Engine, find
from service.pipeline.gate import shape_refusal

from .gate import cue_matches, overlap
from .heldout import fold_gates
from .labelled import TEST_DIR, TRAIN_DIR, load_folder


def causes(examples: int, folder: Path = TRAIN_DIR) -> tuple[collections.Counter, dict[str, collections.Counter], dict[str, list[str]], int]:
    """The count of each cause, the gold cue words in it (with the chosen cue after "<-"), a few sentences each,
    and the number of gold own cues."""
    engine = Engine.load()
    gates = fold_gates() if folder == TRAIN_DIR else None
    counts: collections.Counter = collections.Counter()
    words: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    shown: dict[str, list[str]] = collections.defaultdict(list)
    total = 0
    for article in load_folder(folder):
        gate = gates[int(article.fold.removeprefix("fold"))] if gates else engine.gate
        text = article.text
        document = Document.of(text)
        claims = segment(document).claims
        predictions = engine.model.predict(text, claims, document.tokens)
        proposed = attribute(document, claims, predictions)
        scored = {f.claim.start: f.attribution for f in find(document, engine.model, engine.hedge_detector, gate)[0]}
        final = [scored.get(claim.start) for claim in claims]  # a claim that is only a sourcing note has none
        index = CueIndex(text, document.tokens)
        for gold in article.sentences:
            own = gold["attribution"]
            if not gold["claim"] or not own or not own["cue"]:
                continue
            total += 1
            gold_cues = [tuple(own["cue"]), *map(tuple, own["alt_cues"])]
            touching = [k for k, claim in enumerate(claims) if overlap((claim.start, claim.end), (gold["start"], gold["end"]))]

            def right(span) -> bool:
                return any(cue_matches((span.start, span.end), g) for g in gold_cues)

            def has_cue(attribution) -> bool:
                return attribution is not None and attribution.cue is not None and not attribution.inherited
            if any(has_cue(final[k]) and right(final[k].cue) for k in touching):
                continue
            word = text[own["cue"][0]:own["cue"][1]].lower()
            split = len(touching) > 1 or any(
                sum(overlap((claims[k].start, claims[k].end), (g["start"], g["end"])) > 0 for g in article.sentences if g["claim"]) > 1
                for k in touching)
            if not touching:
                cause = "no service claim over it"
            elif (k := next((k for k in touching if has_cue(proposed[k]) and right(proposed[k].cue)), None)) is not None:
                why = governs_no_content(document.quotations, claims[k], proposed[k]) or shape_refusal(
                    text, claims[k], proposed[k])
                cause = f"candidate refused by shape ({why})" if why else "candidate refused by the gate"
            elif (k := next((k for k in touching if has_cue(proposed[k])), None)) is not None:
                word = f"{word} <- {proposed[k].cue.text.lower()}"
                kept = "kept" if has_cue(final[k]) else "refused"
                among = any(right(cue) for j in touching for cue, _ in index.of(claims[j]))
                cause = f"another cue chosen, {kept}" + (", gold among the rule cues" if among else "")
            elif any(right(cue) for k in touching for cue, _ in index.of(claims[k])):
                cause = "a rule cue, not clear enough"
            else:
                cause = "no candidate at all"
            cause += " (split/merged)" if split else ""
            counts[cause] += 1
            words[cause][word] += 1
            if len(shown[cause]) < examples:
                start = max(gold["start"], own["cue"][0] - 70)
                shown[cause].append(text[start:own["cue"][1] + 50].replace("\n", " "))
    return counts, words, shown, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="sentences to print per cause")
    parser.add_argument("--folder", type=Path, default=TRAIN_DIR, help="a labelled folder other than the train folds")
    args = parser.parse_args(argv)
    if args.folder.resolve() == TEST_DIR.resolve():
        parser.error("--folder is a labelled folder to study, never the test fold")
    counts, words, shown, total = causes(args.examples, args.folder.resolve())
    print(f"gold own cues {total}, missed {sum(counts.values())}")
    print("| cause | count | most frequent gold cues |\n| --- | --- | --- |")
    for cause, count in counts.most_common():
        common = ", ".join(f"{word} {n}" for word, n in words[cause].most_common(8))
        print(f"| {cause} | {count} | {common} |")
    for cause, sentences in shown.items():
        print(f"\n{cause}:", *(f"  {s}" for s in sentences), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
