"""Worst-case families, this tree against another revision, in ONE process: same answers? faster?

    .venv/bin/python -m bench.compare_worst [--against main] [--rounds 5] [--sizes 80 160] [--only NAME ...]

``bench.worst_cases`` times one tree; on a shared machine two of its runs minutes apart differ
by more than most speed-ups. Here both sides load in one process (``bench.compare``'s unpacked
``baseline_service``), and every round times each side once on the normal article and on each
family, alternating which side goes first. Printed per family and size: each side's best
CPU seconds, its ratio to its own normal article (the measure of issue 14) and this tree's
time over the other's. The JSON bodies (explain on) of every text timed are compared first.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from bench.compare import load_baseline
from bench.corpus import article_of_size, dev_paragraphs
from bench.worst_cases import FAMILIES
from service.engines import tune_for_scoring
from service.pipeline import engine as engine_module
from service.pipeline.report import render


def seconds(engine: object, render_body, text: str) -> float:
    started = time.process_time()
    render_body(engine.analyse(text), "compared")
    return time.process_time() - started


def body(engine: object, render_body, text: str) -> str:
    answer = render_body(engine.analyse(text), "compared", explain=True)
    del answer["model"]["rules_version"]
    return json.dumps(answer, sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="the revision to compare with (default main)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[80, 160], help="kB")
    parser.add_argument("--only", nargs="+", help="the families whose name or stage contains one of these")
    arguments = parser.parse_args()
    families = {name: build for name, (stage, build) in FAMILIES.items()
                if not arguments.only or any(part in name or part in stage for part in arguments.only)}
    paragraphs = dev_paragraphs()
    texts = {("normal article", kb): article_of_size(kb * 1000, paragraphs) for kb in arguments.sizes}
    texts |= {(name, kb): build(kb * 1000) for name, build in families.items() for kb in arguments.sizes}
    with tempfile.TemporaryDirectory() as folder:
        baseline_module, baseline_render = load_baseline(arguments.against, Path(folder))
        tune_for_scoring()  # as a worker is, and as bench.worst_cases's engine is
        sides = {
            arguments.against: (baseline_module.Engine.load(), baseline_render),
            "this tree": (engine_module.Engine.load(), render),
        }
        differing = [key for key, text in texts.items()
                     if len({body(engine, render_body, text) for engine, render_body in sides.values()}) > 1]
        print(f"JSON bodies (explain on) that differ: {len(differing)} of {len(texts)} texts {differing or ''}")
        best = {name: dict.fromkeys(texts, float("inf")) for name in sides}
        load_before = os.getloadavg()[0]
        for number in range(arguments.rounds):
            order = list(sides) if number % 2 == 0 else list(sides)[::-1]
            for key, text in texts.items():
                for name in order:
                    best[name][key] = min(best[name][key], seconds(*sides[name], text))
    print(f"{arguments.rounds} rounds, best CPU seconds, load average {load_before:.1f} at the start, "
          f"{os.getloadavg()[0]:.1f} at the end")
    old, new = sides
    print(f"{'':<60} {'kB':>4} {old[:10]:>10} {'ratio':>6} {new[:10]:>10} {'ratio':>6} {'new/old':>8}")
    for (name, kb) in texts:
        normal = ("normal article", kb)
        print(f"{name[:60]:<60} {kb:>4} {best[old][name, kb]:10.3f} {best[old][name, kb] / best[old][normal]:5.2f}x"
              f" {best[new][name, kb]:10.3f} {best[new][name, kb] / best[new][normal]:5.2f}x"
              f" {best[new][name, kb] / best[old][name, kb]:8.3f}")


if __name__ == "__main__":
    main()
