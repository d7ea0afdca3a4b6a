"""The hedge stage alone, this tree against other revisions, in ONE process: how many times the reference's cost?

    .venv/bin/python -m bench.hedge_stage [--against 355a878,main] [--rounds 10]

The issue's speed bar for hedges is the stage's cost at 355a878 (the lexicon alone, before the trained
detector), which predates the Document and the stage blocks ``bench.compare`` times, so the stage is timed
here on its own: ``find_hedges`` over the fixed corpus (89 articles), each revision unpacked beside this tree
as its own package (as ``bench.compare`` does). A revision whose ``find_hedges(text, claims)`` takes the text
runs on its own claims; one that takes the Document runs on this tree's Document, claims and attributions
(the stage's input) with its own detector. Every round times each side once (best of three passes, CPU
time), the order alternating; the ratios are per round, to the first revision.
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from bench.compare import unpack_service
from bench.corpus import corpus
from service.pipeline.attribution import attribute_candidates
from service.pipeline.claims import segment
from service.pipeline.document import Document
from service.pipeline.engine import Engine

THIS_TREE = "this tree"


def stage_inputs(engine: Engine, texts: list[str]) -> list[tuple]:
    """This tree's Document, claims and gated attributions of every text: what the hedge stage is given."""
    inputs = []
    for text in texts:
        document = Document.of(text)
        claims = segment(document).claims
        predictions = engine.model.predict(text, claims)
        gated = engine.gate.apply(document.quotations, claims, predictions, attribute_candidates(document, claims, predictions))
        inputs.append((document, claims, gated))
    return inputs


def revision_pass(revision: str, number: int, folder: Path, texts: list[str], inputs: list[tuple]) -> Callable:
    """A pass of ``revision``'s hedge stage over the corpus."""
    package = f"hedge_stage_{number}"
    unpack_service(revision, folder, package)
    cues = importlib.import_module(f"{package}.pipeline.cues")
    if len(inspect.signature(cues.find_hedges).parameters) == 2:
        claims = importlib.import_module(f"{package}.pipeline.claims")
        own_claims = [claims.segment(text).claims for text in texts]
        return lambda: [cues.find_hedges(text, found) for text, found in zip(texts, own_claims)]
    detector = importlib.import_module(f"{package}.pipeline.hedge_model").HedgeCueModel.load()
    return lambda: [cues.find_hedges(document, found, gated, detector) for document, found, gated in inputs]


def best_of(run: Callable, passes: int = 3) -> float:
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def compare(revisions: list[str], rounds: int) -> None:
    from service.pipeline import cues

    texts = [article.text for article in corpus()]
    engine = Engine.load()
    inputs = stage_inputs(engine, texts)
    with tempfile.TemporaryDirectory() as root:
        sides = {}
        for number, revision in enumerate(revisions):
            folder = Path(root) / str(number)
            folder.mkdir()
            sides[revision] = revision_pass(revision, number, folder, texts, inputs)
        sides[THIS_TREE] = lambda: [cues.find_hedges(document, found, gated, engine.hedge_detector)
                                    for document, found, gated in inputs]
        seconds: dict[str, list[float]] = {name: [] for name in sides}
        load_before = os.getloadavg()[0]
        for number in range(rounds):
            for name in (list(sides) if number % 2 == 0 else list(sides)[::-1]):
                seconds[name].append(best_of(sides[name]))
    reference = revisions[0]
    print(f"{rounds} rounds, CPU time, load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    for name, timed in seconds.items():
        ratios = [mine / theirs for mine, theirs in zip(timed, seconds[reference])]
        print(f"{name:>12}: {statistics.median(timed) * 1000 / len(texts):.3f} ms/article, {statistics.median(ratios):.2f}x "
              f"{reference} (per round {min(ratios):.2f}-{max(ratios):.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="355a878,main", help="revisions, comma-separated; the first is the reference")
    parser.add_argument("--rounds", type=int, default=10, help="rounds, each side once per round (default 10)")
    arguments = parser.parse_args()
    compare(arguments.against.split(","), arguments.rounds)


if __name__ == "__main__":
    main()
