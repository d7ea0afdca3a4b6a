"""This tree's pipeline against another revision's, in ONE process: same output? how much faster?

    .venv/bin/python -m bench.compare [--against main] [--rounds 6]

On a machine shared with other busy processes, two runs minutes apart differ by more than
most speed-ups, so both sides are timed in one process: ``git archive`` unpacks the other
revision's ``service/`` in a temporary folder as the package ``baseline_service`` (the
pipeline imports its own modules relatively, so it loads beside this tree's ``service``),
and every round runs each side once, alternating which goes first. A round is what
``bench.throughput`` does: a tokenisation pass, a pipeline pass, a pass observed through the
engine's stage blocks (so the other revision needs ``pipeline/timing.py`` with its ``clock``);
every time is CPU time. First, every corpus article's JSON body (explain on, without
``rules_version``, which hashes the code) is compared: a speed-up must leave them equal.
Run it once against the tree's own HEAD too: two identical pipelines in one process still
differ by a few per cent (which was loaded first, where its objects lie), and a gain below
that is not shown.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Callable

from bench import throughput
from bench.corpus import REPO_DIR, corpus
from service.pipeline import engine as engine_module
from service.pipeline.report import render

BASELINE_PACKAGE = "baseline_service"


def unpack_service(revision: str, folder: Path, package: str) -> None:
    """``revision``'s ``service/`` unpacked into ``folder`` as the importable package ``package``."""
    archive = subprocess.run(["git", "-C", str(REPO_DIR), "archive", revision, "service"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    (folder / "service").rename(folder / package)
    sys.path.insert(0, str(folder))


def load_baseline(revision: str, folder: Path) -> tuple[ModuleType, Callable]:
    """The engine module and ``render`` of ``revision``'s pipeline, unpacked into ``folder``."""
    unpack_service(revision, folder, BASELINE_PACKAGE)
    report = importlib.import_module(f"{BASELINE_PACKAGE}.pipeline.report")
    return importlib.import_module(f"{BASELINE_PACKAGE}.pipeline.engine"), report.render


def bodies(engine: object, render_body: Callable, texts: list[str]) -> list[str]:
    rendered = []
    for text in texts:
        body = render_body(engine.analyse(text), "compared", explain=True)
        del body["model"]["rules_version"]
        rendered.append(json.dumps(body, sort_keys=True))
    return rendered


def compare(revision: str, rounds: int) -> None:
    texts = [article.text for article in corpus()]
    with tempfile.TemporaryDirectory() as folder:
        baseline_module, baseline_render = load_baseline(revision, Path(folder))
        sides = {
            revision: (baseline_module, baseline_render, baseline_module.Engine.load()),
            "this tree": (engine_module, render, engine_module.Engine.load()),
        }
        outputs = [bodies(engine, render_body, texts) for _, render_body, engine in sides.values()]
        differing = sum(before != after for before, after in zip(*outputs))
        print(f"JSON bodies (explain on) that differ: {differing} of {len(texts)} corpus articles")
        ratios: dict[str, list[float]] = defaultdict(list)
        pipeline_seconds: dict[str, list[float]] = defaultdict(list)
        spent: dict[str, dict[str, float]] = {name: defaultdict(float) for name in sides}
        totals: dict[str, float] = defaultdict(float)
        load_before = os.getloadavg()[0]
        for number in range(rounds):
            order = list(sides) if number % 2 == 0 else list(sides)[::-1]
            for name in order:
                module, render_body, engine = sides[name]
                tokenisation = throughput.tokenisation_pass(texts)
                pipeline_seconds[name].append(throughput.pipeline_pass(engine, texts, render_body))
                ratios[name].append(pipeline_seconds[name][-1] / tokenisation)
                stages, total = throughput.stage_shares(engine, texts, 1, module, render_body)
                totals[name] += total
                for stage, stage_seconds in stages.items():
                    spent[name][stage] += stage_seconds
    print(f"{rounds} rounds, CPU time, load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    for name in sides:
        print(f"{name:>12}: pipeline / tokenisation {statistics.median(ratios[name]):.1f}x"
              f" (per round {min(ratios[name]):.1f}-{max(ratios[name]):.1f}x)")
    new_over_old = [new / old for old, new in zip(*pipeline_seconds.values())]
    print(f"pipeline pass, this tree / {revision}: median {statistics.median(new_over_old):.3f}"
          f" (per round {min(new_over_old):.3f}-{max(new_over_old):.3f})")
    articles = rounds * len(texts)
    print(f"{'stage':<18}" + "".join(f"{name[:12]:>12} % {'ms/art':>7}" for name in sides))
    stages_in_order = dict.fromkeys(stage for name in sides for stage in spent[name])
    for stage in stages_in_order:
        print(f"{stage:<18}" + "".join(
            f"{100 * spent[name][stage] / totals[name]:14.1f} {spent[name][stage] * 1000 / articles:7.3f}" for name in sides))
    print(f"{'total':<18}" + "".join(f"{100.0:14.1f} {totals[name] * 1000 / articles:7.3f}" for name in sides))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="the revision to compare with (default main)")
    parser.add_argument("--rounds", type=int, default=6, help="rounds, each side once per round (default 6)")
    arguments = parser.parse_args()
    compare(arguments.against, arguments.rounds)


if __name__ == "__main__":
    main()
