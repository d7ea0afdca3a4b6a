"""Where the pipeline spends its time, over the fixed corpus.

    .venv/bin/python -m bench.profile_pipeline [--passes N] [--top N] [--sampler]

By default cProfile (deterministic, exact call counts) runs ``--passes`` passes of
analyse + render over the corpus and prints the functions with the largest own time, each
with its share of the profiled total, then the same time summed per source file, so a
hot spot can be handed to the module's owner. cProfile's per-call overhead inflates
functions called very often; ``--sampler`` uses pyinstrument (a statistical profiler,
the ``bench`` extra) instead and prints its call tree, which is not inflated that way.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
from collections import defaultdict
from pathlib import Path

from bench.corpus import REPO_DIR, corpus
from service.pipeline.engine import Engine
from service.pipeline.report import render


def run_passes(engine: Engine, texts: list[str], passes: int) -> None:
    for _ in range(passes):
        for text in texts:
            render(engine.analyse(text), engine.model_version)


def where(filename: str) -> str:
    """A source file relative to the repository, or its last two path parts elsewhere."""
    path = Path(filename)
    try:
        return str(path.resolve().relative_to(REPO_DIR))
    except ValueError:
        return "/".join(path.parts[-2:]) if len(path.parts) > 1 else filename


def print_cprofile(engine: Engine, texts: list[str], passes: int, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(run_passes, engine, texts, passes)
    stats = pstats.Stats(profiler).stats  # (file, line, name) -> (calls, primitive, own, cumulative, callers)
    total = sum(own for _, _, own, _, _ in stats.values())
    print(f"cProfile, {passes} passes over {len(texts)} articles: {total:.2f} s of own time")
    print(f"{'own %':>6} {'cum %':>6} {'calls':>9}  function")
    ranked = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)
    for (filename, line, name), (calls, _, own, cumulative, _) in ranked[:top]:
        print(f"{100 * own / total:6.1f} {100 * cumulative / total:6.1f} {calls:>9}  {name} ({where(filename)}:{line})")
    print("own time per source file (a built-in's time counts for the file that called it):")
    for filename, own in sorted(own_time_per_file(stats).items(), key=lambda item: item[1], reverse=True)[:top]:
        print(f"{100 * own / total:6.1f}%  {filename}")


def own_time_per_file(stats: dict) -> dict[str, float]:
    """Own time summed per source file, built-ins (regex searches, str methods) included.

    A built-in has no file of its own ("~"): its time goes to each caller's file in
    proportion to what it spent under that caller, so "claims.py" includes the regex
    searches claims.py runs.
    """
    per_file: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, callers) in stats.items():
        if filename != "~" or not callers:
            per_file[where(filename)] += own
            continue
        for (caller_file, _, _), (_, _, own_under_caller, _) in callers.items():
            per_file[where(caller_file)] += own_under_caller
    return per_file


def print_sampled(engine: Engine, texts: list[str], passes: int) -> None:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    run_passes(engine, texts, passes)
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="passes over the corpus (default 3)")
    parser.add_argument("--top", type=int, default=25, help="rows to print (default 25)")
    parser.add_argument("--sampler", action="store_true", help="pyinstrument's call tree instead of cProfile")
    arguments = parser.parse_args()
    engine = Engine.load()
    texts = [article.text for article in corpus()]
    run_passes(engine, texts, 1)  # warm-up, not profiled
    if arguments.sampler:
        print_sampled(engine, texts, arguments.passes)
    else:
        print_cprofile(engine, texts, arguments.passes, arguments.top)


if __name__ == "__main__":
    main()
